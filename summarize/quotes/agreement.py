"""Agreement: can a mention be a verb's subject (:func:`agrees`), what gender a past-tense verb beside
it demands (:func:`verb_gender`), and does a name fit that gender.

>>> text = "«Это опасно», — отметила врач."
>>> verb_gender(text, Mention("role", 25, 29, "врач"))
'femn'
>>> agreeing("masc", "femn")
'none'
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..morph import CACHE_SIZE, parses
from .kinds import Mention
from .names import gender_of
from .speech import past_gender

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


def agrees(verb: str, m: Mention) -> bool:
    """Can ``m`` be the subject of the finite verb form ``verb`` (number, and gender in the past)?

    >>> agrees("пообещал", Mention("role", 0, 10, "главы МИДа", role="глава", head="главы"))
    False
    >>> agrees("пообещал", Mention("role", 0, 6, "министр", role="министр", head="министр"))
    True
    """
    found = _verb_agreement(verb)
    if found is None or not m.head:
        return True
    plural, genders = found
    if m.kind == "pron":
        return (m.gender == "plur") == plural and (plural or not genders or m.gender in genders)
    if m.kind == "person":
        if plural:
            return False
        # "— сказал официальный представитель ведомства Светлана Петренко": the verb agrees with the role
        return (
            not genders
            or m.gender is None
            or m.gender in genders
            or (m.role is not None and "masc" in genders)
        )
    if m.kind == "role":
        numbers = _subject_numbers(m.head)
        return not numbers or ("plur" if plural else "sing") in numbers
    return True


@lru_cache(maxsize=CACHE_SIZE)
def _verb_agreement(verb: str) -> tuple[bool, frozenset[str]] | None:
    """Whether the finite verb form ``verb`` is plural, and the genders it may have; None for no verb."""
    forms = [p for p in parses(verb) if p.tag.POS == "VERB"]
    if not forms:
        return None
    plural = all("plur" in p.tag for p in forms)
    return plural, frozenset(g for p in forms for g in ("masc", "femn", "neut") if g in p.tag)


@lru_cache(maxsize=CACHE_SIZE)
def _subject_numbers(head: str) -> frozenset[str]:
    """The numbers of the nominative readings of a role noun ("министр": sing)."""
    return frozenset(
        "plur" if "plur" in p.tag else "sing" for p in parses(head) if p.tag.POS == "NOUN" and "nomn" in p.tag
    )


def gender_clash(f: dict[str, float], verb_gender: str | None, name: str) -> None:
    """Mark a person whose name's gender is not the cue verb's ("отметила" and a man)."""
    gender = gender_of(name) if verb_gender is not None else None
    if gender is not None and gender != verb_gender:
        f["gender:clash"] = f[f"gender:clash:{verb_gender}"] = 1.0
