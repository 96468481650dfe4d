"""The ``summarize`` command (also ``python -m summarize``).

Plain text in, plain text out by default; ``--json`` writes JSON Lines, ``--jsonl``
reads them (``{"id": ..., "text": ...}`` per line), and ``--out`` turns the
command into an archive job that can be interrupted and rerun: it skips the ids
already written to OUT.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from importlib.resources import files
from typing import Any, TextIO

from .batch import extract_quotes_many, progress_bar, summarize_many
from .factcheck import find_quote, format_match
from .records import Quotes
from .summarizer import length_option


class UsageError(Exception):
    """Bad input or options: reported in one line, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarize",
        description="Summarise Russian news text by its best sentences, or list its quotations.",
        epilog="Examples: summarize article.txt --sentences 2 | cat article.txt | summarize - | "
        "summarize --demo --quotes | summarize --jsonl in.jsonl --out out.jsonl --jobs -1",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text file(s); '-' reads stdin")
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--sentences", "-n", type=int, metavar="N", help="sentences in a summary (default 3)")
    length.add_argument("--ratio", "-r", type=float, metavar="R", help="share of the sentences, in (0, 1]")
    length.add_argument("--words", "-w", type=int, metavar="W", help="budget of words")
    parser.add_argument("--demo", action="store_true", help="summarise an article bundled with the package")
    parser.add_argument("--quotes", "-q", action="store_true", help="list quotations instead of summarising")
    parser.add_argument("--json", action="store_true", help="print JSON Lines: one object per document")
    parser.add_argument(
        "--jsonl", action="store_true", help='FILE holds JSON Lines, one {"id": ..., "text": ...} per line'
    )
    parser.add_argument(
        "--out",
        "-o",
        metavar="OUT",
        help="append JSON Lines to OUT, skipping ids already there (rerun to resume after an interruption)",
    )
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="processes (-1: every core)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar with --out")
    parser.add_argument(
        "--check-quote",
        metavar="CLAIM",
        help="check a claimed quotation against FILE: verdict, source span, differences",
    )
    return parser


# -- input ---------------------------------------------------------------------------------


def _open(path: str) -> TextIO:
    if path == "-":
        return open(sys.stdin.fileno(), encoding="utf-8-sig", closefd=False)
    return open(path, encoding="utf-8-sig")


def _read(path: str) -> str:
    try:
        with _open(path) as handle:
            return handle.read()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise UsageError(f"cannot read {path}: not UTF-8 text") from None


def _jsonl(path: str) -> Iterator[tuple[Any, str]]:
    """``(id, text)`` of each line of a JSON Lines file; the id defaults to the line number."""
    try:
        with _open(path) as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{path}, line {number}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise UsageError(f"{where}: not JSON ({error.msg})") from None
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise UsageError(f'{where}: expected an object with a string "text"')
                yield record.get("id", number), record["text"]
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise UsageError(f"cannot read {path}: not UTF-8 text") from None


def _documents(args: argparse.Namespace) -> Iterator[tuple[Any, str]]:
    """``(id, text)`` of every input document, read lazily from JSON Lines."""
    if args.demo:
        yield "demo", files("summarize").joinpath("data/demo.txt").read_text(encoding="utf-8")
    elif args.jsonl:
        seen: set[str] = set()
        for path in args.files:
            for key, text in _jsonl(path):
                token = json.dumps(key, sort_keys=True)
                if token in seen:
                    raise UsageError(f"{path}: id {key!r} appears twice; give every line its own id")
                seen.add(token)
                yield key, text
    else:
        # Plain files are read up front, so a missing one stops the command before any output.
        yield from [(path, _read(path)) for path in args.files]


def _count_lines(paths: Iterable[str]) -> int | None:
    """Non-blank lines of the JSON Lines inputs (for the progress bar), None for standard input."""
    if "-" in paths:
        return None
    total = 0
    for path in paths:
        with open(path, "rb") as handle:
            total += sum(1 for line in handle if line.strip())
    return total


# -- resuming ------------------------------------------------------------------------------


def _written_ids(path: str, empty: dict[str, Any]) -> set[str]:
    """Ids already in OUT (as JSON tokens); a cut-off last line is removed from the file.

    ``empty`` is this run's record of an empty text: a line of OUT must have the
    same keys and options, so that a rerun with other settings cannot mix its
    results into the file.
    """
    done: set[str] = set()
    if not os.path.exists(path):
        return done
    keys = {"id", *empty}
    with open(path, "rb+") as handle:
        complete = 0
        for number, line in enumerate(handle, 1):
            if not line.endswith(b"\n"):
                break  # cut off by an interruption: truncated below, written again
            try:
                record = json.loads(line)
                done.add(json.dumps(record["id"], sort_keys=True))
            except (ValueError, KeyError, TypeError):
                raise UsageError(
                    f"{path}, line {number}: not a summarize output line; use another --out"
                ) from None
            same = set(record) == keys and record.get("options") == empty.get("options")
            if not same and "error" not in record:
                raise UsageError(
                    f"{path}, line {number} was written with other settings ({_settings(record)}, not "
                    f"{_settings(empty)}); rerun with the same ones or use another --out"
                )
            complete += len(line)
        handle.truncate(complete)
    return done


