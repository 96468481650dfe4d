"""Who a text names: its mentions outside quotations, one entry per canonical name.

"Министр обороны Казахстана Даурен Косанов … Косанов … министр" are three mentions of one
entity, "Даурен Косанов"; "Минобороны Казахстана" is another.  Pronouns are not entities
themselves: :meth:`Entities.antecedents` says whom a pronoun or a bare role may point back
to, nearest subject first.  The attribution chooses a quote's speaker among these entities.

>>> from summarize.quotes.document import Doc
>>> text = "Министр Сергей Шойгу прибыл в Минск. Шойгу провёл переговоры. Министр доволен."
>>> names = Entities(Doc(text)).names()
>>> "Сергей Шойгу" in names
True
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import tagged
from ..morph import CACHE_SIZE, normalize_word
from .document import Doc
from .kinds import Mention, ranks_apart, role_lemma
from .names import first_name_like, same_person
from .orgs import country
from .referents import other_offices, points_back, roles_of, speaks_for_org
from .roles import plural_head

MAX_LOOK_BACK = 40
"""The most mentions :meth:`Entities.antecedents` looks back over (keeps it bounded)."""
PARAGRAPHS_BEFORE = 0
PARAGRAPHS_AFTER = 0
"""The paragraphs around each quote whose mentions are read (a speaker is named near the quote)."""


@dataclass
class Entity:
    """One person, organisation or description, with its mentions in text order."""

    name: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def kinds(self) -> set[str]:
        return {m.kind for m in self.mentions}


class Entities:
    """The entities named in the paragraphs around the quotes at ``near`` (every paragraph if None),
    read once, the quotations' words skipped."""

    def __init__(self, doc: Doc, near: Iterable[int] | None = None) -> None:
        self.doc = doc
        people = doc.people
        self.mentions: list[tuple[Mention, str]] = []
        self.by_name: dict[str, Entity] = {}
        if near is None:
            lines: Iterable[int] = range(len(doc.lines))
        else:
            wanted: set[int] = set()
            for pos in near:
                n = bisect.bisect_right(doc.line_starts, pos) - 1
                wanted.update(
                    range(max(0, n - PARAGRAPHS_BEFORE), min(len(doc.lines), n + PARAGRAPHS_AFTER + 1))
                )
            lines = sorted(wanted)
        by_surname: dict[str, str] = {}
        for n in lines:
            for m in people.line_mentions(n):
                if m.kind == "pron" or doc.quoted(m.start):
                    continue
                name: str | None
                if m.kind == "person":
                    # one entry per surname, under the fullest form seen here; the text's fullest name
                    # is looked up only for the speaker chosen (:meth:`People.full_name`)
                    words = m.name.split()
                    key = next(
                        (k for k, v in by_surname.items() if same_person(v, m.name)),
                        normalize_word(m.name),
                    )
                    if len(words) == 1 and key not in by_surname and first_name_like(words[0]):
                        # a first name alone ("Алла") is the person the text names in full ("Алла Бут")
                        first = normalize_word(words[0])
                        key = next(
                            (k for k, v in by_surname.items() if normalize_word(v.split()[0]) == first), key
                        )
                    name = by_surname.setdefault(key, m.name)
                    if len(m.name.split()) > len(name.split()):
                        self._rename(name, m.name)
                        name = by_surname[key] = m.name
                else:
                    # a role is its own words (whom it points back to is weighed per quote), but an
                    # unnamed spokesperson speaks for the organisation ("представитель Philips")
                    name = m.name if m.kind == "role" and not speaks_for_org(m) else resolve(doc, m, m.start)
                if name:
                    self.mentions.append((m, name))
                    self.by_name.setdefault(name, Entity(name)).mentions.append(m)
        self.starts = [m.start for m, _ in self.mentions]
        counts = sorted(self.by_name, key=lambda name: (-len(self.by_name[name].mentions), self.first(name)))
        size = [len(self.by_name[name].mentions) for name in counts[:2]]
        # the one named more often than any other (none when the first two are named as often)
        self.most_named = counts[0] if size and (len(size) == 1 or size[0] > size[1]) else None

    def _rename(self, old: str, new: str) -> None:
        """Put the mentions filed under ``old`` under ``new`` (a fuller form of the same name)."""
        entity = self.by_name.pop(old, None)
        if entity is not None:
            entity.name = new
            self.by_name[new] = entity
        self.mentions = [(m, new if name == old else name) for m, name in self.mentions]

    def names(self) -> list[str]:
        """Every entity's name, in the order of first mention."""
        return sorted(self.by_name, key=self.first)

    def first(self, name: str) -> int:
        return self.by_name[name].mentions[0].start

    def of(self, m: Mention) -> str | None:
        """The entity a mention of the text belongs to, if any."""
        k = bisect.bisect_left(self.starts, m.start)
        if k < len(self.starts) and self.starts[k] == m.start:
            return self.mentions[k][1]
        return None

    def barred(self, primary: Mention | None, previous: str | None, rule: str | None) -> set[str]:
        """Who cannot be the speaker of a quote whose own cue names ``primary``: those of another
        rank (:func:`other_rank`: "— добавил замминистра" is not the minister named before), those
        in office in another country (:func:`elsewhere`: "китайский министр" is not "президент
        Казахстана"), and after an anonymous source ("Как сообщил ТАСС источник в Конгрессе") the
        previous speaker, unless the hand ``rule`` resolves the source to them."""
        if primary is None:
            return set()
        text, where = self.doc.text, country(primary.org) if primary.kind == "role" else None
        out = {
            e.name
            for e in self.by_name.values()
            if other_rank(text, primary, e) or (where is not None and elsewhere(where, self._named(e)))
        }
        if anonymous(primary) and previous is not None and not same_speaker(rule or "", previous):
            out.add(previous)
        return out

    def other_role(self, primary: Mention | None, name: str) -> bool:
        """Is ``primary`` a role that the person ``name`` was never named with, though the text names
        them with some role?  A head ("министр", "президент") may be one of any other head's ("глава
        МИД"), not a senator's."""
        if primary is None or primary.kind != "role":
            return False
        held = {
            role_lemma(w) for m in self._person_mentions(name) if m.role for w in roles_of(self.doc.text, m)
        }
        return other_offices(primary.role, held)

    def _named(self, entity: Entity) -> list[Mention]:
        """The person mentions of ``entity`` in the whole text: its office may be named paragraphs
        before ("Глава МИД России Сергей Лавров" … "— сказал Лавров")."""
        persons = [m for m in entity.mentions if m.kind == "person"]
        return (self._person_mentions(entity.name) or persons) if persons else []

    def _person_mentions(self, name: str) -> list[Mention]:
        """The person mentions of the text that name ``name`` (looked up by its surname's stem)."""
        surname = name.split()[-1]
        found = self.doc.people.persons_with(surname[: max(3, len(surname) - 2)])
        return [m for m in found if same_person(name, m.name)]

    def pointed(self, m: Mention) -> list[str]:
        """Whom a pronoun or a role that points back may name (:meth:`antecedents`); nobody for an
        anonymous role described where it stands, who is somebody new ("сообщил ТАСС источник в
        Конгрессе"; a bare "источник" may be the "собеседник ТАСС" named before)."""
        if m.kind == "role" and not points_back(m) and m.org:
            return []
        return self.antecedents(m.start, persons=m.kind == "pron")

    def antecedents(self, pos: int, limit: int = 3, persons: bool = True) -> list[str]:
        """Entities named as a subject before ``pos`` (no preposition governing them), nearest first.

        With ``persons`` only people (and roles standing for a named person) count.
        """
        k = bisect.bisect_left(self.starts, pos)
        out: list[str] = []
        for m, name in reversed(self.mentions[max(0, k - MAX_LOOK_BACK) : k]):
            if not m.subject or m.prep or (persons and m.kind == "org"):
                continue
            if name not in out:
                out.append(name)
                if len(out) >= limit:
                    break
        return out


