"""Whom a role mention may stand for: a person named before ("— сказал министр"), somebody new ("мать
блогера", "его адвокат"), or the organisation a spokesperson speaks for ("представитель Philips").
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from ..lexicon import column, tagged
from ..morph import is_verbal, normalize_word, parses
from ..text import TOKEN
from .kinds import Mention, person_text, role_lemma
from .roles import place_only, plural_head


def points_back(m: Mention) -> bool:
    """Does a role mention without a name point back to a person the text has named?

    A bare role ("— сказал министр", "эксперт"), one held somewhere ("британский министр"),
    and the head of something ("глава государства", "министр спорта") do; an anonymous one
    ("собеседник агентства", "источник"), a plural one ("юристы") and a relative of
    somebody ("мать блогера") do not.
    """
    role = m.role or ""
    if m.org and role in tagged("role_nouns", "kin") and not place_only(m.org):
        return False  # "мать блогера": somebody new
    if m.org and _principal(m.org.split()[0]):
        return False  # "советник президента", "адвокат бизнесмена", "его адвокат": not the one they serve
    return role not in tagged("role_nouns", "anonymous") and not plural_head(m.head)


def _principal(word: str) -> bool:
    """Does a role's complement start with a person it serves: a possessive, a role, a surname, an
    animate noun ("тренер теннисиста")?"""
    if normalize_word(word) in column("possessives") or role_lemma(word) is not None or person_text(word):
        return True
    return any(p.tag.POS == "NOUN" and "anim" in p.tag and "gent" in p.tag for p in parses(word)[:2])


def other_offices(role: str | None, held: AbstractSet[str | None]) -> bool:
    """Are the roles a person was ``held`` named with all other than ``role``, and, for a head, no
    head's ("сенатор" is no "президент"; "глава МИД" may be a "министр")?"""
    heads = tagged("role_nouns", "head")
    return bool(held) and role not in held and not (role in heads and bool(held & heads))


def roles_of(text: str, m: Mention) -> list[str]:
    """The role words of a person's mention, with one in apposition before it ("вице-премьер,")."""
    before = text[max(0, m.start - 40) : m.start].rstrip()
    words = (before[:-1].split()[-1:] if before.endswith(",") else []) + text[m.start : m.stop].split()
    return [w for w in (w.strip(",") for w in words) if role_lemma(w)]


def speaks_for_org(m: Mention) -> bool:
    """Is ``m`` an unnamed spokesperson of a named organisation ("представитель Philips",
    "пресс-служба Мосгорсуда"), who speaks for it?"""
    return bool(m.org) and m.role in tagged("role_nouns", "spokesperson")


_HOLDER_GAP = re.compile(r"(?:[^\W\d_]|[ «»\"“”'!-])*")
"""Words, spaces, marks and hyphens: no comma, full stop, dash or line between a role and its holder."""


def names_holder(text: str, role: Mention, m: Mention) -> bool:
    """Does the person ``m`` follow the role phrase ``role`` with only words between, so is the
    role's holder, where the mention of the role stopped short ("президент ассоциации
    «Здравствуй!» Ирина Боровова": the sentence was split after the marks), no verb between ("Журналист
    спросил Пескова")?"""
    if not (0 <= m.start - role.stop <= 80 and _HOLDER_GAP.fullmatch(text, role.stop, m.start)):
        return False
    return not any(is_verbal(w) for w in TOKEN.findall(text, role.stop, m.start))
