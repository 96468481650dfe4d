"""Coverage-guided fuzzing of the public functions with atheris.

    pip install atheris
    python benchmarks/fuzz.py -max_total_time=300          # five minutes
    python benchmarks/fuzz.py crash-<hash>                  # replay a crash

Each input is decoded as UTF-8 (invalid bytes replaced) and, with a seed of
real news, fed to summarize(), keywords(), extract_quotes() and find_quote().
Anything but a result that keeps the documented invariants is a crash.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import summarize as lib

NEWS = Path(__file__).resolve().parent.parent / "data" / "news" / "factrueval"


def check(text: str) -> None:
    summary = lib.summarize(text)
    for sentence in summary.all_sentences:
        assert text[sentence.start : sentence.stop] == sentence.text, sentence
    assert bool(summary.sentences) == bool(summary.all_sentences)
    assert [s.index for s in summary.sentences] == sorted(s.index for s in summary.sentences)
    lib.keywords(text)
    previous = -1
    for quote in lib.extract_quotes(text):
        assert text[quote.start : quote.stop] == quote.text, quote
        assert quote.start >= previous
        previous = quote.start
        for span in (quote.cue, quote.speaker_mention):
            assert span is None or text[span.start : span.stop] == span.text, quote
    claim = text[len(text) // 3 : len(text) // 3 + 80]
    if any(ch.isalnum() for ch in claim):  # a claim without a word is a documented ValueError
        match = lib.find_quote(claim, text)
        if match.start is not None:
            assert text[match.start : match.stop] == match.text


def one_input(data: bytes) -> None:
    check(data.decode("utf-8", errors="replace"))


def main() -> None:
    corpus = Path(__file__).resolve().parent.parent / "benchmarks" / ".fuzz-corpus"
    corpus.mkdir(exist_ok=True)
    for path in sorted(NEWS.glob("*.txt"))[:20]:
        seed = corpus / path.name
        if not seed.exists():
            seed.write_bytes(path.read_bytes()[:2000])
    atheris.Setup([sys.argv[0], str(corpus), *sys.argv[1:]], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
