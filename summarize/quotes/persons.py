"""Person mentions: runs of name words, where the name starts, its nominative.

"Министр обороны Казахстана Даурен Косанов", "цитирует РБК Лесина", "А. Кудрин": a run of
capitalised name words becomes a person mention; a preposition before it ("в Минобороны",
"в интервью газете") marks it as governed, never a subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import is_listed_preposition, load
from ..morph import CACHE_SIZE, has_case, is_known, lemma_pos, name_tags, normalize_word, parses
from ..punct import OPENING, WORD_GAP
from ..records import Span
from .kinds import (
    MASCULINE_GENITIVE,
    SURNAME_END,
    Mention,
    capitalised,
    closes_name,
    function_word,
    gap_between,
    geo_word,
    has_lemma,
    is_initial,
    is_outlet,
    opens_name,
    org_word,
    person_word,
    role_word,
    sentence_initial,
    surname_like,
    tight,
)
from .names import (
    gender_of,
    guess_nominative,
    name_reading,
    nominative_name,
    reads_in,
)
from .speech import past_gender, speech_word


def in_case(m: Mention, case: str) -> Mention:
    """``m`` read as governed in ``case`` ("слова Гелетея": genitive): the endings of the words the
    dictionary does not know are undone ("Гелетей")."""
    if m.kind != "person":
        return m
    name = " ".join(
        w if is_known(w) else guess_nominative(w, case, m.gender or "masc") for w in m.name.split()
    )
    return m if name == m.name else m._replace(name=name)


def governed(text: str, toks: Sequence[Span], i: int, lo: int) -> bool:
    """True if a preposition governs the phrase starting at ``toks[i]``.

    Either directly ("в Минобороны") or through a noun of speech or a head noun
    ("в сообщении Минобороны", "в интервью газете «Труд»").
    """
    if i - 1 < lo:
        return False
    if is_listed_preposition(toks[i - 1].text) and gap_between(text, toks[i - 1], toks[i]).strip() == "":
        return True
    if i - 2 >= lo and is_listed_preposition(toks[i - 2].text) and not capitalised(toks[i - 1]):
        between = toks[i - 1]
        gaps = gap_between(text, toks[i - 2], between) + gap_between(text, between, toks[i])
        heads = ("cue_nouns", "outlets", "name_heads")
        if gaps.strip(WORD_GAP + OPENING) or not has_lemma(between.text, *heads):
            return False
        # "на заявление официальный представитель МИД", "… Мария Захарова": a word that cannot be the
        # head noun's complement starts the verb's subject ("газета «Культура»" is the head's name)
        word = toks[i].text
        subject = (word[:1].islower() and not _oblique(word)) or nominative_first_name(text, toks, i)
        return any(c in OPENING for c in gaps) or not subject
    return False


def nominative_first_name(text: str, toks: Sequence[Span], i: int) -> bool:
    """Is ``toks[i]`` a first name in the nominative only, before its surname ("Мария Захарова")?"""
    word = toks[i].text
    return (
        "Name" in name_tags(word)
        and i + 1 < len(toks)
        and capitalised(toks[i + 1])
        and gap_between(text, toks[i], toks[i + 1]) == " "
        and not _oblique(word)
    )


@lru_cache(maxsize=CACHE_SIZE)
def _oblique(word: str) -> bool:
    return not is_known(word) or any(has_case(word, case) for case in ("gent", "datv", "ablt", "loct"))


def person_run(text: str, toks: Sequence[Span], i: int, hi: int) -> int:
    """Index after the run of name words starting at ``i`` (``i`` itself if none)."""
    if i > 0 and capitalised(toks[i - 1]) and _plural_adjective(toks[i - 1].text):
        return i  # "Соединенных Штатов", "Объединенных Арабских Эмиратов": a place's name
    j = i
    if (
        i + 1 < hi
        and capitalised(toks[i])
        and not person_word(text, toks[i])
        and tight(text, toks[i], toks[i + 1])
        and capitalised(toks[i + 1])
        and person_word(text, toks[i + 1])
        and not sentence_initial(text, toks[i])
        and text[toks[i].start - 1] not in OPENING  # "«Люди Путина»": the first word of a title
        and not geo_word(toks[i])
        and not org_word(text, toks[i])
        and role_word(toks[i]) is None
        and not _plural_adjective(toks[i].text)
    ):
        j = i + 1  # "цитирует Хвана Чжан Епа": a name part the dictionary reads as a common noun
    # whatever the words read as
    opened = max(_opening_particles(text, toks, i, hi), _said_by(text, toks, i), _says(text, toks, i, hi))
    j = max(j, opened)
    while j < hi:
        t = toks[j]
        if j > i and not tight(text, toks[j - 1], t):
            break
        if capitalised(t) and (
            person_word(text, t)
            or (
                j > i
                and not is_known(t.text)
                and (not org_word(text, t) or (j == i + 1 and t.text.isalpha() and name_tags(toks[i].text)))
            )  # "Стефано Россетти", though "Рос…" starts agencies' names
        ):
            j += 1
        elif j > i and normalize_word(t.text) in load("name_particles") and _particles_end(toks, j, hi):
            j += 1  # "Урсула фон дер Ляйен"
        elif j > i and _syllables(toks[i : j + 1]) and not org_word(text, t):
            j += 1  # "Ким Чен Ын", "Фам Минь Тинь": short syllables, whatever the dictionary reads
        elif (
            j > i
            and capitalised(t)
            and (not function_word(t.text) or (j == i + 1 and "Name" in name_tags(toks[i].text)))
            # "Евгений Шляхто При этом", but "Джейн Се": right after a first name, a surname
            and (not geo_word(t) or first_name_before(toks[j - 1].text, t.text))  # "Джон Харпер"
            and not org_word(text, t)
            and (
                any("Name" in name_tags(x.text) for x in toks[i:j])
                or first_name_before(toks[j - 1].text, t.text)  # "Замир Кабулов"
            )
            and not any("Surn" in name_tags(x.text) or surname_like(x.text) for x in toks[i:j])
        ):
            # a first name followed by a surname the dictionary reads otherwise ("Марк Тоунер"), but
            # nothing after the surname ("сказал Роман Коноплев Русской службе")
            j += 1
        else:
            break
    while j > i + 1 and normalize_word(toks[j - 1].text) in load("name_particles"):
        j -= 1  # "Эдвин ван дер" with no surname after the particles the run took
    # a run of Geox/Orgn words only is not a person ("Казахстана"), nor an adjective that may be a
    # surname ("Патриарх Московский")
    alone = j == i + 1 and not (
        i > 0 and tight(text, toks[i - 1], toks[i]) and (capitalised(toks[i - 1]) or role_word(toks[i - 1]))
    )
    while j > max(i, opened) and not any(_strong_name(text, t, alone) for t in toks[i:j]):
        j -= 1
    if all(is_initial(text, t) for t in toks[i:j]):
        return i  # "DealBook D.C.": initials with no name are nobody's
    if i < j < hi and closes_name(toks[j].text) and tight(text, toks[j - 1], toks[j]):
        return j + 1  # "Полад Бюльбюль оглы"
    return j


@lru_cache(maxsize=CACHE_SIZE)
def _plural_adjective(word: str) -> bool:
    """An adjective or participle read only in the plural: no part of one person's name."""
    found = [p for p in parses(word) if p.tag.POS in ("ADJF", "PRTF")]
    return bool(found) and all("plur" in p.tag for p in found)


