"""The only stage that touches the disk: atomic output, one path written once, never outside the output dir."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError

MARKER = ".litsite-output"


@dataclass(frozen=True)
class Kept:
    """A file of the previous output that this build reuses without reading it: where it is and its digest."""

    path: Path
    digest: str

    def read(self) -> bytes:
        """The file's bytes."""
        return self.path.read_bytes()


class SiteFiles:
    """The files of a built site, by relative POSIX path; refuses to hold one path twice."""

    def __init__(self) -> None:
        self._files: dict[str, bytes | Kept] = {}
        self._digests: dict[str, str] = {}

    def add(self, rel: str, data: bytes | str | Kept) -> None:
        """Add a file; the path must be relative, normalised and new."""
        _check_relative(rel)
        if rel in self._files:
            raise ValueError(f"two pages want to write {rel!r}")
        self._files[rel] = data.encode("utf-8") if isinstance(data, str) else data

    def add_all(self, files: dict[str, bytes]) -> None:
        """Add each file of a mapping (rel -> bytes), as add does."""
        for rel, data in files.items():
            self.add(rel, data)

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        for rel in self.paths():
            yield rel, self.data(rel)

    def paths(self) -> list[str]:
        """Every path, sorted."""
        return sorted(self._files)

    def data(self, rel: str) -> bytes:
        """The bytes of one file (a kept file is read now)."""
        found = self._files[rel]
        return found.read() if isinstance(found, Kept) else found

    def digest(self, rel: str) -> str:
        """The digest of one file (as the ledger records it)."""
        found = self._files[rel]
        if isinstance(found, Kept):
            return found.digest
        if rel not in self._digests:  # the writer asks twice: to plan, then for the ledger
            self._digests[rel] = file_digest(found)
        return self._digests[rel]

    def __len__(self) -> int:
        return len(self._files)

    def __contains__(self, rel: str) -> bool:
        return rel in self._files

    def get(self, rel: str) -> bytes | None:
        """The bytes of one file, if present."""
        return self.data(rel) if rel in self._files else None


def check_output_dir(out: Path, project: Path) -> None:
    """Refuse an output directory that would destroy sources or someone else's files."""
    out_r, proj_r = out.resolve(), project.resolve()
    if out_r == proj_r or out_r in proj_r.parents:
        raise UserError(out, None, "refusing to build into the project directory or one of its parents")
    for src in ("content", "templates", "site.yaml"):
        if (proj_r / src).resolve() == out_r or out_r in (proj_r / src).resolve().parents:
            raise UserError(out, None, f"refusing to build into the sources ({src})")
        if (out_r / src).exists() and not (out_r / MARKER).exists():
            raise UserError(out, None, f"refusing to build here: it holds sources ({src})")
    if out_r.exists() and not out_r.is_dir():
        raise UserError(out, None, "output path exists and is not a directory")
    if out_r.is_dir() and any(out_r.iterdir()) and not (out_r / MARKER).exists():
        raise UserError(
            out,
            None,
            f"refusing to replace a non-empty directory that litsite did not create "
            f"(no {MARKER} marker); choose another --out or empty it",
        )


def read_marker(out: Path) -> dict[str, str]:
    """The `key: value` lines of an output's marker (empty when it is not one of ours)."""
    try:
        text = (out / MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    return dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)


def write_site(
    files: SiteFiles,
    out: Path,
    project: Path,
    stamp: dict[str, str] | None = None,
    ledger: dict[str, tuple[str, int, int]] | None = None,
    keep_ledger: bool = True,
) -> list[str]:
    """Make out hold exactly files (and a marker with stamp); return the paths written or removed.

    When out is still exactly as our last build left it (its ledger says so), only the files that differ are
    written: first into a staging directory inside out (where a failure leaves out untouched), then moved into place.
    Otherwise everything is written into a temporary sibling of out, which is then swapped in. Either way the old
    output survives a failure to write.

    stamp: `key: value` facts recorded in the output's marker (e.g. the fingerprint of what made it). ledger: the
    output's ledger as intact_ledger() found it earlier in this build (else it is read and checked now). Should a file
    change between that check and this write, the next build finds it out and writes everything afresh.
    keep_ledger=False writes no ledger (e.g. a one-off build for publishing): the next build writes everything.
    """
    check_output_dir(out, project)
    out = out.resolve()
    ledger = intact_ledger(out) if ledger is None else ledger
    if ledger:
        plan = _plan(files, out, ledger)
        if plan is not None:
            return _update(files, out, ledger, plan, stamp, keep_ledger)
    _replace(files, out, stamp, keep_ledger)
    return files.paths()


LEDGER = ".litsite-ledger"  # rel, digest, size and mtime of every file the last build wrote
INTERNAL = (MARKER, LEDGER)


def file_digest(data: bytes) -> str:
    """The digest of a file's bytes, as the ledger and page traces record it."""
    return hashlib.sha1(data).hexdigest()


