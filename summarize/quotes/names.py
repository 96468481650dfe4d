"""Person names in the nominative: case, gender, surname matching.

pymorphy3's ``Name``/``Surn``/``Patr`` grammemes say which words belong to a name and
``inflect`` puts them into the nominative ("Андреем Белоусовым" -> "Андрей Белоусов");
surnames the dictionary lacks ("Косанова") lose their case ending by a few rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import column
from ..morph import CACHE_SIZE, inflect, is_known, name_parses, name_tags, normalize_word, parses
from ..text import JOINERS
from .kinds import SURNAME_END, opens_name

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
"""pymorphy3's grammemes of the six cases, the nominative first."""
_SOFT = "бвгджзклмнпрстфхцчшщ"
_VOWELS = "аеёиоуыэюя"
_FEMININE_ENDINGS = {
    "gent": (("ии", "ия"), ("ы", "а")),
    "datv": (("ии", "ия"), ("е", "а")),
    "accs": (("ию", "ия"), ("у", "а"), ("ю", "я")),
    "ablt": (("ией", "ия"), ("ой", "а"), ("ей", "я")),
    "loct": (("ии", "ия"), ("е", "а")),
}
"""Case endings of women's names of the first declension ("Анналеной" -> "Анналена")."""


def _restore_case(template: str, word: str) -> str:
    if len(template) > 1 and template.isupper():
        return word.upper()
    parts, shapes = word.split("-"), template.split("-")
    if len(parts) == len(shapes) > 1 and any(len(x) > 1 and x.isupper() for x in shapes):
        # an acronym joined to a word, part by part: "ИБ-специалистов" -> "ИБ-специалисты"
        return "-".join(_restore_case(shape, part) for shape, part in zip(shapes, parts))
    if not template[:1].isupper():
        return word
    out, upper_next = [], True
    for ch in word:
        out.append(ch.upper() if upper_next else ch)
        upper_next = ch in JOINERS
    return "".join(out)


def guess_nominative(word: str, case: str, gender: str) -> str:
    """Undo a case ending of a surname the dictionary does not know ("Косанова" -> "Косанов")."""
    low = word.lower()
    if case == "nomn" or len(low) < 3:
        return word
    rules: tuple[tuple[str, str], ...]
    if gender == "femn":
        rules = (
            ("овой", "ова"),
            ("евой", "ева"),
            ("иной", "ина"),
            ("ову", "ова"),
            ("еву", "ева"),
            ("ину", "ина"),
            ("ской", "ская"),
            ("скую", "ская"),
        )
        if case in _FEMININE_ENDINGS:
            # a woman's name the dictionary lacks ("Анналеной", "Касамарой"): the first declension
            rules += _FEMININE_ENDINGS[case]
    else:
        rules = (
            ("еем", "ей"),
            ("ея", "ей"),
            ("ею", "ей"),
            ("овым", "ов"),
            ("евым", "ев"),
            ("иным", "ин"),
            ("ова", "ов"),
            ("ева", "ев"),
            ("ина", "ин"),
            ("ову", "ов"),
            ("еву", "ев"),
            ("ину", "ин"),
            ("ове", "ов"),
            ("еве", "ев"),
            ("ине", "ин"),
            ("ского", "ский"),
            ("скому", "ский"),
            ("ским", "ский"),
            ("ском", "ский"),
        )
    for old, new in rules:
        if low.endswith(old):
            return word[: len(word) - len(old)] + new
    if gender != "femn" and len(low) >= 3 and low[-2] in _SOFT:
        if case in ("gent", "accs") and low[-1] in "ая":  # "Эмманюэля": "Эмманюэль"
            return word[:-1] + ("ь" if low[-1] == "я" else "")
        if case == "datv" and low[-1] in "ую":
            return word[:-1] + ("ь" if low[-1] == "ю" else "")
        if case == "loct" and low[-1] == "е":
            return word[:-1]
    if gender != "femn" and case == "ablt" and low.endswith(("ом", "ем")) and len(low) > 4:
        return word[:-2] + ("ь" if low[-2] == "е" and low[-3] not in "жшчщц" + _VOWELS else "")
    return word


def name_reading(
    words: Sequence[str], case: str | None = None, gender: str | None = None
) -> tuple[str, str] | None:
    """The (gender, case) the name parts of ``words`` agree on best: in ``case`` if they can be (the
    case a governing word demands), a nominative of ``gender`` if they can be (the gender of the
    verb the name is the subject of)."""
    return _reading_of(tuple(words), case, gender)


