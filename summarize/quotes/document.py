"""The document the quotes side reads: paragraphs, words, pairs of marks, sentence bounds.

:class:`Doc` tokenises only the paragraphs a quote can be in or be attributed from, knows
which positions lie inside a quotation, and bounds every sentence look-up by its
paragraph and :data:`WINDOW`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import partial

from ..lexicon import load
from ..punct import CLOSING, DASHES, OPENING, SPACES, TERMINAL
from ..records import Span
from ..text import LINE, TOKEN, tokens
from .kinds import Mention
from .marks import MARK, Pair, pair_marks
from .people import People

WINDOW = 300
"""How many characters beside a quote are searched for its cue and speaker."""


class Doc:
    """One text as the quotes side reads it: paragraphs (``lines``), the words near candidates
    (``toks``), the pairs of marks, the spans already taken by quotes (``hidden``), and the
    :class:`People` it names, read lazily."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = [(m.start(), m.end()) for m in LINE.finditer(text)]
        self.line_starts = [s for s, _ in self.lines]
        self.toks = self._words_near_candidates()
        self.tok_starts = [t.start for t in self.toks]
        self.pairs = pair_marks(text, self.lines)
        self.top = [p for p in self.pairs if p.depth == 0]
        self.top_opens = [p.open for p in self.top]
        self._long: dict[int, bool] = {}
        self._starts: dict[int, int] = {}  # the sentence bounds found so far, by position
        self._stops: dict[int, int] = {}
        self.opens = {p.open: p for p in self.pairs}
        self.hidden: list[tuple[int, int]] = []  # the words of accepted quotes
        self._people: People | None = None
        self.memo: dict[tuple[object, ...], object] = {}  # what later stages compute once per text

    def _words_near_candidates(self) -> list[Span]:
        """The words of the paragraphs a quote can be in or be attributed from, in text order.

        Those are the paragraphs with a quotation mark, led by a dash or ending with a
        colon, the paragraph before one that opens with a quote and the one after one that
        closes with a quote or a colon; the others are never read here (:class:`People`
        reads the paragraphs it needs itself).
        """
        text = self.text
        wanted: set[int] = set()
        for n, (s, e) in enumerate(self.lines):
            line = text[s:e].strip(SPACES)
            if line.endswith(":"):
                wanted.update((n, n + 1))  # "X прокомментировал:" and the paragraph it introduces
            elif MARK.search(text, s, e) or line[:1] in DASHES:
                wanted.add(n)
                if line[:1] in OPENING:
                    wanted.add(
                        n - 1
                    )  # a quote opening the paragraph: the sentence before may name the speaker
                if line[-1:] in CLOSING or line[-2:-1] in CLOSING:
                    wanted.add(n + 1)  # a quote closing it: a signature or the cue may follow
        out: list[Span] = []
        self._wanted = {n for n in wanted if 0 <= n < len(self.lines)}
        for n in sorted(self._wanted):
            out.extend(tokens(text, *self.lines[n]))
        return out

    @property
    def people(self) -> People:
        if self._people is None:
            # the words function holds what it reads, not the Doc: no cycle, so a Doc is freed
            # as soon as it is done with, not by the garbage collector
            words = partial(
                _line_words, self.text, self.line_starts, self._wanted, self.toks, self.tok_starts
            )
            self._people = People(self.text, self.hidden, self.lines, words)
        return self._people

    def mentions(self, lo: int, hi: int, inside: bool = False) -> list[Mention]:
        """Mentions among ``self.toks[lo:hi]`` in the author's words (not inside a quotation).

        ``inside`` says the words are an author's insertion within marks («Q1, — сказал X. — Q2»).
        """
        if lo >= hi:
            return []
        stop = self.toks[hi - 1].stop
        if stop < len(self.text) and self.text[stop] in CLOSING:
            stop += 1  # a name in marks ends the clause: "в пресс-службе «Яндекса»"
        start = self.toks[lo].start
        if start > 0 and self.text[start - 1] in OPENING:
            start -= 1  # «Фронтовики» предлагали: the name's mark opens the clause
        found = self.people.mentions_between(start, stop)
        return found if inside else [m for m in found if not self.quoted(m.start)]

    def long(self, pair: Pair) -> bool:
        """Do the marks hold more than four words (more than a name)?"""
        found = self._long.get(pair.open)
        if found is None:
            found = self._long[pair.open] = more_words(self.text, pair.start, pair.close, 4)
        return found

    def quoted(self, pos: int) -> bool:
        """Is ``pos`` inside the words of a quotation (a quote kept so far, or marks around a long text)?
        A mention starting at a quote's opening mark is inside it."""
        k = bisect.bisect_right(self.top_opens, pos) - 1
        if k >= 0 and pos <= self.top[k].close and self.long(self.top[k]):
            return True
        if pos < len(self.text) and self.text[pos] in OPENING:
            pos += 1
        k = bisect.bisect_right(self.hidden, (pos, len(self.text) + 1)) - 1
        return k >= 0 and self.hidden[k][0] <= pos < self.hidden[k][1]

    def in_marks(self, pos: int) -> bool:
        """Is ``pos`` inside any top-level pair of marks?"""
        k = bisect.bisect_right(self.top_opens, pos) - 1
        return k >= 0 and pos <= self.top[k].close

    def line_of(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.line_starts, pos) - 1
        return self.lines[max(k, 0)]

    def tok_range(self, start: int, stop: int) -> tuple[int, int]:
        return bisect.bisect_left(self.tok_starts, start), bisect.bisect_left(self.tok_starts, stop)

    # -- sentences of the author's text, quotes skipped ------------------------------------
    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts (bounded by the line and :data:`WINDOW`).

        Sentence ends inside marks that close before ``pos`` do not count.
        """
        found = self._starts.get(pos)
        if found is None:  # the stages ask for the same sentences again and again
            found = self._starts[pos] = self._sentence_start(pos)
        return found

    def _sentence_start(self, pos: int) -> int:
        line_start, _ = self.line_of(pos)
        lo = max(line_start, pos - WINDOW)
        text = self.text
        k = pos
        while True:
            k = max(
                text.rfind(".", lo, k), text.rfind("!", lo, k), text.rfind("?", lo, k), text.rfind("…", lo, k)
            )
            if k <= lo:
                return lo
            if (
                text[k + 1 : k + 2].isspace()
                and not _initial_before(text, k)
                and not self._closed_around(k, pos)
                and not text[k + 1 : k + 4].lstrip(SPACES)[:1].islower()  # "Yahoo! написал"
            ):
                return k + 1

    def _closed_around(self, k: int, pos: int) -> bool:
        """Is ``k`` inside a pair of marks that closes before ``pos``?"""
        j = bisect.bisect_right(self.top_opens, k) - 1
        return j >= 0 and self.top[j].closed and k < self.top[j].close < pos

    def sentence_stop(self, pos: int) -> int:
        """Where the sentence holding ``pos`` ends (bounded by the line and :data:`WINDOW`)."""
        found = self._stops.get(pos)
        if found is None:
            found = self._stops[pos] = self._sentence_stop(pos)
        return found

    def _sentence_stop(self, pos: int) -> int:
        _, line_stop = self.line_of(pos)
        hi = min(line_stop, pos + WINDOW)
        k = pos
        text = self.text
        opens = self.opens
        while k < hi:
            ch = text[k]
            if k in opens and opens[k].closed:
                p = opens[k]
                if self.long(p):
                    return k
                k = p.close + 1
                continue
            if ch in TERMINAL and (k + 1 >= hi or text[k + 1].isspace()) and not _initial_before(text, k):
                return k
            k += 1
        return hi


def _line_words(
    text: str,
    line_starts: list[int],
    wanted: set[int],
    toks: list[Span],
    tok_starts: list[int],
    start: int,
    stop: int,
) -> Sequence[Span]:
    """The words of the paragraph ``[start, stop)``: from the Doc's words if it holds them."""
    n = bisect.bisect_right(line_starts, start) - 1
    if n in wanted:
        return toks[bisect.bisect_left(tok_starts, start) : bisect.bisect_left(tok_starts, stop)]
    return tokens(text, start, stop)


def more_words(text: str, start: int, stop: int, n: int) -> bool:
    """Has ``text[start:stop]`` more than ``n`` words?  Reads at most 300 characters (longer is "more")."""
    if stop - start > 300:
        return True
    for count, _ in enumerate(TOKEN.finditer(text, start, stop), 1):
        if count > n:
            return True
    return False


def _initial_before(text: str, k: int) -> bool:
    """The dot at ``k`` ends an initial ("А. Кудрин") or a short abbreviation ("г.")."""
    if text[k] != ".":
        return False
    j = k - 1
    while j >= 0 and text[j].isalpha():
        j -= 1
    word = text[j + 1 : k]
    if len(word) == 1 and word.isupper():
        return text[k + 1 : k + 3].strip()[:1].isalpha()  # "А. Кудрин"; not "Ван И. «Отношения…»"
    return word in load("abbreviations")


def tok_index(doc: Doc, pos: int) -> int:
    return bisect.bisect_left(doc.tok_starts, pos)


def skip_space(text: str, k: int, stop: int) -> int:
    """The first index from ``k`` that holds no space, or ``stop``."""
    while k < stop and text[k] in SPACES:
        k += 1
    return k
