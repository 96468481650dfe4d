"""Gender agreement between a mention, the past-tense verb beside it and the name it may point to.

>>> text = "«Это опасно», — отметила врач."
>>> verb_gender(text, Mention("role", 25, 29, "врач"))
'femn'
>>> agreeing("masc", "femn")
'none'
"""

from __future__ import annotations

import re

from .kinds import Mention
from .names import gender_of, past_gender

_WORD_BEFORE = re.compile(r"(\w+)[\s,]*$")
_WORD_AFTER = re.compile(r"[\s,]*(\w+)")


def verb_gender(text: str, m: Mention) -> str | None:
    """The gender a past-tense verb right beside ``m`` demands of it ("— отметила врач" -> "femn")."""
    before = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
    after = _WORD_AFTER.match(text, m.stop, min(len(text), m.stop + 30))
    for found in (before, after):
        if found is not None:
            gender = past_gender(found.group(1))
            if gender is not None:
                return gender
    return None


def gender_fits(gender: str | None, mention_gender: str | None, full: str) -> bool:
    """Can a mention of ``mention_gender`` with the name ``full`` be the subject the ``gender`` needs?"""
    if gender in (None, "plur"):
        return True
    return mention_gender in (None, gender) and gender_of(full) in (None, gender)


def agreeing(a: str | None, b: str | None) -> str | None:
    """The gender two clues agree on (None: unknown; "none": they contradict)."""
    if a in (None, "plur"):
        return b
    if b is None or a == b:
        return a
    return "none"
