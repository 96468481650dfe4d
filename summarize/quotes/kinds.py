"""What one word can be in a mention: the :class:`Mention` record and the word kinds.

A capitalised word may be part of a person's name ("Косанова", "А."), an organisation
("МИД", "Microsoft", "Росстат"), a place, an outlet ("Lenta.ru"); a lower-case one a role
noun ("министра", "экс-худрука").  The mention finders build on these tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from ..lexicon import alias_groups, column, is_listed_preposition, load, tagged
from ..morph import (
    CACHE_SIZE,
    SURNAME_CASE_ENDING,
    SURNAME_SUFFIX,
    analyzer,
    inflect,
    is_known,
    lemma_pos,
    lemmas,
    name_tags,
    normalize_word,
    parses,
)
from ..punct import DASHES, OPENING, TERMINAL, WORD_GAP
from ..records import Span
from ..text import DOMAIN

SURNAME_END = re.compile(
    rf"{SURNAME_SUFFIX}{SURNAME_CASE_ENDING}?$|(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)$|енко$"
)
"""Endings of Russian surnames in any case ("Карасина", "Лесину", "Вертинского")."""


def is_initial(text: str, tok: Span) -> bool:
    return len(tok.text) == 1 and tok.text.isupper() and text[tok.stop : tok.stop + 1] == "."


class Mention(NamedTuple):
    """Words of the text that can name a speaker.

    ``kind`` is ``"person"``, ``"role"``, ``"org"`` or ``"pron"``; ``name`` the nominative
    name (a person's as written, not yet resolved to the full name); ``role`` the role
    lemma and ``org`` the organisation attached to it; ``subject`` says a nominative
    reading exists (it can be the subject of a verb); ``prep`` that a preposition governs it;
    ``relays`` that an outlet only passes the words on ("сказали ТАСС", "передает РБК", "по данным
    Reuters", "со ссылкой на РИА «Новости»"), while one that writes ("пишет The Washington Post",
    "говорится в статье Bloomberg") is a speaker by the conventions.
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
    relays: bool = False  # an outlet that passes others' words on ("сказали ТАСС", "передает РБК")


def capitalised(tok: Span) -> bool:
    return tok.text[:1].isupper()


def adjective(word: str) -> bool:
    """Is the best reading of ``word`` an adjective or a participle ("Федеральная", "работающего")?"""
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS in ("ADJF", "PRTF")


def gap_between(text: str, a: Span, b: Span) -> str:
    return text[a.stop : b.start]


def tight(text: str, a: Span, b: Span) -> bool:
    """Only a space (or an initial's dot) between two words."""
    gap = gap_between(text, a, b)
    if len(gap) == 1 and gap in WORD_GAP:
        return True
    return gap[:1] == "." and len(gap) <= 2 and gap[1:] in WORD_GAP and is_initial(text, a)


def complement(text: str, toks: Sequence[Span], i: int, lo: int) -> bool:
    """Does ``toks[i]`` start the complement of a noun of speech or a role right before it ("заявление
    министерства", "представитель министерства")?"""
    if i <= lo or not tight(text, toks[i - 1], toks[i]) or not toks[i - 1].text.islower():
        return False
    return has_lemma(toks[i - 1].text, "cue_nouns") or role_lemma(toks[i - 1].text) is not None


def person_word(text: str, tok: Span) -> bool:
    if is_initial(text, tok) or person_text(tok.text):
        return True
    # "цитирует РБК Карасина": a capitalised word inside a sentence with a surname's ending,
    # even if the dictionary reads it as something else ("карасиный")
    return surname_like(tok.text) and not sentence_initial(text, tok)


@lru_cache(maxsize=CACHE_SIZE)
def surname_like(w: str) -> bool:
    """A capitalised word with a surname's ending that is no adjective, place or organisation."""
    return (
        w[:1].isupper()
        and not w.isupper()
        and not _compound(w)
        and SURNAME_END.search(w.lower()) is not None
        and lemma_pos(w)[1] != "ADJF"  # "Боденским озером", "Европейский союз"
        and not _geo_text(w)
        and not org_text(w)
    )


_COMPOUND = re.compile(r"([^-]+)-[a-zа-яё]")


def _compound(w: str) -> bool:
    """A compound of a word that is no name and a common noun ("ПЦР-тестов", "Компания-производитель"):
    no name, though "Цой-младший" is one (both parts of a double surname are capitalised)."""
    found = _COMPOUND.match(w)
    return found is not None and not name_tags(found[1])


_AGENCY = re.compile(r"(?:Рос|Гос|Мос|Мин)[а-яё]{4,}$")
_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,}[а-яё]{1,3}$|.*[A-Za-z].*-|.*-[A-Za-z]")
"""Russian agencies and companies the dictionary lacks ("Росстат", "Госкино", "Минкульт",
"Минпромторга"), an acronym with a case ending ("ЦОДов", "ВЭБа"), a word half Latin
("Twitter-аккаунте")."""


