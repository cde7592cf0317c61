"""What a build keeps for the next one: JSON records, by path inside the bookkeeping's records folder (books.py)."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

EXPORTS = "exports"  # what is made of each reference alone (export texts, metadata), by item digest
TRACES = "pages"  # what each page read, to reuse unchanged pages (pages.py)
TRACE_REFS = "page-refs"  # the digests page reuse compares: each reference's and the shared scope's
ITEMS = "yaml-items"  # parsed items of references.yaml by a digest of their text (yamlfile.ItemCache)
SHARDS = 32
Parsed = dict[tuple[str, int], tuple[bytes, Any]]  # (record, shard) -> (its bytes, what they parse to)


def json_bytes(value: Any) -> bytes:
    """A record's bytes: compact, sorted keys (deterministic)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def versioned(value: dict[str, Any], version: str) -> bytes:
    """A record that is only valid for one version of the code that made it."""
    return json_bytes({"version": version, "data": value})


class ShardedRecord:
    """A record of many independent entries, kept as SHARDS files by a hash of each key (`<name>/<nn>.json`), so
    that a build changing a few entries encodes only their shards again (the bytes of the others are reused: the
    same entries give the same bytes)."""

    def __init__(self, directory: Path | None, name: str, version: str = "", parsed: Parsed | None = None) -> None:
        """Read the record name kept in directory (None: an empty record). parsed: what earlier reads of this process
        parsed, by record and shard; a shard holding the same bytes is not parsed again (the preview's rebuilds read
        back what they wrote; only the shards a build changed are new). Its entries are shared: read them only."""
        self.name = name
        self.version = version
        self.data: dict[str, Any] = {}
        self._old: dict[int, tuple[dict[str, Any], bytes]] = {}
        for n, raw in _stored(directory, name).items():
            known = parsed.get((name, n)) if parsed is not None else None
            try:
                record = known[1] if known is not None and known[0] == raw else json.loads(raw)
            except ValueError:
                continue
            if parsed is not None:
                parsed[(name, n)] = (raw, record)
            if isinstance(record, dict) and record.get("version") == version and isinstance(record.get("data"), dict):
                self._old[n] = (record["data"], raw)
                self.data.update(record["data"])

    def files(self, value: dict[str, Any]) -> dict[str, bytes]:
        """The files keeping value (relative to the records folder), reusing the bytes of unchanged shards."""
        shards: dict[int, dict[str, Any]] = {}
        for key, entry in value.items():
            shards.setdefault(zlib.crc32(key.encode("utf-8")) % SHARDS, {})[key] = entry
        out = {}
        for n, shard in sorted(shards.items()):
            old = self._old.get(n)
            same = old is not None and old[0] == shard
            out[_path(self.name, n)] = old[1] if same else versioned(shard, self.version)
        return out


def kept_files(directory: Path | None, name: str) -> dict[str, bytes]:
    """The files of a record kept in directory as they are, unread (to keep them for the next build as they were)."""
    return {_path(name, n): raw for n, raw in _stored(directory, name).items()}


def _stored(directory: Path | None, name: str) -> dict[int, bytes]:
    """The bytes of each shard of a record kept in directory (a missing or unreadable one is left out)."""
    folder = directory / name if directory else None
    out = {}
    for n in range(SHARDS) if folder is not None and folder.is_dir() else ():
        try:
            out[n] = (folder / f"{n:02d}.json").read_bytes()
        except OSError:
            continue
    return out


def _path(name: str, n: int) -> str:
    return f"{name}/{n:02d}.json"
