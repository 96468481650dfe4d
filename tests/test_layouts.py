"""The layouts without marks: transcripts, interviews, posts (summarize.quotes.unmarked).

The cases of tests/data/quotes.txt check the spans, speakers and types; these check what the
inline markup cannot say (a carried-over turn has no mention and no cue) and the cost on
hostile input made of the layouts' own pieces.
"""

from __future__ import annotations

import pytest
from conftest import best_time

from summarize import extract_quotes

TRANSCRIPT = (
    "Президент провел встречу с министром финансов Антоном Силуановым.\n\n"
    "Владимир Путин: Антон Германович, как исполняется бюджет?\n\n"
    "Антон Силуанов (министр финансов): Бюджет исполняется с профицитом.\n\n"
    "Доходы выросли на четыре процента.\n\n"
    "Владимир Путин: Хорошо."
)


def test_a_turn_names_its_speaker_and_a_continuation_carries_it_without_a_mention():
    quotes = extract_quotes(TRANSCRIPT)
    assert [(q.text, q.speaker, q.type) for q in quotes] == [
        ("Антон Германович, как исполняется бюджет?", "Владимир Путин", "block"),
        ("Бюджет исполняется с профицитом.", "Антон Силуанов", "block"),
        ("Доходы выросли на четыре процента.", "Антон Силуанов", "block"),
        ("Хорошо.", "Владимир Путин", "block"),
    ]
    first, _, carried, _ = quotes
    assert first.speaker_mention is not None and first.speaker_mention.text == "Владимир Путин"
    assert first.cue is None
    assert carried.speaker_mention is None and carried.cue is None


@pytest.mark.parametrize(
    "piece",
    [
        TRANSCRIPT + "\n\n",
        "Иван Петров: Да.\n\n" * 20,
        "— Вы согласны?\n\n— Нет.\n\nМы не согласны.\n\n" * 10,
        "— Вы согласны?\n\n— Да, — сказал Петров.\n\n" + "Он ушел.\n\n" * 9,
        "Петров: " * 200 + "\n\n",
        "— " * 500 + "\n\n",
    ],
    ids=["transcript", "one-word-turns", "interview", "dialogue-runs", "colon-soup", "dash-soup"],
)
def test_cost_grows_linearly(piece: str):
    text = piece * 10
    extract_quotes(text)  # warm the caches
    once = best_time(extract_quotes, text, runs=5)
    ten = best_time(extract_quotes, text * 10, runs=3)
    assert ten / max(once, 1e-4) < 35, f"10x input took {ten / once:.1f}x the time"
