"""Outlets that relay and outlets that write.

The quoting outlet is never the speaker ("— сказали ТАСС в пресс-службе МЧС", "передает РБК",
"по данным Reuters"), but an outlet that writes is ("пишет The Washington Post", "отмечает
издание").  :func:`mark_relays` marks the outlet mentions that only pass words on; an addressee in
the dative ("сказали ТАСС", "РБК сообщили в пресс-службе") is no subject either.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import column, load
from ..morph import CACHE_SIZE, has_case, is_known, lemmas, parses
from ..records import Span
from .kinds import Mention, is_outlet
from .speech import speech_word


def mark_relays(toks: Sequence[Span], found: list[Mention], lo: int, hi: int) -> list[Mention]:
    """``found`` with its relaying outlets marked (``relays``; an addressee also loses ``subject``)."""
    out = []
    for m in found:
        if (
            m.kind == "org"
            and not m.outlet
            and m.first > lo
            and lemmas(toks[m.first - 1].text) & load("interview_nouns")
        ):
            m = m._replace(outlet=True, relays=True, subject=False)  # "в интервью «Комсомольской правде»"
        elif m.outlet and m.kind == "org":
            m = _marked(toks, m, lo, hi)
        out.append(m)
    return out


def _marked(toks: Sequence[Span], m: Mention, lo: int, hi: int) -> Mention:
    before = toks[m.first - 1].text if m.first - 1 >= lo else ""
    after = toks[m.last + 1].text if m.last + 1 < hi else ""
    if before.lower() in column("pronouns") and m.first - 2 >= lo and speech_word(toks[m.first - 2].text):
        before = toks[m.first - 2].text  # "сказал он «Интерфаксу»": the verb's subject stands between
    if quoting_verb(before) or quoting_verb(after):
        return m._replace(relays=True)  # "передает ТАСС", "ТАСС передает"
    if any(_relay_word(toks, k, m.first) for k in range(max(lo, m.first - 3), m.first)):
        return m._replace(relays=True, subject=False)  # "по данным Reuters", "со ссылкой на ТАСС"
    if any("ссылка" in lemmas(toks[k].text) for k in range(m.last + 1, min(hi, m.last + 3))):
        return m._replace(relays=True)  # "сообщает «Интерфакс» со ссылкой на источник": the source speaks
    if before and speech_word(before) and _addressed(before, m.head):
        return m._replace(relays=True, subject=False)  # "сказали ТАСС", "сообщил РБК"
    if after and speech_word(after) and plural_verb(after) and not _plural_noun(m.head):
        return m._replace(relays=True, subject=False)  # "РБК сообщили в пресс-службе"
    return m


def _relay_word(toks: Sequence[Span], k: int, first: int) -> bool:
    """A relay word at ``toks[k]`` with only lower-case words before the outlet at ``toks[first]``
    ("со ссылкой на ТАСС"; not "направил запрос представителю НОВАТЭКа. Газета отмечает")."""
    between = toks[k + 1 : first]
    return bool(lemmas(toks[k].text) & load("relay_words")) and all(
        t.text[:1].islower() or is_outlet(t.text) for t in between
    )


def quoting_verb(word: str) -> bool:
    return bool(word) and bool(lemmas(word) & load("quoting_verbs"))


def _addressed(verb: str, head: str) -> bool:
    """Is an outlet named by ``head`` right after the speech verb ``verb`` its addressee: a name after
    a verb in the past or the plural ("сказали ТАСС", "сообщил РБК"; not "пишет The Washington
    Post"), a common noun in the dative only ("рассказал изданию"; not "отметило издание")?"""
    if head[:1].islower() and is_known(head):
        return has_case(head, "datv") and not has_case(head, "nomn")
    if has_case(head, "datv") and not has_case(head, "nomn") and is_known(head):
        return True  # "Интерфаксу"
    return _past_or_plural(verb)


@lru_cache(maxsize=CACHE_SIZE)
def _past_or_plural(verb: str) -> bool:
    forms = [p for p in parses(verb) if p.tag.POS == "VERB"]
    return bool(forms) and all("past" in p.tag or "plur" in p.tag for p in forms)


@lru_cache(maxsize=CACHE_SIZE)
def plural_verb(verb: str) -> bool:
    """A plural verb form ("сообщили", "заявляют")."""
    forms = [p for p in parses(verb) if p.tag.POS == "VERB"]
    return bool(forms) and all("plur" in p.tag for p in forms)


@lru_cache(maxsize=CACHE_SIZE)
def _plural_noun(word: str) -> bool:
    """A plural subject ("«Ведомости» сообщили"), not an addressee in the dative ("«Ведомостям»")."""
    nouns = [p for p in parses(word) if p.tag.POS == "NOUN"]
    return bool(nouns) and all("plur" in p.tag for p in nouns) and any("nomn" in p.tag for p in nouns)
