"""Speaker names: person mentions in a text, nominative forms, resolution to a full name.

Everything works on the words of the source text; pymorphy3's ``Name``/``Surn``/``Patr``
grammemes say which capitalised words are parts of a person's name, and ``inflect``
puts them into the nominative ("слова Косанова" -> "Косанов").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .morph import CACHE_SIZE, analyzer, normalize_word

NAME_TAGS = ("Name", "Surn", "Patr")
PRONOUNS = {"он": "masc", "она": "femn", "они": "plur"}


@lru_cache(maxsize=CACHE_SIZE)
def parses(word: str) -> tuple[Any, ...]:
    """All pymorphy3 parses of ``word`` (lower-cased, ``ё`` as ``е``)."""
    return tuple(analyzer().parse(normalize_word(word)))


@lru_cache(maxsize=CACHE_SIZE)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 offers for ``word``."""
    return frozenset(p.normal_form.replace("ё", "е") for p in parses(word))


@lru_cache(maxsize=CACHE_SIZE)
def name_tags(word: str) -> frozenset[str]:
    """Which of ``Name``, ``Surn``, ``Patr`` some parse of ``word`` carries."""
    return frozenset(t for p in parses(word) for t in NAME_TAGS if t in p.tag)


def _restore_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        # keep inner capitals of hyphenated or prefixed names: "О’Рейли", "Ким-Чен"
        out = []
        upper_next = True
        for ch in word:
            out.append(ch.upper() if upper_next else ch)
            upper_next = ch in "-’'"
        return "".join(out)
    return word


def _name_parses(word: str) -> list[Any]:
    return [p for p in parses(word) if any(t in p.tag for t in NAME_TAGS)]


def nominative_name(words: list[str]) -> str:
    """The nominative of a person's name given as words of the text.

    The first and last names agree in gender and case; the reading they share is
    put into the nominative.

    >>> nominative_name(["Андреем", "Белоусовым"])
    'Андрей Белоусов'
    >>> nominative_name(["Косанова"])
    'Косанов'
    """
    cores = [w for w in words if not _is_initial(w)]
    options = [_name_parses(w) for w in cores]
    best: tuple[float, str, str] | None = None
    for gender in ("masc", "femn"):
        for case in ("nomn", "gent", "datv", "accs", "ablt", "loct"):
            score = 0.0
            ok = True
            for opts in options:
                hits = [p.score for p in opts if case in p.tag and (gender in p.tag or "ms-f" in p.tag)]
                if opts and not hits:
                    ok = False
                    break
                score += max(hits, default=0.0)
            if ok and (best is None or score > best[0]):
                best = (score, gender, case)
    if best is None:
        return " ".join(w for w in words)
    _, gender, case = best
    out = []
    for w in words:
        if _is_initial(w):
            out.append(w)
            continue
        chosen = None
        for p in _name_parses(w):
            if case in p.tag and (gender in p.tag or "ms-f" in p.tag):
                chosen = p
                break
        if chosen is None:
            out.append(w)
            continue
        form = chosen.inflect({"nomn", "sing"}) or chosen.inflect({"nomn"})
        out.append(_restore_case(w, form.word if form else chosen.word))
    return " ".join(out)


def _is_initial(word: str) -> bool:
    return len(word) <= 2 and word[:1].isupper() and word.endswith(".") or (len(word) == 1 and word.isupper())


def gender_of(name: str) -> str | None:
    """``"masc"`` / ``"femn"`` for a nominative person name, None when unsure."""
    votes = {"masc": 0.0, "femn": 0.0}
    for w in name.split():
        for p in _name_parses(w):
            if "nomn" in p.tag:
                for g in votes:
                    if g in p.tag:
                        votes[g] += p.score
    if votes["masc"] == votes["femn"]:
        return None
    return "masc" if votes["masc"] > votes["femn"] else "femn"


def surname_key(word: str) -> frozenset[str]:
    """Lemmas of a surname, for matching its inflected forms."""
    forms = {p.normal_form.replace("ё", "е") for p in _name_parses(word)}
    forms.add(normalize_word(word))
    return frozenset(forms)