@lru_cache(maxsize=CACHE_SIZE)
def person_text(w: str) -> bool:
    if "." in w or _agency(w) or _compound(w):
        return False  # "Газета.Ru", "Росстат", "ПЦР-тестов"
    tags = name_tags(w)
    if "Name" in tags or "Patr" in tags or "Surn" in tags:
        return True
    if not is_known(w) and not _mixed_case(w) and not w.isupper() and not w.isascii():
        # a capitalised word the dictionary lacks is most often a name ("Orgn"/"Geox" guesses are not
        # trusted), though not an agent noun: "Тестировщик добавил"
        return _AGENT.search(w) is None
    return False


_AGENT = re.compile(r"щи(?:к|ц)[а-яё]{0,3}$")
"""The suffix of a noun for one who does something ("тестировщик", "тестировщица")."""


def _mixed_case(word: str) -> bool:
    """A capital right after a small letter: "БелТА", "ВКонтакте" (not "О’Рейли", "Мак-Кейн")."""
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))


def org_word(text: str, tok: Span) -> bool:
    return org_text(tok.text)


def _agency(w: str) -> bool:
    if _ACRONYM.match(w) is not None:
        return True
    return not is_known(w) and _AGENCY.match(w) is not None and SURNAME_END.search(w.lower()) is None


@lru_cache(maxsize=CACHE_SIZE)
def org_text(w: str) -> bool:
    if _agency(w):
        return True
    if len(w) > 1 and (w.isupper() or _mixed_case(w)):
        return True  # "МИД", "БелТА", "ВКонтакте"
    if w.isascii() and w[:1].isalpha() and len(w) > 1:  # "Microsoft" (not "Cтив", nor "°C")
        return True
    return any("Orgn" in p.tag for p in parses(w)) or is_outlet(w) or _listed_org(w)


def _listed_org(w: str) -> bool:
    """A one-word name of an institution of ``org_aliases`` in any case ("Сбербанке", "Пентагона"),
    which the dictionary may know as a common noun."""
    if not w[:1].isupper():
        return False
    names = _listed_names()
    return normalize_word(w) in names or bool(lemmas(w) & names)


@cache
def _listed_names() -> frozenset[str]:
    return frozenset(normalize_word(f) for g in alias_groups("org_aliases") for f in g if " " not in f)


@lru_cache(maxsize=CACHE_SIZE)
def is_outlet(word: str) -> bool:
    """A news outlet: listed in ``outlets`` (in any case: "Интерфаксу") or a web domain ("Lenta.ru")."""
    if normalize_word(word) in load("outlets") or re.search(DOMAIN + "$", word):
        return True
    return word[:1].isupper() and bool(lemmas(word) & _outlet_lemmas())  # names, not "Агентство"


@cache
def _outlet_lemmas() -> frozenset[str]:
    """The outlets' names and the lemmas of those that are plural nouns ("ведомости" -> "ведомость",
    so that "«Ведомостям» сообщили" is the outlet)."""
    names = column("outlets").keys()
    return frozenset(names).union(*(lemmas(name) for name in names if name.endswith(("и", "ы", "я"))))


def geo_word(tok: Span) -> bool:
    return _geo_text(tok.text)


@lru_cache(maxsize=CACHE_SIZE)
def _geo_text(w: str) -> bool:
    return any("Geox" in p.tag for p in parses(w))


@lru_cache(maxsize=CACHE_SIZE)
def _paradigm_forms(lemma: str) -> tuple[frozenset[str], ...]:
    """For each pymorphy3 parse of ``lemma``: the forms of its paradigm if ``lemma`` is the paradigm's
    lemma, else none (lower case, ``ё`` as ``е``)."""
    return tuple(
        frozenset(form.word.replace("ё", "е") for form in p.lexeme)
        if p.normal_form.replace("ё", "е") == lemma
        else frozenset()
        for p in analyzer().parse(lemma)
    )


@cache
def _prefixes(name: str) -> frozenset[str]:
    """The first four letters of every form of every lemma of lexicon ``name``.

    The forms come from pymorphy3's paradigms ("писать" gives "пише" as well as "писа"),
    once per process (some 25 ms for all the lexicons).
    """
    found = set()
    for lemma in load(name):
        found.add(lemma[:4])
        for forms in _paradigm_forms(lemma)[:3]:
            found.update(form[:4] for form in forms)
    return frozenset(found)


