"""Result records: small frozen spans with exact offsets into the source text.

Every record that points into a text obeys ``text[start:stop] == record.text``
on the ORIGINAL string the caller passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple, TypeVar, overload

from .punct import LINE_BREAKS

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


class Record:
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


class Span(NamedTuple):
    """A piece of the source text: ``text[start:stop] == span.text``.

    A named tuple, so that the tokenizers can make millions of them cheaply.

    >>> Span("Косанова", 10, 18)
    Span(text='Косанова', start=10, stop=18)
    >>> Span("Косанова", 10, 18).to_dict()
    {'text': 'Косанова', 'start': 10, 'stop': 18}
    """

    text: str
    start: int
    stop: int

    def to_dict(self) -> dict[str, Any]:
        """The span as plain JSON types."""
        return {"text": self.text, "start": self.start, "stop": self.stop}

    def __repr__(self) -> str:
        return f"Span(text={_cut(self.text)}, start={self.start}, stop={self.stop})"


@dataclass(frozen=True, slots=True, repr=False)
class Sentence(Record):
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
class Quote(Record):
    """A quotation: the quoted words without their marks, and who said them.

    ``speaker`` is the canonical nominative name ("Даурен Косанов") or None;
    ``speaker_mention`` and ``cue`` are spans of the source text itself;
    ``type`` is one of ``"direct"``, ``"partial"``, ``"block"``, ``"dash"``;
    ``speaker_confidence`` the estimated chance that ``speaker`` (None included) is who the
    text quotes, from 0 to 1: a fact-checker who would rather have no name than a wrong one
    keeps only the speakers above a threshold (README, *Quotations*, has the measured trade-off).
    """

    text: str
    start: int
    stop: int
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    type: str = "direct"
    speaker_confidence: float | None = None


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
        """Quotes per speaker, one key per person (its fullest name; see :func:`speaker_keys`).

        Unattributed quotes are left out; keys come in the order of their first quote.
        """
        return grouped(self.items, lambda quote: quote.speaker)

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


# -- one key per person ---------------------------------------------------------------------------
T = TypeVar("T")


def _name_words(name: str) -> tuple[str, ...]:
    return tuple(name.lower().replace("ё", "е").split())


def _fits(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``short`` names the same person as ``full``: the same surname, the other words
    a subsequence of ``full``'s (``путин`` / ``владимир путин``; ``в. путин`` with an initial)."""
    if not short or short[-1] != full[-1]:
        return False
    rest = iter(full[:-1])
    for word in short[:-1]:
        initial = word.rstrip(".")
        if not any(w == word or (len(initial) == 1 and w.startswith(initial)) for w in rest):
            return False
    return True


def _personal(name: str) -> bool:
    """Written like a person's name: every word capitalised, and not a lone acronym ("США")."""
    words = name.split()
    return all(word[:1].isupper() for word in words) and not (len(words) == 1 and name.isupper())


def speaker_keys(names: Iterable[str]) -> dict[str, str]:
    """Map every speaker name to one key per person: its fullest form.

    Names differing only by case, or by a first name, patronymic or initial
    ("Путин", "Владимир Путин") are one person; a bare surname shared by two
    different full names stays apart, as it cannot be told whose it is.  Only
    names written as a person's (capitalised words, no acronym) merge that way:
    "США" is not "Госдеп США", "источники" not "источники в Кремле".

    >>> speaker_keys(["Косанов", "Даурен Косанов", "КОСАНОВ"])
    {'Косанов': 'Даурен Косанов', 'Даурен Косанов': 'Даурен Косанов', 'КОСАНОВ': 'Даурен Косанов'}
    >>> speaker_keys(["Иванов", "Сергей Иванов", "Иван Иванов"])["Иванов"]
    'Иванов'
    """
    spellings: dict[tuple[str, ...], list[str]] = {}
    order = list(dict.fromkeys(names))
    for name in order:
        spellings.setdefault(_name_words(name), []).append(name)
    people: list[tuple[str, ...]] = []  # the fullest form of each person found so far
    owner: dict[tuple[str, ...], tuple[str, ...]] = {}
    personal = {words: any(map(_personal, forms)) for words, forms in spellings.items()}
    for words in sorted(spellings, key=lambda words: (-len(words), -sum(map(len, words)), words)):
        homes = [full for full in people if personal[words] and personal[full] and _fits(words, full)]
        if len(homes) == 1:
            owner[words] = homes[0]
        else:
            people.append(words)
            owner[words] = words
    shown = {}
    for words, forms in spellings.items():
        # The key shows a person as the text did, preferring a spelling that is not all capitals.
        if owner[words] == words:
            shown[words] = min(forms, key=lambda form: (form.isupper(), form))
    return {name: shown[owner[_name_words(name)]] for name in order}


def grouped(items: Iterable[T], speaker: Callable[[T], str | None]) -> dict[str, list[T]]:
    """``items`` with a speaker, grouped under :func:`speaker_keys`, keys in order of first appearance."""
    attributed = [(name, item) for item in items if (name := speaker(item))]
    keys = speaker_keys(name for name, _ in attributed)
    grouped: dict[str, list[T]] = {}
    for name, item in attributed:
        grouped.setdefault(keys[name], []).append(item)
    return grouped
