"""Attributed quotations in Russian news: :func:`extract_quotes`.

The whole text is read once, left to right:

1. quotation marks are paired per paragraph with a stack (``«»``, ``„“``, ``“”``,
   straight ``"`` by alternation and by which side the spaces are on); a mark left
   open is matched across a few paragraphs, closed together with an inner quote
   («…«…»), run to the end of its paragraph after a colon, or dropped;
2. every top-level pair, every dash-led line (``— Q, — сказал X.``) and every
   paragraph after "X прокомментировал:" becomes a candidate;
3. a candidate is kept as a quotation on the evidence around it: a speech cue after
   it (``«Q», — заявил X``) or before it (``X заявил: «Q»``, ``по словам X``,
   ``X подчеркнул, что …«q»``), a colon, and what is inside (length, capitals,
   sentence punctuation, a verb); a head noun before it (``газета «Труд»``) or a
   short capitalised content without a cue makes it a name;
4. the speaker is the mention the cue points to, resolved by
   :class:`summarize.speakers.People` to a nominative canonical name.

Every step looks at a bounded window, so the time is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .checks import check_text
from .lexicon import column, head_nouns, load, tagged
from .morph import (
    CACHE_SIZE,
    has_case,
    is_preposition,
    is_verbal,
    lemma_pos,
    lemmas,
    normalize_word,
    parses,
    readings,
)
from .punct import (
    BLANKS,
    CLOSER,
    CLOSING,
    CURLY_OPENING,
    DASHES,
    MARKS,
    OPENING,
    SPACES,
    TERMINAL,
    TRUE_DASHES,
    WORD_GAP,
    one_of,
)
from .records import Quote, Quotes, Span
from .speakers import (
    Mention,
    People,
    agrees,
    gender_of,
    in_case,
    may_be,
    plural_head,
)
from .text import LETTERS, LINE, tokens, trim

__all__ = ["extract_quotes"]

_MARK = re.compile(one_of(MARKS))

WINDOW = 300
"""How many characters beside a quote are searched for its cue and speaker."""
MAX_PARAGRAPHS = 3
"""How many paragraphs a quotation mark left open may span before it is given up."""
MAX_OPEN = 20
"""How many marks left open in one paragraph are tried for a late closing; the others are dropped."""
MAX_INTERRUPTION = 160
"""The longest author's insertion inside a quote («Q1, — сказал X. — Q2»), in characters."""
MAX_CUE_DISTANCE = 25
"""How many words may stand between a speech verb and the partial quote it introduces."""


@dataclass
class _Pair:
    open: int  # index of the opening mark
    close: int  # index of the closing mark (or the end of the paragraph for a mark never closed)
    depth: int = 0
    closed: bool = True
    shared: bool = False  # the closing mark also closes an inner quotation: «…«…» (kept in the words)

    @property
    def start(self) -> int:
        return self.open + 1


@dataclass
class _Cue:
    """What a quote is attributed from: the speaker's mention and the cue words."""

    mention: Mention | None
    cue: Span | None
    strong: bool = True  # a speech verb or phrase (not only a colon or a name)
    document: bool = False  # the cue names a document ("говорится в сообщении"): its issuer speaks


# ---------------------------------------------------------------------------------------------
# pairing the marks
# ---------------------------------------------------------------------------------------------
def _straight_role(text: str, i: int, start: int, stop: int) -> tuple[bool, bool]:
    """May the straight quote at ``i`` open, may it close (by the spaces around it)?"""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < stop else " "
    opens = (before.isspace() or before in "([{/:;," + CURLY_OPENING + DASHES) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    return opens, closes


def _pair_paragraph(
    text: str, start: int, stop: int
) -> tuple[list[_Pair], list[tuple[str, int]], list[tuple[str, int]]]:
    """Pair the marks of ``text[start:stop]``: (pairs, marks left open, closing marks without opener)."""
    stack: list[tuple[str, int]] = []
    pairs: list[_Pair] = []
    orphans: list[tuple[str, int]] = []
    dropped: list[tuple[str, int]] = []

    def close(opener: str, i: int) -> bool:
        for k in range(len(stack) - 1, max(-1, len(stack) - 4), -1):
            if stack[k][0] == opener:
                dropped.extend(stack[k + 1 :])
                pairs.append(_Pair(stack[k][1], i, k))
                del stack[k:]
                return True
        return False

    for m in _MARK.finditer(text, start, stop):
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
            if not close("«", i):
                orphans.append((ch, i))
        elif ch == "”":
            if not (close("“", i) or close("„", i)):
                orphans.append((ch, i))
    return pairs, stack + dropped, orphans


def _pair_marks(text: str, lines: Sequence[tuple[int, int]]) -> list[_Pair]:
    """All pairs of the text, in order of their opening mark, with nesting depth."""
    per_line = [_pair_paragraph(text, s, e) for s, e in lines]
    pairs: list[_Pair] = []
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
            )
            if pair is not None:
                pairs.append(pair)
                taken.add(i)
                if ch == '"' or ch == "«":
                    break  # the first mark left open decides; later ones of the paragraph sit inside it
    pairs.sort(key=lambda p: (p.open, -p.close))
    # depth: how many accepted pairs enclose each pair
    result: list[_Pair] = []
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


def _across(
    text: str, lines: Sequence[tuple[int, int]], per_line: list, n: int, ch: str, i: int
) -> _Pair | None:
    """A mark left open at the end of paragraph ``n``, closed by a lone closing mark a few paragraphs on."""
    if ch == '"':
        return None
    closer = CLOSER[ch]
    for m in range(n + 1, min(len(lines), n + 1 + MAX_PARAGRAPHS)):
        found, open_marks, orphans = per_line[m]
        for c, j in orphans[:MAX_OPEN]:
            if c == closer or (ch == "„" and c == "”"):
                return _Pair(i, j)
        if any(c == ch for c, _ in open_marks[:MAX_OPEN]) or text[lines[m][0]] in OPENING:
            return None  # another quotation starts: this one was never closed
    return None


def _closed_with_inner(text: str, stop: int, found: list[_Pair], ch: str, i: int) -> _Pair | None:
    """«…«…» — one closing mark ends two quotations: the outer one ends where an inner one does,
    the last inner one followed by the end of the paragraph or a dash ("…», — сказал он")."""
    closer = CLOSER[ch]
    for inner in sorted((p for p in found if p.open > i and text[p.close] == closer), key=lambda p: -p.close):
        k = inner.close + 1
        while k < stop and text[k] in SPACES + ",;" + TERMINAL:
            k += 1
        if k >= stop or text[k] in DASHES:
            return _Pair(i, inner.close, shared=True)
    return None


def _to_paragraph_end(text: str, start: int, stop: int, i: int) -> _Pair | None:
    """A mark never closed after a colon or at a paragraph's start: the quote runs to the paragraph's end."""
    before = text[start:i].rstrip(SPACES)
    if before and not before.endswith(":"):
        return None
    end = stop
    while end > i + 1 and text[end - 1] in SPACES:
        end -= 1
    if end - i < 12:
        return None
    return _Pair(i, end, closed=False)


