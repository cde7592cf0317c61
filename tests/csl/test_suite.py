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


def test_suite_is_vendored() -> None:
    """The suite comes with the repository, so a fresh clone runs it (and the ratchet names only real fixtures)."""
    assert len(FIXTURES) == 845, f"expected the 845 fixtures of the CSL test suite in {SUITE}"
    assert {p.stem for p in FIXTURES} >= KNOWN, f"{KNOWN_FILE.name} names fixtures that do not exist"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture(path: Path) -> None:
    ok = passes(path)
    if path.stem in KNOWN:
        assert not ok, f"{path.stem} passes now: remove it from {KNOWN_FILE.name}"
    else:
        assert ok, f"{path.stem} fails (not in {KNOWN_FILE.name})"
