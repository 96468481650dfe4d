"""Lemmas -> TF-IDF vectors -> sentence scores for news.

The weights are scikit-learn's TF-IDF (``TfidfVectorizer`` defaults: raw term
counts, smoothed IDF ``ln((1 + n) / (1 + df)) + 1``, L2-normalised rows).  A
corpus IDF is learned with scikit-learn itself (:func:`fit_idf`); a single
document's IDF over its own sentences is computed here with the same formula,
because building a vectorizer per document costs more than the whole summary.
The IDF of the 254 factRuEval news texts ships with the package
(``data/idf.tsv``, read once per process by :func:`shipped_idf`, without
scikit-learn).

A sentence's similarity to the document's centroid (:func:`centroid_scores`) is
one of the features a learned model turns into its relevance
(:mod:`summarize.features`, :mod:`summarize.sentence_model`); :func:`rank` then
trades relevance against redundancy (maximal marginal relevance).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib.resources import files

from .lexicon import stop_words
from .morph import CACHE_SIZE, FUNCTION_POS, lemma_pos
from .records import Span
from .text import WORD

Vector = dict[str, float]

MMR_ROUNDS = 20
"""Sentences picked one by one against redundancy; the rest follow by relevance."""
REPEAT_SIMILARITY = 0.8
"""A sentence this similar to one already picked is a repeat: it goes after all others."""


@lru_cache(maxsize=CACHE_SIZE)
def content_lemma(word: str) -> str | None:
    """The lemma of ``word`` if it is a content word, else None (cached per written form).

    Capitalised words are read as surnames where pymorphy3 allows it
    (:func:`morph.lemma_pos`), so that «Песков» and «Пескова» are one term.

    >>> content_lemma("Министрами"), content_lemma("который"), content_lemma("на")
    ('министр', None, None)
    >>> content_lemma("Песков"), content_lemma("Пескова"), content_lemma("песков")
    ('песков', 'песков', 'песок')
    """
    if len(word) < 2:
        return None
    lemma, pos = lemma_pos(word, surnames=True)
    if pos in FUNCTION_POS or lemma in stop_words():
        return None
    return lemma


def terms(text: str, start: int = 0, stop: int | None = None) -> list[str]:
    """Content lemmas of ``text[start:stop]``: no function words, stop words or single letters.

    >>> terms("Министры обороны подписали план на 2026 год")
    ['министр', 'оборона', 'подписать', 'план', 'год']
    """
    found = WORD.findall(text, start, len(text) if stop is None else stop)
    return [lemma for lemma in map(content_lemma, found) if lemma is not None]


def sentence_terms(text: str, spans: Sequence[Span]) -> list[list[str]]:
    """The content lemmas of each sentence span of ``text``."""
    return [terms(text, span.start, span.stop) for span in spans]


def smooth_idf(n_documents: int, document_frequency: int) -> float:
    """scikit-learn's smoothed IDF: ``ln((1 + n) / (1 + df)) + 1``."""
    return math.log((1 + n_documents) / (1 + document_frequency)) + 1.0


def document_idf(term_lists: Sequence[Iterable[str]]) -> Vector:
    """IDF of each lemma, treating every sentence of one document as a document."""
    df: Counter[str] = Counter()
    for lemmas in term_lists:
        df.update(set(lemmas))
    n = len(term_lists)
    return {term: smooth_idf(n, count) for term, count in df.items()}


