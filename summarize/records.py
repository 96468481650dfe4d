"""Result records: small frozen spans with exact offsets into the source text.

Every record that points into a text obeys ``text[start:stop] == record.text``
on the ORIGINAL string the caller passed in.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, overload

_REPR_CHARS = 50


def _cut(text: str, limit: int = _REPR_CHARS) -> str:
    """Shorten ``text`` for a repr: ``'Министр обороны…'``."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _plain(value: Any) -> Any:
    """Turn a record field into plain JSON types (nested records become dicts)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


class _Record:
    """Shared behaviour of the leaf records: ``to_dict`` and a short repr."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON types, offsets included."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    def __repr__(self) -> str:
        parts = []
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if value is None:
                continue
            shown = _cut(value) if isinstance(value, str) else repr(value)
            parts.append(f"{f.name}={shown}")
        return f"{type(self).__name__}({', '.join(parts)})"


@dataclass(frozen=True, slots=True, repr=False)
class Span(_Record):
    """A piece of the source text: ``text[start:stop] == span.text``.

    >>> Span("Косанова", 10, 18)
    Span(text='Косанова', start=10, stop=18)
    """

    text: str
    start: int
    stop: int


@dataclass(frozen=True, slots=True, repr=False)
class Sentence(_Record):
    """One sentence of the source with its score.

    ``index`` is the sentence's position among all sentences of the text,
    ``selected`` says whether it is part of the summary.
    """

    text: str
    start: int
    stop: int
    index: int
    score: float = 0.0
    selected: bool = False


QUOTE_TYPES = ("direct", "partial", "block", "dash")


@dataclass(frozen=True, slots=True, repr=False)
class Quote(_Record):
    """A quotation: the quoted words without their marks, and who said them.

    ``speaker`` is the canonical nominative name ("Даурен Косанов") or None;
    ``speaker_mention`` and ``cue`` are spans of the source text itself;
    ``type`` is one of ``"direct"``, ``"partial"``, ``"block"``, ``"dash"``.
    """

    text: str
    start: int
    stop: int
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    type: str = "direct"


@dataclass(frozen=True, repr=False)
class Summary:
    """An extractive summary of ``text``.

    ``all_sentences`` holds every sentence of the text with its score and
    ``selected`` flag; ``sentences`` only the selected ones, in document order;
    ``str(summary)`` is the summary text: the chosen sentences, a space apart, or a line
    apart where a line break of the source falls between them (after a headline, say).
    """

    text: str
    all_sentences: tuple[Sentence, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The selected sentences, in document order."""
        return tuple(s for s in self.all_sentences if s.selected)

    def ranked(self) -> list[Sentence]:
        """Every sentence, best score first (ties broken by position)."""
        return sorted(self.all_sentences, key=lambda s: (-s.score, s.index))

    def __str__(self) -> str:
        from .text import LINE_BREAKS  # text imports this module

        parts: list[str] = []
        for before, sentence in zip((None, *self.sentences), self.sentences):
            if before is not None:
                gap = self.text[before.stop : sentence.start]
                parts.append("\n" if any(c in LINE_BREAKS for c in gap) else " ")
            parts.append(sentence.text.strip())
        return "".join(parts)

    def __len__(self) -> int:
        return len(self.sentences)

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self.sentences)

    def __bool__(self) -> bool:
        return bool(self.all_sentences)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types: the summary, every sentence with offsets, the options."""
        return {
            "summary": str(self),
            "text": self.text,
            "options": _plain(self.options),
            "sentences": [s.to_dict() for s in self.all_sentences],
        }

    def to_frame(self) -> Any:
        """A pandas DataFrame, one row per sentence; see :func:`summarize.export.to_frame`."""
        from .export import to_frame

        return to_frame(self)

    def _repr_html_(self) -> str:
        from .display import format_html

        return format_html(self)

    def __repr__(self) -> str:
        return (
            f"Summary({len(self.sentences)} of {len(self.all_sentences)} sentences, "
            f"summary={_cut(str(self))})"
        )


@dataclass(frozen=True, repr=False)
class Quotes(Sequence[Quote]):
    """The quotations of one text, in document order; a read-only sequence.

    ``text`` is the source the offsets point into.
    """

    text: str
    items: tuple[Quote, ...] = ()

    @overload
    def __getitem__(self, index: int) -> Quote: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Quote, ...]: ...

    def __getitem__(self, index: int | slice) -> Quote | tuple[Quote, ...]:
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Quote]:
        return iter(self.items)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types: the source text and every quote with its spans."""
        return {"text": self.text, "quotes": [q.to_dict() for q in self.items]}

    def by_speaker(self) -> dict[str, list[Quote]]:
        """Quotes per speaker, one key per person (its fullest name); see ``factcheck.by_speaker``."""
        from .factcheck import by_speaker

        return by_speaker(self.items)

    def to_frame(self) -> Any:
        """A pandas DataFrame, one row per quote; see :func:`summarize.export.to_frame`."""
        from .export import to_frame

        return to_frame(self)

    def _repr_html_(self) -> str:
        from .display import format_html

        return format_html(self)

    def __repr__(self) -> str:
        shown = ", ".join(repr(q) for q in self.items[:3])
        more = ", …" if len(self.items) > 3 else ""
        return f"Quotes([{shown}{more}])"
