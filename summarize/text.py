"""Text -> sentences -> words, every piece a span of the ORIGINAL string.

Nothing is normalised in place: CRLF, NBSP, soft hyphens, BOM and ``ё`` stay
where they are, so ``text[span.start:span.stop] == span.text`` always holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from razdel import sentenize

from .punct import LINE_BREAKS, PADDING, one_of
from .records import Span

# A paragraph is one line; news texts put a line break between paragraphs and
# after a headline, which razdel alone would glue to the next sentence.
LINE = re.compile(f"[^{LINE_BREAKS}]+")

# Every word pattern of the package lives here: two, and they differ on purpose.
# - WORD, the summary side's terms: letters joined by a hyphen or broken by a soft hyphen or an
#   accent ("пресс-служба", "Ми\u00adнистр"), and no ordinal ending after a number ("85-е");
# - TOKEN, the quotes side's only word pattern (its words, its word counts, the key of the words
#   two quotations share), which must hold a whole name: letters joined by a hyphen or an
#   apostrophe ("О’Рейли", "Мак-Кейн") and a web domain ("Lenta.ru", an outlet's name).
# WORD cannot serve the quotes side: given apostrophes and domains, the terms of 51 of the 254
# factRuEval texts change ("Lenta.ru" would be one term, not "lenta" and "ru").

# A word: letters, possibly joined by a hyphen or broken by a soft hyphen or an accent.  It
# starts where a run of letters starts; after a number and a hyphen only a whole word (four
# letters or more: «20-летний») counts, not an ordinal ending («85-е», «2-го», «90-х»).
WORD = re.compile(
    r"(?<![^\W\d_])(?:(?<!\d[-\u2010\u2011])|(?=[^\W\d_]{4}))"
    r"[^\W\d_]++(?:[-\u2010\u2011\u00ad\u0301][^\W\d_]++)*+"
)

JOINERS = "-‐’'`"
"""What joins the parts of one TOKEN: a hyphen ("Мак-Кейн") or an apostrophe ("О’Рейли")."""
DOMAIN = r"(?:\.(?i:ru|com|net|org|ua|by|kz|info|su|рф)\b)"
"""Regex source: a web domain's ending ("Lenta.ru", "NEWSru.com": outlets named by their site)."""
TOKEN = re.compile(
    rf"[^\W_]++{DOMAIN}"
    r"|[^\W\d_]++\d++(?![^\W_])"
    rf"|[^\W\d_]++(?:{one_of(JOINERS)}[^\W\d_]++)*+{DOMAIN}?"
)
"""A word of the quotes side: letters, inner hyphens and apostrophes, a web domain (which may
hold digits: "V1.RU"), letters with digits after them ("X5 Group", "S7").  The runs are
possessive (``++``): no letter can follow a run, so giving letters back never finds a match, and
the regex engine no longer tries (half the time of a greedy run, where every word failed the
domain alternative letter by letter)."""

_MAX_QUOTE_MERGE = 4
"""How many following sentences may be joined to close a «quotation» that razdel split."""

RAZDEL_DELIMITERS = ".?!…;\"„'»”’)]}("
"""The last character of every delimiter razdel's ``sentenize`` may split at: its ``DELIMITERS``
(endings, ``;``, quotes, closing brackets) and ``(``, which ends a smile such as ``:(``."""
_SPLIT_POINT = re.compile(one_of(RAZDEL_DELIMITERS) + r"\s+\S")
"""Where razdel may end a sentence.  It joins at every delimiter not followed by a space
(rule ``no_space_prefix``) or with no word after the spaces (``empty_side``), so a line
without a match is one sentence and razdel has nothing to decide (a third of the lines of
news: headlines, datelines, one-sentence paragraphs); tests/test_speedups.py checks it
against razdel's own splits on every line of the corpora."""


def trim(text: str, start: int, stop: int) -> tuple[int, int]:
    """Narrow ``[start, stop)`` of ``text`` past spaces and invisible marks at either end."""
    while start < stop and (text[start] in PADDING or text[start].isspace()):
        start += 1
    while stop > start and (text[stop - 1] in PADDING or text[stop - 1].isspace()):
        stop -= 1
    return start, stop


def _depth(text: str) -> int:
    return text.count("«") - text.count("»")


def _paragraph_sentences(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    line = text[start:stop]
    if _SPLIT_POINT.search(text, start, stop) is None:
        # razdel would return the line stripped, found from its start: skip it
        sentence = line.strip()
        first = start + line.find(sentence)
        yield first, first + len(sentence)
        return
    pieces = [(start + s.start, start + s.stop) for s in sentenize(line)]
    i = 0
    while i < len(pieces):
        first, last = pieces[i]
        end = i
        depth = _depth(text[first:last])
        if depth > 0:
            # razdel cut inside an open «…»: join up to the piece that closes it.
            for j in range(i + 1, min(i + 1 + _MAX_QUOTE_MERGE, len(pieces))):
                depth += _depth(text[pieces[j][0] : pieces[j][1]])
                if depth <= 0:
                    end = j
                    break
        yield first, pieces[end][1]
        i = end + 1


def sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences with exact offsets.

    Line breaks end a sentence (headlines, paragraphs); inside a line razdel
    decides, except that a split inside an open «…» is undone.

    >>> [s.text for s in sentences("Заголовок\\n\\nОн сказал: «Да. Нет». Всё.")]
    ['Заголовок', 'Он сказал: «Да. Нет».', 'Всё.']
    """
    result = []
    for line in LINE.finditer(text):
        for first, last in _paragraph_sentences(text, line.start(), line.end()):
            first, last = trim(text, first, last)
            if first < last:
                result.append(Span(text[first:last], first, last))
    return result


def words(text: str, start: int = 0, stop: int | None = None) -> Iterator[Span]:
    """The words of ``text[start:stop]`` as spans of ``text`` (numbers and punctuation skipped).

    >>> [w.text for w in words("Кто-то открыл 85-е заседание СНГ и 1600-километровый кабель")]
    ['Кто-то', 'открыл', 'заседание', 'СНГ', 'и', 'километровый', 'кабель']
    """
    for match in WORD.finditer(text, start, len(text) if stop is None else stop):
        yield Span(match.group(), match.start(), match.end())


def tokens(text: str, start: int = 0, stop: int | None = None) -> list[Span]:
    """The :data:`TOKEN` words of ``text[start:stop]`` (digits and punctuation skipped): the quotes side's.

    >>> [t.text for t in tokens("Пресс-секретарь X5 Group О’Рейли сказал Lenta.ru, что 2-го…")]
    ['Пресс-секретарь', 'X5', 'Group', 'О’Рейли', 'сказал', 'Lenta.ru', 'что', 'го']
    """
    end = len(text) if stop is None else stop
    new = tuple.__new__
    return [new(Span, (m[0], m.start(), m.end())) for m in TOKEN.finditer(text, start, end)]
