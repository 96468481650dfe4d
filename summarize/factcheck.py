"""Fact-checking quotations: ``find_quote`` and gathering quotes by speaker.

``find_quote(claimed, source)`` answers "was this said, and exactly so?": it
finds the stretch of the source that best matches a claimed quotation and
compares the two word by word.  Typography never counts as a change: case,
``ё``/``е``, quotation marks, dashes and hyphens, spaces and line breaks and
all other punctuation are ignored; words and numbers are compared exactly, so a
changed ending is a change.

The source is never aligned whole: each place where it has a word starting
like a (long, so rare) claimed word votes for where the claim would begin
there, and only the few best-voted windows are split into words and aligned.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import Match, SequenceMatcher

from .checks import check_text
from .morph import FUNCTION_POS, lemma_pos
from .records import Record

# A word or a number; soft hyphens and combining accents may sit inside it.
# Hyphens split words, so every dash and hyphen variant compares equal.
_TOKEN = re.compile(r"[^\W_]+(?:[\u00ad\u0300-\u036f]+[^\W_]*)*")
_INVISIBLE = re.compile(r"[\u00ad\u0300-\u036f]")
_RUSSIAN = re.compile(r"[а-я]+")  # a lower-cased word pymorphy3 can analyse (ё is е by then)

# Never part of a matched span: quotation marks of every kind and white space.
_QUOTE_MARKS = frozenset("\"'«»„“”‟‘’‚‛‹›「」『』")

_FUNCTION_WEIGHT = 0.25
"""A matched preposition, conjunction, particle or pronoun counts a quarter of a content word."""

_INFLECTION_CREDIT = 0.75
"""A claimed word replaced by another form of the same lemma counts three quarters of a match."""

_ABSENT_AT_MOST = 0.5
"""A claim whose similarity to its best span is at most this is absent: altered needs most words found."""

_STEM = 5
"""Windows are found and bounded on the first letters of words, so that "укрепление" anchors
on "укреплении"; the words themselves are then compared whole."""

_SHORT = 3
"""Claimed words shorter than this are not looked up, unless the claim has few longer ones."""

_VOTE_BUDGET = 3000
"""At most this many source occurrences vote (long stems first), however long the source."""

_CANDIDATES = 3
"""Best-voted starts of each of the two bucketings whose windows are aligned."""

_Ops = list[tuple[str, int, int, int, int]]

Difference = tuple[str, tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True, slots=True, repr=False)
class QuoteMatch(Record):
    """How a claimed quotation stands against its source.

    ``status`` is ``"exact"`` (the same words, typography aside), ``"altered"``
    (mostly the same words, some changed, added or left out) or ``"absent"``.
    ``text``, ``start``, ``stop`` are the best-matching span of the source
    (``source[start:stop] == text``), ``None`` when absent.  ``similarity`` is
    the weighted share of words the claim and the span have in common, 0..1.
    ``differences`` lists word-level edits ``(op, claimed_words,
    source_words)``: ``"replace"``, ``"insert"`` (words the claim adds) or
    ``"delete"`` (source words the claim leaves out).

    >>> m = find_quote("укрепление связей", "Стороны договорились об укреплении связей.")
    >>> m.status, m.text, m.start, m.stop, m.similarity
    ('altered', 'укреплении связей', 24, 41, 0.875)
    >>> m.differences
    (('replace', ('укрепление',), ('укреплении',)),)
    """

    status: str
    text: str | None = None
    start: int | None = None
    stop: int | None = None
    similarity: float = 0.0
    differences: tuple[Difference, ...] = ()


@dataclass(frozen=True, slots=True)
class _Words:
    """The words of a text: normalised forms and their character spans."""

    forms: list[str]
    spans: list[tuple[int, int]]


def _lower(text: str) -> str:
    """Lower case and ``ё`` -> ``е`` without changing the length of ``text``."""
    low = text.lower()
    if len(low) != len(text):  # a few letters (e.g. "İ") lower-case into two characters
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("ё", "е")


def _words(low: str, start: int = 0, stop: int | None = None) -> _Words:
    """The words of the lower-cased ``low[start:stop]``, with offsets into ``low``."""
    forms, spans = [], []
    for match in _TOKEN.finditer(low, start, len(low) if stop is None else stop):
        forms.append(match.group())
        spans.append(match.span())
    if _INVISIBLE.search(low, start, len(low) if stop is None else stop):
        forms = [_INVISIBLE.sub("", form) for form in forms]
    return _Words(forms, spans)


def _analysed(form: str) -> tuple[str, str | None]:
    """Lemma and part of speech of a Russian word; any other token (numbers, Latin) is its own lemma."""
    return lemma_pos(form) if _RUSSIAN.fullmatch(form) else (form, None)


def _weight(form: str) -> float:
    return _FUNCTION_WEIGHT if _analysed(form)[1] in FUNCTION_POS else 1.0


def _occurrences(low: str, stem: str, limit: int) -> list[int] | None:
    """Where words starting with ``stem`` begin in ``low``; None if more than ``limit``."""
    found: list[int] = []
    at = low.find(stem)
    while at >= 0:
        if at == 0 or not low[at - 1].isalnum():
            if len(found) == limit:
                return None
            found.append(at)
        at = low.find(stem, at + 1)
    return found


def _windows(claim: _Words, low: str) -> list[tuple[int, int]]:
    """Character windows of the lower-cased source most likely to hold the claim.

    Each source word sharing a stem with a claimed word votes for the offset
    the claim would start at (twice if it is the very same word); long (rare)
    stems vote first, frequent ones only while the budget lasts.  Windows around
    the best-voted offsets are returned, best-voted first (then first in the source).
    """
    origin = claim.spans[0][0]
    size = claim.spans[-1][1] - origin
    offsets: dict[str, list[tuple[int, str]]] = {}
    for form, (start, _) in zip(claim.forms, claim.spans, strict=True):
        offsets.setdefault(form[:_STEM], []).append((start - origin, form))
    if sum(len(stem) >= _SHORT for stem in offsets) >= 6:  # then one- and two-letter words add nothing
        offsets = {stem: found for stem, found in offsets.items() if len(stem) >= _SHORT}
    width = max(16, size // 4)
    buckets: Counter[int] = Counter()
    shifted: Counter[int] = Counter()
    spent = 0
    for stem in sorted(offsets, key=len, reverse=True):
        if spent >= _VOTE_BUDGET:
            break
        found = _occurrences(low, stem, _VOTE_BUDGET - spent)
        if found is None:
            continue
        spent += len(found) * len(offsets[stem])
        for at in found:
            for offset, form in offsets[stem]:
                end = at + len(form)
                votes = 2 if low.startswith(form, at) and (end == len(low) or not low[end].isalnum()) else 1
                buckets[(at - offset) // width] += votes
                shifted[(at - offset + width // 2) // width] += votes
    # Each well-voted start gets a tight window (the claim's length and a little) and a wide
    # one (room for words the claim leaves out); a tight one keeps look-alike passages nearby out.
    starts = [(-votes, b * width) for b, votes in buckets.most_common(_CANDIDATES)]
    starts += [(-votes, b * width - width // 2) for b, votes in shifted.most_common(_CANDIDATES)]
    windows: dict[tuple[int, int], None] = {}
    for _, at in sorted(starts):
        windows[_whole_words(low, at - 4, at + width + size + max(16, size // 8))] = None
        slack = width + max(24, size // 3)
        windows[_whole_words(low, at - slack, at + size + slack)] = None
    return list(windows)


def _whole_words(low: str, first: int, last: int) -> tuple[int, int]:
    """``first``, ``last`` clipped to ``low`` and moved outwards so as not to cut a word."""
    first, last = max(0, first), min(len(low), last)
    while first > 0 and low[first - 1].isalnum():
        first -= 1
    while last < len(low) and low[last].isalnum():
        last += 1
    return first, last


def _trim(claim: list[str], window: list[str], weights: list[float]) -> tuple[int, int] | None:
    """The part of ``window`` aligned with ``claim``: from the first to the last shared word,
    widened by as many words as the claim has before / after those (substituted edge words).

    A shared word at either end that sits far from the rest (the source has several words
    more than the claim between them) is a coincidence, not the claim's edge: it is dropped.
    """
    blocks = [b for b in SequenceMatcher(None, claim, window, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return None

    def stray(edge: Match, inner: Match) -> bool:
        outer, near = (edge, inner) if edge.a < inner.a else (inner, edge)
        extra = (near.b - outer.b) - (near.a - outer.a)  # source words more than claimed words between
        return extra > 2 * sum(weights[edge.a : edge.a + edge.size]) + 1

    while len(blocks) > 1 and stray(blocks[0], blocks[1]):
        blocks.pop(0)
    while len(blocks) > 1 and stray(blocks[-1], blocks[-2]):
        blocks.pop()
    head, tail = blocks[0], blocks[-1]
    first = head.b - min(head.a, head.b)
    last = tail.b + tail.size + min(len(claim) - tail.a - tail.size, len(window) - tail.b - tail.size)
    return first, last


def _compare(claim: list[str], span: list[str], weights: list[float]) -> tuple[float, float, _Ops]:
    """Matched weight, the span's weight and difflib opcodes (claim = a, span = b)."""
    ops: _Ops = list(SequenceMatcher(None, claim, span, autojunk=False).get_opcodes())
    matched = 0.0
    for op, a0, a1, b0, b1 in ops:
        if op == "equal":
            matched += sum(weights[a0:a1])
        elif op == "replace":
            lemmas = [_analysed(form)[0] for form in span[b0:b1]]
            for j in range(a0, a1):
                found = _analysed(claim[j])[0]
                if found in lemmas:
                    lemmas.remove(found)
                    matched += _INFLECTION_CREDIT * weights[j]
    span_weight = sum(_weight(form) for form in span)
    return matched, span_weight, ops


