"""Build speed and memory at scale, side by side with citeproc-js formatting the same bibliography.

    python bench/scale.py [--sizes 2000,10000] [--style apa]

Each build runs in its own process (so peak memory is that build's); figures are printed as a table.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]


def one_build(project: Path) -> None:
    """Build the project in this process, as `python build.py` does; print CPU time and peak memory as JSON.

    CPU time adds up the build and its worker processes. Peak memory is the largest resident set of the build
    process ("main_mb") and of any worker ("peak_mb" is the larger of both; a forked worker shares its parent's
    pages, so its figure overstates what it adds).
    """
    from litsite.cli import main as cli

    status = cli(["--project", str(project)])
    if status:
        raise SystemExit(status)
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + workers.ru_utime + workers.ru_stime
    main_mb, worker_mb = me.ru_maxrss / 1024, workers.ru_maxrss / 1024
    print(json.dumps({"cpu": cpu, "main_mb": main_mb, "peak_mb": max(main_mb, worker_mb)}))


# A build runs as on a user's machine: Python caches compiled modules (this machine's environment sets
# PYTHONDONTWRITEBYTECODE, which makes every process compile the whole package again, about 0.1 s).
USER_ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONWARNINGS": "ignore"}


def timed_build(project: Path) -> dict:
    """A build in a fresh process: {"seconds" (wall, interpreter start included), "cpu", "main_mb", "peak_mb"}."""
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, "--one-build", str(project)],
        capture_output=True,
        text=True,
        check=False,
        env=USER_ENV,
    )
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return {"seconds": seconds, **json.loads(proc.stdout.strip().splitlines()[-1])}


def citeproc_js_seconds(items: list[dict], style: str) -> float:
    """Wall time for citeproc-js to format the bibliography (and first citations) of items."""
    from citeproc_js import render

    render(items[:2], style)  # install/warm up node outside the measurement
    t = time.perf_counter()
    render(items, style, citations=True)
    return time.perf_counter() - t


def file_creation_us(where: Path, count: int = 2000) -> float:
    """Microseconds to create one small file in where (the disk's speed at the time; the files stay until the run
    ends, see main)."""
    where.mkdir()
    t = time.perf_counter()
    for i in range(count):
        (where / f"f{i}").write_bytes(b"x" * 100)
    return (time.perf_counter() - t) / count * 1e6


def edit_one_reference(project: Path, k: int = 0) -> None:
    """Change the volume of one journal article in references.yaml (the k-th edit picks another one), as a user
    would."""
    path = project / "content" / "references.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("  volume: '", len(text) * (k % 7 + 1) // 9) + len("  volume: '")
    end = text.index("'", at)
    path.write_text(text[:at] + str(int(text[at:end]) + 100) + text[end:], encoding="utf-8")


def main() -> None:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="2000,10000")
    ap.add_argument("--style", default="apa")
    ap.add_argument("--edits", type=int, default=3, help="one-reference edits to time (each in a fresh process)")
    ap.add_argument("--one-build", type=Path)
    args = ap.parse_args()
    if args.one_build:
        one_build(args.one_build)
        return
    from synthetic import make_items, make_project

    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; style {args.style}")
    print(
        "refs | cold s (cpu s) | no-change s | one-edit s, median of "
        f"{args.edits} (range) | peak MB build / worker | citeproc-js s | cold/js | µs per new file"
    )
    # Every project stays until the whole run ends: on a file system that delays reusing freed inodes (ext4
    # without a journal, as on this machine), creating files within minutes of deleting many is several times
    # slower, and removing one size's project would slow the next size's cold build.
    with contextlib.ExitStack() as stack:
        for n in [int(s) for s in args.sizes.split(",")]:
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            project = make_project(tmp / "p", n, [args.style])
            disk = file_creation_us(tmp / "probe")
            cold = timed_build(project)
            again = timed_build(project)
            edits = []
            for k in range(args.edits):
                edit_one_reference(project, k)
                edits.append(timed_build(project))
            js = citeproc_js_seconds(make_items(n), args.style)
            builds = [cold, again, *edits]
            peak = max(b["peak_mb"] for b in builds)
            times = sorted(e["seconds"] for e in edits)
            median = statistics.median(times)
            own = max(b.get("main_mb", 0) for b in builds)
            print(
                f"{n} | {cold['seconds']:.1f} ({cold['cpu']:.0f}) | {again['seconds']:.2f} | "
                f"{median:.2f} ({times[0]:.2f}–{times[-1]:.2f}) | {own or peak:.0f} / {peak:.0f} | "
                f"{js:.1f} | {cold['seconds'] / js:.2f} | {disk:.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
