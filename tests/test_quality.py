"""News-aware scoring on the real factRuEval texts: shipped IDF, lead prior, fragments, redundancy, title.

The features and the learned model themselves are tested in test_sentence_model.py."""

from __future__ import annotations

import json
import math
import pickle
import re
from pathlib import Path

import pytest
from conftest import ROOT

from summarize import Summarizer, scoring, summarize
from summarize.text import WORD, sentences


def selected_texts(summary) -> list[str]:
    return [s.text for s in summary.sentences]


def test_the_shipped_idf_is_the_idf_of_the_shipped_news_texts(news):
    """data/idf.tsv is what benchmarks/build_idf.py makes of data/news: a fit on those texts agrees."""
    shipped, unseen = scoring.shipped_idf()
    model = Summarizer().fit(news.values())
    assert len(shipped) > 4000
    for lemma, value in model.idf_.items():
        # Lemmas of a single text are left out of the file and get the IDF of df = 1.
        assert shipped.get(lemma, unseen) == pytest.approx(value), lemma
    assert unseen == pytest.approx(math.log(255 / 2) + 1)
    for text in list(news.values())[:20]:
        assert summarize(text).all_sentences == model.summarize(text).all_sentences


def test_document_idf_is_still_available_and_differs(news):
    changed = 0
    for text in list(news.values())[:30]:
        shipped = summarize(text)
        own = Summarizer(idf="document").summarize(text)
        assert shipped.options["idf"] == "shipped" and own.options["idf"] == "document"
        changed += [s.score for s in shipped.all_sentences] != [s.score for s in own.all_sentences]
    assert changed >= 28


@pytest.mark.parametrize("length", [{"sentences": 1}, {"sentences": 3}, {"sentences": 5}, {"ratio": 0.3}])
def test_the_selection_is_the_top_of_the_mmr_scores(news, length):
    """Scores are MMR values: ranking by score reproduces the selection, whatever the length."""
    for name, text in news.items():
        summary = summarize(text, **length)
        best = sorted(summary.all_sentences, key=lambda s: (-s.score, s.index))[: len(summary.sentences)]
        assert {s.index for s in best} == {s.index for s in summary.sentences}, name


def test_the_lead_prior_picks_the_first_sentence_more_often(news):
    def lead_rate(**params) -> float:
        model = Summarizer(sentences=1, **params)
        return sum(model.summarize(text).sentences[0].index == 0 for text in news.values()) / len(news)

    with_prior, without = lead_rate(), lead_rate(position=0.0)
    assert with_prior > without + 0.15
    assert with_prior > 0.5


def test_a_dateline_is_neither_chosen_nor_counted_as_the_lead(news):
    """«МОСКВА, 8 августа.» on a line of its own: a fragment, skipped by the prior and by the summary."""
    same = 0
    texts = [text for text in list(news.values())[:80] if len(sentences(text)) > 4]
    for text in texts:
        dated = "МОСКВА, 8 августа.\n" + text
        summary = summarize(dated)
        assert summary.all_sentences[0].text == "МОСКВА, 8 августа."
        assert not summary.all_sentences[0].selected
        same += selected_texts(summary) == selected_texts(summarize(text))
    assert same >= 0.9 * len(texts)


def test_a_repeated_sentence_is_picked_once(news):
    """The lead sentence written twice: never both copies, even with redundancy=0, and one copy
    is picked about as often as the lead of the text without the repeat."""
    tried = 0
    for label, model in (("default", Summarizer()), ("no redundancy", Summarizer(redundancy=0.0))):
        once = lead_picked = 0
        for text in news.values():
            spans = sentences(text)
            if len(spans) < 6:
                continue
            lead = spans[0]
            doubled = text[: lead.stop] + "\n" + lead.text + text[lead.stop :]  # its own line
            picked = selected_texts(model.summarize(doubled))
            assert picked.count(lead.text) < 2, label
            once += picked.count(lead.text) == 1
            lead_picked += lead.text in selected_texts(model.summarize(text))
            tried += 1
        assert once >= 0.9 * lead_picked > 50, label
    assert tried > 300


def test_redundancy_control_changes_what_is_picked(news):
    changed = sum(
        selected_texts(summarize(text)) != selected_texts(Summarizer(redundancy=0.0).summarize(text))
        for text in news.values()
    )
    assert changed > 10


def test_a_headline_moves_the_summary_towards_its_words(news):
    """With the last sentence as headline, that sentence gains; the summary moves in some texts."""
    model = Summarizer(sentences=3, redundancy=0.0)  # scores are then the relevance itself
    moved = 0
    for text in list(news.values())[:40]:
        last = sentences(text)[-1].text
        plain, titled = model.summarize(text), model.summarize(text, title=last)
        if plain.all_sentences[-1].score > 0:  # not a fragment
            assert titled.all_sentences[-1].score > plain.all_sentences[-1].score
        moved += selected_texts(titled) != selected_texts(plain)
    assert moved >= 2
    text = next(iter(news.values()))
    assert summarize(text, title=None) == summarize(text) == summarize(text, title="")


