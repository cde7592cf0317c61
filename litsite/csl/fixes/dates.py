"""Dates: localized date delimiters and date-part overrides, date ranges, implicit year-suffix.

CSL 1.0.2 "Date": a localized date (form="text"/"numeric") uses the locale's cs:date delimiter and date-part affixes;
date-parts in the style may override other attributes but not affixes (citeproc-py used the style's delimiter and
changed the shared locale element). Dates and "Date Ranges" are written part by part as citeproc-js writes them
(fixes/date_range.py: affixes at the range, the era after the year's affixes, the end parts). "Disambiguation":
without an explicit year-suffix variable, the suffix follows the first rendered year.
"""

from __future__ import annotations

from citeproc.source import DateRange, LiteralDate, VariableError
from citeproc.string import String

from litsite.csl.elements import extend
from litsite.csl.fixes.date_range import NO_ERA, STRIP, era, restore_attributes, write, year_suffix_blob
from litsite.csl.fixes.groups import report, suppressed
from litsite.csl.fixes.ordinals import noun_gender, ordinal
from litsite.csl.fixes.sorting import DATE_KEY

_CURRENT: list[object] = []  # the item whose date is being rendered
COMPARING: list[bool] = []  # not empty while a cite is rendered to be compared with others (disambiguation)
_ORDER = ("year", "month", "day")


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
        month = month if 1 <= month <= 12 else 0  # a season (month 13-24) sorts as no month
        day = int(date.get("day") or 0) if date is not None and "day" in shown else 0
        out += f"{year:05d}{month:02d}{day:02d}"
    return DATE_KEY[0] + out + DATE_KEY[1]


def _has_shown(value: object, shown: set[str]) -> bool:
    """Whether the date (its start) has one of the shown parts: citeproc-js's test of a date variable's success
    (its @variable: a key of the date among the token's dateparts; seasons are no month)."""
    begin = value.begin if isinstance(value, DateRange) else value
    month = int(begin.get("month") or 0) if begin is not None else 0
    values = {
        "year": begin is not None and bool(begin.get("year")),
        "month": 1 <= month <= 12,
        "day": begin is not None and bool(begin.get("day")),
    }
    return any(values.get(part) for part in shown)


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
        if kwargs.get("sort_options") is not None and isinstance(value, LiteralDate):
            report(True, var)  # no digits, but a level opened as for any date (sort_levels)
            return String(DATE_KEY[0] + DATE_KEY[1])
        if kwargs.get("sort_options") is not None:
            shown = {p.get("name") for p in self.iterchildren() if p.get("name")}
            shown = shown or set(self.get("date-parts", "year-month-day").split("-"))
            report(_has_shown(value, shown), var)  # a group around no shown part is suppressed (citeproc-js)
            return String(_sort_text(value, shown))  # a date in a macro sort key sorts as a date (BC before AD)
        if isinstance(value, LiteralDate) and kwargs.get("sort_options") is None and not self.is_locale_date():
            text = self._literal(value.text)
            report(bool(text), var)
            return text
        _CURRENT.append(item)
        try:
            text = super().process(item, variable=variable, show_parts=show_parts, context=context, **kwargs)
        finally:
            _CURRENT.pop()
        report(bool(text), var)
        return text

    def _literal(self, literal: str) -> object:
        """A literal date as citeproc-js writes it: where the year is shown, with the year date-part's affixes, else
        nothing ("(ağustos 30, 1999)" under a year written "(2000)")."""
        form = self.get("form")
        parts = self.get_date(form) if form else self
        shown = (self.get("date-parts") or "year-month-day").split("-") if form else ["year"]
        year = next((p for p in parts.iterchildren() if p.get("name") == "year" and "year" in shown), None)
        if year is None:
            return None
        return self.wrap(String(year.get("prefix", "") + literal + year.get("suffix", "")))

    def render_single_date(self, date: object, show_parts: list | None = None, context: object = None) -> object:
        """Render one date as citeproc-js does (fixes/date_range.py); parts joined with this element's delimiter."""
        show = show_parts or list(_ORDER)
        return write(self, date, None, show, context if context is not self else None, _year_suffix)

    def render_date_range(self, date_range_: DateRange, show_parts: list | None = None, context: object = None):
        """Render a range as citeproc-js does (fixes/date_range.py)."""
        show = show_parts or list(_ORDER)
        begin, end = date_range_.begin, date_range_.get("end")
        where = context if context is not self else None
        return write(self, begin, end, show, where, _year_suffix)


def _year_suffix() -> str:
    """The item's year-suffix the first time a year is written in a cite, then ""."""
    if not _CURRENT or _CURRENT[-1].get("_suffix_done"):
        return ""
    suffix = _suffix(_CURRENT[-1])
    if suffix:
        _CURRENT[-1]["_suffix_done"] = True  # only after the first rendered year
    return suffix


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
            return str(abs(year)) + ("" if NO_ERA else era(context or self, year))
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
        if isinstance(month, int) and self.get("form") in ("numeric", "numeric-leading-zeros"):
            raise VariableError  # citeproc-js writes no number for a season month (13-24): "2003", not "21/2003"
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
            if STRIP and STRIP[-1]:  # the affix a range leaves off (fixes/date_range.py)
                self.attrib.pop(STRIP[-1], None)
            name = self.get("name")
            if name in ("month", "day") and not date.get(name) and not (name == "month" and date.get("season")):
                return None
            text = super().render(date, self)
        except VariableError:
            text = None
        finally:
            restore_attributes(self, saved)
        if text and self.get("name") == "year" and not STRIP:  # a date-part rendered outside a cs:date's writing
            text = text + year_suffix_blob(self, None, _year_suffix())
        return text
