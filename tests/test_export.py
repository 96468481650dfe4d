"""Export: ``to_dict()`` through JSON and back, ``to_frame()`` columns and values,
and a clear message when pandas is missing."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd  # the dev extra installs it
import pytest

from summarize import Quote, Quotes, Span, summarize
from summarize.export import QUOTE_COLUMNS, SENTENCE_COLUMNS, to_frame


def peskov() -> Quotes:
    text = "«Мы готовы», — заявил Песков. Рынок закрылся: «тихо»."
    quotes = Quotes(
        text,
        (
            Quote(
                "Мы готовы",
                1,
                10,
                "Дмитрий Песков",
                Span("Песков", 22, 28),
                Span("заявил", 15, 21),
                "direct",
                0.97,
            ),
            Quote("тихо", 47, 51, None, None, None, "partial"),
        ),
    )
    for quote in quotes:
        assert text[quote.start : quote.stop] == quote.text
    return quotes


def test_summary_to_dict_survives_json_on_real_texts(news):
    for name in sorted(news)[::25]:
        text = news[name]
        data = summarize(text).to_dict()
        back = json.loads(json.dumps(data, ensure_ascii=False))
        assert back == data, name
        assert back["text"] == text
        assert len(back["sentences"]) >= 1
        for sentence in back["sentences"]:
            assert text[sentence["start"] : sentence["stop"]] == sentence["text"]
        chosen = [s["text"].strip() for s in back["sentences"] if s["selected"]]
        assert back["summary"].replace("\n", " ") == " ".join(chosen)


def test_quotes_to_dict_survives_json():
    quotes = peskov()
    data = quotes.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["quotes"][0] == {
        "text": "Мы готовы",
        "start": 1,
        "stop": 10,
        "speaker": "Дмитрий Песков",
        "speaker_mention": {"text": "Песков", "start": 22, "stop": 28},
        "cue": {"text": "заявил", "start": 15, "stop": 21},
        "type": "direct",
        "speaker_confidence": 0.97,
    }
    assert data["quotes"][1]["speaker_mention"] is None and data["quotes"][1]["cue"] is None


def test_summary_frame_has_one_row_per_sentence(news):
    text = news["devset_book_256.txt"]
    summary = summarize(text, sentences=2)
    frame = summary.to_frame()
    assert tuple(frame.columns) == SENTENCE_COLUMNS
    assert len(frame) == len(summary.all_sentences)
    assert frame["selected"].sum() == 2
    assert list(frame["index"]) == list(range(len(frame)))
    for row in frame.itertuples(index=False):
        assert text[row.start : row.stop] == row.text
    assert list(frame["score"]) == [s.score for s in summary.all_sentences]


def test_quotes_frame_flattens_the_spans():
    frame = peskov().to_frame()
    assert tuple(frame.columns) == QUOTE_COLUMNS
    first, second = frame.iloc[0], frame.iloc[1]
    assert (first["speaker"], first["speaker_mention"], first["cue"]) == (
        "Дмитрий Песков",
        "Песков",
        "заявил",
    )
    assert (first["start"], first["stop"], first["speaker_start"], first["speaker_stop"]) == (1, 10, 22, 28)
    assert (first["cue_start"], first["cue_stop"], first["type"]) == (15, 21, "direct")
    assert first["speaker_confidence"] == 0.97 and str(frame["speaker_confidence"].dtype) == "Float64"
    assert second["type"] == "partial"
    missing = ("speaker", "speaker_mention", "speaker_start", "speaker_stop", "cue", "cue_start", "cue_stop")
    missing += ("speaker_confidence",)
    assert all(second[name] is pd.NA for name in missing)
    assert str(frame["cue_start"].dtype) == "Int64" and str(frame["speaker"].dtype) == "string"


def test_frames_of_many_texts_concatenate_with_one_kind_of_missing_value():
    # A text whose quotes all lack a speaker must not turn the column into objects
    # holding None while other texts hold NaN.
    anonymous = Quotes("Рынок закрылся: «тихо».", (Quote("тихо", 17, 21, type="partial"),))
    frame = pd.concat([anonymous.to_frame(), peskov().to_frame()], ignore_index=True)
    assert str(frame["speaker"].dtype) == "string" and str(frame["speaker_start"].dtype) == "Int64"
    assert list(frame["speaker"].isna()) == [True, False, True]
    assert frame["speaker"][0] is pd.NA and frame["speaker"][2] is pd.NA


def test_empty_results_give_empty_frames_with_the_columns():
    assert tuple(summarize("").to_frame().columns) == SENTENCE_COLUMNS
    frame = Quotes("Без цитат.").to_frame()
    assert tuple(frame.columns) == QUOTE_COLUMNS and len(frame) == 0


def test_missing_pandas_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r'pip install "summarize\[pandas\]"'):
        summarize("Цены выросли.").to_frame()
    with pytest.raises(ImportError, match=r'pip install "summarize\[pandas\]"'):
        peskov().to_frame()


def test_rejects_other_objects():
    with pytest.raises(TypeError, match="Summary or Quotes"):
        to_frame(["Цены выросли."])  # type: ignore[arg-type]


def test_importing_the_package_loads_no_pandas_or_ipython():
    code = (
        "import sys, summarize, summarize.display, summarize.export; "
        "print(sorted(m for m in ('pandas', 'IPython') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
