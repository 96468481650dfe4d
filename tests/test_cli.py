"""The ``summarize`` command, run as a real subprocess on the real news texts."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from importlib.resources import files
from pathlib import Path

import pytest
from conftest import FIXTURES, NEWS

from summarize import extract_quotes, summarize

SCRIPT = Path(sys.executable).with_name("summarize")
ARTICLE = NEWS / "devset_book_256.txt"


def run(*args: str, stdin: str | None = None, script: bool = False) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if script else [sys.executable, "-m", "summarize"]
    return subprocess.run(
        [*command, *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def archive(tmp_path_factory, news) -> Path:
    """All 254 texts as JSON Lines, ids = file names without .txt."""
    path = tmp_path_factory.mktemp("archive") / "in.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for name, text in news.items():
            out.write(json.dumps({"id": name.removesuffix(".txt"), "text": text}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory, news) -> tuple[Path, list[str]]:
    """Eight copies of the corpus with their own ids: long enough to be interrupted mid-run."""
    path = tmp_path_factory.mktemp("archive") / "big.jsonl"
    ids = [f"{copy}/{name}" for copy in range(8) for name in news]
    with path.open("w", encoding="utf-8") as handle:
        for key in ids:
            handle.write(json.dumps({"id": key, "text": news[key.split("/")[1]]}, ensure_ascii=False) + "\n")
    return path, ids


# -- the foundation: plain text in, summary out ------------------------------------------------


def test_demo_summarises_the_bundled_article():
    demo = files("summarize").joinpath("data/demo.txt").read_text(encoding="utf-8")
    result = run("--demo", script=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == str(summarize(demo)) + "\n"
    assert len(summarize(demo).sentences) == 3 and "Кан" in result.stdout


def test_file_with_a_length():
    text = ARTICLE.read_text(encoding="utf-8")
    result = run(ARTICLE, "--sentences", "2", script=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == str(summarize(text, sentences=2)) + "\n"
    assert result.stdout.startswith("С 27 марта 2011 года Россия будет жить только по летнему времени")
    assert run(ARTICLE, "--ratio", "0.2").stdout == str(summarize(text, ratio=0.2)) + "\n"
    assert run(ARTICLE, "-w", "30").stdout == str(summarize(text, words=30)) + "\n"


def test_standard_input_and_python_m_are_the_same_program():
    text = ARTICLE.read_text(encoding="utf-8")
    piped = run("-", stdin=text, script=True)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == str(summarize(text)) + "\n"
    assert run("-", stdin=text).stdout == piped.stdout


def test_several_files_get_headers(news):
    second = NEWS / "devset_book_100.txt"
    result = run(ARTICLE, second, "-n", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"==> {ARTICLE} <==\n{summarize(news[ARTICLE.name], sentences=1)}\n"
        f"\n==> {second} <==\n{summarize(news[second.name], sentences=1)}\n"
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["no-such-file.txt"], "cannot read no-such-file.txt: No such file or directory"),
        ([ARTICLE, "--sentences", "0"], "sentences must be an int >= 1"),
        ([ARTICLE, "--ratio", "1.5"], "ratio must be a number in (0, 1]"),
        ([ARTICLE, "--sentences", "2", "--words", "10"], "not allowed with argument"),
        ([ARTICLE, "--sentences", "two"], "invalid int value: 'two'"),
        ([ARTICLE, "--jobs", "0"], "--jobs must not be 0"),
        ([ARTICLE, "--quotes", "--sentences", "2"], "do not go with --quotes"),
        ([ARTICLE, "--frobnicate"], "unrecognized arguments: --frobnicate"),
        ([], "give FILE"),
        (["--demo", ARTICLE], "give FILE"),
    ],
)
def test_bad_usage_exits_2_with_a_clear_message(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Министр обороны провёл переговоры.".encode("cp1251"))
    result = run(path)
    assert result.returncode == 2 and "not UTF-8 text" in result.stderr


# -- JSON and quotes ------------------------------------------------------------------------------


def test_json_prints_one_object_per_file(news):
    second = NEWS / "devset_book_100.txt"
    result = run(ARTICLE, second, "--json", "-n", "2")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [str(ARTICLE), str(second)]
    for record, path in zip(records, (ARTICLE, second), strict=True):
        text = news[path.name]
        assert record == {"id": str(path), **summarize(text, sentences=2).to_dict()}
        for sentence in record["sentences"]:
            assert text[sentence["start"] : sentence["stop"]] == sentence["text"]


def test_quotes_as_a_table(seed):
    quotes = extract_quotes(seed)
    assert len(quotes) >= 3
    result = run(FIXTURES / "seed_tass.txt", "--quotes")
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["speaker", "sure", "cue", "type", "offsets", "quote"]
    assert len(rows) == len(quotes)
    for row, quote in zip(rows, quotes, strict=True):
        assert quote.speaker_confidence is not None
        assert f"  {quote.speaker_confidence:.2f}  " in row
        assert f"  {quote.start}:{quote.stop}  " in row
        assert row.endswith(" ".join(quote.text.split()))
        assert f"  {quote.type}  " in row
        assert row.startswith(quote.speaker or "-")


def test_quotes_as_json(seed):
    result = run(FIXTURES / "seed_tass.txt", "--quotes", "--json")
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record == {"id": str(FIXTURES / "seed_tass.txt"), **extract_quotes(seed).to_dict()}
    for quote in record["quotes"]:
        assert seed[quote["start"] : quote["stop"]] == quote["text"]


def test_a_text_without_quotes_says_so():
    result = run("-", "--quotes", stdin="Погода в Москве была тёплой. Снег растаял.")
    assert result.returncode == 0 and result.stdout == "(no quotes)\n"


def test_jsonl_input_from_standard_input(news):
    texts = list(news.values())[:5]
    stdin = "".join(json.dumps({"id": 10 * i, "text": t}) + "\n\n" for i, t in enumerate(texts))
    result = run("--jsonl", "-", "--json", "-n", "1", stdin=stdin)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [0, 10, 20, 30, 40]
    assert [r["summary"] for r in records] == [str(summarize(t, sentences=1)) for t in texts]
    # Without an id a line is known by its line number; without --json the output is text.
    plain = run("--jsonl", "-", "-n", "1", stdin=json.dumps({"text": texts[0]}) + "\n")
    assert plain.stdout == f"==> 1 <==\n{summarize(texts[0], sentences=1)}\n"


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"id": 1, "text": "Текст."}\nnot json\n', "line 2: not JSON"),
        ('{"id": 1, "text": null}\n', 'line 1: expected an object with a string "text"'),
        ('["Текст."]\n', 'line 1: expected an object with a string "text"'),
        ('{"id": 1, "text": "Раз."}\n{"id": 1, "text": "Два."}\n', "id 1 appears twice"),
    ],
)
def test_bad_jsonl_input_exits_2(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    result = run("--jsonl", path, "--json")
    assert result.returncode == 2
    assert message in result.stderr


# -- archives: --out with resume --------------------------------------------------------------------


def test_archive_run_writes_one_line_per_input_in_order(tmp_path, archive, news):
    out = tmp_path / "quotes.jsonl"
    result = run("--jsonl", archive, "--out", out, "--jobs", "2", "--quotes", script=True)
    assert result.returncode == 0, result.stderr
    assert "254/254" in result.stderr  # the progress bar
    assert "254 written" in result.stderr and "0 already there" in result.stderr
    records = lines(out)
    assert [r["id"] for r in records] == [name.removesuffix(".txt") for name in news]
    for record, text in zip(records, news.values(), strict=True):
        assert record == {"id": record["id"], **extract_quotes(text).to_dict()}
    # A second run finds everything done and adds nothing.
    again = run("--jsonl", archive, "--out", out, "--quotes", "--quiet")
    assert again.returncode == 0 and "0 written" in again.stderr and "254 already there" in again.stderr
    assert lines(out) == records


def test_resume_after_a_cut_off_last_line(tmp_path, archive, news):
    out = tmp_path / "summaries.jsonl"
    assert run("--jsonl", archive, "--out", out, "-n", "2", "--quiet").returncode == 0
    complete = out.read_bytes()
    # An interruption in the middle of writing line 101: 100 whole lines and half of the next.
    cut = complete.split(b"\n")
    out.write_bytes(b"\n".join(cut[:100]) + b"\n" + cut[100][: len(cut[100]) // 2])
    result = run("--jsonl", archive, "--out", out, "-n", "2", "--jobs", "2", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "154 written" in result.stderr and "100 already there" in result.stderr
    assert out.read_bytes() == complete
    assert [r["summary"] for r in lines(out)] == [str(summarize(t, sentences=2)) for t in news.values()]


def test_resume_after_the_process_is_killed(tmp_path, big_archive, news):
    source, ids = big_archive
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "summarize", "--jsonl", str(source), "--out", str(out), "--quiet"]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 200):
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    written_before = out.read_bytes().count(b"\n")
    assert 200 <= written_before < len(ids), "the run was not interrupted"

    result = run("--jsonl", source, "--out", out, "--quiet")
    assert result.returncode == 0, result.stderr
    assert f"{written_before} already there" in result.stderr
    records = lines(out)
    assert [r["id"] for r in records] == ids  # no duplicate, no loss, input order
    assert all(r["summary"] == str(summarize(news[r["id"].split("/")[1]])) for r in records[::97])


def test_ctrl_c_stops_cleanly_and_says_how_to_resume(tmp_path, big_archive):
    source, ids = big_archive
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "summarize", "--jsonl", str(source), "--out", str(out), "--jobs", "2"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or not out.read_bytes()):
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "interrupted; run the same command again to resume" in err
    done = lines(out)  # every line written is whole
    assert 0 < len(done) < len(ids) and [r["id"] for r in done] == ids[: len(done)]


def test_out_refuses_a_file_that_is_not_ours(tmp_path, archive):
    out = tmp_path / "notes.jsonl"
    out.write_text("my notes\nmore\n", encoding="utf-8")
    result = run("--jsonl", archive, "--out", out)
    assert result.returncode == 2 and "line 1: not a summarize output line" in result.stderr
    assert out.read_text(encoding="utf-8") == "my notes\nmore\n"
    same = run("--jsonl", archive, "--out", archive)
    assert same.returncode == 2 and "--out must not be one of the input files" in same.stderr


def test_resume_refuses_other_settings(tmp_path, news):
    out = tmp_path / "out.jsonl"
    paths = [NEWS / name for name in list(news)[:3]]
    assert run(*paths[:2], "--out", out, "-n", "2").returncode == 0
    written = out.read_text(encoding="utf-8")
    for args, shown in [
        (["-n", "3"], 'summaries, {"sentences": 3'),
        (["--ratio", "0.5"], 'summaries, {"ratio": 0.5'),
        (["--quotes"], "not quotes"),
    ]:
        result = run(*paths, "--out", out, *args)
        assert result.returncode == 2
        assert "line 1 was written with other settings" in result.stderr and shown in result.stderr
        assert out.read_text(encoding="utf-8") == written
    # An error line from an earlier run counts as done whatever the settings.
    failed = json.dumps({"id": str(paths[2]), "error": "MemoryError: "})
    out.write_text(f"{written}{failed}\n", encoding="utf-8")
    result = run(*paths, "--out", out, "-n", "2")
    assert result.returncode == 0 and "3 already there" in result.stderr


def test_plain_files_into_an_archive(tmp_path, news):
    out = tmp_path / "out.jsonl"
    paths = [NEWS / name for name in list(news)[:3]]
    result = run(*paths, "--out", out)
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in lines(out)] == [str(p) for p in paths]
    more = run(*paths, NEWS / list(news)[3], "--out", out)
    assert "1 written" in more.stderr and "3 already there" in more.stderr
    assert [r["id"] for r in lines(out)] == [str(p) for p in paths] + [str(NEWS / list(news)[3])]
