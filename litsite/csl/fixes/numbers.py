"""Page ranges (page-range-format: expanded, minimal, minimal-two, chicago) and en dashes in number ranges.

CSL 1.0.2 "Appendix V - Page Range Formats"; an abbreviated second page in the data ("321-8") is expanded first
("321–328") when the style asks for a format, and left as written when it does not (citeproc-js). Pages with a
letter prefix: the same prefix on both ends is a range ("R583-R586" → "R583–6" minimal), a prefix on the first only
("R583-6", "B677-709") is left exactly as written. Ranges in other numeric variables (issue "3-4") use an en dash as
citeproc-js does.
"""

from __future__ import annotations

import re

from citeproc.string import String

from litsite.csl.elements import extend
from litsite.csl.fixes.number_text import is_plural, is_slashed, write
from litsite.csl.fixes.pages import format_pages
from litsite.csl.markup import NUMEND
from litsite.csl.number_labels import TERMS, number_label, page_label
from litsite.csl.number_segments import label_segments

NUMBER_VARIABLES = {"issue", "volume", "number", "chapter-number", "collection-number", "edition",
                    "number-of-pages", "number-of-volumes", "section", "locator"}  # fmt: skip


# the variables whose cs:label citeproc-js makes plural by processNumber's reading (its NUMERIC_VARIABLES)
_LABELLED_NUMBERS = NUMBER_VARIABLES | {"page", "version", "part-number", "printing-number", "supplement-number"}
# the variables whose hyphens in a numeric value that is not collapsible take the range delimiter (fixupRangeDelimiter)
_WORD_RANGED = frozenset({"volume", "issue", "number", "edition"})
_NUMBERISH = r"(?:\d+[A-Za-z]?|[ivxlcdm]+|[IVXLCDM]+)"
_LOCATOR_RANGE = re.compile(rf"(?<![\w.])({_NUMBERISH})\s*[-–]\s*({_NUMBERISH})(?![\w])")


# citeproc-js renders a numeric variable whose parts are numbers (a letter prefix allowed: "S12", "e1003") as number
# blobs; the last one is a number when it is an integer without leading zero, and then no punctuation is merged into
# what follows it ("41;" + "." stays "41;.", where "A;" + "." is "A;")
_PART = r"(?:[A-Za-z]*\d+|[ivxlcdmIVXLCDM]+)"
_ENDS_IN_NUMBER = re.compile(rf"^(?:{_PART}\s*(?:[-–,&]|and)\s*)*[A-Za-z]*[1-9]\d*$")


def number_end(text: object, value: object) -> object:
    """`text` followed by the number-end mark when citeproc-js would end it with a number blob (`value` as written)."""
    if text is None or not _ENDS_IN_NUMBER.match(str(value).strip()):
        return text
    return text + String(NUMEND)


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
    if fmt is None:
        return last
    last = expand(first, last)
    if not (first.isdigit() and last.isdigit()) or len(first) != len(last) or fmt == "expanded" or first == last:
        return last  # citeproc-js does not shorten a "range" of one page ("539–539")
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


def group_labels(element: object, written: str, variable: str) -> str:
    """The value with each label inside it (number_segments: "2, pt. 1, 3") written as citeproc-js writes it: the short
    term it names, plural when its group of values is (outputNumericField; "pts. 1, 3"); another label as written."""
    groups = label_segments(written, variable)
    if groups is None:
        return written
    for n in range(1, len(groups), 2):
        found = re.match(r"^(.*?)([a-z]+\.?)(\s*)$", groups[n], re.S)
        if found is None or found.group(2) not in TERMS:
            continue
        get = element.get_plural_term if is_plural(groups[n + 1], variable) else element.get_single_term  # type: ignore[attr-defined]
        term = str(get(TERMS[found.group(2)], form="short") or "")
        if term:
            groups[n] = found.group(1) + term + found.group(3)
    return "".join(groups)


class PageRanges:
    """FormatNumber with CSL page-range formats."""

    def _process(self, value: object, variable: str) -> object:
        if variable == "page":
            return number_end(String(group_labels(self, self.litsite_pages(str(value)), "page")), value)
        if variable == "page-first":  # citeproc-js: the page up to the first "&", ", ", hyphen or en dash
            first = re.split(r"\s*(?:&|, |-|\u2013)\s*", str(value))[0]
            return number_end(String(self.litsite_pages(first)), value)
        # cs:number reads every numeric variable as citeproc-js's processNumber does ("08" stays "08"); the others
        # than NUMBER_VARIABLES (part-number, printing-number…) keep a hyphen in a range (fixRanges skips them)
        ranged = variable.replace("_", "-") in NUMBER_VARIABLES
        if (ranged or str(getattr(self, "tag", "")).endswith("}number")) and variable != "locator":
            dash = (str(self.get_single_term("page-range-delimiter") or "") or "–") if ranged else "-"
            words, fmt = variable.replace("_", "-") in _WORD_RANGED, bool(self.get_root().get("page-range-format"))
            written = write(str(value), dash, lambda n: str(self.format_number(n)), words, fmt)
            return number_end(String(group_labels(self, written, variable.replace("_", "-"))), value)
        return number_end(super()._process(value, variable), value)

    def litsite_pages(self, value: str) -> str:
        """Pages formatted as citeproc-js formats them (fixes/pages.py)."""
        fmt = self.get_root().get("page-range-format")
        dash = str(self.get_single_term("page-range-delimiter") or "") or "–"
        return format_pages(value, fmt, dash, str(self.get_single_term("and", form="symbol") or "") or "&")


