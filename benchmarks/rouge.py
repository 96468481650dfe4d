"""ROUGE of extractive summarisers on Russian news with reference summaries, side by side.

Every system runs on the same documents in one process and is scored with the
``rouge-score`` package (F1 of ROUGE-1, ROUGE-2 and ROUGE-L, averaged over
documents, x100).  The package's own tokenizer keeps only ``[a-z0-9]`` and
would score every Russian summary 0, so it is given :class:`WordTokenizer`:
lower case, ``ё`` as ``е``, tokens are Unicode ``\\w+`` runs, no stemming.

Systems: ``ours`` (``summarize(text, sentences=K)`` with default settings),
``ours+title`` (the same given the headline, when the data has a ``title``),
``lead`` (the first K sentences), ``oracle`` (greedy choice of the K sentences
that best match the reference: the headroom), and, when installed
(``pip install -e ".[bench]"``), sumy's LexRank, TextRank and Luhn and summa's
TextRank.  The baselines and peers see the text cut into sentences by razdel,
line by line; ours uses its own splitter.  ``--ablation`` adds rows for
``ours`` with one setting changed (for choosing defaults on a dev split).

Data: JSONL with ``text`` and ``summary`` (and optionally ``split``, ``title``),
e.g. ``data/summaries/factrueval_leads.jsonl``:

    python benchmarks/rouge.py --data data/summaries/factrueval_leads.jsonl --sentences 1 --split test
    python benchmarks/rouge.py --data ../shared/data/summaries/gazeta_2k_yumpkin.jsonl --split dev --ablation
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from razdel import sentenize

from summarize import Summarizer

PEERS = ("lexrank", "textrank", "luhn", "summa")
SYSTEMS = ("ours", "ours+title", "lead", *PEERS, "oracle")
ABLATIONS = {
    "ours idf=document": {"idf": "document"},
    "ours position=0": {"position": 0.0},
    "ours position=0.1": {"position": 0.1},
    "ours position=1": {"position": 1.0},
    "ours redundancy=0": {"redundancy": 0.0},
    "ours redundancy=0.4": {"redundancy": 0.4},
}

System = Callable[[dict, list[str], int], str]
METRICS = ("rouge1", "rouge2", "rougeL")


class WordTokenizer:
    """Tokenizer for ``rouge_score``: lower-cased ``\\w+`` runs, ``ё`` as ``е``, Cyrillic kept."""

    pattern = re.compile(r"\w+")

    def tokenize(self, text: str) -> list[str]:
        return self.pattern.findall(text.lower().replace("ё", "е"))


def razdel_sentences(text: str) -> list[str]:
    """The sentences of ``text`` for the baselines: razdel within each non-empty line."""
    result = []
    for line in text.splitlines():
        result.extend(piece.text.strip() for piece in sentenize(line) if piece.text.strip())
    return result


def load(path: Path, split: str) -> list[dict]:
    """Documents of ``path`` with a text and a summary, restricted to ``split`` when rows have one."""
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    rows = [row for row in rows if row.get("text") and row.get("summary")]
    if split != "all" and any("split" in row for row in rows):
        rows = [row for row in rows if row.get("split") == split]
    return rows


# -- systems ---------------------------------------------------------------------------
def ours(**params: object) -> System:
    model = Summarizer(**params)

    def run(doc: dict, sentences: list[str], k: int) -> str:
        return str(model.set_params(sentences=k).summarize(doc["text"]))

    return run


def ours_with_title(doc: dict, sentences: list[str], k: int) -> str:
    return str(Summarizer(sentences=k).summarize(doc["text"], title=doc.get("title") or None))


def lead(doc: dict, sentences: list[str], k: int) -> str:
    return " ".join(sentences[:k])


# Stop words for the sumy peers (sumy ships none for Russian, summa's Russian list is empty):
# the commonest Russian function words, by kind.  Peers' scores move by a point or more with
# the list, so it is kept short and plain, like the lists such tools are usually run with.
FUNCTION_WORDS = frozenset(
    """
    я мне меня мы нас нам ты вы вас вам он его него ему им нем она ее её неё нее ей они их них
    оно это эта эти этот того тот те той том тем себя свой наш весь все всех всего такой чей чья чье
    кто что чего чем где когда как так там здесь тут вот
    в во на с со к ко о об от до по за из у при под над без для через про между
    и а но или либо да ни же ли бы не нет ведь даже только уже еще ещё тоже также однако хотя если
    чтобы то ну очень может надо
    быть был была было были есть будет
    """.split()
)


class _SentenceTokenizer:
    """What sumy asks of a tokenizer, over sentences already cut by razdel."""

    language = "russian"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(razdel_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(WordTokenizer.pattern.findall(sentence))


def sumy_system(name: str) -> System:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    kind = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "luhn": LuhnSummarizer}[name]
    summarizer = kind(Stemmer("russian"))
    summarizer.stop_words = FUNCTION_WORDS
    tokenizer = _SentenceTokenizer()

    def run(doc: dict, sentences: list[str], k: int) -> str:
        document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
        chosen = {str(s) for s in summarizer(document, k)}
        return " ".join([s for s in sentences if s in chosen][:k])

    return run


def summa_system() -> System:
    from summa.summarizer import summarize as summa_summarize

    def run(doc: dict, sentences: list[str], k: int) -> str:
        # One sentence a line, so that summa scores the same units; it returns them in order.
        scored = summa_summarize("\n".join(sentences), language="russian", ratio=1.0, split=True, scores=True)
        if not scored:
            return " ".join(sentences[:k])
        best = sorted(range(len(scored)), key=lambda i: -scored[i][1])[:k]
        return " ".join(scored[i][0] for i in sorted(best))

    return run


def oracle_system(scorer: object) -> System:
    """Greedy oracle: add the sentence that most raises R-1 + R-2 F1 against the reference, up to K."""

    def gain(reference: str, candidate: str) -> float:
        scores = scorer.score(reference, candidate)
        return scores["rouge1"].fmeasure + scores["rouge2"].fmeasure

    def run(doc: dict, sentences: list[str], k: int) -> str:
        chosen: list[int] = []
        best = 0.0
        while len(chosen) < k:
            pick = None
            for i in range(len(sentences)):
                if i not in chosen:
                    value = gain(doc["summary"], " ".join(sentences[j] for j in sorted([*chosen, i])))
                    if value > best:
                        best, pick = value, i
            if pick is None:
                break
            chosen.append(pick)
        return " ".join(sentences[i] for i in sorted(chosen))

    return run


def build(name: str, oracle_scorer: object) -> System | None:
    """The system called ``name``, or None when its package is not installed."""
    try:
        if name in ("lexrank", "textrank", "luhn"):
            return sumy_system(name)
        if name == "summa":
            return summa_system()
    except ImportError as error:
        print(f"[{name}] skipped: {error} (pip install -e '.[bench]')", file=sys.stderr)
        return None
    if name in ABLATIONS:
        return ours(**ABLATIONS[name])
    return {"ours": ours(), "ours+title": ours_with_title, "lead": lead}.get(name) or oracle_system(
        oracle_scorer
    )


# -- measuring -------------------------------------------------------------------------
def measure(
    name: str, system: System, docs: Sequence[dict], sentences: Sequence[list[str]], k: int, scorer: object
) -> dict:
    """Average F1 x100 of one system over ``docs``, its summaries' mean length in words and its docs/s."""
    system(docs[0], sentences[0], k)  # warm-up: imports and caches do not count
    start = time.perf_counter()
    outputs = [system(doc, sents, k) for doc, sents in zip(docs, sentences, strict=True)]
    elapsed = time.perf_counter() - start
    per_doc = []
    for doc, output in zip(docs, outputs, strict=True):
        scores = scorer.score(doc["summary"], output)
        per_doc.append(tuple(100 * scores[key].fmeasure for key in METRICS))
    n = len(docs)
    words = sum(len(WordTokenizer.pattern.findall(o)) for o in outputs) / n
    return {
        "system": name,
        **{key: sum(row[j] for row in per_doc) / n for j, key in enumerate(METRICS)},
        "words": words,
        "docs/s": n / elapsed if elapsed else float("inf"),
        "per_doc": per_doc,
    }


