"""Sharded cache records: the same entries give the same bytes, unchanged shards are not encoded again, records
from other code or damaged shards are ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

import litsite.reuse.store
from litsite.reuse.store import ShardedRecord


def write(out: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


ENTRIES = {f"key{i}": {"text": f"value {i}", "n": [i, i + 1]} for i in range(200)}


def test_a_record_round_trips_and_its_bytes_do_not_depend_on_order(tmp_path: Path):
    files = ShardedRecord(None, "things", "v1").files(ENTRIES)
    assert files == ShardedRecord(None, "things", "v1").files(dict(reversed(ENTRIES.items())))
    assert all(rel.startswith("things/") for rel in files)
    write(tmp_path, files)
    assert ShardedRecord(tmp_path, "things", "v1").data == ENTRIES


def test_only_changed_shards_are_encoded_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    write(tmp_path, ShardedRecord(None, "things", "v1").files(ENTRIES))
    record = ShardedRecord(tmp_path, "things", "v1")
    encoded: list[dict] = []
    real = litsite.reuse.store.versioned
    monkeypatch.setattr(litsite.reuse.store, "versioned", lambda value, v: encoded.append(value) or real(value, v))
    changed = {**record.data, "key7": {"text": "edited"}}
    files = record.files(changed)
    assert len(encoded) == 1 and "key7" in encoded[0]  # one shard of many
    assert files == ShardedRecord(None, "things", "v1").files(changed)  # the same bytes as encoding everything


def test_records_of_other_code_and_damaged_shards_are_ignored(tmp_path: Path):
    files = ShardedRecord(None, "things", "v1").files(ENTRIES)
    write(tmp_path, files)
    assert ShardedRecord(tmp_path, "things", "v2").data == {}
    damaged = sorted(files)[0]
    (tmp_path / damaged).write_text("{not json", encoding="utf-8")
    data = ShardedRecord(tmp_path, "things", "v1").data
    assert 0 < len(data) < len(ENTRIES) and all(ENTRIES[k] == v for k, v in data.items())
