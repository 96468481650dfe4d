"""Train the quotation models and measure them by document-level cross-validation.

    python benchmarks/train_quotes.py             # table from the annotated texts -> model
    python benchmarks/train_quotes.py --cv        # 5-fold cross-validation by document
    python benchmarks/train_quotes.py --check     # refit from the stored table; compare with the model

The annotated documents (``benchmarks/quote_folds.py``: ``../shared/data/quotes/train.jsonl``
and ``data/quotes_dev.jsonl``) are turned into a *table*: one row per candidate pair of
marks (its evidence, and whether it matches a gold quote: word-set Jaccard >= 0.5, as the
scorer counts) and one row per candidate speaker of every gold-matched quote (its evidence,
and whether the scorer would accept its name).  Two logistic regressions (scikit-learn,
lbfgs, L2) learn the ``keep`` and ``speaker`` weights from it, which are written as plain
numbers to ``summarize/data/quote_model.json``; ``extract_quotes`` applies them without
scikit-learn.  The table itself is stored in ``data/quotes/table.tsv.gz`` (numbers and feature
names, no text), so that the test suite can refit the model from it and check the shipped
file is what this script makes.

The speakers' confidence (``Quote.speaker_confidence``) is calibrated on out-of-fold choices:
each fold's quotes attributed by a model trained on the other four, their routes and margins
(:func:`margin_rows`) stored in ``data/quotes/margins.tsv`` for the same check.

``--cv`` trains on four folds and runs ``extract`` with that model on the fifth, for each
fold, and scores every prediction with the rules of ``../shared/tools/quotes_eval.py``;
fold 4 is sealed (its errors were never read), so it is shown on its own as well.  The
confidence of each fold's model is calibrated on its four training folds alone.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from quote_folds import FOLDS, READ_IN_SEALED, SEALED_FOLD, Document, load_documents  # noqa: E402
from quotes import Tally, looks_like_person, match, prf, right_speaker, same_name  # noqa: E402

from summarize.quotes.attribution import named_by_cue, options  # noqa: E402
from summarize.quotes.decide import is_screen_feature, mark_candidates  # noqa: E402
from summarize.quotes.document import Doc  # noqa: E402
from summarize.quotes.entities import Entities  # noqa: E402
from summarize.quotes.model import Confidence, Linear, QuoteModel, Rescue  # noqa: E402
from summarize.quotes.pipeline import extract, with_paragraphs  # noqa: E402

MODEL = ROOT / "summarize" / "data" / "quote_model.json"
TABLE = ROOT / "data" / "quotes" / "table.tsv.gz"
MARGINS = ROOT / "data" / "quotes" / "margins.tsv"
KEEP_C = 0.3
SPEAKER_C = 1.0
"""Inverse L2 strengths of the two regressions (chosen by cross-validation on folds 0-3)."""
KEEP_RULES = {
    "colon&said": 3.0,
    "colon&named": 3.0,
    "reported&sentence": 3.0,
    "naming&said": 3.0,
    "clause&said": 3.0,
}
"""Keep evidence whose weight is set, not learned.  ``colon&said`` is direct speech in its textbook
form, "Путин заявил: «…»" (a strong speech verb, the speaker named, a colon, the marks): 46 of the
47 such pairs in the annotated documents are quotations, but most are long, so a regression lets
the shape of a short one ("Это внутреннее дело нашей страны", capitalised, no terminal mark inside)
outweigh it.  ``reported&sentence`` is a clause with its verb in marks after "заявил, что" (three words
will do right after "что": "сказал, что «Россия не отступит»"): all 96 such pairs are quotations,
a few start with a name's capital ("что «Путин не планирует…»"), which the regression reads as a
title's.  ``naming&said`` is a word in small letters after "назвал",
"охарактеризовал" with the speaker named ("Зеленский назвал переговоры «конструктивными»"): 19 of 20
such pairs are quotes, and one word alone is too weak evidence for the regression.
``colon&named`` is the headline's form, a name and a colon without a verb, before marks that hold
one ("Кремль: «Путин не планирует встречу»"; not after a work's head noun, "Фильм Меньшова:"; 20
of 21).  ``clause&said`` is a clause with a verb (or a short adjective: "«союзники едины»") after a
comma and the author's words with a strong cue and its speaker ("По словам экспертов, «рынок
восстановится»"): 39 of 40 such pairs are quotes, the short ones too few to learn from.
The weight keeps every such pair that the screen lets through."""
KEEP_MARGIN = 1.0
"""Subtracted from the keep model's bias: a pair needs more evidence to be a quotation (a false
quote with a speaker harms a fact-checker more than a missed one; chosen on the CV table)."""
RESCUE_CONFIDENCE = 0.8
"""A pair scored within the keep margin below zero is kept when its speaker's confidence is at least
this (``Rescue``): such pairs are quotes more often than not when somebody is surely named as their
speaker (chosen on folds 0-3 among 0.7, 0.8, 0.9, 0.95)."""
CONFIDENCE_THRESHOLDS = (0.0, 0.5, 0.7, 0.8, 0.9)
"""The thresholds of ``Quote.speaker_confidence`` the cross-validation reports."""
SCREEN_PASSES = 0.995
"""The share of the training quotations the screen lets through (the rest is the price of speed)."""


# -- the table ---------------------------------------------------------------------------------------
@dataclass
class Row:
    task: str  # "keep" | "speaker"
    doc: str
    group: int  # the quote a speaker row belongs to (keep rows: the candidate's index)
    label: bool
    features: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        assert not any("=" in name or name.split() != [name] for name in self.features), self.features
        shown = " ".join(
            name if value == 1.0 else f"{name}={value:g}" for name, value in sorted(self.features.items())
        )
        return f"{self.task}\t{self.doc}\t{self.group}\t{int(self.label)}\t{shown}"

    @classmethod
    def parse(cls, line: str) -> Row:
        task, doc, group, label, shown = line.rstrip("\n").split("\t")
        features = {}
        for item in shown.split():
            name, _, value = item.partition("=")
            features[name] = float(value) if value else 1.0
        return cls(task, doc, int(group), label == "1", features)


def document_rows(document: Document) -> list[Row]:
    """The keep rows and the speaker rows of one annotated document."""
    text, gold = document.text, document.quotes
    doc = Doc(text)
    cands = mark_candidates(doc)
    pairs = match([g["quote"] for g in gold], [text[c.start : c.stop] for c in cands])
    matched = {j for _, j in pairs}
    rows = [Row("keep", document.doc, j, j in matched, c.features) for j, c in enumerate(cands)]
    # The speakers of the gold quotes, as the pipeline would see them if it had kept exactly those.
    quotes = with_paragraphs(doc, [cands[j] for j in sorted(matched)])
    pairs = match([g["quote"] for g in gold], [text[c.start : c.stop] for c in quotes])
    gold_of = {j: i for i, j in pairs}
    entities = Entities(doc, (c.start for c in quotes))
    previous: str | None = None
    previous_stop = 0
    for j, c in enumerate(quotes):
        if j not in gold_of:
            continue
        speaker = gold[gold_of[j]].get("speaker")
        found = options(doc, entities, c, previous, previous_stop)
        labels = [right_speaker(speaker, o.name) for o in found]
        if speaker and sum(labels) > 1 and any(same_name(speaker, o.name) for o in found):
            # the scorer takes "Виктор Бут" for "Алла Бут" (one surname): only the person is right
            labels = [same_name(speaker, o.name) for o in found]
        if named_by_cue(doc, c) is None:  # the others never reach the model
            rows.extend(Row("speaker", document.doc, j, label, o.features) for o, label in zip(found, labels))
        if speaker:
            # teacher forcing: the next quote sees the right speaker as the previous one
            previous = next((o.name for o, ok in zip(found, labels) if ok and o.name), speaker)
            previous_stop = c.stop
    return rows


def build_table(documents: Iterable[Document]) -> list[Row]:
    return [row for document in documents for row in document_rows(document)]


def write_table(rows: Sequence[Row], path: Path = TABLE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = "".join(row.line() + "\n" for row in rows).encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def read_table(path: Path = TABLE) -> list[Row]:
    return [Row.parse(line) for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()]


# -- fitting -----------------------------------------------------------------------------------------
def fit_linear(rows: Sequence[Row], c: float) -> Linear:
    """Logistic regression over the rows' named features, as a :class:`Linear` of plain numbers."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform([row.features for row in rows])
    y = [row.label for row in rows]
    regression = LogisticRegression(C=c, max_iter=5000, solver="lbfgs").fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 6) for n, w in zip(names, regression.coef_[0]) if round(float(w), 6)}
    return Linear(round(float(regression.intercept_[0]), 6), weights)