def paired_bootstrap(
    ours: Sequence[tuple[float, ...]], other: Sequence[tuple[float, ...]], resamples: int, seed: int = 0
) -> list[tuple[float, float, float, float]]:
    """Ours minus another system, per metric: mean, 95% interval over documents resampled with
    replacement (the same documents for both), and the share of resamples where ours is not behind."""
    rng = random.Random(seed)
    n = len(ours)
    differences = [[a - b for a, b in zip(x, y, strict=True)] for x, y in zip(ours, other, strict=True)]
    means: list[list[float]] = [[] for _ in METRICS]
    for _ in range(resamples):
        sample = [differences[rng.randrange(n)] for _ in range(n)]
        for j in range(len(METRICS)):
            means[j].append(sum(row[j] for row in sample) / n)
    result = []
    for j, values in enumerate(means):
        values.sort()
        mean = sum(row[j] for row in differences) / n
        low, high = values[int(0.025 * resamples)], values[int(0.975 * resamples) - 1]
        result.append((mean, low, high, sum(v >= 0 for v in values) / resamples))
    return result


def bootstrap_table(rows: Sequence[dict], resamples: int) -> str:
    """``ours`` against every other row: mean difference [95% interval], share of resamples >= 0."""
    ours_row = next(row for row in rows if row["system"] == "ours")
    lines = [
        f"paired bootstrap over documents ({resamples} resamples): ours minus system, "
        "mean [95% interval] and share of resamples with ours >= system",
        "| ours − system | R-1 | R-2 | R-L |",
        "|---|---|---|---|",
    ]
    for row in rows:
        if row is ours_row:
            continue
        cells = [
            f"{mean:+.2f} [{low:+.2f}, {high:+.2f}] {share:.0%}"
            for mean, low, high, share in paired_bootstrap(ours_row["per_doc"], row["per_doc"], resamples)
        ]
        lines.append(f"| {row['system']} | {' | '.join(cells)} |")
    return "\n".join(lines)


