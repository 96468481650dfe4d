"""Role phrases: "официальный представитель МИД России Мария Захарова", "глава ведомства".

A role noun with its complements names a person by office; a name right after it is the
holder ("министр обороны Сергей Шойгу"), a name followed by more complements is one of them
("помощник Хиллари Клинтон по … делам").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..lexicon import column, is_listed_preposition, load, tagged
from ..morph import (
    CACHE_SIZE,
    has_case,
    inflect,
    is_known,
    is_verbal,
    lemmas,
    likely_pos,
    normalize_word,
    parses,
)
from ..punct import CLOSING, MARKS, WORD_GAP, closes, opens
from ..records import Span
from .kinds import (
    MASCULINE_GENITIVE,
    Mention,
    capitalised,
    gap_between,
    geo_word,
    has_lemma,
    is_outlet,
    names_thing,
    role_lemma,
    sentence_initial,
)
from .names import nominative_phrase, reads_in
from .outlets import plural_verb
from .persons import genitive_name, governed, name_start, person_mention, person_run, verb_gender_beside
from .speech import speech_noun


@lru_cache(maxsize=CACHE_SIZE)
def _genitive_word(word: str) -> bool:
    """A noun or adjective that can be in the genitive ("обороны", "палестинской"), not "в" or "и"."""
    ps = parses(word)
    return (
        bool(ps)
        and ps[0].tag.POS in ("NOUN", "ADJF", "PRTF")
        and any("gent" in p.tag for p in ps if p.tag.POS in ("NOUN", "ADJF", "PRTF"))
    )


_PREPOSITION_CASE = {"по": "datv", "при": "loct"}
"""The prepositions inside a role phrase and the case of the noun they take."""
_GENITIVE = frozenset({"gent"})
_SOURCE_PLACE = {"в": "loct", "во": "loct", "на": "loct", "из": "gent"}
"""Where an anonymous source is ("источник в Кремле", "на финансовом рынке", "из окружения")."""


def _held_in(low: str, nxt: Span, anonymous: bool) -> bool:
    """Do the preposition ``low`` and ``nxt`` say where a role is held: an anonymous source's place
    ("источник в Кремле", "во внешнеполитическом ведомстве"), or a place's name ("посол России в
    США", "постпред в ООН", "в Северо-Западном округе")?"""
    if _adverbial(nxt.text):
        return False
    if anonymous and (capitalised(nxt) or _SOURCE_PLACE[low] in _word_cases(nxt.text)):
        return True
    upper = geo_word(nxt) or nxt.text.isupper() or (capitalised(nxt) and "ADJF" in likely_pos(nxt.text))
    return low in ("в", "во") and upper


@lru_cache(maxsize=CACHE_SIZE)
def _adverbial(word: str) -> bool:
    """A noun that opens an adverbial phrase after a preposition ("по итогам", "в беседе")."""
    return has_lemma(word, "adverbial_nouns", "cue_nouns")


@lru_cache(maxsize=CACHE_SIZE)
def _noun_cases(word: str) -> frozenset[str]:
    """The cases ``word`` may be in as a noun."""
    return frozenset(str(p.tag.case) for p in parses(word) if p.tag.POS == "NOUN" and p.tag.case)


@lru_cache(maxsize=CACHE_SIZE)
def _word_cases(word: str) -> frozenset[str]:
    """The cases ``word`` may be in as a noun or an adjective."""
    return frozenset(str(p.tag.case) for p in parses(word) if p.tag.POS in ("NOUN", "ADJF") and p.tag.case)


@lru_cache(maxsize=CACHE_SIZE)
def _place_adjective(word: str) -> bool:
    """An adjective of a country or a city ("украинский", "японского", "московский")."""
    return any(p.tag.POS == "ADJF" and p.normal_form.endswith(("ский", "цкий")) for p in parses(word)[:1])


@lru_cache(maxsize=CACHE_SIZE)
def _qualifier(word: str) -> bool:
    """An adjective that may open a role phrase ("официальный представитель"), not "этот" or "свой"."""
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS == "ADJF" and "Apro" not in ps[0].tag


def _role_case(word: str, role: str) -> str | None:
    """The case of a role noun not in the nominative ("председателя" -> "gent")."""
    for p in _role_parses(word, role):
        if p.tag.case and p.tag.case != "nomn":
            return str(p.tag.case)
    return None


