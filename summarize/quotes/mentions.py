"""Mentions: runs of the text's own words that can name a speaker.  :func:`find_mentions` finds
persons ("Андреем Белоусовым"), roles ("представитель Philips", "сенатор"), organisations
("Минобороны Казахстана", "газета «Труд»") and pronouns ("он") left to right."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import column, head_nouns, load, tagged
from ..morph import CACHE_SIZE, has_case, is_verbal, lemmas, name_tags, normalize_word, parses
from ..punct import CLOSER, OPENING, WORD_GAP
from ..records import Span
from .kinds import (
    Mention,
    adjective,
    capitalised,
    complement,
    function_word,
    geo_word,
    has_lemma,
    is_outlet,
    may_be,
    may_have_lemma,
    names_thing,
    opens_name,
    org_text,
    org_word,
    person_text,
    person_word,
    posted_in,
    role_lemma,
    role_word,
    sentence_initial,
    ticker_spans,
    tight,
)
from .orgs import nominative_head, seat_at, seat_start
from .outlets import mark_relays, plural_verb
from .persons import governed, name_start, nominative_first_name, person_mention, person_run
from .roles import genitive_word, one_holder, plural_noun, role_mention
from .speech import speech_noun, speech_word


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
                or (i + 1 < hi and capitalised(toks[i + 1]) and person_word(text, toks[i + 1]))
                or person_word(text, toks[i])
                or (i + 1 < hi and speech_word(toks[i + 1].text))  # "Токио сообщил"
                or (i > lo and speech_word(toks[i - 1].text))  # "— заявила Трасс"
                # "в российской Счетной палате", "Европейский союз"
                or (i + 1 < hi and _generic_head(toks[i + 1].text, named=True))
                # "Федеральная антимонопольная служба" (not "Представленный британским правительством")
                or (i + 2 < hi and _named_institution(toks[i].text, toks[i + 1].text, toks[i + 2].text))
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
        elif prev is not None and one_holder(text, prev, m, toks[m.last + 1].text if m.last + 1 < hi else ""):
            # roles stacked before one name: the first is the office, its case the phrase's
            out[-1] = m._replace(
                start=prev.start,
                first=prev.first,
                role=prev.role,
                org=prev.org,
                subject=prev.subject,
                prep=prev.prep,
            )
        else:
            out.append(m)
        i = m.last + 1
    if any(m.outlet or m.kind == "org" for m in out):
        out = mark_relays(toks, out, lo, hi)
    if out and out[0].name.isupper() and _dateline(text, out[0]):
        out = out[1:]  # "АЛМА-АТА, 31 октября. /ТАСС/.": where the news was filed
    out = [m for m in out if not _numbered(text, m) and not _named_after(text, toks, m, lo)]
    if out and (tickers := ticker_spans(text, toks[lo].start, toks[hi - 1].stop)):
        out = [m for m in out if not any(a <= m.start < b for a, b in tickers)]  # "Банк TCS $91,48"
    return out


_START, _CAPITAL, _NO = "start", "capital", "no"

_REGNAL = re.compile(r"[IVX]{1,4}")
_MODEL_NUMBER = re.compile(r"[-‐‑]\d")


def _numbered(text: str, m: Mention) -> bool:
    """Is ``m`` a number, no speaker: a model or a disease ("F-35", "COVID-19"), or a monarch's
    number after a name ("Харальда V", "Елизавета II")?"""
    if _MODEL_NUMBER.match(text, m.stop):
        return True
    if not _REGNAL.fullmatch(m.name):
        return False
    before = text[max(0, m.start - 30) : m.start]  # a capitalised word, one space away
    return before.endswith(" ") and before.rstrip()[-1:].isalpha() and before.split()[-1][:1].isupper()


def _named_after(text: str, toks: Sequence[Span], m: Mention, lo: int) -> bool:
    """Is the person ``m`` whom a thing is named after ("орденом Жукова", "имени Лавочкина"), or a
    place read as a name ("в районе Гринвич-Виллидж")?"""
    if m.kind != "person" or m.role is not None or m.first <= lo or m.last - m.first > 2:
        return False
    before = toks[m.first - 1]
    gap = text[before.stop : m.start].rstrip()  # "МКНЦ им. А. С. Логинова"
    return gap in ("", ".") and names_thing(before.text, toks[m.first].text)


_STARTS: dict[str, str] = {}
"""What each word seen can do (a plain dict: the hottest look-up of all): start a mention
(:func:`_may_start`), start one only in context (a capitalised content word), or nothing."""


def _capital_content(word: str) -> bool:
    """A capitalised word that is no preposition, conjunction, pronoun or adverb ("В", "Это")."""
    if not word[:1].isupper():
        return False
    if len(word) == 1:
        return True  # an initial ("А. Кудрин") as well as "А"
    return not function_word(word)


def _may_start(word: str) -> bool:
    """Can a mention start at ``word``: a name, an organisation, a pronoun, a role or head noun ("газета")?"""
    low = normalize_word(word)
    if opens_name(word) or (word[:1].isupper() and (person_text(word) or org_text(word) or seat_start(word))):
        return True  # "Ле Пен", "фон дер Ляйен", "Ван И": a particle may open a name
    return (
        low in column("pronouns")
        or low in column("possessives")
        or low in load("org_adverbs")
        or role_lemma(word) is not None
        or (
            (may_be(word, "name_heads") or may_be(word, "outlets"))
            and has_lemma(word, "name_heads", "outlets")
        )
        or generic_org_lemma(word) is not None
    )


def _first_name_at(text: str, toks: Sequence[Span], j: int, hi: int) -> bool:
    """Does a person's full name start at ``toks[j]`` with a first name ("СМИ Владимир Легойда":
    a city's name too, but here no part of the organisation's)?"""
    return "Name" in name_tags(toks[j].text) and person_run(text, toks, j, hi) >= j + 2


def _pronoun(text: str, toks: Sequence[Span], i: int, lo: int, gender: str, subject: bool) -> Mention:
    """A personal or possessive pronoun at ``toks[i]`` ("он", "ее")."""
    tok = toks[i]
    return Mention(
        "pron",
        tok.start,
        tok.stop,
        tok.text.lower(),
        gender=gender,
        subject=subject,
        first=i,
        last=i,
        prep=governed(text, toks, i, lo),
        head=tok.text,
    )


def _mention_at(text: str, toks: Sequence[Span], i: int, lo: int, hi: int) -> Mention | None:
    tok = toks[i]
    low = normalize_word(tok.text)
    if posted_in(toks, i, lo):
        return None  # "в Twitter", "в своем Telegram-канале": where words were posted, not who spoke
    if low in load("widget_words") and sentence_initial(text, tok):
        return None  # "… 7,97%. Video Президент заявил": a page's widget, nobody
    if low in column("pronouns"):
        return _pronoun(text, toks, i, lo, column("pronouns")[low], subject=True)
    if low in load("org_adverbs"):
        # "— добавили там": the organisation named before, when a plural verb stands beside it
        verbs = [t.text for t in (toks[i - 1] if i > lo else None, toks[i + 1] if i + 1 < hi else None) if t]
        if not any(speech_word(v) and plural_verb(v) for v in verbs):
            return None
        return Mention("org", tok.start, tok.stop, low, first=i, last=i, head=tok.text)
    if low in column("possessives"):
        # "по его словам", "приводит ее слова", "цитирует его ТАСС": a person named before, never a subject
        return _pronoun(text, toks, i, lo, column("possessives")[low], subject=False)
    role = role_word(tok)
    if role is not None:
        if i > lo and normalize_word(toks[i - 1].text) in ("в", "во") and plural_noun(tok.text):
            return None  # "кандидат в президенты Джо Байден": the office sought, not its holder
        return role_mention(text, toks, i, lo, hi, role)
    if not capitalised(tok):
        if opens_name(tok.text) and (j := person_run(text, toks, i, hi)) > i:
            return person_mention(
                text, toks, i, j, lo, case=_object_case(text, toks, i, lo)
            )  # "фон дер Ляйен"
        return _head_with_name(text, toks, i, hi) or _generic_org(text, toks, i, lo, hi)
    if i + 1 < hi and toks[i + 1].text[:1].isascii() and sentence_initial(text, tok):
        if (named := _head_with_name(text, toks, i, hi)) is not None:
            return named  # "Портал The Verge описал": the name, as after "портал" within a sentence
    if tok.start > 0 and text[tok.start - 1] in OPENING:
        named = _quoted_org(text, toks, i, lo, hi)
        if named is not None:
            return named
    j = person_run(text, toks, i, hi)
    if j > i:
        return person_mention(
            text, toks, name_start(text, toks, i, j), j, lo, case=_object_case(text, toks, i, lo)
        )
    generic = _generic_org(text, toks, i, lo, hi) if i + 1 < hi else None
    if generic is not None:
        return generic
    seat = _seat(text, toks, i, lo, hi)
    if seat is not None:
        return seat
    if org_word(text, tok):
        j = i + 1
        while (
            j < hi
            and tight(text, toks[j - 1], toks[j])
            and capitalised(toks[j])
            and (org_word(text, toks[j]) or geo_word(toks[j]))
            and not _first_name_at(text, toks, j, hi)
        ):
            j += 1
        words = [t.text for t in toks[i:j]]
        return Mention(
            "org",
            tok.start,
            toks[j - 1].stop,
            " ".join(words),
            outlet=any(is_outlet(w) for w in words),  # "The New York Times"
            prep=governed(text, toks, i, lo),
            first=i,
            last=j - 1,
            head=tok.text,
        )
    return None


_DATE_AFTER = re.compile(r",\s*\d")


def _dateline(text: str, m: Mention) -> bool:
    """A place in capitals opening a paragraph, a date after it: a news agency's dateline."""
    line_start = text.rfind("\n", 0, m.start) + 1
    return (
        m.name.isupper()
        and len(m.name) > 2
        and not text[line_start : m.start].strip()
        and _DATE_AFTER.match(text, m.stop) is not None
    )


