"""The learned sentence scorer: its features, its oracle labels, fit(texts, summaries), the shipped model."""

from __future__ import annotations

import importlib.util
import json
import math
import pickle
import subprocess
import sys

import pytest
from conftest import ROOT

from summarize import Span, Summarizer, scoring
from summarize.features import FEATURES, LONG_SENTENCE_WORDS, document_features, sentence_features
from summarize.sentence_model import SentenceModel, labelled_rows, oracle, shipped_model
from summarize.text import sentences

LEADS = ROOT / "data" / "summaries" / "factrueval_leads.jsonl"


def load_benchmark(name: str):
    """A script of benchmarks/ as a module (with benchmarks/ importable, as when it is run)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return module


@pytest.fixture(scope="module")
def leads() -> list[dict]:
    return [json.loads(line) for line in LEADS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def train():
    return load_benchmark("train_summarizer")


# -- the shipped model and its training table -------------------------------------------------


def test_the_shipped_model_is_what_the_training_script_fits_from_the_table(train):
    fitted = train.fit_table()
    shipped = shipped_model()
    assert shipped.features == fitted.features == FEATURES
    assert shipped.intercept == pytest.approx(fitted.intercept, abs=2e-6)
    assert shipped.weights == pytest.approx(fitted.weights, abs=2e-6)
    text = (ROOT / "summarize" / "data" / "sentence_model.tsv").read_text(encoding="utf-8")
    assert text == train.model_text(fitted, len(train.read_table()))


def test_the_table_holds_the_dev_splits_only(train):
    rows = train.read_table()
    documents: dict[str, set[str]] = {}
    for row in rows:
        documents.setdefault(row["source"], set()).add(row["document"])
        assert len(row["row"]) == len(FEATURES)
    assert {source: len(ids) for source, ids in documents.items()} == {"gazeta": 100, "rbc": 100, "leads": 19}
    # dev = the first 100 lines of the Gazeta and RBC files, the devset_* texts of factRuEval
    assert max(int(i.rsplit("-", 1)[1]) for i in documents["gazeta"] | documents["rbc"]) == 99
    assert all(i.startswith("devset_") for i in documents["leads"])
    share = sum(row["label"] for row in rows) / len(rows)
    assert 0.1 < share < 0.3  # about two oracle sentences in ten


def test_the_leads_rows_of_the_table_are_recomputed_from_their_texts(train, leads):
    """A change to the features or labels that is not followed by a rebuild of the table fails here."""
    stored = [row for row in train.read_table() if row["source"] == "leads"]
    dev = [doc for doc in leads if doc["split"] == "dev"]
    recomputed = [line.split("\t") for line in train.table_lines("leads", dev)]
    assert len(recomputed) == len(stored) > 150
    for row, cells in zip(stored, recomputed):
        assert (row["document"], row["sentence"], row["label"]) == (cells[1], int(cells[2]), cells[3] == "1")
        assert row["row"] == pytest.approx([float(x) for x in cells[4:]], abs=2e-6)


def test_summarising_does_not_import_scikit_learn():
    code = (
        "import sys, summarize\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "assert len(summarize.summarize(text).sentences) == 3\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sklearn'))\n"
    )
    path = ROOT / "summarize" / "data" / "demo.txt"
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# -- features ---------------------------------------------------------------------------------


def feature_dict(row) -> dict[str, float]:
    return dict(zip(FEATURES, row, strict=True))


def test_features_of_a_real_text(news):
    text = news["devset_book_256.txt"]
    spans = sentences(text)
    idf, unseen = scoring.shipped_idf()
    vectors, centrality, rows = document_features(text, spans, idf, unseen, 0.25)
    assert len(vectors) == len(centrality) == len(rows) == len(spans)
    full = [feature_dict(row) for row in rows if row is not None]
    assert [r["lead"] for r in full[:3]] == [1.0, 0.0, 0.0]
    assert [r["second"] for r in full[:3]] == [0.0, 1.0, 0.0]
    assert sum(r["lead"] for r in full) == 1
    priors = [r["prior"] for r in full]
    assert priors[0] == 0.0 and priors == sorted(priors, reverse=True)
    for row, c in zip(rows, centrality):
        if row is None:
            continue
        r = feature_dict(row)
        assert r["centrality"] == pytest.approx(math.log(max(c, 1e-3)))
        words = math.exp(r["words"])
        assert r["long"] == pytest.approx(max(0.0, math.log(words / LONG_SENTENCE_WORDS)))
        assert 0.0 <= r["quoted"] <= 1.0


def test_a_dateline_has_no_row_and_is_not_the_lead():
    spans = [
        Span("МОСКВА, 8 августа.", 0, 18),
        Span("Министр обороны провёл переговоры в Москве.", 19, 62),
        Span("«Мы договорились о сотрудничестве», — сказал министр.", 63, 115),
    ]
    lemmas = [["москва", "август"], ["министр", "оборона"], ["договориться", "министр"]]
    rows = sentence_features(spans, lemmas, [0.5, 0.5, 0.5], 0.25)
    assert rows[0] is None
    lead, quote = feature_dict(rows[1]), feature_dict(rows[2])
    assert lead["lead"] == 1.0 and quote["second"] == 1.0
    assert lead["quote_opener"] == 0.0 and quote["quote_opener"] == 1.0
    assert lead["quoted"] == 0.0 and quote["quoted"] == pytest.approx(4 / 6)


def test_novelty_counts_the_lemmas_no_earlier_sentence_had():
    """A sentence that repeats the lead's news adds little; one that brings new names and facts adds
    more, and a dateline's lemmas count as seen."""
    text = (
        "МОСКВА, 2 ноября. "
        "Министр обороны России провёл переговоры с министром обороны Казахстана в Москве. "
        "Переговоры министров обороны России и Казахстана прошли в Москве. "
        "Стороны подписали соглашение о поставках зенитных комплексов до 2025 года."
    )
    spans = sentences(text)
    rows = sentence_features(spans, scoring.sentence_terms(text, spans), [0.5] * len(spans), 0.25)
    assert rows[0] is None
    lead, repeat, news_ = (feature_dict(row)["novelty"] for row in rows[1:])
    # "москва" came with the dateline: the lead's new lemmas are министр, оборона, россия, провести,
    # переговоры, казахстан
    assert lead == pytest.approx(math.log(1 + 6))
    assert repeat == pytest.approx(math.log(1 + 1))  # only "пройти" is new
    assert news_ > repeat
    model = shipped_model()
    assert model.weights[FEATURES.index("novelty")] > 0


