"""Sentence scores -> an extractive summary: ``summarize()`` and ``Summarizer``."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import scoring
from .checks import check_text, is_int
from .features import document_features
from .records import Sentence, Span, Summary
from .sentence_model import SentenceModel, fit_model, labelled_rows, shipped_model
from .text import WORD
from .text import sentences as split_sentences

DEFAULT_SENTENCES = 3
DEFAULT_POSITION = 0.25
"""Decay of the lead prior per sentence (see :mod:`summarize.features`); 0 drops every
position feature."""
DEFAULT_REDUNDANCY = 0.2
"""Weight of redundancy against relevance when picking sentences (MMR); 0 leaves only the rule
that a near repeat of a picked sentence comes last."""
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


def _documents(items: object, name: str) -> list[str]:
    """``items`` as a list of str, or ``TypeError`` naming ``name`` and the first bad item."""
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise TypeError(f"{name} must be an iterable of str documents, got {type(items).__name__}")
    documents = list(items)
    for i, item in enumerate(documents):
        check_text(item, f"{name}[{i}]")
    return documents


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
    """Extractive summariser of Russian news that can learn from your own references.

    Follows scikit-learn's estimator conventions: ``__init__`` only stores its
    arguments, :meth:`fit` returns ``self`` and what it learns ends in ``_``.
    ``fit(texts)`` learns the IDF of your archive (``idf_``); ``fit(texts,
    summaries)`` also learns how much each sentence feature counts (``model_``)
    from reference summaries.  Unfitted, it uses the IDF of 254 news texts
    (``idf="shipped"``, or ``idf="document"``: the spread of lemmas over the
    document's own sentences) and the sentence model that ships with the
    package, learned from the dev splits of the project's benchmark.
    ``position`` is the decay of the lead prior (0 drops every position
    feature), ``redundancy`` the weight of overlap with the sentences already
    picked (see README).

    >>> texts = ["Министр обороны провёл переговоры. Погода была тёплой. Дождя не было.",
    ...          "Погода в Москве была тёплой. Министр финансов выступил с докладом. Дождя не было."]
    >>> model = Summarizer(sentences=1).fit(texts, ["Министр провёл переговоры.", "Министр выступил."])
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
    def fit(self, texts: Iterable[str], summaries: Iterable[str] | None = None) -> Summarizer:
        """Learn the IDF of lemmas over ``texts`` and, given a reference summary of each text,
        the sentence model; returns ``self``.

        Every text's sentences are labelled by a greedy ROUGE oracle against its summary
        (:func:`summarize.sentence_model.oracle`) and a logistic regression learns the
        weights of their features (:mod:`summarize.features`), with the IDF just learned
        and this estimator's ``position``.  Arguments are checked before any work.
        """
        documents = _documents(texts, "texts")
        references = None if summaries is None else _documents(summaries, "summaries")
        if references is not None:
            if len(references) != len(documents):
                raise ValueError(
                    f"texts and summaries must pair up: got {len(documents)} texts "
                    f"and {len(references)} summaries"
                )
            blank = next((i for i, summary in enumerate(references) if not summary.strip()), None)
            if blank is not None:
                raise ValueError(f"summaries[{blank}] is blank: every text needs its reference summary")
        if not any(doc.strip() for doc in documents):
            raise ValueError("texts must hold at least one non-empty document")
        self._check_params()
        idf, unseen = scoring.fit_idf(documents)
        model = None
        if references is not None:
            labelled = [
                (row, label)
                for text, summary in zip(documents, references)
                for _, row, label in labelled_rows(text, summary, idf, unseen, self.position)
            ]
            model = fit_model([row for row, _ in labelled], [label for _, label in labelled])
        self.idf_, self.unseen_idf_ = idf, unseen
        self.n_documents_ = len(documents)
        if model is not None:
            self.model_ = model
        elif hasattr(self, "model_"):
            del self.model_  # refitting without references goes back to the shipped model
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
        options = {
            option: value,
            "idf": "corpus" if fitted else self.idf,
            "model": "fitted" if hasattr(self, "model_") else "shipped",
        }
        spans = split_sentences(text)
        if not spans:
            return Summary(text, (), options)
        idf: Mapping[str, float] | None
        if fitted:
            idf, unseen = self.idf_, self.unseen_idf_
        elif self.idf == "shipped":
            idf, unseen = scoring.shipped_idf()
        else:
            idf, unseen = None, 1.0
        vectors, centrality, rows = document_features(text, spans, idf, unseen, self.position, title)
        model: SentenceModel = getattr(self, "model_", None) or shipped_model()
        relevance = model.relevance(rows, centrality)
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
    its words.  Each sentence is scored by a model learned from reference
    summaries of news (its similarity to the whole text, its place, its length,
    how much of it is quoted, how many words the text has not used before it),
    and sentences are picked so that they repeat each other little.

    >>> s = summarize("Министр обороны Казахстана провёл переговоры с министром обороны России. "
    ...               "Министры обсудили сотрудничество в сфере обороны. Погода была тёплой.", sentences=2)
    >>> [sentence.index for sentence in s.sentences]
    [0, 1]
    """
    return Summarizer(sentences=sentences, ratio=ratio, words=words).summarize(text, title=title)
