"""Pairing the quotation marks of a text.

Marks are paired per paragraph with a stack (``«»``, ``„“``, ``“”``, straight ``"`` by
alternation and by which side the spaces are on); a mark left open is matched across a
few paragraphs, closed together with an inner quote («…«…»), run to the end of its
paragraph after a colon, or dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..punct import CLOSER, CURLY_OPENING, DASHES, MARKS, OPENING, SPACES, TERMINAL, one_of

MARK = re.compile(one_of(MARKS))


MAX_PARAGRAPHS = 3
"""How many paragraphs a quotation mark left open may span before it is given up."""


MAX_OPEN = 20
"""How many marks left open in one paragraph are tried for a late closing; the others are dropped."""


@dataclass
class Pair:
    open: int  # index of the opening mark
    close: int  # index of the closing mark (or the end of the paragraph for a mark never closed)
    depth: int = 0
    closed: bool = True
    shared: bool = False  # the closing mark also closes an inner quotation: «…«…» (kept in the words)
    cut: bool = False  # never closed because the text ends: only parts before the author's words are whole

    @property
    def start(self) -> int:
        return self.open + 1


def _straight_role(text: str, i: int, start: int, stop: int) -> tuple[bool, bool]:
    """May the straight quote at ``i`` open, may it close (by the spaces around it)?"""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < stop else " "
    opens = (before.isspace() or before in "([{/:;," + CURLY_OPENING + DASHES) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    return opens, closes


def _pair_paragraph(
    text: str, start: int, stop: int
) -> tuple[list[Pair], list[tuple[str, int]], list[tuple[str, int]]]:
    """Pair the marks of ``text[start:stop]``: (pairs, marks left open, closing marks without opener)."""
    stack: list[tuple[str, int]] = []
    pairs: list[Pair] = []
    orphans: list[tuple[str, int]] = []
    dropped: list[tuple[str, int]] = []

    def close(opener: str, i: int) -> bool:
        for k in range(len(stack) - 1, max(-1, len(stack) - 4), -1):
            if stack[k][0] == opener:
                dropped.extend(stack[k + 1 :])
                pairs.append(Pair(stack[k][1], i, k))
                del stack[k:]
                return True
        return False

    for m in MARK.finditer(text, start, stop):
        ch, i = m.group(), m.start()
        if ch == '"':
            opens, closes = _straight_role(text, i, start, stop)
            if stack and stack[-1][0] == '"' and (closes or not opens):
                close('"', i)
            elif opens or not closes:
                stack.append((ch, i))
            elif not close('"', i):
                orphans.append((ch, i))
        elif ch in "«„":
            stack.append((ch, i))
        elif ch == "“":
            if any(s[0] == "„" for s in stack[-3:]):
                close("„", i)
            elif stack and stack[-1][0] == "“" and not _straight_role(text, i, start, stop)[0]:
                close("“", i)
            else:
                stack.append((ch, i))
        elif ch == "»":
            if _opens_sentence(text, start, i):
                # "… Юйчэн. »[Надеемся, что] …»": a closing mark typed for an opening one
                stack.append(("«", i))
            elif not close("«", i):
                orphans.append((ch, i))
        elif ch == "”":
            if not (close("“", i) or close("„", i)):
                orphans.append((ch, i))
    return pairs, stack + dropped, orphans


def pair_marks(text: str, lines: Sequence[tuple[int, int]]) -> list[Pair]:
    """All pairs of the text, in order of their opening mark, with nesting depth."""
    per_line = [_pair_paragraph(text, s, e) for s, e in lines]
    pairs: list[Pair] = []
    taken: set[int] = set()
    for n, (s, e) in enumerate(lines):
        found, open_marks, _ = per_line[n]
        pairs.extend(found)
        for ch, i in sorted(open_marks, key=lambda x: x[1])[:MAX_OPEN]:
            if i in taken:
                continue
            pair = (
                _across(text, lines, per_line, n, ch, i)
                or _closed_with_inner(text, e, found, ch, i)
                or _to_paragraph_end(text, s, e, i)
                or (_cut_off(text, s, e, i) if n == len(lines) - 1 else None)
            )
            if pair is not None:
                pairs.append(pair)
                taken.add(i)
                if ch == '"' or ch == "«":
                    break  # the first mark left open decides; later ones of the paragraph sit inside it
    closes = {p.close for p in pairs}
    for (s, _), (found, _, orphans) in zip(lines, per_line):
        lone = [j for ch, j in orphans[:MAX_OPEN] if ch == "»" and j not in closes]
        ordered = sorted(found, key=lambda p: p.open) if lone else []
        pairs.extend(p for j in lone if (p := _merged_opening(text, s, ordered, j)) is not None)
    pairs.sort(key=lambda p: (p.open, -p.close))
    # depth: how many accepted pairs enclose each pair
    result: list[Pair] = []
    ends: list[int] = []
    for p in pairs:
        while ends and ends[-1] < p.open:
            ends.pop()
        if ends and p.close > ends[-1]:
            continue  # crosses an enclosing pair: a mis-pairing, drop it
        p.depth = len(ends)
        result.append(p)
        ends.append(p.close)
    return result


def _cut_off(text: str, start: int, stop: int, i: int) -> Pair | None:
    """A mark opening a sentence of the last paragraph, never closed because the text was cut, with the
    author's words inside ("«Q1, — добавляет эксперт. — Q2…"): Q1 is whole, what follows is not."""
    if not (i == start or (text[i - 1] in SPACES and _after_terminal(text, start, i))):
        return None
    return Pair(i, stop, closed=False, cut=True) if _AUTHOR_INSIDE.search(text, i, stop) else None


