"""HTML of summaries and quotes: exact markup on short texts, escaping, and the
source text surviving the markup on real news."""

from __future__ import annotations

import re
from html import unescape

import pytest

from summarize import Quote, Quotes, Sentence, Span, Summary, extract_quotes, summarize
from summarize.display import format_html

SELECTED = "background:rgba(255,180,0,.35);border-radius:3px"
QUOTE = "background:rgba(30,136,229,.25);border-radius:3px"
CUE = "background:rgba(229,57,53,.25);border-bottom:2px solid rgba(229,57,53,.9)"
SPEAKER = "background:rgba(67,160,71,.35);border-radius:3px"
CELL = "border:1px solid rgba(128,128,128,.4);padding:.2em .5em;text-align:left;vertical-align:top"
BOX = '<div style="line-height:1.7;max-width:60em">'
META = '<div style="opacity:.75;font-size:.9em;margin:.2em 0 .4em">'
TEXT = '<div style="white-space:pre-wrap">'
TAG = re.compile(r"<[^>]*>")


def shown_text(html: str) -> str:
    """The text a reader sees inside the text box: tags dropped, entities decoded."""
    inner = html.split(TEXT, 1)[1].split("</div>", 1)[0]
    return unescape(TAG.sub("", inner.replace("<br>", "\n")))