def _holder_case(word: str, role: str, subject: bool, name: Sequence[str]) -> str | None:
    """The case of the name ``name`` that holds a role: the role noun's own, if it has only one
    ("министр", "министром"; not "директора", which may be a nominative plural), or the one of its
    cases the name can be read in ("цитирует пресс-секретаря Людмилу Зенькович": the accusative
    of an animate noun looks like its genitive)."""
    cases = _role_cases(word, role)
    if len(cases) == 1:
        return next(iter(cases))
    # one person holds the role: "главы ведомства Паноса Камменоса" is no plural nominative
    single = {str(p.tag.case) for p in _role_parses(word, role) if p.tag.case and "plur" not in p.tag}
    if len(single) == 1:
        return next(iter(single))
    if len(single) > 1:
        readable = [c for c in sorted(single) if reads_in(name, c)]
        if len(readable) == 1:
            return readable[0]
    return None if subject else _role_case(word, role)


@lru_cache(maxsize=CACHE_SIZE)
def _role_cases(word: str, role: str) -> frozenset[str]:
    """The cases the role noun ``word`` (of lemma ``role``) may be in."""
    return frozenset(str(p.tag.case) for p in _role_parses(word, role) if p.tag.case)


@lru_cache(maxsize=CACHE_SIZE)
def _role_parses(word: str, role: str) -> tuple[Any, ...]:
    # a compound's own parses count ("врача-инфекциониста": "врач-инфекционист", genitive)
    return tuple(
        p
        for p in parses(word)
        if p.tag.POS == "NOUN"
        and ((lemma := p.normal_form.replace("ё", "е")) == role or lemma.startswith(role + "-"))
    )


