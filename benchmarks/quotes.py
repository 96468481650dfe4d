"""Quotation extraction and speaker attribution on annotated Russian news, and its speed.

    python benchmarks/quotes.py [--gold data/quotes_dev.jsonl] [--texts DIR ...] [--verbose]

Reads the gold file (one JSON object per line: ``{"doc": name, "quotes": [...]}``, see
``data/README.md``; ``"quotes": []`` marks a negative document, whose marks hold only
names and terms) and the texts it names, found under the ``--texts`` directories
(default: ``data/news`` and ``tests/fixtures``).  Prints one table:

* quote P/R/F1: a predicted quote matches a gold one when the Jaccard index of their
  sets of lower-cased words is at least 0.5, one-to-one, best pairs first;
* speaker accuracy over the matched quotes: a gold person ("Даурен Косанов") is right
  when the predicted speaker holds a form of the surname; other gold speakers
  (organisations, descriptions) when the two sets of content lemmas overlap by half or
  one holds the other; a gold None only when the prediction is None too.  Words are the
  same when pymorphy3 gives them a common normal form, or, for surnames it does not know,
  when they differ only in a short ending ("Косанова" / "Косанов");
* attributed quote P/R/F1: matched, and with the right speaker;
* recall by gold type, and the quotes predicted in negative documents;
* ms/doc of ``extract_quotes`` and of ``summarize`` (3 sentences) over the 254
  factRuEval texts, both timed in this run, interleaved per document, best of several
  passes once the caches are warm.

The rules are those of the reference harness ``../shared/tools/quotes_eval.py``; this
script is written separately so that a user can run it without ``../shared``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quote_folds import find_texts  # noqa: E402

from summarize import extract_quotes, summarize  # noqa: E402
from summarize.morph import analyzer, normalize_word  # noqa: E402

WORDS = re.compile(r"\w+")
THRESHOLD = 0.5
FUNCTION_WORDS = frozenset(
    "в во на по и с со о об от для при из к у за под над не а но или же то что как".split()
)


# -- comparing quotes --------------------------------------------------------------------------------
def word_set(text: str | None) -> set[str]:
    return {w.lower() for w in WORDS.findall(text or "")}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def match(gold: Sequence[str], predicted: Sequence[str]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) with Jaccard >= 0.5, the best pairs first."""
    gold_sets = [word_set(g) for g in gold]
    pred_sets = [word_set(p) for p in predicted]
    scored = sorted(
        ((jaccard(g, p), i, j) for i, g in enumerate(gold_sets) for j, p in enumerate(pred_sets)),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score < THRESHOLD:
            break
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return pairs


# -- comparing speakers ------------------------------------------------------------------------------
_forms: dict[str, frozenset[str]] = {}


def forms(word: str) -> frozenset[str]:
    """The word and every normal form pymorphy3 gives it (lower case, ё as е)."""
    word = normalize_word(word)
    if word not in _forms:
        _forms[word] = frozenset({word} | {p.normal_form.replace("ё", "е") for p in analyzer().parse(word)})
    return _forms[word]


def same_word(a: str, b: str) -> bool:
    a, b = normalize_word(a), normalize_word(b)
    if a == b or forms(a) & forms(b):
        return True
    short = min(len(a), len(b))
    prefix = 0
    for x, y in zip(a, b):
        if x != y:
            break
        prefix += 1
    return short >= 4 and abs(len(a) - len(b)) <= 3 and prefix >= short - 1


def looks_like_person(name: str) -> bool:
    """A gold name of up to four capitalised words, none of them an acronym ("НАТО", "S&P")."""
    words = name.replace("«", " ").replace("»", " ").split()
    if not 0 < len(words) <= 4:
        return False
    for word in words:
        core = word.strip(".,")
        if not core or not core[0].isupper() or (len(core) > 1 and core.isupper()):
            return False
    return True


def same_name(gold: str, predicted: str | None) -> bool:
    """Is ``predicted`` the annotated name itself (case, ё and spacing aside)?  The speaker
    measures take a person as right when the gold surname is among the predicted words, so a name
    in the wrong case or fused with another ("Владимира Путина Дмитрий Песков") still counts; this
    one does not forgive that."""
    return " ".join(normalize_word(gold).split()) == " ".join(normalize_word(predicted or "").split())


def right_speaker(gold: str | None, predicted: str | None) -> bool:
    gold, predicted = (gold or "").strip(), (predicted or "").strip()
    if not gold:
        return not predicted
    gold_words = [w.lower() for w in WORDS.findall(gold)]
    pred_words = [w.lower() for w in WORDS.findall(predicted)]
    if not gold_words or not pred_words:
        return False
    if looks_like_person(gold):
        return any(same_word(gold_words[-1], w) for w in pred_words)
    gold_words = [w for w in gold_words if w not in FUNCTION_WORDS]
    pred_words = [w for w in pred_words if w not in FUNCTION_WORDS]
    if not gold_words or not pred_words:
        return False
    gold_found = sum(any(same_word(g, p) for p in pred_words) for g in gold_words)
    pred_found = sum(any(same_word(p, g) for g in gold_words) for p in pred_words)
    common = min(gold_found, pred_found)
    union = len(set(gold_words)) + len(set(pred_words)) - common
    return gold_found == len(gold_words) or pred_found == len(pred_words) or common / union >= 0.5


# -- the run ---------------------------------------------------------------------------------------
@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    attributed: int = 0
    negative_docs: int = 0
    negative_predicted: int = 0
    people_right: int = 0  # right speakers whose gold name is a person's
    people_exact: int = 0  # ... given exactly the annotated name (case, ё and spacing aside)

    def __post_init__(self) -> None:
        self.gold_by_type: Counter[str] = Counter()
        self.found_by_type: Counter[str] = Counter()

    def add(self, gold: Sequence[dict], predicted: Sequence) -> dict[int, tuple[int, bool]]:
        """Count one document; returns, for each matched gold quote, (predicted index, right speaker)."""
        pairs = match([g["quote"] for g in gold], [q.text for q in predicted])
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.matched += len(pairs)
        if not gold:
            self.negative_docs += 1
            self.negative_predicted += len(predicted)
        self.gold_by_type.update(g.get("type", "?") for g in gold)
        right = {}
        for i, j in pairs:
            ok = right_speaker(gold[i].get("speaker"), predicted[j].speaker)
            self.attributed += ok
            if ok and looks_like_person(gold[i].get("speaker") or ""):
                self.people_right += 1
                self.people_exact += same_name(gold[i]["speaker"], predicted[j].speaker)
            self.found_by_type[gold[i].get("type", "?")] += 1
            right[i] = (j, ok)
        return right


def prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold_file: Path, texts: dict[str, Path], verbose: bool) -> tuple[Tally, int, list[str]]:
    tally = Tally()
    missing = []
    docs = 0
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        path = texts.get(row["doc"])
        if path is None:
            missing.append(row["doc"])
            continue
        docs += 1
        gold = row["quotes"]
        predicted = [q for q in extract_quotes(path.read_text(encoding="utf-8")) if q.text.strip()]
        right = tally.add(gold, predicted)
        if verbose:
            report(row["doc"], gold, predicted, right)
    return tally, docs, missing


