"""Zotero items (the JSON of Zotero translators' test cases) turned into CSL-JSON with Zotero's own schema mapping.

Used by make_wide_corpus.py. The mapping is the `csl` section of zotero-schema's schema.json (item types, base
fields, creator types), applied the way Zotero's itemToCSLJSON applies it: a type-specific field stands for its
base field, the first filled Zotero field of a CSL variable wins, single-field creators become literal names, and a
date becomes date-parts when a year is found (the season kept when there is no month), else a literal.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

TEST_CASES = re.compile(r"/\*\* BEGIN TEST CASES \*\*/\s*var testCases\s*=\s*(.*?);?\s*/\*\* END TEST CASES", re.S)
MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
SEASONS = {"spring": "1", "summer": "2", "autumn": "3", "fall": "3", "winter": "4"}
# Zotero renames two CSL variables of its schema on export to the names CSL 1.0.2 spells.
RENAMED = {"journalAbbreviation": "container-title-short", "shortTitle": "title-short"}


class Schema:
    """The parts of zotero-schema's schema.json that the CSL export needs."""

    def __init__(self, data: dict) -> None:
        csl = data["csl"]
        self.types = {z: c for c, zs in csl["types"].items() for z in zs}
        self.fields = {c: zs for c, zs in csl["fields"]["text"].items()}
        self.dates = {z: c for c, z in csl["fields"]["date"].items()}
        self.names = csl["names"]
        self.base = {
            t["itemType"]: {f["field"]: f.get("baseField", f["field"]) for f in t["fields"]} for t in data["itemTypes"]
        }

    def to_csl(self, item: dict, ident: str) -> dict:
        """One Zotero item as a CSL-JSON item."""
        ztype = item.get("itemType", "document")
        base = self.base.get(ztype, {})
        by_base = {base.get(k, k): v for k, v in item.items() if isinstance(v, (str, int)) and str(v).strip()}
        out: dict = {"id": ident, "type": self.types.get(ztype, "document")}
        for var, zfields in self.fields.items():
            value = next((by_base[z] for z in zfields if z in by_base), None)
            if value is not None:
                out[RENAMED.get(var, var)] = str(value)
        for zfield, var in self.dates.items():
            if zfield in by_base:
                out[var] = zotero_date(str(by_base[zfield]))
        for creator in item.get("creators", []):
            var = self.names.get(creator.get("creatorType", "author"))
            name = _creator(creator)
            if var and name:
                out.setdefault(var, []).append(name)
        return out


def _creator(creator: dict) -> dict | None:
    if creator.get("fieldMode") == 1 or "name" in creator:
        literal = creator.get("name") or creator.get("lastName")
        return {"literal": literal} if literal else None
    family, given = creator.get("lastName", ""), creator.get("firstName", "")
    name = {k: v for k, v in (("family", family), ("given", given)) if v}
    return name or None


def zotero_date(text: str) -> dict:
    """A Zotero date string as CSL date: date-parts when a year is found (Zotero.Date.strToDate's common forms)."""
    iso = re.match(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$", text)
    if iso:
        parts = [int(p) for p in iso.groups() if p and int(p)]
        return {"date-parts": [parts]}
    year = re.search(r"(?<!\d)(\d{4})(?!\d)", text)
    if not year:
        return {"literal": text}
    parts = [int(year.group(1))]
    month = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", text, re.I)
    if month:
        parts.append(MONTHS[month.group(1).lower()])
        rest = text[: year.start()] + " " + text[year.end() :]
        day = re.search(r"(?<!\d)(\d{1,2})(?!\d)", rest)
        if day and 1 <= int(day.group(1)) <= 31:
            parts.append(int(day.group(1)))
        return {"date-parts": [parts]}
    season = re.search(r"\b(spring|summer|autumn|fall|winter)\b", text, re.I)
    out: dict = {"date-parts": [parts]}
    if season:
        out["season"] = SEASONS[season.group(1).lower()]
    return out


def from_translators(paths: list[Path], per_file: int = 3) -> list[dict]:
    """Items of Zotero translators' test cases (at most per_file of each translator), mapped with schema.json."""
    schema_path = next(p for p in paths if p.name == "schema.json")
    schema = Schema(json.loads(schema_path.read_text(encoding="utf-8")))
    items = []
    for path in paths:
        if path.suffix != ".js":
            continue
        found = TEST_CASES.search(path.read_text(encoding="utf-8"))
        try:
            cases = json.loads(found.group(1)) if found else []
        except json.JSONDecodeError:
            continue  # a few translators write their cases as JavaScript, not JSON
        zitems = [it for case in cases if isinstance(case.get("items"), list) for it in case["items"]]
        zitems = [it for it in zitems if isinstance(it, dict) and it.get("itemType") not in ("note", "attachment")]
        for i, zitem in enumerate(zitems[:per_file]):
            items.append(schema.to_csl(zitem, f"{path.stem}-{i}"))
    return items
