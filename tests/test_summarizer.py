"""The summarize() / Summarizer contract on the 254 real factRuEval texts."""

from __future__ import annotations

import math
import pickle

import pytest

from summarize import Sentence, Summarizer, Summary, summarize
from summarize.text import WORD, sentences


def check_summary(text: str, summary: Summary) -> None:
    assert summary.text == text
    selected = summary.sentences
    assert selected == tuple(s for s in summary.all_sentences if s.selected)
    assert [s.index for s in summary.all_sentences] == list(range(len(summary.all_sentences)))
    assert [s.index for s in selected] == sorted(s.index for s in selected)
    for sentence in summary.all_sentences:
        assert text[sentence.start : sentence.stop] == sentence.text
        assert math.isfinite(sentence.score)
    assert str(summary).replace("\n", " ") == " ".join(s.text.strip() for s in selected)
    breaks = [any(c in text[a.stop : b.start] for c in "\r\n") for a, b in zip(selected, selected[1:])]
    assert str(summary).count("\n") == sum(breaks)


@pytest.mark.parametrize("k", [1, 3])
def test_every_real_text_gets_the_requested_count_in_document_order(news, k):
    for name, text in news.items():
        summary = summarize(text, sentences=k)
        check_summary(text, summary)
        assert len(summary.sentences) == min(k, len(summary.all_sentences)), name
        assert [s.text for s in summary.all_sentences] == [s.text for s in sentences(text)], name


def test_the_selected_sentences_are_the_best_scored(news):
    for text in list(news.values())[:40]:
        summary = summarize(text, sentences=3)
        best = sorted(summary.all_sentences, key=lambda s: (-s.score, s.index))[:3]
        assert {s.index for s in summary.sentences} == {s.index for s in best}
        assert summary.ranked()[: len(best)] == best


def test_results_are_deterministic(news):
    for text in list(news.values())[:30]:
        assert summarize(text) == summarize(text)


def test_ratio_and_word_budget(news):
    for text in list(news.values())[:60]:
        n = len(sentences(text))
        by_ratio = summarize(text, ratio=0.2)
        check_summary(text, by_ratio)
        assert len(by_ratio.sentences) == max(1, math.ceil(0.2 * n - 1e-9))
        assert len(summarize(text, ratio=1.0).sentences) == n
        by_words = summarize(text, words=60)
        check_summary(text, by_words)
        assert by_words.sentences
        if len(by_words.sentences) > 1:
            assert sum(len(WORD.findall(s.text)) for s in by_words.sentences) <= 60


def test_default_is_three_sentences(seed):
    summary = summarize(seed)
    assert len(summary.sentences) == 3
    assert summary.options["sentences"] == 3


def test_more_sentences_than_the_text_has():
    text = "Министр обороны провёл переговоры. Встреча прошла в Алма-Ате."
    assert len(summarize(text, sentences=10).sentences) == 2


def test_single_sentence_and_no_cyrillic():
    assert str(summarize("Одно предложение без точки")) == "Одно предложение без точки"
    english = "The minister met his counterpart. They signed a plan. Talks went well."
    summary = summarize(english, sentences=2)
    check_summary(english, summary)
    assert len(summary.sentences) == 2


def test_a_5_mb_text_does_not_crash(news):
    text = "\n\n".join(news.values())
    text = text * (5_000_000 // len(text) + 1)
    summary = summarize(text, sentences=5)
    assert len(summary.sentences) == 5
    first = summary.sentences[0]
    assert text[first.start : first.stop] == first.text


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\r\n", "\u00a0\ufeff"])
def test_blank_text_gives_an_empty_summary(text):
    summary = summarize(text)
    assert summary.sentences == () and summary.all_sentences == ()
    assert str(summary) == ""
    assert not summary


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["list"]])
def test_non_str_text_is_a_type_error_naming_the_argument(bad):
    with pytest.raises(TypeError, match="text must be str"):
        summarize(bad)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"sentences": 0}, "sentences must be an int >= 1"),
        ({"sentences": 2.5}, "sentences must be an int >= 1"),
        ({"sentences": True}, "sentences must be an int >= 1"),
        ({"ratio": 0}, r"ratio must be a number in \(0, 1\]"),
        ({"ratio": 1.5}, r"ratio must be a number in \(0, 1\]"),
        ({"words": -3}, "words must be an int >= 1"),
        ({"sentences": 2, "ratio": 0.5}, "at most one of sentences=, ratio=, words="),
    ],
)
def test_bad_length_options_are_value_errors(options, message):
    with pytest.raises(ValueError, match=message):
        summarize("Министр провёл переговоры.", **options)


