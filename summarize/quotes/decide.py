"""The quote-or-name decision: does a pair of marks hold speech, or a name, a title or a term?

"«Мы готовы», — заявил Песков" is a quote, "газета «Труд»" and "после «обкатки»" are not.
:func:`judge` weighs the cue the layouts found against what the marks hold (length,
capitals, sentence punctuation, a verb) and what stands around them (:func:`is_name`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import head_nouns, load
from ..morph import CACHE_SIZE, is_preposition, is_verbal, lemmas, normalize_word, parses
from ..punct import CLOSING, DASHES, OPENING, SPACES, TERMINAL, WORD_GAP, one_of
from ..records import Span
from ..text import tokens, trim
from .candidates import Candidate
from .cues import Cue, speech_lemma
from .document import Doc
from .layouts import attribute_mark, missing_close, previous_sentence_cue, split_interrupted
from .marks import Pair


def _title_like(words: Sequence[Span]) -> bool:
    """«Двенадцать стульев», «Эхо Москвы», «Газпром»: a short capitalised name."""
    if not words or len(words) > 6:
        return False
    if not words[0].text[:1].isupper():
        return False
    caps = sum(1 for w in words if w.text[:1].isupper() or (w.text[:1].isascii() and w.text[:1].isalpha()))
    return len(words) <= 3 or caps >= len(words) - 1


def _head_before(doc: Doc, pos: int) -> bool:
    """A head noun right before the mark says the marks hold a name ("газета «Труд»")."""
    lo, hi = doc.tok_range(max(0, pos - 60), pos)
    for k in range(hi - 1, max(lo, hi - 3) - 1, -1):
        tok = doc.toks[k]
        gap = doc.text[tok.stop : pos if k == hi - 1 else doc.toks[k + 1].start]
        if gap.strip(SPACES + OPENING):
            return False
        kind = _head_kind(tok.text)
        if kind == "head":
            return True
        if kind == "other":
            return False
    return False


@lru_cache(maxsize=CACHE_SIZE)
def _head_kind(word: str) -> str:
    """ "head" for a head noun of names ("газета"), "modifier" for what may stand between it and
    the marks (an adjective, a capitalised word: "газета «Труд»", "ОАО «НК „Роснефть“»"), else "other"."""
    if lemmas(word) & head_nouns() or normalize_word(word) in load("name_heads"):
        return "head"
    if word[:1].isupper() or "ADJF" in {str(p.tag.POS) for p in parses(word)}:
        return "modifier"
    return "other"


def _has_verb(words: Sequence[Span]) -> bool:
    return any(
        is_verbal(w.text) or any("1per" in p.tag or "2per" in p.tag for p in parses(w.text)[:1])
        for w in words
    )


def _sentence_like(text: str, words: Sequence[Span], start: int, stop: int) -> bool:
    if len(words) < 3:
        return False
    ends = text[stop - 1] in TERMINAL
    return (ends and len(words) >= 3) or (len(words) >= 5 and _has_verb(words))


def judge(doc: Doc, pair: Pair, start: int, stop: int) -> list[Candidate]:
    """Quote candidates made of one top-level pair of marks (two if the author interrupts it)."""
    text = doc.text
    lo, hi = doc.tok_range(start, stop)
    words = doc.toks[lo:hi]
    if not words:
        return []
    parts = split_interrupted(doc, start, stop) if "\n" not in text[start:stop] else []
    if parts:
        out = []
        for p, q, part_cue in parts:
            p, q = trim(text, p, q)
            if q > p:
                out.append(Candidate(p, q, "mark", part_cue, "direct", pair))
        return out
    if pair.depth == 0 and "\n" not in text[start:stop]:
        mended = missing_close(doc, pair, start, stop)
        if mended is not None:
            first, reopened = mended
            return [first] + (judge(doc, *reopened) if reopened is not None else [])
    upper = text[start].isupper() or (text[start] in ".…" and text[start:stop].lstrip(".… ")[:1].isupper())
    ends = text[stop - 1] in TERMINAL
    title = _title_like(words) and not ends
    cue, where, colon = attribute_mark(doc, pair, start, stop, title)
    strong = cue is not None and cue.strong
    if not pair.closed and not (strong or colon):
        return []
    signed = where == "after" and cue is not None and cue.mention is not None  # «Q» — Имя Фамилия.
    # "заявила, что это начало «решающего боя»": words in marks inside reported speech are hers
    reported = (
        where == "before"
        and cue is not None
        and cue.cue is not None
        and bool(_THAT.search(text, cue.cue.stop, pair.open))
    )
    if _is_name(doc, pair, words, upper, colon, where == "after" and (strong or signed), reported):
        return []
    if where == "after":
        keep = (
            strong
            or _sentence_like(text, words, start, stop)
            or (ends and upper)
            or (signed and upper and len(words) >= 2)
        )
    elif where == "comma":
        keep = strong and not title
    elif where == "colon":
        keep = (
            (strong and (len(words) >= 2 or not title)) or (upper and (len(words) >= 2 or ends))
        ) and not _listed(doc, pair)
    elif where == "before":
        keep = not title and not _listed(doc, pair)
        if keep and len(words) <= 2 and not _cue_governs(doc, cue, pair):
            keep = False
    elif colon:
        keep = upper and (len(words) >= 3 or ends) and not title and not _listed(doc, pair)
    else:
        keep = _sentence_like(text, words, start, stop) and not title and not _listed(doc, pair)
        cue = previous_sentence_cue(doc, pair.open) if keep and upper else None
    if not keep:
        return []
    s = doc.sentence_start(pair.open)
    lead = text[s : pair.open].strip(SPACES + DASHES)
    kind = "direct" if upper and (not lead or lead.endswith(":")) else "partial"
    if (
        kind == "partial"
        and upper
        and where == "after"
        and _sentence_like(text, words, start, stop)
        and (not lead or lead.endswith((":", ".", "!", "?")))
    ):
        kind = "direct"
    return [Candidate(start, stop, "mark", cue, kind, pair)]


_THAT = re.compile(r"\b(?:что|чтобы)\b")


def _is_name(
    doc: Doc,
    pair: Pair,
    words: Sequence[Span],
    upper: bool,
    colon: bool,
    cued_after: bool,
    reported: bool = False,
) -> bool:
    """Do the marks hold a name, a title or a term rather than speech?

    - a head noun before them: "газета «Труд»", "сбор «Айбын»" (unless a colon and a long text follow);
    - a title inside the author's sentence: "круглого стола «Реконструкция …»", "романа «Двенадцать стульев»";
    - a name given: "так называемые «…»", "называемых в Японии «…»", "как назвали авторы";
    - a chant: "скандировали: «Свободу!»";
    - a short term inside a phrase: "после «обкатки»", "«цивилизованных» велодорожек",
      "операторов «большой тройки»".
    A speech cue after the quote («…», — сказал X) overrides all but the first two; reported
    speech ("заявил, что …") overrides the last group.
    """
    if (
        (upper or len(words) <= 3)  # "фонда «не имеет ничего общего с …»" is speech, not a name
        and _head_before(doc, pair.open)
        and not cued_after
        and not (colon and upper and len(words) > 3)
    ):
        return True
    prev = _word_before(doc, pair.open)
    if (
        upper
        and not colon
        and not cued_after
        and prev is not None
        and _nominal(prev.text)
        and not (lemmas(prev.text) & load("speech_nouns"))
        and speech_lemma(prev) is None
    ):
        # a capitalised name inside the author's sentence: "круглого стола «Реконструкция …»",
        # "учрежденного Навальным «Фонда борьбы с коррупцией»"
        return True
    if _scare(doc, pair.open) or _named_after(doc, pair):
        return True
    text = doc.text
    if text[max(0, pair.open - 1) : pair.open] == "(" and text[pair.close + 1 : pair.close + 2] == ")":
        return True  # "Happy Birthday to You («С днем рождения тебя»)": a title or its translation
    if colon and prev is not None and lemmas(prev.text) & load("chant_words"):
        return True
    if cued_after or len(words) > 3:
        return False
    if reported:
        # "заявил, что после «обкатки»"
        return len(words) == 1 and prev is not None and is_preposition(prev.text)
    if len(words) <= 2 and prev is not None and is_preposition(prev.text):
        return True  # "встреча в «нормандском формате»"
    nxt = _word_after(doc, pair.close)
    last = words[-1].text
    if nxt is not None and _modifies(last, nxt.text):
        return True
    if len(words) == 1 and prev is not None and not _pronoun_like(prev.text) and _modifies(prev.text, last):
        return True  # "два отнюдь не простых «биса»": the noun of a phrase the author builds
    if prev is not None and _noun(prev.text) and all(_genitive(w.text) for w in words):
        return True  # "операторов «большой тройки»", "России «вежливых людей»": what the noun is of
    return False


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


def _cue_governs(doc: Doc, cue: Cue | None, pair: Pair) -> bool:
    """A one- or two-word partial quote needs its cue close by ("назвал «хорошей»")."""
    if cue is None or cue.cue is None:
        return False
    between = doc.text[cue.cue.stop : pair.open]
    return len(tokens(between)) <= 6 and "." not in between


def _scare(doc: Doc, pos: int) -> bool:
    """ "так называемые «…»", "называемых в Японии «…»": a name given, not speech."""
    lo, hi = doc.tok_range(max(0, pos - 60), pos)
    return any(_naming(t.text) for t in doc.toks[max(lo, hi - 4) : hi])


@lru_cache(maxsize=CACHE_SIZE)
def _naming(word: str) -> bool:
    """A passive participle of naming: "называемых", "прозванный"."""
    return any(
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
