"""A quote candidate: what the stages that find quotations hand to the decision and the attribution."""

from __future__ import annotations

from dataclasses import dataclass, field

from .cues import Cue
from .marks import Pair
from .model import Features


@dataclass
class Candidate:
    """Words that may be a quotation (``text[start:stop]``), how they were found and the evidence.

    ``kind`` is "mark" (a pair of quotation marks), "dash" or "block" (no marks); ``cue`` the
    speech cue and speaker mention the layout found; ``type`` the quote type it would have;
    ``features`` the named evidence the learned decision weighs (:mod:`.decide`).
    """

    start: int
    stop: int
    kind: str
    cue: Cue | None = None
    type: str = "direct"
    pair: Pair | None = None
    features: Features = field(default_factory=dict)
