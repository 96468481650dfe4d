"""The stages in order: candidates, the learned decision, paragraphs without marks, speakers.

:func:`extract` is :func:`summarize.extract_quotes` with a given model;
:func:`explain` shows every decision with the evidence that weighed most.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from ..checks import check_text
from ..punct import CLOSING, OPENING
from ..records import Quote, Quotes
from .attribution import Option, attribute
from .candidates import Candidate
from .decide import is_screen_feature, lets_through, mark_candidates
from .document import Doc
from .model import QuoteModel, shipped
from .paragraphs import block_quotes, dash_lines
from .turns import carry_over, merge, overlaps
from .unmarked import unmarked_quotes

REASONS = 5
"""How many pieces of evidence :func:`explain` shows per decision."""
NAMED_BY_LAYOUT = "the quote's own cue or layout names the speaker"
RESCUED = "short of the keep threshold, kept for its surely named speaker"
T = TypeVar("T")


def extract(text: str, model: QuoteModel, margins: list[tuple[str, float]] | None = None) -> Quotes:
    """:func:`extract_quotes` with the given learned model (cross-validation trains its own); with a
    ``margins`` list, how each quote's speaker was chosen (:func:`.attribution.attribute`)."""
    if not text.strip():
        return Quotes(text, ())
    doc = Doc(text)
    _, records = decide(doc, mark_candidates(doc, model.screen), model, margins=margins)
    return Quotes(text, tuple(records))


def decide(
    doc: Doc,
    cands: Sequence[Candidate],
    model: QuoteModel,
    trace: list[list[tuple[float, Option]]] | None = None,
    margins: list[tuple[str, float]] | None = None,
) -> tuple[list[Candidate], list[Quote]]:
    """The quotes among ``cands`` (with the paragraphs around them) and their records, in text order.

    A candidate is kept when the ``keep`` model says so; a doubtful one (:class:`.model.Rescue`)
    is tried beside the kept ones in a second reading of the text, and joins them if its speaker
    is named surely enough.  ``trace`` and ``margins`` are filled as by :func:`.attribution.attribute`.
    """
    scores = [model.keep.score(c.features) for c in cands]
    kept = [c for c, score in zip(cands, scores) if score > 0.0]
    quotes = with_paragraphs(doc, kept)
    records = carry_over(quotes, attribute(doc, quotes, model, trace, margins))
    rescue = model.rescue
    doubtful = {id(c) for c, score in zip(cands, scores) if rescue is not None and rescue.doubtful(score)}
    if rescue is None or not doubtful or not kept:
        return quotes, records  # a text that quotes nobody surely is no place to look for more
    again = Doc(doc.text)
    trial = with_paragraphs(
        again, sorted([*kept, *(c for c in cands if id(c) in doubtful)], key=lambda c: c.start)
    )
    trial_trace: list[list[tuple[float, Option]]] | None = [] if trace is not None else None
    trial_margins: list[tuple[str, float]] | None = [] if margins is not None else None
    given = {(c.start, c.stop): q for c, q in zip(quotes, records)}  # only the doubtful ones are read again
    tried = carry_over(trial, attribute(again, trial, model, trial_trace, trial_margins, given))
    spans = [(c.start, c.stop) for c in quotes]
    rows = [(c, q, 0, i) for i, (c, q) in enumerate(zip(quotes, records))]
    for i, (c, q) in enumerate(zip(trial, tried)):
        if (
            id(c) in doubtful
            and q.speaker is not None
            and (q.speaker_confidence or 0.0) >= rescue.confidence
            and not overlaps(spans, c.start, c.stop)
        ):
            rows.append((c, q, 1, i))
    if len(rows) == len(quotes):
        return quotes, records
    rows.sort(key=lambda row: row[0].start)
    order = [(second, i) for _, _, second, i in rows]
    if trace is not None and trial_trace is not None:
        trace[:] = _merged(trace, trial_trace, order)
    if margins is not None and trial_margins is not None:
        margins[:] = _merged(margins, trial_margins, order)
    return [c for c, _, _, _ in rows], [q for _, q, _, _ in rows]


def _merged(first: list[T], second: list[T], order: Sequence[tuple[int, int]]) -> list[T]:
    """The items of two lists in ``order``: ``(0, i)`` is ``first[i]``, ``(1, i)`` is ``second[i]``."""
    return [(second if which else first)[i] for which, i in order]


def _with_marks(text: str, start: int, stop: int) -> tuple[int, int]:
    """The span with the quotation marks right around it: "«Решение будет принято»" is a name in
    marks to the mention finder, and must not become its own quote's speaker."""
    before = start > 0 and text[start - 1] in OPENING
    after = stop < len(text) and text[stop] in CLOSING
    return start - before, stop + after


