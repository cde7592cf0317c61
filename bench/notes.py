"""Rebuild speed of a review with the reviewer's notes and themes: one-note edit beside a no-change rebuild.

    python bench/notes.py [--refs 2000] [--notes 500] [--themes 20] [--edits 5] [--style apa]

Generates a synthetic review (bench/synthetic.py) with `--notes` notes (content/notes/ID.md, each naming one to
three of `--themes` themes and citing one or two other works) and theme files, builds it once cold, then for each
of `--edits` notes: a rebuild with nothing changed, and a rebuild after editing that note's text (a sentence added,
as a reviewer would). Each build runs in a fresh process as `python build.py` does (bench/scale.py's timed_build:
wall time including the interpreter's start, and CPU time). Prints one row per edit and the medians.

`--preview` times the same rebuilds as the live preview makes them (`build.py serve`: one process, its SiteBuilder
keeping what it loaded, `provisional` builds as the server asks on each save), wall and CPU of the rebuild alone.
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


def main() -> None:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--refs", type=int, default=2000)
    ap.add_argument("--notes", type=int, default=500)
    ap.add_argument("--themes", type=int, default=20)
    ap.add_argument("--edits", type=int, default=5)
    ap.add_argument("--style", default="apa")
    ap.add_argument("--preview", action="store_true", help="rebuild as the live preview does, in one process")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "p", args.refs, [args.style])
        notes = add_notes(project, args.notes, args.themes)
        print(f"{args.refs} references, {len(notes)} notes, {args.themes} themes; style {args.style}")
        if args.preview:
            build = preview_builder(project, Path(tmp) / "preview")
            print("preview: SiteBuilder in one process (first build done)")
        else:
            cold = timed_build(project)
            print(f"cold build: {cold['seconds']:.2f} s (CPU {cold['cpu']:.2f} s), peak {cold['peak_mb']:.0f} MB")
            build = lambda: timed_build(project)  # noqa: E731
        print("edit | no-change rebuild s (CPU s) | one-note edit rebuild s (CPU s)")
        same, edited = [], []
        rng = random.Random(11)
        for k in range(args.edits):
            same.append(build())
            note = notes[(k * len(notes)) // max(1, args.edits)]
            text = note.read_text("utf-8")
            note.write_text(text.rstrip("\n") + f" {sentence(rng)}\n", "utf-8")
            edited.append(build())
            print(
                f"{k + 1} ({note.stem}) | {same[-1]['seconds']:.2f} ({same[-1]['cpu']:.2f}) | "
                f"{edited[-1]['seconds']:.2f} ({edited[-1]['cpu']:.2f})"
            )
        med = statistics.median
        print(
            f"median | {med(r['seconds'] for r in same):.2f} ({med(r['cpu'] for r in same):.2f}) | "
            f"{med(r['seconds'] for r in edited):.2f} ({med(r['cpu'] for r in edited):.2f})"
        )


if __name__ == "__main__":
    main()