def _seat(text: str, toks: Sequence[Span], i: int, lo: int, hi: int) -> Mention | None:
    """A place standing for its power: a seat ("в Кремле", "Белый дом пояснял"), or a place that is
    the subject of a speech verb right after it ("Токио сообщил", "Киев считает")."""
    word = toks[i].text
    found = seat_at([t.text for t in toks[i : min(hi, i + 3)]]) if seat_start(word) else None
    if found is not None:
        n, name = found
    elif (
        geo_word(toks[i]) and i + 1 < hi and speech_word(toks[i + 1].text) and has_case(toks[i].text, "nomn")
    ):
        n, name = 1, toks[i].text
    else:
        return None
    return Mention(
        "org",
        toks[i].start,
        toks[i + n - 1].stop,
        name,
        subject=has_case(toks[i].text, "nomn"),
        prep=governed(text, toks, i, lo),
        first=i,
        last=i + n - 1,
        head=toks[i + n - 1].text,
    )


def _object_case(text: str, toks: Sequence[Span], i: int, lo: int) -> str | None:
    """ "accs" for the object of a verb of quoting ("цитирует (РБК) Хвана Чжан Епа"), "gent" after a noun
    of speech ("в заявлении Гелетея"), the case of a preposition that governs it ("согласно Марку")."""
    if i - 1 >= lo and speech_noun(toks[i - 1].text):  # "слова Косанова", not "на заявление Мария Захарова"
        return None if nominative_first_name(text, toks, i) else "gent"
    if i - 1 >= lo and (case := column("prepositions").get(normalize_word(toks[i - 1].text))):
        return case  # "согласно Марку"
    for k in (i - 1, i - 2):
        if k < lo:
            return None
        if _quotes_object(toks[k].text):
            return "accs"
        if not is_outlet(toks[k].text):
            return None
    return None