def reads_in(words: Sequence[str], case: str) -> bool:
    """Can the name parts ``words`` agree on ``case``?  ("Андрея Ермака": the genitive, among others)"""
    reading = name_reading(words, case)
    return reading is not None and reading[1] == case


@lru_cache(maxsize=CACHE_SIZE)
def _reading_of(words: tuple[str, ...], case: str | None, gender: str | None) -> tuple[str, str] | None:
    # each word's name parses as (score, grammemes): set look-ups, not the tags' slow ``in``
    options = [[(p.score, p.tag.grammemes) for p in name_parses(w)] for w in words]
    if len(words) > 1 or gender == "femn":
        options = [opts + _feminine_twin(w, opts) for w, opts in zip(words, options)]
    if not any(options):
        return _guessed_reading(words, case)
    for wanted in ((case, gender), (case, None), (None, None)):
        found = _best_reading(options, *wanted)
        if found is not None:
            return found
    return None


_FEMININE_TWIN = frozenset({"NOUN", "anim", "femn", "Surn", "sing", "nomn"})


def _feminine_twin(
    word: str, options: list[tuple[float, frozenset[str]]]
) -> list[tuple[float, frozenset[str]]]:
    """A woman's surname the dictionary knows only as a man's in the genitive ("Анастасия Ракова":
    "Ракова" is "Раков" in the genitive to pymorphy3): its feminine nominative reading, as likely."""
    if not word.lower().endswith(("ова", "ева", "ёва", "ина", "ына")) or any("femn" in g for _, g in options):
        return []
    scores = [s for s, g in options if "Surn" in g and "masc" in g and "gent" in g]
    return [(max(scores), _FEMININE_TWIN)] if scores else []


def _guessed_reading(words: tuple[str, ...], case: str | None) -> tuple[str, str] | None:
    """The reading of a name no word of which the dictionary knows as a name: a woman's in an oblique
    case when a word ends like one ("Анналеной Бербок"), else the ``case`` governed, if known."""
    if any(not is_known(w) and len(w) > 4 and w.lower().endswith("ой") for w in words):
        return "femn", case if case in _FEMININE_ENDINGS else "ablt"
    return None if case in (None, "nomn") else ("masc", case)


def _best_reading(
    options: list[list[tuple[float, frozenset[str]]]], case: str | None, gender: str | None
) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    for g in ("masc", "femn"):
        for c in CASES:
            if (case is not None and c != case) or (gender is not None and (c, g) != ("nomn", gender)):
                continue
            score, ok = 0.0, True
            for opts in options:
                if not opts:
                    continue
                hits = [s for s, gs in opts if c in gs and (g in gs or "ms-f" in gs)]
                if not hits:
                    ok = False
                    break
                score += max(hits) + (0.01 if c == "nomn" else 0.0)
            if ok and (best is None or score > best[0]):
                best = (score, g, c)
    return None if best is None else (best[1], best[2])


def nominative_name(words: Sequence[str], case: str | None = None, gender: str | None = None) -> str:
    """The nominative of a person's name given as words of the text.

    The parts of the name agree in gender and case; the reading they share is
    put into the nominative; initials and unknown words are kept (or, for
    surnames the dictionary lacks, their case ending is undone).

    >>> nominative_name(["Андреем", "Белоусовым"])
    'Андрей Белоусов'
    >>> nominative_name(["Елену", "Сябренко"])
    'Елена Сябренко'
    >>> nominative_name(["Даурен", "Косанов"])
    'Даурен Косанов'
    >>> nominative_name(["Дмитрия", "Полевого"])
    'Дмитрий Полевой'

    ``case`` is the case a governing word demands ("цитирует Хвана Чжан Епа": the accusative), and
    ``gender`` that of the verb the name is the subject of ("Яна Лантратова направила"); words that
    are no names in the dictionary lose the ending of a governed case.
    """
    return _nominative_of(tuple(_cyrillic(w) for w in words), case, gender)


_LOOKALIKES = "AaBCcEeHKMOoPpTXxy"
_CYRILLIC = str.maketrans(_LOOKALIKES, "АаВСсЕеНКМОоРрТХху")