def fit(
    rows: Sequence[Row],
    about: dict | None = None,
    margin: float = KEEP_MARGIN,
    confidence: Confidence | None = None,
) -> QuoteModel:
    keep_rows = [r for r in rows if r.task == "keep"]
    learned = [
        Row(r.task, r.doc, r.group, r.label, {n: v for n, v in r.features.items() if n not in KEEP_RULES})
        for r in keep_rows
    ]
    keep = fit_linear(learned, KEEP_C)
    keep = Linear(round(keep.bias - margin, 6), {**keep.weights, **KEEP_RULES})
    speaker = fit_linear([r for r in rows if r.task == "speaker"], SPEAKER_C)
    rescue = Rescue(margin, RESCUE_CONFIDENCE) if margin > 0 else None
    return QuoteModel(keep, speaker, fit_screen(keep_rows), about or {}, confidence, rescue)


# -- confidence --------------------------------------------------------------------------------------
Margin = tuple[str, str, float, bool]
"""One gold-matched quote: its document, how its speaker was chosen (route), the margin, right?"""


def margin_rows(documents: Iterable[Document], model: QuoteModel) -> list[Margin]:
    """How ``model`` chose the speaker of every gold-matched quote of ``documents``, and if rightly."""
    out = []
    for d in documents:
        margins: list[tuple[str, float]] = []
        quotes = extract(d.text, model, margins)
        kept = [(q, m) for q, m in zip(quotes, margins) if q.text.strip()]
        for i, j in match([g["quote"] for g in d.quotes], [q.text for q, _ in kept]):
            (q, (route, value)) = kept[j]
            out.append((d.doc, route, round(value, 6), right_speaker(d.quotes[i].get("speaker"), q.speaker)))
    return out


