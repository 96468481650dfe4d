"""Frames around a pair of marks: where the author's words stand and what cue they hold.

``«Q», — сказал X`` (after), ``«Q», говорится в сообщении`` (comma), ``X сказал: «Q»``
(colon), ``по словам X, «q»`` (before), ``«Q1, — сказал X. — Q2»`` (interrupted), a
closing mark lost before "- сообщил X.", and a quote whose cue ends the previous sentence
("Ветеран футбола уверен, что … «Q»").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..morph import lemma_pos
from ..punct import BLANKS, CLOSER, DASHES, MARKS, OPENING, SPACES, TERMINAL, TRUE_DASHES, one_of
from ..text import trim
from .candidates import Candidate
from .cues import Cue, clause_cue, speech_lemma, verb_subject, word_key
from .document import Doc, skip_space, tok_index
from .kinds import Mention
from .marks import MARK, Pair
from .outlets import quoting_verb

MAX_INTERRUPTION = 160
"""The longest author's insertion inside a quote («Q1, — сказал X. — Q2»), in characters."""


MAX_CUE_DISTANCE = 25
"""How many words may stand between a speech verb and the partial quote it introduces."""


def _after_frame(doc: Doc, close: int) -> tuple[int, int, bool] | None:
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
        k = skip_space(text, k, line_stop)
        if k < line_stop and text[k].islower():
            # «Q»¶заявил после инаугурации Рамзан Кадыров.
            first = doc.toks[tok_index(doc, k)] if tok_index(doc, k) < len(doc.toks) else None
            if first is not None and first.start == k and speech_lemma(first):
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


def attribute_mark(
    doc: Doc, pair: Pair, start: int, stop: int, title: bool = False
) -> tuple[Cue | None, str, bool]:
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
                cue = clause_cue(doc, lo, min(hi, lo + 20), after=True)
            else:
                # «Q», говорится в сообщении / «Q». Об этом заявил X.
                # "«Q». Так министр обороны Сергей Шойгу прокомментировал …": after "так" the verb may
                # follow its subject
                pointer = word_key(doc.toks[lo]) in ("так", "об", "это", "такое")
                first = [t for t in doc.toks[lo : min(hi, lo + (8 if pointer else 3))]]
                cue = None
                if any(speech_lemma(t) for t in first) and (pointer or speech_lemma(first[0])):
                    cue = clause_cue(doc, lo, min(hi, lo + 20), after=True)
            if cue is not None and (cue.mention is None or cue.mention.outlet):
                # "«Q», — сообщает «Интерфакс»": the outlet reports; a cue before the quote
                # may name the speaker
                s = doc.sentence_start(pair.open)
                blo, bhi = doc.tok_range(s, pair.open)
                before = clause_cue(doc, blo, bhi, after=False, nouns=True) if bhi > blo else None
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
                        return Cue(ms[0], None, strong=False), "after", False
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
        cue = clause_cue(doc, lo, hi, after=False, nouns=colon)
        if cue is not None:
            near = hi - tok_index(doc, cue.cue.start if cue.cue else doc.toks[hi - 1].start)
            if colon or near <= MAX_CUE_DISTANCE:
                if cue.mention is None and not colon:
                    cue = replace(cue, mention=_main_subject(doc, pair))
                return cue, "colon" if colon else "before", colon
        if colon:
            # "Виктор Понедельник: «Q»", "Юрий Любимов о предложении …: «Q»",
            # "Калашников не разделил взглядов экспертов: «Q»": the clause's subject speaks
            verbs = [t for t in doc.toks[lo:hi] if lemma_pos(t.text)[1] == "VERB"]
            quoted = any(quoting_verb(t.text) for t in verbs)  # "Слова министра приводит ТАСС:"
            ms = [
                m
                for m in doc.mentions(lo, hi)
                if m.kind in ("person", "role", "org")
                and not m.prep
                # a name in marks is a work's or a club's; a person's role may hold one ("лидер фракции
                # «Справедливая Россия» Ольга Петрова:")
                and (m.kind == "person" or not any(ch in OPENING for ch in text[m.start : m.stop]))
                and not (quoted and m.outlet)
            ]
            if verbs:
                m = verb_subject(text, ms, doc.toks[lo].start, verbs[-1].start, verbs[-1], True)
                if m is not None:
                    return Cue(m, None, strong=False), "colon", True
            subjects = [m for m in ms if m.subject and m.kind != "org"] or [m for m in ms if m.subject]
            if subjects:
                return Cue(subjects[0], None, strong=False), "colon", True
            if ms and hi - lo <= 6:
                return Cue(ms[-1], None, strong=False), "colon", True
    return None, "", colon


def _main_subject(doc: Doc, pair: Pair) -> Mention | None:
    """The first person named after the quote in the same sentence ("Называя Vestas «…», Марк назвал …")."""
    stop = doc.sentence_stop(pair.close + 1)
    lo, hi = doc.tok_range(pair.close + 1, stop)
    for m in doc.mentions(lo, hi):
        if m.kind in ("person", "role", "pron") and m.subject and not m.prep:
            return m
    return None


