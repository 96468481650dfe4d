"""Posts quoted without marks: "X написал в Twitter: …" and a post left in its own language.

Two layouts, both ``block`` quotes of the post's author:

* a colon after a clause that names where the post was made ("написал в Twitter:", "в своем
  Telegram-канале:") and somebody who wrote it, then the post's words up to the end of the
  paragraph, with no marks (a paragraph that ends with the colon is :mod:`.paragraphs`' business);
* the post copied in Latin script into the Russian text right after a sentence that says who wrote
  it, with a place of posting named just before ("… сообщил в своем Twitter-аккаунте президент
  Дональд Трамп. Therefore, effective immediately, …").

A post in Russian after the colon must end its paragraph within :data:`MAX_POST` characters: a
text printed as one paragraph gives no sign where the post ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..morph import parses
from ..punct import DASHES, OPENING, TERMINAL
from ..records import Span
from ..text import tokens, trim
from .cues import Cue, speech_lemma, verb_subject
from .document import Doc
from .kinds import post_place
from .turns import Turn, overlaps

MAX_POST = 400
"""The longest post in Russian taken after a colon, in characters."""
MIN_LATIN_WORDS = 6
"""The fewest Latin words a post copied in its own language holds."""
BEFORE = 400
"""How far before a post its place of posting may be named, in characters."""

_LATIN_RUN = re.compile(
    r"[A-Za-z][A-Za-z'’]*(?:[^А-Яа-яЁёA-Za-z\n\r\u2028\u2029]+[A-Za-z][A-Za-z'’]*){"
    + str(MIN_LATIN_WORDS - 1)
    + r",}[^А-Яа-яЁё\n\r\u2028\u2029]*"
)
"""Text from a Latin word up to the next Cyrillic letter or line break, with six Latin words or more."""


def post_quotes(doc: Doc, taken: Sequence[tuple[int, int]]) -> list[Turn]:
    """The posts quoted without marks in ``doc`` (``taken``: sorted spans of quotes found already).

    Only the text's colons and its runs of Latin letters are looked at, then the words before them.
    """
    out: list[Turn] = []
    for turn in (*_after_colon(doc), *_latin_posts(doc)):
        if not overlaps(taken, turn.start, turn.stop):
            out.append(turn)
            taken = sorted([*taken, (turn.start, turn.stop)])
    return sorted(out, key=lambda t: t.start)


def _after_colon(doc: Doc) -> list[Turn]:
    """ "X написал в Twitter: words" with the words running to the end of the paragraph."""
    text = doc.text
    out = []
    k = text.find(":")
    while k >= 0:
        _, e = doc.line_of(k)
        a, b = trim(text, k + 1, e)
        if a < b and text[a] not in OPENING and text[a] not in DASHES and b - a <= MAX_POST:
            start = doc.sentence_start(k)
            cue = _author(doc, start, k) if _names_place(text, start, k) else None
            if cue is not None and not doc.in_marks(a) and not _any_mark(text, a, b) and _speech(text, a, b):
                out.append(Turn(a, b, "block", cue, "block"))
        k = text.find(":", k + 1)
    return out


def _latin_posts(doc: Doc) -> list[Turn]:
    """Runs of Latin sentences between Russian ones, after a sentence that says who posted them."""
    text = doc.text
    out = []
    for m in _LATIN_RUN.finditer(text):
        s, e = doc.line_of(m.start())
        a, b = m.span()
        if a > s and text[a - 1] in "@#":
            a -= 1
        k = a
        while k > s and a - k < 12 and not text[k - 1].isalpha():
            k -= 1
        if k > s and not any(ch in TERMINAL for ch in text[k:a]):
            continue  # the run goes on a Russian sentence: a name, a title
        if b < e:
            if not text[b].isupper():
                continue  # the Russian sentence goes on after the run
            while b > a and text[b - 1] not in TERMINAL:
                b -= 1
        a, b = trim(text, a, b)
        if b <= a or doc.in_marks(a) or _any_mark(text, a, b):
            continue
        start = doc.sentence_start(k) if k > s else s
        if not _names_place(text, max(s, start - BEFORE), a):
            continue
        cue = _author(doc, start, k)
        if cue is not None:
            out.append(Turn(a, b, "block", cue, "block"))
    return out


def _names_place(text: str, start: int, stop: int) -> bool:
    """Does ``text[start:stop]`` name a place of posting ("в Twitter", "в своем Telegram-канале")?"""
    return any(post_place(t.text) for t in tokens(text, start, stop))


def _author(doc: Doc, start: int, stop: int) -> Cue | None:
    """The speech verb of the sentence ``[start, stop)`` nearest its end, with its subject."""
    text = doc.text
    ms = [
        m
        for m in doc.people.mentions_between(start, stop)
        if not m.outlet and not doc.quoted(m.start) and not _names_place(text, m.start, m.stop)
    ]
    for t in reversed(tokens(text, start, stop)):
        if speech_lemma(t) is None:
            continue
        before = verb_subject(text, ms, start, t.start, t, nearest_last=True)
        after = verb_subject(text, ms, t.stop, stop, t, nearest_last=False)
        subject = before or after
        if before is not None and after is not None and before.gender is None:
            # "Об увольнении Кребса сообщил … президент Дональд Трамп": a name whose gender fits the
            # verb after it is the subject rather than a surname of unknown gender before it
            if after.gender is not None and after.gender in _genders(t.text):
                subject = after
        if subject is not None and subject.kind in ("person", "role", "pron"):
            return Cue(subject, Span(t.text, t.start, t.stop))
        return None
    return None


def _genders(verb: str) -> frozenset[str]:
    return frozenset(g for p in parses(verb) if p.tag.POS == "VERB" for g in ("masc", "femn") if g in p.tag)


def _any_mark(text: str, a: int, b: int) -> bool:
    return any(ch in '«»„“”"' for ch in text[a:b])


def _speech(text: str, a: int, b: int) -> bool:
    """Words that read as a post: a capital first, a sentence's end last, three words or more."""
    return text[a].isupper() and text[b - 1] in TERMINAL + ")" and len(tokens(text, a, b)) >= 3
