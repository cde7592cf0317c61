"""Build speed and memory at scale, side by side with citeproc-js formatting the same bibliography.

    python bench/scale.py [--sizes 2000,10000] [--style apa]

Each build runs in its own process (so peak memory is that build's); figures are printed as a table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]


def one_build(project: Path) -> None:
    """Run one build in this process and print its wall time and peak memory as JSON."""
    from litsite.pipeline import build_site

    t = time.perf_counter()
    build_site(project)
    seconds = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))


def timed_build(project: Path) -> dict:
    """A build in a fresh process: {"seconds", "peak_mb"}."""
    proc = subprocess.run(
        [sys.executable, __file__, "--one-build", str(project)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def citeproc_js_seconds(items: list[dict], style: str) -> float:
    """Wall time for citeproc-js to format the bibliography (and first citations) of items."""
    from citeproc_js import render

    render(items[:2], style)  # install/warm up node outside the measurement
    t = time.perf_counter()
    render(items, style, citations=True)
    return time.perf_counter() - t


def edit_one_reference(project: Path) -> None:
    """Change the volume of one journal article in the middle of references.yaml, as a user would."""
    path = project / "content" / "references.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("  volume: '", len(text) // 2) + len("  volume: '")
    end = text.index("'", at)
    path.write_text(text[:at] + str(int(text[at:end]) + 100) + text[end:], encoding="utf-8")


def main() -> None:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="2000,10000")
    ap.add_argument("--style", default="apa")
    ap.add_argument("--one-build", type=Path)
    args = ap.parse_args()
    if args.one_build:
        one_build(args.one_build)
        return
    from synthetic import make_items, make_project

    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; style {args.style}")
    print("refs | cold build s | no-change rebuild s | one-edit rebuild s | peak MB | citeproc-js s | cold/js")
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            project = make_project(Path(tmp) / "p", n, [args.style])
            cold = timed_build(project)
            again = timed_build(project)
            edit_one_reference(project)
            edited = timed_build(project)
            js = citeproc_js_seconds(make_items(n), args.style)
            peak = max(cold["peak_mb"], again["peak_mb"], edited["peak_mb"])
            print(
                f"{n} | {cold['seconds']:.1f} | {again['seconds']:.2f} | {edited['seconds']:.2f} | {peak:.0f} | "
                f"{js:.1f} | {cold['seconds'] / js:.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