def _settings(record: dict[str, Any]) -> str:
    return "quotes" if "quotes" in record else f"summaries, {json.dumps(record.get('options'))}"


# -- output --------------------------------------------------------------------------------


def _quote_table(quotes: Quotes) -> str:
    """The quotes of one text as a plain table: speaker, how sure, cue, type, offsets, quote."""
    if not quotes:
        return "(no quotes)"
    rows = [("speaker", "sure", "cue", "type", "offsets", "quote")]
    for q in quotes:
        shown = " ".join(q.text.split())
        sure = "-" if q.speaker_confidence is None else f"{q.speaker_confidence:.2f}"
        rows.append(
            (q.speaker or "-", sure, q.cue.text if q.cue else "-", q.type, f"{q.start}:{q.stop}", shown)
        )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return "\n".join("  ".join([*map(str.ljust, row[:5], widths), row[5]]) for row in rows)


def _record(key: Any, result: Any) -> dict[str, Any]:
    if isinstance(result, Exception):
        return {"id": key, "error": f"{type(result).__name__}: {result}"}
    return {"id": key, **result.to_dict()}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (1 if a document failed, 2 for bad usage)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        length_option(args.sentences, args.ratio, args.words)
    except ValueError as error:
        parser.error(str(error))
    if args.demo == bool(args.files):
        parser.error("give FILE (or '-' for standard input) or --demo")
    if args.jobs == 0:
        parser.error("--jobs must not be 0: a number of processes, or -1 for every core (-2: all but one)")
    if args.quotes and any(v is not None for v in (args.sentences, args.ratio, args.words)):
        parser.error("--sentences/--ratio/--words set a summary's length; they do not go with --quotes")
    if args.out and os.path.abspath(args.out) in {
        os.path.abspath(path) for path in args.files if path != "-"
    }:
        parser.error("--out must not be one of the input files")
    lengths = (args.sentences, args.ratio, args.words)
    if args.check_quote is not None and (
        args.quotes or args.jsonl or args.out or any(v is not None for v in lengths)
    ):
        parser.error("--check-quote takes FILE (or --demo) only; not --quotes, --jsonl, --out or a length")
    try:
        return _check_quote(args) if args.check_quote is not None else _run(args)
    except UsageError as error:
        parser.error(str(error))
    except OSError as error:
        if isinstance(error, BrokenPipeError):  # `summarize ... | head`: the reader has had enough
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        parser.error(f"{error.filename or 'output'}: {error.strerror or error}")
    except KeyboardInterrupt:
        hint = "; run the same command again to resume" if args.out else ""
        print(f"summarize: interrupted{hint}", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    options = {"sentences": args.sentences, "ratio": args.ratio, "words": args.words}
    options = {k: v for k, v in options.items() if v is not None}
    many: Callable[..., Iterator[Any]] = (
        extract_quotes_many if args.quotes else partial(summarize_many, **options)
    )
    documents = _documents(args)
    done = _written_ids(args.out, json.loads(json.dumps(next(many([""])).to_dict()))) if args.out else set()
    pending: deque[Any] = deque()
    skipped = 0

    def texts() -> Iterator[str]:
        nonlocal skipped
        for key, text in documents:
            if done and json.dumps(key, sort_keys=True) in done:
                skipped += 1
                continue
            pending.append(key)
            yield text

    results = many(texts(), n_jobs=args.jobs, errors="return")

    if args.out:
        if not args.quiet:
            total = _count_lines(args.files) if args.jsonl else len(args.files) or 1
            try:
                results = progress_bar(results, None if total is None else max(0, total - len(done)))
            except ImportError:
                pass  # no tqdm: no bar, the closing line still says what was done
        written = failed = 0
        with open(args.out, "a", encoding="utf-8", buffering=1) as out:
            for result in results:
                out.write(json.dumps(_record(pending.popleft(), result), ensure_ascii=False) + "\n")
                written += 1
                failed += isinstance(result, Exception)
        print(
            f"summarize: {written} written to {args.out}, {skipped} already there, {failed} failed",
            file=sys.stderr,
        )
        return 1 if failed else 0

    failed = 0
    several = len(args.files) > 1 or args.jsonl
    for i, result in enumerate(results):
        key = pending.popleft()
        failed += isinstance(result, Exception)
        if args.json:
            print(json.dumps(_record(key, result), ensure_ascii=False))
            continue
        if several:
            print(f"{'' if i == 0 else chr(10)}==> {key} <==")
        if isinstance(result, Exception):
            print(f"error: {type(result).__name__}: {result}")
        else:
            print(_quote_table(result) if args.quotes else result)
    return 1 if failed else 0


def _check_quote(args: argparse.Namespace) -> int:
    """``--check-quote CLAIM``: the claim checked against each input document; always exit 0."""
    documents = list(_documents(args))
    for i, (key, text) in enumerate(documents):
        try:
            match = find_quote(args.check_quote, text)
        except ValueError as error:
            raise UsageError(f"--check-quote: {error}") from None
        if args.json:
            print(json.dumps({"id": key, **match.to_dict()}, ensure_ascii=False))
            continue
        if len(documents) > 1:
            print(f"{'' if i == 0 else chr(10)}==> {key} <==")
        print(format_match(match))
    return 0