@pytest.mark.parametrize("bad", [b"title", 7, ["title"]])
def test_a_non_str_title_is_a_type_error_naming_it(bad):
    with pytest.raises(TypeError, match="title must be str"):
        summarize("Министр провёл переговоры.", title=bad)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"position": -0.1}, "position must be a finite number >= 0"),
        ({"position": True}, "position must be a finite number >= 0"),
        ({"position": math.inf}, "position must be a finite number >= 0"),
        ({"redundancy": 1.0}, "redundancy must be below 1"),
        ({"redundancy": math.nan}, "redundancy must be a finite number >= 0"),
        ({"idf": "corpus"}, "idf must be one of"),
    ],
)
def test_bad_scoring_parameters_are_value_errors(params, message):
    model = Summarizer(**params)  # __init__ stores, checks happen on use
    with pytest.raises(ValueError, match=message):
        model.summarize("Министр провёл переговоры.")


def test_new_parameters_are_estimator_parameters(seed):
    model = Summarizer(sentences=2, position=0.5, redundancy=0.0, idf="document")
    assert model.get_params() == {
        "sentences": 2,
        "ratio": None,
        "words": None,
        "position": 0.5,
        "redundancy": 0.0,
        "idf": "document",
    }
    assert repr(model) == "Summarizer(sentences=2, position=0.5, redundancy=0.0, idf='document')"
    assert repr(Summarizer()) == "Summarizer()"
    clone = pickle.loads(pickle.dumps(model))
    assert clone.summarize(seed) == model.summarize(seed)


def test_the_word_budget_holds_with_redundancy_control(news):
    for text in list(news.values())[:60]:
        summary = summarize(text, words=40)
        assert summary.sentences
        if len(summary.sentences) > 1:
            assert sum(len(WORD.findall(s.text)) for s in summary.sentences) <= 40


def load_benchmark(name: str):
    """A script of benchmarks/ as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_runs_on_the_copied_leads_set(capsys):
    """benchmarks/rouge.py on data/summaries (dev split): one table, the oracle on top, and the
    paired bootstrap of ours against every other system."""
    bench = load_benchmark("rouge")
    assert bench.WordTokenizer().tokenize("Ёлка в Москве, 2026") == ["елка", "в", "москве", "2026"]
    data = Path(ROOT / "data" / "summaries" / "factrueval_leads.jsonl")
    systems = "ours,ours+title,lead,oracle"
    argv = ["--data", str(data), "--split", "dev", "--sentences", "1", "--systems", systems]
    bench.main([*argv, "--bootstrap", "200"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("factrueval_leads.jsonl split=dev docs=19 sentences=1")
    cells = [line.strip("| ").split(" | ") for line in lines[3:7]]
    rows = {cell[0]: [float(x) for x in cell[1:4]] for cell in cells}
    assert set(rows) == {"ours", "ours+title", "lead", "oracle"}
    for name in ("ours", "lead", "ours+title"):
        assert all(0 < a < b for a, b in zip(rows[name], rows["oracle"], strict=True)), name
    assert lines[7] == "" and lines[8].startswith("paired bootstrap over documents (200 resamples)")
    against = {line.strip("| ").split(" | ")[0]: line for line in lines[11:]}
    assert set(against) == {"ours+title", "lead", "oracle"}
    # The oracle is at least as good as ours on every document: no resample has ours ahead.
    assert against["oracle"].count(" 0%") == 3


def test_the_paired_bootstrap_brackets_the_mean_difference():
    bench = load_benchmark("rouge")
    scores = [(float(i % 7), float(i % 3), float(i % 5)) for i in range(40)]
    same = bench.paired_bootstrap(scores, scores, 300)
    assert same == [(0.0, 0.0, 0.0, 1.0)] * 3
    # One point better on every document and metric: the interval collapses on +1.
    better = [tuple(x + 1 for x in row) for row in scores]
    assert bench.paired_bootstrap(better, scores, 300) == [(1.0, 1.0, 1.0, 1.0)] * 3
    assert bench.paired_bootstrap(scores, better, 300) == [(-1.0, -1.0, -1.0, 0.0)] * 3
    # Noisy differences: the interval holds the mean, and the same seed gives the same result.
    noisy = [(a + (i % 4) - 1.0, b, c - (i % 2)) for i, (a, b, c) in enumerate(scores)]
    result = bench.paired_bootstrap(noisy, scores, 500)
    for mean, low, high, share in result:
        assert low <= mean <= high and 0.0 <= share <= 1.0
    assert result[0][0] == pytest.approx(sum((i % 4) - 1.0 for i in range(40)) / 40)
    assert result == bench.paired_bootstrap(noisy, scores, 500)


def test_the_lead_proxy_uses_dev_texts_only_and_cuts_them_at_the_first_paragraph():
    proxy = load_benchmark("lead_proxy")
    rows = proxy.proxy_rows()
    leads = {row["id"] for row in map(json.loads, proxy.LEADS.read_text(encoding="utf-8").splitlines())}
    assert len(rows) > 19  # more than the leads set's own dev split, or there is no point
    for row in rows:
        assert row["id"].startswith("devset_") and row["id"] not in leads and row["split"] == "dev"
        source = (proxy.NEWS / f"{row['id']}.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
        assert source.strip().startswith(row["summary"] + "\n")
        assert len(sentences(row["summary"])) == 1
        assert len(re.findall(r"\w+", row["text"])) >= proxy.MIN_WORDS  # words and numbers
        for paragraph in row["text"].split("\n\n"):
            assert paragraph in source
