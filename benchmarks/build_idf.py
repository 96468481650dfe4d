"""Build ``summarize/data/idf.tsv``: lemma document frequencies over the factRuEval news texts.

The 254 texts of ``data/news/factrueval`` (factRuEval-2016, MIT) are analysed
with the library's own :func:`summarize.scoring.terms`, so the shipped IDF
matches the lemmas the summariser sees.  Lemmas found in a single text are
left out (they get the IDF of an unseen lemma, which is close), keeping the
file small.  Run from the project root:

    python benchmarks/build_idf.py [--data data/news/factrueval] [--out summarize/data/idf.tsv]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from summarize.scoring import terms

ROOT = Path(__file__).resolve().parent.parent


def document_frequencies(paths: list[Path]) -> Counter[str]:
    """In how many of the texts each content lemma occurs."""
    df: Counter[str] = Counter()
    for path in paths:
        df.update(set(terms(path.read_text(encoding="utf-8"))))
    return df


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "news" / "factrueval")
    parser.add_argument("--out", type=Path, default=ROOT / "summarize" / "data" / "idf.tsv")
    parser.add_argument("--min-df", type=int, default=2, help="leave out rarer lemmas (default 2)")
    args = parser.parse_args()
    paths = sorted(args.data.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt files in {args.data}")
    df = document_frequencies(paths)
    kept = sorted((lemma, count) for lemma, count in df.items() if count >= args.min_df)
    kept.sort(key=lambda item: -item[1])
    lines = [
        "# Document frequencies of content lemmas (summarize.scoring.terms) in the factRuEval-2016 news",
        "# texts (dialogue-evaluation/factRuEval-2016, MIT); built by benchmarks/build_idf.py.",
        f"# lemmas in at least {args.min_df} texts: lemma<TAB>df",
        f"# documents: {len(paths)}",
    ]
    lines += [f"{lemma}\t{count}" for lemma, count in kept]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(kept)} of {len(df)} lemmas from {len(paths)} texts")


if __name__ == "__main__":
    main()
