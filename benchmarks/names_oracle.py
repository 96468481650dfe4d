"""Mentions and the names they resolve to, measured on the gold speaker mentions.

    python benchmarks/names_oracle.py [--folds 0 1 2 3] [--show KIND] [--limit N]
    python benchmarks/names_oracle.py --sealed        # fold 4: aggregate numbers only

For each gold quote with both ``speaker`` and ``speaker_mention`` (folds of
``benchmarks/quote_folds.py``), the occurrence of ``speaker_mention`` nearest the quote
(outside the quote itself) is looked up among the mentions :class:`People` finds there
(``Doc(text).people.mentions_between``, the gold quotes hidden as the pipeline hides the
quotes it keeps):

* found: a mention overlaps the occurrence (the one overlapping most is taken);
* resolved: ``People.resolve(mention, quote start)`` is a name the project's scorer
  accepts (``right_speaker`` of ``benchmarks/quotes.py``);
* top-3: the gold speaker is among the first three ``People.antecedents`` (or the
  resolved name) of the mention.

Counts are given by found / not found x mention kind x gold person-like or not.  A second
table runs ``extract_quotes`` on the same documents and counts predicted speakers that are
an outlet, a place, or a ticker: names a database would never keep as a speaker.

Fold 4 is sealed: with ``--sealed`` only aggregate numbers are printed, never a document,
a string or an error of it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from quote_folds import SEALED_FOLD, Document, load_documents  # noqa: E402
from quotes import looks_like_person, right_speaker  # noqa: E402

from summarize import extract_quotes  # noqa: E402
from summarize.lexicon import column, load  # noqa: E402
from summarize.morph import normalize_word, parses  # noqa: E402
from summarize.quotes.document import Doc  # noqa: E402
from summarize.quotes.kinds import Mention, is_outlet  # noqa: E402

_TICKER = re.compile(r"^[A-Z]{2,6}$")


def nearest(text: str, needle: str, start: int, stop: int) -> int | None:
    """The occurrence of ``needle`` nearest ``[start, stop)`` outside it."""
    best, best_d = None, None
    k = text.find(needle)
    while k >= 0:
        if not (start <= k < stop):
            d = start - (k + len(needle)) if k < start else k - stop
            if best_d is None or d < best_d:
                best, best_d = k, d
        k = text.find(needle, k + 1)
    return best


def covering(ms: Sequence[Mention], a: int, b: int) -> Mention | None:
    best, best_o = None, 0
    for m in ms:
        o = min(m.stop, b) - max(m.start, a)
        if o > best_o:
            best, best_o = m, o
    return best


def antecedents(people: object, m: Mention, pos: int) -> list[str]:
    find = getattr(people, "antecedents", None)
    if find is not None:
        return list(find(m, pos, 3))
    name = people.resolve(m, pos)  # type: ignore[attr-defined]
    return [name] if name else []


def shape(mention: str) -> str:
    """What a gold mention looks like when no mention was found."""
    if normalize_word(mention) in column("pronouns") or normalize_word(mention) in (
        "его",
        "ее",
        "их",
        "ему",
        "ей",
        "им",
        "него",
        "нее",
    ):
        return "pron?"
    return "name?" if mention[:1].isupper() else "lower?"


def never_a_speaker(name: str, text: str) -> str | None:
    """ "outlet", "place" or "ticker" if ``name`` is one of them, else None."""
    words = name.replace("«", " ").replace("»", " ").split()
    if not words:
        return None
    if is_outlet(name) or all(normalize_word(w) in load("outlets") for w in words):
        return "outlet"
    if all(any("Geox" in p.tag for p in parses(w)[:2]) for w in words):
        return "place"
    if (
        len(words) == 1
        and _TICKER.match(name)
        and re.search(rf"(?:\$\s?{name}|{name}\s?\$|\({name}\))", text)
    ):
        return "ticker"
    return None


def measure(docs: Sequence[Document], show: str | None, limit: int, sealed: bool) -> None:
    table: Counter[tuple[str, str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    top3: Counter[tuple[str, str]] = Counter()
    shown = 0
    absent = 0
    for d in docs:
        text = d.text
        spans = []
        for q in d.quotes:
            k = text.find(q["quote"])
            if k >= 0:
                spans.append((k, k + len(q["quote"])))
        doc = Doc(text)
        doc.hidden.extend(sorted(set(spans)))
        people = doc.people
        for q in d.quotes:
            gold, mention = q.get("speaker"), q.get("speaker_mention")
            if not gold or not mention:
                continue
            qs = text.find(q["quote"])
            if qs < 0:
                continue
            qe = qs + len(q["quote"])
            k = nearest(text, mention, qs, qe)
            if k is None:
                absent += 1
                continue
            a, b = k, k + len(mention)
            m = covering(people.mentions_between(max(0, a - 200), b + 200), a, b)
            person = "person-like" if looks_like_person(gold) else "other"
            if m is None:
                key = ("not found", shape(mention), person)
                table[key] += 1
                if show in ("missing", "all") and not sealed and shown < limit:
                    shown += 1
                    print(f"MISSING {d.doc}: {mention!r} gold {gold!r} | …{text[max(0, a - 60) : b + 30]!r}")
                continue
            key = ("found", m.kind, person)
            table[key] += 1
            name = people.resolve(m, qs)
            ok = right_speaker(gold, name)
            names = antecedents(people, m, qs)
            ok3 = ok or any(right_speaker(gold, n) for n in names[:3])
            right[(m.kind, person)] += ok
            top3[(m.kind, person)] += ok3
            if not ok and not sealed and show in (m.kind, "wrong", "all") and shown < limit:
                shown += 1
                print(
                    f"WRONG[{m.kind}] {d.doc}: {mention!r} -> {name!r} gold {gold!r} "
                    f"top3 {names[:3]!r} | …{text[max(0, a - 80) : b + 30]!r}"
                )
    total = sum(table.values())
    found = sum(n for (f, _, _), n in table.items() if f == "found")
    print(f"gold mentions {total} (+{absent} whose string is not in the text); found {found}")
    print()
    print("| found | kind | gold | n | resolved right | right among 3 |")
    print("|---|---|---|---|---|---|")
    for key in sorted(table):
        f, kind, person = key
        n = table[key]
        if f == "found":
            print(f"| {f} | {kind} | {person} | {n} | {right[(kind, person)]} | {top3[(kind, person)]} |")
        else:
            print(f"| {f} | {kind} | {person} | {n} | | |")
    r, r3 = sum(right.values()), sum(top3.values())
    print(
        f"\nresolved right: {r}/{found} found ({r / max(found, 1):.3f}), "
        f"{r}/{total} all ({r / max(total, 1):.3f}); right among 3: {r3}/{found} ({r3 / max(found, 1):.3f})"
    )


def bad_names(docs: Sequence[Document], sealed: bool, limit: int, show: bool) -> None:
    kinds: Counter[str] = Counter()
    speakers = 0
    shown = 0
    for d in docs:
        for q in extract_quotes(d.text):
            if not q.speaker:
                continue
            speakers += 1
            kind = never_a_speaker(q.speaker, d.text)
            if kind is not None:
                kinds[kind] += 1
                if show and not sealed and shown < limit:
                    shown += 1
                    print(f"BAD[{kind}] {d.doc}: {q.speaker!r} for {q.text[:60]!r}")
    print(
        f"\npredicted speakers {speakers}: outlet {kinds['outlet']}, place {kinds['place']}, "
        f"ticker {kinds['ticker']}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, nargs="+", default=[0, 1, 2, 3])
    parser.add_argument("--sealed", action="store_true", help="fold 4 only, aggregate numbers only")
    parser.add_argument("--show", default=None, help="missing, wrong, all, person, role, org, pron, bad")
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args(argv)
    folds = [SEALED_FOLD] if args.sealed else [f for f in args.folds if f != SEALED_FOLD]
    docs = [d for d in load_documents() if d.fold in folds]
    print(f"folds {folds}: {len(docs)} documents")
    measure(docs, None if args.sealed else args.show, args.limit, args.sealed)
    bad_names(docs, args.sealed, args.limit, args.show == "bad" and not args.sealed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