def with_paragraphs(doc: Doc, kept: Sequence[Candidate]) -> list[Candidate]:
    """The kept candidates, the dash-led lines and block quotes around them, in text order.

    The quotes' words are marked as taken (``doc.hidden``) on the way, so that no speaker is
    looked for inside them.
    """
    for c in kept:
        bisect.insort(doc.hidden, _with_marks(doc.text, c.start, c.stop))
    inside = sorted({(c.pair.open, c.pair.close + 1) for c in kept if c.pair is not None})
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

    cands = [c for c in kept if not in_block(c.start)] + extra + blocks
    doc.hidden.extend(block_spans)
    doc.hidden.sort()
    return sorted(cands, key=lambda c: c.start)


@dataclass(frozen=True)
class Decision:
    """Why a candidate was kept as a quotation or not, and who was chosen as its speaker.

    ``score`` is the ``keep`` model's score (kept above zero, or a doubtful pair whose speaker
    is named surely, :class:`.model.Rescue`, whose first reason is then :data:`RESCUED`) and
    ``reasons`` the evidence that weighed most, with its weight; for a kept quote, ``speaker`` is
    the speaker given, ``speaker_score`` and ``speaker_reasons`` the speaker model's score and
    evidence for its best candidate (None and a single reason when the quote's layout named the
    speaker and no model was asked), ``runner_up`` the next best name and its score,
    ``speaker_confidence`` the chance that the speaker is right (as on the quote).
    """

    text: str
    start: int
    stop: int
    kept: bool
    score: float
    reasons: tuple[tuple[str, float], ...]
    speaker: str | None = None
    speaker_score: float | None = None
    speaker_reasons: tuple[tuple[str, float], ...] = ()
    runner_up: tuple[str | None, float] | None = None
    speaker_confidence: float | None = None


def explain(text: str, model: QuoteModel | None = None) -> list[Decision]:
    """Every pair of marks considered in ``text``, kept or not, with the evidence behind each decision.

    A pair the screen drops is shown with the screen's score and reasons, a pair it lets through
    with the ``keep`` model's.

    >>> for d in explain("Газета «Труд» пишет: «Мы готовы к переговорам», — заявил Песков."):
    ...     print(d.text, d.kept, d.speaker)
    Труд False None
    Мы готовы к переговорам True Песков
    """
    check_text(text)
    model = model or shipped()
    if not text.strip():
        return []
    doc = Doc(text)
    cands = mark_candidates(doc)  # every candidate, those the screen would drop as well
    screened = {
        (c.start, c.stop)
        for c in cands
        if c.pair is not None and not lets_through(doc, c.pair, model.screen, c)
    }
    trace: list[list[tuple[float, Option]]] = []
    quotes, records = decide(doc, [c for c in cands if (c.start, c.stop) not in screened], model, trace)
    chosen = {(c.start, c.stop): (q, scored) for c, q, scored in zip(quotes, records, trace)}
    out = []
    for c in sorted({(c.start, c.stop): c for c in [*cands, *quotes]}.values(), key=lambda c: c.start):
        weigher = model.screen if model.screen is not None and (c.start, c.stop) in screened else model.keep
        evidence = {n: v for n, v in c.features.items() if weigher is model.keep or is_screen_feature(n)}
        score = weigher.score(evidence) if evidence else 0.0
        reasons = tuple(weigher.explain(evidence)[:REASONS]) if evidence else ()
        kept = (c.start, c.stop) in chosen
        if kept and weigher is model.keep and score <= 0.0:
            reasons = ((RESCUED, 0.0), *reasons[: REASONS - 1])  # a doubtful pair's second chance
        decision = Decision(text[c.start : c.stop], c.start, c.stop, kept, score, reasons)
        if decision.kept:
            quote, scored = chosen[(c.start, c.stop)]
            if scored:
                best_score, best = scored[0]
                why = tuple(model.speaker.explain(best.features)[:REASONS])
                runner = (scored[1][1].name, scored[1][0]) if len(scored) > 1 else None
            else:  # the layout named the speaker: no model was asked
                best_score, why, runner = None, ((NAMED_BY_LAYOUT, 0.0),), None
            decision = replace(
                decision,
                speaker=quote.speaker,
                speaker_score=best_score,
                speaker_reasons=why,
                runner_up=runner,
                speaker_confidence=quote.speaker_confidence,
            )
        out.append(decision)
    return out