def _opening_particles(text: str, toks: Sequence[Span], i: int, hi: int) -> int:
    """Index after "Ле Пен", "Фон дер Ляйен", "фон дер Ляйен", "Ван И": particles that open a name
    and the word after them, taken whatever the dictionary reads it as; ``i`` itself otherwise."""
    if not opens_name(toks[i].text):
        return i
    k = _past_particles(toks, i, hi)
    if k >= hi or not capitalised(toks[k]) or not all(tight(text, toks[m], toks[m + 1]) for m in range(i, k)):
        return i
    return k + 1


@lru_cache(maxsize=CACHE_SIZE)
def _plural_past(word: str) -> bool:
    return any(p.tag.POS == "VERB" and "plur" in p.tag and "past" in p.tag for p in parses(word)[:2])


def genitive_name(words: Sequence[str], gender: str | None, text: str) -> bool:
    """Is a name after a nominative role in the genitive, its principal's ("пресс-секретарь
    Зеленского"; "советник Джо Байдена" where the text says "Байден" too; "советник Путина" when the
    verb is a man's), though it may read as a nominative ("глава МИДа Сэйдзи Маэхара")?  ``gender``
    is that of the verb the role is the subject of."""
    last = words[-1]
    if last.lower().endswith(("ого", "его")):
        return True
    first = len(words) > 1 and "Name" in name_tags(words[0]) and not _oblique(words[0])
    if gender == "femn" or not MASCULINE_GENITIVE.search(last) or first:
        return False  # "сказала министр Петрова", "глава МИД Украины Дмитрий Кулеба"
    if re.search(rf"(?<!\w){re.escape(last[:-1])}(?!\w)", text):
        return True  # the text names "Байден" elsewhere
    return len(words) == 1 and gender == "masc" and "Surn" in name_tags(last)


