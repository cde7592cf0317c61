"""Quotes inside name parts, read as citeproc-js reads them: as in field text.

citeproc-js appends a name's parts to its output queue as it appends any field text, so their straight quotes
become quote marks chosen by nesting ('Marc "MAHK" LeBlanc' is Marc “MAHK” LeBlanc, "The 'Q' Group" is The “Q”
Group) and punctuation after a closing quote moves inside it; an apostrophe in a word is ’ (O’Brien).
"""

from __future__ import annotations

from litsite.csl.markup import SmartQuotes

_QUOTES = frozenset("'\"“‘")


def name_quotes(text: str) -> str:
    """A name part's quotes as quote placeholders (glyphs picked when the entry is finished), its apostrophes ’."""
    if not isinstance(text, str) or not _QUOTES.intersection(text):
        return text
    return SmartQuotes()(text)
