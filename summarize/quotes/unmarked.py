"""Quotations without marks laid out by the page: transcripts, interviews, posts.

:func:`unmarked_quotes` gathers the turns of :mod:`.transcripts` ("Имя Фамилия: …" paragraphs),
:mod:`.interviews` (dash-led answers) and :mod:`.posts` ("написал в Twitter:" and what follows);
the contract of their candidates is :class:`.turns.Turn`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .candidates import Candidate
from .document import Doc
from .interviews import interview_answers
from .posts import post_quotes
from .transcripts import transcript_turns
from .turns import Turn, overlaps


def unmarked_quotes(doc: Doc, dialogue: Sequence[Candidate]) -> list[Turn]:
    """The quotes without marks of ``doc``'s page layouts, in text order, one per span and none
    overlapping the ``dialogue`` lines found already ("— Q, — сказал X.")."""
    found: list[Turn] = []
    spans = sorted((c.start, c.stop) for c in dialogue)
    for turns in (transcript_turns(doc, spans), interview_answers(doc, dialogue), post_quotes(doc, spans)):
        found.extend(t for t in turns if not overlaps(spans, t.start, t.stop))
        spans = sorted(spans + [(t.start, t.stop) for t in turns])
    return sorted(found, key=lambda c: c.start)
