"""keywords(): key lemmas and phrases of the real factRuEval texts, with exact first occurrences."""

from __future__ import annotations

import math
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize import Keyword, Summarizer, keywords
from summarize.morph import lemma_pos
from summarize.scoring import content_lemma, terms
from summarize.text import WORD


def test_the_tass_seed_is_about_kazakhstan_and_defence(seed):
    found = keywords(seed, top=10)
    assert len(found) == 10
    top = {k.text for k in found}
    assert {"казахстан", "оборона", "сотрудничество", "оборонный ведомство"} <= top
    assert found[0].text == "казахстан"


def test_every_keyword_points_at_its_first_occurrence(news):
    for name, text in news.items():
        content = terms(text)
        for keyword in keywords(text, top=15):
            span = keyword.span
            assert text[span.start : span.stop] == span.text, name
            if " " in keyword.text:
                left, right = keyword.text.split(" ")
                first, second = span.text.split()
                assert (content_lemma(first), content_lemma(second)) == (left, right), name
                assert keyword.count >= 2
                pairs = sum(a == left and b == right for a, b in zip(content, content[1:], strict=False))
                assert pairs >= keyword.count, name  # adjacency in the text implies it in the lemma list
            else:
                assert content_lemma(span.text) == keyword.text, name
                assert keyword.count == content.count(keyword.text), name
                assert keyword.text not in terms(text, 0, span.start), name  # nothing earlier


def test_weights_are_sorted_unit_vector_shares(news):
    for text in list(news.values())[:50]:
        found = keywords(text, top=1000)
        weights = [k.weight for k in found]
        assert weights == sorted(weights, reverse=True)
        assert all(0 < w <= 1 for w in weights)
        assert math.sqrt(sum(w * w for w in weights)) == pytest.approx(1.0, abs=1e-4)
        assert len(keywords(text, top=5)) == min(5, len(found))
        assert keywords(text, top=5) == found[:5]


def test_rare_words_outweigh_frequent_ones_at_equal_count(news):
    """IDF at work: among lemmas seen twice, «год» (in most texts) ranks below rarer ones."""
    text = news["devset_book_256.txt"]
    found = {k.text: k for k in keywords(text, top=1000, phrases=False)}
    assert found["год"].count >= found["осень"].count
    assert found["осень"].weight > found["год"].weight


def test_phrases_can_be_turned_off(news):
    for text in list(news.values())[:30]:
        assert all(" " not in k.text for k in keywords(text, phrases=False))
    with_phrases = [keywords(text) for text in news.values()]
    assert sum(any(" " in k.text for k in found) for found in with_phrases) > 100


def test_a_fitted_idf_changes_the_weights(news):
    texts = list(news.values())
    model = Summarizer().fit(texts[:20])
    changed = sum(keywords(text, idf=model.idf_) != keywords(text) for text in texts[:20])
    assert changed >= 18


def test_empty_and_bad_input():
    assert keywords("") == [] and keywords("  \n ") == []
    assert keywords("и в на") == []
    with pytest.raises(TypeError, match="text must be str"):
        keywords(None)
    with pytest.raises(TypeError, match="text must be str"):
        keywords(b"bytes")
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="top must be an int >= 1"):
            keywords("Министр провёл переговоры.", top=bad)


def test_keywords_are_records(seed):
    first = keywords(seed, top=1)[0]
    assert isinstance(first, Keyword)
    assert pickle.loads(pickle.dumps(first)) == first
    data = first.to_dict()
    assert (
        data["text"] == "казахстан"
        and data["span"]["text"] == seed[data["span"]["start"] : data["span"]["stop"]]
    )


ODD_TEXT = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from("абвгдеёжз АБВ-\u00ad\u0301«» ")),
    max_size=300,
)


@settings(max_examples=150, deadline=None)
@given(ODD_TEXT)
def test_any_text_gives_keywords_with_exact_spans(text):
    found = keywords(text, top=20)
    for keyword in found:
        assert text[keyword.span.start : keyword.span.stop] == keyword.span.text
        assert keyword.count >= 1 and 0 < keyword.weight <= 1
    assert [k.weight for k in found] == sorted((k.weight for k in found), reverse=True)