def verb_gender_beside(text: str, toks: Sequence[Span], before: int, after: int) -> str | None:
    """The gender of a past-tense verb right before ``toks[before]`` or at ``toks[after]``."""
    for k, nxt in ((before - 1, before), (after, after - 1)):
        if 0 <= k < len(toks) and gap_between(text, toks[min(k, nxt)], toks[max(k, nxt)]) == " ":
            gender = past_gender(toks[k].text)
            if gender is not None:
                return gender
    return None


_DOTTED = re.compile(r"\.\w")
"""A full stop with a letter after it: a web domain ("Лента.ру"), no surname at a sentence's end."""


def _says(text: str, toks: Sequence[Span], i: int, hi: int) -> int:
    """Index after a capitalised word opening a sentence before a speech verb in the past that the
    word cannot be the subject of as the common noun the dictionary knows ("Токаев заявил": "токаев"
    is of wines; "Дуда заявил": "дуда" is feminine), ``i`` itself for any other word."""
    tok = toks[i]
    if i + 1 >= hi or not sentence_initial(text, tok) or gap_between(text, tok, toks[i + 1]) != " ":
        return i
    gender = past_gender(toks[i + 1].text) if speech_word(toks[i + 1].text) else None
    if gender is None or _no_name(text, tok) or person_word(text, tok):
        return i
    for p in parses(tok.text):
        if p.tag.POS != "NOUN" or "accs" in p.tag:
            return i  # "Опасения подтвердил начальник": the object may come first
        number = "plur" if gender == "plur" else "sing"
        if "nomn" in p.tag and number in p.tag and (gender == "plur" or gender in p.tag or "Ms-f" in p.tag):
            return i  # "Суд заявил", "Рынок ответил": a common noun may speak
    return i + 1


def _said_by(text: str, toks: Sequence[Span], i: int) -> int:
    """Index after a capitalised word right after a speech verb that the dictionary reads as a common
    noun ("— заявила Трасс", "трасс" being roads), ``i`` itself for any other word."""
    tok = toks[i]
    if (
        i == 0
        or not capitalised(tok)
        or gap_between(text, toks[i - 1], tok) != " "
        or not speech_word(toks[i - 1].text)
    ):
        return i
    if sentence_initial(text, tok) or _no_name(text, tok):
        return i  # "сообщили ТАСС"
    if (
        str(parses(tok.text)[0].tag.POS) != "NOUN"  # "сообщила Счетная палата": an adjective opens a name
        or _DOTTED.match(text, tok.stop) is not None
    ):
        return i  # "цитирует Лента.ру"
    return i + 1


def _no_name(text: str, tok: Span) -> bool:
    """Is a capitalised word the dictionary reads as a common noun still no person's name: a place, an
    organisation, a role, an outlet, an acronym?"""
    return (
        tok.text.isupper()
        or geo_word(tok)
        or org_word(text, tok)
        or role_word(tok) is not None
        or is_outlet(tok.text)
    )