@lru_cache(maxsize=CACHE_SIZE)
def _lemma_forms(lemma: str) -> frozenset[str]:
    """Every dictionary form of ``lemma`` (lower case, ``ё`` as ``е``).

    A word the dictionary knows is parsed by the dictionary alone, so its lemmas are the lemmas
    of the paradigms it is a form of: a known word outside this set has no parse with ``lemma``.
    """
    return frozenset().union(*_paradigm_forms(lemma))


@cache
def _forms(name: str) -> frozenset[str]:
    """Every dictionary form of every lemma of lexicon ``name`` (see :func:`_lemma_forms`)."""
    return frozenset().union(*map(_lemma_forms, load(name)))


def may_be_form_of(word: str, lemma: str) -> bool:
    """False if the dictionary knows ``word`` as no form of ``lemma``: no parse of it has that lemma."""
    return not is_known(word) or normalize_word(word) in _lemma_forms(lemma)


def may_have_lemma(word: str, *names: str) -> bool:
    """False if the dictionary knows ``word`` as no form of a lemma of the lexicons ``names``: then no
    parse of it has one, and the word need not be parsed to rule it out."""
    return not is_known(word) or any(normalize_word(word) in _forms(name) for name in names)


@cache
def _lemmas_of(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*map(load, names))


def has_lemma(word: str, *names: str) -> bool:
    """Has some parse of ``word`` a lemma of the lexicons ``names``?  A word the dictionary knows
    as no form of them is ruled out unparsed (:func:`may_have_lemma`)."""
    return may_have_lemma(word, *names) and bool(lemmas(word) & _lemmas_of(names))


def names_thing(head: str, word: str) -> bool:
    """Does the capitalised ``word`` right after ``head`` start the name of a thing or a place, not
    of someone who speaks?  After a noun of a thing named after a person ("орденом Жукова", "имени
    Н. Ф. Гамалеи", "им. Логинова"), or after a noun of place with no first name ("в районе
    Гринвич-Виллидж", "мэр города Немуро"; not "в округе Виктор Ишаев")."""
    if normalize_word(head) == "им" or has_lemma(head, "eponym_heads"):
        return True
    return has_lemma(head, "place_heads") and "Name" not in name_tags(word)


def may_be(word: str, name: str) -> bool:
    """Could ``word`` be a form of a lemma of lexicon ``name``?  Compares the first four letters
    with those of the lemmas' forms, so most words are ruled out without a dictionary look-up."""
    low = normalize_word(word)
    if "-" in low and low.split("-", 1)[0] in ("экс", "вице", "зам"):
        low = low.split("-", 1)[1]
    return len(low) < 4 or low[:4] in _prefixes(name)


_ROLE_PREFIXES = ("экс-", "вице-", "зам-")
"""What a role noun may be prefixed with ("экс-худрука")."""


@lru_cache(maxsize=CACHE_SIZE)
def role_lemma(word: str) -> str | None:
    """The role noun ``word`` is a form of ("министра" -> "министр"), or None.

    A compound is the role of its first part ("врача-инфекциониста" -> "врач"), a prefixed
    role that of its second ("экс-худрука" -> "худрук", "IT-специалиста" -> "специалист").
    """
    found = _role_lemma(word)
    head, hyphen, rest = word.partition("-")
    if found is None and hyphen and rest:
        found = _role_lemma(rest) if head.isupper() else _role_lemma(head)
    return found


def _role_lemma(word: str) -> str | None:
    if not may_be(word, "role_nouns"):
        return None
    low = normalize_word(word)
    prefixed = low.startswith(_ROLE_PREFIXES)
    ps = parses(word)
    if ps and ps[0].tag.POS in ("ADJF", "PRTF") and "Qual" not in ps[0].tag:
        # "нападающий", "пострадавшая", "задержанного": an adjective or participle used as a noun
        p = ps[0]
        form = inflect(p, {"nomn", "sing", "femn" if "femn" in p.tag else "masc"})
        name = form.word.replace("ё", "е") if form is not None else None
        return name if name in tagged("role_nouns", "substantive") else None
    if not prefixed and not may_have_lemma(word, "role_nouns"):
        return None  # a word the dictionary knows, and no form of a role noun
    if not ps or ps[0].tag.POS != "NOUN":
        return None  # "после" is a preposition before it is the plural of "посол"
    roles = load("role_nouns")
    for p in ps:
        lemma = p.normal_form.replace("ё", "е")
        if p.tag.POS == "NOUN" and lemma in roles:
            return lemma
    if prefixed:
        return _role_lemma(word.split("-", 1)[1])  # "экс-худрука" -> "худрук"
    return None


