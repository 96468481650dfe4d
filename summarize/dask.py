"""Summaries and quotations of a Dask bag of texts, for archives beyond one machine.

Install with ``pip install "summarize[dask]"``; dask is imported only when
these functions are called.  Each partition is processed by one call in one
worker process, which loads the morphological dictionaries once and keeps them
for every later partition.  The bags hold the same records
(:class:`~summarize.Summary`, :class:`~summarize.Quotes`) as the single calls.

>>> import dask.bag as db
>>> from summarize.dask import summarize_bag
>>> bag = db.from_sequence(["Министр обороны провёл переговоры. Встреча прошла в Москве."])
>>> [str(s) for s in summarize_bag(bag, sentences=1).compute(scheduler="sync")]
['Министр обороны провёл переговоры.']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .batch import apply
from .checks import check_errors
from .summarizer import Summarizer

if TYPE_CHECKING:
    from dask.bag import Bag


def summarize_bag(bag: Bag, *, errors: str = "raise", **summary_options: Any) -> Bag:
    """A lazy bag of one :class:`~summarize.Summary` per text of ``bag``, in the same order.

    ``summary_options`` are those of :func:`~summarize.summarize`; bad ones raise
    ``ValueError`` at once, before anything is computed.  ``errors="return"``
    puts a failed text's exception in its place instead of failing the computation.
    """
    model = Summarizer(**summary_options)
    model.summarize("")  # a bad length fails here, not on a worker
    return _map(bag, model, errors)


def quotes_bag(bag: Bag, *, errors: str = "raise") -> Bag:
    """A lazy bag of one :class:`~summarize.Quotes` per text of ``bag``, in the same order.

    >>> import dask.bag as db
    >>> bag = db.from_sequence(["«Мы готовы к переговорам», — заявил министр.", "Тишина."])
    >>> [len(q) for q in quotes_bag(bag).compute(scheduler="sync")]
    [1, 0]
    """
    from .quotes import extract_quotes

    return _map(bag, extract_quotes, errors)


def _map(bag: Bag, function: Callable[[str], Any], errors: str) -> Bag:
    import dask.bag

    if not isinstance(bag, dask.bag.Bag):
        raise TypeError(f"bag must be a dask.bag.Bag of str, got {type(bag).__name__}")
    check_errors(errors)
    return bag.map_partitions(apply, function, catch=errors == "return")
