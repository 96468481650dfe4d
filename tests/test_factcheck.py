"""find_quote on the annotated quotes of data/quotes_dev.jsonl; quotes gathered by speaker."""

from __future__ import annotations

import json
import pickle
import random
import re

import pytest
from conftest import FIXTURES, NEWS, ROOT, read
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize import QuoteMatch, extract_quotes, find_quote, quotes_by_speaker
from summarize.morph import analyzer
from summarize.records import speaker_keys

WORD = re.compile(r"[^\W\d_]+")
ALNUM = re.compile(r"[^\W_]+")


def _documents() -> list[tuple[str, str, list[str]]]:
    """(name, text, gold quotes) for each annotated document, in file order."""
    documents = []
    for line in (ROOT / "data" / "quotes_dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        path = NEWS / record["doc"]
        text = read(path if path.exists() else FIXTURES / "seed_tass.txt")
        documents.append((record["doc"], text, [q["quote"] for q in record["quotes"]]))
    return documents


DOCUMENTS = _documents()
GOLD = [(name, text, quote) for name, text, quotes in DOCUMENTS for quote in quotes]


def _at_gold(match: QuoteMatch, text: str, quote: str) -> bool:
    start = text.find(quote)
    return match.status == "exact" and (match.start, match.stop) == (start, start + len(quote))


def _other_form(word: str) -> str | None:
    """Another inflection of ``word`` (same lemma, different letters), keeping its capital."""
    for form in analyzer().parse(word)[0].lexeme:
        if form.word.replace("ё", "е") != word.lower().replace("ё", "е"):
            return form.word.capitalize() if word[0].isupper() else form.word
    return None


def test_gold_data_is_complete() -> None:
    assert len(DOCUMENTS) == 53
    assert len(GOLD) == 85
    assert all(quote in text for _, text, quote in GOLD)


def test_every_gold_quote_is_exact_at_its_own_offsets() -> None:
    wrong = [(doc, quote) for doc, text, quote in GOLD if not _at_gold(find_quote(quote, text), text, quote)]
    assert wrong == []


def test_every_match_is_a_span_of_the_source() -> None:
    for _, text, quote in GOLD:
        match = find_quote(quote, text)
        assert text[match.start : match.stop] == match.text
        assert match.similarity == 1.0 and match.differences == ()


VARIANTS = {
    "guillemets": lambda q: f"«{q}»",
    "straight quotes and a full stop": lambda q: f'"{q}."',
    "german quotes and a comma": lambda q: f"„{q}“,",
    "lower case": str.lower,
    "upper case": str.upper,
    "ё and е": lambda q: q.replace("ё", "е") if "ё" in q else q.replace("е", "ё", 1),
    "line breaks": lambda q: q.replace(" ", "\n"),
    "double spaces": lambda q: q.replace(" ", "  "),
    "hyphen and dash variants": lambda q: q.replace(" — ", " - ").replace("-", "\u2011"),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_typographic_variants_stay_exact_at_the_gold_offsets(variant: str) -> None:
    change = VARIANTS[variant]
    assert sum(change(quote) != quote for _, _, quote in GOLD) >= 15  # the variant really changes quotes
    wrong = [quote for _, text, quote in GOLD if not _at_gold(find_quote(change(quote), text), text, quote)]
    assert wrong == []


def test_a_changed_inflection_is_altered_and_named() -> None:
    checked, wrong = 0, []
    for _, text, quote in GOLD:
        for word in sorted(WORD.finditer(quote), key=lambda m: -len(m.group())):
            new = _other_form(word.group())
            if new:
                break
        else:
            continue  # nothing to inflect ("упорно")
        checked += 1
        match = find_quote(quote[: word.start()] + new + quote[word.end() :], text)
        if match.status != "altered" or match.differences != (("replace", (new,), (word.group(),)),):
            wrong.append((quote, new, match))
    assert checked == 84
    assert wrong == []


def _substituted(quote: str) -> tuple[str, str]:
    longest = max(WORD.finditer(quote), key=lambda m: len(m.group()))
    return quote[: longest.start()] + "кукуруза" + quote[longest.end() :], longest.group()


def test_one_unrelated_word_in_a_longer_claim_is_altered_and_named() -> None:
    long_quotes = [(text, quote) for _, text, quote in GOLD if len(WORD.findall(quote)) >= 3]
    assert len(long_quotes) == 73
    wrong = []
    for text, quote in long_quotes:
        claimed, replaced = _substituted(quote)
        match = find_quote(claimed, text)
        if match.status != "altered" or match.differences != (("replace", ("кукуруза",), (replaced,)),):
            wrong.append((quote, match))
        elif not 0.5 < match.similarity < 1:
            wrong.append((quote, match))
    assert wrong == []


def test_a_two_word_claim_with_one_unrelated_word_is_absent() -> None:
    """Half a claim is not enough to tell a change from a coincidence (documented rule)."""
    short = [(text, quote) for _, text, quote in GOLD if len(WORD.findall(quote)) == 2]
    assert len(short) == 10
    for text, quote in short:
        assert find_quote(_substituted(quote)[0], text).status == "absent"


def test_a_quote_from_another_document_is_absent() -> None:
    wrong = []
    for k, (_, _, quotes) in enumerate(DOCUMENTS):
        other = DOCUMENTS[(k + 1) % len(DOCUMENTS)][1]
        for quote in quotes:
            match = find_quote(quote, other)
            if match.status != "absent" or match.start is not None or match.text is not None:
                wrong.append((quote, match))
    assert wrong == []


def test_missing_and_added_words_are_named(seed: str) -> None:
    said = "сотрудничество стран в военной сфере развивается успешно"
    assert (
        find_quote("в военной сфере развивается успешно и имеет хорошие перспективы", seed).status == "exact"
    )
    dropped = find_quote("в военной сфере развивается и имеет хорошие перспективы", seed)
    assert dropped.status == "altered"
    assert dropped.differences == (("delete", (), ("успешно",)),)
    assert dropped.text == "в военной сфере развивается успешно и имеет хорошие перспективы"
    added = find_quote("в военной сфере развивается очень успешно и имеет хорошие перспективы", seed)
    assert added.differences == (("insert", ("очень",), ()),)
    assert find_quote(said, seed).text == 'сотрудничество стран "в военной сфере развивается успешно'


def test_a_claim_running_across_paragraphs(seed: str) -> None:
    claimed = "на 2026 год. На встрече Косанов также выразил благодарность российской стороне"
    match = find_quote(claimed, seed)
    assert match.status == "exact" and match.text is not None
    assert "\n\nНа встрече" in match.text
    assert match.text.startswith("на 2026 год.") and match.text.endswith("российской стороне")


def test_the_window_is_found_in_a_whole_archive(news: dict[str, str], seed: str) -> None:
    archive = "\n\n".join([*news.values(), seed])  # 0.55 million characters, 1 MB of UTF-8
    assert len(archive) > 500_000
    for _, _, quote in GOLD[::7]:
        match = find_quote(quote, archive)
        assert match.status == "exact", quote
        assert match.start in {i.start() for i in re.finditer(re.escape(quote), archive)}


def test_bad_input() -> None:
    with pytest.raises(TypeError, match="claimed"):
        find_quote(None, "текст")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="source"):
        find_quote("слово", b"\xd1\x82")  # type: ignore[arg-type]
    for empty in ("", "   \n", "«» — ..."):
        with pytest.raises(ValueError, match="claimed"):
            find_quote(empty, "текст")
    for source in ("", "  \n\n ", "...!"):
        match = find_quote("слово", source)
        assert match == QuoteMatch("absent")


def test_the_match_is_a_plain_frozen_record(seed: str) -> None:
    match = find_quote("«Айбын»", seed)
    assert match.status == "exact" and match.text == "Айбын"
    assert pickle.loads(pickle.dumps(match)) == match
    assert match.to_dict()["start"] == seed.find("Айбын")
    with pytest.raises(AttributeError):
        match.status = "absent"  # type: ignore[misc]


# -- quotes by speaker --------------------------------------------------------------------------


def test_speaker_keys_merge_case_and_first_names_only() -> None:
    keys = speaker_keys(["Косанов", "Даурен Косанов", "КОСАНОВ", "Белоусов", "Андрей Белоусов"])
    assert set(keys.values()) == {"Даурен Косанов", "Андрей Белоусов"}
    keys = speaker_keys(
        ["Путин", "В. Путин", "Владимир Владимирович Путин", "Сергей Иванов", "Иван Иванов", "Иванов"]
    )
    assert keys["Путин"] == keys["В. Путин"] == "Владимир Владимирович Путин"
    assert keys["Иванов"] == "Иванов"  # two people could be meant
    assert speaker_keys(["ЯНДЕКС", "Яндекс"]) == {"ЯНДЕКС": "Яндекс", "Яндекс": "Яндекс"}
    assert speaker_keys(["США", "Госдеп США", "Кремле", "источники в Кремле"]) == {
        "США": "США",
        "Госдеп США": "Госдеп США",
        "Кремле": "Кремле",
        "источники в Кремле": "источники в Кремле",
    }


def test_by_speaker_on_the_seed(seed: str) -> None:
    quotes = extract_quotes(seed)
    grouped = quotes.by_speaker()
    assert sum(len(items) for items in grouped.values()) == sum(1 for q in quotes if q.speaker)
    for key, items in grouped.items():
        assert all(q.speaker and speaker_keys([key, q.speaker])[q.speaker] == key for q in items)
        assert [q.start for q in items] == sorted(q.start for q in items)


def test_quotes_by_speaker_over_the_archive(news: dict[str, str]) -> None:
    texts = list(news.values())
    gathered = quotes_by_speaker(texts)
    per_text = [extract_quotes(text) for text in texts]
    attributed = [(i, q) for i, quotes in enumerate(per_text) for q in quotes if q.speaker]
    assert sorted((i, q.start) for items in gathered.values() for i, q in items) == [
        (i, q.start) for i, q in attributed
    ]
    names = {q.speaker for _, q in attributed}
    keys = speaker_keys(names)
    for key, items in gathered.items():
        assert [i for i, _ in items] == sorted(i for i, _ in items)
        for i, quote in items:
            assert texts[i][quote.start : quote.stop] == quote.text
            assert keys[quote.speaker] == key
    # A surname quoted alone joins the one full name that ends with it ("Путин" -> "Владимир Путин");
    # an acronym does not ("США" is not "Госдепа США").
    merged = 0
    for name in names:
        fuller = [other for other in names if len(other.split()) > 1 and other.split()[-1] == name]
        if " " not in name and not name.isupper() and len(fuller) == 1:
            assert keys[name] == fuller[0] and fuller[0] in gathered
            merged += 1
    assert merged >= 1
    assert len(gathered) == len(set(keys.values())) < len(names)


def test_quotes_by_speaker_bad_input() -> None:
    with pytest.raises(TypeError):
        quotes_by_speaker("один текст")
    assert quotes_by_speaker([]) == {}
    assert quotes_by_speaker(["", "Погода была тёплой."]) == {}


def test_a_changed_number_is_a_change(seed: str) -> None:
    match = find_quote("В 2027 году мы планируем провести его в городе Щучинске", seed)
    assert match.status == "altered"
    assert match.differences == (("replace", ("2027",), ("2026",)),)
    assert match.text == "В 2026 году мы планируем провести его в городе Щучинске"


def test_invisible_marks_and_case_changing_letters_keep_offsets() -> None:
    source = "İstanbul. Стороны договорились об укреп\u00adлении свя\u0301зей.\r\nДалее."
    match = find_quote("«об укреплении связей»", source)
    assert match.status == "exact"
    assert match.text == "об укреп\u00adлении свя\u0301зей"
    assert source[match.start : match.stop] == match.text


def test_random_passages_of_the_news_are_found_exactly(news: dict[str, str]) -> None:
    """Any run of 1 to 40 words cut from a text is found exact, at a passage with the same words."""
    rng = random.Random(8)
    names = sorted(news)
    for _ in range(300):
        text = news[rng.choice(names)]
        spans = [m.span() for m in ALNUM.finditer(text)]
        first = rng.randrange(len(spans))
        last = min(len(spans) - 1, first + rng.randrange(40))
        claimed = text[spans[first][0] : spans[last][1]]
        match = find_quote(claimed, text)
        assert match.status == "exact", claimed
        assert text[match.start : match.stop] == match.text
        assert ALNUM.findall(match.text.lower()) == ALNUM.findall(claimed.lower())


@settings(max_examples=200, deadline=None)
@given(source=st.text(), cut=st.tuples(st.integers(0, 200), st.integers(0, 200)), extra=st.text(max_size=20))
def test_any_text_gives_a_match_with_true_offsets(source: str, cut: tuple[int, int], extra: str) -> None:
    claimed = source[min(cut) : max(cut)] + extra
    if not ALNUM.search(claimed.replace("_", "")):
        with pytest.raises(ValueError):
            find_quote(claimed, source)
        return
    match = find_quote(claimed, source)
    assert match.status in {"exact", "altered", "absent"} and 0 <= match.similarity <= 1
    if match.status == "absent":
        assert match.text is None and match.start is None and match.differences == ()
    else:
        assert source[match.start : match.stop] == match.text
