"""Lexicons shipped as data files inside the package (``summarize/data/*.txt``).

One entry per line; ``#`` starts a comment.  Files are read once per process.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def load(name: str) -> frozenset[str]:
    """The entries of ``summarize/data/{name}.txt`` as a frozen set.

    >>> "который" in load("stopwords")
    True
    """
    raw = files("summarize").joinpath(f"data/{name}.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return frozenset(entry for entry in entries if entry)


def stop_words() -> frozenset[str]:
    """Russian lemmas that carry no content in news text (lower case, ``ё`` as ``е``)."""
    return load("stopwords")