def test_position_zero_drops_every_position_feature(news):
    text = news["devset_book_256.txt"]
    idf, unseen = scoring.shipped_idf()
    _, _, rows = document_features(text, sentences(text), idf, unseen, 0.0)
    for row in rows:
        if row is not None:
            r = feature_dict(row)
            assert [r[name] for name in ("prior", "lead", "second", "third", "fourth", "fifth")] == [0.0] * 6


def test_the_shipped_model_damps_long_sentences_and_quotations():
    """Same centrality, same place: a 40-word sentence or one that opens a quotation scores lower."""
    model = shipped_model()
    plain = "Министр обороны провёл переговоры с коллегой и обсудил план сотрудничества на будущий год."
    quoted = "«" + plain[:-1] + "», — сказал он."
    long = plain[:-1] + " " + " ".join(["и обсудил вопросы безопасности в регионе"] * 5) + "."
    spans = [Span(s, 0, len(s)) for s in (plain, quoted, long)]
    probabilities = []
    for span in spans:
        (row,) = sentence_features([span], [["министр"]], [0.4], 0.25)
        probabilities.append(model.probability(row))
    assert probabilities[0] > probabilities[1] and probabilities[0] > probabilities[2]


# -- labels -----------------------------------------------------------------------------------


def test_the_oracle_picks_what_the_benchmarks_rouge_oracle_picks(leads):
    """Our ROUGE (no rouge-score at run time) agrees with rouge-score behind benchmarks/rouge.py."""
    from rouge_score import rouge_scorer

    bench = load_benchmark("rouge")
    scorer = rouge_scorer.RougeScorer(
        ["rouge1", "rouge2"], use_stemmer=False, tokenizer=bench.WordTokenizer()
    )
    theirs = bench.oracle_system(scorer)
    for doc in leads[:40]:
        units = [span.text for span in sentences(doc["text"])]
        for k in (1, 3):
            ours = oracle(units, doc["summary"], k)
            assert len(ours) <= k and len(set(ours)) == len(ours)
            assert " ".join(units[i] for i in sorted(ours)) == theirs(doc, units, k), doc["id"]


