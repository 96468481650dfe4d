"""What the sentence scorer sees: a few numbers per sentence, from what scoring already builds.

For each sentence that is not a fragment (:func:`is_fragment`), :func:`sentence_features`
gives one value per name in :data:`FEATURES`:

* ``centrality``: the log of its TF-IDF cosine with the document's centroid (plus
  ``TITLE_WEIGHT`` times its similarity to a headline, when one is given);
* ``prior``, ``lead``, ``second`` … ``fifth``: where it stands among the full sentences:
  the log of a decaying lead prior ``POSITION_FLOOR + (1 - POSITION_FLOOR)·exp(-position·k)``
  and one flag for each of the first five places (all 0 when ``position`` is 0);
* ``words`` and ``long``: the log of its length in words and numbers, and how far that
  log is above ``LONG_SENTENCE_WORDS``;
* ``quote_opener`` and ``quoted``: whether it opens with a quotation mark or a dialogue
  dash, and the share of its words inside «…»;
* ``novelty``: the log of one plus the number of its distinct content lemmas that no earlier
  sentence of the text (fragments included) had: what news it adds to the text before it.

How much each counts is learned from reference summaries (:mod:`summarize.sentence_model`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from . import scoring
from .records import Span

FEATURES = (
    "centrality",
    "prior",
    "lead",
    "second",
    "third",
    "fourth",
    "fifth",
    "words",
    "long",
    "quote_opener",
    "quoted",
    "novelty",
)
"""The names of the features, in the order of every row."""
PLACES = 5
"""Flags for the first this many full sentences (``lead`` … ``fifth``)."""
POSITION_FLOOR = 0.3
"""Share of the lead prior that does not decay with the position."""
FRAGMENT_WORDS = 5
"""Sentences of fewer words or numbers (datelines such as «МОСКВА, 8 августа.») are fragments."""
LONG_SENTENCE_WORDS = 20
"""Sentences longer than this many words count as long."""
QUOTE_OPENERS = '«"„“”—–-'
TITLE_WEIGHT = 0.1
"""How much similarity to a given headline adds to a sentence's centrality."""
CENTRALITY_FLOOR = 1e-3
"""Centrality below this (no shared content word) is taken as this before the log."""
_TOKEN = re.compile(r"\w+")
"""What sentence lengths count: words and numbers alike."""
_MARK = re.compile("[«»]")
_LOG_LONG = math.log(LONG_SENTENCE_WORDS)

Row = tuple[float, ...]


def is_fragment(span: Span, lemmas: Sequence[str]) -> bool:
    """A dateline, a credit line or another piece that is no sentence: under five words, or
    no content word.

    >>> is_fragment(Span("МОСКВА, 8 августа.", 0, 18), ["москва", "август"])
    True
    """
    return not lemmas or len(_TOKEN.findall(span.text)) < FRAGMENT_WORDS


@lru_cache(maxsize=4096)
def _place(position: float, k: int) -> Row:
    """The position features of the ``k``-th full sentence: the log prior and the place flags."""
    if not position:
        return (0.0,) * (1 + PLACES)
    prior = math.log(POSITION_FLOOR + (1.0 - POSITION_FLOOR) * math.exp(-position * k))
    return (prior, *(float(k == place) for place in range(PLACES)))


def quoted_share(text: str, words: int | None = None) -> float:
    """The share of the words and numbers of ``text`` (``words`` of them, if counted already)
    that stand inside «…».

    >>> quoted_share("Он сказал: «Мы готовы».")
    0.5
    """
    if "«" not in text:
        return 0.0
    inside = depth = start = 0
    for mark in _MARK.finditer(text):
        if mark.group() == "«":
            if not depth:
                start = mark.end()
            depth += 1
        elif depth:
            depth -= 1
            if not depth:
                inside += len(_TOKEN.findall(text, start, mark.start()))
    if depth:
        inside += len(_TOKEN.findall(text, start))
    total = len(_TOKEN.findall(text)) if words is None else words
    return inside / total if total else 0.0


def sentence_features(
    spans: Sequence[Span], term_lists: Sequence[Sequence[str]], centrality: Sequence[float], position: float
) -> list[Row | None]:
    """One row of :data:`FEATURES` per sentence; None for a fragment, which has no place.

    >>> spans = [Span("МОСКВА, 8 августа.", 0, 18), Span("Министр провёл переговоры в Москве.", 19, 54)]
    >>> rows = sentence_features(spans, [["москва", "август"], ["министр"]], [0.2, 0.5], 0.25)
    >>> rows[0], dict(zip(FEATURES, rows[1]))["lead"]
    (None, 1.0)
    """
    rows: list[Row | None] = []
    k = 0
    log = math.log
    seen: set[str] = set()
    for span, lemmas, score in zip(spans, term_lists, centrality, strict=True):
        new = -len(seen)
        seen.update(lemmas)
        new += len(seen)  # the distinct lemmas no earlier sentence had
        words = len(_TOKEN.findall(span.text)) if lemmas else 0
        if words < FRAGMENT_WORDS:  # is_fragment, counting the words once
            rows.append(None)
            continue
        log_words = log(words)
        rows.append(
            (log(score if score > CENTRALITY_FLOOR else CENTRALITY_FLOOR),)
            + _place(position, k)
            + (
                log_words,
                log_words - _LOG_LONG if log_words > _LOG_LONG else 0.0,
                1.0 if span.text[0] in QUOTE_OPENERS else 0.0,
                quoted_share(span.text, words),
                log(1 + new),
            )
        )
        k += 1
    return rows


def document_features(
    text: str,
    spans: Sequence[Span],
    idf: Mapping[str, float] | None,
    unseen_idf: float,
    position: float,
    title: str | None = None,
) -> tuple[list[scoring.Vector], list[float], list[Row | None]]:
    """The TF-IDF vector, the centrality and the feature row of every sentence of ``text``.

    Lemmas are weighed by ``idf`` (and ``unseen_idf`` for those it lacks), or with
    ``idf=None`` by their spread over the document's own sentences.  With a ``title``,
    each centrality gains ``TITLE_WEIGHT`` times the sentence's similarity to it.
    """
    term_lists = scoring.sentence_terms(text, spans)
    if idf is None:
        idf, unseen_idf = scoring.document_idf(term_lists), 1.0
    vectors = [scoring.tfidf(lemmas, idf, unseen_idf) for lemmas in term_lists]
    centrality = scoring.centroid_scores(vectors)
    title_terms = scoring.terms(title) if title else []
    if title_terms:
        headline = scoring.tfidf(title_terms, idf, unseen_idf)
        centrality = [c + TITLE_WEIGHT * scoring.cosine(v, headline) for c, v in zip(centrality, vectors)]
    return vectors, centrality, sentence_features(spans, term_lists, centrality, position)
