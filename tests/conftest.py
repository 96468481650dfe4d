"""Shared fixtures: the real news texts shipped in ``data/``."""

from __future__ import annotations

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
