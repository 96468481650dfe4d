"""From each quote to its speaker: the text's entities weighed by the learned ``speaker`` model.

For every quote the candidates are the entities the text names (:mod:`.entities`), the
previous quote's speaker and nobody.  Each gets named evidence: where its mentions stand
(``before:same_sentence``, ``after:paragraphs:1``), how a speech cue ties it to the quote
(``primary``: the subject of the cue the layout found, "«Q», — сказал Косанов";
``cue@prev``: of a cue in the sentence before; ``primary:ante0``: the person a pronoun or
a bare role in the cue points back to, "— сказал он"; ``holder_next``: the person named right
after a cue's role), continuity (``previous``), what the old hand rules answered (``rule``) and
what kind of name it is.  The best score wins; its lead over the runner-up (or the layout that
named the speaker) gives ``Quote.speaker_confidence`` through :class:`.model.Confidence`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import islice

from ..lexicon import tagged
from ..punct import SPACES
from ..records import Quote, Span
from ..text import TOKEN
from .agreement import gender_clash
from .candidates import Candidate
from .cues import Cue, clause_cues
from .document import WINDOW, Doc
from .entities import PARAGRAPHS_AFTER, PARAGRAPHS_BEFORE, Entities, Entity, resolve, same_speaker
from .kinds import Mention
from .model import MARGIN_CAP, Features, QuoteModel
from .outlets import plural_verb
from .referents import names_holder, points_back
from .roles import place_only, plural_head
from .speech import past_gender
from .turns import Turn

MAX_CUES = 3
"""Cues read in each piece of the author's text around a quote."""


@dataclass
class Option:
    """One possible speaker of a quote, the evidence for it, and what ties it to the quote."""

    name: str | None
    features: Features
    mention: Mention | None = None
    cue: Span | None = None


def attribute(
    doc: Doc,
    quotes: Sequence[Candidate],
    model: QuoteModel,
    trace: list[list[tuple[float, Option]]] | None = None,
    margins: list[tuple[str, float]] | None = None,
    given: Mapping[tuple[int, int], Quote] | None = None,
) -> list[Quote]:
    """The records of ``quotes`` (kept candidates in text order), each with its best-scored speaker.

    With a ``trace`` list, each quote's candidates are appended to it, scored, best first (an empty
    list when the quote's layout names its speaker and no model is asked); with a ``margins`` list,
    how each speaker was chosen: the route and the chosen score's lead over the next best.  Records
    ``given`` by span are taken as they are."""
    entities: Entities | None = None
    out: list[Quote] = []
    previous: str | None = None
    previous_stop = 0
    for c in quotes:
        known = given.get((c.start, c.stop)) if given is not None else None
        if known is not None:
            if known.speaker is not None:
                previous, previous_stop = known.speaker, c.stop
            if trace is not None:
                trace.append([])
            if margins is not None:
                margins.append(("given", MARGIN_CAP))
            out.append(known)
            continue
        named = named_by_cue(doc, c)
        if named is not None:
            route = "turn" if isinstance(c, Turn) else c.cue.mention.kind  # type: ignore[union-attr]
            best, margin = Option(named, {"primary": 1.0}, c.cue.mention if c.cue else None), MARGIN_CAP
            previous, previous_stop = named, c.stop
            if trace is not None:
                trace.append([])
        else:
            if entities is None:
                entities = Entities(doc, (q.start for q in quotes))
            found = options(doc, entities, c, previous, previous_stop)
            scores = [model.speaker.score(option.features) for option in found]
            k = max(range(len(found)), key=scores.__getitem__)
            best, route = found[k], "model"
            if trace is not None:
                trace.append(sorted(zip(scores, found), key=lambda item: -item[0]))
            if _unnamed(c) and not _tied(best.features):
                # "Керенского называли «…»": no cue names anybody, nothing ties the best to the quote
                best, k = found[-1], len(found) - 1
            margin = scores[k] - max(
                (x for i, x in enumerate(scores) if i != k), default=scores[k] - MARGIN_CAP
            )
            best = _named(doc, c, best)
            if best.name is not None:
                previous, previous_stop = best.name, c.stop
        if margins is not None:
            margins.append((route, margin))
        confidence = model.confidence.of(route, margin) if model.confidence is not None else None
        out.append(_record(doc, c, best, confidence))
    return _same_words_same_speaker(out)


