"""Import CSL-JSON and CSL-YAML files as CSL items with stable ids (BibTeX: bibtex.py, RIS: ris.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from litsite.errors import UserError
from litsite.importers.ids import assign_ids
from litsite.importers.result import ImportResult
from litsite.load.yamlfile import parse_yaml_documents
from litsite.safety import MAX_YAML_DEPTH

# --- CSL-JSON and CSL-YAML


def _depth(value: object) -> int:
    """How deep a decoded JSON value nests (iteratively)."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        value, depth = todo.pop()
        deepest = max(deepest, depth)
        if isinstance(value, dict):
            todo += [(v, depth + 1) for v in value.values()]
        elif isinstance(value, list):
            todo += [(v, depth + 1) for v in value]
    return deepest


def _jsonable(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _from_csl_data(data: object, path: Path) -> ImportResult:
    """A study and references from decoded CSL data: a list of items, one item, or {study, references}."""
    warnings: list[str] = []
    data = _jsonable(data)
    study: dict = {}
    if isinstance(data, dict) and ("references" in data or "study" in data):
        study = data.get("study") or {}
        refs = data.get("references") or []
        warnings += [str(w) for w in data.get("warnings") or [] if isinstance(data.get("warnings"), list)]
    elif isinstance(data, dict) and ("items" in data and isinstance(data["items"], list)):
        refs = data["items"]
    elif isinstance(data, dict):
        study, refs = data, []
    elif isinstance(data, list):
        refs = data
    else:
        raise UserError(path, 1, "expected a list of CSL items or a CSL item")
    if not isinstance(study, dict) or not isinstance(refs, list):
        raise UserError(path, 1, "expected 'study' to be a CSL item and 'references' a list of CSL items")
    bad = [i for i, item in enumerate(refs, start=1) if not isinstance(item, dict)]
    if bad:
        raise UserError(path, None, f"item {bad[0]} is not a CSL item (a mapping of CSL variables)")
    untyped = [i for i, item in enumerate(refs, start=1) if "type" not in item and "itemType" not in item]
    if untyped:
        shown = ", ".join(str(i) for i in untyped[:10]) + (", …" if len(untyped) > 10 else "")
        warnings.append(f"{len(untyped)} item(s) without a type, set to 'document': item {shown}")
    from litsite.importers.cslmap import buildable_study, make_buildable  # imports the content checks

    refs = make_buildable(refs, warnings)
    assign_ids(refs, warnings)
    if study:
        study = buildable_study(study, warnings, drop_unknown=True)
    if study:
        study.pop("id", None)
    return ImportResult(study, refs, warnings)


def parse_json(text: str, path: Path) -> object:
    """A JSON record decoded; UserError if it is not JSON or nests deeper than MAX_YAML_DEPTH (as YAML may not)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise UserError(path, e.lineno, f"not valid JSON: {e.msg}") from None
    except RecursionError:
        raise UserError(path, None, f"JSON nested more than {MAX_YAML_DEPTH} levels deep") from None
    if _depth(data) > MAX_YAML_DEPTH:
        raise UserError(path, None, f"JSON nested more than {MAX_YAML_DEPTH} levels deep")
    return data


def load_csl_json(text: str, path: Path) -> ImportResult:
    """Import CSL-JSON (a list of items, one item, or litsite's {study, references} JSON)."""
    return _from_csl_data(parse_json(text, path), path)


def load_csl_yaml(text: str, path: Path) -> ImportResult:
    """Import CSL-YAML (a list of items, one item, or {study, references}; a front-matter '---' is fine)."""
    docs = [d for d in parse_yaml_documents(text, path) if d is not None]  # no aliases, bounded depth
    if not docs:
        raise UserError(path, None, "no CSL items in the file")
    data = docs[0] if len(docs) == 1 else [x for d in docs for x in (d if isinstance(d, list) else [d])]
    if isinstance(data, dict) and "references" not in data and isinstance(data.get("items"), list):
        data = data["items"]
    return _from_csl_data(data, path)
