"""Attributed quotations in Russian news: ``extract_quotes()``.

The text is read once, left to right: quotation marks are paired per paragraph
with a stack (``«»``, ``„“``, ``“”``; straight ``"`` by alternation), then each
top-level pair is judged quote or name by the words around it, and a quote is
attributed from its speech cue ("заявил", "по словам", "говорится в сообщении").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import load
from .records import Quote, Quotes, Span
from .speakers import PRONOUNS, lemmas, name_tags, nominative_name, surname_key
from .summarizer import check_text

OPENERS = {"«": "»", "„": "“", "“": "”"}
_MARK = re.compile(r"[«»„“”\"]")
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*\.?")
_DASHES = "—–-"
_WINDOW = 250
"""How far (characters) to look beside a quote for its cue and speaker."""


@dataclass
class _Pair:
    open: int  # index of the opening mark
    close: int  # index of the closing mark
    depth: int


def _pair_line(text: str, start: int, stop: int) -> list[_Pair]:
    """Pair the quotation marks of one paragraph; unclosed marks are dropped."""
    stack: list[tuple[str, int]] = []
    pairs: list[_Pair] = []
    for m in _MARK.finditer(text, start, stop):
        ch, i = m.group(), m.start()
        if ch == '"':
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < stop else " "
            opens = before.isspace() or before in "([{«„—–-/" and not after.isspace()
            closes = not before.isspace() and (after.isspace() or not after.isalnum())
            top_straight = bool(stack) and stack[-1][0] == '"'
            if top_straight and (closes or not opens):
                _, j = stack.pop()
                pairs.append(_Pair(j, i, len(stack)))
            elif opens or not closes:
                stack.append((ch, i))
            continue
        if ch in "«„":
            stack.append((ch, i))
        elif ch == "“":
            if any(s[0] == "„" for s in stack[-3:]):
                _close(stack, pairs, "„", i)
            else:
                stack.append((ch, i))
        elif ch == "»":
            _close(stack, pairs, "«", i)
        elif ch == "”":
            if not _close(stack, pairs, "“", i):
                _close(stack, pairs, "„", i)
    return pairs


def _close(stack: list[tuple[str, int]], pairs: list[_Pair], opener: str, i: int) -> bool:
    for k in range(len(stack) - 1, max(-1, len(stack) - 4), -1):
        if stack[k][0] == opener:
            j = stack[k][1]
            del stack[k:]
            pairs.append(_Pair(j, i, k))
            return True
    return False


def _words(text: str, start: int, stop: int) -> list[Span]:
    return [Span(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, stop)]


def _speech_lemmas() -> frozenset[str]:
    return load("speech_verbs")


def _is_cue(word: str) -> bool:
    return bool(lemmas(word.rstrip(".")) & _speech_lemmas())


def _speaker_near(text: str, words: list[Span]) -> tuple[str | None, Span | None]:
    """The first name-like run of capitalised words (or a pronoun) among ``words``."""
    i = 0
    while i < len(words):
        w = words[i]
        low = w.text.lower()
        if low in PRONOUNS:
            return None, w
        if w.text[:1].isupper() and name_tags(w.text.rstrip(".")):
            j = i
            while j + 1 < len(words) and words[j + 1].text[:1].isupper() and words[j + 1].start - words[j].stop <= 2:
                j += 1
            run = words[i : j + 1]
            span = Span(text[run[0].start : run[-1].stop], run[0].start, run[-1].stop)
            return nominative_name([x.text for x in run]), span
        i += 1
    return None, None


def _sentence_start(text: str, line_start: int, pos: int) -> int:
    lo = max(line_start, pos - _WINDOW)
    k = pos - 1
    while k > lo:
        if text[k] in ".!?" and text[k + 1 : k + 2].isspace():
            return k + 1
        k -= 1
    return lo


def _sentence_stop(text: str, line_stop: int, pos: int) -> int:
    hi = min(line_stop, pos + _WINDOW)
    k = pos
    while k < hi:
        if text[k] in ".!?«\"„“" and k > pos:
            return k
        k += 1
    return hi


def extract_quotes(text: str) -> Quotes:
    """Every quotation in ``text`` with its speaker, in document order.

    >>> q = extract_quotes("«Мы готовы к переговорам», — заявил Дмитрий Песков.")[0]
    >>> q.text, q.speaker, q.cue.text, q.type
    ('Мы готовы к переговорам', 'Дмитрий Песков', 'заявил', 'direct')
    """
    check_text(text)
    items: list[Quote] = []
    people: dict[frozenset[str], str] = {}
    for line in _LINE.finditer(text):
        for w, nxt in _name_runs(text, line.start(), line.end()):
            full = nominative_name([w.text, nxt.text])
            for key in surname_key(nxt.text):
                people.setdefault(key, full)
    for line in _LINE.finditer(text):
        pairs = [p for p in _pair_line(text, line.start(), line.end()) if p.depth == 0]
        for pair in sorted(pairs, key=lambda p: p.open):
            quote = _judge(text, line.start(), line.end(), pair, people)
            if quote is not None:
                items.append(quote)
    return Quotes(text, tuple(items))


def _name_runs(text: str, start: int, stop: int) -> list[tuple[Span, Span]]:
    words = _words(text, start, stop)
    out = []
    for a, b in zip(words, words[1:]):
        if (
            a.text[:1].isupper()
            and b.text[:1].isupper()
            and b.start - a.stop == 1
            and "Name" in name_tags(a.text)
            and "Surn" in name_tags(b.text)
        ):
            out.append((a, b))
    return out


def _judge(text: str, line_start: int, line_stop: int, pair: _Pair, people: dict[frozenset[str], str]) -> Quote | None:
    start, stop = pair.open + 1, pair.close
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if start >= stop:
        return None
    content = _words(text, start, stop)
    speaker = mention = cue = None
    # after: «Q», — сказал X.
    k = pair.close + 1
    while k < line_stop and text[k] in ",.!?… \u00a0":
        k += 1
    if k < line_stop and text[k] in _DASHES:
        clause = _words(text, k + 1, _sentence_stop(text, line_stop, k + 1))
        for n, w in enumerate(clause):
            if _is_cue(w.text):
                cue = w
                speaker, mention = _speaker_near(text, clause[n + 1 :] or clause[:n])
                break
    if cue is None:
        before = _words(text, _sentence_start(text, line_start, pair.open), pair.open)
        for n in range(len(before) - 1, -1, -1):
            if _is_cue(before[n].text):
                cue = before[n]
                speaker, mention = _speaker_near(text, before[:n][::-1][:4][::-1] or before[n + 1 :])
                break
    if cue is None and len(content) < 4:
        return None
    if cue is None and content and all(w.text[:1].isupper() for w in content):
        return None
    if speaker is None and mention is not None:
        speaker = None  # pronoun: resolved below
    if speaker is not None:
        last = speaker.split()[-1]
        for key in surname_key(last):
            if key in people:
                speaker = people[key]
                break
    is_sentence = text[start].isupper() or (text[pair.close - 1] in ".!?…")
    kind = "direct" if is_sentence and len(content) >= 3 else "partial"
    return Quote(text[start:stop], start, stop, speaker, mention, cue, kind)
