"""The mentions of one text, read once per paragraph, and the look-ups over them.

:class:`TextMentions` finds the paragraphs a look-up needs (by searching the text for a
surname or a role noun, or by walking back from a quote) and reads their mentions once;
:class:`~.people.People` builds the names of the text on it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from ..lexicon import load
from ..morph import normalize_word
from ..punct import WORD_GAP, one_of
from ..records import Span
from ..text import tokens
from .kinds import Mention
from .mentions import find_mentions
from .surnames import known_surnames, with_known_surnames

_NAMED_BEFORE = re.compile(r"(?:[A-ZА-ЯЁ][\w’'-]*\.?|[A-ZА-ЯЁ]\.)" + one_of(WORD_GAP) + "?$")
"""A capitalised word or an initial right before a surname: it may be the first name."""


def _named_before(text: str, start: int, k: int) -> bool:
    """Does a capitalised word or an initial stand right before ``k``, name particles aside
    ("Урсула фон дер Ляйен")?"""
    if _NAMED_BEFORE.search(text, start, k):
        return True
    before = text[start:k].rstrip(WORD_GAP)
    words = before.split()
    while words and normalize_word(words[-1]) in load("name_particles"):
        words.pop()
    return len(words) < len(before.split()) and bool(_NAMED_BEFORE.search(" ".join(words) + " "))


SCAN = 200
"""The most paragraphs one search reads: keeps every look-up bounded on hostile texts."""


BACK = 40
"""The most mentions (and paragraphs) a pronoun or role looks back over for its person."""


class TextMentions:
    """The mentions of a text, read paragraph by paragraph as look-ups need them.

    Nothing is read up front: each look-up finds the paragraphs it needs (by
    searching the text for a surname or a role noun, or by walking back from a
    quote) and reads their mentions once, so resolving the quotes of a text costs
    time linear in its length.  ``hidden`` spans (the quotations' own words) are
    skipped when looking back for the person a pronoun or role points to, but still
    give full names.  ``words(start, stop)`` gives the words of a paragraph (tokenised
    here if not given).
    """

    def __init__(
        self,
        text: str,
        hidden: Sequence[tuple[int, int]] = (),
        lines: Sequence[tuple[int, int]] | None = None,
        words: Callable[[int, int], Sequence[Span]] | None = None,
    ) -> None:
        self.text = text
        self._words = words or (lambda start, stop: tokens(text, start, stop))
        self.lines = list(lines) if lines is not None else [(0, len(text))]
        self._line_starts = [start for start, _ in self.lines]
        self._hidden = hidden  # kept sorted by the caller, and it may grow
        self._read: dict[int, list[Mention]] = {}
        self.read_starts: dict[int, list[int]] = {}
        self._found: dict[tuple[object, ...], list[Mention]] = {}
        self._surnames: frozenset[str] | None = None  # surnames the text gives with a first name

    # -- reading paragraphs ------------------------------------------------------------------
    def line_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._line_starts, pos) - 1)

    def line_mentions(self, n: int) -> list[Mention]:
        """The mentions of paragraph ``n``, read once."""
        found = self._read.get(n)
        if found is None:
            words = self._words(*self.lines[n])
            found = find_mentions(self.text, words)
            if self._surnames is None:
                self._surnames = known_surnames(self.text)
            if self._surnames:
                found = with_known_surnames(self.text, words, found, self._surnames)
            self._read[n] = found
            self.read_starts[n] = [m.start for m in found]
        return found

    def mentions_between(self, start: int, stop: int) -> list[Mention]:
        """The mentions lying within ``[start, stop)``."""
        first = self.line_of(start)
        last = self.line_of(max(start, stop - 1))
        out: list[Mention] = []
        for n in range(first, last + 1):
            found = self.line_mentions(n)
            k = bisect.bisect_left(self.read_starts[n], start)
            while k < len(found) and found[k].start < stop:
                if found[k].stop <= stop:
                    out.append(found[k])
                k += 1
        return out

    def lines_with(self, needle: str, named: bool = False) -> list[int]:
        """Paragraphs where ``needle`` occurs (at most :data:`SCAN`), in order.

        With ``named`` only where a capitalised word or an initial stands right before it
        (where a surname can have its first name).
        """
        out: list[int] = []
        text = self.text
        k = text.find(needle)
        while k >= 0 and len(out) < SCAN:
            n = self.line_of(k)
            if named and not _named_before(text, max(self.lines[n][0], k - 40), k):
                k = text.find(needle, k + 1)
                continue
            if not out or out[-1] != n:
                out.append(n)
            k = text.find(needle, self.lines[n][1])
        return out

    def persons_with(self, *needles: str, named: bool = False) -> list[Mention]:
        """Person mentions in the paragraphs where one of ``needles`` occurs, in text order."""
        key = (named, *needles)
        found = self._found.get(key)
        if found is None:
            lines = sorted({n for needle in needles if needle for n in self.lines_with(needle, named)})
            found = [m for n in lines[:SCAN] for m in self.line_mentions(n) if m.kind == "person"]
            self._found[key] = found
        return found

    def is_hidden(self, pos: int) -> bool:
        k = bisect.bisect_right(self._hidden, (pos, len(self.text) + 1)) - 1
        return k >= 0 and self._hidden[k][0] <= pos < self._hidden[k][1]
