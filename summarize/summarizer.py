"""Sentence scores -> an extractive summary: ``summarize()`` and ``Summarizer``."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from . import scoring
from .records import Sentence, Span, Summary
from .text import WORD, sentences as split_sentences

DEFAULT_SENTENCES = 3


def check_text(text: object, name: str = "text") -> str:
    """Return ``text`` if it is a ``str``; raise ``TypeError`` naming the argument otherwise."""
    if not isinstance(text, str):
        hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"{name} must be str, got {type(text).__name__}{hint}")
    return text


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def length_option(sentences: int | None, ratio: float | None, words: int | None) -> tuple[str, float]:
    """Validate the summary length: exactly one of ``sentences``, ``ratio``, ``words``.

    Returns the option's name and value; none given means 3 sentences.
    """
    given = {k: v for k, v in (("sentences", sentences), ("ratio", ratio), ("words", words)) if v is not None}
    if len(given) > 1:
        shown = ", ".join(f"{k}={v!r}" for k, v in given.items())
        raise ValueError(f"give at most one of sentences=, ratio=, words= (got {shown})")
    if not given:
        return "sentences", DEFAULT_SENTENCES
    name, value = given.popitem()
    if name == "ratio":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
            raise ValueError(f"ratio must be a number in (0, 1], got {value!r}")
    elif not _is_int(value) or value < 1:
        raise ValueError(f"{name} must be an int >= 1, got {value!r}")
    return name, value


def _select(spans: Sequence[Span], scores: Sequence[float], option: str, value: float) -> set[int]:
    """Indices of the sentences to keep: the best-scored, ties broken by position."""
    ranked = sorted(range(len(spans)), key=lambda i: (-scores[i], i))
    if option == "words":
        chosen, used = [], 0
        for i in ranked:
            size = len(WORD.findall(spans[i].text))
            if not chosen or used + size <= value:
                chosen.append(i)
                used += size
        return set(chosen)
    count = value if option == "sentences" else math.ceil(value * len(spans) - 1e-9)
    return set(ranked[: max(1, min(int(count), len(spans)))])


class Summarizer:
    """Extractive summariser of Russian news with a reusable IDF.

    Follows scikit-learn's estimator conventions: ``__init__`` only stores its
    arguments, :meth:`fit` learns the IDF of a corpus (``idf_``) and returns
    ``self``; unfitted, each document's own sentences give the IDF.

    >>> model = Summarizer(sentences=1).fit(["Министр провёл переговоры.", "Погода в Москве."])
    >>> str(model.summarize("Министр обороны провёл переговоры. Встреча прошла в Москве."))
    'Министр обороны провёл переговоры.'
    """

    def __init__(self, sentences: int | None = None, ratio: float | None = None, words: int | None = None) -> None:
        self.sentences = sentences
        self.ratio = ratio
        self.words = words

    # -- scikit-learn style parameters -------------------------------------------------
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor arguments, as scikit-learn's ``get_params``."""
        return {"sentences": self.sentences, "ratio": self.ratio, "words": self.words}

    def set_params(self, **params: Any) -> Summarizer:
        """Change constructor arguments; returns ``self``."""
        valid = self.get_params()
        for key, value in params.items():
            if key not in valid:
                raise ValueError(f"unknown parameter {key!r}; expected one of {sorted(valid)}")
            setattr(self, key, value)
        return self

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items() if v is not None)
        return f"{type(self).__name__}({shown})"

    # -- learning ----------------------------------------------------------------------
    def fit(self, corpus: Iterable[str], y: object = None) -> Summarizer:
        """Learn the IDF of lemmas over ``corpus`` (an iterable of documents); returns ``self``."""
        if isinstance(corpus, (str, bytes)) or not isinstance(corpus, Iterable):
            raise TypeError(f"corpus must be an iterable of str documents, got {type(corpus).__name__}")
        documents = [check_text(doc, "corpus item") for doc in corpus]
        if not any(doc.strip() for doc in documents):
            raise ValueError("corpus must hold at least one non-empty document")
        self.idf_, self.unseen_idf_ = scoring.fit_idf(documents)
        self.n_documents_ = len(documents)
        return self

    # -- summarising -------------------------------------------------------------------
    def summarize(self, text: str) -> Summary:
        """Summarise ``text``; see :func:`summarize`."""
        check_text(text)
        option, value = length_option(self.sentences, self.ratio, self.words)
        fitted = hasattr(self, "idf_")
        options = {option: value, "idf": "corpus" if fitted else "document"}
        spans = split_sentences(text)
        if not spans:
            return Summary(text, (), options)
        term_lists = scoring.sentence_terms(text, spans)
        if fitted:
            idf, unseen = self.idf_, self.unseen_idf_
        else:
            idf, unseen = scoring.document_idf(term_lists), 1.0
        vectors = [scoring.tfidf(lemmas, idf, unseen) for lemmas in term_lists]
        scores = scoring.centroid_scores(vectors)
        chosen = _select(spans, scores, option, value)
        records = tuple(
            Sentence(span.text, span.start, span.stop, i, round(scores[i], 6), i in chosen)
            for i, span in enumerate(spans)
        )
        return Summary(text, records, options)

    __call__ = summarize


def summarize(
    text: str,
    sentences: int | None = None,
    *,
    ratio: float | None = None,
    words: int | None = None,
) -> Summary:
    """Summarise Russian news ``text`` by its best sentences, in document order.

    Give at most one length: ``sentences`` (default 3), ``ratio`` of the
    sentences in (0, 1], or a ``words`` budget.  A non-empty text always gets
    at least one sentence; an empty one gets an empty :class:`Summary`.

    >>> s = summarize("Министр обороны Казахстана провёл переговоры с министром обороны России. "
    ...               "Министры обсудили сотрудничество в сфере обороны. Погода была тёплой.", sentences=2)
    >>> [sentence.index for sentence in s.sentences]
    [0, 1]
    """
    return Summarizer(sentences=sentences, ratio=ratio, words=words).summarize(text)