def _named(doc: Doc, c: Candidate, best: Option) -> Option:
    """The chosen option with the name a database would keep and the words that point to it."""
    if best.name is None and c.cue is not None:
        # nobody resolved: still show the words that point to the speaker ("— сказал он")
        return Option(None, best.features, c.cue.mention, c.cue.cue)
    if "primary" in best.features and c.cue is not None and c.cue.mention is not None:
        if c.cue.mention.kind == "person":
            # the cue read the name in the case it governs ("в заявлении Гелетея" -> "Гелетей")
            return replace(best, name=resolve(doc, c.cue.mention, c.start) or best.name)
    elif best.name is not None and "entity:person" in best.features:
        return replace(best, name=doc.people.full_name(best.name))  # the fullest name the text gives
    return best


def named_by_cue(doc: Doc, c: Candidate) -> str | None:
    """The speaker when the quote's own layout names a person or an organisation: the turn of a
    transcript or an interview, or a cue whose subject is a name ("«Q», — сказал Косанов",
    "по словам Минобороны").  Across the cross-validation folds the learned model agreed with this
    rule on 99% of such quotes and was not more often right, so these quotes skip the model."""
    if c.cue is None or c.cue.mention is None:
        return None
    if isinstance(c, Turn) or c.cue.mention.kind in ("person", "org"):
        return _rule_speaker(doc, c)
    return None


def _record(doc: Doc, c: Candidate, best: Option, confidence: float | None) -> Quote:
    """The quote record of ``c`` given the chosen speaker and what ties it to the quote."""
    m = best.mention
    mention = None if m is None else Span(doc.text[m.start : m.stop], m.start, m.stop)
    cue = best.cue
    if c.cue is not None and c.cue.cue is not None and _own_cue(best.features):
        cue = c.cue.cue  # the speaker came by the quote's own cue: report that one
    return Quote(doc.text[c.start : c.stop], c.start, c.stop, best.name, mention, cue, c.type, confidence)


def _antecedents(doc: Doc, m: Mention) -> list[str]:
    """:meth:`People.antecedents` of a cue's mention where it stands, once (nearby quotes share cues)."""
    key = ("antecedents", m.start, m.stop)
    found = doc.memo.get(key)
    if not isinstance(found, list):
        found = doc.memo[key] = doc.people.antecedents(m, m.start)
    return found


def _unnamed(c: Candidate) -> bool:
    """Does the quote's own speech cue have no subject ("называли «…»", not "говорится в сообщении")?"""
    return c.cue is not None and c.cue.cue is not None and c.cue.mention is None and not c.cue.document


def _by_cue(name: str) -> bool:
    """Is ``name`` evidence that a speech cue around the quote points to the candidate?"""
    return name in ("primary", "rule") or name.startswith(("primary:", "cue@"))


def _tied(features: Features) -> bool:
    """Is a candidate tied to the quote by a speech cue or by continuity, not only by being near?"""
    return any(_by_cue(n) or n == "previous" for n in features)


def _speaks(features: Features) -> bool:
    """Is a candidate the subject of a clause around the quote or tied to it by a cue?"""
    return any(
        _by_cue(n) or n in ("before:same_sentence&subject", "after:same_sentence&subject") for n in features
    )


def _own_cue(features: Features) -> bool:
    return "primary" in features or "rule" in features or any(n.startswith("primary:") for n in features)