def role_word(tok: Span) -> str | None:
    return role_lemma(tok.text)


_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "INTJ", "PRED", "NUMR", "COMP"})


@lru_cache(maxsize=CACHE_SIZE)
def function_word(word: str) -> bool:
    """A known word whose likeliest reading is a preposition, conjunction, pronoun or adverb ("При")."""
    ps = parses(word)
    return bool(ps) and str(ps[0].tag.POS) in _FUNCTION_POS and is_known(word)


def sentence_initial(text: str, tok: Span) -> bool:
    k = tok.start - 1
    while k >= 0 and text[k] in WORD_GAP + "\t" + OPENING:
        k -= 1
    return k < 0 or text[k] in TERMINAL + "\n\r:" + DASHES


_TICKER = re.compile(
    r"(?:[A-Z][A-Z0-9./]{1,11}|RU[0-9A-Z]{10})\s[₽$€£¥]\s?\d{1,3}(?:[\s\u00a0]\d{3})*(?:[,.]\d+)?"
    r"(?:\s(?:[+\-−]?\d+(?:[,.]\d+)?%|—))?(?:\s\w+)?"
)
"""A quote of a market widget: ticker, price, change and its button ("GAZP ₽316,99 +0,25% Купить")."""
_CURRENCY = re.compile("[₽$€£¥]")
_TICKER_NAME = re.compile(r"(?:«[^»\n]{1,40}»|[A-ZА-ЯЁ][\w'’.&/-]*(?:\s[A-ZА-ЯЁ«][\w'’.&/»-]*){0,3})\s$")


def ticker_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The market widgets in ``text[start:stop]`` with the company name before each ("«Газпром» GAZP
    ₽316,99 +0,25% Купить"): no name there is a speaker."""
    if _CURRENCY.search(text, start, stop) is None:
        return []
    out = []
    for found in _TICKER.finditer(text, start, stop):
        name = _TICKER_NAME.search(text, max(start, found.start() - 60), found.start())
        out.append((name.start() if name is not None else found.start(), found.end()))
    return out


@lru_cache(maxsize=CACHE_SIZE)
def post_place(word: str) -> bool:
    """A place people post in ("Twitter", "Telegram-канале"): listed in ``post_words`` as written,
    by its lemma or by the first part of a hyphenated word."""
    low = word.lower()
    places = load("post_words")
    return low in places or low.split("-")[0] in places or has_lemma(word, "post_words")


def posted_in(toks: Sequence[Span], i: int, lo: int) -> bool:
    """Is ``toks[i]`` where words were posted, a preposition before it ("в Twitter", "в своем
    Telegram-канале"): a place, not who speaks."""
    if not post_place(toks[i].text):
        return False
    k = i - 1
    if k > lo and ("свой" in lemmas(toks[k].text) or normalize_word(toks[k].text) in column("possessives")):
        k -= 1
    return k >= lo and is_listed_preposition(toks[k].text)


def opens_name(word: str) -> bool:
    """A particle that may open a name written with a capital ("Ле Пен", "Ван И"; name_particles.txt)."""
    return normalize_word(word) in tagged("name_particles", "opens")


def closes_name(word: str) -> bool:
    """A particle that ends a name ("Полад Бюльбюль оглы"; name_particles.txt)."""
    return normalize_word(word) in tagged("name_particles", "closes")


def deputy(role: str) -> bool:
    """Does a role name a deputy ("замминистра", "заместитель главы", "вице-премьер")?"""
    return normalize_word(role).startswith(("зам", "вице-"))


def ranks_apart(a: str, b: str) -> bool:
    """Is one of two roles a deputy's and the other a head's ("замминистра", "министр здравоохранения")?"""
    return (deputy(a) and _head(b)) or (deputy(b) and _head(a))


def _head(role: str) -> bool:
    """Does ``role`` name the head of something ("министр здравоохранения", "глава")?"""
    return role_lemma(role.split()[0]) in tagged("role_nouns", "head")


MASCULINE_GENITIVE = re.compile(r"[бвгджзклмнпрстфхцчшщ]а$")
"""A consonant and "а": the genitive ending of a man's name ("Маска", "Байдена")."""


_FORMER = re.compile(r"[Ээ]кс-|[Бб]ывш")


def office_held(text: str, m: Mention) -> tuple[str, bool]:
    """A role without "экс-", and whether the mention says its holder held it once ("бывший")."""
    former = _FORMER.match(text, m.start, m.stop) is not None  # not "представительница бывшей жены"
    return (m.role or "").removeprefix("экс-"), former
