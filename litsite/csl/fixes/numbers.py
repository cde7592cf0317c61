"""Page ranges (page-range-format: expanded, minimal, minimal-two, chicago) and en dashes in number ranges.

CSL 1.0.2 "Appendix V - Page Range Formats"; an abbreviated second page in the data ("321-8") is expanded first
("321–328"). Ranges in other numeric variables (issue "3-4") use an en dash as citeproc-js does.
"""

from __future__ import annotations

import re

from litsite.csl.elements import extend

NUMBER_VARIABLES = {"issue", "volume", "number", "chapter-number", "collection-number", "edition",
                    "number-of-pages", "number-of-volumes", "section", "locator"}  # fmt: skip
_RANGE = re.compile(r"^(\d+)\s*[-–]+\s*(\d+)$")


_NUMBERISH = r"(?:\d+[A-Za-z]?|[ivxlcdm]+|[IVXLCDM]+)"
_LOCATOR_RANGE = re.compile(rf"(?<![\w.])({_NUMBERISH})\s*[-–]\s*({_NUMBERISH})(?![\w])")


def locator_ranges(text: str) -> str:
    """A locator's ranges of numbers (or Roman numerals) with an en dash and no spaces ("100 - 103" → "100–103",
    "i-ix" → "i–ix"); a hyphen between other words stays ("3-B", "Michaelson-Morley"), as citeproc-js writes them."""
    return _LOCATOR_RANGE.sub(lambda m: f"{m.group(1)}–{m.group(2)}", text)


def expand(first: str, last: str) -> str:
    """The full last page of a range whose last page may be abbreviated ("321", "8" → "328")."""
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        return first[: len(first) - len(last)] + last
    return last


def format_last(first: str, last: str, fmt: str | None) -> str:
    """The last page as the page-range-format wants it."""
    last = expand(first, last)
    if not (first.isdigit() and last.isdigit()) or len(first) != len(last) or fmt in (None, "expanded"):
        return last
    if fmt in ("chicago", "chicago-15", "chicago-16"):
        n = int(first)
        if n < 100 or n % 100 == 0:
            return last
        if fmt != "chicago-16" and len(first) == 4 and len(first) - _common(first, last) >= 3:
            return last
        fmt = "minimal" if n % 100 < 10 else "minimal-two"
    common = _common(first, last)
    if fmt == "minimal":
        return last[common:] or last[-1:]
    if fmt == "minimal-two":
        return last[min(common, len(last) - 2) :]
    return last


def _common(first: str, last: str) -> int:
    n = 0
    for a, b in zip(first, last, strict=False):
        if a != b:
            break
        n += 1
    return n


class PageRanges:
    """FormatNumber with CSL page-range formats."""

    def _format_last_page(self, first: str, last: str) -> str:
        return format_last(str(first), str(last), self.get_root().get("page-range-format"))


@extend("text")
class TextNumbers(PageRanges):
    """cs:text: en dash in ranges of numeric variables."""

    def _variable(self, item: object, context: object) -> object:
        text = super()._variable(item, context)
        variable = self.get("variable")
        if variable == "locator" and text is not None:
            text = locator_ranges(str(item.locator.identifier).strip())
            if " & " in text:  # a list of numbers joined by "&" takes the locale's symbol for "and"
                text = text.replace(" & ", f" {self.get_single_term('and', form='symbol') or '&'} ")
            return text
        if text is not None and variable in NUMBER_VARIABLES and variable != "locator":
            match = _RANGE.match(str(text).strip())
            if match:
                dash = str(self.get_single_term("page-range-delimiter") or "") or "–"
                return f"{match.group(1)}{dash}{match.group(2)}"
        return text


extend("number")(type("NumberPages", (PageRanges,), {}))
