"""How well the quotations without marks are found: ``block`` and ``dash`` quotes, folds 0-3.

    python benchmarks/layouts_probe.py [--verbose] [--sealed] [--unlabeled FILE]

For the annotated documents of :mod:`quote_folds` (folds 0-3 unless told otherwise) prints:

* the gold ``block`` / ``dash`` quotes found (matched one-to-one by word Jaccard >= 0.5 against all
  predicted quotes, as the harness does) and those with the right speaker;
* the false ``block`` / ``dash`` quotes: predicted quotes of those types matching no gold quote,
  in documents with quotes and in the negative documents (no quote at all);
* every quote predicted in a negative document, whatever its type (the harness's count).

``--verbose`` lists, per document of folds 0-3, the gold block/dash quotes missed or given the wrong
speaker and the false block/dash quotes.  ``--sealed`` adds ONE aggregate line for the sealed fold 4
(never listed).  ``--unlabeled FILE`` runs over a JSON-lines file of texts with no annotation
(``{"id": ..., "text": ...}``, e.g. ``../shared/data/summaries/ru_news_headlines_small.jsonl``) and
lists every block/dash quote found there, for reading by eye.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from quote_folds import SEALED_FOLD, Document, load_documents  # noqa: E402
from quotes import match, right_speaker  # noqa: E402

from summarize import extract_quotes  # noqa: E402

LAYOUTS = ("block", "dash")


def measure(docs: Sequence[Document], verbose: bool) -> Counter[str]:
    tally: Counter[str] = Counter()
    for d in docs:
        predicted = [q for q in extract_quotes(d.text) if q.text.strip()]
        gold = d.quotes
        pairs = dict(match([g["quote"] for g in gold], [q.text for q in predicted]))
        used = set(pairs.values())
        tally["docs"] += 1
        tally["negative docs"] += not gold
        tally["gold"] += len(gold)
        tally["predicted"] += len(predicted)
        tally["matched"] += len(pairs)
        lines = []
        for i, g in enumerate(gold):
            if g["type"] not in LAYOUTS:
                continue
            tally[f"gold {g['type']}"] += 1
            if i not in pairs:
                lines.append(f"   missed  [{g['type']}] {g['quote'][:70]!r} <- {g['speaker']!r}")
                continue
            tally[f"found {g['type']}"] += 1
            q = predicted[pairs[i]]
            if right_speaker(g["speaker"], q.speaker):
                tally[f"right {g['type']}"] += 1
            else:
                lines.append(
                    f"   speaker [{g['type']}] {g['quote'][:50]!r}: gold {g['speaker']!r}, got {q.speaker!r}"
                )
        for j, q in enumerate(predicted):
            if not gold:
                tally["negative predicted"] += 1
            if j in used or q.type not in LAYOUTS:
                continue
            tally["false " + ("negative" if not gold else "positive")] += 1
            tally[f"false {q.type}"] += 1
            lines.append(f"   false   [{q.type}] {q.text[:70]!r} <- {q.speaker!r}")
        if verbose and lines:
            print(f"-- {d.doc} (fold {d.fold})")
            print("\n".join(lines))
    return tally


def summary(name: str, t: Counter[str]) -> str:
    found = " ".join(f"{k} {t[f'found {k}']}/{t[f'gold {k}']} (speaker {t[f'right {k}']})" for k in LAYOUTS)
    return (
        f"{name}: {t['docs']} docs ({t['negative docs']} negative) | gold found: {found} | "
        f"false block {t['false block']}, dash {t['false dash']} "
        f"(in negative docs {t['false negative']}) | all quotes in negative docs {t['negative predicted']} | "
        f"all quotes: {t['matched']}/{t['gold']} found, {t['predicted']} predicted"
    )


def unlabeled(path: Path) -> None:
    counts: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        for q in extract_quotes(row["text"]):
            if q.type in LAYOUTS:
                counts[q.type] += 1
                mention = q.speaker_mention.text if q.speaker_mention else None
                print(f"{row['id']} [{q.type}] {q.speaker!r} ({mention!r}) {q.text[:90]!r}")
    print(f"unlabeled {path.name}: block {counts['block']}, dash {counts['dash']}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list the errors of folds 0-3")
    parser.add_argument("--sealed", action="store_true", help="one aggregate line for the sealed fold 4")
    parser.add_argument("--unlabeled", type=Path, help="a JSON-lines file of unannotated texts to list")
    args = parser.parse_args(argv)
    docs = load_documents()
    open_docs = [d for d in docs if d.fold != SEALED_FOLD]
    print(summary("folds 0-3", measure(open_docs, args.verbose)))
    if args.sealed:
        print(summary("fold 4 (sealed)", measure([d for d in docs if d.fold == SEALED_FOLD], False)))
    if args.unlabeled:
        unlabeled(args.unlabeled)
    return 0


if __name__ == "__main__":
    sys.exit(main())