_URL_PATH = re.compile(r"(.*\.[^/]+)/.*")


def short_url(url: str) -> str:
    """cs:text variable="URL" form="short" as citeproc-js writes it: the address up to its host (the path after the
    last dotted part dropped), and without http(s):// when the host starts with www. ("www.who.int")."""
    url = _URL_PATH.sub(r"\1", url, count=1)
    return re.sub(r"https?://", "", url, count=1) if "//www." in url else url


def embedded_page_label(element: object, reference: object) -> str:
    """The term of another variable's label written in page, as citeproc-js prints it before the number ("vols. ")."""
    plural = is_plural(str(reference.get("page")))
    get = element.get_plural_term if plural else element.get_single_term  # type: ignore[attr-defined]
    return f"{get(page_label(reference), form='short')} "


@extend("text")
class TextNumbers(PageRanges):
    """cs:text: en dash in ranges of numeric variables."""

    def _variable(self, item: object, context: object) -> object:
        variable = self.get("variable")
        if variable in NUMBER_VARIABLES or variable.startswith("page"):
            item["_predecessor"] = True  # citeproc-js: a number variable, even empty, comes before a term
        text = super()._variable(item, context)
        if variable == "URL" and text is not None and self.get("form") == "short":
            return short_url(str(text))
        if variable == "page" and text is not None and page_label(item.reference):  # "vol. 7-44" (number_labels)
            return String(embedded_page_label(self, item.reference)) + text
        if variable == "locator" and text is not None:
            if (item.locator.label or "page") == "page":
                return number_end(self.litsite_pages(str(item.locator.identifier)), item.locator.identifier)
            text = locator_ranges(str(item.locator.identifier).strip())
            if " & " in text:  # a list of numbers joined by "&" takes the locale's symbol for "and"
                text = text.replace(" & ", f" {self.get_single_term('and', form='symbol') or '&'} ")
            return number_end(text, item.locator.identifier)
        if text is not None and variable in NUMBER_VARIABLES and variable != "locator":
            raw = text
            dash = str(self.get_single_term("page-range-delimiter") or "") or "–"
            fmt = bool(self.get_root().get("page-range-format"))  # ranges and lists as citeproc-js writes them
            written = group_labels(self, write(str(text), dash, str, variable in _WORD_RANGED, fmt), variable)
            return number_end(text if written == str(text) else String(written), raw)
        return text


@extend("number")
class NumberPages(PageRanges):
    """cs:number: page ranges, and hyphenated variables (number-of-volumes) looked up as citeproc-py stores them."""

    def process(self, item: object, context: object = None, **kwargs: object) -> object:
        """Render the number, with the variable name citeproc-py's Reference knows."""
        variable = self.get("variable") or ""
        if variable == "page" and page_label(item.reference):  # "vol. 7-81": the term before it, as in cs:text
            out = super().process(item, context=context, **kwargs)
            return None if out is None else String(embedded_page_label(self, item.reference)) + out
        if "-" not in variable or variable == "page-first":
            return super().process(item, context=context, **kwargs)
        self.set("variable", variable.replace("-", "_"))
        try:
            return super().process(item, context=context, **kwargs)
        finally:
            self.set("variable", variable)


@extend("label")
class CountLabel:
    """cs:label of number-of-pages / number-of-volumes: plural when the count is above one ("3 vols.")."""

    def process(self, item: object, variable: str | None = None, plural: object = None, context: object = None,
                **kwargs: object) -> object:  # fmt: skip
        """citeproc-py reads the count from the cite instead of the item (and fails): decide the plural here."""
        var = variable or self.get("variable") or ""
        if plural is None and var != "locator" and is_slashed(str(item.reference.get(var.replace("-", "_")) or "")):
            plural = False  # processNumber: "2/369" is one number (number_text)
        if plural is None and var.replace("_", "-").startswith("number-of-"):
            value = str(item.reference.get(var.replace("-", "_")) or "").strip()
            lead = re.match(r"\d+", value)  # also plural when parseInt of it is above one ("2a vols.")
            plural = is_plural(value, var) or bool(lead and int(lead.group(0)) > 1)
        elif plural is None and var.replace("_", "-") in _LABELLED_NUMBERS and var != "locator":
            value = item.reference.get(var.replace("-", "_"))
            if value:  # citeproc-js: several pieces, the first one counted ("406.3-406.3" is one page)
                plural = is_plural(str(value), var.replace("_", "-"))
        if variable is None and var in ("number", "page"):  # the term a label written in the value names ("bk. 3")
            variable = (number_label if var == "number" else page_label)(item.reference)
        return super().process(item, variable=variable, plural=plural, context=context, **kwargs)