def role_mention(text: str, toks: Sequence[Span], i: int, lo: int, hi: int, role: str) -> Mention:
    """A role phrase, its holder and its complements, as the module's docstring says."""
    start_i = i
    while (
        start_i - 1 >= lo
        and gap_between(text, toks[start_i - 1], toks[start_i]) == " "
        and (not capitalised(toks[start_i - 1]) or sentence_initial(text, toks[start_i - 1]))
        and _qualifier(toks[start_i - 1].text)
        and not is_listed_preposition(toks[start_i - 1].text)
        and normalize_word(toks[start_i - 1].text) not in column("possessives")
    ):
        start_i -= 1
    after_speech = start_i > lo and speech_noun(toks[start_i - 1].text)  # "по словам главы региона"
    nominative = "nomn" in _role_cases(toks[i].text, role)
    subject = nominative or not _role_parses(toks[i].text, role)
    counted = _counted(toks, start_i, lo)  # "один из собеседников агентства", "два источника"
    if counted:
        start_i -= counted  # the number is the subject
        subject = has_case(toks[start_i].text, "nomn")
    prep = governed(text, toks, start_i, lo)
    outlet_addressee = role not in tagged("role_nouns", "anonymous") | tagged("role_nouns", "press")
    org_words: list[str] = []  # the complements: "обороны Казахстана", "палестинской делегации"
    # "украинский президент", "российский министр": where the role is held counts as a complement
    org_words.extend(t.text for t in toks[start_i:i] if _place_adjective(t.text))
    if start_i > lo and normalize_word(toks[start_i - 1].text) in column("possessives"):
        org_words.append(toks[start_i - 1].text.lower())  # "его советник": somebody's, as "советник Петрова"
    j = i + 1
    last = i
    governing: str | None = None  # the case "по"/"при" demands of the noun to come
    anonymous = role in tagged("role_nouns", "anonymous")
    bracketed = -1  # an acronym in brackets, skipped
    while j < hi and j - i <= 14:  # "глава … Агентства по кибербезопасности … США (CISA) Кристофер Кребс"
        prev, t = toks[j - 1], toks[j]
        gap = gap_between(text, prev, t)
        if j - 1 == bracketed and gap == ") ":
            gap = " "
        elif gap == " (" and t.text.isupper() and text.startswith(") ", t.stop):
            # an acronym in brackets: "генерал-майор Вооруженных сил Украины (ВСУ) Дмитрий Марченко"
            bracketed = j
            j += 1
            continue
        if gap.strip(WORD_GAP + MARKS) or (gap.strip(WORD_GAP) and not capitalised(t)):
            break  # punctuation ends the phrase (quote marks around a name do not)
        if capitalised(t):
            if outlet_addressee and is_outlet(t.text):
                break  # "сказал депутат РИА «Новости»": the outlet the words were said to
            k = j if opens(gap) else person_run(text, toks, j, hi)
            if k > j:  # (a name in marks is an organisation's: "директор «Локо Инвеста»")
                nxt = toks[k] if k < hi else None
                names = [x.text for x in toks[j:k]]
                verb = verb_gender_beside(text, toks, start_i, k)
                if names_thing(prev.text, t.text):
                    # a place or an eponym is a complement ("мэр города Немуро"), a full name after
                    # it the holder ("директор центра имени Н. Ф. Гамалеи Александр Гинцбург")
                    first = name_start(text, toks, j, k)
                    k = first if first > j else k
                    org_words.extend(x.text for x in toks[j:k])
                    last, j = k - 1, k
                    continue
                # one person holds no plural role: "адвокаты Романа Абрамовича" are his
                complement = (
                    (
                        plural_head(toks[i].text)
                        or not _agrees_with_role(toks[i].text, role, names, verb, text)
                    )
                    or (
                        nxt is not None
                        and gap_between(text, toks[k - 1], nxt) == " "
                        and not capitalised(nxt)
                        and not is_verbal(nxt.text)
                        and (normalize_word(nxt.text) in ("по", "при") or _genitive_word(nxt.text))
                        and normalize_word(nxt.text) not in column("pronouns")
                        # "представитель президента Павел Крашенинников при рассмотрении": a name that
                        # cannot be a genitive is the holder, whatever follows it
                        and all(_may_be_in(x.text, _GENITIVE) for x in toks[j:k])
                    )
                )
                # a name in the nominative is no complement: "при президенте РФ Александр Молохов
                # отверг", "Кандидат в мэры Москвы Алексей Навальный собрал", "заверил журналистов Силуанов"
                addressee = not nominative and plural_head(toks[i].text)
                if complement and (
                    (reads_in(names, "nomn") and not reads_in(names, "gent"))
                    or (addressee and all(_may_be_in(x.text, frozenset({"nomn"})) for x in toks[j:k]))
                ):
                    break
                if not complement:
                    first = name_start(text, toks, j, k)
                    org_words.extend(x.text for x in toks[j:first])
                    return person_mention(
                        text,
                        toks,
                        first,
                        k,
                        lo,
                        case=_holder_case(toks[i].text, role, subject, [x.text for x in toks[first:k]]),
                        start=toks[start_i].start,
                        role=role,
                        org=" ".join(org_words) or None,
                        subject=subject,
                        prep=prep,
                        first=start_i,
                    )
                org_words.extend(x.text for x in toks[j:k])
                last = k - 1
                j = k
                continue
            if opens(gap):
                k = _closed_at(text, toks, j, hi)  # "редактора журнала «Национальная оборона»"
                if k > j:
                    org_words.extend(x.text for x in toks[j:k])
                    last = k - 1
                    j = k
                    continue
            org_words.append(t.text)
            last = j
            j += 1
            continue
        low = normalize_word(t.text)
        if low == "и" and j + 1 < hi and not capitalised(toks[j + 1]) and not is_verbal(toks[j + 1].text):
            if _role_follows(toks, toks[i], j + 1, hi):
                break  # "писатель и журналист …", "президент и первая леди …": a role of its own
            last = j
            j += 1
            continue
        if low in _SOURCE_PLACE and j + 1 < hi and _held_in(low, toks[j + 1], anonymous):
            governing = _SOURCE_PLACE[low]
            last = j
            j += 1
            continue
        if (
            is_verbal(t.text)
            or (low in load("prepositions") and low not in ("по", "при"))
            or low in column("pronouns")
        ):
            break
        if low in _PREPOSITION_CASE:
            if j + 1 < hi and _adverbial(toks[j + 1].text):
                break  # "генпрокурор России по итогам проверки"
            governing = _PREPOSITION_CASE[low]
        elif "ADJF" not in likely_pos(t.text):
            governing = None if _genitive_word(t.text) else governing
        if low in ("по", "при") or _genitive_word(t.text) or "ADJF" in likely_pos(t.text):
            if low not in ("по", "при"):
                org_words.append(t.text)
            last = j
            j += 1
            continue
        if governing is not None and governing in _noun_cases(t.text):
            last = j  # "директор по инвестициям", "представитель Крыма при президенте"
            j += 1
            continue
        break
    while last > i and (
        normalize_word(toks[last].text) in ("и", "по", "при") or toks[last].text in _SOURCE_PLACE
    ):
        last -= 1
    core = [t.text for t in toks[i : last + 1]]
    stop = toks[last].stop
    opened = sum(text.count(mark, toks[start_i].start, stop) for mark in "«„") - text.count(
        "»", toks[start_i].start, stop
    )
    if opened > 0 and text[stop : stop + 1] in ("»", "“"):
        stop += 1  # "пресс-службе «Яндекса»": the closing mark of a name ends the phrase
    return Mention(
        "role",
        toks[start_i].start,
        stop,
        _common(_role_name(core, counted, "gent" if after_speech else "nomn" if nominative else None)),
        role=role,
        org=" ".join(org_words) or None,
        gender=role_gender(toks[i].text, role),
        subject=subject,
        prep=prep,
        first=start_i,
        last=last,
        head=toks[i].text,
    )