# ---------------------------------------------------------------------------------------------
# the document: lines, words, pairs, people
# ---------------------------------------------------------------------------------------------
class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = [(m.start(), m.end()) for m in LINE.finditer(text)]
        self.line_starts = [s for s, _ in self.lines]
        self.toks = self._words_near_candidates()
        self.tok_starts = [t.start for t in self.toks]
        self.pairs = _pair_marks(text, self.lines)
        self._top = [p for p in self.pairs if p.depth == 0]
        self._top_opens = [p.open for p in self._top]
        self._long: dict[int, bool] = {}
        self.opens = {p.open: p for p in self.pairs}
        self.hidden: list[tuple[int, int]] = []  # the words of accepted quotes
        self._people: People | None = None
        self.issuer: str | None = None  # the organisation whose statement is being quoted

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
            elif _MARK.search(text, s, e) or line[:1] in DASHES:
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

    def _line_words(self, start: int, stop: int) -> Sequence[Span]:
        """The words of the paragraph ``[start, stop)``: from :attr:`toks` if it holds them."""
        n = bisect.bisect_right(self.line_starts, start) - 1
        if n in self._wanted:
            lo, hi = self.tok_range(start, stop)
            return self.toks[lo:hi]
        return tokens(self.text, start, stop)

    @property
    def people(self) -> People:
        if self._people is None:
            self._people = People(self.text, self.hidden, self.lines, self._line_words)
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
        if self.text[start - 1 : start] in OPENING:
            start -= 1  # «Фронтовики» предлагали: the name's mark opens the clause
        found = self.people.mentions_between(start, stop)
        return found if inside else [m for m in found if not self.quoted(m.start)]

    def long(self, pair: _Pair) -> bool:
        """Do the marks hold more than four words (more than a name)?"""
        found = self._long.get(pair.open)
        if found is None:
            found = self._long[pair.open] = _more_words(self.text, pair.start, pair.close, 4)
        return found

    def quoted(self, pos: int) -> bool:
        """Is ``pos`` inside the words of a quotation (a quote kept so far, or marks around a long text)?"""
        k = bisect.bisect_right(self._top_opens, pos) - 1
        if k >= 0 and pos <= self._top[k].close and self.long(self._top[k]):
            return True
        k = bisect.bisect_right(self.hidden, (pos, len(self.text) + 1)) - 1
        return k >= 0 and self.hidden[k][0] <= pos < self.hidden[k][1]

    def in_marks(self, pos: int) -> bool:
        """Is ``pos`` inside any top-level pair of marks?"""
        k = bisect.bisect_right(self._top_opens, pos) - 1
        return k >= 0 and pos <= self._top[k].close

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
        j = bisect.bisect_right(self._top_opens, k) - 1
        return j >= 0 and self._top[j].closed and k < self._top[j].close < pos

    def sentence_stop(self, pos: int) -> int:
        """Where the sentence holding ``pos`` ends (bounded by the line and :data:`WINDOW`)."""
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


def _more_words(text: str, start: int, stop: int, n: int) -> bool:
    """Has ``text[start:stop]`` more than ``n`` words?  Reads at most 300 characters (longer is "more")."""
    if stop - start > 300:
        return True
    for count, _ in enumerate(LETTERS.finditer(text, start, stop), 1):
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
    return (len(word) == 1 and word.isupper()) or word in load("abbreviations")


# ---------------------------------------------------------------------------------------------
# cues
# ---------------------------------------------------------------------------------------------
def _speech_lemma(tok: Span) -> str | None:
    """The speech-verb lemma of ``tok`` if it is a verb form listed in ``speech_verbs``."""
    return _speech_lemma_of(tok.text)


@lru_cache(maxsize=CACHE_SIZE)
def _speech_lemma_of(word: str) -> str | None:
    if not (may_be(word, "speech_verbs") or normalize_word(word)[:4] in ("увер", "убеж", "согл")):
        return None
    verbs = load("speech_verbs")
    ps = parses(word)
    if ps and ps[0].tag.POS == "VERB" and "1per" in ps[0].tag:
        return None  # "напомним", "скажу": the author's own voice
    for lemma, pos in readings(word):
        if lemma in verbs and pos in ("VERB", "INFN", "PRTS", "GRND"):
            return lemma
    for lemma, pos in readings(word):
        if pos == "ADJS" and lemma in load("opinion_words"):
            return lemma
    return None


def _low(tok: Span) -> str:
    return normalize_word(tok.text)


def _doc_noun(tok: Span) -> bool:
    return bool(lemmas(tok.text) & load("cue_nouns")) and not is_verbal(tok.text)


def _span(text: str, a: Span, b: Span) -> Span:
    return Span(text[a.start : b.stop], a.start, b.stop)


_PREFERENCE = {"person": 0, "pron": 0, "role": 0, "org": 1}


def _subject(
    text: str, ms: Sequence[Mention], start: int, stop: int, verb: Span, nearest_last: bool
) -> Mention | None:
    """The mention in ``[start, stop)`` that can be the subject of ``verb``.

    People (names, roles, pronouns) come before organisations; among them the one
    nearest the verb wins: the last one before it, or the first one after it.
    """
    fits = [
        m
        for m in ms
        if start <= m.stop
        and m.start < stop
        and m.stop <= stop + 1
        and not m.prep
        and m.subject
        and agrees(verb.text, m)
    ]
    if nearest_last:
        fits.reverse()
    for rank in (0, 1):
        for m in fits:
            if _PREFERENCE[m.kind] == rank:
                return _apposition_head(text, ms, m) if nearest_last else m
    return None


_APPOSITION = re.compile(f"{one_of(WORD_GAP)}*,")


def _apposition_head(text: str, ms: Sequence[Mention], m: Mention) -> Mention:
    """ "Стив Балмер, преемник Билла Гейтса и нынешний президент Microsoft, … написал": the person
    a role stands in apposition to (a comma right after the person) is the subject."""
    if m.kind != "role":
        return m
    for p in ms:
        if (
            p.kind == "person"
            and p.subject
            and not p.prep
            and p.stop < m.start
            and _APPOSITION.match(text, p.stop)
        ):
            return p
    return m


def _mention_after(ms: Sequence[Mention], text: str, tok: Span, case: str = "gent") -> Mention | None:
    """The mention right after ``tok``, nothing but spaces between ("слова Косанова", "в сообщении МИД"),
    read in the ``case`` that word governs."""
    for m in ms:
        if m.start >= tok.stop:
            gap = m.start - tok.stop
            if gap <= 3 and not text[tok.stop : m.start].strip(SPACES + OPENING):
                return in_case(m, case)
            return None
    return None


def _owner(
    doc: _Doc, toks: Sequence[Span], ms: Sequence[Mention], i: int, hi: int
) -> tuple[Mention | None, int, bool]:
    """Around an impersonal verb at ``toks[i]``: "говорится в сообщении <owner>",
    "в заявлении <owner> говорится".

    Returns the owner's mention, the index of the last cue word and whether a document noun was found.
    """
    text = doc.text
    for j in range(i + 1, min(hi, i + 5)):
        if _doc_noun(toks[j]):
            owner = _mention_after(ms, text, toks[j])
            if owner is not None and owner.kind == "pron":
                owner = None
            return owner, j, True
    for j in range(max(0, i - 12), i):
        if _doc_noun(toks[j]):
            # "В заявлении Гелетея, размещённом на сайте министерства, говорится"
            return _mention_after(ms, text, toks[j]), i, True
    return None, i, False


