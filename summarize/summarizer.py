"""Sentence scores -> an extractive summary: ``summarize()`` and ``Summarizer``."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import scoring
from .checks import check_text, is_int
from .records import Sentence, Span, Summary
from .text import WORD
from .text import sentences as split_sentences

DEFAULT_SENTENCES = 3
DEFAULT_POSITION = 0.25
"""Decay of the lead prior per sentence (see :func:`scoring.relevance`); 0 turns it off."""
DEFAULT_REDUNDANCY = 0.2
"""Weight of redundancy against relevance when picking sentences (MMR); 0 leaves only the rule
that a near repeat of a picked sentence comes last."""
TITLE_WEIGHT = 0.1
"""How much similarity to a given headline adds to a sentence's centrality."""
IDF_SOURCES = ("document", "shipped")


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
    elif not is_int(value) or value < 1:
        raise ValueError(f"{name} must be an int >= 1, got {value!r}")
    return name, value


def _count(option: str, value: float, n: int) -> int:
    """How many sentences a ``sentences`` or ``ratio`` length asks for (at least one)."""
    count = value if option == "sentences" else math.ceil(value * n - 1e-9)
    return max(1, min(int(count), n))


def _select(spans: Sequence[Span], scores: Sequence[float], option: str, value: float) -> set[int]:
    """Indices of the sentences to keep: the best-scored, ties broken by position."""
    ranked = sorted(range(len(spans)), key=lambda i: (-scores[i], i))
    if option == "words":
        chosen: list[int] = []
        used = 0
        for i in ranked:
            size = len(WORD.findall(spans[i].text))
            if not chosen or used + size <= value:
                chosen.append(i)
                used += size
        return set(chosen)
    return set(ranked[: _count(option, value, len(spans))])


class Summarizer:
    """Extractive summariser of Russian news with a reusable IDF.

    Follows scikit-learn's estimator conventions: ``__init__`` only stores its
    arguments, :meth:`fit` learns the IDF of a corpus (``idf_``) and returns
    ``self``.  Unfitted, ``idf="shipped"`` (the default) weighs lemmas by the
    IDF of 254 news texts bundled with the package and ``idf="document"`` by
    their spread over the document's own sentences.  ``position`` is the
    strength of the lead prior, ``redundancy`` the weight of overlap with the
    sentences already picked; the defaults were chosen on the dev splits of
    the project's benchmark (``benchmarks/rouge.py``, see README).

    >>> model = Summarizer(sentences=1).fit(["Министр провёл переговоры.", "Погода в Москве."])
    >>> str(model.summarize("Министр обороны провёл переговоры. Встреча прошла в Москве."))
    'Министр обороны провёл переговоры.'
    """

    def __init__(
        self,
        sentences: int | None = None,
        ratio: float | None = None,
        words: int | None = None,
        *,
        position: float = DEFAULT_POSITION,
        redundancy: float = DEFAULT_REDUNDANCY,
        idf: str = "shipped",
    ) -> None:
        self.sentences = sentences
        self.ratio = ratio
        self.words = words
        self.position = position
        self.redundancy = redundancy
        self.idf = idf

    # -- scikit-learn style parameters -------------------------------------------------
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor arguments, as scikit-learn's ``get_params``."""
        return {
            "sentences": self.sentences,
            "ratio": self.ratio,
            "words": self.words,
            "position": self.position,
            "redundancy": self.redundancy,
            "idf": self.idf,
        }

    def set_params(self, **params: Any) -> Summarizer:
        """Change constructor arguments; returns ``self``."""
        valid = self.get_params()
        for key, value in params.items():
            if key not in valid:
                raise ValueError(f"unknown parameter {key!r}; expected one of {sorted(valid)}")
            setattr(self, key, value)
        return self

    def __repr__(self) -> str:
        defaults = {"position": DEFAULT_POSITION, "redundancy": DEFAULT_REDUNDANCY, "idf": "shipped"}
        shown = ", ".join(
            f"{k}={v!r}" for k, v in self.get_params().items() if v is not None and defaults.get(k) != v
        )
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

    def _check_params(self) -> None:
        for name in ("position", "redundancy"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < math.inf:
                raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
        if self.redundancy >= 1:
            raise ValueError(f"redundancy must be below 1, got {self.redundancy!r}")
        if self.idf not in IDF_SOURCES:
            raise ValueError(f"idf must be one of {IDF_SOURCES}, got {self.idf!r}")

    # -- summarising -------------------------------------------------------------------
    def summarize(self, text: str, title: str | None = None) -> Summary:
        """Summarise ``text``, optionally knowing its headline; see :func:`summarize`."""
        check_text(text)
        if title is not None:
            check_text(title, "title")
        option, value = length_option(self.sentences, self.ratio, self.words)
        self._check_params()
        fitted = hasattr(self, "idf_")
        options = {option: value, "idf": "corpus" if fitted else self.idf}
        spans = split_sentences(text)
        if not spans:
            return Summary(text, (), options)
        term_lists = scoring.sentence_terms(text, spans)
        idf: Mapping[str, float]
        if fitted:
            idf, unseen = self.idf_, self.unseen_idf_
        elif self.idf == "shipped":
            idf, unseen = scoring.shipped_idf()
        else:
            idf, unseen = scoring.document_idf(term_lists), 1.0
        vectors = [scoring.tfidf(lemmas, idf, unseen) for lemmas in term_lists]
        centrality = scoring.centroid_scores(vectors)
        title_terms = scoring.terms(title) if title else []
        if title_terms:
            headline = scoring.tfidf(title_terms, idf, unseen)
            centrality = [
                c + TITLE_WEIGHT * scoring.cosine(v, headline)
                for c, v in zip(centrality, vectors, strict=True)
            ]
        relevance = scoring.relevance(spans, term_lists, centrality, self.position)
        picks = scoring.MMR_ROUNDS if option == "words" else _count(option, value, len(spans))
        scores = scoring.rank(relevance, vectors, self.redundancy, picks)
        chosen = _select(spans, scores, option, value)
        records = tuple(
            Sentence(span.text, span.start, span.stop, i, scores[i], i in chosen)
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
    title: str | None = None,
) -> Summary:
    """Summarise Russian news ``text`` by its best sentences, in document order.

    Give at most one length: ``sentences`` (default 3), ``ratio`` of the
    sentences in (0, 1], or a ``words`` budget.  A non-empty text always gets
    at least one sentence; an empty one gets an empty :class:`Summary`.
    ``title``, the headline if you have it, favours the sentences that share
    its words.  Sentences are scored by their similarity to the whole text,
    weighed by news structure (the lead first; datelines, long sentences and
    quotations less), then picked so that they repeat each other little.

    >>> s = summarize("Министр обороны Казахстана провёл переговоры с министром обороны России. "
    ...               "Министры обсудили сотрудничество в сфере обороны. Погода была тёплой.", sentences=2)
    >>> [sentence.index for sentence in s.sentences]
    [0, 1]
    """
    return Summarizer(sentences=sentences, ratio=ratio, words=words).summarize(text, title=title)