_AUTHOR_INSIDE = re.compile(f"[,!?…]{one_of(SPACES)}+{one_of(DASHES)}{one_of(SPACES)}")


def _after_terminal(text: str, start: int, i: int, ends: str = TERMINAL) -> bool:
    """Is the last character before ``i`` other than a space one of ``ends``, or is there none from
    ``start`` on?  (Where a sentence begins.)"""
    k = i - 1
    while k >= start and text[k] in SPACES:
        k -= 1
    return k < start or text[k] in ends


def _opens_sentence(text: str, start: int, i: int) -> bool:
    """Does the closing mark at ``i`` stand where a sentence begins, before a word or a bracket?  (Not
    right after a full stop: «Мы готовы.» closes there.)"""
    after = text[i + 1 : i + 3].lstrip(SPACES)[:1]
    if not (after.isalpha() or after == "["):
        return False
    return i == start or (text[i - 1] in SPACES and _after_terminal(text, start, i))


_AUTHOR_AFTER = re.compile(f"[,!?…]?{one_of(SPACES)}*{one_of(DASHES)}")


def _merged_opening(text: str, start: int, found: Sequence[Pair], j: int) -> Pair | None:
    """«Газпром» бронирует …, а не наоборот», — подчеркнул он: a quotation opening with a name in marks
    shares the name's opening mark.  A closing mark ``j`` without an opener, the author's words after
    it, and a short pair of marks opening a sentence before it: the quotation runs from that pair's
    opening mark to ``j``."""
    if not _AUTHOR_AFTER.match(text, j + 1):
        return None
    for p in reversed(found):
        if p.close >= j or text[p.open] != "«" or p.close - p.open > 60:
            continue
        if _after_terminal(text, start, p.open, TERMINAL + ":") and len(text[p.open : p.close].split()) <= 4:
            return Pair(p.open, j)
    return None


def _across(
    text: str, lines: Sequence[tuple[int, int]], per_line: list, n: int, ch: str, i: int
) -> Pair | None:
    """A mark left open at the end of paragraph ``n``, closed by a lone closing mark a few paragraphs on."""
    if ch == '"':
        return None
    closer = CLOSER[ch]
    for m in range(n + 1, min(len(lines), n + 1 + MAX_PARAGRAPHS)):
        found, open_marks, orphans = per_line[m]
        for c, j in orphans[:MAX_OPEN]:
            if c == closer or (ch == "„" and c == "”"):
                return Pair(i, j)
        if any(c == ch for c, _ in open_marks[:MAX_OPEN]) or text[lines[m][0]] in OPENING:
            return None  # another quotation starts: this one was never closed
    return None


def _closed_with_inner(text: str, stop: int, found: list[Pair], ch: str, i: int) -> Pair | None:
    """«…«…» — one closing mark ends two quotations: the outer one ends where an inner one does,
    the first inner one followed by a comma and a dash ("…», — сказал он"), else the last one
    followed by the end of the paragraph or a dash."""
    closer = CLOSER[ch]
    inners = sorted(
        # a pair opening a sentence (". «Благодарю …»") is a quotation of its own, inside none
        (p for p in found if p.open > i and text[p.close] == closer and not _after_terminal(text, i, p.open)),
        key=lambda p: p.close,
    )
    ends = []
    for inner in inners:
        k = inner.close + 1
        while k < stop and text[k] in SPACES + ",;" + TERMINAL:
            k += 1
        if k >= stop or text[k] in DASHES:
            if k < stop and "," in text[inner.close + 1 : k]:
                return Pair(i, inner.close, shared=True)  # the author's words follow: "», — пояснил Путин"
            ends.append(inner)
    return Pair(i, ends[-1].close, shared=True) if ends else None


def _to_paragraph_end(text: str, start: int, stop: int, i: int) -> Pair | None:
    """A mark never closed after a colon or at a paragraph's start: the quote runs to the paragraph's end."""
    before = text[start:i].rstrip(SPACES)
    if before and not before.endswith(":"):
        return None
    end = stop
    while end > i + 1 and text[end - 1] in SPACES:
        end -= 1
    if end - i < 12:
        return None
    return Pair(i, end, closed=False)