def _role_follows(toks: Sequence[Span], head: Span, j: int, hi: int) -> bool:
    """Does a role noun in the case and number of the singular ``head`` role start at ``toks[j]`` after
    adjectives ("писатель и главный редактор"; not "директор Центра … и политики", "родственники и …")?"""
    while j < hi and role_lemma(toks[j].text) is None and "ADJF" in likely_pos(toks[j].text):
        j += 1
    if j >= hi or role_lemma(toks[j].text) is None:
        return False
    return not plural_head(head.text) and bool(_forms(toks[j].text) & _forms(head.text))


@lru_cache(maxsize=CACHE_SIZE)
def _forms(word: str) -> frozenset[tuple[str, str]]:
    """The (case, number) of each noun reading of ``word``."""
    return frozenset((str(p.tag.case), str(p.tag.number)) for p in parses(word) if p.tag.POS == "NOUN")


def _counted(toks: Sequence[Span], i: int, lo: int) -> int:
    """How many words right before ``toks[i]`` count the role's holders: "один из" 2, "два" 1, else 0."""
    if i - 2 >= lo and normalize_word(toks[i - 1].text) == "из" and "один" in lemmas(toks[i - 2].text):
        return 2
    return int(i - 1 >= lo and any(p.tag.POS == "NUMR" for p in parses(toks[i - 1].text)[:1]))


def _role_name(words: Sequence[str], counted: int, case: str | None) -> str:
    """The role phrase in the nominative; counted, its head noun singular or plural ("один из
    собеседников агентства" -> "собеседник агентства", "два источника" -> "источники")."""
    if not counted:
        return " ".join(words) if case == "nomn" else nominative_phrase(words, case)
    for p in parses(words[0]):
        if p.tag.POS == "NOUN":
            form = inflect(p, {"nomn", "sing" if counted == 2 else "plur"})
            if form is not None:
                return " ".join([form.word, *words[1:]])
    return " ".join(words)


def _common(phrase: str) -> str:
    """A role phrase as a description: its noun small ("Адвокаты актера" -> "адвокаты актера")."""
    if not phrase[:1].isupper():
        return phrase
    head = phrase.split(" ", 1)[0]
    return phrase[:1].lower() + phrase[1:] if head[1:].islower() else phrase


def one_holder(text: str, role: Mention, person: Mention, after: str) -> bool:
    """Are a role and the person named with another role right after it one person: "писатель и
    журналист Виктор Шендерович", "представитель Минобороны генерал-лейтенант Игорь Конашенков"
    (not "сказал журналистам помощник Путина Юрий Ушаков", "Президент и первая леди Мишель Обама
    задержались")?"""
    if role.kind != "role" or person.kind != "person" or person.role is None:
        return False
    gap = text[role.stop : person.start]
    if gap == " и ":
        return not plural_verb(after)
    return gap == " " and role.subject and not role.prep and not plural_head(role.head)