def table(rows: Sequence[dict]) -> str:
    lines = ["| system | R-1 | R-2 | R-L | words | docs/s |", "|---|---|---|---|---|---|"]
    for row in rows:
        lines.append(
            f"| {row['system']} | {row['rouge1']:.2f} | {row['rouge2']:.2f} | {row['rougeL']:.2f} "
            f"| {row['words']:.0f} | {row['docs/s']:.0f} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="JSONL with text and summary")
    parser.add_argument("--sentences", type=int, default=3, help="sentences per summary (default 3)")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test", help="default test")
    parser.add_argument(
        "--systems", default=",".join(SYSTEMS), help=f"comma-separated, of {', '.join(SYSTEMS)}"
    )
    parser.add_argument("--ablation", action="store_true", help="add ours with one setting changed")
    parser.add_argument(
        "--bootstrap",
        type=int,
        default=0,
        metavar="N",
        help="also print ours minus every system with a paired bootstrap of N resamples (e.g. 1000)",
    )
    args = parser.parse_args(argv)

    from rouge_score import rouge_scorer

    tokenizer = WordTokenizer()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False, tokenizer=tokenizer)
    oracle_scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=False, tokenizer=tokenizer)

    docs = load(args.data, args.split)
    if not docs:
        raise SystemExit(f"no documents with text and summary in {args.data} (split {args.split})")
    names = [name.strip() for name in args.systems.split(",") if name.strip()]
    unknown = [name for name in names if name not in SYSTEMS]
    if unknown:
        raise SystemExit(f"unknown systems {unknown}; known: {', '.join(SYSTEMS)}")
    if not any(doc.get("title") for doc in docs) and "ours+title" in names:
        names.remove("ours+title")
    if args.ablation:
        names[names.index("ours") + 1 if "ours" in names else 0 : 0] = list(ABLATIONS)
    sentences = [razdel_sentences(doc["text"]) for doc in docs]

    rows = []
    for name in names:
        system = build(name, oracle_scorer)
        if system is not None:
            rows.append(measure(name, system, docs, sentences, args.sentences, scorer))
    reference_words = sum(len(tokenizer.tokenize(doc["summary"])) for doc in docs) / len(docs)
    print(
        f"{args.data.name} split={args.split} docs={len(docs)} sentences={args.sentences} "
        f"reference words={reference_words:.1f}; ROUGE F1 x100, rouge-score {_version('rouge-score')}"
    )
    print(table(rows))
    if args.bootstrap and any(row["system"] == "ours" for row in rows):
        print()
        print(bootstrap_table(rows, args.bootstrap))


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    main()
