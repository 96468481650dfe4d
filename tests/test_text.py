"""Sentences and words keep exact offsets into the original string."""

from __future__ import annotations

import re

import pytest

from summarize.morph import lemma, lemma_pos, normalize_word
from summarize.text import sentences, words


def test_sentences_keep_offsets_on_every_real_text(news):
    for name, text in news.items():
        spans = sentences(text)
        assert spans, name
        previous_stop = 0
        for span in spans:
            assert text[span.start : span.stop] == span.text, name
            assert span.text == span.text.strip(), name
            assert span.start >= previous_stop, name
            previous_stop = span.stop


def test_no_words_are_lost_between_sentences(news):
    # Everything outside the sentence spans is whitespace: no text disappears.
    for name, text in news.items():
        covered = [False] * len(text)
        for span in sentences(text):
            covered[span.start : span.stop] = [True] * (span.stop - span.start)
        gaps = "".join(ch for ch, hit in zip(text, covered) if not hit)
        assert gaps.strip() == "", name


def test_a_headline_is_its_own_sentence(seed):
    first = sentences(seed)[0]
    assert first.text == "Главы МО Казахстана и РФ подписали план сотрудничества на 2026 год"


def test_a_quotation_razdel_would_split_stays_whole():
    text = "Министр сказал: «Мы готовы. Переговоры продолжатся». Встреча завершилась."
    assert [s.text for s in sentences(text)] == [
        "Министр сказал: «Мы готовы. Переговоры продолжатся».",
        "Встреча завершилась.",
    ]


def test_an_unclosed_quotation_does_not_swallow_the_paragraph():
    text = "Он сказал: «Мы готовы. Второе. Третье. Четвёртое. Пятое. Шестое. Седьмое."
    assert len(sentences(text)) == 7


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffПервое предложение.\r\nВторое предложение.",
        "Первое\u00a0предложение с\u00a0NBSP. Второе.",
        "Поли\u00adтика и эконо\u00adмика. Ещё одно.",
        "Всё ещё ёлка. Её нет.",
        "  \n\n  Отступы вокруг.  \n\n",
    ],
)
def test_odd_characters_survive_with_exact_offsets(text):
    spans = sentences(text)
    assert spans
    for span in spans:
        assert text[span.start : span.stop] == span.text
        assert not span.text.startswith("\ufeff")


def test_blank_text_has_no_sentences():
    assert sentences("") == []
    assert sentences(" \n\t\r\n\u00a0") == []


def test_words_skip_numbers_and_keep_hyphenated_and_soft_hyphenated_words():
    text = "Кто-то открыл 85-е заседание, поли\u00adтика 2026"
    found = list(words(text))
    assert [w.text for w in found] == ["Кто-то", "открыл", "заседание", "поли\u00adтика"]
    assert all(text[w.start : w.stop] == w.text for w in found)


def test_a_word_after_a_number_is_whole_and_an_ordinal_ending_is_none(news):
    """«20-летний» used to give the word «етний»: a match could start one letter into the word."""
    letter = re.compile(r"[^\W\d_]")
    compounds = 0
    for text in news.values():
        for w in words(text):
            assert w.start == 0 or not letter.match(text[w.start - 1]), (text[w.start - 5 : w.stop], w)
            if re.match(r"\d[-\u2010\u2011]", text[max(0, w.start - 2) : w.start]):
                assert len(w.text) >= 4, w  # «-е», «-го», «-х» are endings, not words
                compounds += 1
    assert compounds >= 30  # «20-летний», «70-летие», «1600-километрового», «30-процентную» ...
    assert [w.text for w in words("в 90-х, 2-го и 20-летний")] == ["в", "и", "летний"]


def test_lemmas_ignore_case_yo_and_soft_hyphens():
    assert lemma("Министрами") == "министр"
    assert lemma("ЁЛКИ") == lemma("елки") == "елка"
    assert lemma("поли\u00adтики") == "политика"
    assert normalize_word("Ещё") == "еще"
    assert lemma_pos("и") == ("и", "CONJ")


def test_letters_pymorphy3_cannot_name_do_not_crash():
    # pymorphy3 asks unicodedata for a letter's name; U+17000 (Tangut) has none in Python 3.11.
    assert lemma("\U00017000") == "\U00017000"
    assert lemma_pos("\U00017000слово") == ("\U00017000слово", None)