def test_a_fitted_summarizer_gives_its_idf_and_its_unseen_idf(news):
    texts = list(news.values())
    model = Summarizer().fit(texts[:50])
    text = texts[100]
    found = {k.text: k for k in keywords(text, top=200, phrases=False, idf=model)}
    unseen = [lemma for lemma in found if lemma not in model.idf_]
    seen = [lemma for lemma in found if lemma in model.idf_]
    assert unseen and seen
    # weight = count * idf / norm, so weight / count is proportional to the IDF used
    ratio = {lemma: found[lemma].weight / found[lemma].count for lemma in found}
    a, b = unseen[0], seen[0]
    assert ratio[a] / ratio[b] == pytest.approx(model.unseen_idf_ / model.idf_[b], rel=1e-4)


def test_bad_idf_arguments_are_clear_errors():
    with pytest.raises(TypeError, match="idf must be a fitted Summarizer or a mapping"):
        keywords("Министр провёл переговоры.", idf=[("министр", 1.0)])
    with pytest.raises(ValueError, match="not fitted"):
        keywords("Министр провёл переговоры.", idf=Summarizer())
    zero = keywords("Министр провёл переговоры.", idf={"министр": 0.0, "провести": 0.0, "переговоры": 0.0})
    assert [k.weight for k in zero] == [0.0] * len(zero)


def test_a_capitalised_surname_is_one_term_in_all_its_forms(news):
    """«Песков» read as the genitive plural of «песок» split one person into two terms and put
    "песок" among a political story's keywords; capitalised, it is the surname."""
    seen = {"песков": 0, "гребенщиков": 0, "афины": 0}
    for text in news.values():
        for word in WORD.findall(text):
            for stem, term in (("Песков", "песков"), ("Гребенщиков", "гребенщиков"), ("Афин", "афины")):
                if word.startswith(stem):
                    assert content_lemma(word) == term, word
                    seen[term] += 1
        if "Песков" in text:
            assert "песок" not in terms(text) and "песков" in terms(text)
    assert all(count >= 3 for count in seen.values()), seen  # the corpus has each in several forms


def test_a_surname_the_dictionary_lacks_is_one_term_too(seed):
    """pymorphy3 guesses the unknown «Косанов» as a plural of «косан» and «Косановым» as
    «косановое»: the seed's minister would be three terms, none of them his name."""
    forms = {word for word in WORD.findall(seed) if word.startswith("Косанов")}
    assert len(forms) >= 2, forms
    assert {content_lemma(word) for word in forms} == {"косанов"}
    assert {content_lemma(w) for w in ("Косановым", "Косанову", "Косановой")} == {"косанов"}
    top = [k.text for k in keywords(seed, top=10)]
    assert "косанов" in top and "косан" not in top


def test_english_function_words_are_no_keywords(news):
    """«Industrial and Commercial Bank of China» made 'of' and 'bank of' keywords of devset_book_115."""
    function_words = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "it", "of", "on", "or"}
    function_words |= {"the", "to", "with"}
    latin_texts = 0
    for text in news.values():
        found = keywords(text, top=15)
        latin_texts += any(k.text.isascii() for k in found)
        for keyword in found:
            assert not function_words & set(keyword.text.split()), keyword
    assert latin_texts >= 20  # Latin names do reach the keywords: the rule is exercised
    assert {"bank", "china", "industrial"} <= {k.text for k in keywords(news["devset_book_115.txt"], top=10)}


def test_a_name_the_dictionary_lacks_is_not_read_as_a_verb(news):
    """pymorphy3 guesses «Ансип» (Estonia's prime minister) as the verb «ансипнуть»."""
    for name, word in (("devset_book_98.txt", "Ансип"), ("devset_book_294.txt", "Ледли")):
        assert word in news[name]
        assert lemma_pos(word)[1] == "VERB"  # what pymorphy3 alone makes of it
        assert lemma_pos(word, surnames=True) == (word.lower(), "NOUN")
    found = [k.text for k in keywords(news["devset_book_98.txt"], top=15)]
    assert "ансип" in found and "ансипнуть" not in found
    assert lemma_pos("Выступая", surnames=True)[1] == "GRND"  # a known verb form stays one
