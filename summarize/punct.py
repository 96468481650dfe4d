"""Punctuation the package reads: line breaks, spaces, dashes, quotation marks.

The bottom of the package: it imports nothing from it, and every module that
needs a mark takes it from here rather than typing it out again.
"""

from __future__ import annotations

import re

LINE_BREAKS = "\n\r\u2028\u2029"
"""What ends a line, and so a paragraph and a sentence."""

BLANKS = " \t\u00a0\u2009\u202f"
"""Spaces that show as a gap: plain, tab, no-break, thin and narrow no-break."""

SPACES = BLANKS + "\ufeff"
"""Spaces that may stand between words on one line (a stray BOM too)."""

WORD_GAP = " \u00a0"
"""A plain or a no-break space: what stands between the words of one name or phrase."""

PADDING = (
    " \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060"
)
"""Characters that may pad a sentence or a quotation but belong to none: spaces and invisible marks."""

TRUE_DASHES = "—–"
"""An em or an en dash: a dash whatever stands around it."""

DASHES = TRUE_DASHES + "-"
"""A dash as news texts write it: em dash, en dash, or a hyphen standing in for one."""

TERMINAL = ".!?…"
"""What ends a sentence."""

CURLY_OPENING = "«„“"
"""The typographic marks that can open a quotation."""

OPENING = CURLY_OPENING + '"'
"""Marks that can open a quotation (``“`` and ``"`` can close one too)."""

CLOSING = '»“”"'
"""Marks that can close a quotation."""

MARKS = '«»„“”"'
"""Every quotation mark the quotes side pairs."""

CLOSER = {"«": "»", "„": "“", "“": "”", '"': '"'}
"""The usual closing mark of each opening mark (``„`` may also close with ``”``)."""


def one_of(chars: str) -> str:
    """A regex character class matching any one of ``chars``.

    >>> re.findall(one_of(DASHES), "а — б – в - г")
    ['—', '–', '-']
    """
    return f"[{re.escape(chars)}]"


def opens(gap: str) -> bool:
    """Does a mark in ``gap``, what stands between two words, open a quotation before the second?
    ``«`` and ``„`` always do; ``"`` and ``“`` only right before the word.

    >>> opens(' "'), opens('" '), opens(' «')
    (True, False, True)
    """
    return any(ch in "«„" for ch in gap) or gap[-1:] in OPENING


def closes(gap: str) -> bool:
    """Does a mark in ``gap`` close a quotation after the first word?  ``»`` and ``”`` always do;
    ``"`` and ``“`` only right after the word.

    >>> closes('" '), closes(' "'), closes('» ')
    (True, False, True)
    """
    return any(ch in "»”" for ch in gap) or gap[:1] in CLOSING
