"""The annotated quotation documents, split into five fixed folds by document.

    from quote_folds import load_documents, SEALED_FOLD

A document's fold is its name's SHA-256 modulo 5: fixed before any work on the
learned quotation models began (6 December 2026), independent of its content.  The
errors of fold 4 (:data:`SEALED_FOLD`, 180 documents) were never read while rules and
features were written, so its score is the cleanest held-out number we have (that of its
documents outside :data:`READ_IN_SEALED` above all); the other folds were read for error
analysis, so their cross-validated scores are honest for the learned weights but not entirely
for the hand-written rules and features.

Gold files default to ``../shared/data/quotes/train.jsonl`` (826 documents) and the
project's ``data/quotes_dev.jsonl`` (53); texts are looked up by file name under
``../shared/data/news``, ``data/news`` and ``tests/fixtures``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
GOLD = (SHARED / "quotes" / "train.jsonl", ROOT / "data" / "quotes_dev.jsonl")
TEXTS = (SHARED / "news", ROOT / "data" / "news", ROOT / "tests" / "fixtures")
FOLDS = 5
SEALED_FOLD = 4
READ_IN_SEALED = frozenset(
    {
        # fold-4 documents whose texts or speakers were read on 7 December 2026, while naming rules
        # were checked over all texts: their scores are no longer held out
        "devset_book_179.txt",
        "gazeta_gazeta2k-031.txt",
        "gazeta_gazeta2k-281.txt",
        "gazeta_gazeta2k-313.txt",
        "gazeta_gazeta2k-368.txt",
        "gazeta_gazeta2k-388.txt",
        "rbc_rbc-145.txt",
        "rbc_rbc-232.txt",
        # read on 7 December 2026 (a later session): short pairs of marks after a colon were listed
        # over all documents, and these two fold-4 texts were among them
        "devset_book_347.txt",
        "testset_book_3539.txt",
    }
)


def fold_of(doc: str) -> int:
    """The fold of a document, from its file name alone."""
    return int(hashlib.sha256(doc.encode("utf-8")).hexdigest(), 16) % FOLDS


def source_of(doc: str) -> str:
    """``gazeta``, ``rbc`` or ``factrueval`` (the seed article counts with factRuEval)."""
    head = doc.split("_", 1)[0]
    return head if head in ("gazeta", "rbc") else "factrueval"


@dataclass
class Document:
    doc: str
    text: str
    quotes: list[dict]
    fold: int
    source: str
    origin: str = ""  # the gold file's name


def find_texts(directories: tuple[Path, ...] = TEXTS) -> dict[str, Path]:
    """Every ``*.txt`` under ``directories`` by file name (the first one found wins)."""
    found: dict[str, Path] = {}
    for directory in directories:
        if directory.is_dir():
            for path in sorted(directory.rglob("*.txt")):
                found.setdefault(path.name, path)
    return found


def load_documents(gold: tuple[Path, ...] = GOLD, texts: tuple[Path, ...] = TEXTS) -> list[Document]:
    """The annotated documents of ``gold`` whose texts are found, in file order."""
    paths = find_texts(texts)
    out = []
    for path in gold:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            text_path = paths.get(row["doc"])
            if text_path is None:
                raise FileNotFoundError(f"text of {row['doc']} not found under {[str(t) for t in texts]}")
            name, text = row["doc"], text_path.read_text(encoding="utf-8")
            out.append(Document(name, text, row["quotes"], fold_of(name), source_of(name), path.name))
    return out
