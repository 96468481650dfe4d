"""The final attribution: from each kept candidate's cue to the speaker's canonical name.

A person's mention resolves to the fullest name the text gives ("Косанова" -> "Даурен
Косанов"), a role to the person it points to ("— подчеркнул сенатор"), an impersonal cue
to the organisation whose statement is quoted; a quote without a cue inherits the previous
quote's speaker if nobody else is named in between.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..lexicon import tagged
from ..morph import parses
from ..records import Quote, Span
from ..text import TOKEN
from .candidates import Candidate
from .document import WINDOW, Doc
from .kinds import Mention
from .names import gender_of
from .roles import plural_head


def finish(doc: Doc, cands: Sequence[Candidate]) -> list[Quote]:
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
        return frozenset(TOKEN.findall(q.text.lower()))

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


def _inherit(doc: Doc, prev: Quote, c: Candidate) -> str | None:
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


def _same(doc: Doc, m: Mention, speaker: str) -> bool:
    return doc.people.resolve(m, m.start) == speaker