def _repeated(claimed: str, at: int, source: str, position: int, step: int) -> int:
    """Move a span edge over the punctuation the claim repeats there (``...да``, ``так...``).

    ``step`` is -1 to widen a start to the left, +1 to widen a stop to the right.
    """
    shift = -1 if step < 0 else 0  # the character looked at, relative to the edge
    while 0 <= position + shift < len(source) and 0 <= at + shift < len(claimed):
        ch = source[position + shift]
        if ch != claimed[at + shift] or ch.isspace() or ch in _QUOTE_MARKS:
            break
        position += step
        at += step
    return position


def find_quote(claimed: str, source: str) -> QuoteMatch:
    """Check a claimed quotation against its source: was it said, and exactly so?

    Typography is ignored (quotation marks, ``ё``/``е``, case, spaces and line
    breaks, dashes, punctuation); a changed, added or missing word makes the
    claim ``"altered"``; a claim whose words are mostly not in the source is
    ``"absent"``.  Raises ``TypeError`` for a non-``str`` argument and
    ``ValueError`` for a claim without words.

    >>> source = "Министр заявил: «Сотрудничество в военной сфере развивается успешно»."
    >>> m = find_quote("сотрудничество в военной сфере развивается успешно.", source)
    >>> m.status, m.start, m.stop, source[m.start:m.stop] == m.text
    ('exact', 17, 67, True)
    >>> find_quote("Сотрудничество в военной сфере развивается", source).status
    'exact'
    >>> find_quote("Сотрудничество в морской сфере развивается успешно", source).differences
    (('replace', ('морской',), ('военной',)),)
    >>> find_quote("Погода была тёплой", source).status
    'absent'
    """
    check_text(claimed, "claimed")
    check_text(source, "source")
    mine = _words(_lower(claimed))
    if not mine.forms:
        raise ValueError("claimed must hold at least one word")
    claim = mine.forms
    claim_stems = [form[:_STEM] for form in claim]
    weights = [_weight(form) for form in claim]
    claim_weight = sum(weights)
    low = _lower(source)

    # The best span: the most similar; then the one as long as the claim (a substituted edge
    # word paired rather than left out); then the first in the source.
    best: tuple[tuple[float, float, int], _Words, int, int, _Ops] | None = None
    for first, last in _windows(mine, low):
        window = _words(low, first, last)
        trimmed = _trim(claim_stems, [form[:_STEM] for form in window.forms], weights)
        if trimmed is None:
            continue
        lo, hi = trimmed
        matched, span_weight, ops = _compare(claim, window.forms[lo:hi], weights)
        rank = (
            round(matched / max(claim_weight, span_weight), 9),
            -abs(claim_weight - span_weight),
            -window.spans[lo][0],
        )
        if best is None or rank > best[0]:
            best = (rank, window, lo, hi, ops)
        if rank[:2] == (1, 0):  # every word, no more: nothing can beat it
            break
    if best is None:
        return QuoteMatch("absent")
    rank, window, lo, hi, ops = best
    similarity = round(rank[0], 4)
    if similarity <= _ABSENT_AT_MOST:
        return QuoteMatch("absent", similarity=similarity)

    start = _repeated(claimed, mine.spans[0][0], source, window.spans[lo][0], -1)
    stop = _repeated(claimed, mine.spans[-1][1], source, window.spans[hi - 1][1], +1)
    differences = tuple(
        _difference(op, claimed, mine, source, window, lo, a0, a1, b0, b1)
        for op, a0, a1, b0, b1 in ops
        if op != "equal"
    )
    status = "altered" if differences else "exact"
    return QuoteMatch(
        status, source[start:stop], start, stop, 1.0 if status == "exact" else similarity, differences
    )


