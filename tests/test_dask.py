"""summarize.dask on a real distributed.LocalCluster with two worker processes."""

from __future__ import annotations

import json
import logging

import dask.bag as db
import pytest
from distributed import Client, LocalCluster

from summarize import extract_quotes, summarize
from summarize.dask import quotes_bag, summarize_bag


@pytest.fixture(scope="module")
def client():
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def texts(news: dict[str, str]) -> list[str]:
    return list(news.values())


def test_summaries_on_two_workers_equal_single_process_ones(client, texts):
    bag = db.from_sequence(texts, npartitions=8)
    got = summarize_bag(bag, sentences=2).compute()
    assert got == [summarize(t, sentences=2) for t in texts]
    # Both worker processes did the work, and each keeps its analyzer for the next partition.
    loaded = client.run(lambda: __import__("summarize.morph").morph._analyzer is not None)
    assert len(loaded) == 2 and all(loaded.values())


def test_quotes_on_two_workers_equal_single_process_ones(client, texts):
    got = quotes_bag(db.from_sequence(texts, npartitions=8)).compute()
    assert got == [extract_quotes(t) for t in texts]


def test_the_readme_recipe_keeps_ids_with_results(client, texts, tmp_path):
    source = tmp_path / "archive.jsonl"
    source.write_text(
        "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    records = db.read_text(str(source), blocksize=100_000).map(json.loads)
    assert records.npartitions > 1
    summaries = summarize_bag(records.pluck("text"), ratio=0.2)
    rows = db.zip(records.pluck("id"), summaries).map(lambda pair: {"id": pair[0], **pair[1].to_dict()})
    got = rows.compute()
    assert [row["id"] for row in got] == list(range(len(texts)))
    assert [row["summary"] for row in got] == [str(summarize(t, ratio=0.2)) for t in texts]


def test_errors_in_place_or_raised(client, texts):
    bag = db.from_sequence([texts[0], None, texts[1]], npartitions=2)
    got = summarize_bag(bag, errors="return").compute()
    assert got[0] == summarize(texts[0]) and got[2] == summarize(texts[1])
    assert isinstance(got[1], TypeError) and "text must be str, got NoneType" in str(got[1])
    with pytest.raises(TypeError, match="got NoneType"):
        quotes_bag(bag).compute()


def test_bad_options_fail_before_computing():
    bag = db.from_sequence(["Текст."])
    with pytest.raises(ValueError, match="ratio"):
        summarize_bag(bag, ratio=2.0)
    with pytest.raises(ValueError, match="errors"):
        quotes_bag(bag, errors="skip")
    with pytest.raises(TypeError, match="dask.bag.Bag"):
        summarize_bag(["Текст."])
