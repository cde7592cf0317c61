"""Dates: localized date delimiters and date-part overrides, date ranges, implicit year-suffix.

CSL 1.0.2 "Date": a localized date (form="text"/"numeric") uses the locale's cs:date delimiter and date-part affixes;
date-parts in the style may override other attributes but not affixes (citeproc-py used the style's delimiter and
changed the shared locale element). "Date Ranges": parts equal in both dates are rendered once, the range delimiter
(default en dash) comes from the largest differing part. "Disambiguation": without an explicit year-suffix
variable, the suffix follows the first rendered year.
"""

from __future__ import annotations

from citeproc import model
from citeproc.source import DateRange, LiteralDate, VariableError
from citeproc.string import String

from litsite.csl.elements import extend
from litsite.csl.fixes.groups import report, suppressed
from litsite.csl.fixes.ordinals import noun_gender, ordinal
from litsite.csl.fixes.sorting import DATE_KEY

_CURRENT: list[object] = []  # the item whose date is being rendered
COMPARING: list[bool] = []  # not empty while a cite is rendered to be compared with others (disambiguation)
_ORDER = ("year", "month", "day")
_NO_ERA: list[bool] = []  # set while the two years of a range render: the era term follows the range once


def _suffix(item: object) -> str:
    dis = item.reference.get("_dis") or {}
    return dis.get("suffix", "") if not dis.get("explicit_suffix") else ""


def _sort_text(value: object, shown: set[str]) -> str:
    """The shown parts of a date (and of a range's end) as digits that sort chronologically, also across BC/AD,
    between DATE_KEY marks: citeproc-js's dateAsSortKey (year as 1YYYY or, BC, 0 and 9999-YYYY; month, day)."""
    begin = value.begin if isinstance(value, DateRange) else value
    end = value.get("end") if isinstance(value, DateRange) else None
    out = ""
    for date in (begin, end):
        year = int(date.get("year") or 0) if date is not None and "year" in shown else 0
        year = 9999 + year if year < 0 else 10000 + year
        month = int(date.get("month") or 0) if date is not None and "month" in shown else 0
        month = month if month <= 12 else 0  # a season is no month in a sort key (CSL.dateAsSortKey)
        day = int(date.get("day") or 0) if date is not None and "day" in shown else 0
        out += f"{year:05d}{month:02d}{day:02d}"
    return DATE_KEY[0] + out + DATE_KEY[1]


@extend("date")
class Date:
    """cs:date with correct delimiters, ranges and year-suffix."""

    def process(self, item: object, variable: str | None = None, show_parts: list | None = None,
                context: object = None, **kwargs: object) -> object:  # fmt: skip
        """Render the date variable, reporting it to the enclosing group."""
        var = variable or self.get("variable")
        if var and suppressed(self, item, var):
            report(False)
            return None
        value = item.reference.get(var.replace("-", "_")) if var else None
        if not value or (COMPARING and var == "accessed"):  # citeproc-js compares cites without accessed dates
            report(False)
            raise VariableError
        if kwargs.get("sort_options") is not None and not isinstance(value, LiteralDate):
            report(True, var)
            shown = {p.get("name") for p in self.iterchildren() if p.get("name")}
            shown = shown or set(self.get("date-parts", "year-month-day").split("-"))
            return String(_sort_text(value, shown))  # a date in a macro sort key sorts as a date (BC before AD)
        _CURRENT.append(item)
        try:
            text = super().process(item, variable=variable, show_parts=show_parts, context=context, **kwargs)
        finally:
            _CURRENT.pop()
        report(bool(text), var)
        if text and isinstance(value, LiteralDate):
            return text
        return text

    def render_single_date(self, date: object, show_parts: list | None = None, context: object = None) -> object:
        """Render one date; parts joined with this element's delimiter."""
        parts = self.parts(date, show_parts or list(_ORDER), context if context is not self else None)
        return self.join(parts) if parts else None

    def render_date_range(self, date_range: DateRange, show_parts: list | None = None, context: object = None):
        """Render a range, parts that agree rendered once."""
        present = {part.get("name") for part in self.iterchildren()}
        show = [p for p in (show_parts or _ORDER) if p in present]
        begin, end = date_range.begin, date_range.get("end")
        if end is None:
            return self.render_single_date(begin, show, context)
        if end.is_nil():  # an open range ([[1987], [0]]): "1987–", as citeproc-js writes it
            first = self.render_single_date(begin, show, context)
            return None if first is None else String(str(first).rstrip() + "–")
        differ = [p for p in _ORDER if p in show and begin.get(p) != end.get(p)]
        if not differ:
            return self.render_single_date(begin, show, context)
        largest = differ[0]
        varying = [p for p in show if _ORDER.index(p) >= _ORDER.index(largest)]
        same = [p for p in show if p not in varying]
        delimiter = "–"
        for part in self.iterchildren():
            if part.get("name") == largest and part.get("range-delimiter"):
                delimiter = part.get("range-delimiter")
        # a year suffix follows the range's last year, "2014–2015a" (citeproc-js), not its first
        item = _CURRENT[-1] if _CURRENT and "year" in varying and not _CURRENT[-1].get("_suffix_done") else None
        if item is not None:
            item["_suffix_done"] = True
        _NO_ERA.append("year" in varying)
        try:
            first = self.render_single_date(begin, varying, context)
            if item is not None:
                item["_suffix_done"] = False
            last = self.render_single_date(end, varying, context)
        finally:
            _NO_ERA.pop()
        if first is None or last is None:
            return first or last
        rng = str(first).rstrip() + delimiter + str(last).lstrip()
        if "year" in varying:
            rng += _era(self, begin.get("year"))
        if not same:
            return rng
        order = [p.get("name") for p in self.iterchildren() if p.get("name") in show]
        shared = self.render_single_date(end, same, context)
        if order and order[0] in same:
            return self.join([shared, rng]) if shared else rng
        return self.join([rng, shared]) if shared else rng


