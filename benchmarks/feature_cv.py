"""Which sentence features help: repeated 5-fold cross-validation on the dev splits, with ablations.

One split of 200 documents into five folds is a noisy yardstick: with the features of
``summarize/features.py`` as of the ``novelty`` feature, the margin over Lead-3 of the same model
moves by about ±0.3 R-1 from one random partition of the dev documents to the next (and the fixed
partition of ``cv_summarizer.py``, line number modulo 5, happens to be one of the kindest).  So
this script scores each variant over several partitions: the line-number one, then ``--partitions
- 1`` random ones (seeded, fixed); every variant sees the same partitions, so their differences
are paired.

Per fold it does what ``Summarizer(sentences=3).fit(texts, summaries)`` does (IDF fitted on the
training texts, greedy-oracle labels, :func:`summarize.sentence_model.fit_model`) and summarises
the held-out documents with the package's relevance and MMR; Lead-3 is razdel's, as in
``rouge.py``.  A feature is dropped by setting its column to 0 in training and use (a constant
column gets weight 0 under the L2 penalty), so ``--drop novelty`` is the model without it.
The 19 dev documents of the leads set join every training fold, as in ``cv_summarizer.py``.

    python benchmarks/feature_cv.py                                # all features, 12 partitions
    python benchmarks/feature_cv.py --drop novelty --drop quoted   # two ablations, one row each

Printed per variant and source: R-1 x100 minus Lead-3, mean over partitions, its spread (sd)
across partitions, and the margin on the line-number partition; with ablations, in how many
partitions the full model beats each.  Only dev documents are read.
"""

from __future__ import annotations

import argparse
import random
import statistics
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from cv_summarizer import FOLDS, LEADS, SHARED, SOURCES, documents
from rouge import WordTokenizer, load, razdel_sentences

from summarize import scoring
from summarize.features import FEATURES, Row, document_features
from summarize.sentence_model import fit_model, labelled_rows
from summarize.summarizer import DEFAULT_POSITION, DEFAULT_REDUNDANCY
from summarize.text import sentences as split_sentences

K = 3


@cache
def _scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1"], use_stemmer=False, tokenizer=WordTokenizer())


def r1(candidate: str, reference: str) -> float:
    """ROUGE-1 F1 x100, scored by ``rouge-score`` on the tokens of ``rouge.py``, as ``rouge.py`` does."""
    return 100 * _scorer().score(reference, candidate)["rouge1"].fmeasure


def partitions(docs: Sequence[dict], n: int) -> list[dict[str, int]]:
    """The line-number partition, then ``n - 1`` seeded random ones: document id -> fold."""
    result = [{doc["id"]: doc["fold"] for doc in docs}]
    for seed in range(1, n):
        rng = random.Random(seed)
        result.append({doc["id"]: rng.randrange(FOLDS) for doc in docs})
    return result


def masked(row: Row, drop: frozenset[int]) -> Row:
    return tuple(0.0 if j in drop else x for j, x in enumerate(row))


def summary(doc: dict, idf: dict, unseen: float, model, drop: frozenset[int]) -> str:
    """The package's three-sentence summary of ``doc`` with ``model``, the ``drop`` columns zeroed."""
    spans = split_sentences(doc["text"])
    vectors, centrality, rows = document_features(doc["text"], spans, idf, unseen, DEFAULT_POSITION)
    relevance = model.relevance([None if r is None else masked(r, drop) for r in rows], centrality)
    scores = scoring.rank(relevance, vectors, DEFAULT_REDUNDANCY, K)
    chosen = sorted(sorted(range(len(spans)), key=lambda i: (-scores[i], i))[:K])
    return " ".join(spans[i].text for i in chosen)


def margins(
    docs: list[dict], extra: list[dict], part: dict[str, int], drop: frozenset[int]
) -> dict[str, float]:
    """Mean R-1 minus Lead-3 per source over one partition's five folds."""
    gain: dict[str, list[float]] = {source: [] for source in SOURCES}
    for fold in range(FOLDS):
        train = [doc for doc in docs if part[doc["id"]] != fold] + extra
        idf, unseen = scoring.fit_idf([doc["text"] for doc in train])
        rows, labels = [], []
        for doc in train:
            for _, row, label in labelled_rows(doc["text"], doc["summary"], idf, unseen, DEFAULT_POSITION):
                rows.append(masked(row, drop))
                labels.append(label)
        model = fit_model(rows, labels)
        for doc in docs:
            if part[doc["id"]] == fold:
                ours = r1(summary(doc, idf, unseen, model, drop), doc["summary"])
                gain[doc["source"]].append(ours - doc["lead3"])
    return {source: statistics.fmean(values) for source, values in gain.items()}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="folder of the Gazeta and RBC files")
    parser.add_argument(
        "--partitions", type=int, default=12, metavar="N", help="fold partitions (default 12)"
    )
    parser.add_argument("--drop", action="append", default=[], choices=FEATURES, help="a feature to ablate")
    args = parser.parse_args(argv)

    docs = documents(args.data, "dev")
    for doc in docs:
        doc["lead3"] = r1(" ".join(razdel_sentences(doc["text"])[:K]), doc["summary"])
    extra = load(LEADS, "dev")
    parts = partitions(docs, args.partitions)
    variants = {"all features": frozenset()} | {
        f"without {name}": frozenset({FEATURES.index(name)}) for name in args.drop
    }
    print(f"{len(docs)} dev documents, {len(parts)} partitions into {FOLDS} folds; R-1 x100 minus Lead-3")
    print("| variant | " + " | ".join(f"{s}: mean (sd) [line-number folds]" for s in SOURCES) + " |")
    print("|---|" + "---|" * len(SOURCES))
    results = {}
    for name, drop in variants.items():
        per_part = [margins(docs, extra, part, drop) for part in parts]
        results[name] = per_part
        cells = []
        for source in SOURCES:
            values = [m[source] for m in per_part]
            cells.append(
                f"{statistics.fmean(values):+.2f} ({statistics.pstdev(values):.2f}) [{values[0]:+.2f}]"
            )
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    full = results["all features"]
    for name in list(variants)[1:]:
        wins = [sum(a[s] > b[s] for a, b in zip(full, results[name])) for s in SOURCES]
        print(
            f"all features beat {name} in "
            + ", ".join(f"{w}/{len(parts)} ({s})" for w, s in zip(wins, SOURCES))
        )


if __name__ == "__main__":
    main()
