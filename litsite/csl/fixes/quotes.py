"""Quotes: typographic quotes from straight ones in fields, flip-flop by nesting, punctuation-in-quote.

CSL 1.0.2 "Quotes" and "Punctuation in Quotes" (locale option punctuation-in-quote): with quotes="true" the
locale's open/close-quote terms wrap the text; quotes nested inside use the inner-quote terms (and so on,
alternating); a comma or period following a closing quote moves inside it when the locale says so.
Quotes in field values (straight or curly) take part in the nesting; apostrophes become ’. Outside any other
quote, a field's quotes keep their kind as citeproc-js does: “…” and the first kind of straight quote are outer
quotes, ‘…’ and the other straight kind inner ones; a straight ' with no closing partner is an apostrophe
("SIGCOMM '01", "'Tis").
"""

from __future__ import annotations

from citeproc.string import MixedString, String

from litsite.csl.elements import extend
from litsite.csl.markup import HOLD, QC, QST, parse_rich_text


@extend("text")
class QuotedValue:
    """cs:text value="…": straight quotes become typographic (and nest) like field quotes."""

    def process(self, item: object, context: object = None, **kwargs: object) -> object:
        if "value" in self.attrib and not kwargs.get("sort_options"):
            fmt = getattr(self.get_formatter(), "fmt", "text")
            value = self.get("value")
            text = parse_rich_text(value, fmt)
            if value[:1] in ".,;:!?":  # punctuation written as a value stays put (citeproc-js moves affixes only)
                text = MixedString([String(HOLD)]) + text
            # no title case for an item with a jurisdiction (citeproc-js), as in groups.TrackedText
            return text, ("tlh" if dict.get(item.reference, "jurisdiction") else None)
        return super().process(item, context=context, **kwargs)


@extend("text")
class QuotedText:
    """cs:text quotes="true" wraps in quote placeholders, resolved (with flip-flop) when output is finished."""

    def quote(self, string: object) -> object:
        """Wrap in quote placeholders if quotes="true"."""
        if self.get("quotes", "false").lower() == "true":
            return MixedString([String(QST)]) + string + String(QC)
        return string
