"""The package type-checks (it ships ``py.typed``) and passes the linter it is written against."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)


def test_mypy_finds_no_type_errors():
    result = run("mypy", "--no-error-summary")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing():
    result = run("ruff", "check", "summarize", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr
