"""A second dev set of the leads kind: factRuEval dev texts with their first paragraph as reference.

The leads set (``data/summaries/factrueval_leads.jsonl``) has only 19 dev
documents, too few to choose anything on.  This builds a proxy from the other
factRuEval *dev* texts (never the test ones): a text that is not in the leads
set, whose first paragraph is a single sentence and whose rest has at least 60
words, becomes ``summary`` = that paragraph, ``text`` = the rest, ``split`` =
``dev``, which is how the leads set and the RBC set were built (the opening
removed, and the opening is the reference).  It is a proxy: the first paragraph
is often the body's own lead rather than an editor's standfirst.  Run from the
project root:

    python benchmarks/lead_proxy.py > /tmp/lead_proxy.jsonl
    python benchmarks/rouge.py --data /tmp/lead_proxy.jsonl --split dev --sentences 1 --ablation
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from summarize.text import sentences

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "data" / "news" / "factrueval"
LEADS = ROOT / "data" / "summaries" / "factrueval_leads.jsonl"
MIN_WORDS = 60
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


def proxy_rows() -> list[dict]:
    """One row per qualifying dev text, in file-name order."""
    with LEADS.open(encoding="utf-8") as handle:
        in_leads = {json.loads(line)["id"] for line in handle if line.strip()}
    rows = []
    for path in sorted(NEWS.glob("devset_*.txt")):
        if path.stem in in_leads:
            continue
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n").strip()
        paragraphs = PARAGRAPH_BREAK.split(text)
        first, rest = paragraphs[0], "\n\n".join(paragraphs[1:])
        if len(paragraphs) < 2 or "\n" in first or len(sentences(first)) != 1:
            continue
        if len(re.findall(r"\w+", rest)) >= MIN_WORDS:
            rows.append({"id": path.stem, "split": "dev", "summary": first, "text": rest})
    return rows


def main() -> None:
    for row in proxy_rows():
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
