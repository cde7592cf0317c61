"""A build stopped at any moment leaves output/ as the old site or the new one, and the next build cleans up.

Real builds in subprocesses, killed with SIGKILL: at each named step of writing (the build kills itself there,
litsite.write.swap.KILL_AT_ENV) and, on a 2,000-reference review, at timed moments while it writes.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from litsite.reuse.books import STATE_DIR, books_for
from litsite.write.swap import KILL_AT_ENV

KEPT_SITE = {"stage", "stage.ledger"}  # the previous site, kept to become the next (books.py)
REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONWARNINGS": "ignore"}

# Every checkpoint of write._publish / swap.swap_in on the way (file:n = after the n-th staged file).
STEPS = [
    "noted",
    "file:1",
    "file:3",
    "staged",
    "ledger-dropped",
    "swapped",
    "records-swapped",
    "books-written",
    "old-removed",
]
EXTRA_PAGE = "---\ntitle: Extra\n---\n\nA page that comes and goes.\n"


def digest_tree(root: Path) -> str:
    """One digest of every file's path and bytes and every directory under root (a real directory)."""
    assert root.is_dir() and not root.is_symlink(), f"{root} is not a real directory"
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        h.update(rel.encode() + (b"/" if path.is_dir() else b"=" + hashlib.sha256(path.read_bytes()).digest()))
    return h.hexdigest()


def build(project: Path, kill_at: str | None = None, extra: str = "") -> subprocess.CompletedProcess[str]:
    env = {**ENV, KILL_AT_ENV: kill_at} if kill_at else ENV
    cmd = [sys.executable, "-c", extra + "from litsite.cli import main; raise SystemExit(main())", "--project"]
    return subprocess.run([*cmd, str(project)], env=env, capture_output=True, text=True, check=False, cwd=REPO)


def change(project: Path, k: int) -> None:
    """The k-th version of the sources: a title changed each time, and a page that comes and goes (files added and
    removed)."""
    refs = project / "content" / "references.yaml"
    text = refs.read_text(encoding="utf-8")
    start = text.index("Another ")
    end = text.index(" other", start)
    refs.write_text(text[:start] + f"Another version {k} rather than" + text[end:], encoding="utf-8")
    page = project / "content" / "pages" / "extra.md"
    if k % 2:
        page.parent.mkdir(exist_ok=True)
        page.write_text(EXTRA_PAGE, encoding="utf-8")
    else:
        page.unlink(missing_ok=True)


def assert_nothing_left(project: Path, before: set[str]) -> None:
    """Beside the output only what was there before (and the bookkeeping folder); in it only what a build keeps."""
    out = project / "output"
    assert {p.name for p in project.iterdir()} == before | {"output", STATE_DIR}
    assert {p.name for p in books_for(project, out).root.iterdir()} - KEPT_SITE == {"cache", "ledger", "marker"}


@pytest.mark.parametrize("fallback", [False, True], ids=["exchange", "two-renames"])
def test_a_build_killed_at_every_step_leaves_the_old_site_or_the_new(project: Path, tmp_path: Path, fallback: bool):
    before = {p.name for p in project.iterdir()}
    out = project / "output"
    for k in (0, 1):  # the second build keeps the first site, to be updated in place by the next
        change(project, k)
        assert build(project).returncode == 0
    extra = "import litsite.write.swap; litsite.write.swap._EXCHANGE = None; " if fallback else ""
    steps = [*STEPS, "renamed-aside"] if fallback else STEPS
    for k, step in enumerate(steps, start=2):
        old = digest_tree(out)
        change(project, k)
        killed = build(project, step, extra)
        assert killed.returncode == -signal.SIGKILL, (step, killed.stderr)
        if fallback and step == "renamed-aside":
            assert not out.exists()  # the one instant without an output, where no exchange exists: repaired below
            mid = old
        else:
            mid = digest_tree(out)
        done = build(project, extra=extra)
        assert done.returncode == 0, done.stderr
        new = digest_tree(out)
        assert old != new and mid in (old, new), step
        assert_nothing_left(project, before)
    fresh = subprocess.run(
        [sys.executable, "build.py", "--project", str(project), "--no-cache", "--out", str(tmp_path / "fresh")],
        cwd=REPO,
        env=ENV,
        capture_output=True,
        check=False,
    )
    assert fresh.returncode == 0 and digest_tree(tmp_path / "fresh") == digest_tree(out)  # and it is the right site


def test_an_interrupted_output_is_repaired_without_a_rebuild_when_nothing_changed(project: Path):
    """A build killed after the swap leaves the ledger dropped: the next run rebuilds (not skipped) and cleans up."""
    before = {p.name for p in project.iterdir()}
    assert build(project).returncode == 0
    change(project, 1)
    assert build(project, "books-written").returncode == -signal.SIGKILL
    assert build(project).returncode == 0
    assert_nothing_left(project, before)


def test_timed_kills_during_a_2000_reference_rebuild(tmp_path: Path):
    """Kill -9 at spread moments of rebuilds after an edit; the output is always one of the two sites."""
    sys.path.insert(0, str(REPO / "bench"))
    from synthetic import make_project

    project = make_project(tmp_path / "big", 2000, ["apa"])
    before = {p.name for p in project.iterdir()}
    out = project / "output"
    refs = project / "content" / "references.yaml"
    text = refs.read_text(encoding="utf-8")

    def version(k: int) -> str:  # a different volume of one article each time
        return text.replace("  volume: '", f"  volume: '9{k}", 1)

    for k in (0, 1):
        refs.write_text(version(k), encoding="utf-8")
        assert build(project).returncode == 0
    t = time.perf_counter()
    refs.write_text(version(2), encoding="utf-8")
    assert build(project).returncode == 0
    took = time.perf_counter() - t
    seen = set()
    for k in range(6):
        old = digest_tree(out)
        refs.write_text(version(k + 3), encoding="utf-8")
        cmd = [sys.executable, "build.py", "--project", str(project)]
        proc = subprocess.Popen(cmd, cwd=REPO, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(took * (0.3 + 0.7 * k / 5))  # from loading to past the swap
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        mid = digest_tree(out)
        assert build(project).returncode == 0
        new = digest_tree(out)
        assert old != new and mid in (old, new), k
        seen.add(mid == new)
        assert_nothing_left(project, before)
    print(f"rebuild {took:.2f}s; the kills found the new site: {sorted(seen)}")
