"""A date written part by part as citeproc-js writes it (its cs:date and cs:date-part nodes), ranges and eras included.

A range "collapses" at the largest part shown that differs between its two dates: from that part down to the day
(in year-month-day order, among the parts shown that the end date has; the day alone when three parts are shown and
none differs) the parts are written twice. The parts come in the date's order; the last of the collapsing parts
writes its start without its suffix, the range delimiter (its own range-delimiter, else the locale's
year-range-delimiter, an en dash), then the end parts: each without its prefix but the last, which keeps its prefix
unless it is the only one, joined with the delimiter of the date node citeproc-js compiled last in the style (not
this date's: the end parts are collected in one queue that node set up). An open range's end ([[2014], [0]]) is
left out after the delimiter: "(2014–". The era term ("BC" before year 1, "AD" for years 1-499) follows the year
after its affixes — "(334) BC" — and, in a range, the whole range once: "(100–44) BC". The year-suffix follows the
year's part with what was written with it: "2014–2015a".
"""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

_ORDER = ("year", "month", "day")
NO_ERA: list[bool] = []  # not empty while a date's parts render: the era term is written here, after the affixes
STRIP: list[str] = []  # the affix ("prefix"/"suffix") the date-part rendering now leaves off ("" none)
_CS = "{http://purl.org/net/xbiblio/csl}"


def era(element: Any, year: object) -> str:
    """The term citeproc-js writes after a year: "BC" before year 1, "AD" for years 1-499, else nothing."""
    if not isinstance(year, int) or year == 0 or year >= 500:
        return ""
    root = element.get_root()
    # a localized date's parts belong to the locale's tree; the style's own cs:locale may override the term
    where = getattr(root, "style", None) if isinstance(root, model.Locale) else None
    return str((where if where is not None else element).get_single_term("bc" if year < 0 else "ad") or "")


def _part(part: Any, date: Any, context: Any, strip: str = "") -> str:
    """One date-part rendered with its affixes, or without the one named by `strip`; "" when it has no value."""
    STRIP.append(strip)
    NO_ERA.append(True)
    try:
        text = part.render(date, context)
    except VariableError:
        text = None
    finally:
        STRIP.pop()
        NO_ERA.pop()
    return "" if text is None else str(text)


def year_suffix_blob(part: Any, context: Any, letters: str) -> str:
    """The implicit year-suffix ("a") after a year, as citeproc-js appends it: a NumericBlob built on the year
    date-part's token, so with that part's prefix, suffix, formatting and text-case ("(2016)(a)", "2016.a.",
    "<i>2016</i><i>a</i>"); the style's overrides of a localized date's part apply as they do to the year."""
    if not letters:
        return ""
    saved = dict(part.attrib)
    if context is not None and context is not part and context is not part.getparent():
        for other in context.iterchildren():
            if other.get("name") == part.get("name"):
                part.attrib.update({k: v for k, v in other.attrib.items() if k not in ("prefix", "suffix")})
    try:
        text = part.markup(String(letters))
    finally:
        restore_attributes(part, saved)
    return "" if text is None else str(text)


def restore_attributes(element: Any, saved: dict[str, str]) -> None:
    """Put back an element's attributes changed for one rendering."""
    if element.attrib != saved:  # what speed.py remembers of the changed attributes holds for this call only
        element.__dict__.pop("_litsite_bare", None)
        element.__dict__.pop("_litsite_plain", None)
    element.attrib.clear()
    element.attrib.update(saved)


def _collapse_at(names: list[str], begin: Any, end: Any) -> list[str]:
    """The parts written twice: from the largest shown part that differs, down to the day (citeproc-js's
    date_collapse_at: without a difference, the parts from the third on — the day when three parts are shown)."""
    if end is None:
        return []
    shown = [n for n in _ORDER if n in names and (n in end or (n == "month" and "season" in end))]
    at = 2
    for pos, name in enumerate(shown):
        if begin.get(name) != end.get(name):
            at = pos
            break
    return shown[at:]


