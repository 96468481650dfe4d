"""Quotations that are whole paragraphs: dash-led dialogue lines and block quotes.

"— Q, — сказал X." and "— Q1, — сказал X. — Q2." are dialogue lines; the paragraphs after
"X прокомментировал:" that speak in the first person are X's words, marks or not.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from ..punct import DASHES, OPENING, SPACES
from ..text import tokens, trim
from .candidates import Candidate
from .cues import Cue, clause_cue
from .document import Doc, skip_space
from .layouts import INTERRUPTION, split_interrupted
from .turns import first_person


def dash_lines(doc: Doc, inside: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Dialogue lines: "— Q, — сказал X." and "— Q1, — сказал X. — Q2."."""
    text = doc.text
    cands: list[Candidate] = []
    starts = [s for s, _ in inside]
    for s, e in doc.lines:
        k = skip_space(text, s, e)
        if k + 1 >= e or text[k] not in DASHES or text[k + 1] not in SPACES:
            continue
        j = bisect.bisect_right(starts, k) - 1
        if j >= 0 and inside[j][0] <= k < inside[j][1]:
            continue
        a = skip_space(text, k + 1, e)
        parts = split_interrupted(doc, a, e)
        if parts:
            for p, q, part_cue in parts:
                p, q = trim(text, p, q)
                q = _strip_end(text, p, q)
                if q > p:
                    cands.append(Candidate(p, q, "dash", part_cue, "dash"))
            continue
        # "— Q, — сказал X." (the line ends with the author's words)
        m = INTERRUPTION.search(text, a, e)
        if m is None or m.start() <= a:
            continue
        q = m.start() + (1 if text[m.start()] in "!?…" else 0)
        lo, hi = doc.tok_range(m.end(), doc.sentence_stop(m.end()))
        cue = clause_cue(doc, lo, min(hi, lo + 20), after=True) if hi > lo else None
        if cue is not None and cue.cue is not None:
            cands.append(Candidate(a, q, "dash", cue, "dash"))
    return cands


def _strip_end(text: str, p: int, q: int) -> int:
    """Drop the comma and the full stop that end a dialogue line's words ("— Q, — сказал он")."""
    while q > p and text[q - 1] in SPACES + ",":
        q -= 1
    if q - 1 > p and text[q - 1] == "." and text[q - 2] != ".":
        q -= 1
    return q


def block_quotes(doc: Doc, inside: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Paragraphs after "X прокомментировал:" that carry no marks of their own."""
    text = doc.text
    cands: list[Candidate] = []
    lines = doc.lines
    starts = [s for s, _ in inside]
    for n, (s, e) in enumerate(lines[:-1]):
        stripped = text[s:e].rstrip(SPACES)
        if not stripped.endswith(":"):
            continue
        colon = s + len(stripped) - 1
        j = bisect.bisect_right(starts, colon) - 1
        if j >= 0 and inside[j][0] <= colon < inside[j][1]:
            continue
        ns, ne = lines[n + 1]
        first = text[ns:ne].lstrip(SPACES)
        if not first or first[0] in DASHES or (first[0] in OPENING and _whole_line_pair(doc, ns, ne)):
            continue
        sent = doc.sentence_start(colon)
        lo, hi = doc.tok_range(sent, colon)
        if hi <= lo:
            continue
        cue = clause_cue(doc, lo, hi, after=False)
        ms = doc.mentions(lo, hi)
        speakers = [m for m in ms if m.kind in ("person", "role", "org")]
        personal = first_person(doc, ns, ne)
        if cue is None and not (speakers and personal):
            continue
        if cue is None:
            cue = Cue(speakers[-1], None, strong=False)
        elif cue.mention is None and speakers:
            cue = replace(cue, mention=speakers[-1])
        words = len(tokens(text, ns, ne))
        if words < 4 and not personal:
            continue
        m = n + 1
        while m < len(lines):
            ps, pe = lines[m]
            a, b = trim(text, ps, pe)
            if m > n + 1:
                body = text[a:b]
                if body[:1] in OPENING and _whole_line_pair(doc, ps, pe) or body.endswith(":"):
                    break
                if not first_person(doc, ps, pe) or body[:1] in DASHES:
                    break
            cands.append(Candidate(a, b, "block", cue, "block"))
            m += 1
            if m - n > 4:
                break
    return cands


def _whole_line_pair(doc: Doc, s: int, e: int) -> bool:
    """Does the first top-level pair of the paragraph ``[s, e)`` run to its end?"""
    k = bisect.bisect_left(doc.top_opens, s)
    if k < len(doc.top) and doc.top[k].open < e:
        return doc.top[k].close >= e - 3
    return False
