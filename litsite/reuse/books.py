"""The build's bookkeeping, kept out of the published site: one git-ignored folder `.litsite/` at the project root.

For each output directory a build writes, `.litsite/builds/<name>-<key>/` holds:

- `marker`: that litsite made that output (so a later build may replace it) and the fingerprint of what made it;
- `ledger`: digest, size and time of every file of the output as the last build left it (what may be reused);
- `cache/`: the records that make the next build fast (formatting, page traces, parsed references; store.py);
- `stage/`: the next output while it is being written, before it is swapped in (write/writer.py); after a build, the
  previous site (mostly hard links to the output's files), which the next build updates into the new one
  (`stage.ledger` lists it).

The key is the output's path relative to the project (absolute when it lies outside), so `--out` elsewhere keeps
its own records and moving the whole project keeps them all. Deleting `.litsite/` only costs one slower build.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

STATE_DIR = ".litsite"
LEGACY_MARKER = ".litsite-output"  # where outputs of older versions kept their marker (inside the output)
Ledger = dict[str, tuple[str, int, int]]  # rel -> (digest, size, mtime_ns)


@dataclass(frozen=True)
class Books:
    """Where the bookkeeping of one output directory lives (paths resolved)."""

    project: Path
    out: Path
    root: Path

    @property
    def cache(self) -> Path:
        """The records kept for the next build."""
        return self.root / "cache"

    @property
    def marker(self) -> Path:
        """The marker file: litsite made this output; `key: value` facts about the build that made it."""
        return self.root / "marker"

    @property
    def ledger(self) -> Path:
        """The ledger file: what the output holds, as the last build left it."""
        return self.root / "ledger"

    @property
    def note(self) -> Path:
        """Names the staging tree while a build writes one (so an interrupted build's tree is found and removed)."""
        return self.root / "staging"

    def owns_output(self) -> bool:
        """Whether litsite made the output directory (its marker is here, or inside it as older versions kept it)."""
        return self.marker.is_file() or (self.out / LEGACY_MARKER).is_file()

    def staging_places(self) -> tuple[Path, Path]:
        """Where a new output may be staged: inside the bookkeeping, or beside the output when that is on another
        file system (a swap by rename needs both on one)."""
        return self.root / "stage", self.out.parent / f".{self.out.name}.litsite-stage"

    def staging_dir(self) -> Path:
        """The staging place for this build: the bookkeeping folder when it shares the output's file system."""
        inside, beside = self.staging_places()
        self.root.mkdir(parents=True, exist_ok=True)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        return inside if os.stat(self.root).st_dev == os.stat(self.out.parent).st_dev else beside

    @property
    def spare_ledger(self) -> Path:
        """The ledger of the kept previous site in stage/ (write/writer.py updates it in place into the next site)."""
        return self.root / "stage.ledger"

    def clean(self) -> None:
        """Remove what an interrupted build left: its staging tree (or the old output it had swapped out), and
        half-swapped cache records. The staging tree of a finished build (the previous site, kept to become the next
        one) stays."""
        try:
            named = Path(self.note.read_text(encoding="utf-8").strip())
        except (OSError, UnicodeDecodeError):
            named = None
        for place in self.staging_places() if named is not None else ():
            if named == place or place.parent == self.root:  # a tree beside the output only when the note says so
                aside = place.with_name(place.name + ".old")  # the old output, set aside (swap.swap_in's fallback)
                if aside.is_dir() and not self.out.exists():
                    os.rename(aside, self.out)  # stopped between the two renames: the old output goes back
                _remove_tree(place)
                _remove_tree(aside)
                self.spare_ledger.unlink(missing_ok=True)
        beside = self.out.parent
        for legacy in (*beside.glob(f".{self.out.name}.new-*"), *beside.glob(f".{self.out.name}.old-*")):
            if (legacy / LEGACY_MARKER).is_file() and not legacy.is_symlink():  # an earlier writer's, interrupted
                _remove_tree(legacy)
        staged = ("cache.new", "cache.old", "ledger.new", "marker.new")
        for leftover in (*(self.root / name for name in staged), *self.root.glob(".*.tmp-*")):
            _remove_tree(leftover)
        self.note.unlink(missing_ok=True)


def books_for(project: Path, out: Path) -> Books:
    """The bookkeeping place of one output directory of a project."""
    project_r, out_r = project.resolve(), out.resolve()
    try:
        key = out_r.relative_to(project_r).as_posix()
    except ValueError:
        key = str(out_r)
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in out_r.name)[:40] or "root"
    return Books(project_r, out_r, project_r / STATE_DIR / "builds" / f"{name}-{digest}")


def ensure_state_dir(books: Books) -> None:
    """Create the bookkeeping folder, git-ignored by itself (as pytest's and ruff's caches are)."""
    books.root.mkdir(parents=True, exist_ok=True)
    ignore = books.project / STATE_DIR / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# litsite's bookkeeping (see README): never commit or publish it\n*\n", encoding="utf-8")


def read_marker(books: Books) -> dict[str, str]:
    """The `key: value` lines of an output's marker (empty when litsite did not make it)."""
    try:
        text = books.marker.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    return dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)


def read_ledger(books: Books, path: Path | None = None) -> Ledger:
    """What the last build wrote into the output (or the ledger at path): rel -> (digest, size, mtime_ns); empty when
    unknown."""
    try:
        text = (path or books.ledger).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    return dict(_parse_ledger(text))  # (a copy: the parse is shared)


@lru_cache(maxsize=4)  # the preview reads the same ledgers (the output's, the kept tree's) again on every rebuild
def _parse_ledger(text: str) -> Ledger:
    """A ledger's lines as a Ledger ({} when damaged)."""
    ledger = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or not parts[2].isdigit() or not parts[3].isdigit():
            return {}  # damaged: write everything
        ledger[parts[0]] = (parts[1], int(parts[2]), int(parts[3]))
    return ledger


def _remove_tree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