def _dash_at(text: str, j: int, stop: int) -> bool:
    """A dash between spaces at ``j``: "—", "–", or a hyphen standing in for one."""
    if j >= stop or text[j] not in DASHES:
        return False
    if text[j] in TRUE_DASHES:
        return True
    return j + 1 < stop and text[j + 1] in SPACES and j > 0 and text[j - 1] in SPACES


INTERRUPTION = re.compile(f"[,!?…]{one_of(BLANKS)}*{one_of(DASHES)}{one_of(BLANKS)}")


def split_interrupted(doc: Doc, start: int, stop: int) -> list[tuple[int, int, Cue]]:
    """«Q1, — сказал X. — Q2»: the quote parts and the author's words between them."""
    text = doc.text
    if not INTERRUPTION.search(text, start, stop):
        return []
    out: list[tuple[int, int, Cue]] = []
    pos = start
    k = start
    while k < stop:
        ch = text[k]
        if ch in ",!?…" and k + 3 < stop:
            j = skip_space(text, k + 1, stop)
            if j > k + 1 and _dash_at(text, j, stop):
                a = j + 1
                end = _insertion_end(text, a, min(stop, a + MAX_INTERRUPTION))
                if end is not None:
                    b, resume = end
                    lo, hi = doc.tok_range(a, b)
                    cue = clause_cue(doc, lo, hi, after=True, inside=True) if hi > lo else None
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
            close = _name_close(text, k, limit)
            if close is None:
                return None
            k = close + 1  # "— рассказал он «СтарХиту». — ": a name in marks
            continue
        if ch in ".,:" and k + 2 < limit:
            j = skip_space(text, k + 1, limit)
            if j > k + 1 and _dash_at(text, j, limit):
                return k, skip_space(text, j + 1, limit)
        k += 1
    return None


def _name_close(text: str, k: int, limit: int) -> int | None:
    """Where the name in marks opened at ``k`` closes, if it is one: a word or two right after a
    word of the author's ("рассказал он «СтарХиту»", "порталу «Собеседник»")."""
    pair = CLOSER[text[k]] if text[k] in "«„" else None  # marks that only open (“ and " may close)
    j = text.find(pair, k + 1, min(limit, k + _NAME_IN_MARKS)) if pair else -1
    name = text[k + 1 : j]
    if j < 0 or not name[:1].isupper() or name.count(" ") > 1 or text[k] in name:
        return None
    return j if text[k - 2 : k].strip()[-1:].isalpha() else None


_NAME_IN_MARKS = 40


def missing_close(
    doc: Doc, pair: Pair, start: int, stop: int
) -> tuple[Candidate, tuple[Pair, int, int] | None] | None:
    """Marks that lost a closing mark: "Q1, - сообщил X. Суммы … позднее. "Q2", - добавил Y.".

    Inside the pair, a comma and a dash before a speech verb and its speaker, followed by
    the author's words rather than "— Q2", end the first quotation there; a quotation mark
    after the author's words opens the next one, to be judged on its own.  Returns the first
    quotation and the next one's pair with the bounds of its words, if any; None if the marks
    lost nothing.
    """
    text = doc.text
    for m in INTERRUPTION.finditer(text, start, stop):
        a = m.end()
        b = doc.sentence_stop(a)
        if b >= stop or text[b] != ".":
            continue
        lo, hi = doc.tok_range(a, b)
        cue = clause_cue(doc, lo, min(hi, lo + 12), after=True, inside=True) if hi > lo else None
        if cue is None or cue.cue is None or cue.mention is None or cue.cue.start > doc.toks[lo].stop + 1:
            continue
        q_stop = m.start() + (1 if text[m.start()] in "!?…" else 0)
        first = Candidate(*trim(text, start, q_stop), "mark", cue, "direct", pair)
        reopen = MARK.search(text, b, stop)
        if reopen is not None and text[reopen.start()] in OPENING:
            inner = Pair(reopen.start(), pair.close, 1, pair.closed)
            q2_start, q2_stop = trim(text, inner.start, pair.close)
            if q2_stop > q2_start:
                return first, (inner, q2_start, q2_stop)
        return first, None
    return None


def previous_sentence_cue(doc: Doc, pos: int) -> Cue | None:
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
    cue = clause_cue(doc, lo, hi, after=False) if hi > lo else None
    if cue is None and 0 < hi - lo <= 4:
        # "Александр Вертинский. «Я не знаю, зачем …»": a name standing alone introduces the words
        ms = doc.mentions(lo, hi)
        if (
            len(ms) == 1
            and ms[0].kind == "person"
            and ms[0].start == doc.toks[lo].start
            and ms[0].stop == doc.toks[hi - 1].stop
        ):
            return Cue(ms[0], None, strong=False)
    if cue is None or cue.mention is None:
        return None
    return replace(cue, strong=False)
