"""Lexicons shipped as data files inside the package (``summarize/data/*.txt``).

The only reader of word lists: no module of the package spells one out.  One entry per
line; ``#`` starts a comment.  An entry may carry further columns: its classes
(``министр  head anaphoric``) or a value (``она  femn``).  Files are read once per process.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType


@cache
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    raw = files("summarize").joinpath(f"data/{name}.txt").read_text(encoding="utf-8")
    rows = (line.split("#", 1)[0].split() for line in raw.splitlines())
    return tuple(tuple(row) for row in rows if row)


@cache
def load(name: str) -> frozenset[str]:
    """The entries (first column) of ``summarize/data/{name}.txt`` as a frozen set.

    >>> "который" in load("stopwords")
    True
    """
    return frozenset(row[0] for row in _rows(name))


@cache
def tagged(name: str, tag: str) -> frozenset[str]:
    """The entries of lexicon ``name`` that carry ``tag`` in a further column.

    >>> sorted(tagged("role_nouns", "spokesperson"))[:2]
    ['представитель', 'представительница']
    """
    return frozenset(row[0] for row in _rows(name) if tag in row[1:])


@cache
def column(name: str) -> Mapping[str, str]:
    """Lexicon ``name`` as a read-only mapping from its first column to its second.

    >>> column("pronouns")["она"]
    'femn'
    """
    return MappingProxyType({row[0]: row[1] for row in _rows(name) if len(row) > 1})


@cache
def columns(name: str) -> Mapping[str, tuple[str, ...]]:
    """Lexicon ``name`` as a read-only mapping from its first column to all its further columns.

    >>> "мид" in columns("staff_nouns")["дипломат"]
    True
    """
    return MappingProxyType({row[0]: row[1:] for row in _rows(name) if len(row) > 1})


@cache
def alias_groups(name: str) -> tuple[tuple[str, ...], ...]:
    """Lexicon ``name`` as groups of names of one thing, one group a line, its names separated by ``|``
    (names may hold spaces and capitals; ``#`` starts a comment).

    >>> ("Банк России", "ЦБ") == alias_groups("org_aliases")[0][::3]
    True
    """
    raw = files("summarize").joinpath(f"data/{name}.txt").read_text(encoding="utf-8")
    groups = []
    for line in raw.splitlines():
        forms = tuple(f.strip() for f in line.split("#", 1)[0].split("|") if f.strip())
        if forms:
            groups.append(forms)
    return tuple(groups)


@cache
def head_nouns() -> frozenset[str]:
    """Nouns that head a name: outlets ("газета «Труд»") and other heads ("сбор «Айбын»")."""
    return load("outlets") | load("name_heads")


def is_listed_preposition(word: str) -> bool:
    """Is ``word`` one of the prepositions that govern a name (lexicon ``prepositions``)?

    A word list, unlike :func:`summarize.morph.is_preposition`, which trusts pymorphy3's
    tag: it knows "согласно" and "благодаря" as prepositions, "после" as one word.

    >>> is_listed_preposition("Согласно"), is_listed_preposition("министр")
    (True, False)
    """
    return word.lower() in load("prepositions")


def stop_words() -> frozenset[str]:
    """Russian lemmas that carry no content in news text (lower case, ``ё`` as ``е``)."""
    return load("stopwords")
