"""Interviews: an introduction naming who answers, then questions and dash-led answers.

"Корреспондент «Медузы» поговорил с Валерией Касамарой …" or "… рассказал в интервью «Газете.Ru»
глава X Имя Фамилия" introduces the interviewee; then either both sides speak in dash-led
paragraphs ("— Почему вы так поступили?" / "— Для меня это было естественно."), the questions
ending with "?" and the turns alternating, or the questions are paragraphs of their own ending with
"?" (set in bold on the page) and only the answers are dash-led.  Each answer is a ``dash`` quote
of the interviewee; a paragraph with no dash after an answer continues it (its own item, speaker
carried over); the questions are left out.

Evidence: a word of interview in the introduction with one person it points to, questions ending
with "?" where the layout puts them, and no dialogue line with the author's words ("— Q, — сказал
X") among the dash-led paragraphs: that is a reportage, read by :mod:`.paragraphs`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import load, tagged
from ..morph import lemmas
from ..text import tokens, trim
from .candidates import Candidate
from .cues import Cue
from .document import Doc, skip_space
from .kinds import Mention
from .turns import Turn, dash_led, first_person, heading, question

INTRO_PARAGRAPHS = 3
"""How many paragraphs before the first question may introduce the interview."""
MAX_GAP = 8
"""How many paragraphs without a dash may stand between two dash-led ones of one interview."""
MAX_TRAILING = 5
"""How many paragraphs after the last answer may continue it (in the first person)."""


def interview_answers(doc: Doc, dialogue: Sequence[Candidate]) -> list[Turn]:
    """The answers of the interviews in ``doc``; ``dialogue``: the dialogue lines found already."""
    text = doc.text
    dashed = [n for n, (s, e) in enumerate(doc.lines) if dash_led(text, s, e)]
    if len(dashed) < 2:
        return []
    said = {doc.line_of(c.start)[0] for c in dialogue}
    out: list[Turn] = []
    for run in _runs(dashed):
        if any(doc.lines[n][0] in said for n in run):
            continue  # a reportage with the author's words between the lines
        out.extend(_answers(doc, run))
    return out


def _runs(dashed: Sequence[int]) -> list[list[int]]:
    """The dash-led paragraphs grouped into runs no more than :data:`MAX_GAP` paragraphs apart."""
    runs: list[list[int]] = []
    for n in dashed:
        if runs and n - runs[-1][-1] <= MAX_GAP + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return [r for r in runs if len(r) >= 2]


def _answers(doc: Doc, run: Sequence[int]) -> list[Turn]:
    text = doc.text
    lines = doc.lines
    asked = sum(question(text, *lines[n]) for n in run)
    dashed = set(run)
    before = [n - 1 for n in run if n - 1 not in dashed and not dash_led(text, *lines[n - 1]) and n > 0]
    bold = [n for n in before if question(text, *lines[n])]
    if asked == 0 and len(bold) >= 2:
        return _bold_answers(doc, run, set(bold))
    if asked == 0 or asked < len(bold):
        return []
    speaker = _interviewee(doc, run[0])
    if speaker is None:
        return []
    cue = Cue(speaker, None, strong=False)
    out: list[Turn] = []
    role = "A"
    questions = plain = 0
    for k in range(run[0], min(len(lines), run[-1] + 1 + MAX_TRAILING)):
        s, e = lines[k]
        if k in dashed:
            if question(text, s, e) or role != "Q":
                role = "Q"
                questions += 1
                plain += not question(text, s, e)
                continue
            role = "A"
            a = skip_space(text, skip_space(text, s, e) + 1, e)
            a, b = trim(text, a, e)
            if b > a:
                out.append(Turn(a, b, "dash", cue, "dash"))
            continue
        if role != "A" or not _continues(doc, k, run[-1]):
            if k > run[-1]:
                break
            continue
        a, b = trim(text, s, e)
        out.append(Turn(a, b, "dash", cue, "dash", carried=True))
    if 2 * plain > questions:
        return []  # most "questions" are statements: the alternation is not an interview's
    return out


def _bold_answers(doc: Doc, run: Sequence[int], asked: set[int]) -> list[Turn]:
    """Questions as paragraphs of their own before the dash-led answers."""
    text = doc.text
    lines = doc.lines
    speaker = _interviewee(doc, min(asked))
    if speaker is None:
        return []
    cue = Cue(speaker, None, strong=False)
    dashed = set(run)
    out: list[Turn] = []
    answering = False
    for k in range(min(asked), min(len(lines), run[-1] + 1 + MAX_TRAILING)):
        s, e = lines[k]
        if k in dashed:
            answering = True
            a = skip_space(text, skip_space(text, s, e) + 1, e)
            a, b = trim(text, a, e)
            if b > a:
                out.append(Turn(a, b, "dash", cue, "dash"))
        elif k + 1 in dashed or k in asked:
            answering = False  # the question before an answer
        elif answering and _continues(doc, k, run[-1]):
            a, b = trim(text, s, e)
            out.append(Turn(a, b, "dash", cue, "dash", carried=True))
        elif k > run[-1]:
            break
    return out


def _continues(doc: Doc, k: int, last: int) -> bool:
    """May paragraph ``k`` (no dash) continue the answer before it?  After the interview's last
    dash-led paragraph only in the first person."""
    text = doc.text
    s, e = doc.lines[k]
    a, b = trim(text, s, e)
    if b <= a or text[b - 1] == ":" or heading(text, s, e) or question(text, s, e):
        return False
    return k < last or first_person(doc, a, b)


def _interviewee(doc: Doc, first: int) -> Mention | None:
    """The person the paragraphs before paragraph ``first`` introduce as the one who answers."""
    for n in range(first - 1, max(-1, first - 1 - INTRO_PARAGRAPHS), -1):
        found = _introduced(doc, *doc.lines[n])
        if found is not None:
            return found
    return None


def _introduced(doc: Doc, s: int, e: int) -> Mention | None:
    """The interviewee a paragraph names next to a word of interview, if exactly one."""
    text = doc.text
    words = tokens(text, s, e)
    ms = [m for m in doc.people.mentions_between(s, e) if m.kind in ("person", "role") and not m.outlet]
    askers = load("interviewer_words")
    for i in range(len(words) - 1, -1, -1):
        lemma = _interview_lemma(words[i].text)
        if lemma is None:
            continue
        a, b = doc.sentence_start(words[i].start), doc.sentence_stop(words[i].start)
        near = [m for m in ms if a <= m.start < b and m.role not in askers]
        if lemma in tagged("interview_words", "with"):
            partner = [m for m in near if m.start > words[i].start and _after_with(text, m)]
            if partner:
                return partner[0]
        subjects = {doc.people.resolve(m, m.start): m for m in near if m.subject and not m.prep}
        if len(subjects) == 1:
            return next(iter(subjects.values()))
    return None


def _interview_lemma(word: str) -> str | None:
    found = lemmas(word) & load("interview_words")
    return min(found) if found else None


def _after_with(text: str, m: Mention) -> bool:
    """Does "с" or "со" stand right before the mention ("поговорил с Валерией Касамарой")?"""
    before = text[max(0, m.start - 4) : m.start].split()
    return bool(before) and before[-1].lower() in ("с", "со")