def _clause_cue(
    doc: _Doc, lo: int, hi: int, after: bool, nouns: bool = False, inside: bool = False
) -> _Cue | None:
    """The cue and the speaker's mention in the author's clause ``doc.toks[lo:hi]``.

    ``after`` says the clause follows the quote («Q», — сказал X); otherwise it
    precedes it (X сказал: «Q» / по словам X, «Q»).  With ``nouns`` a noun of
    speech counts as the cue when no verb does ("выступил с заявлением: «Q»").
    The cue nearest the quote that names somebody wins; failing that, the nearest cue.
    """
    if lo >= hi:
        return None
    first = None
    for cue in _cues(doc, lo, hi, after, nouns, inside):
        if cue.mention is not None:
            return cue
        if first is None:
            first = cue
    return first


def _cues(doc: _Doc, lo: int, hi: int, after: bool, nouns: bool, inside: bool) -> Iterator[_Cue]:
    """Every cue of the clause ``doc.toks[lo:hi]``, nearest to the quote first.

    The clause's mentions are found only once a cue word is (most clauses have none).
    """
    text, toks = doc.text, doc.toks
    found: list[list[Mention]] = []

    def mentions() -> list[Mention]:
        if not found:
            found.append(doc.mentions(lo, hi, inside))
        return found[0]

    order = range(lo, hi) if after else range(hi - 1, lo - 1, -1)
    for i in order:
        tok = toks[i]
        low = _low(tok)
        if low in ("по", "согласно") and i + 1 < hi:
            cue = _according(doc, mentions(), i, hi)
            if cue is not None:
                yield cue
            continue
        lemma = _speech_lemma(tok)
        if lemma is None:
            if after and "слово" in lemmas(tok.text) and not is_verbal(tok.text):
                m = _mention_after(mentions(), text, tok)
                if m is not None:
                    yield _Cue(m, tok)  # "— слова Косанова"
            continue
        if i > lo and _low(toks[i - 1]) in load("relative_pronouns"):
            continue  # "Филата, которого цитирует «Интерфакс»": a side remark about the source
        yield _verb_cue(doc, mentions(), lo, hi, i, lemma, after)
    if nouns:
        for i in range(hi - 1, max(lo, hi - 4) - 1, -1):
            tok = toks[i]
            if lemmas(tok.text) & load("speech_nouns") and not is_verbal(tok.text):
                ms = mentions()
                before = [m for m in ms if m.stop <= tok.start and not m.prep and m.subject]
                before.sort(key=lambda m: (_PREFERENCE[m.kind], -m.start))
                m = _mention_after(ms, text, tok) or (before[0] if before else None)
                yield _Cue(m, tok)
                return


@lru_cache(maxsize=CACHE_SIZE)
def _plural_verb(word: str) -> bool:
    forms = [p for p in parses(word) if p.tag.POS == "VERB"]
    return bool(forms) and all("plur" in p.tag for p in forms)


@lru_cache(maxsize=CACHE_SIZE)
def _plural_subject_word(word: str) -> bool:
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS == "NOUN" and any("nomn" in p.tag and "plur" in p.tag for p in ps)


def _plural_subject(tok: Span) -> bool:
    """A noun that can be a plural subject ("девушки")."""
    return _plural_subject_word(tok.text)


def _plural(tok: Span) -> bool:
    """A plural verb form ("сообщили", "заявляют")."""
    return _plural_verb(tok.text)


def _according(doc: _Doc, ms: Sequence[Mention], i: int, hi: int) -> _Cue | None:
    """ "по словам X", "по его мнению", "согласно заявлению X", "согласно официальному заявлению"."""
    text, toks = doc.text, doc.toks
    tok = toks[i]
    j = i + 1
    possessive = None
    if _low(toks[j]) in column("possessives") and j + 1 < hi:
        possessive = toks[j]
        j += 1
    while j + 1 < hi and "ADJF" in {str(p.tag.POS) for p in parses(toks[j].text)[:1]}:
        j += 1  # "согласно официальному заявлению"
    nxt = toks[j]
    span = _span(text, tok, nxt)
    if _low(tok) == "по":
        if not (lemmas(nxt.text) & tagged("cue_nouns", "according") and has_case(nxt.text, "datv")):
            return None
    elif not _doc_noun(nxt):
        m = _mention_after(ms, text, tok, "datv")  # "согласно Марку"
        return _Cue(m, tok) if m is not None else None
    if possessive is not None:
        gender = column("possessives")[_low(possessive)]
        return _Cue(Mention("pron", possessive.start, possessive.stop, possessive.text, gender=gender), span)
    return _Cue(_mention_after(ms, text, nxt), span, document=_low(tok) == "согласно")


def _verb_cue(doc: _Doc, ms: Sequence[Mention], lo: int, hi: int, i: int, lemma: str, after: bool) -> _Cue:
    """The speaker of the speech verb ``doc.toks[i]``."""
    text, toks = doc.text, doc.toks
    tok = toks[i]
    # "приводятся в сообщении слова Косанова", "приводит ТАСС слова Косанова"
    for j in range(i + 1, min(hi, i + 6)):
        if "слово" in lemmas(toks[j].text) and not is_verbal(toks[j].text):
            m = _mention_after(ms, text, toks[j])
            if m is not None:
                return _Cue(m, _span(text, tok, toks[j]))
    if lemma in tagged("speech_verbs", "impersonal") or (
        "PRTS" in {pos for _, pos in readings(tok.text)} and lemma not in load("opinion_words")
    ):
        owner, last, document = _owner(doc, toks, ms, i, hi)
        # "признано «нецелесообразным»": nobody is named, and no document either
        return _Cue(owner, _span(text, tok, toks[last]), document=document)
    if lemma in load("quoting_verbs"):
        rest = [m for m in ms if m.start > tok.start and not m.outlet and not (m.kind == "org" and m.subject)]
        persons = [m for m in rest if m.kind == "person"] or [m for m in rest if m.kind == "role"]
        if persons:
            return _Cue(persons[0], tok)
        if lemma in ("передавать", "передать"):
            return _Cue(None, tok)  # "передает ТАСС": the outlet reports, it does not speak
    end = toks[hi - 1].stop + 1
    gerund = any(pos == "GRND" for _, pos in readings(tok.text))
    if after:
        m = _subject(text, ms, tok.stop, end, tok, False) or _subject(
            text, ms, toks[lo].start, tok.start, tok, True
        )
        if m is None and _plural(tok) and not (i + 1 < hi and _plural_subject(toks[i + 1])):
            # "— сообщили в пресс-службе «Яндекса»": who speaks is where it was said
            # (not in "— написали девушки в Twitter")
            m = next((x for x in ms if x.start > tok.start and x.kind in ("org", "role") and x.prep), None)
    elif gerund:
        # "Называя Vestas «мировым лидером», Марк …": the subject is the main clause's, never the object
        m = _subject(text, ms, toks[lo].start, tok.start, tok, True)
    elif i > lo and _low(toks[i - 1]) == "как":
        # "как выразился президент Владимир Путин, «…»": the subject follows the verb
        m = _subject(text, ms, tok.stop, end, tok, False) or _subject(
            text, ms, toks[lo].start, tok.start, tok, True
        )
    else:
        m = _subject(text, ms, toks[lo].start, tok.start, tok, True) or _subject(
            text, ms, tok.stop, end, tok, False
        )
        if m is None:
            # "в Минобороны сообщили, что …": the organisation itself speaks
            m = next((x for x in reversed(ms) if x.kind == "org" and x.start < tok.start), None)
    if m is not None and m.outlet and lemma in load("quoting_verbs"):
        m = None
    return _Cue(m, tok)


