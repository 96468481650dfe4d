"""The shortcuts taken for speed give exactly what the slow paths give, on the real texts."""

from __future__ import annotations

import re

import pytest
from razdel import sentenize
from razdel.segmenters.sentenize import DELIMITERS

from summarize import text
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
