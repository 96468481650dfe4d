"""Results as pandas DataFrames; pandas is imported only when asked for.

Install it with ``pip install "summarize[pandas]"``.  ``to_dict()`` on the
records themselves gives plain JSON types without pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .records import Quote, Quotes, Summary

if TYPE_CHECKING:
    import pandas as pd

SENTENCE_COLUMNS = ("index", "start", "stop", "score", "selected", "text")
"""Columns of ``Summary.to_frame()``: one row per sentence of the text, in order."""

QUOTE_COLUMNS = (
    "text",
    "start",
    "stop",
    "speaker",
    "speaker_mention",
    "speaker_start",
    "speaker_stop",
    "cue",
    "cue_start",
    "cue_stop",
    "type",
    "speaker_confidence",
)
"""Columns of ``Quotes.to_frame()``: one row per quote.  ``text``/``start``/``stop``
are the quoted words and their offsets, ``speaker`` the nominative name,
``speaker_mention`` and ``cue`` the words of the source with their offsets;
a missing speaker or cue is ``pd.NA`` in its text and offset columns;
``speaker_confidence`` the chance that the speaker is right (``pd.NA`` if not estimated)."""

_OPTIONAL_OFFSETS = ("speaker_start", "speaker_stop", "cue_start", "cue_stop")
_STRINGS = {name: "string" for name in ("text", "speaker", "speaker_mention", "cue", "type")}
"""pandas' nullable string dtype: a missing value is ``<NA>`` whether or not a column has any."""


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise ImportError('to_frame() needs pandas: pip install "summarize[pandas]"') from error
    return pandas


def to_frame(result: Summary | Quotes) -> pd.DataFrame:
    """One row per sentence of a :class:`Summary`, or per quote of :class:`Quotes`.

    >>> from summarize import summarize
    >>> frame = to_frame(summarize("Цены выросли. Рынок закрылся рано.", sentences=1))
    >>> list(frame.columns), len(frame)
    (['index', 'start', 'stop', 'score', 'selected', 'text'], 2)
    """
    if isinstance(result, Summary):
        rows = [[getattr(s, name) for name in SENTENCE_COLUMNS] for s in result.all_sentences]
        return _pandas().DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    if isinstance(result, Quotes):
        pd = _pandas()
        frame = pd.DataFrame([_quote_row(q) for q in result], columns=list(QUOTE_COLUMNS))
        columns = {
            **{name: "Int64" for name in _OPTIONAL_OFFSETS},
            **_STRINGS,
            "speaker_confidence": "Float64",
        }
        return frame.astype(columns)
    raise TypeError(f"result must be Summary or Quotes, got {type(result).__name__}")


def _quote_row(quote: Quote) -> list[Any]:
    mention, cue = quote.speaker_mention, quote.cue
    return [
        quote.text,
        quote.start,
        quote.stop,
        quote.speaker,
        mention.text if mention else None,
        mention.start if mention else None,
        mention.stop if mention else None,
        cue.text if cue else None,
        cue.start if cue else None,
        cue.stop if cue else None,
        quote.type,
        quote.speaker_confidence,
    ]
