"""The ``summarize`` command (also ``python -m summarize``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.resources import files

from .summarizer import Summarizer, length_option


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarize",
        description="Summarise Russian news text by its best sentences.",
        epilog="Examples: summarize article.txt --sentences 2 | cat article.txt | summarize - | summarize --demo",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text file(s); '-' reads standard input")
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--sentences", "-n", type=int, metavar="N", help="sentences in the summary (default 3)")
    length.add_argument("--ratio", "-r", type=float, metavar="R", help="share of the sentences, in (0, 1]")
    length.add_argument("--words", "-w", type=int, metavar="W", help="budget of words")
    parser.add_argument("--demo", action="store_true", help="summarise an article bundled with the package")
    return parser


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8-sig") as handle:
        return handle.read()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad usage)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        length_option(args.sentences, args.ratio, args.words)
    except ValueError as error:
        parser.error(str(error))
    if args.demo == bool(args.files):
        parser.error("give FILE (or '-' for standard input) or --demo")

    model = Summarizer(sentences=args.sentences, ratio=args.ratio, words=args.words)
    if args.demo:
        texts = [("demo", files("summarize").joinpath("data/demo.txt").read_text(encoding="utf-8"))]
    else:
        texts = []
        for path in args.files:
            try:
                texts.append((path, _read(path)))
            except OSError as error:
                parser.error(f"cannot read {path}: {error.strerror or error}")
            except UnicodeDecodeError:
                parser.error(f"cannot read {path}: not UTF-8 text")
    for i, (name, text) in enumerate(texts):
        if len(texts) > 1:
            print(f"{'' if i == 0 else chr(10)}==> {name} <==")
        print(model.summarize(text))
    return 0
