"""One organisation, one name: acronyms, their full names and the other names of an institution.

"Служба безопасности Украины (СБУ)" defines "СБУ" in the text; "ЦБ" and "Банк России" are one
institution by the word list ``org_aliases``.  :func:`canonical_org` gives the name a database
keeps: the full name the text gives, else the text's own form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from ..lexicon import alias_groups, columns, head_nouns, load
from ..morph import CACHE_SIZE, inflect, is_known, is_verbal, lemmas, normalize_word, parses
from .kinds import Mention, adjective, has_lemma
from .names import guess_nominative, nominative_phrase
from .roles import place_only, plural_noun

_DEFINED = re.compile(r"\(\s*([A-ZА-ЯЁ][\w.-]{1,15})\s*\)")
"""An acronym or a short name in parentheses: "(СБУ)", "(Минцифры)"."""
_WORD = re.compile(r"[\w’'-]+|[^\w\s]")
_MOST = 50
"""The most definitions one text is read for."""


def acronym(word: str) -> bool:
    """ "СБУ", "ЦБ", "МИДа" (an acronym with a case ending), not "Минфин" or "США"."""
    core = word.rstrip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
    return len(core) >= 2 and core.isupper()


def definitions(text: str) -> Mapping[str, str]:
    """The short names the text defines in parentheses, each with its full name in the nominative.

    >>> definitions("в Министерстве цифрового развития, связи и массовых коммуникаций (Минцифры)")
    {'Минцифры': 'Министерство цифрового развития, связи и массовых коммуникаций'}
    >>> definitions("на территории Евразийского экономического союза (ЕАЭС)")
    {'ЕАЭС': 'Евразийский экономический союз'}
    """
    out: dict[str, str] = {}
    for found in _DEFINED.finditer(text):
        if len(out) >= _MOST:
            break
        short = found.group(1)
        full = _phrase_before(text, found.start())
        if full and full.split()[0][:1].lower() == short[:1].lower() and full != short:
            out.setdefault(short, full)
    return out


def _phrase_before(text: str, pos: int) -> str | None:
    """The capitalised name phrase ending at ``pos`` ("Службы безопасности Украины"), in the nominative."""
    words = [m for m in _WORD.finditer(text, max(0, pos - 200), pos)]
    start = None
    count = 0
    for m in reversed(words):
        w = m.group()
        if w == ",":
            continue
        if not w[0].isalnum() or count >= 10:
            break
        low = w.lower()
        if low != "и" and (low in load("prepositions") or is_verbal(w) or _function_word(low)):
            break
        count += 1
        if w[:1].isupper():
            start = m.start()
    if start is None:
        return None
    phrase = text[start:pos].strip(" ,")
    if "\n" in phrase:
        return None
    parts = phrase.split(" ")
    # the head noun after its adjectives ("Евразийского экономического союза" -> "… союз")
    head = next((k for k, w in enumerate(parts) if not adjective(w.strip(","))), 0)
    if head > 0:
        return nominative_head(parts, head)
    return " ".join([nominative_phrase(parts[:1]), *parts[1:]])


@lru_cache(maxsize=CACHE_SIZE)
def _function_word(word: str) -> bool:
    ps = parses(word)
    return bool(ps) and str(ps[0].tag.POS) in ("CONJ", "PRCL", "ADVB", "NPRO", "PREP", "PRED")


def _stem(word: str) -> str:
    if acronym(word):
        return word.rstrip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
    low = word.lower().replace("ё", "е")
    return low if len(low) <= 3 else low[: max(3, len(low) - 2)]


def same_name(a: str, b: str) -> bool:
    """Are two names of an organisation forms of one another ("Банка России" ~ "Банк России")?"""
    wa, wb = a.replace(",", " ").split(), b.replace(",", " ").split()
    if len(wa) != len(wb):
        return False
    for x, y in zip(wa, wb):
        sx, sy = _stem(x), _stem(y)
        if acronym(x) or acronym(y):
            if sx != sy:
                return False
        elif not (sx.startswith(sy) or sy.startswith(sx)):
            return False
    return True


@cache
def _groups_by_word() -> dict[str, list[tuple[str, ...]]]:
    """The alias groups by the stem of each form's first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for group in alias_groups("org_aliases"):
        for form in group:
            out.setdefault(_stem(form.split()[0])[:3], []).append(group)
    return out


def alias_group(name: str) -> tuple[str, ...] | None:
    """The names of the institution ``name`` is a name of ("ЦБ" -> ("Банк России", …, "ЦБ", …))."""
    words = name.split()
    if not words:
        return None
    for group in _groups_by_word().get(_stem(words[0])[:3], ()):
        if any(same_name(name, form) for form in group):
            return group
    return None


@lru_cache(maxsize=1024)
def _form_pattern(form: str) -> re.Pattern[str]:
    parts = []
    for w in form.replace(",", " ").split():
        if acronym(w):
            parts.append(re.escape(w) + r"(?![A-ZА-ЯЁ])[а-я]{0,2}\b")
        else:
            stem = w if len(w) <= 3 else w[: max(3, len(w) - 2)]
            parts.append(re.escape(stem) + r"\w*")
    return re.compile(r"(?<!\w)" + r",?\s+".join(parts))