def test_summarizer_does_no_work_in_init_and_fit_returns_self(news):
    model = Summarizer(sentences=2)
    assert model.get_params()["sentences"] == 2
    assert not [name for name in vars(model) if name.endswith("_")]
    corpus = list(news.values())
    assert model.fit(corpus) is model
    assert model.idf_ and model.n_documents_ == 254
    # scikit-learn's smoothed IDF over documents: ln((1 + n) / (1 + df)) + 1.
    df_rare = sum("Boeing" in text for text in corpus)  # named in one text only
    assert df_rare == 1
    assert model.idf_["boeing"] == pytest.approx(math.log(255 / 2) + 1)
    assert model.idf_["министр"] < model.idf_["boeing"]


def test_fitting_changes_the_scores(news):
    texts = list(news.values())
    model = Summarizer(sentences=3).fit(texts)
    changed = 0
    for text in texts[:50]:
        plain = Summarizer(sentences=3, idf="document").summarize(text)
        fitted = model.summarize(text)
        check_summary(text, fitted)
        assert fitted.options["idf"] == "corpus" and plain.options["idf"] == "document"
        changed += [s.score for s in plain.all_sentences] != [s.score for s in fitted.all_sentences]
    assert changed >= 45


def test_a_fitted_summarizer_survives_pickle(news):
    texts = list(news.values())
    model = Summarizer(sentences=2).fit(texts)
    clone = pickle.loads(pickle.dumps(model))
    assert clone.idf_ == model.idf_
    for text in texts[:20]:
        assert clone.summarize(text) == model.summarize(text)


def test_fit_rejects_bad_corpora():
    with pytest.raises(TypeError, match="texts must be an iterable"):
        Summarizer().fit("одна строка вместо списка")
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        Summarizer().fit(["текст", None])
    with pytest.raises(ValueError, match="at least one non-empty document"):
        Summarizer().fit(["", "  "])
    with pytest.raises(ValueError, match="no content words"):
        Summarizer().fit(["и и", "но, а также"])


def test_records_pickle_and_compare(seed):
    summary = summarize(seed)
    again = pickle.loads(pickle.dumps(summary))
    assert again == summary
    assert isinstance(again.sentences[0], Sentence)


def test_results_are_hashable_like_the_frozen_records_they_are(news):
    texts = list(news.values())[:5]
    summaries = [summarize(text) for text in texts] + [summarize(texts[0])]
    assert len(set(summaries)) == 5
    assert hash(summaries[0]) == hash(summaries[-1])


def test_the_summary_text_keeps_a_headline_on_its_own_line(seed):
    """«…план сотрудничества на 2026 год Даурен Косанов и…» read as one run-on sentence."""
    headline = seed.splitlines()[0].strip()
    summary = summarize(seed, sentences=2)
    assert summary.sentences[0].text == headline
    assert str(summary).startswith(headline + "\n")
    assert str(summarize("Первое предложение. Второе предложение.", sentences=2)) == (
        "Первое предложение. Второе предложение."
    )
    # every line break the splitter knows, not only \n
    assert str(summarize("Заголовок новости\u2028Первое предложение текста.", sentences=2)) == (
        "Заголовок новости\nПервое предложение текста."
    )