def fit_idf(documents: Iterable[str]) -> tuple[Vector, float]:
    """Learn IDF over ``documents`` with scikit-learn's ``TfidfVectorizer``.

    Returns the IDF of every lemma seen and the IDF an unseen lemma gets
    (that of a lemma found in no document).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = list(documents)
    vectorizer = TfidfVectorizer(analyzer=terms, smooth_idf=True)
    try:
        vectorizer.fit(docs)
    except ValueError as error:  # "empty vocabulary; perhaps the documents only contain stop words"
        raise ValueError("corpus has no content words to learn an IDF from") from error
    idf = dict(zip(vectorizer.get_feature_names_out().tolist(), vectorizer.idf_.tolist(), strict=True))
    return idf, smooth_idf(len(docs), 0)


@lru_cache(maxsize=1)
def shipped_idf() -> tuple[Mapping[str, float], float]:
    """The IDF of the 254 factRuEval news texts shipped as ``data/idf.tsv``, and the unseen IDF.

    The file holds document frequencies (``lemma<TAB>df``, lemmas seen in at
    least two texts) under a ``# documents: N`` line; a lemma not listed gets
    the IDF of one seen in a single text.

    >>> idf, unseen = shipped_idf()
    >>> idf["год"] < idf["министр"] < unseen
    True
    """
    raw = files("summarize").joinpath("data/idf.tsv").read_text(encoding="utf-8")
    n_documents = 0
    idf: dict[str, float] = {}
    for line in raw.splitlines():
        if line.startswith("# documents:"):
            n_documents = int(line.split(":", 1)[1])
        elif line and not line.startswith("#"):
            lemma, df = line.split("\t")
            idf[lemma] = smooth_idf(n_documents, int(df))
    return idf, smooth_idf(n_documents, 1)


def tfidf(lemmas: Iterable[str], idf: Mapping[str, float], unseen_idf: float) -> Vector:
    """The L2-normalised TF-IDF vector of one bag of lemmas."""
    counts: dict[str, int] = {}
    for term in lemmas:  # a sentence's dozen lemmas: a plain loop costs less than building a Counter
        counts[term] = counts.get(term, 0) + 1
    vector = {term: count * idf.get(term, unseen_idf) for term, count in counts.items()}
    norm = math.sqrt(sum([w * w for w in vector.values()]))
    if norm:
        for term in vector:
            vector[term] /= norm
    return vector


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two L2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    total = 0.0  # the hottest loop of a summary: plain statements, shared terms only, in a's order
    for term, weight in a.items():
        if term in b:
            total += weight * b[term]
    return total


def centroid_scores(vectors: Sequence[Mapping[str, float]]) -> list[float]:
    """Each sentence's cosine similarity to the document's centroid (the sum of its vectors)."""
    centroid: Vector = {}
    for vector in vectors:
        for term, weight in vector.items():
            centroid[term] = centroid.get(term, 0.0) + weight
    norm = math.sqrt(sum(w * w for w in centroid.values()))
    if not norm:
        return [0.0] * len(vectors)
    return [cosine(vector, centroid) / norm for vector in vectors]


def rank(
    relevance: Sequence[float],
    vectors: Sequence[Mapping[str, float]],
    redundancy: float,
    picks: int = MMR_ROUNDS,
) -> list[float]:
    """Maximal marginal relevance: each sentence's score once redundancy is taken off.

    Sentences are picked one at a time, the best ``(1 - redundancy) * relevance
    - redundancy * (similarity to the closest picked sentence)`` first (ties to
    the earlier sentence); a repeat (similarity at least ``REPEAT_SIMILARITY``)
    loses 2 more, so it comes after everything else.  A picked sentence keeps
    the value it was picked with, the others the value left after ``picks``
    picks (at most ``MMR_ROUNDS``).  Sorting by the result (score down,
    position up) gives the order of picking, so the best ``k`` by score are the
    MMR summary of ``k`` sentences.  Values are rounded to 6 places before they
    are compared, so the rounded scores keep that order.

    >>> a, b, c = {"ставка": 1.0}, {"ставка": 0.6, "рубль": 0.8}, {"ставка": 1.0}
    >>> rank([0.9, 0.8, 0.5], [a, b, c], 0.3)
    [0.63, 0.38, -1.95]
    """
    keep = 1.0 - redundancy
    value = [round(keep * r, 6) for r in relevance]
    closest = [0.0] * len(value)
    open_ = list(range(len(value)))
    for _ in range(min(picks, MMR_ROUNDS, len(value))):
        best = max(open_, key=lambda i: (value[i], -i))
        open_.remove(best)
        picked = vectors[best]
        for i in open_:
            similarity = cosine(vectors[i], picked)
            if similarity > closest[i]:
                closest[i] = similarity
                penalty = redundancy * similarity + (2.0 if similarity >= REPEAT_SIMILARITY else 0.0)
                value[i] = round(keep * relevance[i] - penalty, 6)
    return value
