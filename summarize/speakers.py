"""Who is quoted: mentions of people and organisations, nominative names, resolution.

A *mention* is a run of the text's own words that can name a speaker: a person's
name ("Андреем Белоусовым"), a role ("представитель Philips", "сенатор"), an
organisation ("Минобороны Казахстана", "газета «Труд»") or a pronoun ("он").
:class:`People` reads a whole text once (lazily) and resolves a mention to the
canonical nominative name a database would use: the full name when the text gives it
anywhere ("Косанова" -> "Даурен Косанов"), the person a role or pronoun points back
to, or the organisation an unnamed spokesperson speaks for.

pymorphy3's ``Name``/``Surn``/``Patr`` grammemes say which capitalised words belong
to a person's name; ``inflect`` puts them into the nominative.  Surnames the
dictionary does not know ("Косанов") are recognised by their suffix and put into the
nominative by a few ending rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

from .lexicon import column, head_nouns, is_listed_preposition, load, tagged
from .morph import (
    CACHE_SIZE,
    SURNAME_CASE_ENDING,
    SURNAME_SUFFIX,
    analyzer,
    has_case,
    is_known,
    is_verbal,
    lemma_pos,
    lemmas,
    likely_pos,
    name_parses,
    name_tags,
    normalize_word,
    parses,
)
from .punct import CLOSER, CLOSING, DASHES, MARKS, OPENING, TERMINAL, WORD_GAP, one_of
from .records import Span
from .text import DOMAIN, JOINERS, tokens

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


_SURNAME_END = re.compile(
    rf"{SURNAME_SUFFIX}{SURNAME_CASE_ENDING}?$|(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)$|енко$"
)
"""Endings of Russian surnames in any case ("Карасина", "Лесину", "Вертинского")."""
_SOFT = "бвгджзклмнпрстфхцчшщ"


def _is_initial(text: str, tok: Span) -> bool:
    return len(tok.text) == 1 and tok.text.isupper() and text[tok.stop : tok.stop + 1] == "."


def _restore_case(template: str, word: str) -> str:
    if len(template) > 1 and template.isupper():
        return word.upper()
    if not template[:1].isupper():
        return word
    out, upper_next = [], True
    for ch in word:
        out.append(ch.upper() if upper_next else ch)
        upper_next = ch in JOINERS
    return "".join(out)


def _guess_nominative(word: str, case: str, gender: str) -> str:
    """Undo a case ending of a surname the dictionary does not know ("Косанова" -> "Косанов")."""
    low = word.lower()
    if case == "nomn" or len(low) < 3:
        return word
    rules: tuple[tuple[str, str], ...]
    if gender == "femn":
        rules = (
            ("овой", "ова"),
            ("евой", "ева"),
            ("иной", "ина"),
            ("ову", "ова"),
            ("еву", "ева"),
            ("ину", "ина"),
            ("ской", "ская"),
            ("скую", "ская"),
        )
    else:
        rules = (
            ("еем", "ей"),
            ("ея", "ей"),
            ("ею", "ей"),
            ("овым", "ов"),
            ("евым", "ев"),
            ("иным", "ин"),
            ("ова", "ов"),
            ("ева", "ев"),
            ("ина", "ин"),
            ("ову", "ов"),
            ("еву", "ев"),
            ("ину", "ин"),
            ("ове", "ов"),
            ("еве", "ев"),
            ("ине", "ин"),
            ("ского", "ский"),
            ("скому", "ский"),
            ("ским", "ский"),
            ("ском", "ский"),
        )
    for old, new in rules:
        if low.endswith(old):
            return word[: len(word) - len(old)] + new
    if gender != "femn" and len(low) >= 3 and low[-2] in _SOFT:
        if case in ("gent", "accs") and low[-1] == "а":
            return word[:-1]
        if case == "datv" and low[-1] == "у":
            return word[:-1]
        if case == "loct" and low[-1] == "е":
            return word[:-1]
    if gender != "femn" and case == "ablt" and low.endswith(("ом", "ем")) and len(low) > 4:
        return word[:-2]
    return word


def in_case(m: Mention, case: str) -> Mention:
    """``m`` read as governed in ``case`` ("слова Гелетея": genitive): the endings of the words the
    dictionary does not know are undone ("Гелетей")."""
    if m.kind != "person":
        return m
    name = " ".join(
        w if is_known(w) else _guess_nominative(w, case, m.gender or "masc") for w in m.name.split()
    )
    return m if name == m.name else m._replace(name=name)


def _reading(words: Sequence[str]) -> tuple[str, str] | None:
    """The (gender, case) the name parts of ``words`` agree on best."""
    return _reading_of(tuple(words))


@lru_cache(maxsize=CACHE_SIZE)
def _reading_of(words: tuple[str, ...]) -> tuple[str, str] | None:
    options = [name_parses(w) for w in words]
    if not any(options):
        return None
    best: tuple[float, str, str] | None = None
    for gender in ("masc", "femn"):
        for case in CASES:
            score, ok = 0.0, True
            for opts in options:
                if not opts:
                    continue
                hits = [p.score for p in opts if case in p.tag and (gender in p.tag or "ms-f" in p.tag)]
                if not hits:
                    ok = False
                    break
                score += max(hits) + (0.01 if case == "nomn" else 0.0)
            if ok and (best is None or score > best[0]):
                best = (score, gender, case)
    return None if best is None else (best[1], best[2])


def nominative_name(words: Sequence[str]) -> str:
    """The nominative of a person's name given as words of the text.

    The parts of the name agree in gender and case; the reading they share is
    put into the nominative; initials and unknown words are kept (or, for
    surnames the dictionary lacks, their case ending is undone).

    >>> nominative_name(["Андреем", "Белоусовым"])
    'Андрей Белоусов'
    >>> nominative_name(["Елену", "Сябренко"])
    'Елена Сябренко'
    >>> nominative_name(["Даурен", "Косанов"])
    'Даурен Косанов'
    """
    return _nominative_of(tuple(words))


@lru_cache(maxsize=CACHE_SIZE)
def _nominative_of(words: tuple[str, ...]) -> str:
    reading = _reading(words)
    out = []
    for w in words:
        if len(w) <= 2 and w[:1].isupper() and (len(w) == 1 or w.endswith(".")):
            out.append(w)
            continue
        chosen = None
        if reading is not None:
            gender, case = reading
            for p in name_parses(w):
                if case in p.tag and (gender in p.tag or "ms-f" in p.tag):
                    chosen = p
                    break
        if chosen is None:
            if reading is not None and not is_known(w):
                out.append(_guess_nominative(w, reading[1], reading[0]))
            else:
                out.append(w)
            continue
        form = chosen.inflect({"nomn", "sing"}) or chosen.inflect({"nomn"})
        word = form.word if form else w
        if "ё" not in w.lower():
            word = word.replace("ё", "е")  # keep the text's spelling: "Петром" -> "Петр"
        out.append(_restore_case(w, word))
    return " ".join(out)


def nominative_phrase(words: Sequence[str]) -> str:
    """A role or organisation phrase with its head (first word) in the nominative.

    >>> nominative_phrase(["представителя", "Microsoft"])
    'представитель Microsoft'
    """
    return _phrase_of(tuple(words))


@lru_cache(maxsize=CACHE_SIZE)
def _phrase_of(words: tuple[str, ...]) -> str:
    if not words:
        return ""
    head = words[0]
    nouns = [p for p in parses(head) if p.tag.POS == "NOUN"]
    if any("nomn" in p.tag for p in nouns):
        return " ".join(words)  # "Ведомости" may be the nominative already
    for p in nouns:
        if "nomn" not in p.tag:
            number = "plur" if "plur" in p.tag else "sing"
            form = p.inflect({"nomn", number})
            if form is not None:
                return " ".join([_restore_case(head, form.word), *words[1:]])
            break
    return " ".join(words)


@lru_cache(maxsize=CACHE_SIZE)
def gender_of(name: str) -> str | None:
    """``"masc"`` / ``"femn"`` for a nominative person name, None when unsure.

    Only the dictionary's own names vote, and the suffixes of Russian surnames it
    lacks ("-ов" / "-ова"); pymorphy3's guesses for foreign names do not.

    >>> gender_of("Елена Сябренко"), gender_of("Даурен Косанов"), gender_of("Бхутто")
    ('femn', 'masc', None)
    """
    votes = {"masc": 0.0, "femn": 0.0}
    for w in name.split():
        if is_known(w):
            for p in name_parses(w):
                if "nomn" in p.tag:
                    for g in votes:
                        if g in p.tag:
                            votes[g] += p.score
            continue
        low = w.lower()
        if low.endswith(("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")):
            votes["femn"] += 0.5
        elif low.endswith(("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")):
            votes["masc"] += 0.5
    if votes["masc"] == votes["femn"]:
        return None
    return "masc" if votes["masc"] > votes["femn"] else "femn"


@lru_cache(maxsize=CACHE_SIZE)
def _surname_forms(word: str) -> frozenset[str]:
    """The nominatives ``word`` may be a form of, as a surname."""
    low = normalize_word(word)
    forms = {low}
    forms.update(
        p.normal_form.replace("ё", "е") for p in name_parses(word) if "Surn" in p.tag or "Name" in p.tag
    )
    for case in CASES[1:]:
        for gender in ("masc", "femn"):
            forms.add(normalize_word(_guess_nominative(word, case, gender)))
    return frozenset(forms)


def same_surname(a: str, b: str) -> bool:
    """True if two surnames are forms of one another ("Косанова" ~ "Косанов", "Епа" ~ "Еп").

    >>> same_surname("Косанова", "Косанов"), same_surname("Лавров", "Ларин")
    (True, False)
    """
    if normalize_word(a) == normalize_word(b) or _surname_forms(a) & _surname_forms(b):
        return True
    a, b = normalize_word(a), normalize_word(b)
    short = min(len(a), len(b))
    if short < 4 or abs(len(a) - len(b)) > 3:
        return False
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= short - 1


# -- mentions -------------------------------------------------------------------------------
class Mention(NamedTuple):
    """Words of the text that can name a speaker.

    ``kind`` is ``"person"``, ``"role"``, ``"org"`` or ``"pron"``; ``name`` the nominative
    name (a person's as written, not yet resolved to the full name); ``role`` the role
    lemma and ``org`` the organisation attached to it; ``subject`` says a nominative
    reading exists (it can be the subject of a verb); ``prep`` that a preposition governs it.
    """

    kind: str
    start: int
    stop: int
    name: str
    role: str | None = None
    org: str | None = None
    gender: str | None = None
    subject: bool = True
    prep: bool = False
    outlet: bool = False
    first: int = 0
    last: int = 0
    head: str = ""  # the word that agrees with a verb: a role noun, a surname, an organisation's head noun


def _capitalised(tok: Span) -> bool:
    return tok.text[:1].isupper()


def _gap(text: str, a: Span, b: Span) -> str:
    return text[a.stop : b.start]


def _tight(text: str, a: Span, b: Span) -> bool:
    """Only a space (or an initial's dot) between two words."""
    gap = _gap(text, a, b)
    if len(gap) == 1 and gap in WORD_GAP:
        return True
    return gap[:1] == "." and len(gap) <= 2 and gap[1:] in WORD_GAP and _is_initial(text, a)


def _person_word(text: str, tok: Span) -> bool:
    if _is_initial(text, tok) or _person_text(tok.text):
        return True
    # "цитирует РБК Карасина": a capitalised word inside a sentence with a surname's ending,
    # even if the dictionary reads it as something else ("карасиный")
    return _surname_like(tok.text) and not _sentence_initial(text, tok)


@lru_cache(maxsize=CACHE_SIZE)
def _surname_like(w: str) -> bool:
    """A capitalised word with a surname's ending that is no adjective, place or organisation."""
    return (
        w[:1].isupper()
        and not w.isupper()
        and _SURNAME_END.search(w.lower()) is not None
        and lemma_pos(w)[1] != "ADJF"  # "Боденским озером", "Европейский союз"
        and not _geo_text(w)
        and not _org_text(w)
    )


_AGENCY = re.compile(r"(?:Рос|Гос|Мос)[а-яё]{4,}$")
"""Russian agencies and companies the dictionary lacks: "Росстат", "Росатом", "Госкино"."""


@lru_cache(maxsize=CACHE_SIZE)
def _person_text(w: str) -> bool:
    if "." in w or _agency(w):
        return False  # "Газета.Ru", "Росстат"
    tags = name_tags(w)
    if "Name" in tags or "Patr" in tags or "Surn" in tags:
        return True
    if not is_known(w) and not _mixed_case(w) and not w.isupper() and not w.isascii():
        # a capitalised word the dictionary lacks is most often a name; "Orgn"/"Geox" guesses are not trusted
        return True
    return False


def _mixed_case(word: str) -> bool:
    """A capital right after a small letter: "БелТА", "ВКонтакте" (not "О’Рейли", "Мак-Кейн")."""
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))


