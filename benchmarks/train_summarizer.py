"""Build the sentence model that ships with the package, from the dev splits only.

Two steps, both deterministic:

1. ``--table``: every full sentence of the *dev* documents of Gazeta, RBC (read from
   ``../shared/data/summaries``, which may not be copied into the repository) and the
   factRuEval leads set (``data/summaries/factrueval_leads.jsonl``) becomes one row of
   ``data/summaries/train_features.tsv``: its source, document id, sentence index,
   oracle label (:func:`summarize.sentence_model.labelled_rows`, shipped IDF, default
   position) and feature values.  Numbers only, no text.
2. Always: a logistic regression is fitted on that table
   (:func:`summarize.sentence_model.fit_model`) and written, as plain numbers, to
   ``summarize/data/sentence_model.tsv``.

Run from the project root:

    python benchmarks/train_summarizer.py --table   # needs ../shared; rebuilds the table, then the model
    python benchmarks/train_summarizer.py           # the model from the table in the repository

No test split is read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from summarize import scoring
from summarize.features import FEATURES
from summarize.sentence_model import SentenceModel, fit_model, labelled_rows
from summarize.summarizer import DEFAULT_POSITION

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "summaries"
SOURCES = {
    "gazeta": SHARED / "gazeta_2k_yumpkin.jsonl",
    "rbc": SHARED / "rbc_overview_yumpkin.jsonl",
    "leads": ROOT / "data" / "summaries" / "factrueval_leads.jsonl",
}
TABLE = ROOT / "data" / "summaries" / "train_features.tsv"
MODEL = ROOT / "summarize" / "data" / "sentence_model.tsv"
COLUMNS = ("source", "document", "sentence", "label", *FEATURES)
DIGITS = 6


def dev_documents(path: Path) -> list[dict]:
    """The rows of a JSONL file whose split is ``dev``, in file order."""
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [row for row in rows if row.get("split") == "dev"]


def table_lines(source: str, documents: list[dict]) -> list[str]:
    """One TSV line per full sentence of ``documents``: ids, oracle label, features."""
    idf, unseen = scoring.shipped_idf()
    lines = []
    for doc in documents:
        for index, row, label in labelled_rows(doc["text"], doc["summary"], idf, unseen, DEFAULT_POSITION):
            values = "\t".join(f"{x:.{DIGITS}f}" for x in row)
            lines.append(f"{source}\t{doc['id']}\t{index}\t{int(label)}\t{values}")
    return lines


def write_table(path: Path = TABLE) -> int:
    """Rebuild the training table from the dev splits; returns its number of rows."""
    missing = [str(p) for p in SOURCES.values() if not p.exists()]
    if missing:
        raise SystemExit(f"--table needs the dev splits: missing {', '.join(missing)}")
    lines = [
        "# Training table of the shipped sentence model: one row per full sentence of the dev documents",
        "# of Gazeta (gazeta_2k_yumpkin), RBC (rbc_overview_yumpkin) and the factRuEval leads set; numbers",
        "# only (no text). Built by benchmarks/train_summarizer.py --table; see data/README.md for terms.",
        "\t".join(COLUMNS),
    ]
    for source, path_ in SOURCES.items():
        lines += table_lines(source, dev_documents(path_))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 4


def read_table(path: Path = TABLE) -> list[dict]:
    """The table's rows: ``source``, ``document``, ``sentence``, ``label`` and ``row`` (the features)."""
    rows = []
    header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = tuple(cells)
            if header != COLUMNS:
                raise SystemExit(f"{path}: columns {header} are not {COLUMNS}; rebuild with --table")
            continue
        rows.append(
            {
                "source": cells[0],
                "document": cells[1],
                "sentence": int(cells[2]),
                "label": cells[3] == "1",
                "row": tuple(float(x) for x in cells[4:]),
            }
        )
    return rows


def fit_table(path: Path = TABLE) -> SentenceModel:
    """The sentence model fitted on the training table."""
    rows = read_table(path)
    return fit_model([r["row"] for r in rows], [r["label"] for r in rows])


def model_text(model: SentenceModel, rows: int) -> str:
    """The model file: what it is, what it was trained on, its weights and intercept."""
    return model.to_tsv(
        [
            "Sentence model of summarize (summarize/sentence_model.py): the probability that a sentence",
            "is in the greedy ROUGE oracle extract is 1 / (1 + exp(-(intercept + sum of weight * feature))),",
            f"the features those of summarize/features.py (position decay {DEFAULT_POSITION}). A logistic",
            f"regression fitted by benchmarks/train_summarizer.py on {rows} sentences of the dev splits",
            "of Gazeta, RBC and the factRuEval leads set (data/summaries/train_features.tsv).",
            "Terms: summarize/data/README.md.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", action="store_true", help="rebuild the table from ../shared first")
    args = parser.parse_args()
    if args.table:
        print(f"{TABLE}: {write_table()} rows")
    model = fit_table()
    MODEL.write_text(model_text(model, len(read_table())), encoding="utf-8")
    print(
        f"{MODEL}: intercept {model.intercept:+.3f}, "
        + ", ".join(f"{name} {weight:+.3f}" for name, weight in zip(model.features, model.weights))
    )


if __name__ == "__main__":
    main()