def report(doc: str, gold: list[dict], predicted: list, right: dict[int, tuple[int, bool]]) -> None:
    print(f"-- {doc}: gold {len(gold)}, predicted {len(predicted)}, matched {len(right)}")
    used = {j for j, _ in right.values()}
    for i, g in enumerate(gold):
        if i not in right:
            print(f"   missed  [{g.get('type')}] {g['quote'][:80]!r} <- {g.get('speaker')!r}")
        elif not right[i][1]:
            print(
                f"   speaker {g['quote'][:50]!r}: gold {g.get('speaker')!r}, "
                f"got {predicted[right[i][0]].speaker!r}"
            )
    for j, q in enumerate(predicted):
        if j not in used:
            print(f"   extra   [{q.type}] {q.text[:80]!r} <- {q.speaker!r}")


def ms_per_doc(systems: Sequence[Callable[[str], object]], texts: Sequence[str], passes: int) -> list[float]:
    """ms/doc of each system, interleaved per document (the order alternating) so that a busy
    machine slows them alike; the best of ``passes`` passes after one pass that fills the caches."""
    for text in texts:
        for system in systems:
            system(text)
    best = [float("inf")] * len(systems)
    for _ in range(passes):
        spent = [0.0] * len(systems)
        for n, text in enumerate(texts):
            order = range(len(systems)) if n % 2 == 0 else reversed(range(len(systems)))
            for k in order:
                start = time.perf_counter()
                systems[k](text)
                spent[k] += time.perf_counter() - start
        best = [min(b, s) for b, s in zip(best, spent)]
    return [b / len(texts) * 1000 for b in best]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "data" / "quotes_dev.jsonl")
    parser.add_argument(
        "--texts", type=Path, nargs="+", default=[ROOT / "data" / "news", ROOT / "tests" / "fixtures"]
    )
    parser.add_argument("--speed-texts", type=Path, default=ROOT / "data" / "news" / "factrueval")
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)

    tally, docs, missing = evaluate(args.gold, find_texts(tuple(args.texts)), args.verbose)
    if missing:
        print(f"warning: {len(missing)} gold documents not found: {missing[:5]}", file=sys.stderr)
    news = [p.read_text(encoding="utf-8") for p in sorted(args.speed_texts.glob("*.txt"))]
    quotes_ms, summary_ms = ms_per_doc(
        [extract_quotes, lambda text: summarize(text, sentences=3)], news, args.passes
    )

    qp, qr, qf = prf(tally.matched, tally.predicted, tally.gold)
    ap, ar, af = prf(tally.attributed, tally.predicted, tally.gold)
    accuracy = tally.attributed / tally.matched if tally.matched else 0.0
    print(
        f"gold: {args.gold.name}, {docs} documents ({tally.negative_docs} negative), "
        f"{tally.gold} quotes; predicted {tally.predicted}"
    )
    print()
    print("| measure | P | R | F1 |")
    print("|---|---|---|---|")
    print(f"| quote (word Jaccard >= 0.5) | {qp:.3f} | {qr:.3f} | {qf:.3f} |")
    print(f"| attributed quote (and right speaker) | {ap:.3f} | {ar:.3f} | {af:.3f} |")
    print(f"| speaker accuracy on matched quotes | {accuracy:.3f} ({tally.attributed}/{tally.matched}) | | |")
    by_type = ", ".join(f"{t} {tally.found_by_type[t]}/{n}" for t, n in sorted(tally.gold_by_type.items()))
    print(f"| recall by type | {by_type} | | |")
    print(f"| quotes predicted in negative documents | {tally.negative_predicted} | | |")
    print(
        f"| ms/doc, {len(news)} texts: extract_quotes / summarize | {quotes_ms:.3f} / {summary_ms:.3f} | | |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
