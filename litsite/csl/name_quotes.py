"""Quotes inside name parts, read as citeproc-js reads them: as in field text.

citeproc-js appends a name's parts to its output queue as it appends any field text, so their straight quotes
become quote marks chosen by nesting ('Marc "MAHK" LeBlanc' is Marc “MAHK” LeBlanc, "The 'Q' Group" is The “Q”
Group) and punctuation after a closing quote moves inside it; an apostrophe in a word is ’ (O’Brien).
"""

from __future__ import annotations

from litsite.csl.markup import SmartQuotes

_QUOTES = frozenset("'\"")
# Only straight quotes are read as quotes here: typed quote marks are quotes to citeproc-js only when they are the
# rendering locale's own (markup.SmartQuotes), which a name part does not know; under es-ES a name's “Atlas” stays.
_STRAIGHT = ('"', '"', "'", "'")


def name_quotes(text: str) -> str:
    """A name part's straight quotes as quote placeholders (glyphs picked when the entry is finished), its
    apostrophes ’."""
    if not isinstance(text, str) or not _QUOTES.intersection(text):
        return text
    return SmartQuotes(_STRAIGHT)(text)
