"""Transcripts: paragraphs laid out as "Имя Фамилия: …", "Имя (должность): …", "В.Путин: …".

The words after the colon are a block quote of the person the prefix names; the paragraphs that
follow with no prefix continue the same turn (speaker carried over).  A prefix naming the one who
asks ("Корр.: …", "«Газета.Ru»: …", "Вопрос: …", the correspondent the text introduced) is a
question, never a quote; any other prefix ("Голос Америки: …") ends a turn.

The layout needs evidence: two turns of named people, or one and a question.  A prefix that is only
a role ("Президент: …") counts only inside such a transcript; the words after the colon must be a
sentence (capitalised, ending with a full stop), not a list ("Вратари: Уорд — Набоков").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import load
from ..morph import lemmas
from ..punct import CLOSING, OPENING, TERMINAL
from ..text import tokens, trim
from .cues import Cue
from .document import Doc
from .kinds import Mention
from .mentions import find_mentions
from .roles import plural_head
from .turns import Turn, dash_led, first_person, heading, overlaps

_PREFIX = re.compile(
    r"[^\S\n]*(?P<name>[«\"]?[A-ZА-ЯЁ][^:()\n«»\",;!?]{0,60}?[»\"]?)"
    r"[^\S\n]*(?:\((?P<role>[^()\n]{1,160})\)[^\S\n]*)?:(?!\d)"
)
"""A paragraph's prefix: a short capitalised name, an optional role in brackets, a colon."""

MAX_NAME_WORDS = 6
MAX_TRAILING = 5
"""How many paragraphs after the last turn may continue it (in the first person)."""
MAX_CONTINUATION = 40
"""How many paragraphs one turn may run over."""


@dataclass
class _Prefix:
    line: int  # the paragraph's index in doc.lines
    kind: str  # "speaker" | "asker" | "other"
    start: int  # where the words after the colon start (== stop: none on this line)
    stop: int
    mention: Mention | None = None
    named: bool = False  # a person's name, not only a role


def transcript_turns(doc: Doc, taken: Sequence[tuple[int, int]]) -> list[Turn]:
    """The turns of the transcripts in ``doc`` (``taken``: sorted spans of quotes found already)."""
    text = doc.text
    prefixes = [p for n, (s, e) in enumerate(doc.lines) if (p := _prefix(doc, n, s, e)) is not None]
    speakers = [p for p in prefixes if p.kind == "speaker" and p.named]
    if not speakers or (len(speakers) < 2 and not any(p.kind == "asker" for p in prefixes)):
        return []
    askers = _interviewers(doc)
    by_line = {p.line: p for p in prefixes}
    lines = [p.line for p in prefixes]
    out: list[Turn] = []
    for p in prefixes:
        if p.kind != "speaker" or p.mention is None or _surname(p.mention) in askers:
            continue
        n = p.line
        cue = Cue(p.mention, None, strong=False)
        carried = False
        if p.start < p.stop:
            if _in_marks(doc, p.start, p.stop):
                continue  # "Имя Фамилия: «Q»": the marks are a quote already
            if not overlaps(taken, p.start, p.stop):
                out.append(Turn(p.start, p.stop, "block", cue, "block"))
            carried = True
        last = n == lines[-1]
        for k in range(n + 1, min(len(doc.lines), n + 1 + MAX_CONTINUATION)):
            s, e = doc.lines[k]
            a, b = trim(text, s, e)
            if k in by_line or b <= a or dash_led(text, s, e) or text[b - 1] == ":" or heading(text, s, e):
                break
            if last and (k - n > MAX_TRAILING or not first_person(doc, a, b)):
                break
            if text[a] in OPENING and _in_marks(doc, a, b):
                break
            if not overlaps(taken, a, b):
                out.append(Turn(a, b, "block", cue, "block", carried=carried))
            carried = True
    return out


def _prefix(doc: Doc, n: int, s: int, e: int) -> _Prefix | None:
    """The prefix of paragraph ``n`` if it has one: who it names and where the words after it are."""
    text = doc.text
    colon = text.find(":", s, min(e, s + 240))
    if colon < 0:
        return None
    m = _PREFIX.match(text, s, colon + 1)
    if m is None:
        return None
    name_start, name_stop = m.span("name")
    words = tokens(text, name_start, name_stop)
    if not words or len(words) > MAX_NAME_WORDS or _sentence_inside(text, name_start, name_stop):
        return None
    a, b = trim(text, m.end(), e)
    found = find_mentions(text, words)
    whole = found[0] if len(found) == 1 and _covers(text, found[0], name_start, name_stop) else None
    first = lemmas(words[0].text.strip(".")) | {words[0].text.lower()}
    if first & load("interviewer_words") or (whole is not None and whole.outlet):
        return _Prefix(n, "asker", a, b)
    if (
        whole is None
        or whole.kind not in ("person", "role")
        or (whole.kind == "role" and plural_head(whole.head))
    ):
        return _Prefix(n, "other", a, b)
    if a < b and not _sentence(text, a, b):
        return _Prefix(n, "other", a, b)
    return _Prefix(n, "speaker", a, b, whole, whole.kind == "person")


def _covers(text: str, m: Mention, start: int, stop: int) -> bool:
    """Does the mention span the whole name (a mark or a dot aside)?"""
    return not text[start : m.start].strip('«" ') and not text[m.stop : stop].strip('»". ')


def _sentence_inside(text: str, start: int, stop: int) -> bool:
    """A full stop followed by a space and a capital inside the name: a sentence ends there."""
    return bool(re.search(r"[a-zа-яё]{2}[.!?…]\s", text[start:stop]))


def _sentence(text: str, a: int, b: int) -> bool:
    """Words that read as speech: they start with a capital (or a mark, a dash) and end a sentence."""
    first, last = text[a], text[b - 1]
    return (first.isupper() or first in OPENING or first.isdigit() or first == "…") and (
        last in TERMINAL or last in CLOSING or last == ")"
    )


def _in_marks(doc: Doc, a: int, b: int) -> bool:
    """Do marks open right at ``a`` and hold the words up to ``b`` (a closing stop aside)?"""
    if doc.text[a] not in OPENING or not doc.in_marks(a + 1):
        return False
    pair = doc.opens.get(a)
    return pair is not None and pair.close >= b - 3


def _surname(m: Mention) -> str:
    return m.name.split()[-1].lower() if m.kind == "person" else ""


def _interviewers(doc: Doc) -> frozenset[str]:
    """Surnames of the people the text's opening paragraphs name as the one who asks
    ("специальный корреспондент «Медузы» Илья Жегулев")."""
    found = set()
    for s, e in doc.lines[:4]:
        for m in doc.people.mentions_between(s, e):
            if m.kind == "person" and m.role in load("interviewer_words"):
                found.add(_surname(m))
    return frozenset(found)