# ---------------------------------------------------------------------------------------------
# evidence about a pair of marks
# ---------------------------------------------------------------------------------------------


def _title_like(words: Sequence[Span]) -> bool:
    """«Двенадцать стульев», «Эхо Москвы», «Газпром»: a short capitalised name."""
    if not words or len(words) > 6:
        return False
    if not words[0].text[:1].isupper():
        return False
    caps = sum(1 for w in words if w.text[:1].isupper() or (w.text[:1].isascii() and w.text[:1].isalpha()))
    return len(words) <= 3 or caps >= len(words) - 1


def _head_before(doc: _Doc, pos: int) -> bool:
    """A head noun right before the mark says the marks hold a name ("газета «Труд»")."""
    lo, hi = doc.tok_range(max(0, pos - 60), pos)
    for k in range(hi - 1, max(lo, hi - 3) - 1, -1):
        tok = doc.toks[k]
        gap = doc.text[tok.stop : pos if k == hi - 1 else doc.toks[k + 1].start]
        if gap.strip(SPACES + OPENING):
            return False
        kind = _head_kind(tok.text)
        if kind == "head":
            return True
        if kind == "other":
            return False
    return False


@lru_cache(maxsize=CACHE_SIZE)
def _head_kind(word: str) -> str:
    """ "head" for a head noun of names ("газета"), "modifier" for what may stand between it and
    the marks (an adjective, a capitalised word: "газета «Труд»", "ОАО «НК „Роснефть“»"), else "other"."""
    if lemmas(word) & head_nouns() or normalize_word(word) in load("name_heads"):
        return "head"
    if word[:1].isupper() or "ADJF" in {str(p.tag.POS) for p in parses(word)}:
        return "modifier"
    return "other"


def _has_verb(words: Sequence[Span]) -> bool:
    return any(
        is_verbal(w.text) or any("1per" in p.tag or "2per" in p.tag for p in parses(w.text)[:1])
        for w in words
    )


def _sentence_like(text: str, words: Sequence[Span], start: int, stop: int) -> bool:
    if len(words) < 3:
        return False
    ends = text[stop - 1] in TERMINAL
    return (ends and len(words) >= 3) or (len(words) >= 5 and _has_verb(words))


# ---------------------------------------------------------------------------------------------
# candidates
# ---------------------------------------------------------------------------------------------
@dataclass
class _Cand:
    start: int
    stop: int
    kind: str  # "mark" | "dash" | "block"
    cue: _Cue | None = None
    type: str = "direct"
    pair: _Pair | None = None


def _after_frame(doc: _Doc, close: int) -> tuple[int, int, bool] | None:
    """The author's words after a closing mark: (start, stop, led by a dash)."""
    text = doc.text
    _, line_stop = doc.line_of(close)
    k = close + 1
    punct = False
    while k < line_stop and (text[k] in SPACES or text[k] in "," + TERMINAL):
        punct = punct or text[k] in "," + TERMINAL
        k += 1
    if k >= line_stop:
        # a signature on the next line: «Q».¶— Татьяна Скригонюк, заместитель начальника …
        n = bisect.bisect_right(doc.line_starts, close)
        if n >= len(doc.lines):
            return None
        k, line_stop = doc.lines[n]
        k = _skip_space(text, k, line_stop)
        if k < line_stop and text[k].islower():
            # «Q»¶заявил после инаугурации Рамзан Кадыров.
            first = doc.toks[_tok_index(doc, k)] if _tok_index(doc, k) < len(doc.toks) else None
            if first is not None and first.start == k and _speech_lemma(first):
                return k, doc.sentence_stop(k), True
            return None
        if not (k + 1 < line_stop and text[k] in DASHES and text[k + 1] in SPACES):
            return None
    dash = text[k] in DASHES and (k + 1 >= line_stop or text[k + 1] in SPACES or text[k + 1] in DASHES)
    if dash:
        k += 1
        while k < line_stop and (text[k] in SPACES or text[k] in DASHES):
            k += 1
        return k, doc.sentence_stop(k), True
    if text[close + 1 : close + 2] == "," or (punct and text[k].isupper()):
        return k, doc.sentence_stop(k), False
    return None


def _attribute_mark(
    doc: _Doc, pair: _Pair, start: int, stop: int, title: bool = False
) -> tuple[_Cue | None, str, bool]:
    """(cue, where it was found, a colon precedes the quote).

    Where: ``"after"`` («Q», — сказал X), ``"comma"`` («Q», говорится в сообщении),
    ``"colon"`` (X сказал: «Q»), ``"before"`` (по словам X, «q»), or ``""``.
    A ``title`` (a short capitalised name) is only speech with a cue after it or a
    colon before it, so the words before it are not read otherwise.
    """
    text = doc.text
    frame = _after_frame(doc, pair.close) if pair.closed else None
    if frame is not None:
        a, b, dash = frame
        lo, hi = doc.tok_range(a, b)
        if hi > lo:
            if dash:
                cue = _clause_cue(doc, lo, min(hi, lo + 20), after=True)
            else:
                # «Q», говорится в сообщении / «Q». Об этом заявил X.
                first = [t for t in doc.toks[lo : min(hi, lo + 3)]]
                lead = [_low(t) for t in first]
                cue = None
                if any(_speech_lemma(t) for t in first) and (
                    not lead or lead[0] in ("так", "об", "это", "такое") or _speech_lemma(first[0])
                ):
                    cue = _clause_cue(doc, lo, min(hi, lo + 20), after=True)
            if cue is not None and (cue.mention is None or cue.mention.outlet):
                # "«Q», — сообщает «Интерфакс»": the outlet reports; a cue before the quote
                # may name the speaker
                s = doc.sentence_start(pair.open)
                blo, bhi = doc.tok_range(s, pair.open)
                before = _clause_cue(doc, blo, bhi, after=False, nouns=True) if bhi > blo else None
                if before is not None and before.mention is not None and not before.mention.outlet:
                    return before, "before", text[s : pair.open].rstrip(SPACES).endswith(":")
            if cue is not None:
                return cue, "after" if dash else "comma", False
            if dash:
                # «Q» — Имя Фамилия. / «Q» — Имя Фамилия, должность.
                ms = doc.mentions(lo, min(hi, lo + 12))
                if ms and ms[0].start == doc.toks[lo].start and ms[0].kind in ("person", "role", "org"):
                    tail = text[ms[0].stop : ms[0].stop + 2].lstrip(SPACES)
                    if hi - lo <= 6 or tail[:1] in (",", ".", "(", ""):
                        return _Cue(ms[0], None, strong=False), "after", False
    s = doc.sentence_start(pair.open)
    prefix = text[s : pair.open].rstrip(SPACES)
    end = pair.open
    if not prefix.strip() and s == doc.line_of(pair.open)[0]:
        # "X написал:¶«Q»": the colon ends the paragraph before the quote
        n = bisect.bisect_right(doc.line_starts, pair.open) - 1
        if n > 0 and text[doc.lines[n - 1][0] : doc.lines[n - 1][1]].rstrip(SPACES).endswith(":"):
            end = doc.lines[n - 1][1]
            s = doc.sentence_start(end)
            prefix = text[s:end].rstrip(SPACES)
    colon = prefix.endswith(":")
    if title and not colon:
        return None, "", False
    lo, hi = doc.tok_range(s, end)
    if hi > lo:
        cue = _clause_cue(doc, lo, hi, after=False, nouns=colon)
        if cue is not None:
            near = hi - _tok_index(doc, cue.cue.start if cue.cue else doc.toks[hi - 1].start)
            if colon or near <= MAX_CUE_DISTANCE:
                if cue.mention is None and not colon:
                    cue = replace(cue, mention=_main_subject(doc, pair))
                return cue, "colon" if colon else "before", colon
        if colon:
            # "Виктор Понедельник: «Q»", "Юрий Любимов о предложении …: «Q»",
            # "Калашников не разделил взглядов экспертов: «Q»": the clause's subject speaks
            ms = [
                m
                for m in doc.mentions(lo, hi)
                if m.kind in ("person", "role", "org")
                and not m.prep
                and not any(ch in OPENING for ch in text[m.start : m.stop])
            ]
            verbs = [t for t in doc.toks[lo:hi] if lemma_pos(t.text)[1] == "VERB"]
            if verbs:
                m = _subject(text, ms, doc.toks[lo].start, verbs[-1].start, verbs[-1], True)
                if m is not None:
                    return _Cue(m, None, strong=False), "colon", True
            subjects = [m for m in ms if m.subject and m.kind != "org"] or [m for m in ms if m.subject]
            if subjects:
                return _Cue(subjects[0], None, strong=False), "colon", True
            if ms and hi - lo <= 6:
                return _Cue(ms[-1], None, strong=False), "colon", True
    return None, "", colon


