"""The quote-or-name decision: does a pair of marks hold speech, or a name, a title or a term?

"«Мы готовы», — заявил Песков" is a quote, "газета «Труд»" and "после «обкатки»" are not.
:func:`mark_candidates` turns every top-level pair into a candidate with named evidence: the
cue the layouts found (``layout:after``, ``cue:strong``, ``colon``), what the marks hold
(``words:3``, ``capital``, ``ends``, ``verb``, ``title``) and what stands around them
(:mod:`.naming`: ``name:head`` for "газета «Труд»", ``name:preposition`` for "в «нормандском
формате»", ``name:so_called``...).  :func:`keep` weighs the evidence with the learned ``keep`` model.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import load
from ..morph import CACHE_SIZE, is_verbal, normalize_word, parses
from ..punct import CLOSING, DASHES, OPENING, SPACES, TERMINAL, one_of
from ..records import Span
from ..text import TOKEN, tokens, trim
from .candidates import Candidate
from .cues import Cue, speech_lemma
from .document import Doc
from .kinds import Mention
from .layouts import attribute_mark, missing_close, previous_sentence_cue, split_interrupted
from .marks import Pair
from .model import Features, Linear
from .naming import head_kind, name_evidence, part_of_speech


def _title_like(words: Sequence[Span]) -> bool:
    """«Двенадцать стульев», «Эхо Москвы», «Газпром»: a short capitalised name."""
    if not words or len(words) > 6:
        return False
    if not words[0].text[:1].isupper():
        return False
    caps = sum(1 for w in words if w.text[:1].isupper() or (w.text[:1].isascii() and w.text[:1].isalpha()))
    return len(words) <= 3 or caps >= len(words) - 1


def _has_verb(words: Sequence[Span]) -> bool:
    return any(_verbal(w.text) for w in words)


def _work_of(doc: Doc, m: Mention) -> bool:
    """Is ``m`` whose work a head noun right before it names ("Фильм Меньшова:", "книга Пелевина")?"""
    k = bisect.bisect_left(doc.tok_starts, m.start) - 1
    return k >= 0 and head_kind(doc.toks[k].text) == "head"


def _predicate(doc: Doc, start: int, stop: int, f: Features) -> bool:
    """Do the words in ``[start, stop)`` hold a verb or a short adjective or predicative ("едины")?"""
    if "verb" in f:
        return True
    lo, hi = doc.tok_range(start, stop)
    return any(_predicative(t.text) for t in doc.toks[lo:hi])


@lru_cache(maxsize=CACHE_SIZE)
def _predicative(word: str) -> bool:
    return any(p.tag.POS in ("ADJS", "PRED") for p in parses(word)[:2])  # "достаточно": ADVB, then ADJS


@lru_cache(maxsize=CACHE_SIZE)
def _verbal(word: str) -> bool:
    """A verb form, or a word in the first or second person ("мы", "вам")."""
    return is_verbal(word) or any("1per" in p.tag or "2per" in p.tag for p in parses(word)[:1])


def mark_candidates(doc: Doc, screen: Linear | None = None) -> list[Candidate]:
    """Every top-level pair of marks as a candidate, with the evidence for and against speech.

    An interrupted quote («Q1, — сказал X. — Q2») gives one candidate per part, and marks
    that lost their closing mark give the first quotation and the pair after the author's words.
    With a ``screen`` model, a candidate whose cheap evidence (what the marks hold and what stands
    next to them, :func:`is_screen_feature`) scores below zero is dropped before its layout is read.
    """
    spans = _spans(doc)
    words = [frozenset(TOKEN.findall(doc.text[start:stop].lower())) for _, start, stop, _, _ in spans]
    counts = Counter(words)
    repeated = {key for key in words if len(key) > 2 and counts[key] > 1}
    out = []
    for (pair, start, stop, layout, cue), key in zip(spans, words):
        f = _shape(doc, pair, start, stop)
        if key in repeated:
            f["repeated"] = 1.0  # the same words in marks elsewhere (a headline and the body)
        if not lets_through(doc, pair, screen, f):
            continue
        out.append(_candidate(doc, pair, start, stop, layout, cue, f))
    cued = [c for c in out if "cue:strong" in c.features and "cue:person" in c.features]
    for c in out:
        others = len(cued) - (c in cued)
        c.features[f"text:cued_quotes:{min(others, 2)}"] = 1.0  # does the text quote anybody else?
    return out


def _colon_before(text: str, pos: int) -> bool:
    """Does a colon stand right before ``pos``, spaces aside ("сказал: «…»")?"""
    return text[max(0, pos - 8) : pos].rstrip(SPACES).endswith(":")


def _after_that(text: str, pos: int) -> bool:
    """Does "что" stand right before ``pos``, spaces aside ("сказал, что «Россия не отступит»")?"""
    return text[max(0, pos - 6) : pos].rstrip(SPACES).endswith(" что")


def _said_before(doc: Doc, pair: Pair) -> bool:
    """A speech verb and a colon right before the marks ("Песков добавил: «Это не так»"), or "что":
    the pair reaches the keep model, however much its words look like a name to the screen."""
    lo, hi = doc.tok_range(doc.sentence_start(pair.open), pair.open)  # "написал в Twitter:" too
    if not _colon_before(doc.text, pair.open):
        if hi <= lo or not _after_that(doc.text, pair.open):
            return False
        hi -= 1  # "Лавров сказал, что «Россия не отступит»": the same after "что"
    elif 0 < hi - lo <= 4 and doc.toks[lo].text[:1].isupper():
        named = doc.mentions(lo, hi)  # a headline's "Вице-премьер Татьяна Голикова:", "Кремль:"
        if (
            len(named) == 1
            and named[0].start <= doc.toks[lo].start
            and named[0].stop >= doc.toks[hi - 1].stop
        ):
            return True
    for t in reversed(doc.toks[max(lo, hi - _SAID_WORDS) : hi]):
        if speech_lemma(t) is not None:
            return True  # "заявил председатель Счетной палаты Алексей Кудрин:"
        if _verbal(t.text):
            return False  # "Кудрин был категоричен:": another verb is the colon's
    return False


_SAID_WORDS = 8
"""How many words before the colon the speech verb may stand (its subject between them)."""


@lru_cache(maxsize=CACHE_SIZE)  # a few hundred names, asked about for every candidate
def is_screen_feature(name: str) -> bool:
    """Is ``name`` evidence the screen may use: known before the layout around the marks is read?"""
    return not (name.startswith(_LAYOUT_FEATURES) or "&cued" in name or "&layout:" in name)


_LAYOUT_FEATURES = (
    "layout:",
    "cue:",
    "type:",
    "colon",
    "speech_in_sentence",
    "title&",
    "capital&layout",
    "text:",
)


def _spans(doc: Doc) -> list[tuple[Pair, int, int, str, Cue | None]]:
    """The candidate spans: top-level pairs, the parts of interrupted quotes, mended quotes."""
    text = doc.text
    out: list[tuple[Pair, int, int, str, Cue | None]] = []
    todo: list[tuple[Pair, int, int, str]] = []
    for pair in doc.pairs:
        if pair.depth == 0:
            start, stop = trim(text, pair.start, pair.close + pair.shared)
            if stop > start:
                todo.append((pair, start, stop, ""))
    while todo:
        pair, start, stop, layout = todo.pop(0)
        if "\n" not in text[start:stop] and not layout:
            parts = split_interrupted(doc, start, stop)
            if parts or pair.cut:
                if pair.cut and parts and parts[-1][:2] not in doc.hidden:
                    # a cut text's last part is not whole: no quote, and no name in it speaks
                    bisect.insort(doc.hidden, parts[-1][:2])
                for p, q, part_cue in parts[:-1] if pair.cut else parts:
                    p, q = trim(text, p, q)
                    if q > p:
                        out.append((pair, p, q, "interrupted", part_cue))
                continue
            if pair.depth == 0:
                mended = missing_close(doc, pair, start, stop)
                if mended is not None:
                    first, reopened = mended
                    out.append((pair, first.start, first.stop, "mended", first.cue))
                    if reopened is not None:
                        todo.insert(0, (*reopened, "reopened"))
                    continue
        out.append((pair, start, stop, layout, None))
    return out


def _shape(doc: Doc, pair: Pair, start: int, stop: int) -> Features:
    """The cheap evidence: what the marks hold, what stands next to them, where they are."""
    text = doc.text
    lo, hi = doc.tok_range(start, stop)
    words = doc.toks[lo:hi]
    f: Features = {}
    n = len(words)
    size = _SIZES[min(n, len(_SIZES) - 1)]
    f[f"words:{size}"] = 1.0
    if text[start].isupper() or (text[start] in ".…[(" and text[start:stop].lstrip(".…[( ")[:1].isupper()):
        f["capital"] = 1.0
        f[f"capital&words:{size}"] = 1.0
    ends = text[stop - 1] in TERMINAL
    if ends:
        f["ends"] = 1.0
    verb = _has_verb(words)
    if _title_like(words) and not ends and not (verb and _colon_before(text, pair.open)):
        if not (verb and _after_that(text, pair.open)):
            f["title"] = 1.0  # not "сказал: «Мы справимся»", "сказал, что «Россия не отступит»"
    if not pair.closed:
        f["unclosed"] = 1.0
    if verb:
        f["verb"] = 1.0
    if n >= 3 and (ends or (n >= 5 and verb)):
        f["sentence"] = 1.0
    first_person = load("first_person")
    if any(normalize_word(w.text) in first_person for w in words):
        f["first_person"] = 1.0
    name_evidence(doc, pair, words, f)
    if n <= 3:
        for name in [name for name in f if name.startswith("name:")]:
            f[f"{name}&words:{size}"] = 1.0  # a term: "в «нормандском формате»", "России «вежливых людей»"
    if words:
        f[f"first:{part_of_speech(words[0].text)}"] = 1.0
        f[f"last:{part_of_speech(words[-1].text)}"] = 1.0
    if _quote_before(doc, pair):
        f["long_quote_before"] = 1.0
    if _DASH_AFTER.match(text, pair.close + 1):
        f["dash_after"] = 1.0  # «Q», — …: the author's words follow, as they do a quotation
    sentence = doc.sentence_start(pair.open)
    if not text[sentence : pair.open].strip(SPACES + DASHES):
        f["sentence_start"] = 1.0
    line_start, line_stop = doc.line_of(pair.open)
    if not text[line_start : pair.open].strip(SPACES + DASHES + OPENING):
        f["paragraph_start"] = 1.0
        if not text[pair.close + 1 : line_stop].strip(SPACES + CLOSING + TERMINAL + ","):
            f["paragraph_whole"] = 1.0
    return f


def _candidate(
    doc: Doc, pair: Pair, start: int, stop: int, layout: str, cue: Cue | None, f: Features
) -> Candidate:
    """A candidate with its layout evidence added to its cheap evidence ``f``.  ``layout`` is given
    for the parts of an interrupted quote ("interrupted") or a mended one ("mended", "reopened")."""
    text = doc.text
    colon = False
    if layout in ("", "reopened"):
        cue, where, colon = attribute_mark(doc, pair, start, stop)
        layout = where or ("colon" if colon else "none")
        if layout == "none":
            cue = previous_sentence_cue(doc, pair.open)
            if cue is not None:
                layout = "previous"
    size = next(name[6:] for name in f if name.startswith("words:"))
    f[f"layout:{layout}"] = 1.0
    f[f"layout:{layout}&words:{size}"] = 1.0
    upper = "capital" in f
    if upper:
        f[f"capital&layout:{layout}"] = 1.0
    if colon:
        f["colon"] = 1.0
    if "title" in f:
        f[f"title&layout:{layout}"] = 1.0
    if cue is not None:
        f["cue:strong" if cue.strong else "cue:weak"] = 1.0
        if cue.document:
            f["cue:document"] = 1.0
        if cue.mention is not None:
            f[f"cue:{cue.mention.kind}"] = 1.0
            if cue.mention.outlet:
                f["cue:outlet"] = 1.0
        if cue.cue is not None:
            if cue.cue.stop <= pair.open:
                between = len(tokens(text, cue.cue.stop, pair.open))
                f[f"cue:{_SIZES[min(between + 1, len(_SIZES) - 1)]}_words_before"] = 1.0
            if layout == "before" and _THAT.search(text, cue.cue.stop, pair.open):
                f["cue:reported"] = 1.0  # "заявила, что это начало «решающего боя»"
                if "sentence" in f or (
                    size not in ("1", "2")
                    and _predicate(doc, start, stop, f)
                    and _after_that(text, pair.open)
                ):
                    # "заявили, что «Путин не планирует встречу»", "сказал, что «Россия не отступит»",
                    # "«Россия готова к переговорам»" (a short adjective for a verb)
                    f["reported&sentence"] = 1.0
        if layout in ("after", "comma", "interrupted", "mended"):
            for name in [name for name in f if name.startswith("name:") and "&" not in name]:
                f[name + "&cued"] = 1.0  # a cue after the quote outweighs most signs of a name
    if cue is not None and cue.mention is not None:  # the author's words name who speaks
        unnamed = not any(name.startswith("name:") for name in f)  # and nothing says the marks hold a name
        if colon and unnamed and cue.strong:
            f["colon&said"] = 1.0  # "Путин заявил: «…»"
        elif colon and unnamed and _predicate(doc, start, stop, f) and not _work_of(doc, cue.mention):
            # a headline's "Кремль: «Путин не планирует встречу»" (not "Фильм Меньшова:")
            f["colon&named"] = 1.0
        if (
            layout == "before"
            and cue.strong
            and unnamed
            and "before:punctuation" in f
            and _predicate(doc, start, stop, f)
        ):
            f["clause&said"] = 1.0  # "По словам экспертов, «рынок восстановится»", "…, «союзники едины»"
        if "naming_verb" in f and not upper:
            f["naming&said"] = 1.0  # "Зеленский назвал переговоры «конструктивными»" (not "назвал сына «Х»")
    if layout in ("none", "before", "previous") and _speech_in_sentence(doc, pair):
        f["speech_in_sentence"] = 1.0
    lead = text[doc.sentence_start(pair.open) : pair.open].strip(SPACES + DASHES)
    kind = "direct" if upper and (not lead or lead.endswith(":")) else "partial"
    if (
        kind == "partial"
        and upper
        and layout == "after"
        and "sentence" in f
        and (not lead or lead.endswith((":", ".", "!", "?")))
    ):
        kind = "direct"
    f[f"type:{kind}"] = 1.0
    return Candidate(start, stop, "mark", cue, kind, pair, f)


_DASH_AFTER = re.compile(f"[,!?…]?{one_of(SPACES)}*{one_of(DASHES)}{one_of(SPACES)}")
_SIZES = ("1", "1", "2", "3", "4-5", "4-5", "6-9", "6-9", "6-9", "6-9", "10+")
"""Word counts as evidence: 1, 2, 3, 4-5, 6-9, 10 and more."""


def _speech_in_sentence(doc: Doc, pair: Pair) -> bool:
    """A speech verb anywhere in the author's words of the quote's sentence ("…, — добавил он")."""
    lo, hi = doc.tok_range(doc.sentence_start(pair.open), doc.sentence_stop(pair.close + 1))
    return any(speech_lemma(t) is not None and not doc.in_marks(t.start) for t in doc.toks[lo:hi])


def _quote_before(doc: Doc, pair: Pair) -> bool:
    """Does a long quotation (more than four words) close in this paragraph or the one before?"""
    k = bisect.bisect_left(doc.top_opens, pair.open) - 1
    if k < 0:
        return False
    before = doc.top[k]
    line_start, _ = doc.line_of(pair.open)
    previous_start, _ = doc.line_of(max(0, line_start - 2))
    return before.close >= previous_start and doc.long(before)


def lets_through(doc: Doc, pair: Pair, screen: Linear | None, evidence: Candidate | Features) -> bool:
    """Does the screen let a pair of marks (its candidate, or its cheap evidence) through?  Always
    without a screen, and always after a speech verb and a colon (:func:`_said_before`)."""
    if screen is None:
        return True
    f = evidence.features if isinstance(evidence, Candidate) else evidence
    return screen.score({n: v for n, v in f.items() if is_screen_feature(n)}) >= 0.0 or _said_before(
        doc, pair
    )


def keep(model: Linear, candidate: Candidate) -> bool:
    """Is the candidate a quotation?  Its evidence scores above zero."""
    return model.score(candidate.features) > 0.0


_THAT = re.compile(r"\b(?:что|чтобы)\b")
