"""Formatting attributes a style sets to their plain values: font-style, font-weight and font-variant "normal",
vertical-align "baseline".

citeproc-js writes `<span style="font-style:normal;">` for font-style="normal" only where the text would otherwise be
italic (inside an italic group or field), and nothing elsewhere; the same for bold and small caps. It always writes
vertical-align="baseline" as `<span style="baseline">`. citeproc-py ignored all four.

A cs:text, cs:label or cs:group with any formatting attribute (even "normal") is a decorated blob in citeproc-js's
Queue.adjust: a mark ending its text is not merged with a different mark opening its suffix ("Why not?" in italics
with suffix "." is "Why not?."; a doubled mark is still one), and its output is sealed (punctuation.SEAL) against the
marks that follow it.
"""

from __future__ import annotations

from citeproc import model
from citeproc.string import MixedString, NoCase, String

from litsite.csl.elements import base_classes, extend
from litsite.csl.markup import APOS, AQC, AQO, CLOSE, HOLD, NUMEND, OPEN, QC, QUOTE_OPENS
from litsite.csl.punctuation import MARKS, NUMBER_SUFFIX, RICH_SEAL, SEAL, last_mark

_NORMAL = {"font-style": "ni", "font-weight": "nbi", "font-variant": "nsci"}
DECORATIONS = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")
# what makes citeproc-js read a field as rich text (a tree of blobs, not one string): quotes, apostrophes, markup
_RICH = frozenset("'\"\u2018\u2019\u201c\u201d" + APOS + QC + AQO + AQC) | QUOTE_OPENS | set(OPEN.values())


def _rich(string: object) -> bool:
    if isinstance(string, MixedString) and any(isinstance(piece, NoCase) for piece in string):
        return True
    return not _RICH.isdisjoint(str(string))


def _html(element: object) -> bool:
    return getattr(element.get_formatter(), "fmt", "") == "html"


def _ask(element: object, attribute: str, text: object) -> object:
    if element.get(attribute) == "normal" and _html(element) and text is not None and str(text):
        tag = _NORMAL[attribute]
        return OPEN[tag] + str(text) + CLOSE[tag]
    return text


class PlainDecorations:
    """Mixin for formatting elements: explicit normal and baseline values, as citeproc-js renders them."""

    def font_style(self, text: object) -> object:
        """Italic as citeproc-py does it; normal asked for explicitly marks the text (resolved by nesting)."""
        # the first formatting step sees the content as it is: remembered for SealedMarks.wrap, which follows
        self.__dict__["_litsite_rich"] = _rich(text)
        return _ask(self, "font-style", super().font_style(text))

    def font_weight(self, text: object) -> object:
        """Bold or light as citeproc-py; an explicit normal marks the text."""
        return _ask(self, "font-weight", super().font_weight(text))

    def font_variant(self, text: object) -> object:
        """Small caps as citeproc-py; an explicit normal marks the text."""
        return _ask(self, "font-variant", super().font_variant(text))

    def vertical_align(self, text: object) -> object:
        """Superscript or subscript as citeproc-py; baseline is a span of its own."""
        if self.get("vertical-align") == "baseline" and _html(self) and text is not None and str(text):
            return OPEN["bl"] + str(text) + CLOSE["bl"]
        return super().vertical_align(text)


for _tag, _base in base_classes().items():
    if issubclass(_base, model.Formatted):
        extend(_tag)(PlainDecorations)


class SealedMarks:
    """Mixin for cs:text, cs:label and cs:group: the marks around a decorated element as citeproc-js leaves them (a
    parent takes the seal off its last child when it joins its children: groups.Group, speed.KnownChildren)."""

    def wrap(self, string: object) -> object:
        """Affixes as citeproc-py adds them, with citeproc-js's rules for the marks around a decorated element."""
        if string is None:
            return super().wrap(string)
        suffix = self.get("suffix") or ""
        sealed = any(self.get(name) is not None for name in DECORATIONS)
        # a group's (or a macro's) content is a tree in citeproc-js, and so is a field with quotes or markup
        rich = isinstance(self, model.Group) or "macro" in self.attrib or self.get("quotes") == "true"
        rich = rich or self.__dict__.get("_litsite_rich", True)
        if sealed and suffix[:1] in MARKS and not rich:
            end = last_mark(str(string))
            if end in MARKS and end != suffix[0]:
                string = string + String(HOLD)
        out = number_suffix(self, string, super().wrap(string), sealed)
        end = last_mark(str(out))
        if sealed and (end in MARKS or end == QC):  # (what follows is not moved into its closing quote either)
            out = out + String(RICH_SEAL if rich else SEAL)
        elif end == " " and (sealed or self.get("quotes") == "true"):
            # citeproc-js drops a sibling's opening space after a trailing one only if the blob is undecorated
            # (quotes count): "Title.  Online" after an italic title with suffix ". "
            out = out + String(SEAL)
        return out


for _tag in ("text", "label", "group"):
    extend(_tag)(SealedMarks)


def number_suffix(element: object, string: object, out: object, sealed: bool) -> object:
    """`out` (the element's text `string` with its affixes) marked after the suffix when the text ends in a number
    and the suffix in a mark (punctuation.NUMBER_SUFFIX); not a decorated element's."""
    if sealed or out is None:
        return out
    if str(string).endswith(NUMEND) and (element.get("suffix") or "")[-1:] in MARKS and last_mark(str(out)) in MARKS:
        return out + String(NUMBER_SUFFIX)
    return out


@extend("number")
class NumberSuffix:
    """cs:number: marked after its suffix as SealedMarks marks a cs:text."""

    def wrap(self, string: object) -> object:
        """Affixes as citeproc-py adds them, the suffix marked (number_suffix)."""
        sealed = any(self.get(name) is not None for name in DECORATIONS)
        return number_suffix(self, string, super().wrap(string), sealed)  # type: ignore[misc]
