"""Formatting attributes a style sets to their plain values: font-style, font-weight and font-variant "normal",
vertical-align "baseline".

citeproc-js writes `<span style="font-style:normal;">` for font-style="normal" only where the text would otherwise be
italic (inside an italic group or field), and nothing elsewhere; the same for bold and small caps. It always writes
vertical-align="baseline" as `<span style="baseline">`. citeproc-py ignored all four.
"""

from __future__ import annotations

from citeproc import model

from litsite.csl.elements import base_classes, extend
from litsite.csl.markup import CLOSE, OPEN

_NORMAL = {"font-style": "ni", "font-weight": "nbi", "font-variant": "nsci"}


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
