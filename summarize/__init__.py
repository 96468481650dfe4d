"""Extractive summaries and attributed quotations for Russian news text.

>>> from summarize import extract_quotes, summarize
>>> text = ("Министр обороны Казахстана Даурен Косанов провёл переговоры с Андреем Белоусовым. "
...         "«Сотрудничество развивается успешно», — сказал Косанов. Погода была тёплой.")
>>> str(summarize(text, sentences=1))
'Министр обороны Казахстана Даурен Косанов провёл переговоры с Андреем Белоусовым.'
>>> [(q.speaker, q.cue.text, q.text) for q in extract_quotes(text)]
[('Даурен Косанов', 'сказал', 'Сотрудничество развивается успешно')]
"""

from .batch import extract_quotes_many, quotes_by_speaker, summarize_many
from .factcheck import QuoteMatch, find_quote
from .keywords import Keyword, keywords
from .quotes import extract_quotes
from .records import Quote, Quotes, Sentence, Span, Summary
from .summarizer import Summarizer, summarize

__version__ = "0.1.0"

__all__ = [
    "Keyword",
    "Quote",
    "QuoteMatch",
    "Quotes",
    "Sentence",
    "Span",
    "Summarizer",
    "Summary",
    "extract_quotes",
    "extract_quotes_many",
    "find_quote",
    "keywords",
    "quotes_by_speaker",
    "summarize",
    "summarize_many",
]