@lru_cache(maxsize=CACHE_SIZE)
def _quotes_object(word: str) -> bool:
    """A form of a verb whose object is the person quoted ("цитирует")."""
    return word[:1].islower() and bool(lemmas(word) & tagged("quoting_verbs", "object"))


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
    outlet = is_outlet(name) or bool(lemmas(toks[i].text) & load("outlets"))
    return Mention(
        "org",
        a - 1,
        b + 1,
        name,
        outlet=outlet,
        prep=governed(text, toks, i, lo),
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

    def named(stop: int, name: str, last: int) -> Mention:
        return Mention(
            "org",
            tok.start,
            stop,
            name,
            outlet=outlet,
            subject=has_case(tok.text, "nomn"),
            prep=governed(text, toks, i, 0),
            first=i,
            last=last,
            head=tok.text,
        )

    if quoted is not None:
        a, b = quoted
        name = text[a:b].strip()
        last = i
        while last + 1 < hi and toks[last + 1].start < b:
            last += 1
        if name:
            return named(b + 1, name, last)
    if i + 1 < hi and tight(text, tok, toks[i + 1]) and org_word(text, toks[i + 1]):
        if has_lemma(tok.text, "page_nouns") and has_case(toks[i + 1].text, "gent"):
            outlet = False  # "на сайте Минздрава": the ministry's own page, no outlet
        last = i + 1
        while last + 1 < hi and tight(text, toks[last], toks[last + 1]) and org_word(text, toks[last + 1]):
            last += 1  # "издание The Economist"
        return named(toks[last].stop, text[toks[i + 1].start : toks[last].stop], last)
    return None


def _generic_head(word: str, named: bool = False) -> bool:
    return generic_org_lemma(word, named) is not None


@lru_cache(maxsize=CACHE_SIZE)
def generic_org_lemma(word: str, named: bool = False) -> str | None:
    """The lemma of a common noun for an organisation ("ведомстве" -> "ведомство"), None for another
    word; ``named``: in a name, after a capitalised adjective, where "союз" and "бюро" are ones too."""
    lexicons = ("generic_orgs", "institution_heads") if named else ("generic_orgs",)
    if not any(may_be(word, name) for name in lexicons) or not may_have_lemma(word, *lexicons):
        return None
    for p in parses(word):
        lemma = p.normal_form.replace("ё", "е")
        if p.tag.POS == "NOUN" and any(lemma in load(name) for name in lexicons):
            return lemma
    return None


def _generic_org(text: str, toks: Sequence[Span], i: int, lo: int, hi: int) -> Mention | None:
    """An organisation named by a common noun: alone ("в ведомстве", "регулятор": one the text named
    before) or with its complements ("Счетная палата", "власти Сахалина", "Министерство
    здравоохранения Новосибирской области")."""
    j = i
    while j < min(hi, i + 2) and j + 1 < hi and capitalised(toks[i]) and adjective(toks[j].text):
        j += 1  # "Верховный суд", "Счетная палата"
    tok = toks[j]
    # "Союза производителей напитков": a capitalised head within a sentence starts a name too
    lemma = generic_org_lemma(tok.text, named=j > i or (capitalised(tok) and not sentence_initial(text, tok)))
    if (
        lemma is None
        or (i > lo and _possessive_before(toks[i - 1].text))
        or (j > i and not tight(text, toks[j - 1], tok))
    ):
        return None
    last = j
    while last + 1 < hi and last - j < 6 and tight(text, toks[last], toks[last + 1]):
        nxt = toks[last + 1]
        low = normalize_word(nxt.text)
        if (
            is_verbal(nxt.text)
            or low in load("prepositions")
            or low in column("pronouns")
            or is_outlet(nxt.text)
            or speech_noun(nxt.text)  # "привела компания слова Дулерайна"
            or (lemma in load("outlets") and role_word(nxt) is not None)  # "цитирует телеканал министра"
        ):
            break
        if not (capitalised(nxt) or genitive_word(nxt.text)):
            break
        if not capitalised(nxt) and last > j and capitalised(toks[last]) and not adjective(toks[last].text):
            break  # "понижения Банком России ключевой ставки": a name ends after its place
        if capitalised(nxt) and person_run(text, toks, last + 1, hi) > last + 2:
            break  # "кандидата от Демократической партии Джо Байдена": the name is a person's
        last += 1
    if last == j and j == i and (not capitalised(tok) or sentence_initial(text, tok)):
        name = lemma  # "в ведомстве", "Регулятор отметил": one the text named before
    else:
        oblique = governed(text, toks, i, lo) or complement(text, toks, i, lo)
        name = nominative_head([t.text for t in toks[i : last + 1]], j - i, oblique)
    return Mention(
        "org",
        toks[i].start,
        toks[last].stop,
        name,
        outlet=lemma in load("outlets"),
        subject=has_case(tok.text, "nomn"),
        prep=governed(text, toks, i, lo),
        first=i,
        last=last,
        head=tok.text,
    )


@lru_cache(maxsize=CACHE_SIZE)
def _named_institution(first: str, second: str, head: str) -> bool:
    """Two adjectives and a common noun for an organisation, the first capitalised: a name."""
    return (
        "ADJF" in {str(p.tag.POS) for p in parses(first)[:1]}
        and adjective(second)
        and _generic_head(head, named=True)
    )


def _possessive_before(word: str) -> bool:
    """ "своей компании", "его ведомства": somebody's organisation, not one the text names."""
    return normalize_word(word) in column("possessives") or normalize_word(word).startswith("сво")
