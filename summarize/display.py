"""Results as HTML for notebooks: a pure ``format_html()`` that ``_repr_html_`` calls.

Every piece of the user's text goes through :func:`html.escape`; the markup has
inline CSS only (no classes to look up, no JavaScript).  Colours are translucent
and the text keeps the theme's colour, so the output reads on light and dark
backgrounds alike.

>>> from summarize import summarize
>>> html = format_html(summarize("Цены <b>выросли</b>. Рынок закрылся.", sentences=1))
>>> html.count("selected"), "&lt;b&gt;выросли&lt;/b&gt;" in html, "<b>" in html
(2, True, False)
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from html import escape

from .records import Quotes, Summary

BOX = "line-height:1.7;max-width:60em"
META = "opacity:.75;font-size:.9em;margin:.2em 0 .4em"
TEXT = "white-space:pre-wrap"
TABLE = "border-collapse:collapse;margin-top:.8em;font-size:.9em"
CELL = "border:1px solid rgba(128,128,128,.4);padding:.2em .5em;text-align:left;vertical-align:top"
SENTENCE = "border-radius:3px"
SELECTED = "background:rgba(255,180,0,.35);border-radius:3px"
QUOTE = "background:rgba(30,136,229,.25);border-radius:3px"
CUE = "background:rgba(229,57,53,.25);border-bottom:2px solid rgba(229,57,53,.9)"
SPEAKER = "background:rgba(67,160,71,.35);border-radius:3px"

_LINE_BREAK = re.compile(r"\r\n?|\n")
"""Line breaks become ``<br>``: some renderers (nbconvert) drop blank lines between tags."""

_TABLE_CUT = 200
"""Quotes longer than this are cut in the table (the text above shows them whole)."""

# (start, stop, style, title): one marked piece of the text.
_Mark = tuple[int, int, str, str]


def format_html(result: Summary | Quotes) -> str:
    """HTML for a :class:`Summary` or :class:`Quotes`; pure, testable without Jupyter.

    A summary shows the source text with its selected sentences highlighted
    (each sentence's score on hover) under a line with the settings and counts.
    Quotes show the text with every quote, cue and speaker mention marked in its
    own colour, then a table: number, speaker, how sure the speaker is (``speaker_confidence``),
    cue, quote, type, offsets.
    """
    if isinstance(result, Summary):
        return _summary_html(result)
    if isinstance(result, Quotes):
        return _quotes_html(result)
    raise TypeError(f"result must be Summary or Quotes, got {type(result).__name__}")


def _summary_html(summary: Summary) -> str:
    sentences = summary.all_sentences
    settings = ", ".join(f"{key}={value}" for key, value in summary.options.items())
    meta = f"Summary: {len(summary.sentences)} of {len(sentences)} sentences selected"
    if settings:
        meta += f" · {settings}"
    marks = [
        (
            s.start,
            s.stop,
            SELECTED if s.selected else SENTENCE,
            f"sentence {s.index}, score {s.score:.3f}" + (", selected" if s.selected else ""),
        )
        for s in sentences
    ]
    return (
        f'<div style="{BOX}"><div style="{META}">{escape(meta)}</div>'
        f'<div style="{TEXT}">{_markup(summary.text, marks)}</div></div>'
    )


def _quotes_html(quotes: Quotes) -> str:
    legend = " ".join(
        f'<span style="{style}">{name}</span>'
        for name, style in (("quote", QUOTE), ("cue", CUE), ("speaker", SPEAKER))
    )
    meta = f'<div style="{META}">Quotes: {len(quotes)} · {legend}</div>'
    parts = [
        f'<div style="{BOX}">{meta}<div style="{TEXT}">{_markup(quotes.text, _quote_marks(quotes))}</div>'
    ]
    if len(quotes):
        head = "".join(
            f'<th style="{CELL}">{name}</th>'
            for name in ("#", "speaker", "sure", "cue", "quote", "type", "offsets")
        )
        parts.append(f'<table style="{TABLE}"><thead><tr>{head}</tr></thead><tbody>')
        for number, quote in enumerate(quotes):
            text = quote.text if len(quote.text) <= _TABLE_CUT else quote.text[: _TABLE_CUT - 1] + "…"
            cells = (
                str(number),
                quote.speaker or "—",
                "—" if quote.speaker_confidence is None else f"{quote.speaker_confidence:.2f}",
                quote.cue.text if quote.cue else "—",
                text,
                quote.type,
                f"{quote.start}:{quote.stop}",
            )
            parts.append(
                "<tr>" + "".join(f'<td style="{CELL}">{escape(cell)}</td>' for cell in cells) + "</tr>"
            )
        parts.append("</tbody></table>")
    parts.append("</div>")
    return "".join(parts)


def _quote_marks(quotes: Quotes) -> list[_Mark]:
    """One mark per quote, cue and speaker mention; a cue or mention shared by
    several quotes (``«Q1, — сказал X. — Q2»``) is marked once."""
    owners: dict[tuple[int, int, str], list[int]] = {}
    marks: list[_Mark] = []
    for number, quote in enumerate(quotes):
        speaker = quote.speaker or "unknown speaker"
        marks.append((quote.start, quote.stop, QUOTE, f"quote {number}: {speaker}, {quote.type}"))
        for kind, span in (("cue", quote.cue), ("speaker", quote.speaker_mention)):
            if span is not None:
                owners.setdefault((span.start, span.stop, kind), []).append(number)
    for (start, stop, kind), numbers in owners.items():
        whose = ", ".join(map(str, numbers))
        title = f"{kind} of quote{'s' if len(numbers) > 1 else ''} {whose}"
        marks.append((start, stop, CUE if kind == "cue" else SPEAKER, title))
    return marks


def _markup(text: str, marks: Iterable[_Mark]) -> str:
    """``text`` escaped with ``<br>`` for line breaks, each mark a ``<span>``; nested marks
    nest, and a mark that crosses the end of an enclosing one is split there so the
    tags stay balanced."""
    size = len(text)
    queue = [(start, -stop, order, style, title) for order, (start, stop, style, title) in enumerate(marks)]
    queue = [item for item in queue if 0 <= item[0] < -item[1] <= size]
    heapq.heapify(queue)
    out: list[str] = []
    open_stops: list[int] = []
    position = 0

    def advance(to: int) -> None:
        nonlocal position
        out.append(_LINE_BREAK.sub("<br>", escape(text[position:to])))
        position = to

    while queue:
        start, neg_stop, order, style, title = heapq.heappop(queue)
        stop = -neg_stop
        while open_stops and open_stops[-1] <= start:
            advance(open_stops.pop())
            out.append("</span>")
        if open_stops and stop > open_stops[-1]:
            heapq.heappush(queue, (open_stops[-1], neg_stop, order, style, title))
            stop = open_stops[-1]
        advance(start)
        out.append(f'<span style="{style}" title="{escape(title)}">')
        open_stops.append(stop)
    while open_stops:
        advance(open_stops.pop())
        out.append("</span>")
    advance(size)
    return "".join(out)