def _main_subject(doc: _Doc, pair: _Pair) -> Mention | None:
    """The first person named after the quote in the same sentence ("Называя Vestas «…», Марк назвал …")."""
    stop = doc.sentence_stop(pair.close + 1)
    lo, hi = doc.tok_range(pair.close + 1, stop)
    for m in doc.mentions(lo, hi):
        if m.kind in ("person", "role", "pron") and m.subject and not m.prep:
            return m
    return None


def _tok_index(doc: _Doc, pos: int) -> int:
    return bisect.bisect_left(doc.tok_starts, pos)


def _skip_space(text: str, k: int, stop: int) -> int:
    """The first index from ``k`` that holds no space, or ``stop``."""
    while k < stop and text[k] in SPACES:
        k += 1
    return k


def _dash_at(text: str, j: int, stop: int) -> bool:
    """A dash between spaces at ``j``: "—", "–", or a hyphen standing in for one."""
    if j >= stop or text[j] not in DASHES:
        return False
    if text[j] in TRUE_DASHES:
        return True
    return j + 1 < stop and text[j + 1] in SPACES and j > 0 and text[j - 1] in SPACES


_INTERRUPTION = re.compile(f"[,!?…]{one_of(BLANKS)}*{one_of(DASHES)}{one_of(BLANKS)}")


def _split_interrupted(doc: _Doc, start: int, stop: int) -> list[tuple[int, int, _Cue]]:
    """«Q1, — сказал X. — Q2»: the quote parts and the author's words between them."""
    text = doc.text
    if not _INTERRUPTION.search(text, start, stop):
        return []
    out: list[tuple[int, int, _Cue]] = []
    pos = start
    k = start
    while k < stop:
        ch = text[k]
        if ch in ",!?…" and k + 3 < stop:
            j = _skip_space(text, k + 1, stop)
            if j > k + 1 and _dash_at(text, j, stop):
                a = j + 1
                end = _insertion_end(text, a, min(stop, a + MAX_INTERRUPTION))
                if end is not None:
                    b, resume = end
                    lo, hi = doc.tok_range(a, b)
                    cue = _clause_cue(doc, lo, hi, after=True, inside=True) if hi > lo else None
                    if cue is not None and cue.cue is not None:
                        q_stop = k + 1 if ch in "!?…" else k
                        out.append((pos, q_stop, cue))
                        pos = resume
                        k = resume
                        continue
        k += 1
    if not out:
        return []
    out.append((pos, stop, out[-1][2]))
    return out


def _insertion_end(text: str, a: int, limit: int) -> tuple[int, int] | None:
    """End of an author's insertion "сказал X. — " starting at ``a``: (its end, where the quote resumes)."""
    k = a
    while k < limit:
        ch = text[k]
        if ch in MARKS:
            return None
        if ch in ".,:" and k + 2 < limit:
            j = _skip_space(text, k + 1, limit)
            if j > k + 1 and _dash_at(text, j, limit):
                return k, _skip_space(text, j + 1, limit)
        k += 1
    return None


def _dash_lines(doc: _Doc, inside: Sequence[tuple[int, int]]) -> list[_Cand]:
    """Dialogue lines: "— Q, — сказал X." and "— Q1, — сказал X. — Q2."."""
    text = doc.text
    cands: list[_Cand] = []
    starts = [s for s, _ in inside]
    for s, e in doc.lines:
        k = _skip_space(text, s, e)
        if k + 1 >= e or text[k] not in DASHES or text[k + 1] not in SPACES:
            continue
        j = bisect.bisect_right(starts, k) - 1
        if j >= 0 and inside[j][0] <= k < inside[j][1]:
            continue
        a = _skip_space(text, k + 1, e)
        parts = _split_interrupted(doc, a, e)
        if parts:
            for p, q, part_cue in parts:
                p, q = trim(text, p, q)
                q = _strip_end(text, p, q)
                if q > p:
                    cands.append(_Cand(p, q, "dash", part_cue, "dash"))
            continue
        # "— Q, — сказал X." (the line ends with the author's words)
        m = _INTERRUPTION.search(text, a, e)
        if m is None or m.start() <= a:
            continue
        q = m.start() + (1 if text[m.start()] in "!?…" else 0)
        lo, hi = doc.tok_range(m.end(), doc.sentence_stop(m.end()))
        cue = _clause_cue(doc, lo, min(hi, lo + 20), after=True) if hi > lo else None
        if cue is not None and cue.cue is not None:
            cands.append(_Cand(a, q, "dash", cue, "dash"))
    return cands


def _strip_end(text: str, p: int, q: int) -> int:
    """Drop the comma and the full stop that end a dialogue line's words ("— Q, — сказал он")."""
    while q > p and text[q - 1] in SPACES + ",":
        q -= 1
    if q - 1 > p and text[q - 1] == "." and text[q - 2] != ".":
        q -= 1
    return q