def resolve(doc: Doc, m: Mention, pos: int) -> str | None:
    """The canonical name of a mention: a role's holder when the text names one, else as resolved."""
    people = doc.people
    if m.kind == "role" and not plural_head(m.head):
        holder = people.holder_name(m, pos)
        if holder:
            return holder
    return people.resolve(m, pos)


def other_rank(text: str, role: Mention, entity: Entity) -> bool:
    """Is ``role`` a deputy's and ``entity`` named only as a head, or the other way round
    ("замминистра" and "глава Минздрава Михаил Мурашко"; not "вице-премьер, министр инфраструктуры")?"""
    if role.kind != "role" or not role.role:
        return False
    held = [roles_of(text, m) for m in entity.mentions if m.kind == "person" and m.role]
    return bool(held) and all(all(ranks_apart(role.role, r) for r in roles) for roles in held)


def anonymous(m: Mention) -> bool:
    """Is ``m`` an anonymous one's role, who is somebody new ("источник в Конгрессе")?"""
    return m.kind == "role" and m.role in tagged("role_nouns", "anonymous") and not plural_head(m.head)


@lru_cache(maxsize=CACHE_SIZE)
def same_speaker(a: str, b: str) -> bool:
    """Do two names name one speaker: equal, or two forms of one person's name ("Лавров", "Сергей
    Лавров"; not "Алла Бут" and "Виктор Бут", nor the acronyms "МИД" and "МВД")?"""
    if a == b:
        return True
    sa, sb = a.split()[-1], b.split()[-1]
    return sa[:1].isupper() and sb[:1].isupper() and not (sa.isupper() or sb.isupper()) and same_person(a, b)


def elsewhere(place: str, persons: Iterable[Mention]) -> bool:
    """Are the mentions ``persons`` of one person named only as holding office in countries other than
    ``place`` (a country of ``countries.txt``)?  False if the text gives none of its offices a country."""
    held = [country(m.org) for m in persons if m.kind == "person" and m.org]
    return any(held) and place not in held