def options(
    doc: Doc, entities: Entities, c: Candidate, previous: str | None, previous_stop: int
) -> list[Option]:
    """Every candidate speaker of ``c`` with its evidence; the last one is nobody."""
    layout = next((name[7:] for name in c.features if name.startswith("layout:")), c.kind)
    common = {f"layout:{layout}": 1.0, f"type:{c.type}": 1.0}
    relations = list(_relations(doc, c))
    primary = c.cue.mention if c.cue is not None else None
    verb_gender = _cue_gender(c.cue.cue) if c.cue is not None else None
    rule = _rule_speaker(doc, c)
    sentence = (doc.sentence_start(c.start), doc.sentence_stop(max(c.start, c.stop - 1)))
    line = bisect.bisect_right(doc.line_starts, c.start) - 1
    pointing: dict[int, list[str]] = {}  # whom the cues' pronouns and bare roles may point back to
    resolved: dict[int, list[str]] = {}  # and whom the text's people resolve them to
    for _, _, cue in relations:
        m = cue.mention
        if m is not None and m.kind in ("pron", "role") and m.start not in pointing:
            pointing[m.start] = entities.pointed(m)
            resolved[m.start] = _antecedents(doc, m)
    if primary is not None and primary.kind in ("pron", "role") and primary.start not in pointing:
        pointing[primary.start] = entities.pointed(primary)
        resolved[primary.start] = _antecedents(doc, primary)
    roles = [
        (label, cue.mention) for label, _, cue in relations if cue.mention and cue.mention.kind == "role"
    ]
    if primary is not None and primary.kind == "role":
        roles.append(("primary", primary))
    barred = entities.barred(primary, previous, rule)
    # "По словам парламентария" after a resident spoke: a role the previous speaker was never named with
    other_role = previous is not None and entities.other_role(primary, previous)
    out: list[Option] = []
    for entity in entities.by_name.values():
        option = _entity_option(doc, entities, entity, c, common, sentence, line)
        if option is None or entity.name in barred:
            continue
        for label, m in roles:
            if any(e.kind == "person" and names_holder(doc.text, m, e) for e in entity.mentions):
                option.features[f"{label}:holder_next"] = option.features["holder_next"] = 1.0
        _tie(option, entity.name, set(entity.starts), c, relations, primary, pointing, layout)
        _tie(option, entity.name, set(), c, relations, primary, resolved, layout, "resolved")
        f = option.features
        if _previous(f, entity.name, previous, other_role, layout) and c.start - previous_stop < WINDOW:
            f["previous:near"] = 1.0
        if rule is not None and same_speaker(rule, entity.name):
            f["rule"] = f[f"rule&layout:{layout}"] = 1.0
        if "person" in entity.kinds():
            gender_clash(f, verb_gender, entity.name)
        out.append(option)
    known = {o.name for o in out}
    extra = [(rule, "rule"), (previous, "previous")]
    extra.extend((name, "antecedent") for ranked in resolved.values() for name in ranked[:1])
    for name, source in extra:
        if name is not None and not any(same_speaker(name, k) for k in (*known, *barred)):
            f = dict(common)
            f[f"only:{source}"] = 1.0
            if rule is not None and same_speaker(rule, name):
                f["rule"] = f[f"rule&layout:{layout}"] = 1.0
            _previous(f, name, previous, other_role, layout)
            gender_clash(f, verb_gender, name)  # "назвал" is not the lawyer who spoke before, Анна
            option = Option(name, f)
            _tie(option, name, set(), c, relations, primary, pointing, layout)
            _tie(option, name, set(), c, relations, primary, resolved, layout, "resolved")
            if source == "rule" and option.mention is None:
                option.mention, option.cue = primary, c.cue.cue if primary is not None and c.cue else None
            out.append(option)
            known.add(name)
    f = {f"none&{name}": 1.0 for name in common}
    f["none"] = 1.0
    if c.cue is not None and c.cue.cue is not None and primary is None and not c.cue.document:
        f["none&cue_without_subject"] = 1.0  # "называли «…»": the cue names nobody
    if not any(_speaks(o.features) for o in out):
        f["none&nobody_speaks"] = 1.0  # "Керенского называли «…»": nobody named is a subject near the quote
    if primary is not None:
        f[f"none&cue:{primary.kind}"] = 1.0
    if rule is None:
        f["none&rule"] = 1.0
    f[f"none&named:{min(len(entities.by_name), 3)}"] = 1.0
    out.append(Option(None, f))
    return out


def _previous(f: dict[str, float], name: str, previous: str | None, other_role: bool, layout: str) -> bool:
    """Mark ``name`` as the previous quote's speaker, if it is (True then); ``other_role``: the cue's role
    is one the previous speaker was never named with."""
    if previous is None or not same_speaker(previous, name):
        return False
    f["previous"] = f[f"previous&layout:{layout}"] = 1.0
    if other_role:
        f["previous:other_role"] = 1.0
    return True