def _block_quotes(doc: _Doc, inside: Sequence[tuple[int, int]]) -> list[_Cand]:
    """Paragraphs after "X прокомментировал:" that carry no marks of their own."""
    text = doc.text
    cands: list[_Cand] = []
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
        cue = _clause_cue(doc, lo, hi, after=False)
        ms = doc.mentions(lo, hi)
        speakers = [m for m in ms if m.kind in ("person", "role", "org")]
        first_person = _first_person(doc, ns, ne)
        if cue is None and not (speakers and first_person):
            continue
        if cue is None:
            cue = _Cue(speakers[-1], None, strong=False)
        elif cue.mention is None and speakers:
            cue = replace(cue, mention=speakers[-1])
        words = len(tokens(text, ns, ne))
        if words < 4 and not first_person:
            continue
        m = n + 1
        while m < len(lines):
            ps, pe = lines[m]
            a, b = trim(text, ps, pe)
            if m > n + 1:
                body = text[a:b]
                if body[:1] in OPENING and _whole_line_pair(doc, ps, pe) or body.endswith(":"):
                    break
                if not _first_person(doc, ps, pe) or body[:1] in DASHES:
                    break
            cands.append(_Cand(a, b, "block", cue, "block"))
            m += 1
            if m - n > 4:
                break
    return cands


def _whole_line_pair(doc: _Doc, s: int, e: int) -> bool:
    """Does the first top-level pair of the paragraph ``[s, e)`` run to its end?"""
    k = bisect.bisect_left(doc._top_opens, s)
    if k < len(doc._top) and doc._top[k].open < e:
        return doc._top[k].close >= e - 3
    return False


def _first_person(doc: _Doc, s: int, e: int) -> bool:
    """Does the paragraph ``[s, e)`` speak in the first person ("я", "мы", "хочу") outside any marks?"""
    for t in tokens(doc.text, s, e):
        if doc.in_marks(t.start):
            continue
        if _low(t) in load("first_person"):
            return True
        ps = parses(t.text)
        if ps and ps[0].tag.POS == "VERB" and "1per" in ps[0].tag:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# the public function
# ---------------------------------------------------------------------------------------------
def extract_quotes(text: str) -> Quotes:
    """Every quotation in ``text`` with who said it, in document order.

    Returns a :class:`~summarize.records.Quotes` of :class:`~summarize.records.Quote`:
    the quoted words without their marks (``text[q.start:q.stop] == q.text``), the
    speaker's canonical nominative name (or None), the spans of the speaker's
    mention and of the speech cue, and the type: ``"direct"``, ``"partial"``,
    ``"block"`` or ``"dash"``.  A non-``str`` raises ``TypeError``; no other input
    raises, and the time is linear in the length of the text.

    >>> q = extract_quotes("«Мы готовы к переговорам», — заявил Дмитрий Песков.")[0]
    >>> q.text, q.speaker, q.cue.text, q.type
    ('Мы готовы к переговорам', 'Дмитрий Песков', 'заявил', 'direct')
    >>> [q.speaker for q in extract_quotes("Министр Сергей Лавров заявил: «Мы ответим». "
    ...                                     "По словам Лаврова, «ответ будет симметричным».")]
    ['Сергей Лавров', 'Сергей Лавров']
    """
    check_text(text)
    if not text.strip():
        return Quotes(text, ())
    doc = _Doc(text)
    cands: list[_Cand] = []
    inside: list[tuple[int, int]] = []
    rejected: list[tuple[_Pair, int, int]] = []
    for pair in doc.pairs:
        if pair.depth > 0:
            continue
        start, stop = trim(text, pair.start, pair.close + pair.shared)
        if stop <= start:
            continue
        found = _judge(doc, pair, start, stop)
        if found:
            inside.append((pair.open, pair.close + 1))
            for c in found:
                bisect.insort(doc.hidden, (c.start, c.stop))
        elif _more_words(text, start, stop, 2):
            rejected.append((pair, start, stop))
        cands.extend(found)
    cands.extend(_quoted_again(doc, cands, rejected))
    inside.sort()
    extra = _dash_lines(doc, inside)
    for c in extra:
        bisect.insort(doc.hidden, (c.start, c.stop))
    blocks = _block_quotes(doc, sorted(inside + [(c.start, c.stop) for c in extra]))
    block_spans = [(c.start, c.stop) for c in blocks]
    block_starts = [a for a, _ in block_spans]

    def in_block(pos: int) -> bool:
        k = bisect.bisect_right(block_starts, pos) - 1
        return k >= 0 and pos < block_spans[k][1]

    cands = [c for c in cands if not in_block(c.start)]
    cands.extend(extra)
    cands.extend(blocks)
    doc.hidden.extend(block_spans)
    doc.hidden.sort()
    cands.sort(key=lambda c: c.start)
    return Quotes(text, tuple(_finish(doc, cands)))


def _missing_close(doc: _Doc, pair: _Pair, start: int, stop: int) -> list[_Cand]:
    """Marks that lost a closing mark: "Q1, - сообщил X. Суммы … позднее. "Q2", - добавил Y.".

    Inside the pair, a comma and a dash before a speech verb and its speaker, followed by
    the author's words rather than "— Q2", end the first quotation there; a quotation mark
    after the author's words opens the next one, judged on its own.
    """
    text = doc.text
    for m in _INTERRUPTION.finditer(text, start, stop):
        a = m.end()
        b = doc.sentence_stop(a)
        if b >= stop or text[b] != ".":
            continue
        lo, hi = doc.tok_range(a, b)
        cue = _clause_cue(doc, lo, min(hi, lo + 12), after=True, inside=True) if hi > lo else None
        if cue is None or cue.cue is None or cue.mention is None or cue.cue.start > doc.toks[lo].stop + 1:
            continue
        q_stop = m.start() + (1 if text[m.start()] in "!?…" else 0)
        out = [_Cand(*trim(text, start, q_stop), "mark", cue, "direct", pair)]
        reopen = _MARK.search(text, b, stop)
        if reopen is not None and text[reopen.start()] in OPENING:
            inner = _Pair(reopen.start(), pair.close, 1, pair.closed)
            q2_start, q2_stop = trim(text, inner.start, pair.close)
            if q2_stop > q2_start:
                out.extend(_judge(doc, inner, q2_start, q2_stop))
        return out
    return []


def _quoted_again(
    doc: _Doc, cands: Sequence[_Cand], rejected: Sequence[tuple[_Pair, int, int]]
) -> list[_Cand]:
    """Words in marks that another quotation of the text repeats (a headline and the body) are a quote too."""
    if not rejected:
        return []
    text = doc.text
    kept = {frozenset(LETTERS.findall(text[c.start : c.stop].lower())) for c in cands if c.kind == "mark"}
    out = []
    for pair, start, stop in rejected:
        if frozenset(LETTERS.findall(text[start:stop].lower())) in kept:
            kind = "direct" if text[start].isupper() else "partial"
            out.append(_Cand(start, stop, "mark", None, kind, pair))
            bisect.insort(doc.hidden, (start, stop))
    return out