@lru_cache(maxsize=CACHE_SIZE)
def plural_head(word: str) -> bool:
    """A role noun that can only be plural ("авторы", "представители", "аналитики": of the role noun
    "аналитик", whatever "аналитика" may be; not "судьи": "слова судьи")."""
    nouns = [p for p in parses(word) if p.tag.POS == "NOUN"]
    roles = [p for p in nouns if p.normal_form.replace("ё", "е") in load("role_nouns")]
    return bool(nouns) and all("plur" in p.tag for p in roles or nouns)


@lru_cache(maxsize=CACHE_SIZE)
def noun_gender(word: str) -> str | None:
    """The gender a pronoun pointing back to the noun ``word`` has ("Банк" -> "masc", "компания" ->
    "femn"; a neuter noun is pointed to by "его" too); None when unknown or ambiguous."""
    genders = {
        "masc" if "neut" in p.tag else g
        for p in parses(word)
        if p.tag.POS == "NOUN" and "Fixd" not in p.tag
        for g in ("masc", "femn", "neut")
        if g in p.tag
    }
    return genders.pop() if len(genders) == 1 else None


@lru_cache(maxsize=CACHE_SIZE)
def plural_noun(word: str) -> bool:
    """A noun that can be a plural subject ("власти", "аналитики")."""
    return any(p.tag.POS == "NOUN" and "plur" in p.tag and "nomn" in p.tag for p in parses(word))


@lru_cache(maxsize=CACHE_SIZE)
def role_gender(word: str, role: str) -> str | None:
    """The sex a role names: "femn" for "актриса", "пострадавшая", "masc" for an adjective's "осужденный";
    None for a noun such as "министр" (who may be a woman)."""
    found = _role_parses(word, role)
    substantive = role in tagged("role_nouns", "substantive")
    if substantive:
        found = tuple(p for p in parses(word) if p.tag.POS in ("ADJF", "PRTF") and "sing" in p.tag) or found
    sexed = ("femn", "masc") if substantive else ("femn",)
    return next((g for g in sexed if found and all(g in p.tag for p in found)), None)


def place_only(org: str) -> bool:
    """Are a role's complements only where it is held ("британский", "американского", "России")?"""
    return all(_place_adjective(w) or _place_noun(w) for w in org.split())


@lru_cache(maxsize=CACHE_SIZE)
def _place_noun(word: str) -> bool:
    return word[:1].isupper() and any("Geox" in p.tag for p in parses(word)[:2])


def _agrees_with_role(role_word: str, role: str, words: Sequence[str], gender: str | None, text: str) -> bool:
    """Can the name ``words`` stand in apposition to the role noun ``role_word`` (the same case)?  Not in
    "советник Джо Байдена" (:func:`.persons.genitive_name`); "Енин", "Токаев" (read as plurals) agree."""
    cases = _role_cases(role_word, role)
    if cases == {"nomn"} and genitive_name(words, gender, text):
        return False
    return not cases or any(_may_be_in(w, cases) for w in words)


@lru_cache(maxsize=CACHE_SIZE)
def _may_be_in(word: str, cases: frozenset[str]) -> bool:
    forms = parses(word)
    if not forms or not is_known(word) or any("Fixd" in p.tag or str(p.tag.case) in cases for p in forms):
        return True
    if "gent" in cases and word[:1].isupper() and MASCULINE_GENITIVE.search(word.lower()) is not None:
        return True  # "миллиардера Илона Маска": a man's name the dictionary reads as a woman's, a noun
    return "nomn" in cases and _NOMINATIVE_SURNAME.search(word.lower()) is not None


_NOMINATIVE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ий|ой|ова|ева|ёва|ина|ына|ая)$")


def genitive_word(word: str) -> bool:
    """A noun or adjective that can be in the genitive ("обороны", "палестинской")."""
    return _genitive_word(word)


def _closed_at(text: str, toks: Sequence[Span], j: int, hi: int, most: int = 5) -> int:
    """Past the last word of a name in marks opened before ``toks[j]`` ("«Национальная оборона»"),
    at most ``most`` words; ``j`` if its closing mark is not that near (or a line ends first)."""
    for k in range(j + 1, min(hi, j + most + 1)):
        gap = gap_between(text, toks[k - 1], toks[k])
        if "\n" in gap or opens(gap):
            return j
        if closes(gap):
            return k
    if hi - j <= most:  # the clause ends inside the marks: its last word is the name's
        end = toks[hi - 1].stop
        if end < len(text) and text[end] in CLOSING:
            return hi
    return j
