"""The candidates of the layouts without marks (:mod:`.unmarked`) and what their finders share.

Every candidate is a :class:`Turn`: a :class:`~.candidates.Candidate` whose ``cue.mention`` is
the mention naming the speaker (the interviewee in the introduction, the name before the colon,
the author of the post), so that the attribution resolves it like any other.  A paragraph that
continues the same answer or turn without naming anybody has ``carried`` set: its speaker is the
one of the turn it continues (the same mention), but its record keeps no mention and no cue.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..lexicon import load
from ..morph import parses
from ..punct import DASHES, SPACES, TERMINAL
from ..records import Quote
from ..text import tokens
from .candidates import Candidate
from .cues import word_key
from .document import Doc, skip_space


@dataclass
class Turn(Candidate):
    """A quote of a page layout; ``carried``: it continues the previous turn of the same speaker."""

    carried: bool = False


def carry_over(cands: Sequence[Candidate], quotes: Sequence[Quote]) -> list[Quote]:
    """The records of ``cands`` (one each, in order), those of carried turns without mention and cue."""
    return [
        replace(q, speaker_mention=None, cue=None) if isinstance(c, Turn) and c.carried else q
        for c, q in zip(cands, quotes)
    ]


def overlaps(spans: Sequence[tuple[int, int]], start: int, stop: int) -> bool:
    """Does ``[start, stop)`` overlap one of the sorted, disjoint ``spans``?"""
    k = bisect.bisect_left(spans, (stop, stop)) - 1
    return k >= 0 and spans[k][1] > start


def dash_led(text: str, s: int, e: int) -> bool:
    """Does the paragraph ``[s, e)`` open with a dash and a space ("— Q")?"""
    k = skip_space(text, s, e)
    return k + 1 < e and text[k] in DASHES and text[k + 1] in SPACES


def body(text: str, s: int, e: int) -> str:
    """The paragraph ``[s, e)`` without the spaces around it."""
    return text[s:e].strip(SPACES)


def question(text: str, s: int, e: int) -> bool:
    """Does the paragraph end with a question mark (before a closing mark or bracket)?"""
    return body(text, s, e).rstrip('»“”")]').endswith("?")


def heading(text: str, s: int, e: int) -> bool:
    """A short paragraph that ends with no full stop: a headline, a caption, a signature."""
    line = body(text, s, e).rstrip('»“”")]')
    return not line or (line[-1] not in TERMINAL and len(tokens(text, s, e)) <= 12)


def first_person(doc: Doc, s: int, e: int) -> bool:
    """Does the paragraph ``[s, e)`` speak in the first person ("я", "мы", "хочу") outside any marks?"""
    for t in tokens(doc.text, s, e):
        if doc.in_marks(t.start):
            continue
        if word_key(t) in load("first_person"):
            return True
        ps = parses(t.text)
        if ps and ps[0].tag.POS == "VERB" and "1per" in ps[0].tag:
            return True
    return False


def merge(blocks: Sequence[Candidate], turns: Sequence[Candidate]) -> list[Candidate]:
    """The block quotes after a colon and the layouts' turns, one candidate per span (turns win)."""
    spans = sorted((c.start, c.stop) for c in turns)
    return sorted(
        [*turns, *(c for c in blocks if not overlaps(spans, c.start, c.stop))], key=lambda c: c.start
    )
