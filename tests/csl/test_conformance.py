"""Our CSL output against citeproc-js goldens (tests/data/csl/golden), per style, with a ratchet list.

The list tests/csl/conformance_known_failures.txt names the (style, kind, id) triples known to differ; it may only
shrink. Regenerate the goldens with `python bench/csl_conformance/conformance.py --regenerate` (needs node).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography_ids, format_first_citations
from litsite.csl.styles import resolve_style

DATA = Path(__file__).resolve().parents[1] / "data" / "csl"
KNOWN_FILE = Path(__file__).resolve().parent / "conformance_known_failures.txt"
STYLES = sorted(p.stem for p in (DATA / "golden").glob("*.json"))


@cache
def known() -> frozenset[str]:
    """The ratchet list."""
    lines = KNOWN_FILE.read_text(encoding="utf-8").splitlines() if KNOWN_FILE.exists() else []
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def items() -> list[dict]:
    """The corpus."""
    return json.loads((DATA / "corpus.json").read_text(encoding="utf-8"))


def test_goldens_cover_the_twelve_styles() -> None:
    assert len(STYLES) == 12


@pytest.mark.parametrize("style", STYLES)
def test_style_matches_citeproc_js(style: str) -> None:
    golden = json.loads((DATA / "golden" / f"{style}.json").read_text(encoding="utf-8"))
    path = resolve_style(style).path
    mine = format_bibliography_ids(items(), path)
    cites = format_first_citations(items(), path)
    failing: set[str] = set()
    ours = dict(mine)
    failing |= {f"{style} bib {i}" for i, entry in golden["bibliography"] if ours.get(i) != entry}
    pairs = zip(golden["citations"], cites, strict=True)
    failing |= {f"{style} cite {i}" for (i, text), mine_text in pairs if mine_text != text}
    if [i for i, _ in mine] != [i for i, _ in golden["bibliography"]]:
        failing.add(f"{style} order -")
    expected = {line for line in known() if line.split()[0] == style}
    fixed = sorted(expected - failing)
    broken = sorted(failing - expected)
    assert not fixed, f"now identical to citeproc-js, remove from {KNOWN_FILE.name}: {fixed}"
    assert not broken, f"new differences from citeproc-js: {broken}"
