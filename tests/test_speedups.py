"""The shortcuts taken for speed give exactly what the slow paths give, on the real texts."""

from __future__ import annotations

import re

import pytest
from razdel import sentenize
from razdel.segmenters.sentenize import DELIMITERS

from summarize import extract_quotes, morph, scoring, summarize, text
from summarize.text import LINE, RAZDEL_DELIMITERS, sentences

ALWAYS = re.compile("")
"""A split-point pattern that matches every line: every line goes to razdel, as before the shortcut."""


def _slow_sentences(monkeypatch: pytest.MonkeyPatch, source: str) -> list[tuple[str, int, int]]:
    with monkeypatch.context() as patch:
        patch.setattr(text, "_SPLIT_POINT", ALWAYS)
        return [tuple(span) for span in sentences(source)]


def test_the_split_points_are_every_delimiter_razdel_splits_at():
    # razdel may split after one of its DELIMITERS or after a smile, which ends in ")" or "(".
    assert set(RAZDEL_DELIMITERS) == set(DELIMITERS) | {"("}


def test_a_line_without_a_split_point_is_what_razdel_makes_of_it(news):
    skipped = lines = 0
    for source in news.values():
        for match in LINE.finditer(source):
            lines += 1
            if text._SPLIT_POINT.search(source, match.start(), match.end()) is None:
                skipped += 1
                line = match.group()
                at = line.find(line.strip())
                assert [(s.start, s.stop) for s in sentenize(line)] == [(at, at + len(line.strip()))], line
    assert skipped > lines / 5  # headlines, datelines, one-sentence paragraphs: the shortcut is used


def test_sentences_are_the_same_with_and_without_the_shortcut(news, monkeypatch):
    for name, source in news.items():
        assert [tuple(s) for s in sentences(source)] == _slow_sentences(monkeypatch, source), name


def test_a_delimiter_before_a_word_still_goes_to_razdel(news, monkeypatch):
    # Every delimiter (and a smile) put before a word in real one-sentence lines: razdel decides.
    lines = [m.group() for source in list(news.values())[:40] for m in LINE.finditer(source)]
    plain = [line for line in lines if text._SPLIT_POINT.search(line) is None and len(line) > 30][:30]
    assert len(plain) == 30
    for line in plain:
        middle = line.index(" ", len(line) // 2)
        for mark in [*RAZDEL_DELIMITERS, ":)", ":-(", "=(("]:
            for gap in (" ", "\u00a0", "  \t"):
                source = line[:middle] + mark + gap + "Новое предложение" + line[middle:]
                assert text._SPLIT_POINT.search(source) is not None, source
                assert [tuple(s) for s in sentences(source)] == _slow_sentences(monkeypatch, source), source


def _clear_word_caches() -> None:
    for function in (
        morph.normalize_word,
        morph._recent_parses,
        morph._analyse,
        morph.parses,
        morph.lemmas,
        morph.readings,
        morph.is_known,
        morph.name_parses,
        morph.name_tags,
        morph.has_case,
        morph.likely_pos,
        morph.is_preposition,
        scoring.content_lemma,
    ):
        function.cache_clear()
    morph._PARSES.clear()


def test_a_text_summarised_then_searched_for_quotes_has_each_word_parsed_once(news, monkeypatch):
    parsed: list[str] = []
    parse = morph._parse

    def counting(word: str) -> list:
        parsed.append(word)
        return parse(word)

    def parsed_by(function, source: str) -> tuple[object, set[str]]:
        parsed.clear()
        result = function(source)
        assert len(parsed) == len(set(parsed))
        return result, set(parsed)

    quoted = 0
    _clear_word_caches()
    try:
        with monkeypatch.context() as patch:
            patch.setattr(morph, "_parse", counting)
            for source in list(news.values())[:80]:
                _, by_summary = parsed_by(summarize, source)
                assert by_summary or not source.strip()
                quotes, by_quotes = parsed_by(extract_quotes, source)
                quoted += bool(quotes)
                assert by_quotes.isdisjoint(by_summary)
                # every word capitalised: new lemma cache entries (surnames), no new parse
                assert parsed_by(summarize, source.title())[1] == set()
    finally:
        _clear_word_caches()
    assert quoted > 20


def _outputs(texts: list[str], quotes_first: bool) -> list[tuple[str, str]]:
    out = []
    for source in texts:
        if quotes_first:
            quotes = extract_quotes(source)
            summary = summarize(source)
        else:
            summary = summarize(source)
            quotes = extract_quotes(source)
        out.append((repr(summary.all_sentences), repr([q.to_dict() for q in quotes])))
    return out


def test_the_parses_one_side_leaves_give_the_other_side_the_same_results(news):
    # Cold caches, the summary first (its parses serve the quotes) or the quotes first.
    texts = list(news.values())
    _clear_word_caches()
    summary_first = _outputs(texts, quotes_first=False)
    _clear_word_caches()
    quotes_first = _outputs(texts, quotes_first=True)
    _clear_word_caches()
    assert summary_first == quotes_first
