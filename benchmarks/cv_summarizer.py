"""Cross-validation of ``Summarizer.fit(texts, summaries)`` through the public API, against Lead-3.

Gazeta and RBC documents are cut into five fixed folds (a document's fold is its line
number in its file modulo 5, fixed before any result was seen).  For each fold, a fresh
``Summarizer(sentences=3).fit(texts, summaries)`` learns from the other four folds of both
sources and summarises the fifth; Lead-3 (razdel sentences, as in ``rouge.py``) runs on the
same documents.  Printed per source: ROUGE F1 x100 of both and the margin, with a paired
bootstrap; and the time each ``fit`` took.

    python benchmarks/cv_summarizer.py                # all 794 documents (the issue's acceptance)
    python benchmarks/cv_summarizer.py --split dev    # the 200 dev documents only (for design)

``--split dev`` also adds the 19 dev documents of the factRuEval leads set to every training
fold, as the shipped model has them.  The data is read from ``../shared/data/summaries``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from rouge import METRICS, WordTokenizer, load, paired_bootstrap, razdel_sentences

from summarize import Summarizer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "summaries"
SOURCES = {"gazeta": "gazeta_2k_yumpkin.jsonl", "rbc": "rbc_overview_yumpkin.jsonl"}
LEADS = ROOT / "data" / "summaries" / "factrueval_leads.jsonl"
FOLDS = 5


def documents(data: Path, split: str) -> list[dict]:
    """Gazeta and RBC rows of ``split`` (``all`` for every row), each with its source and fold."""
    rows = []
    for source, name in SOURCES.items():
        for line_number, row in enumerate(load(data / name, "all")):
            if split == "all" or row.get("split") == split:
                rows.append({**row, "source": source, "fold": line_number % FOLDS})
    return rows


def cross_validate(docs: Sequence[dict], extra: Sequence[dict], k: int) -> tuple[dict, list[float]]:
    """Each document's summary by a model fitted on the other folds, and each fit's seconds."""
    outputs: dict[str, str] = {}
    seconds = []
    for fold in range(FOLDS):
        train = [doc for doc in docs if doc["fold"] != fold] + list(extra)
        start = time.perf_counter()
        model = Summarizer(sentences=k).fit([d["text"] for d in train], [d["summary"] for d in train])
        seconds.append(time.perf_counter() - start)
        for doc in docs:
            if doc["fold"] == fold:
                outputs[doc["id"]] = str(model.summarize(doc["text"]))
    return outputs, seconds


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="folder of the Gazeta and RBC files")
    parser.add_argument("--split", choices=("all", "dev"), default="all")
    parser.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="resamples (default 1000)")
    args = parser.parse_args(argv)

    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=False, tokenizer=WordTokenizer())
    docs = documents(args.data, args.split)
    extra = load(LEADS, "dev") if args.split == "dev" else []
    fitted, seconds = cross_validate(docs, extra, 3)
    print(
        f"{len(docs)} documents ({args.split}), {FOLDS} folds by line number; "
        f"fit on ~{len(docs) * (FOLDS - 1) // FOLDS + len(extra)} documents took "
        f"{min(seconds):.1f}-{max(seconds):.1f} s"
    )
    print("| source | fitted, R-1/R-2/R-L | Lead-3 | fitted − Lead-3, mean [95% interval] share ahead |")
    print("|---|---|---|---|")
    for source in SOURCES:
        subset = [doc for doc in docs if doc["source"] == source]
        rows = {}
        for name, output in (
            ("fitted", lambda d: fitted[d["id"]]),
            ("lead", lambda d: " ".join(razdel_sentences(d["text"])[:3])),
        ):
            per_doc = []
            for doc in subset:
                scores = scorer.score(doc["summary"], output(doc))
                per_doc.append(tuple(100 * scores[key].fmeasure for key in METRICS))
            rows[name] = per_doc
        means = {
            name: "/".join(f"{sum(r[j] for r in per_doc) / len(per_doc):.2f}" for j in range(len(METRICS)))
            for name, per_doc in rows.items()
        }
        cells = [
            f"{mean:+.2f} [{low:+.2f}, {high:+.2f}] {share:.0%}"
            for mean, low, high, share in paired_bootstrap(rows["fitted"], rows["lead"], args.bootstrap)
        ]
        print(f"| {source} ({len(subset)}) | {means['fitted']} | {means['lead']} | R-1 {cells[0]} |")


if __name__ == "__main__":
    main()
