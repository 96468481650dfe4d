"""Morphology: one lazily created pymorphy3 analyzer per process, cached per-word readings.

The summary side asks for one lemma and part of speech (:func:`lemma_pos`); the quotes side
for every reading of a word (:func:`readings`, :func:`lemmas`), its name grammemes and its case.

The analyzer is never stored on a result or an estimator, so everything the
library returns pickles cheaply; each process (or joblib worker) loads the
dictionaries once, on first use.  Calling these functions from several threads
is safe: the analyzer is read-only and ``functools.lru_cache`` is thread-safe.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse

CACHE_SIZE = 100_000
"""Words kept in each lemma cache (about 100k words is the sweet spot for
pymorphy: most of the speed of an unbounded cache at a fraction of its memory)."""

# Parts of speech that never carry a document's content.
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "PRED"})

_lock = threading.Lock()
_analyzer: MorphAnalyzer | None = None


def analyzer() -> MorphAnalyzer:
    """The process-wide ``pymorphy3.MorphAnalyzer``, created on first call."""
    global _analyzer
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                import pymorphy3

                _analyzer = pymorphy3.MorphAnalyzer(lang="ru")
    return _analyzer


@lru_cache(maxsize=CACHE_SIZE)
def normalize_word(word: str) -> str:
    """Lower-case, ``ё`` -> ``е``, soft hyphens and accents dropped: the key for lookups.

    >>> normalize_word("Ещё")
    'еще'
    """
    word = word.lower().replace("ё", "е")
    if "\u00ad" in word or "\u0301" in word:
        word = word.replace("\u00ad", "").replace("\u0301", "")
    return word


def _parse(word: str) -> list[Parse]:
    try:
        return analyzer().parse(word)
    except ValueError:
        # pymorphy3 looks up Unicode names to guess a word's shape; letters that
        # Python's unicodedata cannot name (e.g. Tangut, U+17000) make it raise.
        return []


NAME_TAGS = ("Name", "Surn", "Patr")
"""pymorphy3's grammemes for the parts of a person's name."""
# as sets, tested against a tag's grammemes at once (``"Name" in tag`` is a slow method call)
_NAME_SET, _SURNAME_SET = frozenset(NAME_TAGS), frozenset({"Surn"})
# A top parse with one of these is already what a capitalised word should be read as.
_PROPER = frozenset({"Geox", "Orgn", *NAME_TAGS})
SURNAME_SHARE = 0.1
"""A surname reading at least this share as likely as the top parse wins for a capitalised word."""
SURNAME_SUFFIX = "(?:ов|ев|ёв|ин|ын)"
SURNAME_CASE_ENDING = "(?:а|у|ым|ом|е|ой|ы|ых|ыми)"
"""Regex pieces: a Russian surname's suffix and its case endings ("Косанов", "Косановым")."""
_SURNAME_BASE = re.compile(rf"(\w{{2,}}{SURNAME_SUFFIX}){SURNAME_CASE_ENDING}?")
"""A Russian surname in any case, around its masculine nominative ("косановым" -> "косанов")."""
_VERBAL = frozenset({"VERB", "INFN", "GRND", "PRTF", "PRTS"})


RECENT_WORDS = 4096
"""Normalised words whose parses :func:`_recent_parses` keeps: more than the distinct words of
a long news text, so the quotes side finds parsed every word the summary side just met."""


@lru_cache(maxsize=RECENT_WORDS)
def _recent_parses(word: str) -> tuple[Parse, ...]:
    """Every parse of a normalised ``word``, kept for the last :data:`RECENT_WORDS` words asked.

    Both sides parse through here: a text summarised and then searched for quotes has its
    words parsed once, and a word met capitalised and in lower case (two lemma cache entries)
    too, while the summary side still keeps no parse of an old word alive (see :data:`_PARSES`).
    """
    return tuple(_parse(word))


@lru_cache(maxsize=CACHE_SIZE)
def _analyse(word: str, capitalised: bool = False) -> tuple[str, str | None]:
    found = _PARSES.get(word) or _recent_parses(word)
    if not found:
        return word, None
    best = found[0]
    if capitalised and best.tag.POS not in FUNCTION_POS and not _PROPER & best.tag.grammemes:
        surname = next((p for p in found if "Surn" in p.tag and p.score >= SURNAME_SHARE * best.score), None)
        if surname is not None:
            best = surname
        elif not analyzer().word_is_known(word):
            # pymorphy3 guesses names it lacks from their endings: "Косанов" as a plural of
            # "косан", "Косановым" as "косановое", "Ансип" as a verb "ансипнуть"
            if base := _SURNAME_BASE.fullmatch(word):
                return base[1], "NOUN"
            if best.tag.POS in _VERBAL:
                noun = next((p for p in found if p.tag.POS == "NOUN"), None)
                return (word if noun is None else noun.normal_form.replace("ё", "е")), "NOUN"
    return best.normal_form.replace("ё", "е"), best.tag.POS


@lru_cache(maxsize=CACHE_SIZE)
def parses(word: str) -> tuple[Parse, ...]:
    """Every pymorphy3 parse of ``word`` (looked up normalised), best first; () if none.

    >>> parses("Министрами")[0].normal_form
    'министр'
    """
    return _normal_parses(normalize_word(word))


_PARSES: dict[str, tuple[Parse, ...]] = {}
"""Every parse of each normalised word the quotes side asked about ("Москве" and "москве" are
parsed once); at most ``CACHE_SIZE`` words, emptied when full.  The summary side reads it
without filling it: its lemmas are cached on their own, and keeping every parse of every word
of a text alive costs the garbage collector more than parsing the word again."""


