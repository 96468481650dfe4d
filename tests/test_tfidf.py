"""Per-document TF-IDF weights are scikit-learn's, computed without building a vectorizer."""

from __future__ import annotations

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from summarize import scoring
from summarize.text import sentences


def test_document_weights_equal_tfidfvectorizer_over_the_sentences(news):
    for text in list(news.values())[:25]:
        term_lists = scoring.sentence_terms(text, sentences(text))
        vectorizer = TfidfVectorizer(analyzer=lambda lemmas: lemmas)
        matrix = vectorizer.fit_transform(term_lists)
        idf = scoring.document_idf(term_lists)
        names = vectorizer.get_feature_names_out()
        for row, lemmas in enumerate(term_lists):
            ours = scoring.tfidf(lemmas, idf, 1.0)
            start, stop = matrix.indptr[row], matrix.indptr[row + 1]
            theirs = {
                names[j]: matrix.data[k] for k, j in zip(range(start, stop), matrix.indices[start:stop])
            }
            assert ours.keys() == theirs.keys()
            for term, weight in theirs.items():
                assert ours[term] == pytest.approx(weight)
