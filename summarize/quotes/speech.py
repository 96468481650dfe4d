"""Who the text makes speak: speech verbs beside a mention, and the gender a past-tense verb tells.

"— сказал Соколов", "Соколов заявил", "по словам Соколова", "заявление Мутко": each makes its
person speak, which ranks them first among those a pronoun or a bare role may point back to.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import load, tagged
from ..morph import CACHE_SIZE, is_verbal, lemmas, normalize_word, parses
from .kinds import Mention, has_lemma, may_be


@lru_cache(maxsize=CACHE_SIZE)
def past_gender(word: str) -> str | None:
    """The gender of a past-tense verb form ("направила" -> "femn"), None for another word."""
    genders = {g for p in parses(word) if p.tag.POS == "VERB" for g in ("masc", "femn") if g in p.tag}
    return genders.pop() if len(genders) == 1 else None


_SPEECH_AFTER = re.compile(r"[\s,]*(\w+)")
_SPEECH_BEFORE = re.compile(r"(\w+)\s+(\w+)[\s,]*$")
_INSERTED = re.compile(r",\s*(\w+)[^,.;:!?«»\n]{0,60},\s*(\w+)")


def speaks(text: str, m: Mention) -> bool:
    """Does the text make ``m`` speak: a speech verb right beside it ("— сказал Соколов", "Соколов
    заявил"), "по словам"/"по мнению" or a noun of speech before it ("заявление Мутко")?

    >>> from summarize.quotes.mentions import find_mentions
    >>> from summarize.text import tokens
    >>> text = "Об этом сказал Соколов, а Петров промолчал."
    >>> [speaks(text, m) for m in find_mentions(text, tokens(text))]
    [True, False]
    """
    after = _SPEECH_AFTER.match(text, m.stop, min(len(text), m.stop + 30))
    if after is not None and speech_word(after.group(1)):
        return True
    # "Николай Линченко, курирующий строительство, заявил": past a participle's clause
    inserted = _INSERTED.match(text, m.stop, min(len(text), m.stop + 90))
    if inserted is not None and _opens_clause(inserted.group(1)) and speech_word(inserted.group(2)):
        return True
    before = _SPEECH_BEFORE.search(text, max(0, m.start - 40), m.start)
    if before is None:
        return False
    if normalize_word(before.group(1)) == "по" and lemmas(before.group(2)) & tagged("cue_nouns", "according"):
        return True
    return speech_word(before.group(2)) or bool(lemmas(before.group(2)) & load("cue_nouns"))


@lru_cache(maxsize=CACHE_SIZE)
def _opens_clause(word: str) -> bool:
    """A participle or "который" opening a clause inside the sentence ("курирующий", "которая")."""
    return any(p.tag.POS == "PRTF" or p.normal_form == "который" for p in parses(word))


@lru_cache(maxsize=CACHE_SIZE)
def speech_word(word: str) -> bool:
    """Is ``word`` a finite form of a speech verb ("сказали", "пишет")?"""
    return may_be(word, "speech_verbs") and any(
        p.tag.POS == "VERB" and p.normal_form.replace("ё", "е") in load("speech_verbs") for p in parses(word)
    )


@lru_cache(maxsize=CACHE_SIZE)
def speech_noun(word: str) -> bool:
    """Is ``word`` a noun of reported speech ("заявлении", "комментарий", "слова"), not a verb?"""
    return has_lemma(word, "cue_nouns") and not is_verbal(word)
