"""bench/scale.py's builds of two checkouts side by side in one run: cold, no-change and one-edit builds, interleaved
so that both see the same machine load.

    git worktree add /tmp/base <commit>   # or: git archive <commit> | tar -x -C /tmp/base
    python bench/scale_compare.py /tmp/base [--refs 2000] [--edits 3]

Each checkout builds its own synthetic project (made by its own bench/synthetic.py, with its own templates), each
build in a fresh process (bench/scale.py --one-build). Prints the medians and the ratios this checkout / base.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]
import scale  # noqa: E402


def make_in(tree: Path, dest: Path, n: int) -> Path:
    """The synthetic project as that checkout's bench makes it."""
    code = f"import sys; sys.path.insert(0, {str(tree / 'bench')!r}); from synthetic import make_project; "
    code += f"print(make_project(__import__('pathlib').Path({str(dest)!r}), {n}, ['apa']))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tree)
    return Path(out.stdout.strip().splitlines()[-1])


def timed(tree: Path, project: Path) -> dict:
    """One build by that checkout's code in a fresh process: wall seconds, CPU seconds, peak MB."""
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(tree / "bench" / "scale.py"), "--one-build", str(project)],
        capture_output=True,
        text=True,
        check=False,
        env=scale.USER_ENV,
    )
    seconds = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return {"seconds": seconds, **json.loads(proc.stdout.strip().splitlines()[-1])}


def main() -> None:
    """Run both checkouts and print the table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("base", type=Path, help="the other checkout (e.g. a worktree of the previous commit)")
    ap.add_argument("--refs", type=int, default=2000)
    ap.add_argument("--edits", type=int, default=3)
    args = ap.parse_args()
    trees = {"base": args.base.resolve(), "this": HERE.parent}
    runs: dict[str, dict[str, list[dict]]] = {name: {"cold": [], "no-change": [], "one-edit": []} for name in trees}
    with tempfile.TemporaryDirectory() as tmp:
        projects = {name: make_in(tree, Path(tmp) / name, args.refs) for name, tree in trees.items()}
        for kind, rounds in (("cold", 1), ("no-change", 2), ("one-edit", args.edits)):
            for k in range(rounds):
                for name, tree in trees.items():
                    if kind == "one-edit":
                        scale.edit_one_reference(projects[name], k)
                    runs[name][kind].append(timed(tree, projects[name]))
    print(f"{args.refs} references; medians; wall s (cpu s)")
    print("build | base | this | this/base wall | this/base cpu")
    for kind in ("cold", "no-change", "one-edit"):
        wall = {name: statistics.median(r["seconds"] for r in runs[name][kind]) for name in trees}
        cpu = {name: statistics.median(r["cpu"] for r in runs[name][kind]) for name in trees}
        print(
            f"{kind} | {wall['base']:.2f} ({cpu['base']:.2f}) | {wall['this']:.2f} ({cpu['this']:.2f}) | "
            f"{wall['this'] / wall['base']:.2f} | {cpu['this'] / cpu['base']:.2f}"
        )


if __name__ == "__main__":
    main()
