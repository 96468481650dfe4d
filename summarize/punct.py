"""Punctuation the package reads: line breaks, spaces, dashes, quotation marks.

The bottom of the package: it imports nothing from it, and every module that
needs a mark takes it from here rather than typing it out again.
"""

from __future__ import annotations

LINE_BREAKS = "\n\r\u2028\u2029"
"""What ends a line, and so a paragraph and a sentence."""

SPACES = " \t\u00a0\u2009\u202f\ufeff"
"""Spaces that may stand between words on one line."""

PADDING = (
    " \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060"
)
"""Characters that may pad a sentence or a quotation but belong to none: spaces and invisible marks."""

DASHES = "—–-"
"""A dash as news texts write it: em dash, en dash, or a hyphen standing in for one."""

TERMINAL = ".!?…"
"""What ends a sentence."""

OPENING = '«„“"'
"""Marks that can open a quotation (``“`` and ``"`` can close one too)."""

CLOSING = '»“”"'
"""Marks that can close a quotation."""

MARKS = "«»„“”\""
"""Every quotation mark the quotes side pairs."""

CLOSER = {"«": "»", "„": "“", "“": "”", '"': '"'}
"""The usual closing mark of each opening mark (``„`` may also close with ``”``)."""