def _tie(
    option: Option,
    name: str,
    starts: set[int],
    c: Candidate,
    relations: Sequence[tuple[str, int, Cue]],
    primary: Mention | None,
    pointing: dict[int, list[str]],
    layout: str,
    how: str = "ante",
) -> None:
    """Evidence that a speech cue around the quote names ``name``: as the cue's own mention
    (``cue@prev``, ``primary``), or as whom its pronoun or bare role points back to (``primary:ante0``)."""
    f = option.features
    for label, k, cue in relations:
        m = cue.mention
        if m is None:
            continue
        if m.start in starts:
            kind = "document" if cue.document else "strong" if cue.strong else "weak"
            f[f"cue@{label}"] = f[f"cue@{label}:{kind}"] = 1.0
            if k == 0:
                f[f"cue@{label}:nearest"] = 1.0
            option.mention, option.cue = option.mention or m, option.cue or cue.cue
        else:
            r = _rank(name, pointing.get(m.start, ()))
            if r is not None:
                f[f"cue@{label}:{how}{r}"] = 1.0
    if primary is None:
        return
    if primary.start in starts:
        f["primary"] = f[f"primary&layout:{layout}"] = 1.0
        option.mention, option.cue = primary, c.cue.cue if c.cue else None
        return
    r = _rank(name, pointing.get(primary.start, ()))
    if r is not None:
        f[f"primary:{how}{r}"] = f[f"primary:{how}{r}&{primary.kind}"] = 1.0
        option.mention, option.cue = primary, c.cue.cue if c.cue else None


def _rank(name: str, ranked: Sequence[str]) -> int | None:
    return next((r for r, other in enumerate(ranked) if same_speaker(other, name)), None)


def _entity_option(
    doc: Doc,
    entities: Entities,
    entity: Entity,
    c: Candidate,
    common: Features,
    sentence: tuple[int, int],
    line: int,
) -> Option | None:
    """An entity as a candidate speaker: where its mentions stand around the quote, and what it is;
    None if it is named only further than :data:`~.entities.PARAGRAPHS_BEFORE` paragraphs away."""
    starts = entity.starts
    k = bisect.bisect_left(starts, c.start)
    j = bisect.bisect_left(starts, c.stop)
    if not (
        (k > 0 and line - _line(doc, starts[k - 1]) <= PARAGRAPHS_BEFORE)
        or (j < len(starts) and _line(doc, starts[j]) - line <= PARAGRAPHS_AFTER)
    ):
        return None
    if all(m.outlet and m.relays for m in entity.mentions):
        return None  # the quoting outlet is never the speaker ("сказал он «Интерфаксу»")
    f = dict(common)
    kinds = entity.kinds()
    f["entity:person" if "person" in kinds else "entity:role" if "role" in kinds else "entity:org"] = 1.0
    outlets = [m for m in entity.mentions if m.outlet]
    if outlets:
        f["entity:outlet"] = 1.0
        if all(m.relays for m in outlets):
            f["entity:relays"] = 1.0
    count = len(entity.mentions)
    f[f"mentions:{min(count, 3)}"] = 1.0
    if entities.most_named == entity.name:
        f["most_named"] = 1.0
    nearest = None
    if k > 0:
        m = entity.mentions[k - 1]
        nearest = m
        paragraphs = line - _line(doc, m.start)
        _beside(f, "before", m, c.start - m.stop, paragraphs, m.start >= sentence[0])
    if j < len(starts):
        m = entity.mentions[j]
        if nearest is None or m.start - c.stop < c.start - nearest.stop:
            nearest = m
        paragraphs = _line(doc, m.start) - line
        _beside(f, "after", m, m.start - c.stop, paragraphs, m.start <= sentence[1] + 2)
    return Option(entity.name, f, nearest, None)


def _beside(f: Features, side: str, m: Mention, chars: int, paragraphs: int, same_sentence: bool) -> None:
    """The evidence of an entity's nearest mention on one ``side`` of the quote ("before", "after")."""
    f[f"{side}:{_distance(chars)}"] = 1.0
    f[f"{side}:paragraphs:{min(2, paragraphs)}"] = 1.0
    subject = m.subject and not m.prep
    if subject:
        f[f"{side}:subject"] = 1.0
    if same_sentence:
        f[f"{side}:same_sentence"] = 1.0
        f[f"{side}:same_sentence&" + ("subject" if subject else "object")] = 1.0


def _distance(chars: int) -> str:
    return "near" if chars < 60 else "close" if chars < 200 else "far" if chars < 600 else "distant"


def _line(doc: Doc, pos: int) -> int:
    return bisect.bisect_right(doc.line_starts, pos) - 1


