"""extract_quotes: the layouts of tests/data/quotes.txt, the seed article, invariants, hostile input."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from summarize import Quote, Quotes, Span, extract_quotes
from summarize.records import QUOTE_TYPES

CASES = Path(__file__).resolve().parent / "data" / "quotes.txt"
MARKUP = re.compile(r"\{([qsc])(\d*)\|([^{}]*)\}")


@dataclass
class Case:
    """One block of tests/data/quotes.txt: the plain text and what it should yield."""

    title: str
    text: str
    quotes: dict[int, Span] = field(default_factory=dict)
    mentions: dict[int, Span] = field(default_factory=dict)
    cues: dict[int, Span] = field(default_factory=dict)
    expected: list[tuple[str | None, str]] = field(default_factory=list)


def parse(block: list[str]) -> Case:
    """Read one block: comments, marked-up text lines, "> speaker | type" lines."""
    title = " ".join(line[1:].strip() for line in block if line.startswith("#")) or "case"
    body = "\n".join(line for line in block if not line.startswith(("#", ">"))).replace("¶", "\n\n")
    case = Case(title, "")
    out, pos = [], 0
    for m in MARKUP.finditer(body):
        out.append(body[pos : m.start()])
        start = sum(len(piece) for piece in out)
        kind, number, words = m.group(1), int(m.group(2) or 1), m.group(3)
        target = {"q": case.quotes, "s": case.mentions, "c": case.cues}[kind]
        assert number not in target, f"{kind}{number} marked twice in: {body[:60]}"
        target[number] = Span(words, start, start + len(words))
        out.append(words)
        pos = m.end()
    out.append(body[pos:])
    case.text = "".join(out)
    for line in block:
        if line.startswith(">"):
            speaker, kind = (part.strip() for part in line[1:].split("|"))
            case.expected.append((None if speaker == "-" else speaker, kind))
    return case


def load_cases() -> list[Case]:
    blocks, block = [], []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            block.append(line.rstrip())
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    cases = [parse(b) for b in blocks if any(not line.startswith("#") for line in b)]
    return cases


ALL_CASES = load_cases()


def test_case_file_is_consistent():
    assert len(ALL_CASES) >= 30
    for case in ALL_CASES:
        assert len(case.quotes) == len(case.expected), case.title
        for span in [*case.quotes.values(), *case.mentions.values(), *case.cues.values()]:
            assert case.text[span.start : span.stop] == span.text


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.title[:60] for c in ALL_CASES])
def test_layout(case: Case):
    found = extract_quotes(case.text)
    got = [(q.text, q.start, q.stop) for q in found]
    want = [(s.text, s.start, s.stop) for _, s in sorted(case.quotes.items())]
    assert got == want
    for n, (q, (speaker, kind)) in enumerate(zip(found, case.expected), 1):
        assert (q.speaker, q.type) == (speaker, kind), f"quote {n}: {q!r}"
        if n in case.mentions and n in case.quotes:
            assert q.speaker_mention == case.mentions[n], f"quote {n}: mention"
        if n in case.cues:
            assert q.cue == case.cues[n], f"quote {n}: cue"


# -- the seed article --------------------------------------------------------------------------
def test_seed_article(seed: str):
    quotes = extract_quotes(seed)
    assert len(quotes) == 5
    assert [q.speaker for q in quotes] == ["Минобороны Казахстана"] * 3 + ["Даурен Косанов"] * 2
    assert quotes[3].speaker_mention.text == "Косанова"
    assert quotes[3].cue.text == "приводятся в сообщении слова"
    assert quotes[4].cue.text == "подчеркнул"
    assert [q.type for q in quotes] == ["partial", "partial", "direct", "direct", "partial"]
    assert all("Айбын" not in q.text for q in quotes)


# -- invariants on every news text ------------------------------------------------------------
def test_offsets_order_and_fields_on_all_news(news: dict[str, str]):
    total = 0
    for name, text in news.items():
        quotes = extract_quotes(text)
        assert isinstance(quotes, Quotes) and quotes.text is text
        previous = -1
        for q in quotes:
            assert isinstance(q, Quote)
            assert text[q.start : q.stop] == q.text and q.text == q.text.strip(), name
            assert q.start >= previous, f"{name}: not in document order"
            previous = q.start
            assert q.type in QUOTE_TYPES
            for span in (q.speaker_mention, q.cue):
                if span is not None:
                    assert text[span.start : span.stop] == span.text, name
            assert q.speaker is None or (q.speaker.strip() == q.speaker and q.speaker)
        total += len(quotes)
    assert total > 300


def test_same_result_twice(seed: str):
    assert extract_quotes(seed).to_dict() == extract_quotes(seed).to_dict()


# -- bad and hostile input ---------------------------------------------------------------------
@pytest.mark.parametrize("bad", [None, b"\xd0\x94\xd0\xb0", 42, ["«Да»"]])
def test_non_str_raises_type_error_naming_text(bad: object):
    with pytest.raises(TypeError, match="text"):
        extract_quotes(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   \n\n ", "«", "»", '"', "«»", "— ", ":"])
def test_empty_and_degenerate(text: str):
    assert list(extract_quotes(text)) == [] or all(q.text for q in extract_quotes(text))


def test_empty_gives_empty_quotes():
    quotes = extract_quotes("")
    assert isinstance(quotes, Quotes) and len(quotes) == 0


def test_ten_thousand_opening_marks():
    assert len(extract_quotes("«" * 10_000)) == 0


def test_one_open_mark_before_300_kb():
    text = "Он сказал: «" + "слово за словом, " * 18_000
    quotes = extract_quotes(text)
    assert len(quotes) == 1 and quotes[0].stop <= len(text)


def test_hundred_thousand_marks():
    for text in ('"' * 100_000, "»" * 100_000, "«»" * 50_000):
        quotes = extract_quotes(text)
        assert all(text[q.start : q.stop] == q.text for q in quotes)


def test_unbalanced_marks_keep_later_quotes():
    text = "«Начало без конца. „Еще одно» и “третье.\n\n«Мы победим», — сказал Иванов."
    quotes = extract_quotes(text)
    assert quotes[-1].text == "Мы победим" and quotes[-1].speaker == "Иванов"


def test_quotes_module_does_not_import_sklearn():
    code = "import sys, summarize.quotes; sys.exit('sklearn' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_one_closing_mark_for_two_quotations_ends_where_the_authors_words_follow():
    # «A: «B», — said X … «C», — added X … «D», — X: the outer quotation lost its closing mark;
    # it ends with the first inner one followed by ", —", not with the paragraph's last one
    text = (
        "«А нам отвечают: «Где это записано? Нигде», — пояснил Иван Петров. По его словам, так "
        "продолжалось годами. «Мы предлагали договор», — сказал Петров. Позже он добавил: "
        "«Ответа нет до сих пор», — отметил Петров."
    )
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == [
        "А нам отвечают: «Где это записано? Нигде»",
        "Мы предлагали договор",
        "Ответа нет до сих пор",
    ]
    assert {q.speaker for q in quotes} == {"Иван Петров"}
