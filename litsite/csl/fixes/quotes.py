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

import re

from citeproc.string import MixedString, String

from litsite.csl.elements import extend
from litsite.csl.markup import APOS, AQC, AQO, CLOSE, HOLD, QC, QI, QIS, QO, QOS, QUOTE_OPENS, parse_rich_text

_CLOSERS = "".join(CLOSE.values())
_MOVE = re.compile(f"((?:[{QC}{_CLOSERS}])*{QC}(?:[{QC}{_CLOSERS}])*)([.,])")
_DOUBLE = re.compile(f"(?<!\\.)([.?!;:])([{QC}{_CLOSERS}]*)\\.(?!\\.)")  # "A;" + "." is "A;" (citeproc-js)
# citeproc-js's LtoR_MAP: where two marks meet at the end of a word, the stronger one stays ("A;" + ":" is "A;",
# "A:" + "!" is "A!"); pairs not listed ("A." + ":", "A!" + "?") stay as they are
_MERGED = {"!:": "!", "?:": "?", ":!": "!", ":?": "?", ";!": "!", ";?": "?", ";:": ";"}
_MERGE = re.compile("(?<![.!?:;])(!:|\\?:|:!|:\\?|;!|;\\?|;:)(?=\\s|$)")


_ANY_QUOTE = re.compile("[\"“”'‘’]")
_NARROW = re.compile("(?<=«) | (?=[:;?!»])")


class SmartQuotes:
    """Converts quotes in field text to placeholders and apostrophes to ’, keeping state across chunks."""

    def __init__(self) -> None:
        self.single_open = 0
        self.double_open = 0
        self.prev = " "
        self.first_straight = ""

    def _open(self, ch: str) -> str:
        """The placeholder of an opening quote: outer kind (QO) or inner kind (QI)."""
        if ch in "'\"":
            self.first_straight = self.first_straight or ch
            outer = ch == self.first_straight
        else:
            outer = ch == "“"
        if ch == "'":
            return QOS if outer else QIS
        return QO if outer else QI

    def __call__(self, text: str, last: bool = True) -> str:
        if " " in text:  # citeproc-js: a space before : ; ? ! and inside « » becomes a narrow no-break space
            text = _NARROW.sub("\u202f", text)
        if not _ANY_QUOTE.search(text):  # most field text: nothing to convert, only remember the last character
            if text:
                self.prev = text[-1]
            return text
        out = []
        for i, ch in enumerate(text):
            nxt = text[i + 1] if i + 1 < len(text) else (" " if last else "x")
            prev = self.prev
            starts = prev.isspace() or prev in "([{-—–/"
            if ch in '"“”':
                if ch == "“" or (ch == '"' and (starts or not self.double_open) and not nxt.isspace()):
                    self.double_open += 1
                    out.append(self._open(ch))
                elif self.double_open:
                    self.double_open -= 1
                    out.append(QC)
                else:
                    out.append(ch)
            elif ch in "'‘’":
                if prev.isalnum() and nxt.isalpha() and ch != "‘":
                    out.append(APOS if ch == "'" else "’")  # a typed apostrophe is part of its word (title case)
                elif (starts or ch == "‘") and ch != "’" and not nxt.isspace() and (ch != "'" or _closes(text, i + 1)):
                    self.single_open += 1
                    out.append(self._open(ch))
                elif self.single_open:
                    self.single_open -= 1
                    out.append(QC)
                else:
                    out.append("’")
            else:
                out.append(ch)
            self.prev = out[-1] if out[-1] not in QUOTE_OPENS and out[-1] != QC else prev
        return "".join(out)


def _closes(text: str, start: int) -> bool:
    """Whether a straight single quote after `start` closes the quote opened before it (ends a word, and is not the
    closer of a quote opened in between)."""
    depth = 0
    for j in range(start, len(text)):
        if text[j] not in "'’":
            continue
        before = text[j - 1]
        after = text[j + 1] if j + 1 < len(text) else " "
        if text[j] == "'" and (before.isspace() or before in "([{") and not after.isspace():
            depth += 1
        elif not before.isspace() and not after.isalnum():
            if not depth:
                return True
            depth -= 1
    return False


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
            return text, None
        return super().process(item, context=context, **kwargs)


def resolve_quotes(text: str, quotes: tuple[str, str, str, str], piq: bool) -> str:
    """Move punctuation into quotes (if piq), drop doubled periods, and pick quote glyphs by nesting depth."""
    text = text.replace(APOS, "’")
    if piq:
        text = _MOVE.sub(lambda m: m.group(2) + m.group(1), text)
    text = _DOUBLE.sub(lambda m: m.group(1) + m.group(2), text)
    text = _MERGE.sub(lambda m: _MERGED[m.group(1)], text)
    if QC not in text and AQC not in text and not any(q in text for q in (*QUOTE_OPENS, AQO)):
        return text
    out = []
    levels: list[int] = []  # the glyph level of each open quote: even outer, odd inner
    for ch in text:
        ch = QO if ch == AQO else QC if ch == AQC else ch  # an affix's quotes nest like the others
        if ch in QUOTE_OPENS:
            level = levels[-1] + 1 if levels else (1 if ch in (QI, QIS) else 0)
            levels.append(level)
            out.append(quotes[0] if level % 2 == 0 else quotes[2])
        elif ch == QC:
            level = levels.pop() if levels else 0
            out.append(quotes[1] if level % 2 == 0 else quotes[3])
        else:
            out.append(ch)
    return "".join(out)


@extend("text")
class QuotedText:
    """cs:text quotes="true" wraps in quote placeholders, resolved (with flip-flop) when output is finished."""

    def quote(self, string: object) -> object:
        """Wrap in quote placeholders if quotes="true"."""
        if self.get("quotes", "false").lower() == "true":
            return MixedString([String(QO)]) + string + String(QC)
        return string