def out_of_fold_margins(
    documents: Sequence[Document],
    rows: Sequence[Row],
    folds: Iterable[int],
    margin: float = KEEP_MARGIN,
    fitted: dict[frozenset[int], QuoteModel] | None = None,
) -> list[Margin]:
    """:func:`margin_rows` of each of ``folds`` from a model trained on the other ``folds``;
    ``fitted`` keeps the models by the folds they left out, for calls that share them."""
    folds = list(folds)
    fitted = {} if fitted is None else fitted
    out = []
    for k in folds:
        left_out = frozenset(range(FOLDS)) - set(folds) | {k}
        if left_out not in fitted:
            others = {d.doc for d in documents if d.fold not in left_out}
            fitted[left_out] = fit([r for r in rows if r.doc in others], margin=margin)
        out.extend(margin_rows([d for d in documents if d.fold == k], fitted[left_out]))
    return out


def fit_confidence(margins: Sequence[Margin]) -> Confidence:
    """Each named route's share of right speakers (add-one smoothed); a logistic curve of the
    model's margins."""
    from sklearn.linear_model import LogisticRegression

    named = {}
    for route in sorted({m[1] for m in margins} - {"model"}):
        right = [m[3] for m in margins if m[1] == route]
        named[route] = round((sum(right) + 1) / (len(right) + 2), 3)
    chosen = [m for m in margins if m[1] == "model"]
    curve = LogisticRegression(C=1.0, solver="lbfgs").fit([[m[2]] for m in chosen], [m[3] for m in chosen])
    return Confidence(named, round(float(curve.coef_[0][0]), 6), round(float(curve.intercept_[0]), 6))


def write_margins(margins: Sequence[Margin], path: Path = MARGINS) -> None:
    lines = [f"{doc}\t{route}\t{value!r}\t{int(right)}" for doc, route, value, right in margins]
    path.write_text("doc\troute\tmargin\tright\n" + "\n".join(lines) + "\n", encoding="utf-8")


def read_margins(path: Path = MARGINS) -> list[Margin]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        doc, route, value, right = line.split("\t")
        out.append((doc, route, float(value), right == "1"))
    return out


def fit_screen(rows: Sequence[Row]) -> Linear:
    """The keep regression on the cheap evidence only, its bias lowered to let through
    :data:`SCREEN_PASSES` of the training quotations."""
    cheap = [
        Row(r.task, r.doc, r.group, r.label, {n: v for n, v in r.features.items() if is_screen_feature(n)})
        for r in rows
    ]
    screen = fit_linear(cheap, KEEP_C)
    scores = sorted(screen.score(r.features) for r in cheap if r.label)
    floor = scores[int(len(scores) * (1 - SCREEN_PASSES))]
    return Linear(round(screen.bias - floor + 1e-6, 6), screen.weights)


