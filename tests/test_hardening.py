"""Hostile and odd input: no crash, exact offsets, identical results everywhere, linear cost.

Property tests (hypothesis) draw arbitrary unicode, slices of the real news
texts and quotation-mark soup; the cost guards compare a text with the same text
repeated, so they measure growth, not the speed of this machine.
"""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from conftest import best_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize import (
    Quotes,
    Summary,
    extract_quotes,
    extract_quotes_many,
    find_quote,
    keywords,
    summarize,
    summarize_many,
)
from summarize.quotes.model import shipped
from summarize.quotes.pipeline import extract

SPECIALS = (
    "\x00\x01\x07\x1b\x7f\x85\ufeff\r\n\r\n\t\u00a0\u00ad\u200b\u200c\u200d\u2060\u2028\u2029"
    "\u200f\u202e\u0301😀👍🏽\u0627\u05d0«»„“”\"'‘’—–-:,.!?…()"
)
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ "

odd_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(SPECIALS),
        st.sampled_from(RUSSIAN),
    ),
    max_size=400,
)
mark_soup = st.text(alphabet=st.sampled_from("«»„“”\"' —–-:,.\nа Б"), max_size=300)

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def news_slices(draw: st.DrawFn, texts: list[str]) -> str:
    text = draw(st.sampled_from(texts))
    start = draw(st.integers(0, len(text)))
    stop = draw(st.integers(start, min(len(text), start + 3000)))
    return text[start:stop]


def check_summary(text: str, summary: Summary) -> None:
    assert summary.text == text
    previous = -1
    for sentence in summary.all_sentences:
        assert text[sentence.start : sentence.stop] == sentence.text
        assert sentence.index == previous + 1
        previous = sentence.index
    selected = summary.sentences
    assert [s.index for s in selected] == sorted({s.index for s in selected})
    assert bool(selected) == bool(text.strip() and summary.all_sentences)
    assert len(selected) <= 3


def check_quotes(text: str, quotes: Quotes) -> None:
    spans = []
    for quote in quotes:
        assert text[quote.start : quote.stop] == quote.text
        assert quote.type in ("direct", "partial", "block", "dash")
        for span in (quote.cue, quote.speaker_mention):
            if span is not None:
                assert text[span.start : span.stop] == span.text
        spans.append((quote.start, quote.stop))
    assert [s for s, _ in spans] == sorted(s for s, _ in spans)
    # Quotes never overlap, except one nested wholly inside another.
    for (a_start, a_stop), (b_start, b_stop) in zip(spans, spans[1:]):
        assert b_start >= a_stop or (a_start <= b_start and b_stop <= a_stop)


def check_keywords(text: str) -> None:
    found = keywords(text)
    assert len(found) <= 10
    assert [k.weight for k in found] == sorted((k.weight for k in found), reverse=True)
    for keyword in found:
        assert keyword.count >= 1
        assert text[keyword.span.start : keyword.span.stop] == keyword.span.text


def check_find_quote(text: str) -> None:
    claim = text[len(text) // 3 : len(text) // 3 + 60]
    if not any(ch.isalnum() for ch in claim):
        return  # a claim without a word is a documented ValueError
    match = find_quote(claim, text)
    assert match.status in ("exact", "altered", "absent")
    assert 0.0 <= match.similarity <= 1.0
    if match.status == "absent":
        assert match.start is None
    else:
        assert text[match.start : match.stop] == match.text


def check_all(text: str) -> None:
    summary = summarize(text)
    check_summary(text, summary)
    assert summarize(text) == summary
    quotes = extract_quotes(text)
    check_quotes(text, quotes)
    assert extract_quotes(text) == quotes
    check_keywords(text)
    check_find_quote(text)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(odd_text, mark_soup), max_size=6))
def test_batch_api_gives_one_equal_result_per_input(texts):
    assert list(summarize_many(texts)) == [summarize(t) for t in texts]
    assert list(extract_quotes_many(texts)) == [extract_quotes(t) for t in texts]


