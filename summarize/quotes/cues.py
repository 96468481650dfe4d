"""Speech cues and their subjects: who the author's clause beside a quote says is speaking.

A cue is a speech verb ("заявил", "говорится"), an "according to" phrase ("по словам
Косанова", "по его мнению", "согласно заявлению МИД"), "слова X" or a noun of speech before a
colon ("выступил с заявлением:"); its speaker is the verb's subject ("— сказал министр"),
the owner of the document ("говорится в сообщении Минобороны") or the noun's complement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import column, load, tagged
from ..morph import (
    CACHE_SIZE,
    has_case,
    is_preposition,
    is_verbal,
    lemmas,
    normalize_word,
    parses,
    readings,
)
from ..punct import OPENING, SPACES, WORD_GAP, one_of
from ..records import Span
from .agreement import agrees
from .document import Doc
from .kinds import Mention, may_be, may_be_form_of, may_have_lemma
from .outlets import plural_verb
from .persons import in_case
from .speech import speech_noun


@dataclass
class Cue:
    """What a quote is attributed from: the speaker's mention and the cue words."""

    mention: Mention | None
    cue: Span | None
    strong: bool = True  # a speech verb or phrase (not only a colon or a name)
    document: bool = False  # the cue names a document ("говорится в сообщении"): its issuer speaks


def speech_lemma(tok: Span) -> str | None:
    """The speech-verb lemma of ``tok`` if it is a verb form listed in ``speech_verbs``."""
    return _speech_lemma_of(tok.text)


@lru_cache(maxsize=CACHE_SIZE)
def _speech_lemma_of(word: str) -> str | None:
    if not (may_be(word, "speech_verbs") or normalize_word(word)[:4] in ("увер", "убеж", "согл")):
        return None
    if not may_have_lemma(word, "speech_verbs", "opinion_words"):
        return None  # a word the dictionary knows, and no form of a speech verb or an opinion word
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


def word_key(tok: Span) -> str:
    return normalize_word(tok.text)


def _page(toks: Sequence[Span], j: int) -> bool:
    """Is ``toks[j]`` a web page after "на" ("на сайте Минздрава"), whose owner is the issuer?"""
    return j > 0 and word_key(toks[j - 1]) == "на" and bool(lemmas(toks[j].text) & load("page_nouns"))


def _page_owner(ms: Sequence[Mention], toks: Sequence[Span], j: int) -> Mention | None:
    """The organisation named with the page noun ``toks[j]`` as its head ("сайте Минздрава")."""
    if not _page(toks, j):
        return None
    return next((m for m in ms if m.start == toks[j].start and m.kind == "org"), None)


def _span(text: str, a: Span, b: Span) -> Span:
    return Span(text[a.start : b.stop], a.start, b.stop)


_PREFERENCE = {"person": 0, "pron": 0, "role": 0, "org": 1}


