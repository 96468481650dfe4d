"""The learned weights of the quotation models, applied without scikit-learn.

Linear models decide, each over named evidence (``dict[str, float]``, most values 1.0):

- ``screen``: may a pair of marks be a quotation at all?  Only its cheap evidence (what the marks
  hold, what stands next to them) is weighed, so that a name like «Газпром» is dropped before the
  costlier reading of its layout; set to let through all but a few in a thousand quotations;
- ``keep``: is a pair of marks (or a dash line, a paragraph) a quotation?  Kept when its
  score is above zero;
- ``speaker``: which of a quote's candidate speakers (the people and organisations named
  around it, the previous quote's speaker, nobody) said it?  The best score wins.

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


@dataclass(frozen=True)
class QuoteModel:
    """The models of :func:`summarize.extract_quotes` and where they came from."""

    keep: Linear
    speaker: Linear
    screen: Linear | None = None
    about: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {"about": dict(self.about), "keep": self.keep.to_dict(), "speaker": self.speaker.to_dict()}
        if self.screen is not None:
            out["screen"] = self.screen.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> QuoteModel:
        screen = Linear.from_dict(data["screen"]) if "screen" in data else None
        return cls(
            Linear.from_dict(data["keep"]), Linear.from_dict(data["speaker"]), screen, data.get("about", {})
        )


MODEL_FILE = "data/quote_model.json"


@cache
def shipped() -> QuoteModel:
    """The model shipped in ``summarize/data/quote_model.json``, read once per process."""
    raw = files("summarize").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return QuoteModel.from_dict(json.loads(raw))