def lines(text: str) -> str:
    """``text`` as HTML sees it: every line break is one ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def balanced(html: str) -> bool:
    depth = 0
    for tag in re.findall(r"</?span\b", html):
        depth += -1 if tag.startswith("</") else 1
        if depth < 0:
            return False
    return depth == 0


def test_summary_markup_snapshot():
    text = "Цены <b>выросли</b> на 5% & более. Рынок закрылся."
    first, second = "Цены <b>выросли</b> на 5% & более.", "Рынок закрылся."
    assert text[0:34] == first and text[35:50] == second
    summary = Summary(
        text,
        (Sentence(first, 0, 34, 0, 0.5, True), Sentence(second, 35, 50, 1, 0.25, False)),
        {"sentences": 1, "idf": "document"},
    )
    expected = (
        BOX + META + "Summary: 1 of 2 sentences selected · sentences=1, idf=document</div>"
        "" + TEXT + f'<span style="{SELECTED}" title="sentence 0, score 0.500, selected">'
        "Цены &lt;b&gt;выросли&lt;/b&gt; на 5% &amp; более.</span>"
        ' <span style="border-radius:3px" title="sentence 1, score 0.250">Рынок закрылся.</span>'
        "</div></div>"
    )
    assert format_html(summary) == expected
    assert summary._repr_html_() == expected


def test_quotes_markup_snapshot():
    text = "«Мы готовы», — заявил Песков. Он добавил: «Всё <идёт> по плану»."
    q0 = Quote(
        "Мы готовы", 1, 10, "Дмитрий Песков", Span("Песков", 22, 28), Span("заявил", 15, 21), "direct", 0.966
    )
    q1 = Quote("Всё <идёт> по плану", 43, 62, "Дмитрий Песков", Span("Он", 30, 32), Span("добавил", 33, 40))
    for record in (q0, q0.cue, q0.speaker_mention, q1, q1.cue, q1.speaker_mention):
        assert text[record.start : record.stop] == record.text
    row = "<tr>" + f'<td style="{CELL}">{{}}</td>' * 7 + "</tr>"
    expected = (
        BOX + META + f'Quotes: 2 · <span style="{QUOTE}">quote</span> <span style="{CUE}">cue</span>'
        f' <span style="{SPEAKER}">speaker</span></div>'
        "" + TEXT + f'«<span style="{QUOTE}" title="quote 0: Дмитрий Песков, direct">Мы готовы</span>», — '
        f'<span style="{CUE}" title="cue of quote 0">заявил</span> '
        f'<span style="{SPEAKER}" title="speaker of quote 0">Песков</span>. '
        f'<span style="{SPEAKER}" title="speaker of quote 1">Он</span> '
        f'<span style="{CUE}" title="cue of quote 1">добавил</span>: '
        f'«<span style="{QUOTE}" title="quote 1: Дмитрий Песков, direct">Всё &lt;идёт&gt; по плану</span>».'
        "</div>"
        '<table style="border-collapse:collapse;margin-top:.8em;font-size:.9em"><thead><tr>'
        + "".join(
            f'<th style="{CELL}">{name}</th>'
            for name in ("#", "speaker", "sure", "cue", "quote", "type", "offsets")
        )
        + "</tr></thead><tbody>"
        + row.format("0", "Дмитрий Песков", "0.97", "заявил", "Мы готовы", "direct", "1:10")
        + row.format("1", "Дмитрий Песков", "—", "добавил", "Всё &lt;идёт&gt; по плану", "direct", "43:62")
        + "</tbody></table></div>"
    )
    assert format_html(Quotes(text, (q0, q1))) == expected
    assert Quotes(text, (q0, q1))._repr_html_() == expected


def test_interrupted_quote_marks_its_shared_cue_and_speaker_once():
    text = "«Мы готовы, — сказал Песков. — Решение принято»."
    cue, mention = Span("сказал", 14, 20), Span("Песков", 21, 27)
    quotes = Quotes(
        text,
        (
            Quote("Мы готовы", 1, 10, "Песков", mention, cue),
            Quote("Решение принято", 31, 46, "Песков", mention, cue),
        ),
    )
    for record in (*quotes, cue, mention):
        assert text[record.start : record.stop] == record.text
    html = format_html(quotes)
    assert f'<span style="{CUE}" title="cue of quotes 0, 1">сказал</span>' in html
    assert f'<span style="{SPEAKER}" title="speaker of quotes 0, 1">Песков</span>' in html
    assert html.count(f'<span style="{CUE}"') == 2  # the legend and the one mark
    assert shown_text(html) == text


def test_user_text_never_becomes_markup():
    text = "<script>alert('x')</script> Цена <b>выросла</b> & «рынок» закрылся."
    sentence = Sentence(text, 0, len(text), 0, 1.0, True)
    speaker = 'Иван "<i>Грозный</i>"'
    quote = Quote("рынок", text.index("рынок"), text.index("рынок") + 5, speaker, None, None, "partial")
    for html in (format_html(Summary(text, (sentence,))), format_html(Quotes(text, (quote,)))):
        assert "<script" not in html and "<b>" not in html and "<i>" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
        assert "&lt;b&gt;выросла&lt;/b&gt; &amp; «" in html
        assert shown_text(html) == text
    assert 'title="quote 0: Иван &quot;&lt;i&gt;Грозный&lt;/i&gt;&quot;, partial"' in html
    assert f'<td style="{CELL}">Иван &quot;&lt;i&gt;Грозный&lt;/i&gt;&quot;</td>' in html


def test_crossing_marks_are_split_so_tags_stay_balanced():
    text = "«Мы готовы», — заявил Песков."
    # A sloppy extractor could hand back a cue that runs into the quote.
    quote = Quote("Мы готовы", 1, 10, None, Span("Песков", 22, 28), Span("готовы», — заявил", 4, 21))
    html = format_html(Quotes(text, (quote,)))
    assert balanced(html)
    assert shown_text(html) == text
    assert (
        f'<span style="{QUOTE}" title="quote 0: unknown speaker, direct">Мы '
        f'<span style="{CUE}" title="cue of quote 0">готовы</span></span>'
        f'<span style="{CUE}" title="cue of quote 0">», — заявил</span>'
    ) in html
    # A mention without a resolved name ("он", or a sloppy span) is no speaker in the table.
    assert f'<td style="{CELL}">0</td><td style="{CELL}">—</td>' in html


def test_line_breaks_are_br_elements_so_renderers_keep_paragraphs():
    # nbconvert drops blank lines between tags; <br> elements survive every renderer.
    text = "Заголовок\n\nПервый абзац.\r\nВторой."
    quote = Quote("Первый абзац", 11, 23)
    assert text[11:23] == quote.text
    html = format_html(Quotes(text, (quote,)))
    assert "\n" not in html and "\r" not in html
    assert (
        TEXT + "Заголовок<br><br>"
        f'<span style="{QUOTE}" title="quote 0: unknown speaker, direct">Первый абзац</span>'
        ".<br>Второй.</div>"
    ) in html
    assert shown_text(html) == lines(text)


def test_empty_results():
    empty = Summary("  ", (), {"sentences": 3})
    assert (
        format_html(empty)
        == BOX + META + "Summary: 0 of 0 sentences selected · sentences=3</div>" + TEXT + "  </div></div>"
    )
    assert "Summary: 0 of 0 sentences selected" in format_html(summarize(" \n "))
    html = format_html(Quotes("Без цитат."))
    assert "Quotes: 0" in html and "<table" not in html and shown_text(html) == "Без цитат."


def test_rejects_other_objects():
    with pytest.raises(TypeError, match="Summary or Quotes"):
        format_html("Цены выросли.")  # type: ignore[arg-type]


def test_quotes_of_real_news_are_all_marked_and_tabled(news):
    marked = 0
    for name in sorted(news):
        quotes = extract_quotes(news[name])
        html = format_html(quotes)
        assert balanced(html), name
        assert shown_text(html) == lines(news[name]), name
        assert html.count("<tr>") == (len(quotes) + 1 if len(quotes) else 0), name
        for number, quote in enumerate(quotes):
            assert f'title="quote {number}: ' in html, name
            assert f'<td style="{CELL}">{quote.start}:{quote.stop}</td>' in html, name
        marked += len(quotes)
    assert marked > 300  # the corpus is full of quotes: this test saw plenty of them


def test_real_news_text_survives_the_markup(news):
    for name in sorted(news)[:40]:
        text = news[name]
        summary = summarize(text, sentences=2)
        html = format_html(summary)
        assert balanced(html), name
        assert shown_text(html) == lines(text), name
        assert html.count(f'<span style="{SELECTED}"') == len(summary.sentences) == 2, name
        assert html.count('title="sentence ') == len(summary.all_sentences), name
        for s in summary.all_sentences:
            assert f"sentence {s.index}, score {s.score:.3f}" in html, name