def _org_word(text: str, tok: Span) -> bool:
    return _org_text(tok.text)


def _agency(w: str) -> bool:
    return not is_known(w) and _AGENCY.match(w) is not None and _SURNAME_END.search(w.lower()) is None


@lru_cache(maxsize=CACHE_SIZE)
def _org_text(w: str) -> bool:
    if _agency(w):
        return True
    if len(w) > 1 and (w.isupper() or _mixed_case(w)):
        return True  # "МИД", "БелТА", "ВКонтакте"
    if w.isascii() and w[:1].isalpha():  # "Microsoft" (not "Cтив" with a Latin C)
        return True
    return any("Orgn" in p.tag for p in parses(w)) or _is_outlet(w)


@lru_cache(maxsize=CACHE_SIZE)
def _is_outlet(word: str) -> bool:
    """A news outlet: listed in ``outlets`` or a web domain ("Lenta.ru", "NEWSru.com")."""
    return normalize_word(word) in load("outlets") or bool(re.search(DOMAIN + "$", word))


def _geo_word(tok: Span) -> bool:
    return _geo_text(tok.text)


@lru_cache(maxsize=CACHE_SIZE)
def _geo_text(w: str) -> bool:
    return any("Geox" in p.tag for p in parses(w))


@cache
def _prefixes(name: str) -> frozenset[str]:
    """The first four letters of every form of every lemma of lexicon ``name``.

    The forms come from pymorphy3's paradigms ("писать" gives "пише" as well as "писа"),
    once per process (some 25 ms for all the lexicons).
    """
    found = set()
    for lemma in load(name):
        found.add(lemma[:4])
        for p in analyzer().parse(lemma)[:3]:
            if p.normal_form.replace("ё", "е") == lemma:
                found.update(form.word.replace("ё", "е")[:4] for form in p.lexeme)
    return frozenset(found)


