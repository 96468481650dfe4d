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
  dash, and the share of its words inside «…».

How much each counts is learned from reference summaries (:mod:`summarize.sentence_model`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

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
_QUOTED = re.compile(r"«|»|\w+")
_LOG_LONG = math.log(LONG_SENTENCE_WORDS)

Row = tuple[float, ...]


def is_fragment(span: Span, lemmas: Sequence[str]) -> bool:
    """A dateline, a credit line or another piece that is no sentence: under five words, or
    no content word.

    >>> is_fragment(Span("МОСКВА, 8 августа.", 0, 18), ["москва", "август"])
    True
    """
    return not lemmas or len(_TOKEN.findall(span.text)) < FRAGMENT_WORDS


def quoted_share(text: str) -> float:
    """The share of the words and numbers of ``text`` that stand inside «…».

    >>> quoted_share("Он сказал: «Мы готовы».")
    0.5
    """
    if "«" not in text:
        return 0.0
    depth = inside = total = 0
    for token in _QUOTED.findall(text):
        if token == "«":
            depth += 1
        elif token == "»":
            depth = max(0, depth - 1)
        else:
            total += 1
            inside += depth > 0
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
    for span, lemmas, score in zip(spans, term_lists, centrality, strict=True):
        if is_fragment(span, lemmas):
            rows.append(None)
            continue
        log_words = math.log(len(_TOKEN.findall(span.text)))
        places = [0.0] * PLACES
        prior = 0.0
        if position:
            prior = math.log(POSITION_FLOOR + (1.0 - POSITION_FLOOR) * math.exp(-position * k))
            if k < PLACES:
                places[k] = 1.0
        rows.append(
            (
                math.log(max(score, CENTRALITY_FLOOR)),
                prior,
                *places,
                log_words,
                max(0.0, log_words - _LOG_LONG),
                float(span.text[0] in QUOTE_OPENERS),
                quoted_share(span.text),
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
