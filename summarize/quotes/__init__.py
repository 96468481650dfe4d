"""Attributed quotations in Russian news: :func:`extract_quotes`.

The whole text is read once, left to right, by the stages of this package:

1. :mod:`.marks` pairs the quotation marks per paragraph (``«»``, ``„“``, ``“”``, straight
   ``"``); :mod:`.document` holds the text's paragraphs, words, pairs and sentence bounds;
2. every top-level pair, every dash-led line (``— Q, — сказал X.``) and every paragraph
   after "X прокомментировал:" (:mod:`.paragraphs`) becomes a candidate;
3. :mod:`.layouts` reads the author's words around a pair (``«Q», — заявил X``,
   ``X заявил: «Q»``, ``по словам X``, an interrupted quote, a lost closing mark) for a
   speech cue (:mod:`.cues`), and :mod:`.decide` keeps the pair as a quotation or
   drops it as a name (``газета «Труд»``, the signs of a name in :mod:`.naming`);
4. :mod:`.attribution` chooses each quote's speaker among the entities of :mod:`.entities`:
   the mentions of :mod:`.mentions` (:mod:`.persons`, :mod:`.roles`, built from the word kinds
   of :mod:`.kinds`), resolved by :class:`.people.People` to a nominative name (:mod:`.names`).

Steps 3 and 4 weigh named evidence with two learned linear models (:mod:`.model`, trained by
``benchmarks/train_quotes.py``); :mod:`.pipeline` runs the stages, and :func:`explain` shows
what each decision rested on.

Every step looks at a bounded window, so the time is linear in the length of the text.
"""

from __future__ import annotations

from ..checks import check_text
from ..records import Quotes
from .model import shipped
from .pipeline import Decision, explain, extract

__all__ = ["Decision", "explain", "extract_quotes"]


def extract_quotes(text: str) -> Quotes:
    """Every quotation in ``text`` with who said it, in document order.

    Returns a :class:`~summarize.records.Quotes` of :class:`~summarize.records.Quote`:
    the quoted words without their marks (``text[q.start:q.stop] == q.text``), the
    speaker's canonical nominative name (or None), the spans of the speaker's
    mention and of the speech cue, and the type: ``"direct"``, ``"partial"``,
    ``"block"`` or ``"dash"``.  A non-``str`` raises ``TypeError``; no other input
    raises, and the time is linear in the length of the text.

    >>> q = extract_quotes("«Мы готовы к переговорам», — заявил Дмитрий Песков.")[0]
    >>> q.text, q.speaker, q.cue.text, q.type
    ('Мы готовы к переговорам', 'Дмитрий Песков', 'заявил', 'direct')
    >>> [q.speaker for q in extract_quotes("Министр Сергей Лавров заявил: «Мы ответим на эти санкции». "
    ...                                     "По словам Лаврова, «ответ будет симметричным».")]
    ['Сергей Лавров', 'Сергей Лавров']
    """
    check_text(text)
    return extract(text, shipped())