def may_be(word: str, name: str) -> bool:
    """Could ``word`` be a form of a lemma of lexicon ``name``?  Compares the first four letters
    with those of the lemmas' forms, so most words are ruled out without a dictionary look-up."""
    low = normalize_word(word)
    if "-" in low and low.split("-", 1)[0] in ("экс", "вице", "зам"):
        low = low.split("-", 1)[1]
    return len(low) < 4 or low[:4] in _prefixes(name)


@lru_cache(maxsize=CACHE_SIZE)
def _role_lemma(word: str) -> str | None:
    if not may_be(word, "role_nouns"):
        return None
    ps = parses(word)
    if not ps or ps[0].tag.POS != "NOUN":
        return None  # "после" is a preposition before it is the plural of "посол"
    roles = load("role_nouns")
    for p in ps:
        lemma = p.normal_form.replace("ё", "е")
        if p.tag.POS == "NOUN" and lemma in roles:
            return lemma
    low = normalize_word(word)
    if low.startswith(("экс-", "вице-", "зам-")) and "-" in low:
        return _role_lemma(word.split("-", 1)[1])  # "экс-худрука" -> "худрук"
    return None


def _role_word(tok: Span) -> str | None:
    return _role_lemma(tok.text)


def _governed(text: str, toks: Sequence[Span], i: int, lo: int) -> bool:
    """True if a preposition governs the phrase starting at ``toks[i]``.

    Either directly ("в Минобороны") or through a noun of speech or a head noun
    ("в сообщении Минобороны", "в интервью газете «Труд»").
    """
    if i - 1 < lo:
        return False
    if is_listed_preposition(toks[i - 1].text) and _gap(text, toks[i - 1], toks[i]).strip() == "":
        return True
    if i - 2 >= lo and is_listed_preposition(toks[i - 2].text) and not _capitalised(toks[i - 1]):
        between = toks[i - 1]
        gaps = _gap(text, toks[i - 2], between) + _gap(text, between, toks[i])
        return gaps.strip(WORD_GAP + OPENING) == "" and bool(lemmas(between.text) & _governing_heads())
    return False


@cache
def _governing_heads() -> frozenset[str]:
    """Nouns a preposition can govern a name through: speech nouns, head nouns, outlets."""
    return load("cue_nouns") | head_nouns()


def _quoted_name(text: str, pos: int, limit: int = 80) -> tuple[int, int] | None:
    """A «name» opening at ``pos`` (spaces allowed before it): (content start, closing mark index)."""
    k = pos
    while k < len(text) and text[k] in WORD_GAP:
        k += 1
    if k >= len(text) or text[k] not in OPENING:
        return None
    closer = CLOSER[text[k]]
    end = text.find(closer, k + 1, min(len(text), k + 1 + limit))
    if end < 0 or "\n" in text[k:end]:
        return None
    if text[k] == "«":
        nested = text.find("«", k + 1, end)
        if nested >= 0:
            second = text.find("»", end + 1, min(len(text), end + 1 + limit))
            if second >= 0 and "\n" not in text[end:second]:
                end = second
    return k + 1, end


