"""The organisations of one text: the one last named, the main one, those a common noun or a
pronoun points back to, and the name a database keeps for each.

"в ведомстве" is the ministry named before, "представитель банка" speaks for the bank the text
named, "дипломаты" for the foreign ministry, "собеседник агентства" is a source of the agency
named; :meth:`Institutions.org_name` gives "СБУ" and "Служба безопасности Украины" one name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from ..lexicon import column, columns, load
from ..morph import lemmas, name_tags, normalize_word
from ..punct import CLOSING, MARKS, OPENING, one_of
from ..records import Span
from .kinds import Mention, is_outlet, org_text
from .orgs import canonical_org, definitions, generic_org_word, organisation_of, place_word, work_head
from .reader import BACK, TextMentions
from .referents import speaks_for_org
from .roles import noun_gender

_LAST_WORD = re.compile(r"(\w[\w-]*)\s*$")


_PERSONAL = frozenset({"Name", "Surn"})
"""Dictionary tags of first names and surnames."""


class Institutions(TextMentions):
    """The organisations a text names, looked up as :class:`~.reader.TextMentions` reads them."""

    def __init__(
        self,
        text: str,
        hidden: Sequence[tuple[int, int]] = (),
        lines: Sequence[tuple[int, int]] | None = None,
        words: Callable[[int, int], Sequence[Span]] | None = None,
    ) -> None:
        super().__init__(text, hidden, lines, words)
        self._main_org: str | None = None
        self._defined: Mapping[str, str] | None = None
        self._org_names: dict[str, str] = {}  # one per name the text gives: bounded by its length

    def last_org(self, pos: int, window: int = 600) -> Mention | None:
        """The organisation last named as a subject within ``window`` characters before ``pos``, or
        the press office of one ("Об этом сообщила пресс-служба Мосгорсуда").

        Names in marks do not count: they are as often works or events as organisations.
        """
        first = self.line_of(pos)
        for n in range(first, -1, -1):
            if self.lines[n][1] < pos - window:
                return None
            for m in reversed(self.line_mentions(n)):
                if (
                    (m.kind != "org" and not (m.kind == "role" and speaks_for_org(m)))
                    or m.outlet
                    or m.start >= pos
                    or m.start < pos - window
                ):
                    continue
                if (
                    self.is_hidden(m.start)
                    or m.prep
                    or not m.subject
                    or any(ch in OPENING for ch in self.text[m.start : m.stop])
                ):
                    continue
                if any(w[:1].islower() for w in m.name.split()[1:]) or len(m.name.split()) > 4:
                    continue
                return m
        return None

    def main_org(self) -> str | None:
        """The organisation the text names most often (in marks or as an acronym), outlets and
        works aside: what "представитель студии" or "в компании" refers to."""
        if self._main_org is None:
            counts: dict[str, int] = {}
            forms: dict[str, str] = {}
            for m in _ORG_NAME.finditer(self.text):
                name = m.group(1).strip()
                before = self.text[max(0, m.start() - 30) : m.start()].split()
                if not name or is_outlet(name) or (before and work_head(before[-1])):
                    continue
                key = normalize_word(name)[:5]
                counts[key] = counts.get(key, 0) + 1
                forms.setdefault(key, name)
            best = max(counts, key=lambda k: counts[k], default=None)
            self._main_org = forms[best] if best is not None and counts[best] >= 2 else ""
        return self._main_org or None

    def org_name(self, name: str) -> str:
        """The name a database keeps for an organisation: of an acronym the text defines and its
        full name, the one the text uses more often ("СБУ" after "Служба безопасности Украины
        (СБУ)" and two more "СБУ"), the form of a listed institution the text uses first in the
        list ("ЦБ" -> "Банк России"), else the text's own form."""
        known = self._org_names.get(name)
        if known is None:
            if self._defined is None:
                self._defined = definitions(self.text)
            known = self._org_names[name] = canonical_org(self.text, name, self._defined)
        return known

    def _headed_by(self, e: Mention, noun: str) -> bool:
        """Is the name in marks ``e`` headed by the common noun ``noun`` ("госкомпания «Роснано»")?"""
        if self.text[e.start] not in OPENING:
            return False
        before = _LAST_WORD.search(self.text, max(0, e.start - 40), e.start)
        return before is not None and noun in lemmas(before.group(1))

    def orgs_before(self, m: Mention, limit: int, main: bool = True) -> list[str]:
        """The organisations named before ``m`` (a common noun: "в ведомстве", "регулятор"), nearest
        first, those named with the same noun ("компания «Роснано»") first; else the first of its kind
        named after it; else the main one."""
        first = self.line_of(m.start)
        ranked: list[tuple[int, int, str]] = []
        kinds = columns("generic_orgs").get(m.name, ())
        seen = 0
        for n in range(first, max(-1, first - BACK), -1):
            for e in reversed(self.line_mentions(n)):
                if e.kind == "role" and e.org and speaks_for_org(e):
                    # "в пресс-службе Минпромторга сообщили … — добавили там"
                    org = organisation_of(e.org)
                    if org[:1].isupper():
                        e = e._replace(kind="org", name=org, head=org.split()[0])
                if (
                    e.start >= m.start
                    or e.kind != "org"
                    or not e.name[:1].isupper()
                    or self.is_hidden(e.start)
                ):
                    continue
                seen += 1
                if seen > BACK:
                    break
                headed = m.name in lemmas(e.head) or self._headed_by(e, m.name)
                if (
                    e.outlet != m.outlet
                    # a short text in marks: as often a title as a name, unless the noun heads it
                    or (self.text[e.start] in OPENING and not headed)
                    or all(place_word(w) for w in e.name.split())
                ):
                    continue
                name = self.org_name(e.name)
                if name not in (x for _, _, x in ranked):
                    # named with the same noun first, then of the noun's kind ("в ведомстве": "Минтруд")
                    tier = 0 if headed else 1 if _serves(name, kinds) else 2
                    ranked.append((tier, len(ranked), name))
            if seen > BACK or (len(ranked) >= 2 * limit and min(ranked)[0] == 0):
                break
        ranked.sort()
        out = [name for _, _, name in ranked[:limit]]
        if not out and kinds:
            out.extend(self._kind_after(m, kinds))  # "на сайте регулятора" in a text's first line
        if not out and main and (most := self.main_org()) is not None:
            out.append(most)
        return out

    def _kind_after(self, m: Mention, kinds: Sequence[str]) -> list[str]:
        """The first organisation of the kind ``kinds`` named after ``m``, outside quotations."""
        first = self.line_of(m.start)
        for n in range(first, min(len(self.lines), first + BACK)):
            for e in self.line_mentions(n):
                if e.start > m.start and e.kind == "org" and not self.is_hidden(e.start):
                    name = self.org_name(e.name)
                    if name[:1].isupper() and _serves(name, kinds):
                        return [name]
        return []

    def employers(self, m: Mention, limit: int) -> list[str]:
        """The organisations plural staff with none attached speak for ("дипломаты" -> "МИД России"):
        those of their kind (lexicon ``staff_nouns``) named before, nearest first."""
        stems = columns("staff_nouns").get(m.role or "")
        if not stems:
            return []
        return [name for name in self.orgs_before(m, 4 * limit, main=False) if _serves(name, stems)][:limit]

    def outlet_before(self, pos: int, noun: str) -> str | None:
        """The outlet named last before ``pos`` that ``noun`` names again ("агентство": "ТАСС", not
        "Коммерсантъ"; a noun no outlet is listed with, "издание", names any)."""
        kinds = column("outlets")
        anyone = noun not in kinds.values()
        first = self.line_of(pos)
        for n in range(first, max(-1, first - BACK), -1):
            for e in reversed(self.line_mentions(n)):
                if e.start >= pos or e.kind != "org" or not e.outlet or not e.name[:1].isupper():
                    continue
                word = e.name.split()[0]
                if anyone or any(kinds.get(w) == noun for w in {normalize_word(word), *lemmas(word)}):
                    return self.org_name(e.name)
        return None

    def pointed_org(self, e: Mention, gender: str | None) -> str | None:
        """The name of the organisation ``e`` if a pronoun of ``gender`` may point back to it: a subject,
        no outlet, no place, its head noun of that gender (an indeclinable name of any)."""
        if (
            not e.subject
            or e.prep
            or e.outlet
            or not e.name[:1].isupper()
            or all(place_word(w) for w in e.name.split())
        ):
            return None
        if gender in ("masc", "femn") and noun_gender(e.head) not in (None, gender):
            return None
        return self.org_name(e.name)

    def spoken_for(self, m: Mention) -> str | None:
        """The organisation an unnamed spokesperson speaks for ("представитель Philips" -> "Philips")."""
        org = m.org or ""
        words = org.split()
        if words and all(w[:1].isupper() for w in words) and any(name_tags(w) & _PERSONAL for w in words):
            return None  # "представительница Степаненко" speaks for a person, and is not her
        if (
            len(words) == 1
            and not org_text(org)
            and any(e.name.split()[-1][:4] == org[:4] for e in self.persons_with(org[:4]))
        ):
            return None  # "представитель Макрона" after "Эмманюэль Макрон": his, not him
        if any(w[:1].isupper() for w in words):
            return self.org_name(organisation_of(org))
        if words and all(generic_org_word(w) for w in words):
            # "представитель ведомства", "пресс-служба банка": the organisation named before (with that
            # noun first), else the one the text is about
            noun = next(iter(lemmas(words[-1]) & load("generic_orgs")))
            found = self.orgs_before(m._replace(kind="org", name=noun), 1)
            return found[0] if found else None
        return None


def of_kind(name: str, noun: str) -> bool:
    """Is the organisation ``name`` of the kind the common noun ``noun`` names again ("министерства
    обороны" for "ведомство", lexicon ``generic_orgs``)?"""
    return _serves(name, columns("generic_orgs").get(noun) or ())


def _serves(name: str, stems: Sequence[str]) -> bool:
    """Does a word of an organisation's name match one of ``stems``: "мин*" begins it ("Минтруд"),
    "*банк" ends it ("Россельхозбанк"), a longer stem begins it, a short one is the whole word (an
    acronym with a case ending: "мид" is "МИД" or "МИДа", not "Мидлендс")?"""
    for word in name.lower().replace("ё", "е").split():
        for stem in stems:
            if stem.endswith("*"):
                found = word.startswith(stem[:-1])
            elif stem.startswith("*"):
                found = word.endswith(stem[1:])
            else:
                found = word.startswith(stem) and (len(stem) > 3 or len(word) <= len(stem) + 2)
            if found:
                return True
    return False


_ORG_NAME = re.compile(f"{one_of(OPENING)}([A-ZА-ЯЁ][^{re.escape(MARKS)}\n]{{0,40}}?){one_of(CLOSING)}")
