"""The official CSL test suite through our engine, with a ratchet list of known failures that may only shrink."""

from __future__ import annotations

from pathlib import Path

import pytest

from .suite_runner import SUITE, fixtures, passes

KNOWN_FILE = Path(__file__).resolve().parent / "suite_known_failures.txt"
KNOWN = (
    frozenset(line.strip() for line in KNOWN_FILE.read_text(encoding="utf-8").splitlines() if line.strip())
    if KNOWN_FILE.exists()
    else frozenset()
)
FIXTURES = fixtures()

pytestmark = pytest.mark.skipif(not FIXTURES, reason=f"CSL test suite not found at {SUITE}")


@pytest.mark.parametrize("path", FIXTURES or [None], ids=lambda p: p.stem if p else "absent")
def test_fixture(path: Path) -> None:
    ok = passes(path)
    if path.stem in KNOWN:
        assert not ok, f"{path.stem} passes now: remove it from {KNOWN_FILE.name}"
    else:
        assert ok, f"{path.stem} fails (not in {KNOWN_FILE.name})"