def find_mentions(text: str, toks: Sequence[Span], lo: int = 0, hi: int | None = None) -> list[Mention]:
    """Mentions among ``toks[lo:hi]``, left to right, not overlapping."""
    hi = len(toks) if hi is None else hi
    out: list[Mention] = []
    starts = _STARTS
    i = lo
    while i < hi:
        w, start, _ = toks[i]
        may = starts.get(w)
        if may is None:
            if len(starts) > CACHE_SIZE:
                starts.clear()
            may = starts[w] = _START if _may_start(w) else _CAPITAL if _capital_content(w) else _NO
        if may is _NO or (
            may is _CAPITAL
            and not (
                (start > 0 and text[start - 1] in OPENING)
                or (i + 1 < hi and _capitalised(toks[i + 1]) and _person_word(text, toks[i + 1]))
                or _person_word(text, toks[i])
            )
        ):
            i += 1
            continue
        m = _mention_at(text, toks, i, lo, hi)
        if m is None:
            i += 1
            continue
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "person"
            and m.kind == "role"
            and text[prev.stop : m.start].strip(WORD_GAP) == ","
            and not (m.last + 1 < hi and is_verbal(toks[m.last + 1].text))
        ):
            # apposition: "Марк, рабочий из цеха …" names one person
            out[-1] = prev._replace(role=prev.role or m.role, org=prev.org or m.org)
        else:
            out.append(m)
        i = m.last + 1
    return out


_START, _CAPITAL, _NO = "start", "capital", "no"
_STARTS: dict[str, str] = {}
"""What each word seen can do (a plain dict: the hottest look-up of all): start a mention
(:func:`_may_start`), start one only in context (a capitalised content word), or nothing."""
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "INTJ", "PRED", "NUMR", "COMP"})


def _capital_content(word: str) -> bool:
    """A capitalised word that is no preposition, conjunction, pronoun or adverb ("В", "Это")."""
    if not word[:1].isupper():
        return False
    if len(word) == 1:
        return True  # an initial ("А. Кудрин") as well as "А"
    ps = parses(word)
    return not ps or str(ps[0].tag.POS) not in _FUNCTION_POS or not is_known(word)


def _may_start(word: str) -> bool:
    """Can a mention start at ``word``: a name, an organisation, a pronoun, a role or head noun ("газета")?"""
    if word[:1].isupper() and (_person_text(word) or _org_text(word)):
        return True
    low = normalize_word(word)
    return (
        low in column("pronouns")
        or _role_lemma(word) is not None
        or ((may_be(word, "name_heads") or may_be(word, "outlets")) and bool(lemmas(word) & head_nouns()))
    )


def _sentence_initial(text: str, tok: Span) -> bool:
    k = tok.start - 1
    while k >= 0 and text[k] in WORD_GAP + "\t" + OPENING:
        k -= 1
    return k < 0 or text[k] in TERMINAL + "\n\r:" + DASHES


def agrees(verb: str, m: Mention) -> bool:
    """Can ``m`` be the subject of the finite verb form ``verb`` (number, and gender in the past)?

    >>> from summarize.speakers import tokens, find_mentions
    >>> text = "главы МИДа"
    >>> agrees("пообещал", find_mentions(text, tokens(text))[0])
    False
    """
    forms = [p for p in parses(verb) if p.tag.POS == "VERB"]
    if not forms or not m.head:
        return True
    plural = all("plur" in p.tag for p in forms)
    genders = {g for p in forms for g in ("masc", "femn", "neut") if g in p.tag}
    if m.kind == "pron":
        return (m.gender == "plur") == plural and (plural or not genders or m.gender in genders)
    if m.kind == "person":
        if plural:
            return False
        return not genders or m.gender is None or m.gender in genders
    if m.kind == "role":
        heads = [p for p in parses(m.head) if p.tag.POS == "NOUN" and "nomn" in p.tag]
        if not heads:
            return True
        numbers = {"plur" if "plur" in p.tag else "sing" for p in heads}
        return ("plur" if plural else "sing") in numbers
    return True


def _person_run(text: str, toks: Sequence[Span], i: int, hi: int) -> int:
    """Index after the run of name words starting at ``i`` (``i`` itself if none)."""
    j = i
    if (
        i + 1 < hi
        and _capitalised(toks[i])
        and not _person_word(text, toks[i])
        and _tight(text, toks[i], toks[i + 1])
        and _capitalised(toks[i + 1])
        and _person_word(text, toks[i + 1])
        and not _sentence_initial(text, toks[i])
        and not _geo_word(toks[i])
        and not _org_word(text, toks[i])
        and _role_word(toks[i]) is None
    ):
        j = i + 1  # "цитирует Хвана Чжан Епа": a name part the dictionary reads as a common noun
    while j < hi:
        t = toks[j]
        if j > i and not _tight(text, toks[j - 1], t):
            break
        if _capitalised(t) and (
            _person_word(text, t) or (j > i and not is_known(t.text) and not _org_word(text, t))
        ):
            j += 1
        elif (
            j > i
            and normalize_word(t.text) in load("name_particles")
            and j + 1 < hi
            and _capitalised(toks[j + 1])
        ):
            j += 1
        elif (
            j > i
            and _capitalised(t)
            and not _geo_word(t)
            and not _org_word(text, t)
            and any("Name" in name_tags(x.text) for x in toks[i:j])
            and not any("Surn" in name_tags(x.text) or _surname_like(x.text) for x in toks[i:j])
        ):
            # a first name followed by a surname the dictionary reads otherwise ("Марк Тоунер"), but
            # nothing after the surname ("сказал Роман Коноплев Русской службе")
            j += 1
        else:
            break
    # a run of Geox/Orgn words only is not a person ("Казахстана"), nor an adjective that may be a
    # surname ("Патриарх Московский")
    alone = j == i + 1 and not (
        i > 0
        and _tight(text, toks[i - 1], toks[i])
        and (_capitalised(toks[i - 1]) or _role_word(toks[i - 1]))
    )
    while j > i and not any(_strong_name(text, t, alone) for t in toks[i:j]):
        j -= 1
    return j


def _name_start(text: str, toks: Sequence[Span], i: int, j: int) -> int:
    """Where the name in the run ``toks[i:j]`` starts: at its first name when words that are no
    first names stand before it ("Театра Наций Евгений Миронов", "тёщу Воробьянинова Клавдию …")."""
    for k in range(i + 1, j - 1):
        if "Name" in name_tags(toks[k].text) and not any(
            "Name" in name_tags(t.text) or _is_initial(text, t) for t in toks[i:k]
        ):
            return k
    return i


