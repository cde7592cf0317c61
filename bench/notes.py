"""Rebuild speed of a review with the reviewer's notes and themes: one-note edit beside a no-change rebuild, as
`python build.py` makes them and as the live preview does, side by side in one run.

    python bench/notes.py [--refs 2000] [--notes 500] [--themes 20] [--edits 5] [--style apa] [--only cli|preview]

Generates a synthetic review (bench/synthetic.py) with `--notes` notes (content/notes/ID.md, each naming one to
three of `--themes` themes and citing one or two other works) and theme files, builds it once cold in both modes,
then for each of `--edits` notes: a rebuild with nothing changed, and a rebuild after editing that note's text (a
sentence added, as a reviewer would), each in both modes:

- cli: a fresh process per build, as `python build.py` (bench/scale.py's timed_build: wall time including the
  interpreter's start, and CPU time), into the project's output/;
- preview: what `build.py serve` does on each save: one process, its SiteBuilder keeping what it loaded, a
  `provisional` build as the server asks first (wall and CPU of the rebuild alone), into another directory.

Prints one row per edit and the medians; at the end, checks that both outputs are byte for byte what a cold
build (`--no-cache`, into a third directory) writes.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from scale import timed_build  # noqa: E402
from synthetic import WORDS, make_project  # noqa: E402


def sentence(rng: random.Random) -> str:
    """A sentence of the synthetic vocabulary."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def add_notes(project: Path, n_notes: int, n_themes: int, seed: int = 7) -> list[Path]:
    """Write n_themes theme files and n_notes notes on evenly spread references; return the notes' paths."""
    import yaml

    rng = random.Random(seed)
    ids = [item["id"] for item in yaml.safe_load((project / "content" / "references.yaml").read_text("utf-8"))]
    themes = project / "content" / "themes"
    themes.mkdir()
    slugs = [f"theme-{k:02d}" for k in range(n_themes)]
    for k, slug in enumerate(slugs):
        cite = rng.choice(ids)
        body = f"{sentence(rng)} {sentence(rng)} See [@{cite}].\n"
        (themes / f"{slug}.md").write_text(f"---\ntitle: Theme {k}, {rng.choice(WORDS)}\n---\n{body}", "utf-8")
    notes = project / "content" / "notes"
    notes.mkdir()
    paths = []
    step = max(1, len(ids) // n_notes)
    for ref_id in ids[::step][:n_notes]:
        named = rng.sample(slugs, rng.randint(1, 3)) if slugs else []
        cites = "; ".join(f"@{c}" for c in rng.sample(ids, rng.randint(1, 2)))
        body = " ".join(sentence(rng) for _ in range(rng.randint(2, 5))) + f" Compare [{cites}].\n"
        path = notes / f"{ref_id}.md"
        path.write_text(f"---\nthemes: [{', '.join(named)}]\n---\n{body}", "utf-8")
        paths.append(path)
    return paths


def preview_builder(project: Path, out: Path) -> Callable[[], dict[str, float]]:
    """A timed rebuild through the preview's SiteBuilder (after its first, cold build)."""
    from litsite.preview.builder import SiteBuilder

    builder = SiteBuilder(project, out)
    builder.build()

    def rebuild() -> dict[str, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        builder.build(provisional=True)
        return {"seconds": time.perf_counter() - wall, "cpu": time.process_time() - cpu}

    return rebuild


def same_bytes(a: Path, b: Path) -> bool:
    """Whether two directories hold the same files with the same bytes."""

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    return files(a) == files(b)


def cell(rows: list[dict[str, float]]) -> str:
    """The median wall and CPU seconds of rows (one row: its own)."""
    med = statistics.median
    return f"{med(r['seconds'] for r in rows):.2f} ({med(r['cpu'] for r in rows):.2f})"


def main() -> None:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--refs", type=int, default=2000)
    ap.add_argument("--notes", type=int, default=500)
    ap.add_argument("--themes", type=int, default=20)
    ap.add_argument("--edits", type=int, default=5)
    ap.add_argument("--style", default="apa")
    ap.add_argument("--only", choices=("cli", "preview"), help="time one mode only")
    args = ap.parse_args()
    modes = [args.only] if args.only else ["cli", "preview"]
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "p", args.refs, [args.style])
        notes = add_notes(project, args.notes, args.themes)
        print(f"{args.refs} references, {len(notes)} notes, {args.themes} themes; style {args.style}")
        builds: dict[str, Callable[[], dict[str, float]]] = {}
        if "cli" in modes:
            cold = timed_build(project)
            print(f"cli cold build: {cold['seconds']:.2f} s (CPU {cold['cpu']:.2f} s), peak {cold['peak_mb']:.0f} MB")
            builds["cli"] = lambda: timed_build(project)
        if "preview" in modes:
            wall, cpu = time.perf_counter(), time.process_time()
            builds["preview"] = preview_builder(project, Path(tmp) / "preview")
            print(f"preview first build: {time.perf_counter() - wall:.2f} s (CPU {time.process_time() - cpu:.2f} s)")
        print("seconds wall (CPU) | " + " | ".join(f"{m} no-change | {m} one-note edit" for m in modes))
        same: dict[str, list[dict[str, float]]] = {m: [] for m in modes}
        edited: dict[str, list[dict[str, float]]] = {m: [] for m in modes}
        rng = random.Random(11)
        for k in range(args.edits):
            for mode in modes:
                same[mode].append(builds[mode]())
            note = notes[(k * len(notes)) // max(1, args.edits)]
            text = note.read_text("utf-8")
            note.write_text(text.rstrip("\n") + f" {sentence(rng)}\n", "utf-8")
            for mode in modes:
                edited[mode].append(builds[mode]())
            row = " | ".join(f"{cell(same[m][-1:])} | {cell(edited[m][-1:])}" for m in modes)
            print(f"edit {k + 1} ({note.stem}) | {row}")
        print("median | " + " | ".join(f"{cell(same[m])} | {cell(edited[m])}" for m in modes))
        check(project, Path(tmp), modes)


def check(project: Path, tmp: Path, modes: list[str]) -> None:
    """Print whether each mode's output is byte for byte a cold build's."""
    from litsite.pipeline import build_site

    cold = build_site(project, tmp / "cold", cache=False, progress=False)
    outputs = {"cli": project / "output", "preview": tmp / "preview"}
    for mode in modes:
        print(f"{mode} output identical to a cold build: {same_bytes(outputs[mode], cold)}")


if __name__ == "__main__":
    main()