def verb_subject(
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
    return _joint(text, ms, start, stop, verb)


def _joint(text: str, ms: Sequence[Mention], start: int, stop: int, verb: Span) -> Mention | None:
    """Two persons joined by "и", the subject of a plural verb ("Путин и Си Цзиньпин заявили"): one
    speaker named by both."""
    if not _plural(verb):
        return None
    people = [m for m in ms if start <= m.start and m.stop <= stop + 1 and m.kind == "person" and m.subject]
    for a, b in zip(people, people[1:]):
        if text[a.stop : b.start] == " и " and not (a.prep or b.prep):
            return a._replace(stop=b.stop, name=f"{a.name} и {b.name}", gender=None, last=b.last, head=b.head)
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


_OWNER_GAP = 3  # lower-case words between a document noun and its issuer: "в сообщении регионального УМВД"


def _org_beyond(ms: Sequence[Mention], text: str, toks: Sequence[Span], j: int, hi: int) -> Mention | None:
    """The organisation a few lower-case words after the document noun ``toks[j]``, in its phrase:
    "в сообщении инфоцентра Национального антитеррористического комитета" (no punctuation, no
    preposition or verb between)."""
    k = j + 1
    while k < min(hi, j + 1 + _OWNER_GAP):
        tok = toks[k]
        if (
            not tok.text[:1].islower()
            or text[toks[k - 1].stop : tok.start].strip(SPACES)
            or is_preposition(tok.text)
            or is_verbal(tok.text)
        ):
            return None
        m = _mention_after(ms, text, tok)
        if m is not None:
            return m if m.kind == "org" else None
        k += 1
    return None


def _owner(
    doc: Doc, toks: Sequence[Span], ms: Sequence[Mention], i: int, hi: int
) -> tuple[Mention | None, int, bool]:
    """Around an impersonal verb at ``toks[i]``: "говорится в сообщении <owner>",
    "в заявлении <owner> говорится".

    Returns the owner's mention, the index of the last cue word and whether a document noun was found.
    """
    text = doc.text
    for j in range(i + 1, min(hi, i + 5)):
        if speech_noun(toks[j].text) or _page(toks, j):
            if j + 2 < hi and _page(toks, j + 2):
                j += 2  # "в сообщении на сайте регулятора": the page's owner
            owner = (
                _page_owner(ms, toks, j)
                or _mention_after(ms, text, toks[j])
                or _org_beyond(ms, text, toks, j, hi)
            )
            if owner is not None and owner.kind == "pron":
                owner = None
            return owner, j, True
    for j in range(max(0, i - 12), i):
        if speech_noun(toks[j].text):
            # "В заявлении Гелетея, размещённом на сайте министерства, говорится"
            return _mention_after(ms, text, toks[j]), i, True
    return None, i, False


def clause_cue(
    doc: Doc, lo: int, hi: int, after: bool, nouns: bool = False, inside: bool = False
) -> Cue | None:
    """The cue and the speaker's mention in the author's clause ``doc.toks[lo:hi]``.

    ``after`` says the clause follows the quote («Q», — сказал X); otherwise it
    precedes it (X сказал: «Q» / по словам X, «Q»).  With ``nouns`` a noun of
    speech counts as the cue when no verb does ("выступил с заявлением: «Q»").
    The cue nearest the quote that names somebody wins; failing that, the nearest cue.
    """
    if lo >= hi:
        return None
    first = None
    for cue in clause_cues(doc, lo, hi, after, nouns, inside):
        if cue.mention is not None:
            return cue
        if first is None:
            first = cue
    return first


def clause_cues(
    doc: Doc, lo: int, hi: int, after: bool, nouns: bool = False, inside: bool = False
) -> Iterator[Cue]:
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
    spoken = False  # a speech verb with its subject: "по данным Кремля" beside it only relays
    for i in order:
        tok = toks[i]
        low = word_key(tok)
        if low in ("по", "согласно") and i + 1 < hi:
            cue = None if spoken else _according(doc, mentions(), i, hi)
            if cue is not None:
                yield cue
            continue
        lemma = speech_lemma(tok) or _support_lemma(toks, lo, i)
        if lemma is None and not after and speech_noun(tok.text) and not spoken:
            # "прокомментировал заявление Джо Байдена о том, что «…»": the statement's owner speaks
            m = _mention_after(mentions(), text, tok)
            if m is not None and _ABOUT.fullmatch(text, m.stop, toks[hi - 1].stop):
                yield Cue(m, tok)
                return
        if lemma is None:
            if after and (_words_noun(tok.text) or (speech_noun(tok.text) and _quoted(toks, lo, i))):
                # "— слова Косанова", "— приводит портал комментарий очевидца"; "— приводит ее слова
                # РИА «Новости»": the possessive's, the outlet after the noun only relays
                own = i > lo and word_key(toks[i - 1]) in column("possessives")
                m = next((x for x in mentions() if x.start == toks[i - 1].start), None) if own else None
                m = m or _mention_after(mentions(), text, tok)
                if m is not None:
                    yield Cue(m, tok)
            continue
        if i > lo and word_key(toks[i - 1]) in load("relative_pronouns"):
            if not after and word_key(toks[i - 1]) in tagged("relative_pronouns", "subject"):
                # "Тимур Сулейменов, который сообщил, что «…»": the person before the pronoun
                m = next((x for x in reversed(mentions()) if x.stop <= toks[i - 1].start), None)
                if m is not None and text[m.stop : toks[i - 1].start].strip(SPACES) == ",":
                    yield Cue(m, tok)
            continue  # "Филата, которого цитирует «Интерфакс»": a side remark about the source
        if _hypothetical(toks, lo, i):
            continue  # "Пашинян должен сказать, что …": speech that may come
        cue = _verb_cue(doc, mentions(), lo, hi, i, lemma, after)
        spoken = spoken or (cue.mention is not None and cue.mention.kind != "org")
        yield cue
    if nouns:
        for i in range(hi - 1, max(lo, hi - 4) - 1, -1):
            tok = toks[i]
            if lemmas(tok.text) & load("speech_nouns") and not is_verbal(tok.text):
                ms = mentions()
                before = [m for m in ms if m.stop <= tok.start and not m.prep and m.subject]
                before.sort(key=lambda m: (_PREFERENCE[m.kind], -m.start))
                m = _mention_after(ms, text, tok) or (before[0] if before else None)
                yield Cue(m, tok)
                return


@lru_cache(maxsize=CACHE_SIZE)
def _plural_subject_word(word: str) -> bool:
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS == "NOUN" and any("nomn" in p.tag and "plur" in p.tag for p in ps)


def _plural_subject(tok: Span) -> bool:
    """A noun that can be a plural subject ("девушки")."""
    return _plural_subject_word(tok.text)


def _plural(tok: Span) -> bool:
    """A plural verb form ("сообщили", "заявляют")."""
    return plural_verb(tok.text)


@lru_cache(maxsize=CACHE_SIZE)
def _words_noun(word: str) -> bool:
    """A form of the noun "слово" ("слова Косанова"), not of a verb."""
    return may_be_form_of(word, "слово") and "слово" in lemmas(word) and not is_verbal(word)


def _support_lemma(toks: Sequence[Span], lo: int, i: int) -> str | None:
    """ "такое заявление сделал", "с таким заявлением выступил": a verb that speaks through the noun
    of speech a word or two before it."""
    lemma = next(iter(lemmas(toks[i].text) & load("support_verbs")), None)
    if lemma is None or not any(speech_noun(t.text) for t in toks[max(lo, i - 2) : i]):
        return None
    return lemma


def _hypothetical(toks: Sequence[Span], lo: int, i: int) -> bool:
    """Is ``toks[i]`` an infinitive after a word of obligation, ability or intent ("должны будут
    проинформировать", "может заявить")?"""
    return "INFN" in {pos for _, pos in readings(toks[i].text)} and any(
        lemmas(t.text) & load("modal_words") for t in toks[max(lo, i - 2) : i]
    )


def _quoted(toks: Sequence[Span], lo: int, i: int) -> bool:
    """Does a verb of quoting ("приводит") stand a few words before ``toks[i]``?"""
    return any(lemmas(t.text) & load("quoting_verbs") for t in toks[max(lo, i - 4) : i])


def _said_in(text: str, ms: Sequence[Mention], verb: Span, before: bool = False) -> Mention | None:
    """The organisation after "в" right after a plural speech verb ("заявили в РКН") or, ``before``,
    right before it ("санкций ЕС: в Еврокомиссии указали")."""
    if not _plural(verb):
        return None
    if before:
        x = next((x for x in reversed(ms) if x.stop <= verb.start), None)
        if x is None or text[x.stop : verb.start].strip(SPACES):
            return None
        gap = text[max(0, x.start - 4) : x.start].strip(SPACES).lower().split()
    else:
        after = [x for x in ms if x.start >= verb.stop]
        start = verb.stop
        if after and after[0].outlet and not after[0].prep and not text[start : after[0].start].strip(SPACES):
            # "сообщили РБК в пресс-службе ВТБ": the outlet is told, the bank's press office speaks (one
            # whose organisation is named further on is left to the model)
            start, after = (
                after[0].stop,
                [x for x in after[1:] if x.kind == "org" or x.org and x.org[:1].isupper()],
            )
        x = after[0] if after else None
        gap = text[start : x.start].strip(SPACES).lower().split() if x is not None else []
    if x is None or not x.prep or x.kind not in ("org", "role"):
        return None
    return x if gap[-1:] in (["в"], ["во"]) and (before or len(gap) == 1) else None


def _according(doc: Doc, ms: Sequence[Mention], i: int, hi: int) -> Cue | None:
    """ "по словам X", "по его мнению", "согласно заявлению X", "согласно официальному заявлению"."""
    text, toks = doc.text, doc.toks
    tok = toks[i]
    j = i + 1
    possessive = None
    if word_key(toks[j]) in column("possessives") and j + 1 < hi:
        possessive = toks[j]
        j += 1
    while j + 1 < hi and "ADJF" in {str(p.tag.POS) for p in parses(toks[j].text)[:1]}:
        j += 1  # "согласно официальному заявлению"
    nxt = toks[j]
    span = _span(text, tok, nxt)
    if word_key(tok) == "по":
        if not (lemmas(nxt.text) & tagged("cue_nouns", "according") and has_case(nxt.text, "datv")):
            return None
    elif not speech_noun(nxt.text):
        m = _mention_after(ms, text, tok, "datv")  # "согласно Марку"
        return Cue(m, tok) if m is not None else None
    if possessive is not None:
        gender = column("possessives")[word_key(possessive)]
        return Cue(Mention("pron", possessive.start, possessive.stop, possessive.text, gender=gender), span)
    if j + 1 < hi and word_key(toks[j + 1]) in load("relative_pronouns"):
        # "Иван Петров, по мнению которого, …": whom the relative clause is about, named just before
        before = [m for m in ms if m.stop <= tok.start and not m.prep and m.kind != "pron"]
        if before and not text[before[-1].stop : tok.start].strip(SPACES + ","):
            return Cue(before[-1], _span(text, tok, toks[j + 1]))
    return Cue(_mention_after(ms, text, nxt), span, document=word_key(tok) == "согласно")


def _verb_cue(doc: Doc, ms: Sequence[Mention], lo: int, hi: int, i: int, lemma: str, after: bool) -> Cue:
    """The speaker of the speech verb ``doc.toks[i]``."""
    text, toks = doc.text, doc.toks
    tok = toks[i]
    # "приводятся в сообщении слова Косанова", "приводит ТАСС слова Косанова"; "Слова Черчилля
    # процитировал Борис Джонсон": the words quoted are Churchill's
    quoting = lemma in load("quoting_verbs")
    for j in [*range(i + 1, min(hi, i + 6)), *(range(max(lo, i - 4), i) if quoting else ())]:
        if _words_noun(toks[j].text):
            m = _mention_after(ms, text, toks[j])
            if m is not None and (j > i or m.stop <= tok.start):
                return Cue(m, _span(text, tok, toks[j]) if j > i else _span(text, toks[j], tok))
    if lemma in tagged("speech_verbs", "from"):
        # "Зеленский услышал от Макрона: «…»": the words are Macron's, the hearer never speaks here
        k = next((k for k in range(i + 1, min(hi, i + 4)) if word_key(toks[k]) == "от"), None)
        return Cue(_mention_after(ms, text, toks[k]) if k is not None else None, tok)
    if lemma in tagged("speech_verbs", "impersonal") or (
        "PRTS" in {pos for _, pos in readings(tok.text)} and lemma not in load("opinion_words")
    ):
        owner, last, document = _owner(doc, toks, ms, i, hi)
        # "признано «нецелесообразным»": nobody is named, and no document either
        return Cue(owner, _span(text, tok, toks[last]), document=document)
    if lemma in load("quoting_verbs"):
        rest = [m for m in ms if m.start > tok.start and not m.outlet and not (m.kind == "org" and m.subject)]
        # "цитирует газета письмо сенатора в адрес главы Минпромторга Дениса Мантурова": not the addressee
        addressed = text.find(" в адрес ", tok.stop, toks[hi - 1].stop)
        rest = [m for m in rest if addressed < 0 or m.start < addressed]
        persons = [m for m in rest if m.kind == "person"] or [m for m in rest if m.kind == "role"]
        if persons:
            return Cue(persons[0], tok)
        if lemma in ("передавать", "передать"):
            return Cue(None, tok)  # "передает ТАСС": the outlet reports, it does not speak
    end = toks[hi - 1].stop + 1
    if not after:
        # "«СтарХит», утверждал, что Хрусталев попал …": a subject after the verb stands before "что"
        end = next((t.start for t in toks[i + 1 : hi] if word_key(t) in ("что", "чтобы")), end)
    gerund = any(pos == "GRND" for _, pos in readings(tok.text))
    if gerund:
        # "Называя Vestas «мировым лидером», Марк …", "«нонсенсом», отмечая необходимость сохранять
        # каналы коммуникации": a gerund's subject is the main clause's, never the object after it
        m = verb_subject(text, ms, toks[lo].start, tok.start, tok, True)
    elif after:
        m = verb_subject(text, ms, tok.stop, end, tok, False) or verb_subject(
            text, ms, toks[lo].start, tok.start, tok, True
        )
        if m is None and _plural(tok) and not (i + 1 < hi and _plural_subject(toks[i + 1])):
            # "— сообщили в пресс-службе «Яндекса»": who speaks is where it was said
            # (not in "— написали девушки в Twitter")
            m = next((x for x in ms if x.start > tok.start and x.kind in ("org", "role") and x.prep), None)
    elif i > lo and (word_key(toks[i - 1]) == "как" or "," in text[toks[i - 1].stop : tok.start]):
        # "как выразился президент Владимир Путин, «…»", "…, сказал Федоров: «…»": the subject
        # follows the verb; "как заявили в РКН, …": where it was said
        m = (
            _said_in(text, ms, tok)
            or verb_subject(text, ms, tok.stop, end, tok, False)
            or verb_subject(text, ms, toks[lo].start, tok.start, tok, True)
        )
    else:
        m = (
            _said_in(text, ms, tok, before=True)
            or verb_subject(text, ms, toks[lo].start, tok.start, tok, True)
            or verb_subject(text, ms, tok.stop, end, tok, False)
        )
        if m is None:
            # "в Минобороны сообщили, что …": the organisation itself speaks; "в пресс-службе
            # Сбербанка пояснили": its press office
            m = next(
                (
                    x
                    for x in reversed(ms)
                    if x.start < tok.start
                    and not x.relays  # "В пресс-службе Банка России РБК сообщили": not the outlet
                    and (x.kind == "org" or (x.kind == "role" and x.prep and _plural(tok)))
                ),
                None,
            )
    if m is not None and m.outlet and lemma in load("quoting_verbs"):
        m = None
    if m is not None and m.outlet and m.relays:
        m = _cited_source(text, ms, m) or m
    return Cue(m, tok)


_ABOUT = re.compile(r"\s*о\s+том\s*,\s*(?:что|чтобы)[^.!?;:«»\n]*")
"""What joins a statement's owner to its content: "заявление Байдена о том, что «…»"."""


def _cited_source(text: str, ms: Sequence[Mention], outlet: Mention) -> Mention | None:
    """Whom an outlet cites right after its name ("ТАСС со ссылкой на пресс-службу Ростеха")."""
    after = next((x for x in ms if x.start > outlet.stop), None)
    if after is None or not _CITING.fullmatch(text, outlet.stop, after.start):
        return None
    return after


_CITING = re.compile(r"[»\s]*со\s+ссылкой\s+на\s+(?:\w+\s+){0,2}", re.IGNORECASE)