def _relations(doc: Doc, c: Candidate) -> Iterator[tuple[str, int, Cue]]:
    """The cues of the author's words around ``c``: ``(where, rank in that piece, cue)``.

    Pieces: the quote's own sentence before and after it, and the sentence before (the sentence
    after was tried as well: it did not help the cross-validated accuracy).
    """
    open_ = c.pair.open if c.pair is not None else c.start
    close = c.pair.close + 1 if c.pair is not None else c.stop
    start = doc.sentence_start(open_)
    stop = doc.sentence_stop(max(close - 1, open_))
    pieces = []
    if start < open_:
        pieces.append(("before", start, open_, False))
    if close < stop:
        pieces.append(("after", close, stop, True))
    previous = _sentence_before(doc, start)
    if previous is not None:
        pieces.append(("prev", *previous, False))
    for label, a, b, after in pieces:
        lo, hi = doc.tok_range(a, b)
        if hi <= lo:
            continue
        key = ("cues", lo, hi, after, len(doc.hidden))
        found = doc.memo.get(key)
        if not isinstance(found, list):
            found = doc.memo[key] = list(islice(clause_cues(doc, lo, hi, after, nouns=True), MAX_CUES))
        cue: Cue
        for k, cue in enumerate(found):
            yield label, k, cue


def _sentence_before(doc: Doc, start: int) -> tuple[int, int] | None:
    text = doc.text
    k = start - 1
    while k > 0 and (text[k].isspace() or text[k] in SPACES):
        k -= 1
    if k <= 0 or text[k + 1 : start].count("\n") > 2:
        return None
    return doc.sentence_start(k), k + 1


def _rule_speaker(doc: Doc, c: Candidate) -> str | None:
    """The speaker the hand rules give the quote's own cue: its mention resolved, a role's holder or
    the person last named, a document's issuer."""
    if c.cue is None:
        return None
    people = doc.people
    m = c.cue.mention
    if m is None:
        if c.cue.document:
            # "«Q», — говорится в сообщении": the organisation whose statement the text quotes
            issuer = doc.memo.get(("issuer",))
            if isinstance(issuer, str):
                return issuer
            org = people.last_org(c.start)
            return resolve(doc, org, c.start) if org is not None else None
        return None
    if c.cue.document and m.kind == "org":
        doc.memo[("issuer",)] = people.resolve(m, c.start)  # "в сообщении Минобороны Казахстана"
    if m.kind == "role" and not plural_head(m.head):
        speaker = people.holder_name(m, c.start)
        # "российский президент" is the one of Russia the text named, not the last actor (of Turkey);
        # "тренер теннисиста" is not the tennis player
        anaphoric = m.role in tagged("role_nouns", "anaphoric") and points_back(m)
        if speaker is None and anaphoric and not (m.org and place_only(m.org)):
            speaker = people.last_actor(m, _cue_gender(c.cue.cue))
        if speaker is not None:
            return speaker
    # a plural verb's plural subject ("— указывали местные сотовые компании"), not a noun's owner
    plural = c.cue.cue is not None and plural_verb(c.cue.cue.text.split()[0])
    return people.resolve(m, c.start, subject=plural and not c.cue.document)


def _cue_gender(cue: Span | None) -> str | None:
    """The gender a past-tense cue verb demands of its subject ("отметила" -> "femn")."""
    return past_gender(cue.text.split()[0]) if cue is not None else None


def _same_words_same_speaker(quotes: list[Quote]) -> list[Quote]:
    """The same words quoted twice (a headline and the body): one speaker for all, the one a speech
    cue names if any ("Как отмечается в сообщении Минобороны, министры «…»"), else the first given."""

    def key(q: Quote) -> frozenset[str]:
        return frozenset(TOKEN.findall(q.text.lower()))

    keys = [key(q) for q in quotes]
    by_words: dict[frozenset[str], tuple[bool, Quote]] = {}
    for q, words in zip(quotes, keys):
        if q.speaker:
            cued = q.cue is not None
            known = by_words.get(words)
            if known is None or (cued and not known[0]):
                by_words[words] = (cued, q)
    out = []
    for q, words in zip(quotes, keys):
        known = by_words.get(words)
        if (
            known is not None
            and q.speaker != known[1].speaker
            and (q.speaker is None or (known[0] and q.cue is None))
        ):
            q = replace(q, speaker=known[1].speaker, speaker_confidence=known[1].speaker_confidence)
        out.append(q)
    return out