def _era(element: object, year: object) -> str:
    """The term citeproc-js writes after a year: "BC" before year 1, "AD" for years 1-499, else nothing."""
    if not isinstance(year, int) or year == 0 or year >= 500:
        return ""
    root = element.get_root()
    # a localized date's parts belong to the locale's tree; the style's own cs:locale may override the term
    where = getattr(root, "style", None) if isinstance(root, model.Locale) else None
    return str((where if where is not None else element).get_single_term("bc" if year < 0 else "ad") or "")


def season_index(date: object) -> int | str | None:
    """The season a date's month stands for (months 13-16 and 21-24 are seasons 1-4, as citeproc-js reads them), or
    its season field (a number 1-4, or a name such as "Michaelmas"); None when neither is there."""
    month = date.get("month")
    if isinstance(month, int) and 13 <= month <= 24:
        while month > 16:
            month -= 4
        return month - 12
    season = date.get("season")
    if season in (None, ""):
        return None
    return int(season) if str(season).strip() in ("1", "2", "3", "4") else str(season)


@extend("date-part")
class DatePart:
    """cs:date-part: style overrides without changing the locale; year-suffix after the year; seasons."""

    def process(self, date: object, context: object = None) -> object:
        """A month out of 1-12 is a season's term or nothing; other parts as citeproc-py renders them."""
        if self.get("name") == "year" and self.get("form", "long") == "long" and isinstance(date.get("year"), int):
            year = date.get("year")
            return str(abs(year)) + ("" if _NO_ERA and _NO_ERA[-1] else _era(context or self, year))
        if self.get("name") == "day" and self.get("form") == "ordinal" and isinstance(date.get("day"), int):
            where = context or self
            day = date.get("day")
            if day > 1 and where.get_locale_option("limit-day-ordinals-to-day-1").lower() == "true":
                return str(day)
            month = f"month-{date.get('month'):02}" if isinstance(date.get("month"), int) else None
            return ordinal(day, where, noun_gender(where, month))
        month = date.get("month")
        if self.get("name") != "month" or (isinstance(month, int) and 1 <= month <= 12):
            return super().process(date, context)
        season = season_index(date)
        if isinstance(season, int):
            return (context or self).get_single_term(f"season-{season:02}")
        return season

    def render(self, date: object, context: object = None) -> object:
        """Render the part with the style's non-affix overrides applied temporarily."""
        saved = dict(self.attrib)
        override = {}
        if context is not None and context is not self and self.getparent() is not context:
            for part in context.iterchildren():
                if part.get("name") == self.get("name"):
                    override = {k: v for k, v in part.attrib.items() if k not in ("prefix", "suffix")}
        try:
            self.attrib.update(override)
            name = self.get("name")
            if name in ("month", "day") and not date.get(name) and not (name == "month" and date.get("season")):
                return None
            text = super().render(date, self)
        except VariableError:
            text = None
        finally:
            self.attrib.clear()
            self.attrib.update(saved)
        if text and self.get("name") == "year" and _CURRENT and not _CURRENT[-1].get("_suffix_done"):
            suffix = _suffix(_CURRENT[-1])
            if suffix:
                text = text + suffix
                _CURRENT[-1]["_suffix_done"] = True  # only after the first rendered year
        return text