def _judge(doc: _Doc, pair: _Pair, start: int, stop: int) -> list[_Cand]:
    """Quote candidates made of one top-level pair of marks (two if the author interrupts it)."""
    text = doc.text
    lo, hi = doc.tok_range(start, stop)
    words = doc.toks[lo:hi]
    if not words:
        return []
    parts = _split_interrupted(doc, start, stop) if "\n" not in text[start:stop] else []
    if parts:
        out = []
        for p, q, part_cue in parts:
            p, q = trim(text, p, q)
            if q > p:
                out.append(_Cand(p, q, "mark", part_cue, "direct", pair))
        return out
    if pair.depth == 0 and "\n" not in text[start:stop]:
        mended = _missing_close(doc, pair, start, stop)
        if mended:
            return mended
    upper = text[start].isupper() or (text[start] in ".…" and text[start:stop].lstrip(".… ")[:1].isupper())
    ends = text[stop - 1] in TERMINAL
    title = _title_like(words) and not ends
    cue, where, colon = _attribute_mark(doc, pair, start, stop, title)
    strong = cue is not None and cue.strong
    if not pair.closed and not (strong or colon):
        return []
    signed = where == "after" and cue is not None and cue.mention is not None  # «Q» — Имя Фамилия.
    # "заявила, что это начало «решающего боя»": words in marks inside reported speech are hers
    reported = (
        where == "before"
        and cue is not None
        and cue.cue is not None
        and bool(_THAT.search(text, cue.cue.stop, pair.open))
    )
    if _is_name(doc, pair, words, upper, colon, where == "after" and (strong or signed), reported):
        return []
    if where == "after":
        keep = (
            strong
            or _sentence_like(text, words, start, stop)
            or (ends and upper)
            or (signed and upper and len(words) >= 2)
        )
    elif where == "comma":
        keep = strong and not title
    elif where == "colon":
        keep = (
            (strong and (len(words) >= 2 or not title)) or (upper and (len(words) >= 2 or ends))
        ) and not _listed(doc, pair)
    elif where == "before":
        keep = not title and not _listed(doc, pair)
        if keep and len(words) <= 2 and not _cue_governs(doc, cue, pair):
            keep = False
    elif colon:
        keep = upper and (len(words) >= 3 or ends) and not title and not _listed(doc, pair)
    else:
        keep = _sentence_like(text, words, start, stop) and not title and not _listed(doc, pair)
        cue = _previous_sentence_cue(doc, pair.open) if keep and upper else None
    if not keep:
        return []
    s = doc.sentence_start(pair.open)
    lead = text[s : pair.open].strip(SPACES + DASHES)
    kind = "direct" if upper and (not lead or lead.endswith(":")) else "partial"
    if (
        kind == "partial"
        and upper
        and where == "after"
        and _sentence_like(text, words, start, stop)
        and (not lead or lead.endswith((":", ".", "!", "?")))
    ):
        kind = "direct"
    return [_Cand(start, stop, "mark", cue, kind, pair)]


_THAT = re.compile(r"\b(?:что|чтобы)\b")


def _is_name(
    doc: _Doc,
    pair: _Pair,
    words: Sequence[Span],
    upper: bool,
    colon: bool,
    cued_after: bool,
    reported: bool = False,
) -> bool:
    """Do the marks hold a name, a title or a term rather than speech?

    - a head noun before them: "газета «Труд»", "сбор «Айбын»" (unless a colon and a long text follow);
    - a title inside the author's sentence: "круглого стола «Реконструкция …»", "романа «Двенадцать стульев»";
    - a name given: "так называемые «…»", "называемых в Японии «…»", "как назвали авторы";
    - a chant: "скандировали: «Свободу!»";
    - a short term inside a phrase: "после «обкатки»", "«цивилизованных» велодорожек",
      "операторов «большой тройки»".
    A speech cue after the quote («…», — сказал X) overrides all but the first two; reported
    speech ("заявил, что …") overrides the last group.
    """
    if (
        (upper or len(words) <= 3)  # "фонда «не имеет ничего общего с …»" is speech, not a name
        and _head_before(doc, pair.open)
        and not cued_after
        and not (colon and upper and len(words) > 3)
    ):
        return True
    prev = _word_before(doc, pair.open)
    if (
        upper
        and not colon
        and not cued_after
        and prev is not None
        and _nominal(prev.text)
        and not (lemmas(prev.text) & load("speech_nouns"))
        and _speech_lemma(prev) is None
    ):
        # a capitalised name inside the author's sentence: "круглого стола «Реконструкция …»",
        # "учрежденного Навальным «Фонда борьбы с коррупцией»"
        return True
    if _scare(doc, pair.open) or _named_after(doc, pair):
        return True
    text = doc.text
    if text[max(0, pair.open - 1) : pair.open] == "(" and text[pair.close + 1 : pair.close + 2] == ")":
        return True  # "Happy Birthday to You («С днем рождения тебя»)": a title or its translation
    if colon and prev is not None and lemmas(prev.text) & load("chant_words"):
        return True
    if cued_after or len(words) > 3:
        return False
    if reported:
        # "заявил, что после «обкатки»"
        return len(words) == 1 and prev is not None and is_preposition(prev.text)
    if len(words) <= 2 and prev is not None and is_preposition(prev.text):
        return True  # "встреча в «нормандском формате»"
    nxt = _word_after(doc, pair.close)
    last = words[-1].text
    if nxt is not None and _modifies(last, nxt.text):
        return True
    if len(words) == 1 and prev is not None and not _pronoun_like(prev.text) and _modifies(prev.text, last):
        return True  # "два отнюдь не простых «биса»": the noun of a phrase the author builds
    if prev is not None and _noun(prev.text) and all(_genitive(w.text) for w in words):
        return True  # "операторов «большой тройки»", "России «вежливых людей»": what the noun is of
    return False


@lru_cache(maxsize=CACHE_SIZE)
def _pronoun_like(word: str) -> bool:
    """ "его", "этот", "свой": pronouns agree with anything."""
    return any("Apro" in p.tag or p.tag.POS == "NPRO" for p in parses(word))


@lru_cache(maxsize=CACHE_SIZE)
def _noun(word: str) -> bool:
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS == "NOUN"


@lru_cache(maxsize=CACHE_SIZE)
def _genitive(word: str) -> bool:
    """A noun or adjective that can be in the genitive."""
    return any("gent" in p.tag for p in parses(word) if p.tag.POS in ("NOUN", "ADJF", "PRTF"))


@lru_cache(maxsize=CACHE_SIZE)
def _nominal(word: str) -> bool:
    """A noun, an adjective or a participle (not "что", not a verb)."""
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS in ("NOUN", "ADJF", "PRTF")


def _word_before(doc: _Doc, pos: int) -> Span | None:
    """The word right before ``pos`` with only spaces between (None after punctuation)."""
    k = bisect.bisect_left(doc.tok_starts, pos) - 1
    if k < 0:
        return None
    tok = doc.toks[k]
    return tok if not doc.text[tok.stop : pos].strip(SPACES) else None


def _word_after(doc: _Doc, close: int) -> Span | None:
    k = bisect.bisect_left(doc.tok_starts, close + 1)
    if k >= len(doc.toks):
        return None
    tok = doc.toks[k]
    return tok if not doc.text[close + 1 : tok.start].strip(SPACES) else None


def _modifies(word: str, noun: str) -> bool:
    """Is ``word`` an adjective agreeing with the ``noun`` right after the marks?

    ("«цивилизованных» велодорожек")
    """
    nouns = [p for p in parses(noun) if p.tag.POS == "NOUN"]
    if not nouns or nouns[0] is not parses(noun)[0]:
        return False
    for a in parses(word):
        if a.tag.POS not in ("ADJF", "PRTF"):
            continue
        for n in nouns:
            if (
                a.tag.case == n.tag.case
                and a.tag.number == n.tag.number
                and (n.tag.number == "plur" or a.tag.gender in (None, n.tag.gender))
            ):
                return True
    return False


