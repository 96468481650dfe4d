"""A quote candidate: what the stages that find quotations hand to the attribution."""

from __future__ import annotations

from dataclasses import dataclass

from .cues import Cue
from .marks import Pair


@dataclass
class Candidate:
    start: int
    stop: int
    kind: str  # "mark" | "dash" | "block"
    cue: Cue | None = None
    type: str = "direct"
    pair: Pair | None = None