def model_json(model: QuoteModel) -> str:
    return json.dumps(model.to_dict(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# -- scoring -----------------------------------------------------------------------------------------
def table_line(tally: Tally, name: str) -> str:
    """One line of the cross-validation table."""
    q = prf(tally.matched, tally.predicted, tally.gold)
    a = prf(tally.attributed, tally.predicted, tally.gold)
    accuracy = tally.attributed / tally.matched if tally.matched else 0.0
    return (
        f"| {name} | {tally.gold} | {q[0]:.3f} | {q[1]:.3f} | {q[2]:.3f} | {accuracy:.3f} "
        f"| {a[0]:.3f} | {a[1]:.3f} | {a[2]:.3f} |"
    )


def cross_validate(
    documents: Sequence[Document],
    rows: Sequence[Row],
    errors: Path | None = None,
    margin: float = KEEP_MARGIN,
) -> None:
    by_doc: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_doc[row.doc].append(row)
    tallies: dict[str, Tally] = defaultdict(Tally)
    chances: dict[str, list[tuple[float, bool, bool]]] = defaultdict(list)
    with_speaker: dict[str, int] = defaultdict(int)
    log: list[str] = []
    inner: dict[frozenset[int], QuoteModel] = {}
    for k in range(FOLDS):
        train = [row for d in documents if d.fold != k for row in by_doc[d.doc]]
        # the confidence is calibrated on the training folds alone: each scored by a model of the other three
        training_folds = [j for j in range(FOLDS) if j != k]
        margins = out_of_fold_margins(documents, rows, training_folds, margin, inner)
        model = fit(train, margin=margin, confidence=fit_confidence(margins))
        for d in documents:
            if d.fold != k:
                continue
            predicted = [q for q in extract(d.text, model) if q.text.strip()]
            if errors is not None and k != SEALED_FOLD:
                log.extend(_errors(d, predicted))
            keys = ["all", d.source, f"fold {k}", "unsealed" if k != SEALED_FOLD else "sealed"]
            if k == SEALED_FOLD and d.doc not in READ_IN_SEALED:
                keys.append("sealed, never read")
            if d.origin == "quotes_dev.jsonl":
                keys.append("quotes_dev")
            for key in keys:
                right = tallies[key].add(d.quotes, predicted)
                with_speaker[key] += sum(1 for g in d.quotes if g.get("speaker"))
                for j, ok in right.values():
                    q = predicted[j]
                    chances[key].append((q.speaker_confidence or 0.0, q.speaker is not None, ok))
    print(
        "| documents | gold quotes | quote P | quote R | quote F1 | speaker acc | attr P | attr R | attr F1 |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for key in (
        "all",
        "factrueval",
        "gazeta",
        "rbc",
        "quotes_dev",
        "unsealed",
        "sealed",
        "sealed, never read",
        *(f"fold {k}" for k in range(FOLDS)),
    ):
        print(table_line(tallies[key], key))
    t = tallies["all"]
    print()
    found = ", ".join(f"{k} {t.found_by_type[k]}/{n}" for k, n in sorted(t.gold_by_type.items()))
    print(f"recall by type: {found}")
    print(f"quotes predicted in negative documents: {t.negative_predicted}")
    for key in ("all", "sealed, never read"):
        t = tallies[key]
        print(
            f"{key}: right speakers who are people named exactly as annotated: {t.people_exact} of "
            f"{t.people_right} ({t.people_exact / max(t.people_right, 1):.3f})"
        )
    confidence_report(chances, with_speaker)
    if errors is not None:
        errors.write_text("\n".join(log) + "\n", encoding="utf-8")
        print(f"errors of folds other than the sealed one: {errors}")


def confidence_report(
    chances: dict[str, list[tuple[float, bool, bool]]], with_speaker: dict[str, int]
) -> None:
    """What a threshold on ``speaker_confidence`` keeps, and how well the confidence is calibrated;
    ``chances`` holds (confidence, a speaker was named, right) of each gold-matched quote."""
    print()
    print("speakers kept at a confidence threshold (others left unnamed), over gold-matched quotes:")
    print(
        "| documents | threshold | speakers named | right | precision | share of gold speakers named right |"
    )
    print("|---|---|---|---|---|---|")
    for key in ("all", "unsealed", "sealed, never read"):
        for threshold in CONFIDENCE_THRESHOLDS:
            named = [ok for chance, given, ok in chances[key] if given and chance >= threshold]
            precision = sum(named) / max(len(named), 1)
            share = sum(named) / max(with_speaker[key], 1)
            print(
                f"| {key} | {threshold:.1f} | {len(named)} | {sum(named)} | {precision:.3f} | {share:.3f} |"
            )
    print()
    print("calibration, by band: quotes, the mean confidence and the share right (speakers None included)")
    for key in ("unsealed", "sealed, never read"):
        bands = []
        for low, high in zip((0.0, 0.5, 0.7, 0.9), (0.5, 0.7, 0.9, 1.01)):
            band = [(chance, ok) for chance, _, ok in chances[key] if low <= chance < high]
            if band:
                mean = sum(c for c, _ in band) / len(band)
                share = sum(ok for _, ok in band) / len(band)
                bands.append(f"[{low:.1f}, {min(high, 1.0):.1f}): {len(band)}, {mean:.2f} vs {share:.2f}")
        print(f"{key}: " + "; ".join(bands))


def _errors(d: Document, predicted: Sequence) -> list[str]:
    """What one document got wrong: missed quotes, wrong speakers, extra quotes, with context."""
    gold, text = d.quotes, d.text
    pairs = match([g["quote"] for g in gold], [q.text for q in predicted])
    out = []
    found = {i: j for i, j in pairs}
    for i, g in enumerate(gold):
        at = text.find(g["quote"])
        context = text[max(0, at - 120) : at + len(g["quote"]) + 80].replace("\n", " / ")
        if i not in found:
            out.append(f"MISS {d.doc} [{g.get('type')}] <- {g.get('speaker')!r} :: {context}")
        elif not right_speaker(g.get("speaker"), predicted[found[i]].speaker):
            q = predicted[found[i]]
            conf = q.speaker_confidence or 0.0
            out.append(f"SPK {d.doc} gold={g.get('speaker')!r} got={q.speaker!r} ({conf:.2f}) :: {context}")
        elif looks_like_person(g.get("speaker") or "") and not same_name(
            g["speaker"], predicted[found[i]].speaker
        ):
            q = predicted[found[i]]
            out.append(f"NAME {d.doc} gold={g.get('speaker')!r} got={q.speaker!r} :: {context}")
    used = set(found.values())
    for j, q in enumerate(predicted):
        if j not in used:
            context = text[max(0, q.start - 120) : q.stop + 60].replace("\n", " / ")
            out.append(f"EXTRA {d.doc} neg={not gold} [{q.type}] <- {q.speaker!r} :: {context}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cv", action="store_true", help="5-fold cross-validation by document")
    parser.add_argument("--check", action="store_true", help="refit from the stored table and compare")
    parser.add_argument("--errors", type=Path, help="with --cv: write the errors of the unsealed folds here")
    parser.add_argument("--margin", type=float, default=KEEP_MARGIN, help="keep margin (with --cv)")
    args = parser.parse_args(argv)
    if args.check:
        about = json.loads(MODEL.read_text(encoding="utf-8"))["about"]
        made = model_json(fit(read_table(), about, confidence=fit_confidence(read_margins())))
        same = made == MODEL.read_text(encoding="utf-8")
        print("the shipped model is what the stored table gives" if same else "the shipped model DIFFERS")
        return 0 if same else 1
    started = time.perf_counter()
    documents = load_documents()
    rows = build_table(documents)
    print(
        f"{len(documents)} documents, {sum(r.task == 'keep' for r in rows)} candidate pairs, "
        f"{sum(r.task == 'speaker' for r in rows)} candidate speakers ({time.perf_counter() - started:.1f} s)"
    )
    if args.cv:
        cross_validate(documents, rows, args.errors, args.margin)
        return 0
    write_table(rows)
    about = {
        "trained_on": f"{len(documents)} annotated documents: factRuEval-2016 texts (MIT), Gazeta.ru and RBC "
        "texts (non-commercial research use); see data/README.md",
        "keep_C": KEEP_C,
        "speaker_C": SPEAKER_C,
    }
    margins = out_of_fold_margins(documents, rows, range(FOLDS))
    write_margins(margins)  # written as they are: rounded, and a float's repr reads back the same
    confidence = fit_confidence(margins)
    MODEL.write_text(model_json(fit(rows, about, confidence=confidence)), encoding="utf-8")
    print(f"wrote {TABLE.relative_to(ROOT)}, {MARGINS.relative_to(ROOT)} and {MODEL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
