"""The learned sentence scorer: a logistic regression over the features of :mod:`summarize.features`.

A sentence's relevance is the probability the model gives it of belonging to the
best extract of the text: ``1 / (1 + exp(-(intercept + Σ weight·feature)))``,
computed here in plain Python, so that summarising never imports scikit-learn.
A fragment (a dateline, a credit line) gets ``FRAGMENT_WEIGHT·centrality - 1``,
below every full sentence.

The labels it learns from are a greedy ROUGE oracle (:func:`oracle`): the sentences
that, added one by one, most raise ROUGE-1 + ROUGE-2 F1 against the reference.
:func:`fit_model` fits the weights with scikit-learn (imported on use);
:func:`shipped_model` reads the model that ships with the package
(``data/sentence_model.tsv``, built by ``benchmarks/train_summarizer.py``).
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .features import FEATURES, Row, document_features
from .text import sentences as split_sentences

FRAGMENT_WEIGHT = 0.1
"""A fragment keeps this share of its centrality, minus 1."""
REGULARIZATION = 1.0
"""scikit-learn's ``C`` (inverse strength of the L2 penalty) over standardised features."""
_ROUGE_TOKEN = re.compile(r"\w+")


def rouge_tokens(text: str) -> list[str]:
    """The tokens ROUGE counts: lower-cased ``\\w+`` runs, ``ё`` as ``е``.

    >>> rouge_tokens("Ёлка в Москве, 2026")
    ['елка', 'в', 'москве', '2026']
    """
    return _ROUGE_TOKEN.findall(text.lower().replace("ё", "е"))


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(zip(*(tokens[i:] for i in range(n))))


def _f1(candidate: Counter[tuple[str, ...]], reference: Counter[tuple[str, ...]]) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    return 2 * overlap / (sum(candidate.values()) + sum(reference.values()))


def oracle(sentences: Sequence[str], reference: str, k: int) -> list[int]:
    """Greedy oracle: up to ``k`` sentences, each the one that most raises ROUGE-1 + ROUGE-2 F1
    of the extract (in document order) against ``reference``; it stops when none raises it.

    Returns the indices in the order they were picked.

    >>> oracle(["Погода была тёплой.", "Министр провёл переговоры.", "Министр уехал."],
    ...        "Министр провёл переговоры в Москве.", 2)
    [1]
    """
    tokens = [rouge_tokens(sentence) for sentence in sentences]
    wanted = rouge_tokens(reference)
    reference_grams = (_ngrams(wanted, 1), _ngrams(wanted, 2))
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < k:
        pick = None
        for i in range(len(tokens)):
            if i in chosen:
                continue
            extract = [token for j in sorted([*chosen, i]) for token in tokens[j]]
            value = _f1(_ngrams(extract, 1), reference_grams[0]) + _f1(
                _ngrams(extract, 2), reference_grams[1]
            )
            if value > best:
                best, pick = value, i
        if pick is None:
            break
        chosen.append(pick)
    return chosen


@dataclass(frozen=True)
class SentenceModel:
    """Weights of the features of :data:`summarize.features.FEATURES` and an intercept.

    >>> model = SentenceModel(FEATURES, (1.0,) + (0.0,) * (len(FEATURES) - 1), 0.0)
    >>> round(model.probability((0.0,) * len(FEATURES)), 2)
    0.5
    """

    features: tuple[str, ...]
    weights: tuple[float, ...]
    intercept: float

    def __post_init__(self) -> None:
        if tuple(self.features) != FEATURES:
            raise ValueError(f"a sentence model needs the features {FEATURES}, got {tuple(self.features)}")
        if len(self.weights) != len(FEATURES):
            raise ValueError(f"a sentence model needs {len(FEATURES)} weights, got {len(self.weights)}")

    def probability(self, row: Row) -> float:
        """The model's probability that a sentence with these features is in the best extract."""
        z = self.intercept + sum(map(operator.mul, self.weights, row))
        if z < -700:  # exp would overflow; the probability is 0 in any case
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def relevance(self, rows: Sequence[Row | None], centrality: Sequence[float]) -> list[float]:
        """Each sentence's probability; a fragment (row None) gets ``FRAGMENT_WEIGHT·centrality - 1``."""
        return [
            FRAGMENT_WEIGHT * c - 1.0 if row is None else self.probability(row)
            for row, c in zip(rows, centrality, strict=True)
        ]

    def to_tsv(self, comments: Iterable[str] = ()) -> str:
        """The model as text: ``#`` comment lines, then ``name<TAB>value`` for the intercept and
        each weight, rounded to 6 places."""
        lines = [f"# {line}" for line in comments]
        lines.append(f"intercept\t{self.intercept:.6f}")
        lines += [f"{name}\t{weight:.6f}" for name, weight in zip(self.features, self.weights)]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_tsv(cls, text: str) -> SentenceModel:
        """The model :meth:`to_tsv` wrote.

        >>> model = SentenceModel(FEATURES, tuple(range(len(FEATURES))), -1.5)
        >>> SentenceModel.from_tsv(model.to_tsv(["a model"])) == model
        True
        """
        values: dict[str, float] = {}
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                name, value = line.split("\t")
                values[name] = float(value)
        intercept = values.pop("intercept")
        return cls(tuple(values), tuple(values.values()), intercept)


@lru_cache(maxsize=1)
def shipped_model() -> SentenceModel:
    """The model that ships with the package (``data/sentence_model.tsv``), read once per process.

    >>> shipped_model().features[0]
    'centrality'
    """
    return SentenceModel.from_tsv(
        files("summarize").joinpath("data/sentence_model.tsv").read_text(encoding="utf-8")
    )


def labelled_rows(
    text: str,
    summary: str,
    idf: Mapping[str, float] | None,
    unseen_idf: float,
    position: float,
) -> list[tuple[int, Row, bool]]:
    """The index and feature row of every full sentence of ``text`` (fragments have no row),
    and whether the oracle picks it against ``summary`` (up to as many sentences as the
    summary has)."""
    spans = split_sentences(text)
    _, _, rows = document_features(text, spans, idf, unseen_idf, position)
    k = max(1, len(split_sentences(summary)))
    picked = set(oracle([span.text for span in spans], summary, k))
    return [(i, row, i in picked) for i, row in enumerate(rows) if row is not None]


def fit_model(
    rows: Iterable[Row], labels: Iterable[bool], regularization: float = REGULARIZATION
) -> SentenceModel:
    """Fit the weights with scikit-learn's ``LogisticRegression`` on standardised features.

    The weights returned apply to the raw features (the standardisation folded in).
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.asarray(list(rows), dtype=float)
    y = np.asarray(list(labels), dtype=bool)
    if x.ndim != 2 or len(x) == 0 or y.all() or not y.any():
        raise ValueError(
            "no sentence to learn from: the references must share words with some sentences of their texts "
            "and not with all of them"
        )
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=regularization, max_iter=1000).fit(scaler.transform(x), y)
    weights = model.coef_[0] / scaler.scale_
    intercept = float(model.intercept_[0] - (weights * scaler.mean_).sum())
    return SentenceModel(FEATURES, tuple(float(w) for w in weights), intercept)
