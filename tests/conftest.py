"""Shared fixtures: the real news texts shipped in ``data/``."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "data" / "news" / "factrueval"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def news() -> dict[str, str]:
    """All 254 factRuEval texts by file name."""
    texts = {path.name: read(path) for path in sorted(NEWS.glob("*.txt"))}
    assert len(texts) == 254
    return texts


@pytest.fixture(scope="session")
def seed() -> str:
    """The TASS article this project started from (five quotes, «Айбын» is a name)."""
    return read(FIXTURES / "seed_tass.txt")


def best_time(function, text: str, runs: int = 3) -> float:
    """The least CPU time of this process over ``runs`` calls: other processes on a busy
    machine barely move it, unlike wall-clock time.  The garbage collector is off while
    timing (as ``timeit`` does): its full passes scan every object the whole test session
    has cached, which says nothing about the cost of the function itself."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            started = time.process_time()
            function(text)
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best