def _strong_name(text: str, tok: Span, alone: bool = False) -> bool:
    """Is ``tok`` surely part of a name?  An adjective that may be a surname ("Навальный",
    "Московский") is one only ``alone``: not right after a role noun or another capitalised word."""
    if _is_initial(text, tok) or not is_known(tok.text):
        return True
    tags = name_tags(tok.text)
    if "Name" in tags or "Patr" in tags:
        return True
    if "Surn" in tags:
        return lemma_pos(tok.text)[1] != "ADJF" or alone
    return _person_word(text, tok)


def _person_mention(
    text: str,
    toks: Sequence[Span],
    i: int,
    j: int,
    lo: int,
    start: int | None = None,
    role: str | None = None,
    org: str | None = None,
    subject: bool | None = None,
    prep: bool | None = None,
    first: int | None = None,
    case: str | None = None,
) -> Mention:
    words = [t.text + "." if _is_initial(text, t) else t.text for t in toks[i:j]]
    reading = _reading(words)
    name = nominative_name(words)
    if case not in (None, "nomn") and (reading is None or reading[1] == "nomn"):
        # "председателя КНР Си Цзиньпина": the role's case tells the case of the words the
        # dictionary does not know
        parts = name.split()
        if len(parts) == len(words):
            name = " ".join(
                _guess_nominative(w, case, "masc") if not is_known(w) else part
                for w, part in zip(words, parts)
            )
    if subject is None:
        subject = (
            reading is None
            or reading[1] == "nomn"
            or all(has_case(w, "nomn") or not is_known(w) for w in words)
        )
    return Mention(
        "person",
        toks[i].start if start is None else start,
        toks[j - 1].stop,
        name,
        role=role,
        org=org,
        gender=gender_of(name),
        subject=subject,
        prep=_governed(text, toks, i, lo) if prep is None else prep,
        first=i if first is None else first,
        last=j - 1,
        head=words[-1],
    )


def _mention_at(text: str, toks: Sequence[Span], i: int, lo: int, hi: int) -> Mention | None:
    tok = toks[i]
    low = normalize_word(tok.text)
    if low in column("pronouns"):
        return Mention(
            "pron",
            tok.start,
            tok.stop,
            tok.text.lower(),
            gender=column("pronouns")[low],
            first=i,
            last=i,
            prep=_governed(text, toks, i, lo),
            head=tok.text,
        )
    role = _role_word(tok)
    if role is not None:
        return _role_mention(text, toks, i, lo, hi, role)
    if not _capitalised(tok):
        return _head_with_name(text, toks, i, hi)
    if tok.start > 0 and text[tok.start - 1] in OPENING:
        named = _quoted_org(text, toks, i, lo, hi)
        if named is not None:
            return named
    j = _person_run(text, toks, i, hi)
    if j > i:
        return _person_mention(text, toks, _name_start(text, toks, i, j), j, lo)
    if _org_word(text, tok):
        j = i + 1
        while (
            j < hi
            and _tight(text, toks[j - 1], toks[j])
            and _capitalised(toks[j])
            and (_org_word(text, toks[j]) or _geo_word(toks[j]))
        ):
            j += 1
        words = [t.text for t in toks[i:j]]
        return Mention(
            "org",
            tok.start,
            toks[j - 1].stop,
            " ".join(words),
            outlet=_is_outlet(tok.text),
            prep=_governed(text, toks, i, lo),
            first=i,
            last=j - 1,
            head=tok.text,
        )
    return None


def _quoted_org(text: str, toks: Sequence[Span], i: int, lo: int, hi: int) -> Mention | None:
    """A short capitalised name in marks standing for an organisation: "«Ведомости» распространили …"."""
    quoted = _quoted_name(text, toks[i].start - 1, limit=60)
    if quoted is None:
        return None
    a, b = quoted
    last = i
    while last + 1 < hi and toks[last + 1].start < b:
        last += 1
    if last - i >= 4:
        return None
    name = text[a:b].strip()
    outlet = _is_outlet(name) or bool(lemmas(toks[i].text) & load("outlets"))
    return Mention(
        "org",
        a - 1,
        b + 1,
        name,
        outlet=outlet,
        prep=_governed(text, toks, i, lo),
        first=i,
        last=last,
        head=toks[i].text,
    )


def _head_with_name(text: str, toks: Sequence[Span], i: int, hi: int) -> Mention | None:
    """ "газета «Труд»", "агентство Reuters": an organisation named after its head noun."""
    tok = toks[i]
    if not (lemmas(tok.text) & head_nouns()):
        return None
    quoted = _quoted_name(text, tok.stop)
    outlet = bool(lemmas(tok.text) & load("outlets"))
    if quoted is not None:
        a, b = quoted
        name = text[a:b].strip()
        last = i
        while last + 1 < hi and toks[last + 1].start < b:
            last += 1
        if name:
            return Mention(
                "org",
                tok.start,
                b + 1,
                name,
                outlet=outlet,
                subject=has_case(tok.text, "nomn"),
                prep=_governed(text, toks, i, 0),
                first=i,
                last=last,
                head=tok.text,
            )
    if i + 1 < hi and _tight(text, tok, toks[i + 1]) and _org_word(text, toks[i + 1]):
        nxt = toks[i + 1]
        return Mention(
            "org",
            tok.start,
            nxt.stop,
            nxt.text,
            outlet=outlet,
            subject=has_case(tok.text, "nomn"),
            prep=_governed(text, toks, i, 0),
            first=i,
            last=i + 1,
            head=tok.text,
        )
    return None


@lru_cache(maxsize=CACHE_SIZE)
def _genitive_word(word: str) -> bool:
    """A noun or adjective that can be in the genitive ("обороны", "палестинской"), not "в" or "и"."""
    ps = parses(word)
    return (
        bool(ps)
        and ps[0].tag.POS in ("NOUN", "ADJF", "PRTF")
        and any("gent" in p.tag for p in ps if p.tag.POS in ("NOUN", "ADJF", "PRTF"))
    )


@lru_cache(maxsize=CACHE_SIZE)
def _place_adjective(word: str) -> bool:
    """An adjective of a country or a city ("украинский", "японского", "московский")."""
    return any(p.tag.POS == "ADJF" and p.normal_form.endswith(("ский", "цкий")) for p in parses(word)[:1])


@lru_cache(maxsize=CACHE_SIZE)
def _qualifier(word: str) -> bool:
    """An adjective that may open a role phrase ("официальный представитель"), not "этот" or "свой"."""
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS == "ADJF" and "Apro" not in ps[0].tag


def _role_case(word: str, role: str) -> str | None:
    """The case of a role noun not in the nominative ("председателя" -> "gent")."""
    for p in _role_parses(word, role):
        if p.tag.case and p.tag.case != "nomn":
            return str(p.tag.case)
    return None


@lru_cache(maxsize=CACHE_SIZE)
def _role_parses(word: str, role: str) -> tuple[Any, ...]:
    return tuple(p for p in parses(word) if p.normal_form.replace("ё", "е") == role and p.tag.POS == "NOUN")


def _role_mention(text: str, toks: Sequence[Span], i: int, lo: int, hi: int, role: str) -> Mention:
    """A role phrase: "официальный представитель МИД России Мария Захарова", "глава ведомства".

    A name right after the role and its complements is the holder of the role; a name
    followed by more complements is one of them ("помощник Хиллари Клинтон по … делам").
    """
    start_i = i
    while (
        start_i - 1 >= lo
        and _gap(text, toks[start_i - 1], toks[start_i]) == " "
        and not _capitalised(toks[start_i - 1])
        and _qualifier(toks[start_i - 1].text)
        and not is_listed_preposition(toks[start_i - 1].text)
        and normalize_word(toks[start_i - 1].text) not in column("possessives")
    ):
        start_i -= 1
    nominative = [p for p in _role_parses(toks[i].text, role) if "nomn" in p.tag]
    subject = bool(nominative) or not _role_parses(toks[i].text, role)
    prep = _governed(text, toks, start_i, lo)
    org_words: list[str] = []  # the complements: "обороны Казахстана", "палестинской делегации"
    # "украинский президент", "российский министр": where the role is held counts as a complement
    org_words.extend(t.text for t in toks[start_i:i] if _place_adjective(t.text))
    j = i + 1
    last = i
    while j < hi and j - i <= 10:
        prev, t = toks[j - 1], toks[j]
        gap = _gap(text, prev, t)
        if gap.strip(WORD_GAP + MARKS) or (gap.strip(WORD_GAP) and not _capitalised(t)):
            break  # punctuation ends the phrase (quote marks around a name do not)
        if _capitalised(t):
            k = _person_run(text, toks, j, hi)
            if k > j:
                nxt = toks[k] if k < hi else None
                complement = (
                    nxt is not None
                    and _gap(text, toks[k - 1], nxt) == " "
                    and not _capitalised(nxt)
                    and not is_verbal(nxt.text)
                    and (normalize_word(nxt.text) in ("по", "при") or _genitive_word(nxt.text))
                    and normalize_word(nxt.text) not in column("pronouns")
                )
                if not complement:
                    first = _name_start(text, toks, j, k)
                    org_words.extend(x.text for x in toks[j:first])
                    return _person_mention(
                        text,
                        toks,
                        first,
                        k,
                        lo,
                        case=None if subject else _role_case(toks[i].text, role),
                        start=toks[start_i].start,
                        role=role,
                        org=" ".join(org_words) or None,
                        subject=subject,
                        prep=prep,
                        first=start_i,
                    )
                org_words.extend(x.text for x in toks[j:k])
                last = k - 1
                j = k
                continue
            org_words.append(t.text)
            last = j
            j += 1
            continue
        low = normalize_word(t.text)
        if low == "и" and j + 1 < hi and not _capitalised(toks[j + 1]) and not is_verbal(toks[j + 1].text):
            last = j
            j += 1
            continue
        if (
            is_verbal(t.text)
            or (low in load("prepositions") and low not in ("по", "при"))
            or low in column("pronouns")
        ):
            break
        if low in ("по", "при") or _genitive_word(t.text) or "ADJF" in likely_pos(t.text):
            if low not in ("по", "при"):
                org_words.append(t.text)
            last = j
            j += 1
            continue
        break
    while last > i and normalize_word(toks[last].text) in ("и", "по", "при"):
        last -= 1
    core = [t.text for t in toks[i : last + 1]]
    stop = toks[last].stop
    opened = sum(text.count(mark, toks[start_i].start, stop) for mark in "«„") - text.count(
        "»", toks[start_i].start, stop
    )
    if opened > 0 and text[stop : stop + 1] in ("»", "“"):
        stop += 1  # "пресс-службе «Яндекса»": the closing mark of a name ends the phrase
    return Mention(
        "role",
        toks[start_i].start,
        stop,
        " ".join(core) if nominative else nominative_phrase(core),
        role=role,
        org=" ".join(org_words) or None,
        subject=subject,
        prep=prep,
        first=start_i,
        last=last,
        head=toks[i].text,
    )


# -- the people of one text -----------------------------------------------------------------
_NAMED_BEFORE = re.compile(r"(?:[A-ZА-ЯЁ][\w’'-]*\.?|[A-ZА-ЯЁ]\.)" + one_of(WORD_GAP) + "?$")
"""A capitalised word or an initial right before a surname: it may be the first name."""
_SCAN = 200
"""The most paragraphs one search reads: keeps every look-up bounded on hostile texts."""
_BACK = 40
"""The most mentions (and paragraphs) a pronoun or role looks back over for its person."""


