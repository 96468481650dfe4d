"""Attributed quotations in Russian news: :func:`extract_quotes`.

The whole text is read once, left to right, by the stages of this package:

1. :mod:`.marks` pairs the quotation marks per paragraph (``«»``, ``„“``, ``“”``, straight
   ``"``); :mod:`.document` holds the text's paragraphs, words, pairs and sentence bounds;
2. every top-level pair, every dash-led line (``— Q, — сказал X.``) and every paragraph
   after "X прокомментировал:" (:mod:`.paragraphs`) becomes a candidate;
3. :mod:`.layouts` reads the author's words around a pair (``«Q», — заявил X``,
   ``X заявил: «Q»``, ``по словам X``, an interrupted quote, a lost closing mark) for a
   speech cue (:mod:`.cues`), and :mod:`.decide` keeps the pair as a quotation or
   drops it as a name (``газета «Труд»``);
4. :mod:`.attribution` resolves the speaker the cue points to: the mentions of
   :mod:`.mentions` (:mod:`.persons`, :mod:`.roles`, built from the word kinds of
   :mod:`.kinds`), resolved by :class:`.people.People` to a nominative name (:mod:`.names`).

Every step looks at a bounded window, so the time is linear in the length of the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..checks import check_text
from ..records import Quotes
from ..text import TOKEN, trim
from .attribution import finish
from .candidates import Candidate
from .decide import judge
from .document import Doc, more_words
from .marks import Pair
from .paragraphs import block_quotes, dash_lines
from .turns import carry_over, merge
from .unmarked import unmarked_quotes

__all__ = ["extract_quotes"]


def extract_quotes(text: str) -> Quotes:
    """Every quotation in ``text`` with who said it, in document order.

    Returns a :class:`~summarize.records.Quotes` of :class:`~summarize.records.Quote`:
    the quoted words without their marks (``text[q.start:q.stop] == q.text``), the
    speaker's canonical nominative name (or None), the spans of the speaker's
    mention and of the speech cue, and the type: ``"direct"``, ``"partial"``,
    ``"block"`` or ``"dash"``.  A non-``str`` raises ``TypeError``; no other input
    raises, and the time is linear in the length of the text.

    >>> q = extract_quotes("«Мы готовы к переговорам», — заявил Дмитрий Песков.")[0]
    >>> q.text, q.speaker, q.cue.text, q.type
    ('Мы готовы к переговорам', 'Дмитрий Песков', 'заявил', 'direct')
    >>> [q.speaker for q in extract_quotes("Министр Сергей Лавров заявил: «Мы ответим». "
    ...                                     "По словам Лаврова, «ответ будет симметричным».")]
    ['Сергей Лавров', 'Сергей Лавров']
    """
    check_text(text)
    if not text.strip():
        return Quotes(text, ())
    doc = Doc(text)
    cands: list[Candidate] = []
    inside: list[tuple[int, int]] = []
    rejected: list[tuple[Pair, int, int]] = []
    for pair in doc.pairs:
        if pair.depth > 0:
            continue
        start, stop = trim(text, pair.start, pair.close + pair.shared)
        if stop <= start:
            continue
        found = judge(doc, pair, start, stop)
        if found:
            inside.append((pair.open, pair.close + 1))
            for c in found:
                bisect.insort(doc.hidden, (c.start, c.stop))
        elif more_words(text, start, stop, 2):
            rejected.append((pair, start, stop))
        cands.extend(found)
    cands.extend(_quoted_again(doc, cands, rejected))
    inside.sort()
    extra = dash_lines(doc, inside)
    for c in extra:
        bisect.insort(doc.hidden, (c.start, c.stop))
    blocks = block_quotes(doc, sorted(inside + [(c.start, c.stop) for c in extra]))
    blocks = merge(blocks, unmarked_quotes(doc, extra))  # interviews, transcripts, posts
    block_spans = [(c.start, c.stop) for c in blocks]
    block_starts = [a for a, _ in block_spans]

    def in_block(pos: int) -> bool:
        k = bisect.bisect_right(block_starts, pos) - 1
        return k >= 0 and pos < block_spans[k][1]

    cands = [c for c in cands if not in_block(c.start)]
    cands.extend(extra)
    cands.extend(blocks)
    doc.hidden.extend(block_spans)
    doc.hidden.sort()
    cands.sort(key=lambda c: c.start)
    return Quotes(text, tuple(carry_over(cands, finish(doc, cands))))


def _quoted_again(
    doc: Doc, cands: Sequence[Candidate], rejected: Sequence[tuple[Pair, int, int]]
) -> list[Candidate]:
    """Words in marks that another quotation of the text repeats (a headline and the body) are a quote too."""
    if not rejected:
        return []
    text = doc.text
    kept = {frozenset(TOKEN.findall(text[c.start : c.stop].lower())) for c in cands if c.kind == "mark"}
    out = []
    for pair, start, stop in rejected:
        if frozenset(TOKEN.findall(text[start:stop].lower())) in kept:
            kind = "direct" if text[start].isupper() else "partial"
            out.append(Candidate(start, stop, "mark", None, kind, pair))
            bisect.insort(doc.hidden, (start, stop))
    return out