def test_labelled_rows_mark_the_oracle_sentences(leads):
    idf, unseen = scoring.shipped_idf()
    doc = leads[0]
    spans = sentences(doc["text"])
    labelled = labelled_rows(doc["text"], doc["summary"], idf, unseen, 0.25)
    picked = [i for i, _, label in labelled if label]
    assert picked and set(picked) <= set(oracle([s.text for s in spans], doc["summary"], 1))
    assert [i for i, _, _ in labelled] == sorted(i for i, _, _ in labelled)


# -- fit(texts, summaries) -------------------------------------------------------------------


def test_fit_learns_from_the_references_it_is_given(news):
    """References that are always a text's last full sentence teach it to leave the lead."""
    items = sorted(news.items())
    train_texts = [text for name, text in items if name.startswith("devset_") and len(sentences(text)) > 5]
    held_out = [text for name, text in items if name.startswith("testset_") and len(sentences(text)) > 5]
    references = [sentences(text)[-1].text for text in train_texts]
    model = Summarizer(sentences=1).fit(train_texts, references)
    assert model.n_documents_ == len(train_texts) and isinstance(model.model_, SentenceModel)

    def mean_place(summarizer: Summarizer) -> float:
        places = []
        for text in held_out:
            summary = summarizer.summarize(text)
            places.append(summary.sentences[0].index / len(summary.all_sentences))
        return sum(places) / len(places)

    assert mean_place(model) > mean_place(Summarizer(sentences=1)) + 0.3
    assert model.summarize(held_out[0]).options["model"] == "fitted"


def test_a_model_fitted_on_references_pickles_and_round_trips(leads):
    texts, summaries = [d["text"] for d in leads], [d["summary"] for d in leads]
    model = Summarizer(sentences=1).fit(texts, summaries)
    assert not hasattr(Summarizer(), "model_")
    clone = pickle.loads(pickle.dumps(model))
    assert clone.model_ == model.model_ and clone.idf_ == model.idf_
    assert clone.get_params() == model.get_params()
    for text in texts[:20]:
        assert clone.summarize(text) == model.summarize(text)
    assert SentenceModel.from_tsv(model.model_.to_tsv()).weights == pytest.approx(
        model.model_.weights, abs=1e-6
    )
    # Refitting on texts alone learns their IDF and goes back to the shipped model.
    model.fit(texts)
    assert not hasattr(model, "model_") and model.summarize(texts[0]).options["model"] == "shipped"


@pytest.mark.parametrize(
    "texts, summaries, error, message",
    [
        ("один текст", None, TypeError, "texts must be an iterable of str"),
        (["текст", None], None, TypeError, r"texts\[1\] must be str"),
        (["текст", b"bytes"], ["а", "б"], TypeError, r"texts\[1\] must be str, got bytes"),
        (["текст"], "сводка", TypeError, "summaries must be an iterable of str"),
        (["текст"], [7], TypeError, r"summaries\[0\] must be str"),
        (["текст", "другой"], ["сводка"], ValueError, "2 texts and 1 summaries"),
        (["текст", "другой"], ["сводка", "  "], ValueError, r"summaries\[1\] is blank"),
        (["", "  "], None, ValueError, "at least one non-empty document"),
    ],
)
def test_fit_rejects_bad_input_before_any_work(texts, summaries, error, message):
    model = Summarizer()
    with pytest.raises(error, match=message):
        model.fit(texts, summaries)
    assert not [name for name in vars(model) if name.endswith("_")]


def test_fit_needs_references_that_match_some_sentences_and_not_all():
    texts = ["Министр обороны провёл переговоры с коллегой. Погода в Москве была тёплой весь день."] * 3
    with pytest.raises(ValueError, match="no sentence to learn from"):
        Summarizer().fit(texts, ["Курс доллара вырос на бирже."] * 3)