def _named_after(doc: _Doc, pair: _Pair) -> bool:
    """ "доступ к «коробке с письмами», как назвали ящик авторы": the words after give a name."""
    after = doc.text[pair.close + 1 : pair.close + 40]
    lo, hi = doc.tok_range(pair.close + 1, pair.close + 40)
    toks = doc.toks[lo : min(hi, lo + 3)]
    if not toks or after.lstrip(SPACES + ",")[:3].lower() != "как":
        return False
    return any(lemmas(t.text) & load("naming_words") for t in toks[1:])


def _previous_sentence_cue(doc: _Doc, pos: int) -> _Cue | None:
    """A quote standing alone after "Ветеран футбола уверен, что …": the sentence before names the speaker."""
    s = doc.sentence_start(pos)
    if doc.text[s:pos].strip(SPACES):
        return None
    k = s - 1
    while k > 0 and (doc.text[k].isspace() or doc.text[k] in SPACES):
        k -= 1
    if k <= 0 or doc.text[k] not in ".:":
        return None
    if doc.text[s:pos].count("\n") > 2:
        return None
    start = doc.sentence_start(k)
    lo, hi = doc.tok_range(start, k)
    cue = _clause_cue(doc, lo, hi, after=False) if hi > lo else None
    if cue is None and 0 < hi - lo <= 4:
        # "Александр Вертинский. «Я не знаю, зачем …»": a name standing alone introduces the words
        ms = doc.mentions(lo, hi)
        if (
            len(ms) == 1
            and ms[0].kind == "person"
            and ms[0].start == doc.toks[lo].start
            and ms[0].stop == doc.toks[hi - 1].stop
        ):
            return _Cue(ms[0], None, strong=False)
    if cue is None or cue.mention is None:
        return None
    return replace(cue, strong=False)


def _cue_governs(doc: _Doc, cue: _Cue | None, pair: _Pair) -> bool:
    """A one- or two-word partial quote needs its cue close by ("назвал «хорошей»")."""
    if cue is None or cue.cue is None:
        return False
    between = doc.text[cue.cue.stop : pair.open]
    return len(tokens(between)) <= 6 and "." not in between


def _scare(doc: _Doc, pos: int) -> bool:
    """ "так называемые «…»", "называемых в Японии «…»": a name given, not speech."""
    lo, hi = doc.tok_range(max(0, pos - 60), pos)
    return any(_naming(t.text) for t in doc.toks[max(lo, hi - 4) : hi])


@lru_cache(maxsize=CACHE_SIZE)
def _naming(word: str) -> bool:
    """A passive participle of naming: "называемых", "прозванный"."""
    return any(
        p.tag.POS == "PRTF" and "pssv" in p.tag and p.normal_form.replace("ё", "е") in load("naming_words")
        for p in parses(word)
    )


_LISTED_AFTER = re.compile(f"{one_of(WORD_GAP)}*(?:,|и|или){one_of(WORD_GAP)}*{one_of(OPENING)}")
_LISTED_BEFORE = re.compile(f"{one_of(CLOSING)}{one_of(WORD_GAP)}*(?:,|и|или){one_of(WORD_GAP)}*$")


def _listed(doc: _Doc, pair: _Pair) -> bool:
    """«A», «B» и «C»: an enumeration of names."""
    text = doc.text
    return bool(_LISTED_AFTER.match(text, pair.close + 1, pair.close + 8)) or bool(
        _LISTED_BEFORE.search(text, max(0, pair.open - 8), pair.open)
    )


def _finish(doc: _Doc, cands: Sequence[_Cand]) -> list[Quote]:
    """Resolve speakers, let quotes without a cue inherit one, build the records."""
    text = doc.text
    people = doc.people
    quotes: list[Quote] = []
    last_person: tuple[str, int] | None = None  # the last person quoted and where
    for c in cands:
        speaker = mention = cue_span = None
        person = False
        if c.cue is not None:
            cue_span = c.cue.cue
            m = c.cue.mention
            if m is not None:
                mention = Span(text[m.start : m.stop], m.start, m.stop)
                person = m.kind in ("person", "pron")
                if m.kind == "role" and not plural_head(m.head):
                    speaker = people.holder_name(m, c.start)
                    person = speaker is not None
                    if speaker is None and m.role in tagged("role_nouns", "anaphoric"):
                        # "— подчеркнул сенатор": the person last named, as for a pronoun
                        speaker = people.last_person(m.start, _cue_gender(cue_span))
                        person = speaker is not None
                    if (
                        speaker is None
                        and m.role not in tagged("role_nouns", "anonymous")
                        and last_person is not None
                        and c.start - last_person[1] < 4 * WINDOW
                        and _fits(cue_span, last_person[0])
                    ):
                        # "— отметила представитель Philips" right after Сябренко's words: the same person
                        speaker, person = last_person[0], True
                if speaker is None:
                    speaker = people.resolve(m, c.start)
                if m.kind == "org" and c.cue.document:
                    doc.issuer = speaker
            elif c.cue.document:
                # "«Q», — говорится в сообщении": the organisation whose statement the text quotes
                org = people.last_org(c.start)
                speaker = doc.issuer or (people.resolve(org, c.start) if org else None)
        if speaker is None and c.type in ("direct", "block") and quotes:
            speaker = _inherit(doc, quotes[-1], c)
            person = speaker is not None and last_person is not None and speaker == last_person[0]
        if speaker is not None and person:
            last_person = (speaker, c.stop)
        quotes.append(Quote(text[c.start : c.stop], c.start, c.stop, speaker, mention, cue_span, c.type))

    # the same words quoted twice (a headline and the body): one speaker for both
    def key(q: Quote) -> frozenset[str]:
        return frozenset(LETTERS.findall(q.text.lower()))

    by_words: dict[frozenset[str], str] = {}
    for q in quotes:
        if q.speaker:
            by_words.setdefault(key(q), q.speaker)
    return [replace(q, speaker=by_words.get(key(q))) if q.speaker is None else q for q in quotes]


def _cue_gender(cue: Span | None) -> str | None:
    """The gender a past-tense cue verb demands of its subject ("отметила" -> "femn")."""
    if cue is None:
        return None
    genders = {
        g for p in parses(cue.text.split()[0]) if p.tag.POS == "VERB" for g in ("masc", "femn") if g in p.tag
    }
    return genders.pop() if len(genders) == 1 else None


def _fits(cue: Span | None, name: str) -> bool:
    """Does the cue verb's gender allow ``name`` ("отметила" and a man's name do not)?"""
    wanted = _cue_gender(cue)
    g = gender_of(name)
    return wanted is None or g is None or g == wanted


def _inherit(doc: _Doc, prev: Quote, c: _Cand) -> str | None:
    """A quote with no cue continues the previous one if nobody else is named in between."""
    if prev.speaker is None or c.start - prev.stop > WINDOW:
        return None
    between = doc.text[prev.stop : c.start]
    if between.count("\n") > 2:
        return None
    ms = [m for m in doc.people.mentions_between(prev.stop, c.start) if not doc.quoted(m.start)]
    if any(
        m.kind in ("person", "role") and m.name != prev.speaker and not _same(doc, m, prev.speaker)
        for m in ms
    ):
        return None
    return prev.speaker


def _same(doc: _Doc, m: Mention, speaker: str) -> bool:
    return doc.people.resolve(m, m.start) == speaker
