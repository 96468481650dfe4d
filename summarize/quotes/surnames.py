"""One person, one surname: the surnames a text gives with a first name ("Александр Говор") are that
person wherever they stand alone, though the dictionary reads them as common nouns ("— сказал Говор").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..morph import name_tags, normalize_word
from ..punct import OPENING
from ..records import Span
from .kinds import Mention, org_word, person_text, role_word
from .persons import first_name_before, person_mention

_PAIR = re.compile(r"(?<![\w.])([А-ЯЁ][а-яё]+)\s(?=([А-ЯЁ][а-яё]{2,})(?!\w))")
"""Two capitalised words, the second looked ahead at (pairs overlap: "Молдавии Ион Кику")."""
_MOST = 200


def known_surnames(text: str) -> frozenset[str]:
    """The stems of the surnames ``text`` gives right after a first name ("Александр Говор" ->
    "гово"): such a word alone is the person wherever it stands, though the dictionary reads it
    as a common noun ("— сказал Говор", "Перри предупредил")."""
    out: set[str] = set()
    for m in _PAIR.finditer(text):
        first, second = m.group(1), m.group(2)
        if first_name_before(first, second) and "Name" not in name_tags(second):
            out.add(_surname_key(second))
            if len(out) >= _MOST:
                break
    return frozenset(out)


def _surname_key(word: str) -> str:
    low = normalize_word(word)
    return low[: max(3, len(low) - 2)]


def with_known_surnames(
    text: str, toks: Sequence[Span], found: list[Mention], surnames: frozenset[str]
) -> list[Mention]:
    """``found`` with a person mention added for each capitalised word outside them whose stem is
    one of ``surnames`` (a surname the text gives with a first name elsewhere), and put for a
    one-word organisation that is such a word ("В тексте Харпер благодарил" after "Джон Харпер")."""
    lengths = _lengths(surnames)

    def lone_surname(m: Mention) -> bool:
        low = normalize_word(m.name)
        if m.kind != "org" or m.first != m.last or m.outlet or text[m.start] in OPENING:
            return False  # "«Система»" stays a company
        return any(low[:k] in surnames and len(low) <= k + 3 for k in lengths)

    found = [m for m in found if not lone_surname(m)]
    covered = {i for m in found for i in range(m.first, m.last + 1)}
    added = []
    for i, t in enumerate(toks):
        if not t.text[:1].isupper() or len(t.text) < 3 or i in covered or t.text.isupper():
            continue
        low = normalize_word(t.text)
        if not any(low[:k] in surnames for k in lengths):
            continue
        if person_text(t.text) or org_word(text, t) or role_word(t) is not None:
            continue  # a name the finder would have read, or no name at all
        added.append(person_mention(text, toks, i, i + 1, 0))
    if not added:
        return found
    return sorted([*found, *added], key=lambda m: m.start)


@lru_cache(maxsize=256)
def _lengths(keys: frozenset[str]) -> tuple[int, ...]:
    return tuple(sorted({len(k) for k in keys}))