class People:
    """The people a text names: full names, roles, order of mention.

    Nothing is read up front: each look-up finds the paragraphs it needs (by
    searching the text for a surname or a role noun, or by walking back from a
    quote) and reads their mentions once, so resolving the quotes of a text costs
    time linear in its length.  ``hidden`` spans (the quotations' own words) are
    skipped when looking back for the person a pronoun or role points to, but still
    give full names.  ``words(start, stop)`` gives the words of a paragraph (tokenised
    here if not given).
    """

    def __init__(
        self,
        text: str,
        hidden: Sequence[tuple[int, int]] = (),
        lines: Sequence[tuple[int, int]] | None = None,
        words: Callable[[int, int], Sequence[Span]] | None = None,
    ) -> None:
        self.text = text
        self._words = words or (lambda start, stop: tokens(text, start, stop))
        self.lines = list(lines) if lines is not None else [(0, len(text))]
        self._line_starts = [start for start, _ in self.lines]
        self._hidden = hidden  # kept sorted by the caller, and it may grow
        self._read: dict[int, list[Mention]] = {}
        self._read_starts: dict[int, list[int]] = {}
        self._full: dict[str, str] = {}
        self._main_org: str | None = None
        self._found: dict[tuple[object, ...], list[Mention]] = {}

    # -- reading paragraphs ------------------------------------------------------------------
    def _line(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._line_starts, pos) - 1)

    def line_mentions(self, n: int) -> list[Mention]:
        """The mentions of paragraph ``n``, read once."""
        found = self._read.get(n)
        if found is None:
            found = self._read[n] = find_mentions(self.text, self._words(*self.lines[n]))
            self._read_starts[n] = [m.start for m in found]
        return found

    def mentions_between(self, start: int, stop: int) -> list[Mention]:
        """The mentions lying within ``[start, stop)``."""
        first = self._line(start)
        last = self._line(max(start, stop - 1))
        out: list[Mention] = []
        for n in range(first, last + 1):
            found = self.line_mentions(n)
            k = bisect.bisect_left(self._read_starts[n], start)
            while k < len(found) and found[k].start < stop:
                if found[k].stop <= stop:
                    out.append(found[k])
                k += 1
        return out

    def _lines_with(self, needle: str, named: bool = False) -> list[int]:
        """Paragraphs where ``needle`` occurs (at most :data:`_SCAN`), in order.

        With ``named`` only where a capitalised word or an initial stands right before it
        (where a surname can have its first name).
        """
        out: list[int] = []
        text = self.text
        k = text.find(needle)
        while k >= 0 and len(out) < _SCAN:
            n = self._line(k)
            if named and not _NAMED_BEFORE.search(text, max(self.lines[n][0], k - 40), k):
                k = text.find(needle, k + 1)
                continue
            if not out or out[-1] != n:
                out.append(n)
            k = text.find(needle, self.lines[n][1])
        return out

    def _persons_with(self, *needles: str, named: bool = False) -> list[Mention]:
        """Person mentions in the paragraphs where one of ``needles`` occurs, in text order."""
        key = (named, *needles)
        found = self._found.get(key)
        if found is None:
            lines = sorted({n for needle in needles if needle for n in self._lines_with(needle, named)})
            found = [m for n in lines[:_SCAN] for m in self.line_mentions(n) if m.kind == "person"]
            self._found[key] = found
        return found

    def _is_hidden(self, pos: int) -> bool:
        k = bisect.bisect_right(self._hidden, (pos, len(self.text) + 1)) - 1
        return k >= 0 and self._hidden[k][0] <= pos < self._hidden[k][1]

    # -- look-ups ----------------------------------------------------------------------------
    def full_name(self, name: str) -> str:
        """The fullest name in the text for the person ``name`` names ("Косанова" -> "Даурен Косанов").

        The candidates share the surname (in any case form) and do not differ in gender
        ("Вертинский" is not "Н. Н. Вертинская"); the most words win, initials counting less.
        """
        known = self._full.get(name)
        if known is None:
            known = self._full[name] = self._fullest(name)
        return known

    def _fullest(self, name: str) -> str:
        parts = name.split()
        if not parts:
            return name
        surname = parts[-1]
        # "Косанова" may be a woman's name or a man's in the genitive: only a first name tells
        gender = gender_of(name) if len(parts) > 1 or not _oblique_masculine(surname) else None
        best, best_key = name, (_weight(parts), 0)
        for e in self._persons_with(surname[: max(3, len(surname) - 2)], named=True)[: 2 * _SCAN]:
            words = e.name.split()
            if not same_surname(words[-1], surname):
                continue
            if gender is not None and e.gender is not None and e.gender != gender:
                continue
            if len(parts) > 1 and not (
                same_surname(words[0], parts[0]) or _is_initial_of(parts[0], words[0])
            ):
                continue
            key = (_weight(words), -len(words[-1]))
            if key > best_key:
                best, best_key = e.name, key
        return best

    def last_person(self, pos: int, gender: str | None = None) -> str | None:
        """The person last named (or named by a role) before ``pos`` outside quotations."""
        first = self._line(pos)
        seen = 0
        for n in range(first, max(-1, first - _BACK), -1):
            found = self.line_mentions(n)
            k = bisect.bisect_left(self._read_starts[n], pos)
            for m in reversed(found[max(0, k - _BACK) : k]):
                seen += 1
                if seen > _BACK:
                    return None
                if self._is_hidden(m.start) or not m.subject:
                    continue
                if m.kind == "role" and not m.prep:
                    holder = self._holder(m, pos)
                    if holder is not None and (gender in (None, "plur") or holder.gender in (None, gender)):
                        return self.full_name(holder.name)
                elif m.kind == "person" and (gender in (None, "plur") or m.gender in (None, gender)):
                    full = self.full_name(m.name)
                    if gender in (None, "plur") or gender_of(full) in (None, gender):
                        return full
        return None

    def _holder(self, m: Mention, pos: int) -> Mention | None:
        """The named person a role mention stands for: the same role (and complements) named before.

        "сенатор" finds "сенатор Джон Керри"; "представитель Philips" finds a person the
        text tied to Philips; a bare head of something ("министр") finds the only head the
        text names ("глава ведомства Панос Камменос").
        """
        role, org = m.role or "", m.org
        holders = [e for e in _around(self._persons_with(*_stems(role)), pos) if e.role == role]
        # the same role, unless both name what it is of and they differ ("глава государства" is not
        # "глава МИД России")
        same_role = [e for e in holders if not org or not e.org or _overlap(org, e.org)]
        if same_role:
            with_org = [e for e in same_role if org and e.org and _overlap(org, e.org)]
            return _nearest(with_org or same_role, pos)
        if role in tagged("role_nouns", "head") and not org:
            heads = {
                e.name: e
                for head in tagged("role_nouns", "head")
                for e in _around(self._persons_with(*_stems(head)), pos)
                if e.role in tagged("role_nouns", "head")
            }
            if len(heads) == 1:
                return next(iter(heads.values()))
        if org and role in tagged("role_nouns", "spokesperson"):
            words = [w for w in org.split() if w[:1].isupper()]
            of_org = [
                e
                for e in _around(self._persons_with(*(w[:4] for w in words)), pos)
                if e.org and _overlap(org, e.org)
            ]
            if of_org:
                return _nearest(of_org, pos)
        return None

    def holder_name(self, m: Mention, pos: int) -> str | None:
        """The full name of the person a role mention stands for, None if the text names nobody
        (or the role is in the plural: "авторы заявляют" are several people)."""
        e = None if plural_head(m.head) else self._holder(m, pos)
        if e is None:
            return None
        if not m.org and not e.subject and m.role in tagged("role_nouns", "anaphoric"):
            # "Президент рассказал" after "Владимир Путин говорит": the role named before in an
            # oblique case ("президента Украины Виктора Януковича") yields to the last actor
            last = self.last_person(m.start)
            if last is not None:
                return last
        return self.full_name(e.name)

    def last_org(self, pos: int, window: int = 600) -> Mention | None:
        """The organisation last named as a subject within ``window`` characters before ``pos``.

        Names in marks do not count: they are as often works or events as organisations.
        """
        first = self._line(pos)
        for n in range(first, -1, -1):
            if self.lines[n][1] < pos - window:
                return None
            for m in reversed(self.line_mentions(n)):
                if m.kind != "org" or m.outlet or m.start >= pos or m.start < pos - window:
                    continue
                if (
                    self._is_hidden(m.start)
                    or m.prep
                    or not m.subject
                    or any(ch in OPENING for ch in self.text[m.start : m.stop])
                ):
                    continue
                if any(w[:1].islower() for w in m.name.split()[1:]) or len(m.name.split()) > 4:
                    continue
                return m
        return None

    def main_org(self) -> str | None:
        """The organisation the text names most often (in marks or as an acronym), outlets and
        works aside: what "представитель студии" or "в компании" refers to."""
        if self._main_org is None:
            counts: dict[str, int] = {}
            forms: dict[str, str] = {}
            for m in _ORG_NAME.finditer(self.text):
                name = m.group(1).strip()
                before = self.text[max(0, m.start() - 30) : m.start()].split()
                if not name or _is_outlet(name) or (before and _work_head(before[-1])):
                    continue
                key = normalize_word(name)[:5]
                counts[key] = counts.get(key, 0) + 1
                forms.setdefault(key, name)
            best = max(counts, key=lambda k: counts[k], default=None)
            self._main_org = forms[best] if best is not None and counts[best] >= 2 else ""
        return self._main_org or None

    def resolve(self, m: Mention, pos: int) -> str | None:
        """The canonical name of the speaker ``m`` names; ``pos`` is where the quote is."""
        if m.kind == "person":
            return self.full_name(m.name)
        if m.kind == "pron":
            if m.gender == "plur":
                return None
            return self.last_person(m.start, m.gender)
        if m.kind == "role":
            e = None if plural_head(m.head) else self._holder(m, pos)
            if e is not None:
                return self.full_name(e.name)
            if m.org and m.role in tagged("role_nouns", "spokesperson"):
                if any(w[:1].isupper() for w in m.org.split()):
                    return _organisation(m.org)
                if all(_generic_org(w) for w in m.org.split()):
                    # "представитель студии": the organisation the text is about
                    return self.main_org() or m.name
            return m.name
        return nominative_phrase(m.name.split()) if m.kind == "org" and " " not in m.name else m.name


