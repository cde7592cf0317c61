"""What a build keeps for the next one, inside its output: JSON records under `.litsite-cache/`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CACHE_DIR = ".litsite-cache"
EXPORTS = "exports.json"  # BibTeX, COinS, CSL-JSON and RIS text of each reference, by item digest
TRACES = "pages.json"  # what each page read, to reuse unchanged pages (pagecache.py)
ITEMS = "yaml-items.json"  # parsed items of references.yaml by a digest of their text (yamlfile.ItemCache)


def json_bytes(value: Any) -> bytes:
    """A record's bytes: compact, sorted keys (deterministic)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def versioned(value: dict[str, Any], version: str) -> bytes:
    """A record that is only valid for one version of the code that made it."""
    return json_bytes({"version": version, "data": value})


def load_versioned(directory: Path | None, name: str, version: str) -> dict[str, Any]:
    """The data of a versioned record, or {} when it was made by other code (or is missing or unreadable)."""
    record = load_record(directory, name)
    data = record.get("data")
    return data if record.get("version") == version and isinstance(data, dict) else {}


def load_record(directory: Path | None, name: str) -> dict[str, Any]:
    """A record the previous build kept ({} when there is none or it is unreadable: that costs time, never
    correctness)."""
    path = directory / name if directory else None
    if path is None or not path.is_file():
        return {}
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
