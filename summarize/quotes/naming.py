"""What says a pair of marks holds a name, a title or a term rather than speech.

"газета «Труд»" (a head noun before the marks), "в «нормандском формате»" (a preposition),
"так называемые «…»", "«цивилизованных» велодорожек" (an adjective agreeing with the noun after),
"«A», «B» и «C»" (a list): :func:`name_evidence` adds each as a ``name:`` feature.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import load
from ..morph import CACHE_SIZE, is_preposition, lemmas, normalize_word, parses
from ..punct import CLOSING, OPENING, SPACES, WORD_GAP, one_of
from ..records import Span
from .cues import speech_lemma
from .document import Doc
from .kinds import has_lemma, may_be
from .marks import Pair
from .model import Features


def _head_before(doc: Doc, pos: int) -> bool:
    """A head noun right before the mark says the marks hold a name ("газета «Труд»")."""
    lo, hi = doc.tok_range(max(0, pos - 60), pos)
    for k in range(hi - 1, max(lo, hi - 3) - 1, -1):
        tok = doc.toks[k]
        gap = doc.text[tok.stop : pos if k == hi - 1 else doc.toks[k + 1].start]
        if gap.strip(SPACES + OPENING):
            return False
        kind = head_kind(tok.text)
        if kind == "head":
            return True
        if kind == "other":
            return False
    return False


@lru_cache(maxsize=CACHE_SIZE)
def head_kind(word: str) -> str:
    """ "head" for a head noun of names ("газета"), "modifier" for what may stand between it and
    the marks (an adjective, a capitalised word: "газета «Труд»", "ОАО «НК „Роснефть“»"), else "other"."""
    if normalize_word(word) in load("name_heads"):
        return "head"
    if has_lemma(word, "outlets", "name_heads"):
        return "head"
    if word[:1].isupper() or "ADJF" in {str(p.tag.POS) for p in parses(word)}:
        return "modifier"
    return "other"


def name_evidence(doc: Doc, pair: Pair, words: Sequence[Span], f: Features) -> None:
    """What says the marks hold a name, a title or a term rather than speech."""
    text = doc.text
    if _head_before(doc, pair.open):
        f["name:head"] = 1.0  # "газета «Труд»", "сбор «Айбын»"
    prev = _word_before(doc, pair.open)
    nxt = _word_after(doc, pair.close)
    if prev is None:
        f["before:punctuation"] = 1.0
    else:
        f[f"before:{part_of_speech(prev.text)}"] = 1.0
        if (
            _nominal(prev.text)
            and not (lemmas(prev.text) & load("speech_nouns"))
            and speech_lemma(prev) is None
        ):
            f["name:after_noun"] = 1.0  # "круглого стола «Реконструкция …»"
        if lemmas(prev.text) & load("chant_words"):
            f["name:chant"] = 1.0  # "скандировали: «Свободу!»"
        if is_preposition(prev.text):
            f["name:preposition"] = 1.0  # "встреча в «нормандском формате»"
        if len(words) == 1 and not _pronoun_like(prev.text) and _modifies(prev.text, words[-1].text):
            f["name:modified"] = 1.0  # "два отнюдь не простых «биса»"
        if _noun(prev.text) and all(_genitive(w.text) for w in words):
            f["name:genitive"] = 1.0  # "операторов «большой тройки»"
    f["after:punctuation" if nxt is None else f"after:{part_of_speech(nxt.text)}"] = 1.0
    if nxt is not None and words and _modifies(words[-1].text, nxt.text):
        f["name:modifies"] = 1.0  # "«цивилизованных» велодорожек"
    if _scare(doc, pair.open):
        f["name:so_called"] = 1.0  # "так называемые «…»"
    if _named_after(doc, pair):
        f["name:named_after"] = 1.0  # "как назвали ящик авторы"
    if _naming_before(doc, pair.open):
        f["naming_verb"] = 1.0  # "назвал сведения «слухами»"
    if text[max(0, pair.open - 1) : pair.open] == "(" and text[pair.close + 1 : pair.close + 2] == ")":
        f["name:parentheses"] = 1.0
    if _listed(doc, pair):
        f["name:listed"] = 1.0  # «A», «B» и «C»


@lru_cache(maxsize=CACHE_SIZE)
def part_of_speech(word: str) -> str:
    """The part of speech of a word next to the marks, as evidence ("PREP", "NOUN", "Name"...)."""
    if word[:1].isupper() and not word.isupper():
        return "Capital"
    ps = parses(word)
    return str(ps[0].tag.POS) if ps else "unknown"


def _naming_before(doc: Doc, pos: int) -> bool:
    """A finite verb of naming among the six words before the mark ("назвал сведения «слухами»")."""
    lo, hi = doc.tok_range(max(0, pos - 80), pos)
    for t in doc.toks[max(lo, hi - 6) : hi]:
        if "." in doc.text[t.stop : pos]:
            return False
        if _naming_verb(t.text):
            return True
    return False


@lru_cache(maxsize=CACHE_SIZE)
def _naming_verb(word: str) -> bool:
    return may_be(word, "naming_words") and any(
        p.tag.POS in ("VERB", "GRND") and p.normal_form.replace("ё", "е") in load("naming_words")
        for p in parses(word)[:2]
    )


@lru_cache(maxsize=CACHE_SIZE)
def _pronoun_like(word: str) -> bool:
    """ "его", "этот", "свой": pronouns agree with anything."""
    return any("Apro" in p.tag or p.tag.POS == "NPRO" for p in parses(word))


@lru_cache(maxsize=CACHE_SIZE)
def _noun(word: str) -> bool:
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS == "NOUN"


@lru_cache(maxsize=CACHE_SIZE)
def _genitive(word: str) -> bool:
    """A noun or adjective that can be in the genitive."""
    return any("gent" in p.tag for p in parses(word) if p.tag.POS in ("NOUN", "ADJF", "PRTF"))


@lru_cache(maxsize=CACHE_SIZE)
def _nominal(word: str) -> bool:
    """A noun, an adjective or a participle (not "что", not a verb)."""
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS in ("NOUN", "ADJF", "PRTF")


def _word_before(doc: Doc, pos: int) -> Span | None:
    """The word right before ``pos`` with only spaces between (None after punctuation)."""
    k = bisect.bisect_left(doc.tok_starts, pos) - 1
    if k < 0:
        return None
    tok = doc.toks[k]
    return tok if not doc.text[tok.stop : pos].strip(SPACES) else None


def _word_after(doc: Doc, close: int) -> Span | None:
    k = bisect.bisect_left(doc.tok_starts, close + 1)
    if k >= len(doc.toks):
        return None
    tok = doc.toks[k]
    return tok if not doc.text[close + 1 : tok.start].strip(SPACES) else None


@lru_cache(maxsize=CACHE_SIZE)
def _modifies(word: str, noun: str) -> bool:
    """Is ``word`` an adjective agreeing with the ``noun`` right after the marks?

    ("«цивилизованных» велодорожек")
    """
    nouns = [p for p in parses(noun) if p.tag.POS == "NOUN"]
    if not nouns or nouns[0] is not parses(noun)[0]:
        return False
    for a in parses(word):
        if a.tag.POS not in ("ADJF", "PRTF"):
            continue
        for n in nouns:
            if (
                a.tag.case == n.tag.case
                and a.tag.number == n.tag.number
                and (n.tag.number == "plur" or a.tag.gender in (None, n.tag.gender))
            ):
                return True
    return False


def _named_after(doc: Doc, pair: Pair) -> bool:
    """ "доступ к «коробке с письмами», как назвали ящик авторы": the words after give a name."""
    after = doc.text[pair.close + 1 : pair.close + 40]
    lo, hi = doc.tok_range(pair.close + 1, pair.close + 40)
    toks = doc.toks[lo : min(hi, lo + 3)]
    if not toks or after.lstrip(SPACES + ",")[:3].lower() != "как":
        return False
    return any(lemmas(t.text) & load("naming_words") for t in toks[1:])


def _scare(doc: Doc, pos: int) -> bool:
    """ "так называемые «…»", "называемых в Японии «…»": a name given, not speech."""
    lo, hi = doc.tok_range(max(0, pos - 60), pos)
    return any(_naming(t.text) for t in doc.toks[max(lo, hi - 4) : hi])


@lru_cache(maxsize=CACHE_SIZE)
def _naming(word: str) -> bool:
    """A passive participle of naming: "называемых", "прозванный"."""
    return may_be(word, "naming_words") and any(
        p.tag.POS == "PRTF" and "pssv" in p.tag and p.normal_form.replace("ё", "е") in load("naming_words")
        for p in parses(word)
    )


_LISTED_AFTER = re.compile(f"{one_of(WORD_GAP)}*(?:,|и|или){one_of(WORD_GAP)}*{one_of(OPENING)}")


_LISTED_BEFORE = re.compile(f"{one_of(CLOSING)}{one_of(WORD_GAP)}*(?:,|и|или){one_of(WORD_GAP)}*$")


def _listed(doc: Doc, pair: Pair) -> bool:
    """«A», «B» и «C»: an enumeration of names."""
    text = doc.text
    return bool(_LISTED_AFTER.match(text, pair.close + 1, pair.close + 8)) or bool(
        _LISTED_BEFORE.search(text, max(0, pair.open - 8), pair.open)
    )
