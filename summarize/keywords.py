"""Key lemmas and phrases of a document, weighted by the summariser's TF-IDF.

A lemma's weight is its count in the text times its IDF (the IDF shipped with
the package by default), the whole vector L2-normalised, as in
:mod:`summarize.scoring`.  A phrase is two content words next to each other
(«ключевая ставка», «Центральный банк») that occur together at least twice;
it weighs its count times the mean IDF of its two lemmas.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from . import scoring
from .checks import check_text, is_int
from .records import Record, Span
from .summarizer import Summarizer
from .text import words

PHRASE_MIN_COUNT = 2
"""A two-word phrase must occur this often to be a keyword."""


@dataclass(frozen=True, slots=True, repr=False)
class Keyword(Record):
    """A key lemma (``"ставка"``) or phrase of lemmas (``"ключевой ставка"``) of a text.

    ``weight`` is its TF-IDF weight in the document (the weights of all
    candidates form a unit vector), ``count`` how often it occurs, ``span``
    its first occurrence as written: ``text[span.start:span.stop] == span.text``.
    """

    text: str
    weight: float
    count: int
    span: Span


def _content_words(text: str) -> list[tuple[str, Span]]:
    """Each content word of ``text`` with its lemma, by the rules of :func:`scoring.terms`."""
    result = []
    for word in words(text):
        lemma = scoring.content_lemma(word.text)
        if lemma is not None:
            result.append((lemma, word))
    return result


def keywords(
    text: str,
    top: int = 10,
    *,
    phrases: bool = True,
    idf: Mapping[str, float] | Summarizer | None = None,
) -> list[Keyword]:
    """The ``top`` keywords of ``text``, best first: lemmas and (with ``phrases``) two-word phrases.

    ``idf`` is a fitted :class:`Summarizer` (its IDF, and the IDF it gives
    unseen lemmas) or a mapping of lemmas to IDF (unseen lemmas get the
    highest IDF in it); by default the IDF of the news texts shipped with the
    package.  Ties go to the keyword that occurs first; an empty text has no
    keywords.

    >>> text = ("Центральный банк снизил ключевую ставку. Ключевая ставка теперь 12%. "
    ...         "Решение о ключевой ставке банк принял досрочно.")
    >>> [k.text for k in keywords(text, top=4)]
    ['ставка', 'ключевой ставка', 'ключевой', 'банк']
    >>> keywords(text, top=2)[1]  # doctest: +NORMALIZE_WHITESPACE
    Keyword(text='ключевой ставка', weight=0.5..., count=3,
            span=Span(text='ключевую ставку', start=24, stop=39))
    """
    check_text(text)
    if not is_int(top) or top < 1:
        raise ValueError(f"top must be an int >= 1, got {top!r}")
    lookup: Mapping[str, float]
    if idf is None:
        lookup, unseen = scoring.shipped_idf()
    elif isinstance(idf, Summarizer):
        if not hasattr(idf, "idf_"):
            raise ValueError("idf: the Summarizer is not fitted; call fit(corpus) first")
        lookup, unseen = idf.idf_, idf.unseen_idf_
    elif isinstance(idf, Mapping):
        lookup, unseen = idf, max(idf.values(), default=1.0)
    else:
        raise TypeError(
            f"idf must be a fitted Summarizer or a mapping of lemma to IDF, got {type(idf).__name__}"
        )
    found = _content_words(text)
    counts: dict[str, int] = {}
    first: dict[str, Span] = {}
    weights: dict[str, float] = {}
    for lemma, span in found:
        counts[lemma] = counts.get(lemma, 0) + 1
        first.setdefault(lemma, span)
    for lemma, count in counts.items():
        weights[lemma] = count * lookup.get(lemma, unseen)
    if phrases:
        pairs: dict[str, int] = {}
        for (left, left_span), (right, right_span) in zip(found[:-1], found[1:], strict=True):
            gap = text[left_span.stop : right_span.start]
            if left != right and gap and gap.isspace() and "\n" not in gap:
                key = f"{left} {right}"
                pairs[key] = pairs.get(key, 0) + 1
                if key not in first:
                    first[key] = Span(
                        text[left_span.start : right_span.stop], left_span.start, right_span.stop
                    )
        for key, count in pairs.items():
            if count >= PHRASE_MIN_COUNT:
                left, right = key.split(" ")
                counts[key] = count
                weights[key] = count * (lookup.get(left, unseen) + lookup.get(right, unseen)) / 2
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0  # all-zero IDF: weights stay 0
    ranked = sorted(weights, key=lambda key: (-weights[key], first[key].start))
    return [Keyword(key, round(weights[key] / norm, 6), counts[key], first[key]) for key in ranked[:top]]
