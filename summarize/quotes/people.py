"""The people of one text: full names, role holders, the last person, the main organisation.

:class:`People` resolves a mention to the canonical nominative name a database would use:
the full name when the text gives it anywhere ("Косанова" -> "Даурен Косанов"), the
person a role or pronoun points back to, or the organisation an unnamed spokesperson
speaks for ("представитель Philips" -> "Philips").
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

from ..lexicon import load, tagged
from ..morph import is_known, lemmas, name_tags, normalize_word
from ..records import Span
from .agreement import agreeing, gender_fits, verb_gender
from .institutions import Institutions, of_kind
from .kinds import Mention, office_held, ranks_apart
from .names import (
    first_name_like,
    gender_of,
    nominative_of_form,
    nominative_phrase,
    reads_in,
    same_person,
    same_surname,
    told_gender,
    without_patronymic,
)
from .orgs import (
    head_roles,
    office_of,
    other_office,
    other_place,
    plural_only,
    same_complement,
    same_place,
)
from .reader import BACK, SCAN
from .referents import other_offices, points_back, roles_of, speaks_for_org
from .roles import place_only, plural_head, plural_noun
from .speech import speaks

_HOLDERS = 4096
"""The most role holders one text keeps found (a look-up is redone past that)."""


class People(Institutions):
    """The people a text names: full names, roles, order of mention.

    Nothing is read up front (see :class:`~.reader.TextMentions`), so resolving the quotes of a
    text costs time linear in its length.  ``hidden`` spans (the quotations' own words) are
    skipped when looking back for the person a pronoun or role points to, but still give full
    names.
    """

    def __init__(
        self,
        text: str,
        hidden: Sequence[tuple[int, int]] = (),
        lines: Sequence[tuple[int, int]] | None = None,
        words: Callable[[int, int], Sequence[Span]] | None = None,
    ) -> None:
        super().__init__(text, hidden, lines, words)
        self._full: dict[tuple[str, str | None], str] = {}
        self._holders: dict[tuple[object, ...], Mention | None] = {}

    # -- look-ups ----------------------------------------------------------------------------
    def full_name(self, name: str, gender: str | None = None) -> str:
        """The fullest name in the text for the person ``name`` names ("Косанова" -> "Даурен Косанов").

        The candidates share the surname (in any case form) and do not differ in gender
        ("Вертинский" is not "Н. Н. Вертинская"); the most words win, initials counting less.
        ``gender`` is what the text says of a name that tells none ("Бут рассказала": not
        "Виктор Бут" where the text names "Алла Бут" too).
        """
        key = (name, gender)
        known = self._full.get(key)
        if known is None:
            known = self._full[key] = self._fullest(name, gender)
        return known

    def _fullest(self, name: str, told: str | None) -> str:
        parts = name.split()
        if not parts:
            return name
        surname = parts[-1]
        found = [
            e
            for e in self.persons_with(surname[: max(3, len(surname) - 2)], named=True)[: 2 * SCAN]
            if same_surname(e.name.split()[-1], surname)
        ]
        gender = told_gender(name)
        firsts = {normalize_word(e.name.split()[0]) for e in found if " " in e.name}
        if gender is None and told in ("masc", "femn") and len(firsts) > 1:
            gender = told  # two people share the surname: the one a verb or a pronoun points to
        best, best_key = name, (_weight(parts), 0)
        for e in found:
            words = e.name.split()
            if gender is not None and e.gender is not None and e.gender != gender:
                continue
            if not same_person(name, e.name):
                continue
            key = (_weight(words), -len(words[-1]))
            if key > best_key:
                best, best_key = e.name, key
        # "Огава подчеркнул" beside "слова Хироюки Огавы": "Хироюки Огава"; "Дурек Верретт" beside
        # "за Дурека Верретта": each word in the nominative the text gives it
        words, woman = best.split(), gender_of(best) == "femn"
        for k, form in enumerate(words):
            forms = (e.name.split()[k - len(words)] for e in found if len(e.name.split()) >= len(words) - k)
            words[k] = next((w for w in forms if nominative_of_form(w, form, woman)), form)
        ending = best.split()[-1][len(words[-1]) :]
        for k, form in enumerate(words[:-1]):  # the first name in the case the surname was in
            if ending and form.endswith(ending) and not is_known(form):
                words[k] = form[: -len(ending)] if nominative_of_form(form[: -len(ending)], form) else form
        best = " ".join(words)
        if len(parts) == 1 and best == name and first_name_like(surname):
            # a first name alone ("Алла", "Педру"): the full name the text gives it ("Алла Бут")
            for e in self.persons_with(surname[: max(3, len(surname) - 2)])[: 2 * SCAN]:
                words = e.name.split()
                if len(words) < 2 or not same_surname(words[0], surname) or "Name" in name_tags(words[-1]):
                    continue
                key = (_weight(words), 0)
                if key > best_key:
                    best, best_key = e.name, key
        return without_patronymic(best)

    def last_person(self, pos: int, gender: str | None = None) -> str | None:
        """The person last named (or named by a role) before ``pos`` outside quotations."""
        first = self.line_of(pos)
        seen = 0
        for n in range(first, max(-1, first - BACK), -1):
            found = self.line_mentions(n)
            k = bisect.bisect_left(self.read_starts[n], pos)
            for m in reversed(found[max(0, k - BACK) : k]):
                seen += 1
                if seen > BACK:
                    return None
                if self.is_hidden(m.start) or not m.subject:
                    continue
                if m.kind == "role" and not m.prep:
                    holder = self._holder(m, pos)
                    if holder is not None and (gender in (None, "plur") or holder.gender in (None, gender)):
                        return self.full_name(holder.name, gender)
                elif m.kind == "person" and (gender in (None, "plur") or m.gender in (None, gender)):
                    full = self.named(m, gender)
                    if gender in (None, "plur") or gender_of(full) in (None, gender):
                        return full
        return None

    def _holder(self, m: Mention, pos: int) -> Mention | None:
        key = (m.start, m.stop, m.role, m.org, pos)
        if key not in self._holders:
            if len(self._holders) > _HOLDERS:
                self._holders.clear()
            self._holders[key] = self._find_holder(m, pos)
        return self._holders[key]

    def _find_holder(self, m: Mention, pos: int) -> Mention | None:
        """The named person a role mention stands for: the same role (and complements) named before.

        "сенатор" finds "сенатор Джон Керри"; "представитель Philips" finds a person the
        text tied to Philips; a bare head of something ("министр") finds the only head the
        text names ("глава ведомства Панос Камменос").
        """
        role, org = m.role or "", m.org
        # "экс-президент" is a "бывший президент", and no holder of the office now ("глава Роскосмоса")
        base, former = office_held(self.text, m)
        found = _around(self.persons_with(*_stems(base)), pos)
        holders = [e for e in found if office_held(self.text, e) == (base, former)]
        if former:
            return _nearest(holders, pos) if holders else None
        holders = [e for e in holders if e.role == role]
        # the same role, unless both name what it is of and they differ ("глава государства" is not
        # "глава МИД России")
        same_role = [e for e in holders if not org or not e.org or same_complement(org, e.org)]
        if not same_role and org and " " not in org and (kind := lemmas(org) & load("generic_orgs")):
            # "представитель ведомства" after "представитель министерства обороны Джонатан Хоффман"
            same_role = [e for e in holders if e.org and of_kind(e.org, min(kind))]
        if same_role:
            with_org = [e for e in same_role if org and e.org and same_complement(org, e.org)]
            return _nearest(with_org or same_role, pos)
        heads = tagged("role_nouns", "head")
        if role in heads and (not org or place_only(org)):
            # "французский лидер": the only head of something French ("президент Франции")
            if (e := self._only(heads, pos, lambda e: same_place(org, e.org))) is not None:
                return e
        if role in heads and org and " " not in org:
            # "глава региона": the only "губернатор" the text names; "глава банка" of a bank, if the
            # text says which ("председатель Сбербанка")
            body, titles = head_roles(org)
            e = self._only(titles, pos, lambda e: bool(body and e.org and of_kind(e.org, body)))
            if e is not None or (e := self._only(titles, pos, lambda e: True)) is not None:
                return e
        if org and role in tagged("role_nouns", "spokesperson"):
            words = [w for w in org.split() if w[:1].isupper()] or [w for w in org.split() if len(w) > 3]
            of_org = [
                e
                for e in _around(self.persons_with(*(w[:4] for w in words)), pos)
                if e.org and same_complement(org, e.org)
            ]
            if of_org:
                return _nearest(of_org, pos)
            office = office_of(org)
            if office is not None:
                # "представитель Кремля": the "пресс-секретарь президента" the text names
                speakers = tagged("role_nouns", "spokesperson")
                of_office = [
                    e
                    for head in speakers
                    for e in _around(self.persons_with(*_stems(head)), pos)
                    if e.role in speakers and e.org and office_of(e.org) == office
                ]
                if of_office:
                    return _nearest(sorted(of_office, key=lambda e: e.start), pos)
        return None

    def _only(self, titles: Iterable[str], pos: int, keep: Callable[[Mention], bool]) -> Mention | None:
        """The one person named before ``pos`` with one of the roles ``titles`` that ``keep`` accepts."""
        found = [e for t in titles for e in _around(self.persons_with(*_stems(t)), pos) if e.role == t]
        kept = {e.name: e for e in found if e.start < pos and keep(e)}
        return next(iter(kept.values())) if len(kept) == 1 else None

    def holder_name(self, m: Mention, pos: int) -> str | None:
        """The full name of the person a role mention stands for, None if the text names nobody
        (or the role is in the plural: "авторы заявляют" are several people)."""
        e = None if plural_head(m.head) else self._holder(m, pos)
        if e is None:
            return None
        gender = agreeing(m.gender, verb_gender(self.text, m))
        if not gender_fits(gender, e.gender, self.full_name(e.name)):
            return None  # "— заявила министр" is not the minister Сергей Лавров
        if not m.org and not e.subject and m.role in tagged("role_nouns", "anaphoric"):
            # "Президент рассказал" after "Владимир Путин говорит": the role named before in an
            # oblique case ("президента Украины Виктора Януковича") yields to the last actor
            return self.last_actor(m) or self.named(e)
        return self.named(e)

    def last_actor(self, m: Mention, gender: str | None = None) -> str | None:
        """The person last named before the role ``m``, unless the text names them with roles, none of
        them ``m``'s or, for a head, another head's ("сенатор Джон Маккейн" is no "президент", "глава МИД
        Сергей Лавров" no "госсекретарь", but a "министр" may be him)."""
        last = self.last_person(m.start, gender)
        found = self.persons_with(last.split()[-1][:4]) if last else []
        held = {e.role for e in found if e.start < m.start and e.role and self.named(e) == last}
        return None if other_offices(m.role, held) else last

    def resolve(self, m: Mention, pos: int, subject: bool = False) -> str | None:
        """The canonical name of the speaker ``m`` names; ``pos`` is where the quote is.

        The first of :meth:`antecedents`; for a role nobody in the text holds, the role itself
        ("собеседник агентства"), or the organisation an unnamed spokesperson speaks for.  The
        ``subject`` of a plural speech verb that is a plural common noun names many bodies, none
        named before ("— указывали местные сотовые компании", "Власти отмечают").
        """
        if subject and m.kind == "org" and not m.prep and " " not in m.name:
            word = self.text[m.start : m.stop]
            if plural_only(word):
                return word
        found = self.antecedents(m, pos, 1)
        if found:
            return found[0]
        if m.kind == "role":
            return self._description(m)
        if m.kind == "org" and not (lemmas(m.head) & load("org_adverbs")):
            return nominative_phrase(m.name.split()) if " " not in m.name else m.name
        return None

    def antecedents(self, m: Mention, pos: int, limit: int = 3) -> list[str]:
        """The canonical names of those ``m`` may name, best first (at most ``limit``).

        - a person: the fullest name the text gives;
        - an organisation: its name as the text gives it;
        - a pronoun ("он", "она"): the persons named before it outside quotations, nearest first,
          subjects before objects, of the pronoun's gender and of the gender of the speech verb
          beside it ("— отметила она"), of a possessive's gender only ("по ее словам");
        - a role: the person the text named with the same role (and complements) first; for a
          role that points back (a bare "министр", "врач", "эксперт", "глава государства",
          "британский министр") then the persons named before it, nearest first, of the gender
          of its verb or noun ("— заключила министр", "актриса"); a spokesperson of a named
          organisation ends with the organisation ("представитель Philips" -> "Philips"); an
          anonymous role ("собеседник агентства", "источник") gives nothing;
        - a plural role: the staff of an institution alone ("дипломаты") the organisation of that
          kind named before ("МИД России"); others keep their description (nothing here);
        - a plural pronoun ("они", "их"): the groups named before as subjects, nearest first.
        """
        if m.kind == "person":
            return [self.named(m, verb_gender(self.text, m) if m.subject else None)]
        if m.kind == "org":
            if " " not in m.name and m.name[:1].islower():
                return self.orgs_before(m, limit)  # "в ведомстве": the organisation named before
            return [self.org_name(m.name)]
        if m.kind == "pron":
            if m.gender == "plur":
                return self._groups_before(m.start, limit)
            # a possessive ("по его словам") agrees with no verb beside it
            gender = agreeing(m.gender, verb_gender(self.text, m)) if m.subject else m.gender
            return [] if gender == "none" else self._recent(m.start, gender, limit)
        if m.kind != "role":
            return []
        if plural_head(m.head):
            return [] if m.org else self.employers(m, limit)
        out: list[str] = []
        gender = agreeing(m.gender, verb_gender(self.text, m))
        e = self._holder(m, pos)
        if e is not None and gender != "none" and gender_fits(gender, e.gender, self.full_name(e.name)):
            out.append(self.named(e))
        role = m.role or ""
        spokesperson = role in tagged("role_nouns", "spokesperson")
        if spokesperson:
            # "— рассказали в пресс-службе" after "в пресс-службе «Макдоналдса»": the same organisation
            named = m if m.org else self._same_office_before(m)
            org = self.spoken_for(named) if named is not None else None
            if org is not None and org not in out:
                out.append(org)
        if not (spokesperson and m.org) and points_back(m):
            if gender != "none":
                # "— сказала мать", "— сказал мужчина": as "она", "он", an unnamed person counts too
                kin = role in tagged("role_nouns", "kin")
                for name in self._recent(m.start, gender, limit, None if kin else m):
                    if name not in out:
                        out.append(name)
        return out[:limit]

    def named(self, m: Mention, gender: str | None = None) -> str:
        """The full name of the person mention ``m``, or a spokesperson's role and name as the text
        gives them ("слова представительницы Степаненко" after "Елена Степаненко")."""
        if self._speaks_for_person(m):
            return f"{m.role} {' '.join(self.text[m.start : m.stop].split()[-len(m.name.split()) :])}"
        return self.full_name(m.name, gender)

    def _speaks_for_person(self, m: Mention) -> bool:
        """Is ``m`` the spokesperson of a person the text names more fully, named by the genitive
        ("представительница Степаненко"; "пресс-секретарь Песков" is no genitive)?"""
        if (
            m.org
            or m.role not in tagged("role_nouns", "spokesperson")
            or not reads_in(m.name.split(), "gent")
        ):
            return False
        return len(self.full_name(m.name).split()) > len(m.name.split())

    def _groups_before(self, pos: int, limit: int) -> list[str]:
        """Whom "они" points back to: the groups named as subjects before ``pos`` (plural roles
        "адвокаты Романа Абрамовича", "ученые"; plural organisations "власти Сахалина"), nearest first."""
        first = self.line_of(pos)
        out: list[str] = []
        seen = 0
        for n in range(first, max(-1, first - 3), -1):
            found = self.line_mentions(n)
            k = bisect.bisect_left(self.read_starts[n], pos)
            for e in reversed(found[max(0, k - BACK) : k]):
                seen += 1
                if seen > BACK or len(out) >= limit:
                    return out
                if self.is_hidden(e.start) or not e.subject or e.prep or e.stop > pos:
                    continue
                if (e.kind == "role" and plural_head(e.head)) or (
                    e.kind == "org" and not e.outlet and plural_noun(e.head)
                ):
                    name = self.resolve(e, e.start)
                    if name and name not in out:
                        out.append(name)
        return out

    def _same_office_before(self, m: Mention) -> Mention | None:
        """The nearest mention before ``m`` of its role with an organisation ("пресс-службе «Яндекса»")."""
        here = self.line_of(m.start)
        lines = sorted({n for stem in _stems(m.role or "") for n in self.lines_with(stem) if n <= here})
        for n in reversed(lines[-3:]):
            for e in reversed(self.line_mentions(n)):
                if e.start < m.start and e.kind == "role" and e.role == m.role and e.org:
                    return e
        return None

    def _description(self, m: Mention) -> str:
        if speaks_for_org(m):
            return self.spoken_for(m) or m.name
        org = m.org or ""
        outlet = lemmas(org) & load("outlets") if " " not in org and org.islower() else frozenset()
        if m.role in tagged("role_nouns", "anonymous") and (outlet or " " not in m.name):
            # "— заверил источник" after "уточнил собеседник ТАСС": the source the text described
            described = self._source_before(m)
            if described is not None:
                return described
        if outlet and m.name.endswith(" " + org):
            # "собеседник агентства": of the outlet named before ("собеседник ТАСС")
            named = self.outlet_before(m.start, next(iter(outlet)))
            if named is not None:
                return m.name[: -len(org)] + named
        return m.name

    def _source_before(self, m: Mention) -> str | None:
        """The description of the last anonymous source described before ``m`` ("источник ТАСС",
        "источник в делегации одной из стран Европы"), if one was."""
        anonymous = tagged("role_nouns", "anonymous")
        first = self.line_of(m.start)
        for n in range(first, max(-1, first - BACK), -1):
            for e in reversed(self.line_mentions(n)):
                if e.start >= m.start or e.kind != "role" or e.role not in anonymous:
                    continue
                if self.is_hidden(e.start) or plural_head(e.head) or " " not in e.name:
                    continue
                if e.org and e.name.endswith(" " + e.org) and e.org.islower() and " " not in e.org:
                    continue  # "собеседник агентства" is no fuller than "источник"
                return e.name
        return None

    def _recent(self, pos: int, gender: str | None, limit: int, role: Mention | None = None) -> list[str]:
        """The persons named before ``pos`` outside quotations, best first: subjects before objects,
        nearest first; for a ``role`` those named with a role that differs from it come last."""
        first = self.line_of(pos)
        seen = 0
        ranked: list[tuple[int, int, str]] = []
        names: set[str] = set()
        for n in range(first, max(-1, first - BACK), -1):
            found = self.line_mentions(n)
            k = bisect.bisect_left(self.read_starts[n], pos)
            for e in reversed(found[max(0, k - BACK) : k]):
                seen += 1
                if seen > BACK or len(ranked) >= 4 * limit:
                    break
                if self.is_hidden(e.start) or e.stop > pos:
                    continue
                if e.kind == "org" and role is None:
                    # a pronoun may point back to an organisation ("По его оценке" after "Банк России"),
                    # after every person
                    name = self.pointed_org(e, gender)
                    if name is not None and name not in names:
                        names.add(name)
                        ranked.append((5, len(ranked), name))
                    continue
                if e.kind not in ("person", "role"):
                    continue
                if e.kind == "role":
                    if e.prep or not e.subject or plural_head(e.head):
                        continue
                    holder = self._holder(e, e.start)
                    if holder is None:
                        # "— сказал источник … — добавил он": an unnamed one keeps the description
                        speaker = not points_back(e) or speaks_for_org(e)
                        if role is None and speaker and gender_fits(gender, e.gender, ""):
                            name = self._description(e)
                            if name not in names:
                                names.add(name)
                                ranked.append((0 - speaks(self.text, e), len(ranked), name))
                        continue
                    e = holder._replace(subject=True, prep=False)
                full = self.named(e, gender)
                if full in names or not gender_fits(gender, e.gender, full):
                    continue
                if (
                    role is not None
                    and e.role
                    and all(ranks_apart(role.role or "", r) for r in roles_of(self.text, e))
                ):
                    continue  # "замминистра" after "глава Минздрава Михаил Мурашко": not the minister
                names.add(full)
                tier = (0 if e.subject and not e.prep else 2) - speaks(self.text, e) + (n != first)
                if len(full.split()) == 1 and not name_tags(full):
                    tier += 1  # a capitalised word alone, that may be no name at all
                if role is not None and other_office(role, e):
                    tier += 3
                if role and role.org and e.org and other_place(role.org, e.org):
                    continue  # "российский президент" is not "президент Турции Реджеп Тайип Эрдоган"
                if role and e.role in tagged("role_nouns", "kin") and e.role != role.role:
                    continue  # "— сказал президент" is not "Сын президента Иван Петров"
                ranked.append((tier, len(ranked), full))
            if seen > BACK or len(ranked) >= 4 * limit:
                break
        ranked.sort()
        return [name for _, _, name in ranked[:limit]]


def _around(found: Sequence[Mention], pos: int) -> Sequence[Mention]:
    """At most :data:`SCAN` mentions of ``found`` (in text order) nearest before ``pos``, and a few after."""
    lo = bisect.bisect_left(found, pos, key=lambda e: e.start)
    return found[max(0, lo - SCAN) : lo + 10]


def _stems(lemma: str) -> tuple[str, str]:
    """What every form of a role noun starts with, small and capitalised ("минист", "Минист")."""
    stem = lemma[: max(3, len(lemma) - 2)]
    return stem, stem[:1].upper() + stem[1:]


def _nearest(entries: Sequence[Mention], pos: int) -> Mention:
    before = [e for e in entries if e.start < pos]
    return before[-1] if before else entries[0]


def _weight(words: Sequence[str]) -> float:
    """How full a name is: a word counts 1, an initial 0.4."""
    return sum(0.4 if len(w.rstrip(".")) == 1 else 1.0 for w in words)
