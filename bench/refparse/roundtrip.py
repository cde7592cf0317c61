"""Round-trip self-check with citeproc-js: parse lines, re-render in the guessed style, count lines that differ.

Usage: python bench/refparse/roundtrip.py FILE.jsonl|FILE.yaml [--show N]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import yaml  # noqa: E402
from citeproc_js import render  # noqa: E402

from litsite.importers.reflines import parse_references  # noqa: E402
from litsite.importers.roundtrip import round_trip_mismatches  # noqa: E402


def citeproc_js_renderer(items: list[dict], style: str) -> list[str]:
    """Adapter: the bench's citeproc-js runner as a round-trip renderer (entries put back in the items' order)."""
    by_id = {e["id"]: e["entry"] for e in render(items, style)["bibliography"]}
    return [by_id.get(item["id"], "") for item in items]


def main() -> None:
    """Print the mismatch rate and some mismatches."""
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args()
    path = Path(args.file)
    if path.suffix == ".yaml":
        lines = [e["line"] for e in yaml.safe_load(path.read_text(encoding="utf-8"))]
    else:
        lines = [json.loads(x)["line"] for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    parsed = parse_references(lines)
    bad = round_trip_mismatches(parsed, "auto", citeproc_js_renderer)
    print(f"{path.name}: {len(bad)}/{len(parsed)} lines differ after re-rendering")
    for index, line, text in bad[: args.show]:
        print(f"\n[{index}] line: {line}\n     back: {text}")


if __name__ == "__main__":
    main()
