"""The code fingerprint sees the installed versions of what formats and renders (without importlib.metadata)."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

import litsite.reuse.fingerprint
from litsite.reuse.fingerprint import DISTRIBUTIONS, code_fingerprint, installed


def test_installed_finds_each_distribution_with_its_version():
    found = installed(DISTRIBUTIONS)
    for dist in DISTRIBUTIONS:
        version = metadata.version(dist)
        stem = dist.replace("-", "_").lower()
        assert any(name.lower().startswith(f"{stem}-{version}.") for name in found), (dist, version, found)


def test_another_version_changes_the_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    before = code_fingerprint.__wrapped__()
    (tmp_path / "Jinja2-99.0.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert "Jinja2-99.0.dist-info" in installed(["jinja2"])
    assert litsite.reuse.fingerprint.code_fingerprint.__wrapped__() != before