def _range_delimiter(part: Any, context: Any) -> str:
    """The ready part's range-delimiter (the style's date-part overrides a localized one), else the term."""
    if context is not None and context is not part.getparent():
        for other in context.iterchildren():
            if other.get("name") == part.get("name") and other.get("range-delimiter"):
                return other.get("range-delimiter")
    if part.get("range-delimiter"):
        return part.get("range-delimiter")
    return str((context or part).get_single_term("year-range-delimiter") or "–")


def write(element: Any, begin: Any, end: Any, show: list[str], context: Any, suffix: Any) -> str | None:
    """The date (a range when `end` is given) in the parts `show` of cs:date `element`; `suffix()` gives the
    year-suffix once (then "")."""
    parts = [p for p in element.iterchildren() if p.get("name") in show]
    collapse = _collapse_at([p.get("name") for p in parts], begin, end)
    done: list[str] = []
    ends: list[str] = []
    levels: list[str] = []
    for part in parts:
        name = part.get("name")
        done.append(name)
        year = begin.get("year") if name == "year" else None
        after = era(context or element, year) if name == "year" else ""
        last = end.get(name) if end is not None else None
        if collapse and all(c in done for c in collapse):
            if last not in (0, None, ""):
                ends.append(_part(part, end, context, "" if ends else "prefix"))
            start = _part(part, begin, context, "suffix")
            level = start + _range_delimiter(part, context) + _joined(ends, end_delimiter(element))
            collapse = []
        else:
            level = _part(part, begin, context)
            if name in collapse and last not in (0, None, ""):
                ends.append(_part(part, end, context, "prefix") + after)
        if not level:
            continue
        level += after
        if name == "year" and year:
            level += year_suffix_blob(part, context, suffix())
        levels.append(level)
    if not levels:
        return None
    return str(element.join(levels))


def _joined(ends: list[str], delimiter: str) -> str:
    """The end parts joined with `delimiter`, one of two spaces dropped where each string meets the text before it
    (citeproc-js's queue: "June 26" of a month's suffix " ", the delimiter " " and a day's prefix " ", as in the
    range's first half; "June  26" with a delimiter of two spaces)."""
    out = ""
    for piece in (e for e in ends if e):
        for bit in (delimiter, piece) if out else (piece,):
            out += bit[1:] if out.endswith(" ") and bit.startswith(" ") else bit
    return out


def end_delimiter(element: Any) -> str:
    """The delimiter of the cs:date citeproc-js compiles last in the style (citation then bibliography, each sort
    then layout, a macro at its first use, a sort key's macro at each): a localized one's from the locale."""
    root = element.get_root()
    style = getattr(root, "style", None) if isinstance(root, model.Locale) else root
    memo = style.__dict__
    if "_litsite_end_delimiter" not in memo:
        date = _last_compiled_date(style)
        if date is not None and date.get("form"):
            try:
                date = date.get_date(date.get("form"))
            except (IndexError, KeyError, AttributeError):
                date = None
        memo["_litsite_end_delimiter"] = (date.get("delimiter") if date is not None else None) or ""
    return memo["_litsite_end_delimiter"]


def _last_compiled_date(style: Any) -> Any:
    macros = {m.get("name"): m for m in style.iterchildren(f"{_CS}macro")}
    expanded: set[str] = set()
    last: list[Any] = [None]

    def walk(element: Any, in_sort: bool, depth: int) -> None:
        if depth > 50:  # a macro calling itself: not a style citeproc-js compiles either
            return
        for child in element.iterchildren():
            if not isinstance(child.tag, str):
                continue
            tag = child.tag.replace(_CS, "")
            if tag == "date":
                last[0] = child
            name = child.get("macro") if tag in ("text", "key") else None
            if name in macros and (in_sort or name not in expanded):
                if not in_sort:
                    expanded.add(name)
                walk(macros[name], in_sort, depth + 1)
            walk(child, in_sort or tag == "sort", depth + 1)

    for area in ("citation", "bibliography"):
        node = style.find(f"{_CS}{area}")
        if node is not None:
            walk(node, False, 0)
    return last[0]