def canonical_org(text: str, name: str, defined: Mapping[str, str]) -> str:
    """The name a database keeps for the organisation ``name`` names in ``text``.

    A short name the text defines and its full name are one name: the form the text uses more
    often after the definition, the full one (defined first) on a tie ("Служба безопасности
    Украины (СБУ) … в СБУ … в СБУ" -> "СБУ"); a name of a listed institution becomes the first
    form of its list the text uses ("ЦБ" -> "Банк России" when the text says "Банка России"
    somewhere); otherwise the name stays, its head in the nominative.

    >>> canonical_org("Прогноз Банка России изменился, отмечает ЦБ.", "ЦБ", {})
    'Банк России'
    """
    for short, full in defined.items():
        if same_name(name, short) or same_name(name, full):
            # the definition itself ("… (СБУ)") is no use of the short name
            return short if _uses(text, short) - 1 > _uses(text, full) else full
    group = alias_group(name)
    if group is not None:
        for form in group:
            if _form_pattern(form).search(text, 0, min(len(text), 200_000)):
                return form
    return nominative_phrase(name.split()) if " " not in name else name


def _uses(text: str, form: str) -> int:
    """How often ``text`` names ``form``, in any case (the first 200,000 characters)."""
    return sum(1 for _ in _form_pattern(form).finditer(text, 0, min(len(text), 200_000)))


def generic_org_word(word: str) -> bool:
    """A common noun for an organisation ("студии", "компании", "ведомства")."""
    return bool(lemmas(word) & load("generic_orgs"))


def work_head(word: str) -> bool:
    """A noun that names a work ("комедию «Трек»")."""
    return bool(lemmas(word.strip(",.:;()")) & load("work_nouns"))


def organisation_of(words: str) -> str:
    """The organisation a spokesperson's complements name: "Philips", "минобороны США", "Яндекс"."""
    parts = words.split()
    heads = load("generic_orgs") | head_nouns()
    k = headed = 0
    while k < len(parts) - 1 and parts[k][:1].islower():
        if lemmas(parts[k]) & heads:
            headed = k + 1  # "пресс-службе компании «Роснано»": the company is "Роснано"
        elif not adjective(parts[k]):
            break  # "юридической фирмы Shillings": an adjective may stand before the head
        k += 1
    k = headed
    if k and parts[k][:1].isupper():
        parts = parts[k:]
        return " ".join(parts) if len(parts) > 1 else nominative_phrase(parts)
    if len(parts) == 1:
        return _genitive_name(parts[0])
    head = next((n for n, w in enumerate(parts) if not adjective(w)), 0)
    if (head and parts[0][:1].isupper()) or lemmas(parts[head]) & heads:
        # "пресс-службы Аналитического центра", "представителя министерства обороны США"
        return nominative_head(parts, head, oblique=True)
    return words


def _genitive_name(word: str) -> str:
    """A one-word name after a spokesperson, in the genitive, in the nominative: a name the dictionary
    does not know is taken for a masculine noun, as most brands are ("«Русала»" -> "«Русал»")."""
    core = word.strip('«»"')
    if not (core.isalpha() and core[:1].isupper() and not core.isupper()):
        return nominative_phrase([word])
    if not is_known(core):
        return word.replace(core, guess_nominative(core, "gent", "masc"))
    return word.replace(core, nominative_phrase([core], "gent"))  # "«Победы»" -> "«Победа»"


@lru_cache(maxsize=CACHE_SIZE)
def place_word(word: str) -> bool:
    """A place name ("России", "США"): never an organisation that speaks."""
    return any("Geox" in p.tag for p in parses(word)[:2])


@lru_cache(maxsize=CACHE_SIZE)
def office_of(complement: str) -> int | None:
    """The office a spokesperson's complement names (a line of ``office_aliases``: "Кремля" and
    "президента России" name one), the most specific form winning; None if none."""
    words = {_office_key(w) for w in complement.replace(",", " ").split()}
    best, best_size = None, 0
    for n, group in enumerate(alias_groups("office_aliases")):
        for form in group:
            keys = {_office_key(w) for w in form.split()}
            if keys <= words and len(keys) > best_size:
                best, best_size = n, len(keys)
    return best


def same_complement(a: str, b: str) -> bool:
    """Do two complements share a word (by its first five letters) or name one office
    ("президента" and "главы государства")?"""
    wa = {normalize_word(w)[:5] for w in a.split() if len(w) > 2}
    wb = {normalize_word(w)[:5] for w in b.split() if len(w) > 2}
    if wa & wb:
        return True
    office = office_of(a)
    return office is not None and office == office_of(b)


def _office_key(word: str) -> str:
    return word.lower().replace("ё", "е")[:4]


@lru_cache(maxsize=CACHE_SIZE)
def seat_start(word: str) -> bool:
    """May a place that stands for its power start at ``word`` ("Кремле", "Белый")?"""
    return word[:1].isupper() and bool(lemmas(word) & load("seat_names"))


