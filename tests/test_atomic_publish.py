"""A build stopped at any moment leaves output/ as the old site or the new one, and the next build cleans up.

Real builds in subprocesses, killed with SIGKILL: at each named step of writing (the build kills itself there,
litsite.swap.KILL_AT_ENV) and, on a 2,000-reference review, at timed moments while it writes.
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

from litsite.books import STATE_DIR, books_for
from litsite.swap import KILL_AT_ENV

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONWARNINGS": "ignore"}

# Every checkpoint of write._publish / swap.swap_in on the way (file:n = after the n-th staged file).
STEPS = [
    "noted",
    "file:1",
    "file:20",
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


def toggle(project: Path, variant: int) -> None:
    """Two versions of the sources: a changed title and a page that exists in one only (files added and removed)."""
    refs = project / "content" / "references.yaml"
    text = refs.read_text(encoding="utf-8")
    a, b = "Another rather than other", "Another, not other"
    refs.write_text(text.replace(a, b) if variant else text.replace(b, a), encoding="utf-8")
    page = project / "content" / "pages" / "extra.md"
    if variant:
        page.parent.mkdir(exist_ok=True)
        page.write_text(EXTRA_PAGE, encoding="utf-8")
    else:
        page.unlink(missing_ok=True)


def assert_nothing_left(project: Path, before: set[str]) -> None:
    """Beside the output only what was there before (and the bookkeeping folder); in it only what a build keeps."""
    out = project / "output"
    assert {p.name for p in project.iterdir()} == before | {"output", STATE_DIR}
    assert sorted(p.name for p in books_for(project, out).root.iterdir()) == ["cache", "ledger", "marker"]


@pytest.mark.parametrize("fallback", [False, True], ids=["exchange", "two-renames"])
def test_a_build_killed_at_every_step_leaves_the_old_site_or_the_new(project: Path, fallback: bool):
    before = {p.name for p in project.iterdir()}
    out = project / "output"
    sites = {}
    for variant in (0, 1):
        toggle(project, variant)
        assert build(project).returncode == 0
        sites[variant] = digest_tree(out)
    assert sites[0] != sites[1]
    extra = "import litsite.swap; litsite.swap._EXCHANGE = None; " if fallback else ""
    steps = [*STEPS, "renamed-aside"] if fallback else STEPS
    variant = 1
    for step in steps:
        variant = 1 - variant
        toggle(project, variant)
        killed = build(project, step, extra)
        assert killed.returncode == -signal.SIGKILL, (step, killed.stderr)
        if fallback and step == "renamed-aside":
            assert not out.exists()  # the one instant without an output, where no exchange exists: repaired below
        else:
            assert digest_tree(out) in (sites[0], sites[1]), step
        done = build(project, extra=extra)
        assert done.returncode == 0, done.stderr
        assert digest_tree(out) == sites[variant], step
        assert_nothing_left(project, before)


def test_an_interrupted_output_is_repaired_without_a_rebuild_when_nothing_changed(project: Path):
    """A build killed after the swap leaves the ledger dropped: the next run rebuilds (not skipped) and cleans up."""
    before = {p.name for p in project.iterdir()}
    assert build(project).returncode == 0
    toggle(project, 1)
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
    texts = [refs.read_text(encoding="utf-8")]
    texts.append(texts[0].replace("  volume: '", "  volume: '9", 1))
    sites = {}
    for variant in (0, 1):
        refs.write_text(texts[variant], encoding="utf-8")
        assert build(project).returncode == 0
        sites[variant] = digest_tree(out)
    t = time.perf_counter()
    refs.write_text(texts[0], encoding="utf-8")
    assert build(project).returncode == 0
    took = time.perf_counter() - t
    variant, seen = 0, set()
    for k in range(6):
        variant = 1 - variant
        refs.write_text(texts[variant], encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "build.py", "--project", str(project)], cwd=REPO, env=ENV)
        time.sleep(took * (0.3 + 0.7 * k / 5))  # from loading to past the swap
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = digest_tree(out)
        assert now in (sites[0], sites[1]), k
        seen.add(now == sites[variant])
        assert build(project).returncode == 0
        assert digest_tree(out) == sites[variant]
        assert_nothing_left(project, before)
    print(f"rebuild {took:.2f}s; the kills found the new site: {sorted(seen)}")
