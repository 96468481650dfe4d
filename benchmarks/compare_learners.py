"""Which learner and which labels for the sentence model: 5-fold cross-validation on the dev splits.

Every candidate sees the same rows (the features of ``summarize/features.py`` with the
shipped IDF) and is scored the same way: the held-out fold's documents are summarised with
its probabilities as relevance, the package's MMR and selection, and ROUGE as in ``rouge.py``
(Gazeta and RBC dev at 3 sentences).  Folds: line number modulo 5, training on the other
folds of Gazeta, RBC and the 19 leads dev documents.  No test split is read.

    python benchmarks/compare_learners.py [--redundancy 0.2]

Candidates: ``lr`` (the shipped recipe: logistic regression on the greedy oracle),
``lr-C0.1`` (ten times the penalty), ``hgb`` (scikit-learn's HistGradientBoostingClassifier,
depth 3, on the same labels) and ``ridge-soft`` (ridge regression on each sentence's own
ROUGE-1 F1 against the reference, the soft label).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from cv_summarizer import FOLDS, LEADS, SHARED, documents
from rouge import METRICS, WordTokenizer, load, razdel_sentences

from summarize import scoring
from summarize.features import document_features
from summarize.sentence_model import fit_model, oracle, rouge_tokens
from summarize.summarizer import DEFAULT_POSITION, DEFAULT_REDUNDANCY
from summarize.text import sentences as split_sentences

Scorer = Callable[[list], list[float]]


def prepare(doc: dict) -> dict:
    """Sentences, vectors, centrality, rows, oracle labels and soft labels of one document."""
    idf, unseen = scoring.shipped_idf()
    spans = split_sentences(doc["text"])
    vectors, centrality, rows = document_features(doc["text"], spans, idf, unseen, DEFAULT_POSITION)
    k = max(1, len(split_sentences(doc["summary"])))
    picked = set(oracle([s.text for s in spans], doc["summary"], k))
    reference = rouge_tokens(doc["summary"])
    soft = []
    for span in spans:
        tokens = rouge_tokens(span.text)
        overlap = sum(min(tokens.count(t), reference.count(t)) for t in set(tokens))
        soft.append(2 * overlap / (len(tokens) + len(reference)) if overlap else 0.0)
    return {**doc, "spans": spans, "vectors": vectors, "centrality": centrality, "rows": rows,
            "labels": [i in picked for i in range(len(spans))], "soft": soft}  # fmt: skip


def training_set(docs: Sequence[dict], soft: bool) -> tuple[list, list]:
    pairs = [
        (row, (doc["soft"] if soft else doc["labels"])[i])
        for doc in docs
        for i, row in enumerate(doc["rows"])
        if row is not None
    ]
    return [row for row, _ in pairs], [label for _, label in pairs]


def learners() -> dict[str, Callable[[Sequence[dict]], Scorer]]:
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import Ridge
    from sklearn.preprocessing import StandardScaler

    def lr(regularization: float) -> Callable[[Sequence[dict]], Scorer]:
        def train(docs: Sequence[dict]) -> Scorer:
            model = fit_model(*training_set(docs, soft=False), regularization=regularization)
            return lambda rows: [model.probability(row) for row in rows]

        return train

    def hgb(docs: Sequence[dict]) -> Scorer:
        x, y = training_set(docs, soft=False)
        model = HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05, max_iter=100, random_state=0)
        model.fit(np.array(x), np.array(y))
        return lambda rows: model.predict_proba(np.array(rows))[:, 1].tolist()

    def ridge_soft(docs: Sequence[dict]) -> Scorer:
        x, y = training_set(docs, soft=True)
        scaler = StandardScaler().fit(np.array(x))
        model = Ridge(alpha=1.0).fit(scaler.transform(np.array(x)), np.array(y))
        return lambda rows: np.clip(model.predict(scaler.transform(np.array(rows))), 0, 1).tolist()

    return {"lr": lr(1.0), "lr-C0.1": lr(0.1), "hgb": hgb, "ridge-soft": ridge_soft}


def summary(doc: dict, scorer: Scorer, redundancy: float, k: int = 3) -> str:
    full = [i for i, row in enumerate(doc["rows"]) if row is not None]
    probabilities = dict(zip(full, scorer([doc["rows"][i] for i in full]) if full else []))
    relevance = [probabilities.get(i, 0.1 * c - 1.0) for i, c in enumerate(doc["centrality"])]
    scores = scoring.rank(relevance, doc["vectors"], redundancy, k)
    chosen = sorted(sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:k])
    return " ".join(doc["spans"][i].text for i in chosen)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--redundancy", type=float, default=DEFAULT_REDUNDANCY)
    args = parser.parse_args(argv)

    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=False, tokenizer=WordTokenizer())
    docs = [prepare(doc) for doc in documents(args.data, "dev")]
    extra = [prepare(doc) for doc in load(LEADS, "dev")]

    def mean_rouge(subset: Sequence[dict], outputs: dict[str, str]) -> str:
        rows = [scorer.score(d["summary"], outputs[d["id"]]) for d in subset]
        return "/".join(f"{100 * sum(r[m].fmeasure for r in rows) / len(rows):.2f}" for m in METRICS)

    sources = ("gazeta", "rbc")
    print(f"dev, {FOLDS}-fold CV, 3 sentences, redundancy {args.redundancy}; R-1/R-2/R-L")
    print("| learner | " + " | ".join(sources) + " |")
    print("|---|" + "---|" * len(sources))
    lead = {d["id"]: " ".join(razdel_sentences(d["text"])[:3]) for d in docs}
    cells = [mean_rouge([d for d in docs if d["source"] == s], lead) for s in sources]
    print("| Lead-3 | " + " | ".join(cells) + " |")
    for name, train in learners().items():
        outputs = {}
        for fold in range(FOLDS):
            model = train([d for d in docs if d["fold"] != fold] + extra)
            for d in docs:
                if d["fold"] == fold:
                    outputs[d["id"]] = summary(d, model, args.redundancy)
        cells = [mean_rouge([d for d in docs if d["source"] == s], outputs) for s in sources]
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
