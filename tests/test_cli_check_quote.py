"""``summarize --check-quote CLAIM FILE``, run as a real subprocess on the TASS seed article."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import FIXTURES, NEWS

SEED = FIXTURES / "seed_tass.txt"


def run(*args: object, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "summarize", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_an_exact_quote_prints_its_span(seed: str) -> None:
    done = run("--check-quote", "«В военной сфере развивается успешно»", SEED)
    assert done.returncode == 0, done.stderr
    verdict, span = done.stdout.splitlines()
    assert verdict == "exact (similarity 1)"
    start = seed.find("в военной сфере развивается успешно")
    assert span == f"source {start}:{start + 35}: в военной сфере развивается успешно"


def test_an_altered_quote_names_the_change() -> None:
    done = run("--check-quote", "способствуют дальнейшему укреплению тактического партнерства", SEED)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("altered (similarity 0.")
    assert lines[1].endswith(": способствуют дальнейшему укреплению стратегического партнерства")
    assert lines[2:] == ["replace «тактического» -> «стратегического»"]


def test_an_absent_quote_and_standard_input() -> None:
    done = run("--check-quote", "Погода была тёплой", "-", stdin=SEED.read_text(encoding="utf-8"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["absent (similarity 0)", "no passage of the source matches the claim"]


def test_json_output_for_several_files(seed: str) -> None:
    other = NEWS / "devset_book_256.txt"
    done = run("--json", "--check-quote", "в 2027 году мы планируем провести его", SEED, other)
    assert done.returncode == 0, done.stderr
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert first["id"] == str(SEED) and first["status"] == "altered"
    assert first["differences"] == [["replace", ["2027"], ["2026"]]]
    assert seed[first["start"] : first["stop"]] == first["text"] == "В 2026 году мы планируем провести его"
    assert second["id"] == str(other) and second["status"] == "absent" and second["text"] is None


def test_bad_usage_exits_2() -> None:
    for args in (
        ["--check-quote", "«»", SEED],
        ["--check-quote", "слова", "--quotes", SEED],
        ["--check-quote", "слова", "--sentences", "2", SEED],
        ["--check-quote", "слова"],
        ["--check-quote", "слова", FIXTURES / "no such file.txt"],
    ):
        done = run(*args)
        assert done.returncode == 2, args
        assert done.stdout == ""
        assert "summarize: error:" in done.stderr
