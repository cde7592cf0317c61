"""Reference-manager exports → CSL 1.0.2 items that build: Zotero/Juris-M/Mendeley keys mapped to CSL variables,
case variants spelled as CSL spells them, Zotero's own JSON items (itemType, creators) converted, and every value
checked the way the build checks it. What cannot be kept is dropped and reported in one summary warning."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from litsite.csl.schema import DATE_VARIABLES, ITEM_TYPES, NAME_VARIABLES, VARIABLES
from litsite.errors import ErrorCollector, UserError
from litsite.importers import textutil as tu
from litsite.importers.ids import assign_ids
from litsite.importers.result import ImportResult
from litsite.importers.zoterokeys import ALIASES, CANONICAL, CREATOR_ROLES, NOT_REFERENCES, ZOTERO_TYPES, loose
from litsite.load.content import NAME_KEYS, check_item
from litsite.load.dates import to_csl_date
from litsite.load.yamlfile import Lines


class Report:
    """What was dropped or changed across all items, for one summary warning each."""

    def __init__(self) -> None:
        self.dropped: dict[str, set[int]] = defaultdict(set)
        self.bad: dict[str, set[int]] = defaultdict(set)
        self.types: dict[str, set[int]] = defaultdict(set)
        self.skipped: dict[str, int] = defaultdict(int)

    def warnings(self) -> list[str]:
        """The summary warnings (none when nothing was lost)."""
        out = []
        if self.dropped:
            out.append("keys that are not CSL variables were left out: " + _summary(self.dropped))
        if self.bad:
            out.append("values CSL cannot use were left out: " + _summary(self.bad))
        if self.types:
            out.append("unknown item types imported as 'document': " + _summary(self.types))
        if self.skipped:
            what = ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in sorted(self.skipped.items()))
            out.append(f"skipped what is not a reference: {what}")
        return out


def _summary(found: dict[str, set[int]]) -> str:
    keys = sorted(found, key=lambda k: (-len(found[k]), k))
    shown = ", ".join(f"{k} ({len(found[k])} item{'s' if len(found[k]) > 1 else ''})" for k in keys[:12])
    return shown + (f" and {len(keys) - 12} more" if len(keys) > 12 else "")


def _valid(var: str, value: Any) -> Any:
    """The value as the build normalises it, or None when the build would reject it."""
    errors = ErrorCollector()
    out = check_item({"type": "document", var: value}, Lines(Path("import")), (), errors)
    return None if errors.errors else out.get(var)


def _names(value: Any) -> list[dict] | None:
    if isinstance(value, dict | str):
        value = [value]
    if not isinstance(value, list):
        return None
    names = []
    for name in value:
        if isinstance(name, str) and name.strip():
            names.append({"literal": name.strip()})
            continue
        if not isinstance(name, dict):
            continue
        if "lastName" in name or "firstName" in name or "name" in name:  # a Zotero creator
            name = {"family": name.get("lastName"), "given": name.get("firstName"), "literal": name.get("name")}
        parts = {k: str(v) for k, v in name.items() if k in NAME_KEYS and isinstance(v, str | int) and str(v).strip()}
        if "family" not in parts and "literal" not in parts and "given" in parts:
            parts = {"literal": parts["given"]}
        if "literal" in parts and "family" in parts:
            parts.pop("literal")
        if "family" in parts or "literal" in parts:
            names.append(parts)
    return names or None


def _date(value: Any) -> Any:
    """A date as written when the build reads it as one (else made one: Zotero's "2020-01-05 10:12:00", "May
    2015"), or None."""
    if isinstance(value, str):
        text = value.strip()
        if re.match(r"\d{4}-\d\d-\d\d[ T]", text):
            text = text[:10]
        try:
            if text and "date-parts" in to_csl_date(text):
                return text
        except ValueError:  # "2013-31": ISO in form, not in value
            pass
        try:
            parts = tu.iso_date_parts(text)
        except ValueError:
            parts = None
        return parts or ({"literal": text} if text else None)
    if isinstance(value, dict) and "date-parts" in value:
        value = {k: v for k, v in value.items() if k in ("date-parts", "literal", "raw", "season", "circa")}
    try:
        to_csl_date(value)
        return value
    except ValueError:
        if isinstance(value, dict) and isinstance(value.get("raw") or value.get("literal"), str):
            return {"literal": value.get("raw") or value.get("literal")}
        return None


def _text(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | str):
        return str(value).strip() or None
    if isinstance(value, list):
        words = [str(v.get("tag", "")) if isinstance(v, dict) else str(v) for v in value]
        words = [w.strip() for w in words if isinstance(w, str) and w.strip()]
        return ", ".join(words) or None
    return None


def _target(key: str, item: dict) -> str | None:
    """The CSL variable a key stands for, or None."""
    if key.startswith("x-") or key in VARIABLES or key in ("id", "type"):
        return key
    found = CANONICAL.get(loose(key)) or ALIASES.get(loose(key))
    return found


def to_csl(raw: dict, n: int, report: Report) -> dict | None:
    """One item as CSL that the build accepts (None for a Zotero note or attachment)."""
    item: dict[str, Any] = {}
    zotero_type = raw.get("itemType")
    if isinstance(zotero_type, str) and zotero_type in NOT_REFERENCES:
        report.skipped[zotero_type] += 1
        return None
    for key, value in raw.items():
        key = str(key)
        if key == "creators" and isinstance(value, list):
            for c in value:
                role = CREATOR_ROLES.get(loose(str(c.get("creatorType", "author")))) if isinstance(c, dict) else None
                names = _names(c) if role else None
                if names:
                    item.setdefault(role, []).extend(names)
                elif role is None:
                    report.dropped["creators." + str(c.get("creatorType") if isinstance(c, dict) else "?")].add(n)
            continue
        if value is None or value == "" or value == [] or value == {}:
            continue  # empty in the export: nothing lost
        var = _target(key, raw)
        if var is None:
            report.dropped[key].add(n)
            continue
        if var in item and var != key:
            continue  # the CSL spelling, or the first alias, wins
        value = _value(var, value)
        if value is None:
            report.bad[var].add(n)
            continue
        item[var] = value
    if isinstance(item.get("note"), str):
        _extra(item, report, n)
    _finish(item, n, report)
    return item


_EXTRA_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z -]*?)\s*:\s*(\S.*?)\s*$")