def _initial_at(text: str, toks: Sequence[Span], k: int) -> bool:
    """Is ``toks[k]`` an initial?  Not the word after a particle that opens a name: "сказал Ван И."."""
    return is_initial(text, toks[k]) and not (k > 0 and opens_name(toks[k - 1].text))


def _particles_end(toks: Sequence[Span], j: int, hi: int) -> bool:
    """Do the name particles from ``toks[j]`` on ("фон дер") end in a capitalised word?"""
    k = _past_particles(toks, j, hi)
    return k < hi and capitalised(toks[k])


def _past_particles(toks: Sequence[Span], j: int, hi: int) -> int:
    """Index of the first word after ``toks[j]`` that is no name particle ("фон дер Ляйен": "Ляйен")."""
    k = j + 1
    while k < hi and normalize_word(toks[k].text) in load("name_particles"):
        k += 1
    return k


@lru_cache(maxsize=CACHE_SIZE)
def first_name_before(before: str, word: str) -> bool:
    """Is ``before`` a first name ``word`` is the surname of: one the dictionary knows, or a word it
    lacks before a word with a surname's ending ("Замир Кабулов")?"""
    if "Name" in name_tags(before):
        return True
    if is_known(before):
        return False
    guess = parses(before)[:1]  # "Эмманюэль Макрон": a first name the dictionary lacks, guessed as one
    return SURNAME_END.search(word.lower()) is not None or (bool(guess) and "Name" in guess[0].tag)


def name_start(text: str, toks: Sequence[Span], i: int, j: int) -> int:
    """Where the name in the run ``toks[i:j]`` starts: at its first name when words that are no
    first names stand before it ("Театра Наций Евгений Миронов", "тёщу Воробьянинова Клавдию …"),
    not in an East Asian name of short syllables, surname first ("Фам Минь Тинь")."""
    if j - i > 2 and _syllables(toks[i:j]):
        return i
    for k in range(i + 1, j - 1):
        if (
            "Name" in name_tags(toks[k].text)
            and not _place_first(toks[k].text)
            and not any(
                ("Name" in name_tags(t.text) and not _place_first(t.text)) or is_initial(text, t)
                for t in toks[i:k]
            )
        ):
            return k  # "Университета Юты Натан Хаттон": "Юты" is Utah before it is Юта
    for k in range(i + 2, j - 1):
        if _second_person(toks, i, k, j):
            return k
    k = i
    while k < j and is_initial(text, toks[k]):
        k += 1
    if i < k < j - 2 and _second_person(toks, k, k + 1, j, initials=True):
        return k + 1  # "центра имени Н. Ф. Гамалеи Александр Гинцбург"
    if "Name" in name_tags(toks[j - 1].text) and "Name" not in name_tags(toks[j - 2].text):
        # "Ильфа и Петрова Остап": a first name that shares no case with the name before it is a
        # second person; so is one after a first name and surname in the genitive ("сестра
        # Михаила Ефремова Анастасия", though "Анастасия" is also "Анастасий" in the genitive)
        words = [t.text for t in toks[i:j]]
        if j - i == 2:
            if all(name_tags(w) for w in words) and name_reading(words) is None:
                return j - 1
            if i > 0 and role_word(toks[i - 1]) is not None and lemma_pos(words[0])[1] == "ADJF":
                return j - 1  # "Папа Римский Франциск": an adjective of the title, then the name
        elif any("Surn" in name_tags(w) for w in words[:-1]) and reads_in(words[:-1], "gent"):
            if has_case(words[-1], "nomn") and "Surn" not in name_tags(words[-1]):
                return j - 1
    return i


def _syllables(toks: Sequence[Span]) -> bool:
    """Capitalised words of at most four letters, no acronyms, three or fewer: an East Asian name."""
    return len(toks) <= 3 and all(
        len(t.text) <= 4 and t.text.isalpha() and t.text[:1].isupper() and not t.text.isupper() for t in toks
    )


