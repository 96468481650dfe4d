"""summarize_many / extract_quotes_many: one result per input, in order, lazily, on several processes."""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections.abc import Iterable, Iterator

import pytest

from summarize import Quotes, Summary, extract_quotes, extract_quotes_many, summarize, summarize_many
from summarize.batch import TASK_SIZE, TASKS_PER_WORKER


class Counted:
    """An iterator over ``texts`` that counts how many items were pulled from it."""

    def __init__(self, texts: Iterable[object]) -> None:
        self._texts = iter(texts)
        self.pulled = 0

    def __iter__(self) -> Iterator[object]:
        return self

    def __next__(self) -> object:
        item = next(self._texts)
        self.pulled += 1
        return item


@pytest.fixture(scope="module")
def texts(news: dict[str, str]) -> list[str]:
    return list(news.values())


def test_summaries_equal_single_calls_in_order(texts):
    expected = [summarize(t, sentences=2) for t in texts]
    assert list(summarize_many(texts, sentences=2)) == expected


def test_quotes_equal_single_calls_in_order(texts):
    got = list(extract_quotes_many(texts))
    assert got == [extract_quotes(t) for t in texts]
    assert all(isinstance(q, Quotes) for q in got)
    assert sum(len(q) for q in got) > 50  # the corpus is news: quotes are there to find


def test_two_processes_give_the_same_results_in_input_order(texts):
    # Long and short texts alternate so that workers finish out of order.
    mixed = sorted(texts, key=len)
    mixed = [t for pair in zip(mixed, reversed(mixed), strict=True) for t in pair][: len(texts)]
    got = list(summarize_many(mixed, n_jobs=2, ratio=0.3))
    assert [s.text for s in got] == mixed
    assert got == [summarize(t, ratio=0.3) for t in mixed]
    assert list(extract_quotes_many(mixed, n_jobs=-1)) == [extract_quotes(t) for t in mixed]


def _probe() -> tuple[int, bool]:
    time.sleep(0.3)  # keep this worker busy so that the other one takes the second probe
    return os.getpid(), __import__("summarize.morph").morph._analyzer is not None


def test_workers_load_the_analyzer_once_and_keep_it(texts):
    from joblib.externals.loky import get_reusable_executor

    list(summarize_many(texts[:64], n_jobs=2))
    pool = get_reusable_executor(max_workers=2)
    before = [future.result() for future in [pool.submit(_probe), pool.submit(_probe)]]
    assert len({pid for pid, _ in before}) == 2 and all(loaded for _, loaded in before)
    # The next call runs on the same two processes: nothing is loaded again.
    assert list(summarize_many(texts[64:128], n_jobs=2)) == [summarize(t) for t in texts[64:128]]
    after = [future.result() for future in [pool.submit(_probe), pool.submit(_probe)]]
    assert {pid for pid, _ in after} == {pid for pid, _ in before}


def test_worker_results_travel_as_offsets():
    # The records still have the shape the compact transport knows; if a field is
    # added, update batch._SHAPES and the packers (results stay right, only slower).
    from summarize import batch

    assert batch._PACKABLE


def test_quotes_from_workers_are_the_quotes_of_one_process(texts):
    got = list(extract_quotes_many(texts[:40], n_jobs=2))
    assert got == [extract_quotes(t) for t in texts[:40]]
    assert all(q.speaker_confidence is not None for quotes in got for q in quotes)
    assert sum(len(quotes) for quotes in got) > 20


def test_errors_return_puts_the_exception_in_place(texts):
    items = [texts[0], None, texts[1], b"bytes", "", texts[2]]
    for n_jobs in (1, 2):
        got = list(summarize_many(items, errors="return", n_jobs=n_jobs))
        assert len(got) == len(items)
        assert [got[0], got[2], got[5]] == [summarize(t) for t in texts[:3]]
        assert isinstance(got[1], TypeError) and "texts[1]" in str(got[1]) and "NoneType" in str(got[1])
        assert isinstance(got[3], TypeError) and "texts[3]" in str(got[3]) and "bytes" in str(got[3])
        assert got[4] == summarize("") and isinstance(got[4], Summary) and not got[4]
    quotes = list(extract_quotes_many([None, texts[0]], errors="return"))
    assert isinstance(quotes[0], TypeError) and quotes[1] == extract_quotes(texts[0])


def test_errors_raise_after_yielding_the_documents_before(texts):
    results = summarize_many([texts[0], texts[1], 42, texts[2]])
    assert next(results) == summarize(texts[0])
    assert next(results) == summarize(texts[1])
    with pytest.raises(TypeError, match=r"texts\[2\] must be str, got int"):
        next(results)


def test_input_is_read_lazily_in_bounded_chunks(texts):
    endless = Counted(itertools.cycle(texts))
    results = summarize_many(endless, sentences=1)
    assert endless.pulled == 0  # nothing read before the first result is asked for
    first = list(itertools.islice(results, 5))
    assert [s.text for s in first] == texts[:5]
    assert endless.pulled == 5  # one process reads a text when its result is asked for
    later = list(itertools.islice(results, 600))
    assert [s.text for s in later] == list(itertools.islice(itertools.cycle(texts), 5, 605))
    assert endless.pulled == 605


def test_input_is_read_lazily_with_workers(texts):
    endless = Counted(itertools.cycle(texts))
    results = extract_quotes_many(endless, n_jobs=2)
    assert endless.pulled == 0
    got = list(itertools.islice(results, 300))
    assert [q.text for q in got] == list(itertools.islice(itertools.cycle(texts), 300))
    # Workers read ahead by a bounded window of tasks, never the whole input.
    assert 300 <= endless.pulled <= 300 + 2 * TASK_SIZE * TASKS_PER_WORKER
    results.close()


@pytest.mark.parametrize(
    "options, message",
    [
        ({"n_jobs": 0}, "n_jobs"),
        ({"n_jobs": 1.5}, "n_jobs"),
        ({"n_jobs": True}, "n_jobs"),
        ({"errors": "ignore"}, "errors"),
        ({"sentences": 0}, "sentences"),
        ({"ratio": 1.5}, "ratio"),
        ({"sentences": 2, "words": 40}, "at most one"),
    ],
)
def test_bad_options_fail_before_any_work(texts, options, message):
    source = Counted(texts)
    with pytest.raises(ValueError, match=message):
        summarize_many(source, **options)
    assert source.pulled == 0


def test_bad_arguments_raise_type_error(texts):
    with pytest.raises(TypeError, match="unexpected keyword argument 'lenght'"):
        summarize_many(texts, lenght=3)
    with pytest.raises(TypeError, match="unexpected keyword argument 'sentences'"):
        extract_quotes_many(texts, sentences=3)
    with pytest.raises(TypeError, match="iterable of str documents, got str"):
        summarize_many(texts[0])
    with pytest.raises(TypeError, match="got NoneType"):
        summarize_many(None)


def test_empty_input_gives_no_results():
    assert list(summarize_many([])) == []
    assert list(extract_quotes_many(iter([]), n_jobs=2)) == []


def test_progress_bar_on_stderr(texts, capsys):
    got = list(summarize_many(texts[:40], progress=True))
    assert len(got) == 40
    err = capsys.readouterr().err
    assert "40/40" in err and "doc" in err


def test_progress_without_tqdm_says_how_to_install(texts, monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(ImportError, match=r"summarize\[progress\]"):
        summarize_many(texts, progress=True)
