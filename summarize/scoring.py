"""Lemmas -> TF-IDF vectors -> sentence scores.

The weights are scikit-learn's TF-IDF (``TfidfVectorizer`` defaults: raw term
counts, smoothed IDF ``ln((1 + n) / (1 + df)) + 1``, L2-normalised rows).  A
corpus IDF is learned with scikit-learn itself (:func:`fit_idf`); a single
document's IDF over its own sentences is computed here with the same formula,
because building a vectorizer per document costs more than the whole summary.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from .lexicon import stop_words
from .morph import FUNCTION_POS, lemma_pos
from .records import Span
from .text import words

Vector = dict[str, float]


def terms(text: str, start: int = 0, stop: int | None = None) -> list[str]:
    """Content lemmas of ``text[start:stop]``: no function words, stop words or single letters.

    >>> terms("Министры обороны подписали план на 2026 год")
    ['министр', 'оборона', 'подписать', 'план', 'год']
    """
    stop_set = stop_words()
    result = []
    for word in words(text, start, stop):
        if len(word.text) < 2:
            continue
        lemma, pos = lemma_pos(word.text)
        if pos not in FUNCTION_POS and lemma not in stop_set:
            result.append(lemma)
    return result


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


def document_terms(document: str) -> list[str]:
    """Analyzer for scikit-learn: the content lemmas of a whole document.

    A module-level function, so a vectorizer that uses it pickles.
    """
    return terms(document)


def fit_idf(documents: Iterable[str]) -> tuple[Vector, float]:
    """Learn IDF over ``documents`` with scikit-learn's ``TfidfVectorizer``.

    Returns the IDF of every lemma seen and the IDF an unseen lemma gets
    (that of a lemma found in no document).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = list(documents)
    vectorizer = TfidfVectorizer(analyzer=document_terms, smooth_idf=True)
    vectorizer.fit(docs)
    idf = dict(zip(vectorizer.get_feature_names_out().tolist(), vectorizer.idf_.tolist()))
    return idf, smooth_idf(len(docs), 0)


def tfidf(lemmas: Iterable[str], idf: Mapping[str, float], unseen_idf: float) -> Vector:
    """The L2-normalised TF-IDF vector of one bag of lemmas."""
    vector = {term: count * idf.get(term, unseen_idf) for term, count in Counter(lemmas).items()}
    norm = math.sqrt(sum(w * w for w in vector.values()))
    if norm:
        for term in vector:
            vector[term] /= norm
    return vector


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two L2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


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
