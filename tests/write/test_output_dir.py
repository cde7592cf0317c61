"""Where a build may write: never into or around the sources, never under a file or /proc; a full disk is a message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from trees import tree

from litsite.reuse.books import books_for

KEPT_SITE = {"stage", "stage.ledger"}  # the previous site, kept to become the next (books.py)
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "where", ["templates/static/site", "content/out", "templates", "content/pages/x", ".litsite/site", ".", ".."]
)
def test_output_inside_or_around_the_sources_is_refused(project: Path, cli, where: str):
    """Finding 7: `--out templates/static/site` re-published the last output inside the next; `--out content/out`
    was accepted."""
    (project / "content" / "pages").mkdir(exist_ok=True)
    before = tree(project)
    result = cli("--project", str(project), "build", "--out", str(project / where))
    assert result.status == 2 and "refusing" in result.err and "Traceback" not in result.err
    assert tree(project) == before  # nothing written anywhere


def test_output_under_a_file_or_on_proc_is_a_message(project: Path, cli, tmp_path: Path):
    """Finding 6: `--out` under a regular file or under /proc is a `path: message`, exit 2, not a traceback."""
    afile = tmp_path / "notes.txt"
    afile.write_text("mine\n", encoding="utf-8")
    for where, says in ((afile / "site", "is a file"), (afile, "is a file"), (Path("/proc/litsite-site"), "proc")):
        result = cli("--project", str(project), "build", "--out", str(where))
        assert result.status == 2, result.err
        assert result.err.startswith(f"{where}: ") and says in result.err and "Traceback" not in result.err
    assert afile.read_text(encoding="utf-8") == "mine\n"


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs (needs root and mount; skipped elsewhere)."""
    mount = shutil.which("mount")
    where = tmp_path / "tiny"
    where.mkdir()
    if mount is None or subprocess.run([mount, "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(where)]).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(disk: Path) -> Path:
    """Fill a disk to its last block with one file; return it."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_is_a_message_and_the_previous_site_stays(project: Path, tiny_disk: Path):
    """Finding 6: ENOSPC while writing: which path, that the previous site is intact, exit 2; nothing left over."""
    out = tiny_disk / "site"
    cmd = [sys.executable, str(REPO / "build.py"), "--project", str(project), "build", "--out", str(out)]
    first = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    before = tree(out)
    filler = fill(tiny_disk)
    refs = project / "content" / "references.yaml"
    refs.write_text(refs.read_text(encoding="utf-8").replace("Another rather than other", "Another one"), "utf-8")
    full = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert full.returncode == 2, full.stderr
    assert "Traceback" not in full.stderr and "the disk is full" in full.stderr
    assert "the previous site" in full.stderr and "is intact" in full.stderr
    assert full.stderr.split(": ")[0].startswith(str(tiny_disk))  # the path it could not write
    assert tree(out) == before
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler", "site"]  # no staging tree left
    filler.unlink()
    assert subprocess.run(cmd, capture_output=True, text=True, check=False).returncode == 0
    assert "Another one" in (out / "index.html").read_text(encoding="utf-8")
    assert {p.name for p in books_for(project, out).root.iterdir()} - KEPT_SITE == {"cache", "ledger", "marker"}
