"""Quotes: typographic quotes from straight ones in fields, flip-flop by nesting, punctuation-in-quote.

CSL 1.0.2 "Quotes" and "Punctuation in Quotes" (locale option punctuation-in-quote): with quotes="true" the
locale's open/close-quote terms wrap the text; quotes nested inside use the inner-quote terms (and so on,
alternating); a comma or period following a closing quote moves inside it when the locale says so.
Quotes in field values (straight or curly) take part in the nesting; apostrophes become ’. Outside any other
quote, a field's quotes keep their kind as citeproc-js does: “…” and the first kind of straight quote are outer
quotes, ‘…’ and the other straight kind inner ones; a straight ' with no closing partner is an apostrophe
("SIGCOMM '01", "'Tis").
A variable's value starting with terminal punctuation (": the program", "...and then") has that punctuation moved
into its prefix, outside its quotes and decorations, by citeproc-js (CSL.Output.Queue.append); its text-case then
re-cases the whole value, punctuation included, so a cased one prints it twice (": “: The Program”") and sorts so.
"""

from __future__ import annotations

import re

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
        out = super().process(item, context=context, **kwargs)
        if "term" in self.attrib and not kwargs.get("sort_options") and isinstance(out, tuple):
            text, language = out
            if text is not None and "'" in str(text):  # a term is rich text too: "à l'adresse" → "à l’adresse"
                return parse_rich_text(str(text), getattr(self.get_formatter(), "fmt", "text")), language
        return out


@extend("label")
class QuotedLabel:
    """cs:label: its term is rich text as a cs:text term is (citeproc-js's flip-flop parser reads every string it
    appends): a straight apostrophe is typographic, at either end of the term ("מס'" → "מס’", "'עמ" → "’עמ")."""

    def process(self, item: object, *args: object, **kwargs: object) -> object:
        text = super().process(item, *args, **kwargs)  # type: ignore[misc]
        if text is not None and "'" in str(text) and not kwargs.get("sort_options"):
            return parse_rich_text(str(text), getattr(self.get_formatter(), "fmt", "text"))
        return text


# CSL.TERMINAL_PUNCTUATION: what append moves from the start of a string (not starting with a space) to its prefix
_LEADING = re.compile("[:.;!? ]+")


def _without_lead(text: object, count: int) -> object:
    """A citeproc-py string without its first `count` characters, its segments keeping their kind (NoCase)."""
    if not isinstance(text, MixedString):
        return type(text)(str(text)[count:]) if isinstance(text, String) else str(text)[count:]
    out = []
    for segment in text:
        cut = min(count, len(str(segment)))
        count -= cut
        if cut < len(str(segment)):
            out.append(type(segment)(str(segment)[cut:]))
    return MixedString(out)


@extend("text")
class QuotedText:
    """cs:text quotes="true" wraps in quote placeholders, resolved (with flip-flop) when output is finished; a
    variable's leading terminal punctuation goes before them (citeproc-js)."""

    def markup(self, text: object, language: object) -> object:
        """citeproc-py's markup, with a variable's leading terminal punctuation moved into its prefix."""
        lead = _LEADING.match(str(text)) if text and "variable" in self.attrib else None
        if lead is None or str(text)[:1] == " " or lead.end() == len(str(text)):
            return super().markup(text, language)  # type: ignore[misc]
        # text-case re-cases the whole value (CSL.Output.Formatters is given append's str, not the stripped blob)
        rest = text if self.get("text-case") else _without_lead(text, lead.end())
        inner = self.quote(self.format(self.case(self.strip_periods(rest), language)))  # type: ignore[attr-defined]
        parts = list(inner) if isinstance(inner, MixedString) else [String(inner) if type(inner) is str else inner]
        # joined as they are: "+" would normalise the seam ("..." + "...And" is not five periods)
        return self.wrap(MixedString([String(lead.group(0)), *parts]))  # type: ignore[attr-defined]

    def quote(self, string: object) -> object:
        """Wrap in quote placeholders if quotes="true"."""
        if self.get("quotes", "false").lower() == "true":
            return MixedString([String(QST)]) + string + String(QC)
        return string
