"""The learned weights of the quotation models, applied without scikit-learn.

Linear models decide, each over named evidence (``dict[str, float]``, most values 1.0):

- ``screen``: may a pair of marks be a quotation at all?  Only its cheap evidence (what the marks
  hold, what stands next to them) is weighed, so that a name like «Газпром» is dropped before the
  costlier reading of its layout; set to let through all but a few in a thousand quotations;
- ``keep``: is a pair of marks (or a dash line, a paragraph) a quotation?  Kept when its
  score is above zero, or a little below when its speaker is named surely (:class:`Rescue`);
- ``speaker``: which of a quote's candidate speakers (the people and organisations named
  around it, the previous quote's speaker, nobody) said it?  The best score wins.

:class:`Confidence` turns how a speaker was chosen into the chance that it is right
(``Quote.speaker_confidence``), calibrated on quotes the models had not been trained on.

The weights are trained by ``benchmarks/train_quotes.py`` (scikit-learn's logistic
regression) and shipped as plain numbers in ``summarize/data/quote_model.json``; scoring is
a sum of weights, and :meth:`Linear.explain` says which evidence counted for how much.

>>> model = Linear(bias=-1.0, weights={"cue:strong": 2.5, "name:head": -3.0})
>>> model.score({"cue:strong": 1.0})
1.5
>>> model.explain({"cue:strong": 1.0, "words:3": 1.0})
[('cue:strong', 2.5), ('(bias)', -1.0)]
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

Features = dict[str, float]
"""Named evidence about one candidate: feature name -> value."""

BIAS = "(bias)"


@dataclass(frozen=True)
class Linear:
    """A linear scorer: ``bias + sum(weights[name] * value)`` over the features it knows."""

    bias: float = 0.0
    weights: Mapping[str, float] = field(default_factory=dict)

    def score(self, features: Mapping[str, float]) -> float:
        weights = self.weights
        total = 0.0  # run for every candidate and option: a plain loop over the features it knows
        for name, value in features.items():
            if name in weights:
                total += weights[name] * value
        return self.bias + total

    def explain(self, features: Mapping[str, float]) -> list[tuple[str, float]]:
        """Each known feature's contribution and the bias, largest first by size."""
        parts = [
            (name, self.weights[name] * value) for name, value in features.items() if name in self.weights
        ]
        parts.append((BIAS, self.bias))
        return sorted(parts, key=lambda part: -abs(part[1]))

    def to_dict(self) -> dict[str, Any]:
        return {"bias": self.bias, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Linear:
        return cls(float(data["bias"]), {str(k): float(v) for k, v in data["weights"].items()})


MARGIN_CAP = 10.0
"""A speaker with no rival (nobody else is named) counts as this far ahead of the next best."""


@dataclass(frozen=True)
class Confidence:
    """How often a speaker chosen a given way is right, measured out of fold.

    ``named`` maps a route where the quote's own layout names the speaker (``"person"``: "— сказал
    Косанов", ``"org"``: "по словам Минобороны", ``"turn"``: an interview or transcript turn) to
    its share of right speakers; for a speaker the model chose, the chance is a logistic curve
    (``slope``, ``intercept``) of its score's margin over the next best candidate.

    >>> Confidence({"person": 0.95}, slope=1.0, intercept=-1.0).of("model", 1.0)
    0.5
    """

    named: Mapping[str, float] = field(default_factory=dict)
    slope: float = 0.0
    intercept: float = 0.0

    def of(self, route: str, margin: float) -> float:
        """The chance that the speaker chosen by ``route`` ("model" or a key of ``named``) is right."""
        if route in self.named:
            return self.named[route]
        return round(1.0 / (1.0 + math.exp(-(self.slope * min(margin, MARGIN_CAP) + self.intercept))), 3)

    def to_dict(self) -> dict[str, Any]:
        return {"named": dict(sorted(self.named.items())), "slope": self.slope, "intercept": self.intercept}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Confidence:
        named = {str(k): float(v) for k, v in data["named"].items()}
        return cls(named, float(data["slope"]), float(data["intercept"]))


@dataclass(frozen=True)
class Rescue:
    """A second chance for a doubtful pair of marks: one whose ``keep`` score is less than
    ``margin`` below zero (the precision margin the keep bias carries) is kept after all when its
    speaker is named with a confidence of at least ``confidence`` ("назвал решение «ошибкой»"
    with the one who named it at hand).

    >>> Rescue(1.0, 0.8).doubtful(-0.4), Rescue(1.0, 0.8).doubtful(-1.2)
    (True, False)
    """

    margin: float
    confidence: float

    def doubtful(self, score: float) -> bool:
        """Is a pair with this ``keep`` score (not kept) close enough to the threshold to be tried?"""
        return -self.margin < score <= 0.0


@dataclass(frozen=True)
class QuoteModel:
    """The models of :func:`summarize.extract_quotes` and where they came from."""

    keep: Linear
    speaker: Linear
    screen: Linear | None = None
    about: Mapping[str, Any] = field(default_factory=dict)
    confidence: Confidence | None = None
    rescue: Rescue | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"about": dict(self.about), "keep": self.keep.to_dict(), "speaker": self.speaker.to_dict()}
        if self.screen is not None:
            out["screen"] = self.screen.to_dict()
        if self.confidence is not None:
            out["confidence"] = self.confidence.to_dict()
        if self.rescue is not None:
            out["rescue"] = {"margin": self.rescue.margin, "confidence": self.rescue.confidence}
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> QuoteModel:
        screen = Linear.from_dict(data["screen"]) if "screen" in data else None
        confidence = Confidence.from_dict(data["confidence"]) if "confidence" in data else None
        rescue = (
            Rescue(float(data["rescue"]["margin"]), float(data["rescue"]["confidence"]))
            if "rescue" in data
            else None
        )
        keep, speaker = Linear.from_dict(data["keep"]), Linear.from_dict(data["speaker"])
        return cls(keep, speaker, screen, data.get("about", {}), confidence, rescue)


MODEL_FILE = "data/quote_model.json"


@cache
def shipped() -> QuoteModel:
    """The model shipped in ``summarize/data/quote_model.json``, read once per process."""
    raw = files("summarize").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return QuoteModel.from_dict(json.loads(raw))
