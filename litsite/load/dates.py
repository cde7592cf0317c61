"""Dates as users write them (2015, "2015-05", "2015-05-18", CSL date-parts) → CSL date objects."""

from __future__ import annotations

import re
from typing import Any

from litsite.safety import MAX_YEAR, MIN_YEAR

ISO_RE = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def to_csl_date(value: Any) -> dict[str, Any]:
    """Normalise a date value to a CSL date object; raise ValueError with a hint when it is not one."""
    if isinstance(value, bool):
        raise ValueError("a date must be a year, an ISO date (2015-05-18) or {date-parts: [[2015, 5, 18]]}")
    if isinstance(value, int):
        return {"date-parts": [[_year(value)]]}
    if isinstance(value, str):
        text = value.strip()
        if "/" in text and all(ISO_RE.match(p) for p in text.split("/")):
            return {"date-parts": [_iso_parts(p) for p in text.split("/")]}
        if ISO_RE.match(text):
            return {"date-parts": [_iso_parts(text)]}
        if text:
            return {"literal": text}
    if isinstance(value, dict):
        allowed = {"date-parts", "literal", "raw", "season", "circa"}
        unknown = set(value) - allowed
        if unknown:
            raise ValueError(f"unknown date key {sorted(unknown)[0]!r}; use date-parts, literal, raw, season or circa")
        if "date-parts" in value:
            parts = value["date-parts"]
            if not (isinstance(parts, list) and parts and all(_valid_parts(p) for p in parts)):
                raise ValueError("date-parts must be a list like [[2015, 5, 18]]")
            parts = [[int(x) for x in p] for p in parts]
            for p in parts:
                _year(p[0])
            return {**value, "date-parts": parts}
        if "raw" in value and isinstance(value["raw"], str):
            return {**to_csl_date(value["raw"]), **{k: v for k, v in value.items() if k != "raw"}}
        if "literal" in value:
            return dict(value)
    raise ValueError("a date must be a year, an ISO date (2015-05-18) or {date-parts: [[2015, 5, 18]]}")


def _year(year: int) -> int:
    """The year, when it is within MIN_YEAR..MAX_YEAR (else ValueError: the year chart, sorting and every export
    would have to handle a year no work has)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} is out of range ({MIN_YEAR}..{MAX_YEAR})")
    return year


def _iso_parts(text: str) -> list[int]:
    m = ISO_RE.match(text)
    assert m is not None
    parts = [int(g) for g in m.groups() if g is not None]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise ValueError(f"month {parts[1]} is out of range in {text!r}")
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        raise ValueError(f"day {parts[2]} is out of range in {text!r}")
    return parts


def _valid_parts(p: Any) -> bool:
    return (
        isinstance(p, list)
        and 1 <= len(p) <= 3
        and all(isinstance(x, int | str) and str(x).lstrip("-").isdigit() for x in p)
    )


def year_of(date: dict[str, Any] | None) -> int | None:
    """The first year of a CSL date, if it has one."""
    if not date:
        return None
    parts = date.get("date-parts") or []
    if parts and parts[0]:
        return int(parts[0][0])
    return None


def iso(date: dict[str, Any] | None) -> str:
    """A CSL date as ISO text (YYYY, YYYY-MM or YYYY-MM-DD), or its literal."""
    if not date:
        return ""
    parts = (date.get("date-parts") or [[]])[0]
    if not parts:
        return str(date.get("literal", ""))
    return "-".join(f"{int(p):02d}" if i else f"{int(p):04d}" for i, p in enumerate(parts))