def seat_at(words: Sequence[str]) -> tuple[int, str] | None:
    """A place that stands for the power seated there at the start of ``words`` ("Кремле",
    "Белый дом"): how many words it takes and its nominative name; None if there is none."""
    if not words or not words[0][:1].isupper():
        return None
    first = lemmas(words[0]) & load("seat_names")
    if not first:
        return None
    rest = columns("seat_names").get(next(iter(first)), ())
    if len(words) <= len(rest) or any(not (lemmas(w) & {x}) for w, x in zip(words[1:], rest)):
        return None
    n = len(rest) + 1
    return n, nominative_head(list(words[:n]), n - 1)


def nominative_head(words: Sequence[str], head: int, oblique: bool = False) -> str:
    """A name phrase with its adjectives and its head noun (``words[head]``) in the nominative:
    "Счетной палаты" -> "Счетная палата"; the complements after the head stay as they are.  A phrase
    known to be ``oblique`` (governed by a preposition or a noun) is one body, though its head may be
    read as a plural nominative too ("представителя министерства обороны": "министерство")."""
    nouns = [p for p in parses(words[head]) if p.tag.POS == "NOUN"]
    if (head > 0 and _singular_adjective(words[head - 1])) or has_lemma(words[head], "institution_heads"):
        nouns = [p for p in nouns if "sing" in p.tag]  # "Счетной палаты", "Ассоциации банков": one body
    if oblique:
        nouns = [p for p in nouns if "nomn" not in p.tag]
        nouns = [p for p in nouns if "sing" in p.tag] or nouns
    if not nouns or any("nomn" in p.tag for p in nouns):
        return " ".join(words)  # "власти Сахалина" is a nominative already
    number = "plur" if "plur" in nouns[0].tag else "sing"
    form = inflect(nouns[0], {"nomn", number})
    if form is None:
        return " ".join(words)
    out = [_keep_case(words[head], form.word)]
    gender = form.tag.gender
    for w in reversed(words[:head]):
        adj = next((p for p in parses(w) if p.tag.POS in ("ADJF", "PRTF")), None)
        grams = {"nomn", number} | ({gender} if gender and number == "sing" else set())
        inflected = inflect(adj, grams) if adj is not None else None
        out.insert(0, _keep_case(w, inflected.word) if inflected is not None else w)
    return " ".join([*out, *words[head + 1 :]])


def _keep_case(template: str, word: str) -> str:
    if "ё" not in template.lower():
        word = word.replace("ё", "е")  # keep the text's spelling: "Счетной" -> "Счетная"
    return word[:1].upper() + word[1:] if template[:1].isupper() else word


@lru_cache(maxsize=CACHE_SIZE)
def _singular_adjective(word: str) -> bool:
    """An adjective whose readings are all singular ("Счетной", not "Счетные")."""
    adjectives = [p for p in parses(word) if p.tag.POS in ("ADJF", "PRTF")]
    return bool(adjectives) and all("sing" in p.tag for p in adjectives)


def country(complement: str | None) -> str | None:
    """The first country a role's complement names ("иностранных дел Китая", "китайский" -> "китай")."""
    for word in (complement or "").split():
        for lemma in lemmas(word):
            if lemma in _countries():
                return _countries()[lemma]
    return None


def same_country(a: str, b: str | None) -> bool:
    """Do two complements name one country ("Индийский", "иностранных дел Индии")?"""
    where = country(a)
    return where is not None and where == country(b)


@cache
def _countries() -> dict[str, str]:
    return {name: key for key, others in columns("countries").items() for name in (key, *others)}


def head_roles(complement: str) -> tuple[str | None, tuple[str, ...]]:
    """The kind of body a head's one-word complement names ("региона", "ведомства") if names of that
    kind have known beginnings (generic_orgs.txt), and the roles its head holds (head_roles.txt)."""
    for lemma in sorted(lemmas(complement)):
        titles = columns("head_roles").get(lemma)
        if titles:
            return (lemma if columns("generic_orgs").get(lemma) else None), titles
    return None, ()


def other_office(role: Mention, e: Mention) -> bool:
    """Was ``e`` named with another office than ``role`` names ("глава Роснедр" is not "министр природы")?"""
    if not e.role or e.role == role.role:
        return False
    return bool(role.org and e.org and not same_complement(role.org, e.org) and not place_only(role.org))


def plural_only(word: str) -> bool:
    """A noun that can be a plural subject and no singular one ("власти", "компании"; not "ведомство")."""
    return plural_noun(word) and not any("nomn" in p.tag and "sing" in p.tag for p in parses(word))


def other_place(org: str, other: str) -> bool:
    """Are two roles' complements only places, and different ones ("российский", "Турции")?"""
    return place_only(f"{org} {other}") and not same_place(org, other)


def same_place(org: str | None, other: str | None) -> bool:
    """Can a role of ``org`` be one of ``other`` ("французский" and "Франции"; no ``org``: any)?"""
    return not org or same_complement(org, other or "") or same_country(org, other)
