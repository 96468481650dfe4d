"""Speed and accuracy of ``find_quote`` on a ~100 KB source, against naive baselines in the same run.

The source is the annotated factRuEval texts of ``data/quotes_dev.jsonl`` glued together until
it reaches ``--size`` characters; the claims are their gold quotes as written (exact), with their
longest word replaced when they have three words or more (altered), and the quotes of every fourth
annotated document, left out of the source (absent).

Baselines, measured on the same claims in the same process:

* ``difflib whole``: ``difflib.SequenceMatcher`` aligning the claim's words with every word of
  the source, the span running from the first to the last matched word;
* ``rapidfuzz partial`` (only if rapidfuzz is installed): ``fuzz.partial_ratio_alignment`` of the
  lower-cased claim against the lower-cased source, characters rather than words.

    python benchmarks/find_quote.py            # ~100 KB source
    python benchmarks/find_quote.py --size 300000 --repeat 5
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

from summarize import find_quote

WORD = re.compile(r"[^\W_]+")
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def load(size: int) -> tuple[str, list[tuple[str, int]], list[str]]:
    """The glued source, its gold quotes with offsets, and quotes of documents left out."""
    inside: list[tuple[str, int]] = []
    outside: list[str] = []
    source = ""
    for k, line in enumerate((DATA / "quotes_dev.jsonl").read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        path = DATA / "news" / "factrueval" / record["doc"]
        if not path.exists():
            path = ROOT / "tests" / "fixtures" / "seed_tass.txt"
        text = path.read_text(encoding="utf-8")
        quotes = [q["quote"] for q in record["quotes"]]
        if len(source) >= size or k % 4 == 3:  # every fourth annotated document stays out
            outside += quotes
            continue
        offset = len(source)
        source += text + "\n\n"
        inside += [(q, offset + text.find(q)) for q in quotes]
    # Pad with unannotated texts if the annotated ones are not enough.
    for path in sorted((DATA / "news" / "factrueval").glob("testset_*.txt")):
        if len(source) >= size:
            break
        source += path.read_text(encoding="utf-8") + "\n\n"
    return source, inside, [q for q in outside if q not in source]


def substituted(quote: str) -> str:
    """The quote with its longest word replaced by an unrelated one."""
    longest = max(WORD.finditer(quote), key=lambda m: len(m.group()))
    return quote[: longest.start()] + "кукуруза" + quote[longest.end() :]


def difflib_whole(claimed: str, source: str) -> tuple[int, int] | None:
    mine = WORD.findall(claimed.lower().replace("ё", "е"))
    theirs = list(WORD.finditer(source.lower().replace("ё", "е")))
    forms = [match.group() for match in theirs]
    blocks = SequenceMatcher(None, mine, forms, autojunk=False).get_matching_blocks()
    blocks = [b for b in blocks if b.size]
    if not blocks:
        return None
    return theirs[blocks[0].b].start(), theirs[blocks[-1].b + blocks[-1].size - 1].end()


def rapidfuzz_partial(claimed: str, source: str) -> tuple[int, int] | None:
    from rapidfuzz import fuzz

    found = fuzz.partial_ratio_alignment(claimed.lower(), source.lower())
    return None if found is None else (found.dest_start, found.dest_end)


def ours(claimed: str, source: str) -> tuple[int, int] | None:
    match = find_quote(claimed, source)
    return None if match.start is None or match.stop is None else (match.start, match.stop)


def timed(
    system: Callable[[str, str], object], claimed: str, source: str, repeat: int
) -> tuple[float, object]:
    best = float("inf")
    for _ in range(repeat):
        begin = time.perf_counter()
        result = system(claimed, source)
        best = min(best, time.perf_counter() - begin)
    return best * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="source size in characters")
    parser.add_argument("--repeat", type=int, default=3, help="runs per claim (the fastest counts)")
    args = parser.parse_args()

    source, inside, outside = load(args.size)
    systems: dict[str, Callable[[str, str], object]] = {"find_quote": ours, "difflib whole": difflib_whole}
    try:
        import rapidfuzz  # noqa: F401

        systems["rapidfuzz partial"] = rapidfuzz_partial
    except ImportError:
        pass
    find_quote("прогрев", source)  # load the dictionaries and warm the lemma cache once

    claims: list[tuple[str, str, int | None]] = [(q, "exact", start) for q, start in inside]
    # One unrelated word in a claim of three words or more (in shorter ones it leaves half the claim:
    # absent by design).
    claims += [(substituted(q), "altered", start) for q, start in inside if len(WORD.findall(q)) >= 3]
    claims += [(q, "absent", None) for q in outside]
    times: dict[str, list[float]] = {name: [] for name in systems}
    right: dict[str, int] = dict.fromkeys(systems, 0)
    statuses = {"exact": [0, 0], "altered": [0, 0], "absent": [0, 0]}
    for claimed, kind, start in claims:  # systems interleaved per claim: same machine load
        for name, system in systems.items():
            ms, result = timed(system, claimed, source, args.repeat)
            times[name].append(ms)
            if kind == "exact" and start is not None:
                right[name] += result == (start, start + len(claimed))
        match = find_quote(claimed, source)
        statuses[kind][1] += 1
        statuses[kind][0] += match.status == kind

    print(
        f"source {len(source):,} characters, {len(WORD.findall(source)):,} words; "
        f"{len(inside)} quotes inside, {len(outside)} left out; {len(claims)} claims, best of {args.repeat}"
    )
    base = statistics.median(times["find_quote"])
    print(f"{'system':<18} {'median ms':>10} {'p95 ms':>8} {'ratio':>7} {'gold span':>10}")
    for name, values in times.items():
        values = sorted(values)
        median = statistics.median(values)
        p95 = values[int(0.95 * (len(values) - 1))]
        print(f"{name:<18} {median:>10.2f} {p95:>8.2f} {median / base:>6.1f}x {right[name]:>5}/{len(inside)}")
    print("find_quote status: " + ", ".join(f"{k} {ok}/{n}" for k, (ok, n) in statuses.items()))


if __name__ == "__main__":
    main()