def _normal_parses(word: str) -> tuple[Parse, ...]:
    found = _PARSES.get(word)
    if found is None:
        if len(_PARSES) >= CACHE_SIZE:
            _PARSES.clear()
        found = _PARSES[word] = _recent_parses(word)
    return found


def lemma(word: str) -> str:
    """The dictionary form of ``word`` (lower case, ``ё`` as ``е``).

    >>> lemma("министрами")
    'министр'
    """
    return _analyse(normalize_word(word))[0]


def lemma_pos(word: str, *, surnames: bool = False) -> tuple[str, str | None]:
    """The lemma and the part of speech (pymorphy3's OpenCorpora tag) of ``word``.

    With ``surnames=True`` a capitalised word that pymorphy3 also reads as a
    surname is taken as one, unless its best reading is a place, an
    organisation or another name: a capitalised «Песков» is the press
    secretary, not the genitive plural of «песок».

    >>> lemma_pos("обсудили")
    ('обсудить', 'VERB')
    >>> lemma_pos("Песков")[0], lemma_pos("Песков", surnames=True)[0], lemma_pos("Афины", surnames=True)[0]
    ('песок', 'песков', 'афины')
    """
    return _analyse(normalize_word(word), surnames and word[:1].isupper() and not word.isupper())


# -- every reading of a word: the quotes side -----------------------------------------------------
@lru_cache(maxsize=CACHE_SIZE)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 offers for ``word``.

    >>> sorted(lemmas("стали"))
    ['сталь', 'стать']
    """
    return frozenset(p.normal_form.replace("ё", "е") for p in parses(word))


@lru_cache(maxsize=CACHE_SIZE)
def readings(word: str) -> frozenset[tuple[str, str | None]]:
    """``(lemma, part of speech)`` of every parse of ``word`` (:func:`lemma_pos` gives the likeliest).

    >>> sorted(readings("стали"), key=str)
    [('сталь', 'NOUN'), ('стать', 'VERB')]
    """
    return frozenset((p.normal_form.replace("ё", "е"), p.tag.POS) for p in parses(word))


@lru_cache(maxsize=CACHE_SIZE)
def is_known(word: str) -> bool:
    """True if pymorphy3's dictionary holds ``word`` (not a guess)."""
    return bool(analyzer().word_is_known(normalize_word(word)))


@lru_cache(maxsize=CACHE_SIZE)
def name_parses(word: str) -> tuple[Parse, ...]:
    """Parses of ``word`` as part of a person's name.

    For a word the dictionary lacks only the surname guesses are kept: pymorphy3
    guesses surnames well from their suffix, first names badly ("Косанов" is not
    the genitive plural of a first name "Косан").
    """
    tags = _NAME_SET if is_known(word) else _SURNAME_SET
    # one person's name is singular: "Илон" is no plural of "Илона" here
    return tuple(
        p for p in parses(word) if not tags.isdisjoint(p.tag.grammemes) and "plur" not in p.tag.grammemes
    )


@lru_cache(maxsize=CACHE_SIZE)
def name_tags(word: str) -> frozenset[str]:
    """Which of ``Name``, ``Surn``, ``Patr`` some reasonably likely parse of ``word`` carries.

    >>> sorted(name_tags("Сергей")), sorted(name_tags("Пескову")), sorted(name_tags("Москве"))
    (['Name'], ['Surn'], [])
    """
    ps = name_parses(word)
    top = parses(word)[0].score if parses(word) else 0.0
    return frozenset(t for p in ps if p.score >= top * 0.1 for t in _NAME_SET & p.tag.grammemes)


@lru_cache(maxsize=CACHE_SIZE)
def has_case(word: str, case: str) -> bool:
    """True if some parse of ``word`` is in grammatical ``case`` (or indeclinable)."""
    return any(case in p.tag or "Fixd" in p.tag for p in parses(word))


@lru_cache(maxsize=CACHE_SIZE)
def likely_pos(word: str) -> frozenset[str]:
    """The parts of speech of the parses of ``word`` at least 0.3 times as likely as the best."""
    ps = parses(word)
    top = ps[0].score if ps else 0.0
    return frozenset(str(p.tag.POS) for p in ps if p.score >= top * 0.3)


def is_verbal(word: str) -> bool:
    """True if ``word`` is most likely a verb form (finite, infinitive, participle, gerund).

    >>> is_verbal("заявил"), is_verbal("заявление")
    (True, False)
    """
    return bool(likely_pos(word) & {"VERB", "INFN", "PRTS", "GRND"})


@lru_cache(maxsize=CACHE_SIZE)
def is_preposition(word: str) -> bool:
    """Is the likeliest parse of ``word`` a preposition (pymorphy3's ``PREP``)?

    The dictionary's judgement, unlike :func:`summarize.lexicon.is_listed_preposition`,
    which holds only the prepositions that govern a name.

    >>> is_preposition("после"), is_preposition("министр")
    (True, False)
    """
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS == "PREP"


@lru_cache(maxsize=CACHE_SIZE)
def _inflect(parse: Parse, grammemes: frozenset[str]) -> Parse | None:
    return parse.inflect(set(grammemes))


def inflect(parse: Parse, grammemes: set[str]) -> Parse | None:
    """``parse.inflect(grammemes)``, remembered: the same name is put into the nominative many times.

    >>> inflect(parses("Путина")[0], {"nomn"}).word
    'путин'
    """
    return _inflect(parse, frozenset(grammemes))