@PROPERTY
@given(odd_text)
def test_arbitrary_unicode(text):
    check_all(text)


@PROPERTY
@given(mark_soup)
def test_quotation_mark_soup(text):
    check_all(text)


@pytest.fixture(scope="module")
def news_texts(news):
    return list(news.values())


def test_random_slices_of_real_news(news_texts):
    @PROPERTY
    @given(news_slices(news_texts))
    def run(text):
        check_all(text)

    run()


def test_identical_across_threads_and_after_pickling(news_texts):
    text = news_texts[7]
    expected_summary, expected_quotes = summarize(text), extract_quotes(text)
    with ThreadPoolExecutor(max_workers=8) as pool:
        summaries = list(pool.map(lambda _: summarize(text), range(8)))
        quotes = list(pool.map(lambda _: extract_quotes(text), range(8)))
    assert all(s == expected_summary for s in summaries)
    assert all(q == expected_quotes for q in quotes)
    assert pickle.loads(pickle.dumps(expected_summary)) == expected_summary
    assert pickle.loads(pickle.dumps(expected_quotes)) == expected_quotes


# -- pathological inputs ---------------------------------------------------------------


def test_100_000_quotation_marks():
    for text in ("«" * 100_000, "»" * 100_000, '"' * 100_000, "«»" * 50_000, "„“”" * 33_000):
        check_quotes(text, extract_quotes(text))
        check_summary(text, summarize(text))


def test_one_unclosed_mark_before_300_kb(news_texts):
    body = "\n\n".join(news_texts)[:300_000]
    text = "Он сказал: «Никогда не закрою кавычку. " + body
    check_quotes(text, extract_quotes(text))
    # The unclosed mark runs to the end of its paragraph (the text's first), but must not hide
    # the quotations of the rest of the text: those of the body after its first paragraph.  (Without
    # the second chance for doubtful pairs, which hangs on how sure a speaker is, and so on the
    # whole text: here 300 KB of news read as one, where a new first sentence moves it a little.)
    model = replace(shipped(), rescue=None)
    shift = len(text) - len(body)
    rest = body.index("\n")
    found = {(q.start - shift, q.stop - shift) for q in extract(text, model)}
    later = [(q.start, q.stop) for q in extract(body, model) if q.start > rest]
    assert len(later) > 200
    assert all(span in found for span in later)


def test_a_1_mb_sentence_without_punctuation():
    text = "слово " * 170_000
    summary = summarize(text)
    check_summary(text, summary)
    assert len(summary.sentences) == 1
    check_quotes(text, extract_quotes(text))


def test_10_000_one_word_lines():
    text = "\n".join(["Строка"] * 10_000)
    summary = summarize(text)
    assert len(summary.all_sentences) == 10_000
    check_summary(text, summary)
    check_quotes(text, extract_quotes(text))


# -- linear cost -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "function, make",
    [
        (summarize, lambda news: "\n\n".join(news[:20])),
        (extract_quotes, lambda news: "\n\n".join(news[:20])),
        (extract_quotes, lambda news: "«" * 100_000),
        (extract_quotes, lambda news: "Он сказал: «" + "слово " * 25_000),
        (extract_quotes, lambda news: '"' + "а " * 25_000 + "«" * 15_000),
        (summarize, lambda news: "слово " * 25_000),
    ],
    ids=[
        "summarize-news",
        "quotes-news",
        "quotes-open-marks",
        "quotes-unclosed",
        "quotes-mixed",
        "summarize-flat",
    ],
)
def test_cost_grows_linearly(news_texts, function, make):
    text = make(news_texts)
    function(text)  # warm the caches
    once = best_time(function, text, runs=5)
    ten = best_time(function, text * 10, runs=3)
    # Linear growth gives about 10x; quadratic would give about 100x.  Inputs take tens of
    # milliseconds and the best of several runs counts, so a busy machine's noise stays under
    # the generous bound.
    assert ten / max(once, 1e-4) < 35, f"10x input took {ten / once:.1f}x the time"
