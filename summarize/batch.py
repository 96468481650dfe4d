"""Many documents at once: ``summarize_many`` and ``extract_quotes_many``.

Both take any iterable of texts (a list, a generator reading an archive) and
lazily yield one result per text, in input order.  One process reads a text
when its result is asked for; with ``n_jobs`` other than 1 (-1: every core)
joblib's worker processes get tasks of ``TASK_SIZE`` texts from a bounded window,
so an endless input needs bounded memory either way.  A worker loads the
morphological dictionaries on its first text and keeps them, across calls too.

>>> from summarize import summarize_many
>>> texts = ["Министр обороны провёл переговоры. Встреча прошла в Москве.", "  ", None]
>>> for result in summarize_many(texts, sentences=1, errors="return"):
...     print(repr(result))
Summary(1 of 2 sentences, summary='Министр обороны провёл переговоры.')
Summary(0 of 0 sentences, summary='')
TypeError('texts[2] must be str, got NoneType')
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Future
from dataclasses import fields
from itertools import islice
from typing import Any, TypeVar

from .checks import check_errors, check_n_jobs, check_text
from .records import Quote, Quotes, Sentence, Span, Summary, grouped
from .summarizer import Summarizer

T = TypeVar("T")

TASK_SIZE = 16
"""Documents a worker process gets at a time: enough to hide the cost of sending them."""

TASKS_PER_WORKER = 4
"""Tasks in flight per worker process: the input read ahead is at most
``TASK_SIZE * TASKS_PER_WORKER * workers`` documents."""


def summarize_many(
    texts: Iterable[str],
    *,
    n_jobs: int = 1,
    progress: bool = False,
    errors: str = "raise",
    **summary_options: Any,
) -> Iterator[Summary | Exception]:
    """Summarise every text of ``texts``: a lazy iterator of one :class:`Summary` per text, in order.

    ``summary_options`` are those of :class:`Summarizer` (``sentences``,
    ``ratio`` or ``words``, and its other settings).  ``n_jobs`` is the number of processes (-1: every core),
    ``progress=True`` draws a tqdm bar on standard error (``pip install
    "summarize[progress]"``).  With ``errors="return"`` a document that fails
    (say, ``None`` instead of a text) gets the exception object in its place;
    with ``errors="raise"`` the exception is raised when its turn comes.
    Bad options raise ``ValueError`` at once, before any document is read.

    >>> [str(s) for s in summarize_many(["Первое предложение. Второе.", "Одно."], sentences=1)]
    ['Первое предложение.', 'Одно.']
    """
    model = Summarizer(**summary_options)
    model.summarize("")  # a bad length fails here, before any work
    return _run(texts, model, n_jobs=n_jobs, progress=progress, errors=errors)


def extract_quotes_many(
    texts: Iterable[str],
    *,
    n_jobs: int = 1,
    progress: bool = False,
    errors: str = "raise",
) -> Iterator[Quotes | Exception]:
    """The quotations of every text of ``texts``: a lazy iterator of one :class:`Quotes` per text, in order.

    ``n_jobs``, ``progress`` and ``errors`` work as in :func:`summarize_many`.

    >>> [len(q) for q in extract_quotes_many(["«Мы готовы к переговорам», — заявил министр.", "Тишина."])]
    [1, 0]
    """
    from .quotes import extract_quotes

    return _run(texts, extract_quotes, n_jobs=n_jobs, progress=progress, errors=errors)


def quotes_by_speaker(texts: Iterable[str], *, n_jobs: int = 1) -> dict[str, list[tuple[int, Quote]]]:
    """Everything each person is quoted as saying across many documents.

    Returns ``{speaker: [(document index, Quote), ...]}``, the documents in input
    order; names differing only by case or by a first name are one speaker (the
    key is the fullest form); unattributed quotes are left out.  ``n_jobs`` is
    that of :func:`extract_quotes_many`.

    >>> gathered = quotes_by_speaker([
    ...     "«Мы готовы к переговорам», — заявил Сергей Лавров.",
    ...     "«Переговоры продолжатся», — сказал Лавров. Погода была тёплой.",
    ... ])
    >>> [(i, quote.text) for i, quote in gathered["Сергей Лавров"]]
    [(0, 'Мы готовы к переговорам'), (1, 'Переговоры продолжатся')]
    """
    found = (
        (index, quote)
        for index, quotes in enumerate(extract_quotes_many(texts, n_jobs=n_jobs))
        for quote in quotes  # type: ignore[union-attr]
    )
    return grouped(found, lambda pair: pair[1].speaker)


def _run(
    texts: Iterable[str],
    function: Callable[[str], T],
    *,
    n_jobs: int,
    progress: bool,
    errors: str,
) -> Iterator[T | Exception]:
    if isinstance(texts, (str, bytes)) or not isinstance(texts, Iterable):
        raise TypeError(f"texts must be an iterable of str documents, got {type(texts).__name__}")
    check_errors(errors)
    check_n_jobs(n_jobs)
    results = _results(iter(texts), function, n_jobs, errors == "raise")
    if progress:
        results = progress_bar(results, len(texts) if isinstance(texts, Sized) else None)
    return results


def progress_bar(results: Iterable[T], total: int | None = None) -> Iterator[T]:
    """Wrap ``results`` in a tqdm progress bar on standard error (the ``progress`` extra)."""
    try:
        from tqdm.auto import tqdm
    except ImportError as error:
        raise ImportError('progress=True needs tqdm: pip install "summarize[progress]"') from error
    return iter(tqdm(results, total=total, unit="doc", dynamic_ncols=True))


def _results(
    texts: Iterator[Any], function: Callable[[str], T], n_jobs: int, raise_errors: bool
) -> Iterator[T | Exception]:
    workers = 1
    if n_jobs != 1:
        from joblib import effective_n_jobs

        workers = effective_n_jobs(n_jobs)
    if workers == 1:
        batches: Iterator[list[T | Exception]] = (apply([text], function, i) for i, text in enumerate(texts))
    else:
        batches = _parallel(_chunks(texts, TASK_SIZE), function, workers)
    for batch in batches:
        for result in batch:
            if raise_errors and isinstance(result, Exception):
                raise result
            yield result


def _chunks(texts: Iterator[Any], size: int) -> Iterator[tuple[int, list[Any]]]:
    """``(position of the first item, items)`` for consecutive slices of ``texts``."""
    first = 0
    while chunk := list(islice(texts, size)):
        yield first, chunk
        first += len(chunk)


def _parallel(
    tasks: Iterator[tuple[int, list[Any]]], function: Callable[[str], T], workers: int
) -> Iterator[list[T | Exception]]:
    """Results of ``tasks`` from joblib's process pool, in order, with a bounded window in flight.

    A new task is sent each time the oldest result is taken, so the workers never
    wait for the slowest task of a chunk and never run ahead of the reader by more
    than the window.  The pool (joblib's loky executor) outlives the call: its
    workers keep their loaded dictionaries for the next one.
    """
    from joblib.externals.loky import get_reusable_executor

    executor = get_reusable_executor(max_workers=workers)
    window: deque[tuple[list[Any], Future[list[Any]]]] = deque()
    try:
        for first, chunk in tasks:
            window.append((chunk, executor.submit(_apply_packed, chunk, function, first)))
            if len(window) >= TASKS_PER_WORKER * workers:
                yield _unpack_all(*window.popleft())
        while window:
            yield _unpack_all(*window.popleft())
    finally:
        for _, future in window:  # the caller stopped early: drop what it will not read
            future.cancel()


def _apply_packed(texts: list[Any], function: Callable[[str], Any], first: int) -> list[Any]:
    """:func:`apply` for a worker: results go back as offsets, not as text (see :func:`_pack`)."""
    return [_pack(result) for result in apply(texts, function, first)]


def _unpack_all(texts: list[Any], future: Future[list[Any]]) -> list[Any]:
    return [_unpack(text, packed) for text, packed in zip(texts, future.result(), strict=True)]


# Results travel back from a worker as plain tuples of offsets and values: the
# parent still holds the text and cuts the pieces from it again.  This sends
# about 25 times fewer bytes and costs a fifth of pickling the records.  Only
# records of exactly the known shape are packed; anything else travels as is.
_SHAPES = {
    Summary: ("text", "all_sentences", "options"),
    Sentence: ("text", "start", "stop", "index", "score", "selected"),
    Quotes: ("text", "items"),
    Quote: ("text", "start", "stop", "speaker", "speaker_mention", "cue", "type", "speaker_confidence"),
    Span: ("text", "start", "stop"),
}


def _field_names(cls: type) -> tuple[str, ...]:
    """The fields of a record class: a dataclass's, or a NamedTuple's (:class:`Span`)."""
    names: tuple[str, ...] | None = getattr(cls, "_fields", None)
    return names if names is not None else tuple(f.name for f in fields(cls))


_PACKABLE = all(_field_names(cls) == names for cls, names in _SHAPES.items())


def _offsets(span: Span | None) -> tuple[int, int] | None:
    return None if span is None else (span.start, span.stop)


def _cut(text: str, offsets: tuple[int, int] | None) -> Span | None:
    return None if offsets is None else Span(text[offsets[0] : offsets[1]], *offsets)


def _pack(result: Any) -> Any:
    if _PACKABLE and type(result) is Summary:
        rows = [(s.start, s.stop, s.score, s.selected) for s in result.all_sentences]
        return ("summary", result.options, rows)
    if _PACKABLE and type(result) is Quotes:
        quote_rows = [
            (
                q.start,
                q.stop,
                q.speaker,
                _offsets(q.speaker_mention),
                _offsets(q.cue),
                q.type,
                q.speaker_confidence,
            )
            for q in result
        ]
        return ("quotes", quote_rows)
    return result


def _unpack(text: str, packed: Any) -> Any:
    if type(packed) is not tuple:
        return packed
    if packed[0] == "summary":
        _, options, rows = packed
        sentences = [
            Sentence(text[a:b], a, b, i, score, chosen) for i, (a, b, score, chosen) in enumerate(rows)
        ]
        return Summary(text, tuple(sentences), options)
    quotes = [
        Quote(text[a:b], a, b, speaker, _cut(text, mention), _cut(text, cue), kind, confidence)
        for a, b, speaker, mention, cue, kind, confidence in packed[1]
    ]
    return Quotes(text, tuple(quotes))


def apply(
    texts: Iterable[Any], function: Callable[[str], T], first: int | None = None, catch: bool = True
) -> list[T | Exception]:
    """Run ``function`` on each text; a failure becomes its exception (or is raised if not ``catch``).

    A module-level function, so that joblib and Dask can ship it to their workers.
    """
    results: list[T | Exception] = []
    for i, text in enumerate(texts):
        try:
            results.append(function(check_text(text, "text" if first is None else f"texts[{first + i}]")))
        except Exception as error:
            if not catch:
                raise
            results.append(error)
    return results