def _around(found: Sequence[Mention], pos: int) -> Sequence[Mention]:
    """At most :data:`_SCAN` mentions of ``found`` (in text order) nearest before ``pos``, and a few after."""
    lo, hi = 0, len(found)
    while lo < hi:
        mid = (lo + hi) // 2
        if found[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return found[max(0, lo - _SCAN) : lo + 10]


def _oblique_masculine(word: str) -> bool:
    """May ``word`` be a man's surname in an oblique case ("Косанова", "Лесину")?"""
    return any(_guess_nominative(word, case, "masc") != word for case in CASES[1:])


def _stems(lemma: str) -> tuple[str, str]:
    """What every form of a role noun starts with, small and capitalised ("минист", "Минист")."""
    stem = lemma[: max(3, len(lemma) - 2)]
    return stem, stem[:1].upper() + stem[1:]


@lru_cache(maxsize=CACHE_SIZE)
def plural_head(word: str) -> bool:
    """A role noun that can only be plural ("авторы", "представители"; not "судьи": "слова судьи")."""
    nouns = [p for p in parses(word) if p.tag.POS == "NOUN"]
    return bool(nouns) and all("plur" in p.tag for p in nouns)


_ORG_NAME = re.compile(f"{one_of(OPENING)}([A-ZА-ЯЁ][^{re.escape(MARKS)}\n]{{0,40}}?){one_of(CLOSING)}")


def _generic_org(word: str) -> bool:
    """A common noun for an organisation ("студии", "компании", "ведомства")."""
    return bool(lemmas(word) & load("generic_orgs"))


def _work_head(word: str) -> bool:
    """A noun that names a work ("комедию «Трек»")."""
    return bool(lemmas(word.strip(",.:;()")) & load("work_nouns"))


def _organisation(words: str) -> str:
    """The organisation a spokesperson's complements name: "Philips", "минобороны США", "Яндекс"."""
    parts = words.split()
    if len(parts) == 1:
        return nominative_phrase(parts)
    return words


def _nearest(entries: Sequence[Mention], pos: int) -> Mention:
    before = [e for e in entries if e.start < pos]
    return before[-1] if before else entries[0]


def _weight(words: Sequence[str]) -> float:
    """How full a name is: a word counts 1, an initial 0.4."""
    return sum(0.4 if len(w.rstrip(".")) == 1 else 1.0 for w in words)


def _is_initial_of(initial: str, word: str) -> bool:
    return len(initial.rstrip(".")) == 1 and word[:1] == initial[:1]


def _overlap(a: str, b: str) -> bool:
    """Do two complements share a word (by its first five letters)?"""
    wa = {normalize_word(w)[:5] for w in a.split() if len(w) > 2}
    wb = {normalize_word(w)[:5] for w in b.split() if len(w) > 2}
    return bool(wa & wb)