def _cyrillic(word: str) -> str:
    """A Cyrillic word typed with Latin letters that look alike ("Cтив" with a Latin C): all Cyrillic."""
    latin = {ch for ch in word if ch.isascii() and ch.isalpha()}
    if latin and latin <= set(_LOOKALIKES) and any("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in word):
        return word.translate(_CYRILLIC)
    return word


@lru_cache(maxsize=CACHE_SIZE)
def _nominative_of(words: tuple[str, ...], governed: str | None, verb_gender: str | None) -> str:
    reading = name_reading(words, governed, verb_gender)
    if governed not in (None, "nomn") and reading is not None and reading[1] != governed:
        # no reading of the name is in the case its governing word demands ("миллиардера Илона
        # Маска"): the dictionary does not know the name; its endings tell the gender
        return " ".join(
            w if _is_initial(w) else guess_nominative(w, governed, _gender_by_ending(words, governed))
            for w in words
        )
    if reading is not None and reading[1] == "nomn" and governed in (None, "nomn"):
        oblique = _oblique_case(words)
        if oblique is not None:
            return _nominative_of(words, oblique, verb_gender)
    out = []
    for w in words:
        if len(w) <= 2 and w[:1].isupper() and (len(w) == 1 or w.endswith(".")):
            out.append(w)
            continue
        chosen = None
        if reading is not None:
            gender, case = reading
            fits = [p for p in name_parses(w) if case in p.tag and (gender in p.tag or "ms-f" in p.tag)]
            # in an oblique case a name that declines says more than one that never does ("согласно
            # Марку": "Марк", not an indeclinable "Марку")
            declined = [p for p in fits if "Fixd" not in p.tag] if case != "nomn" else []
            chosen = (declined or fits or [None])[0]
        if chosen is None:
            adjective = _adjective_surname(w, *reading) if reading is not None else None
            if adjective is not None:
                out.append(adjective)  # "Дмитрия Полевого" -> "Полевой"
            elif reading is not None and (
                not is_known(w) or ((governed or reading[1] != "nomn") and not name_parses(w))
            ):  # "Дениса Мантурова": the first name's case is the surname's
                out.append(guess_nominative(w, reading[1], reading[0]))
            else:
                out.append(w)
            continue
        form = inflect(chosen, {"nomn", "sing"}) or inflect(chosen, {"nomn"})
        word = form.word if form else w
        if "ё" not in w.lower():
            word = word.replace("ё", "е")  # keep the text's spelling: "Петром" -> "Петр"
        out.append(_restore_case(w, word))
    return " ".join(out)


def _oblique_case(words: tuple[str, ...]) -> str | None:
    """The case of a name whose known parts are indeclinable ("Джо") and so fit the nominative
    too: the case pymorphy3 reads in a part it does not know ("Байдена": the genitive)."""
    known = [opts for opts in (name_parses(w) for w in words) if opts]
    if not known or not all("Fixd" in p.tag for opts in known for p in opts):
        return None
    for w in words:
        if is_known(w) or _is_initial(w):
            continue
        top = parses(w)[:1]
        if top and top[0].tag.POS == "NOUN" and {"Name", "Surn"} & top[0].tag.grammemes:
            case = top[0].tag.case
            return None if case in (None, "nomn") else str(case)
    return None


def _is_initial(word: str) -> bool:
    return len(word) <= 2 and word[:1].isupper() and (len(word) == 1 or word.endswith("."))


def _gender_by_ending(words: Sequence[str], case: str) -> str:
    """ "femn" if a word of the name ends like a woman's name in ``case`` ("Анны", "Анне"), else "masc"."""
    endings = tuple(old for old, _ in _FEMININE_ENDINGS.get(case, ()))
    return (
        "femn"
        if endings and any(w.lower().endswith(endings) for w in words if not _is_initial(w))
        else "masc"
    )


@lru_cache(maxsize=CACHE_SIZE)
def _adjective_surname(word: str, gender: str, case: str) -> str | None:
    """The nominative of a surname the dictionary reads as an adjective only ("Полевого" -> "Полевой"),
    in the gender and case of the rest of the name; None for another word."""
    if case == "nomn" or not word[:1].isupper() or not is_known(word) or name_parses(word):
        return None
    for p in parses(word):
        if p.tag.POS == "ADJF" and case in p.tag and gender in p.tag:
            form = inflect(p, {"nomn", "sing", gender})
            if form is not None:
                return _restore_case(word, form.word)
    return None


def nominative_phrase(words: Sequence[str], case: str | None = None) -> str:
    """A role or organisation phrase with its head (first word) in the nominative; ``case`` is the
    one a governing word demands ("по словам главы региона": the genitive, not a plural).

    >>> nominative_phrase(["представителя", "Microsoft"]), nominative_phrase(["главы", "региона"], "gent")
    ('представитель Microsoft', 'глава региона')
    """
    return _phrase_of(tuple(words), case)


@lru_cache(maxsize=CACHE_SIZE)
def _phrase_of(words: tuple[str, ...], case: str | None = None) -> str:
    if not words:
        return ""
    if len(words[0]) > 1 and words[0].isupper():
        return " ".join(words)  # an acronym is not inflected ("АЦ" is no plural of a name)
    head = words[0]
    unknown = head.isalpha() and head[:1].isupper() and not is_known(head)  # no guessed plural: "Ростёхи"
    nouns = [p for p in parses(head) if p.tag.POS == "NOUN" and not (unknown and "plur" in p.tag)]
    nouns = [p for p in nouns if "Orgn" in p.tag] or nouns  # "Ростеха": Ростех, not "ростёха"
    if case is not None:
        nouns = [p for p in nouns if case in p.tag] or nouns
    elif any("nomn" in p.tag for p in nouns):
        return " ".join(words)  # "Ведомости" may be the nominative already
    for p in nouns:
        if "nomn" not in p.tag:
            number = "plur" if "plur" in p.tag else "sing"
            form = inflect(p, {"nomn", number})
            if form is not None:
                return " ".join([_restore_case(head, form.word), *words[1:]])
            break
    return " ".join(words)


@lru_cache(maxsize=CACHE_SIZE)
def without_patronymic(name: str) -> str:
    """A person's name as the conventions keep it, first name and surname: no patronymic.

    >>> without_patronymic("Роальд Зиннурович Сагдеев"), without_patronymic("Горан Петрович")
    ('Роальд Сагдеев', 'Горан Петрович')
    """
    words = name.split()
    if len(words) == 3 and name_tags(words[1]) == {"Patr"} and words[0][:1].isupper():
        return f"{words[0]} {words[2]}"
    return name


@lru_cache(maxsize=CACHE_SIZE)
def gender_of(name: str) -> str | None:
    """``"masc"`` / ``"femn"`` for a nominative person name, None when unsure.

    Only the dictionary's own names vote, and the suffixes of Russian surnames it
    lacks ("-ов" / "-ова"); pymorphy3's guesses for foreign names do not.

    >>> [gender_of(n) for n in ("Елена Сябренко", "Даурен Косанов", "Бхутто", "Карин Жан-Пьер")]
    ['femn', 'masc', None, 'femn']
    """
    votes = {"masc": 0.0, "femn": 0.0}
    words = name.split()
    for k, w in enumerate(words):
        if 0 < k == len(words) - 1 and name_tags(w) == {"Name"} and "Name" in name_tags(words[0]):
            continue  # "Карин Жан-Пьер": a surname that is a first name tells nothing of her
        told = column("name_genders").get(normalize_word(w))
        if told is not None:
            votes[told] += 1.0  # a first name the dictionary gives the other gender only ("Эммануэль")
            continue
        if is_known(w):
            word = {g: sum(p.score for p in name_parses(w) if "nomn" in p.tag and g in p.tag) for g in votes}
            if all(word.values()):
                continue  # a surname of both ("Линч", "Шойгу"): the first name or the context decides
            for g in votes:
                votes[g] += word[g]
            continue
        low = w.lower()
        if low.endswith(("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")):
            votes["femn"] += 0.5
        elif low.endswith(("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")):
            votes["masc"] += 0.5
    if votes["masc"] == votes["femn"]:
        return None
    return "masc" if votes["masc"] > votes["femn"] else "femn"


@lru_cache(maxsize=CACHE_SIZE)
def _surname_forms(word: str) -> frozenset[str]:
    """The nominatives ``word`` may be a form of, as a surname."""
    low = normalize_word(word)
    forms = {low}
    forms.update(
        p.normal_form.replace("ё", "е") for p in name_parses(word) if "Surn" in p.tag or "Name" in p.tag
    )
    for case in CASES[1:]:
        for gender in ("masc", "femn"):
            forms.add(normalize_word(guess_nominative(word, case, gender)))
    return frozenset(forms)


def same_surname(a: str, b: str) -> bool:
    """True if two surnames are forms of one another ("Косанова" ~ "Косанов", "Епа" ~ "Еп").

    >>> same_surname("Косанова", "Косанов"), same_surname("Лавров", "Ларин")
    (True, False)
    """
    if normalize_word(a) == normalize_word(b) or _surname_forms(a) & _surname_forms(b):
        return True
    a, b = normalize_word(a), normalize_word(b)
    short = min(len(a), len(b))
    if short < 4 or abs(len(a) - len(b)) > 3:
        return False
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= short - 1


def oblique_masculine(word: str) -> bool:
    """May ``word`` be a man's surname in an oblique case ("Косанова", "Лесину")?"""
    return any(guess_nominative(word, case, "masc") != word for case in CASES[1:])


def is_initial_of(initial: str, word: str) -> bool:
    """Is ``initial`` ("В." or "В") the initial of the first name ``word`` ("Виктор")?"""
    return len(initial.rstrip(".")) == 1 and word[:1] == initial[:1]


def same_person(a: str, b: str) -> bool:
    """May two names name one person: the same surname, and no first names that tell two people of
    one family apart.

    >>> same_person("Лавров", "Сергей Лавров"), same_person("В. Бут", "Виктор Бут")
    (True, True)
    >>> same_person("Алла Бут", "Виктор Бут"), same_person("Алла Бут", "Анна Бут")
    (False, False)
    >>> same_person("Ле Пен", "Марин Ле Пен")  # a particle opens the surname: no first name
    True
    """
    wa, wb = a.split(), b.split()
    if not same_surname(wa[-1], wb[-1]):
        return False
    if len(wa) == 1 or len(wb) == 1 or opens_name(wa[0]) or opens_name(wb[0]):
        return True
    return same_surname(wa[0], wb[0]) or is_initial_of(wa[0], wb[0]) or is_initial_of(wb[0], wa[0])


def told_gender(name: str) -> str | None:
    """The gender the name itself tells: none for a surname alone that may be a man's in an oblique
    case ("Косанова" may be his genitive or her nominative; "Косанов" is his)."""
    parts = name.split()
    if not parts or (len(parts) == 1 and oblique_masculine(parts[0])):
        return None
    return gender_of(name)


def first_name_like(word: str) -> bool:
    """May ``word`` be a first name: one the dictionary knows as such, or a foreign word it lacks
    ("Педру") that it does not read as a surname either."""
    if is_known(word):
        return "Name" in name_tags(word)
    return not any("Surn" in p.tag and p.score > 0.3 for p in parses(word)) and not _SURNAME_ENDING.search(
        word.lower()
    )


_SURNAME_ENDING = re.compile(r"(?:ов|ев|ин|ын|ский|цкий|ская|цкая|ова|ева|ина|ына|енко|швили|дзе|ян)$")


def nominative_of_form(word: str, form: str, woman: bool = False) -> bool:
    """Is ``word`` the nominative of the name ``form`` (the dictionary lacks such names, the text's
    forms tell): "Шарий" of "Шария", "Огава" of "Огавы", a man's "Олдридж" of "Олдриджа" (not a
    ``woman``'s, nor a Russian surname: "Ефремова")?
    >>> nominative_of_form("Олдридж", "Олдриджа"), nominative_of_form("Ефремов", "Ефремова")
    (True, False)
    """
    if len(form) > len(word) and form.startswith(word) and form[len(word) :] in _CASE_ENDINGS:
        # "Олдридж", "Олдриджа"; not a woman's name ("Анастасия Ефремова", "Клава Кока")
        return (
            not woman
            and _ending_rank(word[-1]) == 2
            and word[-1] != "й"
            and not SURNAME_END.search(form.lower())
        )
    if len(word) != len(form) or word[:-1] != form[:-1] or word == form:
        return False
    return _ending_rank(word[-1]) > _ending_rank(form[-1])


_CASE_ENDINGS = frozenset({"а", "ом", "ем"})  # of a man's name ending in a consonant: "Олдриджем"


def _ending_rank(letter: str) -> int:
    """How likely a surname ending in ``letter`` is a nominative: a consonant or "й" 2, "а" or "я" 1."""
    return 1 if letter in "ая" else 0 if letter in "оеёиуюыэ" else 2