def _difference(
    op: str,
    claimed: str,
    mine: _Words,
    source: str,
    window: _Words,
    lo: int,
    a0: int,
    a1: int,
    b0: int,
    b1: int,
) -> Difference:
    said = tuple(claimed[s:e] for s, e in mine.spans[a0:a1])
    written = tuple(source[s:e] for s, e in window.spans[lo + b0 : lo + b1])
    # difflib speaks of turning the claim into the source; we speak of what the claim did to the source.
    kind = {"replace": "replace", "delete": "insert", "insert": "delete"}[op]
    return kind, said, written


def format_match(match: QuoteMatch) -> str:
    """A plain-text report of a :class:`QuoteMatch`: verdict, source span, differences.

    >>> print(format_match(find_quote("укрепление связей", "Стороны договорились об укреплении связей.")))
    altered (similarity 0.875)
    source 24:41: укреплении связей
    replace «укрепление» -> «укреплении»
    """
    lines = [f"{match.status} (similarity {match.similarity:g})"]
    if match.text is None:
        lines.append("no passage of the source matches the claim")
        return "\n".join(lines)
    lines.append(f"source {match.start}:{match.stop}: {' '.join(match.text.split())}")
    for op, claimed, source in match.differences:
        said, written = (f"«{' '.join(words)}»" for words in (claimed, source))
        if op == "replace":
            lines.append(f"replace {said} -> {written}")
        elif op == "insert":
            lines.append(f"insert {said} (not in the source)")
        else:
            lines.append(f"delete {written} (left out of the claim)")
    return "\n".join(lines)