def read_ledger(out: Path) -> dict[str, tuple[str, int, int]]:
    """What the last build wrote into out: rel -> (digest, size, mtime_ns); empty when unknown."""
    if not (out / MARKER).is_file():
        return {}
    try:
        text = (out / LEDGER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    ledger = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or not parts[2].isdigit() or not parts[3].isdigit():
            return {}  # damaged: write everything
        ledger[parts[0]] = (parts[1], int(parts[2]), int(parts[3]))
    return ledger


def _on_disk(out: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime) of every file under out by relative path; {} when anything there is not a plain file or
    directory (a link, say)."""
    found = {}
    todo = [(str(out), "")]
    while todo:
        path, prefix = todo.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    todo.append((entry.path, rel + "/"))
                    continue
                if rel in INTERNAL:
                    continue
                st = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(st.st_mode):
                    return {}  # a link or special file: not as we left it
                found[rel] = (st.st_size, st.st_mtime_ns)
    return found


def intact_ledger(out: Path) -> dict[str, tuple[str, int, int]]:
    """The ledger of out when out still holds exactly what it lists (no file added, removed or changed since our last
    build wrote it), else {}."""
    ledger = read_ledger(out)
    return ledger if ledger and _ledger_holds(out, ledger) else {}


def _ledger_holds(out: Path, ledger: dict[str, tuple[str, int, int]]) -> bool:
    """Whether out holds exactly the files the ledger lists, each with the size and mtime it had when written."""
    return _on_disk(out) == {rel: (size, mtime) for rel, (_, size, mtime) in ledger.items()}


def _plan(files: SiteFiles, out: Path, ledger: dict[str, tuple[str, int, int]]) -> tuple[list[str], list[str]] | None:
    """(files to write, files to remove), or None when an update in place cannot be done cleanly."""
    new = set(files.paths())
    write = [rel for rel in files.paths() if ledger.get(rel, ("",))[0] != files.digest(rel)]
    remove = sorted(set(ledger) - new)
    new_dirs = {d for rel in new for d in _parents(rel)}
    old_dirs = {d for rel in ledger for d in _parents(rel)}
    if set(ledger) & new_dirs or new & old_dirs or new & set(INTERNAL):
        return None  # a file becomes a directory (or the reverse): start afresh
    return write, remove


def _parents(rel: str) -> list[str]:
    """The directories above a relative POSIX path: "a/b/c" -> ["a/b", "a"]."""
    out = []
    while "/" in rel:
        rel = rel.rsplit("/", 1)[0]
        out.append(rel)
    return out


def _update(
    files: SiteFiles,
    out: Path,
    ledger: dict[str, tuple[str, int, int]],
    plan: tuple[list[str], list[str]],
    stamp: dict[str, str] | None,
    keep_ledger: bool = True,
) -> list[str]:
    write, remove = plan
    staging = Path(tempfile.mkdtemp(prefix=".litsite-staging-", dir=out))
    stats = {}
    try:
        for rel in write:
            target = _inside(staging, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            stats[rel] = _write_file(str(target), files.data(rel))
        # From here on only renames and removals. Dropping the ledger first means that, should this be interrupted,
        # the next build does not trust the half-updated directory and writes everything afresh.
        (out / LEDGER).unlink()
        for rel in write:
            target = _inside(out, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, target)
        for rel in remove:
            target = _inside(out, rel)
            target.unlink(missing_ok=True)
            for parent in target.parents:
                if parent == out or any(parent.iterdir()):
                    break
                parent.rmdir()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    entries = {rel: ledger[rel] for rel in files.paths() if rel not in stats}
    for rel, st in stats.items():  # a rename keeps the file's size and time
        entries[rel] = (files.digest(rel), st.st_size, st.st_mtime_ns)
    _write_marker(out, stamp)
    if keep_ledger:
        _write_ledger(out, entries)
    return sorted([*write, *remove])


def _write_file(path: str, data: bytes) -> os.stat_result:
    """Write a new file (mode 0644, whatever the umask says); its size and time as written."""
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fchmod(f.fileno(), 0o644)
        return os.fstat(f.fileno())


def _check_relative(rel: str) -> None:
    """Only relative, normalised paths: no empty, "." or ".." segment (so no leading "/") and no backslash. SiteFiles
    admits nothing else, and the writer checks again where it writes."""
    parts = rel.split("/")
    if "" in parts or "." in parts or ".." in parts or "\\" in rel:
        raise ValueError(f"unsafe output path {rel!r}")


def _inside(root: Path, rel: str) -> Path:
    _check_relative(rel)
    target = root / rel
    if root.resolve() not in target.resolve().parents:
        raise ValueError(f"unsafe output path {rel!r}")
    return target


def _write_marker(directory: Path, stamp: dict[str, str] | None) -> None:
    lines = ["Built by litsite; this directory is replaced on every build."]
    lines += [f"{key}: {value}" for key, value in sorted((stamp or {}).items())]
    _atomic(directory / MARKER, ("\n".join(lines) + "\n").encode("utf-8"))


def _write_ledger(directory: Path, entries: dict[str, tuple[str, int, int]]) -> None:
    text = "".join(f"{rel}\t{d}\t{size}\t{mtime}\n" for rel, (d, size, mtime) in sorted(entries.items()))
    _atomic(directory / LEDGER, text.encode("utf-8"))


def _atomic(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".litsite-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _replace(files: SiteFiles, out: Path, stamp: dict[str, str] | None, keep_ledger: bool = True) -> None:
    """Write files into a temporary sibling of out, then swap it in."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        made: set[str] = set()
        root = str(tmp)
        entries = {}
        for rel in files.paths():
            _check_relative(rel)  # the fresh temporary directory holds no links, so joining cannot leave it
            parent = rel.rpartition("/")[0]
            if parent and parent not in made:
                os.makedirs(os.path.join(root, parent), exist_ok=True)
                made.add(parent)
            data = files.data(rel)
            st = _write_file(os.path.join(root, rel), data)
            entries[rel] = (files.digest(rel), st.st_size, st.st_mtime_ns)
        _write_marker(tmp, stamp)
        os.chmod(tmp, 0o755)
        if keep_ledger:
            _write_ledger(tmp, entries)
        old = None
        if out.exists():
            old = out.parent / f".{out.name}.old-{os.getpid()}"
            if old.exists():
                shutil.rmtree(old)
            out.rename(old)
        tmp.rename(out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
