"""Morphology: one lazily created pymorphy3 analyzer per process, cached lemmas.

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


@lru_cache(maxsize=CACHE_SIZE)
def _analyse(word: str, capitalised: bool = False) -> tuple[str, str | None]:
    found = _parse(word)
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
    return tuple(_parse(normalize_word(word)))


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