def _place_first(word: str) -> bool:
    """Is a place the likeliest reading of ``word`` ("Юты": Utah, though also a woman's name)?"""
    found = parses(word)
    return bool(found) and "Geox" in found[0].tag


def _second_person(toks: Sequence[Span], i: int, k: int, j: int, initials: bool = False) -> bool:
    """Does a second full name start at ``toks[k]``, after the full name ``toks[i:k]`` of the person
    whose deputy or spokesman it is ("советник Андрея Ермака Михаил Подоляк")?  Both parts start
    with a first name and hold two words or more, and the first can be a genitive (so "Мария Тереза
    Анна …" and "Хосе Луис Родригес Сапатеро" stay one person); a second part of two words the
    dictionary lacks is a name too.  After ``initials`` the first part is a surname alone ("имени
    Н. Ф. Гамалеи Александр Гинцбург")."""
    first, second = [t.text for t in toks[i:k]], [t.text for t in toks[k:j]]
    if not (initials or "Name" in name_tags(first[0])):
        return False
    words = [w for w in second if len(w) > 1]  # "Сэмюэл Д. Ингхэм": the initial aside
    if len(words) == 2 and not any(is_known(w) for w in words):
        # "адвокат Бритни Спирс Сэмюэл Ингхэм": a foreign name the dictionary lacks altogether
        return reads_in(first, "gent")
    return "Name" in name_tags(second[0]) and reads_in(first, "gent") and name_reading(second) is not None


def _strong_name(text: str, tok: Span, alone: bool = False) -> bool:
    """Is ``tok`` surely part of a name?  An adjective that may be a surname ("Навальный",
    "Московский") is one only ``alone``: not right after a role noun or another capitalised word."""
    if is_initial(text, tok) or not is_known(tok.text):
        return True
    tags = name_tags(tok.text)
    if "Name" in tags or "Patr" in tags:
        return True
    if "Surn" in tags:
        return lemma_pos(tok.text)[1] != "ADJF" or alone
    return person_word(text, tok)


def person_mention(
    text: str,
    toks: Sequence[Span],
    i: int,
    j: int,
    lo: int,
    start: int | None = None,
    role: str | None = None,
    org: str | None = None,
    subject: bool | None = None,
    prep: bool | None = None,
    first: int | None = None,
    case: str | None = None,
) -> Mention:
    words = [t.text + "." if _initial_at(text, toks, k) else t.text for k, t in enumerate(toks[i:j], i)]
    # "председателя КНР Си Цзиньпина": the role's case tells the case of the name; "Яна Лантратова
    # направила", "— рассказала Петрова": the verb's gender tells a woman's name from a man's in
    # the genitive (a verb before the name only if it is a speech verb, whose subject follows it)
    verb = toks[j] if j < len(toks) and gap_between(text, toks[j - 1], toks[j]) == " " else None
    gender = past_gender(verb.text) if verb is not None else None
    if gender is None and i > lo and case is None and gap_between(text, toks[i - 1], toks[i]) == " ":
        before = toks[i - 1].text
        gender = past_gender(before) if speech_word(before) else None
    if (
        case is None
        and gender is None
        and verb is not None
        and _plural_past(verb.text)
        and reads_in(words, "nomn")
    ):
        case = "nomn"  # "Мурашко и Попова провели брифинг": subjects, so "Попова" and not "Попов"
    reading = name_reading(words, case)
    name = nominative_name(words, case, gender)
    if subject is None:
        subject = (
            reading is None
            or reading[1] == "nomn"
            or all(has_case(w, "nomn") or not is_known(w) for w in words)
        )
    return Mention(
        "person",
        toks[i].start if start is None else start,
        toks[j - 1].stop,
        name,
        role=role,
        org=org,
        gender=gender_of(name) or (gender if gender in ("masc", "femn") else None),  # "— сказала Попова"
        subject=subject,
        prep=governed(text, toks, i, lo) if prep is None else prep,
        first=i if first is None else first,
        last=j - 1,
        head=words[-1],
    )