def _extra(item: dict, report: Report, n: int) -> None:
    """Zotero's Extra field (the note): its "Variable: value" lines (PMID, DOI, Original Date, …) as the CSL
    variables they name, when the item lacks them, as Zotero's CSL export and citeproc-js read them; the other
    lines stay the note."""
    rest = []
    for line in str(item["note"]).split("\n"):
        m = _EXTRA_LINE.match(line)
        var = _target(m.group(1), item) if m else None
        if m and var and var not in item and var not in ("id", "type", "note") and not var.startswith("x-"):
            value = _value(var, m.group(2))
            if value is not None:
                item[var] = value
                continue
        rest.append(line)
    note = "\n".join(rest).strip()
    if note:
        item["note"] = note
    else:
        item.pop("note")


def _value(var: str, value: Any) -> Any:
    if var.startswith("x-"):
        return value
    if var == "type":
        return ZOTERO_TYPES.get(loose(str(value)), "") or str(value)
    if var in NAME_VARIABLES:
        value = _names(value)
    elif var in DATE_VARIABLES:
        value = _date(value)
    elif var != "id":
        value = _text(value)
    if var == "id" or value is None:
        return value if value is None else str(value)
    return value if _valid(var, value) is not None else None


def _finish(item: dict, n: int, report: Report) -> None:
    key = item.pop("citation-key", None)
    if key and (not item.get("id") or re.match(r"^https?://", str(item["id"]))):
        item["id"] = str(key)
    elif re.match(r"^https?://", str(item.get("id", ""))):
        item.pop("id")  # a Zotero URI: a readable id is made instead
    if item.get("type") not in ITEM_TYPES:
        if item.get("type"):
            report.types[str(item["type"])].add(n)
        item["type"] = "document"


def make_buildable(items: list[dict], warnings: list[str]) -> list[dict]:
    """Every item as CSL the build accepts; one summary warning per kind of loss."""
    report = Report()
    out = []
    for n, raw in enumerate(items, start=1):
        item = to_csl(raw, n, report) if isinstance(raw, dict) else None
        if item is not None:
            out.append(item)
    warnings.extend(report.warnings())
    return out


def buildable_study(study: dict, warnings: list[str], drop_unknown: bool = False) -> dict:
    """The study with its CSL fields as the build accepts them; litsite's own keys (keywords, …) kept as they are.
    Other keys are left out with drop_unknown (a CSL file's study), else kept: an importer may hold what
    study_markdown writes elsewhere (the abstract, a body) under keys of its own."""
    from litsite.load.content import STUDY_EXTRAS

    report = Report()
    out: dict[str, Any] = {}
    for key, value in study.items():
        if key in STUDY_EXTRAS or key.startswith("x-") or key in ("abstract", "keyword"):
            out[key] = value
            continue
        var = _target(key, study)
        if var is None and not drop_unknown:
            out[key] = value
            continue
        checked = _value(var, value) if var else None
        if checked is None:
            (report.bad if var else report.dropped)[key].add(1)
        elif var not in out:
            out[var] = checked
    warnings.extend(w.replace("left out:", "left out of the study:") for w in report.warnings())
    return out


def buildable(importer: Callable[[Path], ImportResult]) -> Callable[[Path], ImportResult]:
    """An importer whose result always builds: every reference and the study's CSL fields as the build checks them;
    what is left out is one summary warning per kind."""

    @functools.wraps(importer)
    def wrapper(path: Path) -> ImportResult:
        result = importer(path)
        warnings = list(result.warnings)
        references = make_buildable(result.references, warnings)
        assign_ids(references, warnings)  # making an item buildable may drop its id (a URI): every one has an id
        study = buildable_study(result.study, warnings) if result.study else result.study
        if study and not str(study.get("title") or "").strip():
            warnings.append("the record names no title for its article: no study written (a bibliography site)")
            study = {}
        elif study and study.get("type") not in ITEM_TYPES:
            study["type"] = "article-journal"  # the article a site is about; the build needs a type
        if not study and not references:
            raise UserError(path, None, "neither an article with a title nor references found in the record")
        return dataclasses.replace(result, study=study, references=references, warnings=list(dict.fromkeys(warnings)))

    return wrapper
