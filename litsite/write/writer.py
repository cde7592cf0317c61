"""The only stage that touches the disk: the site staged whole, then swapped in for the old one in one step.

Nothing is written outside the output directory and the project's bookkeeping folder (books.py). A build stopped
at any moment (a crash, Ctrl-C, kill -9, a full disk) leaves the output as the old site or the new one, never a mix
and never missing; what it left in the bookkeeping folder is removed by the next build.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from litsite.errors import UserError
from litsite.reuse.books import Books, Ledger, books_for, ensure_state_dir, read_ledger
from litsite.write.kepttree import KeptTree
from litsite.write.outdir import check_output_dir
from litsite.write.swap import checkpoint, exchange, swap_in


@dataclass(frozen=True)
class Kept:
    """A file of the previous output that this build reuses without reading it: where it is and its digest."""

    path: str  # (a plain string: thousands of reused pages are named per build, and a Path costs 15 times more)
    digest: str

    def read(self) -> bytes:
        """The file's bytes."""
        with open(self.path, "rb") as f:
            return f.read()


class SiteFiles:
    """The files of a built site, by relative POSIX path; refuses to hold one path twice."""

    def __init__(self) -> None:
        self._files: dict[str, bytes | Kept] = {}
        self._digests: dict[str, str] = {}

    def add(self, rel: str, data: bytes | str | Kept, digest: str | None = None) -> None:
        """Add a file (digest: file_digest of its bytes, when known); the path must be relative, normalised and new."""
        _check_relative(rel)
        if rel in self._files:
            raise ValueError(f"two pages want to write {rel!r}")
        self._files[rel] = data.encode("utf-8") if isinstance(data, str) else data
        if digest is not None and isinstance(data, bytes):
            self._digests[rel] = digest

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


@dataclass(frozen=True)
class Bookkeeping:
    """What is kept beside the site, in the bookkeeping folder (books.py): the marker's `key: value` facts (stamp),
    the records for the next build by path inside the records folder (None: keep no records and no ledger, as
    --no-cache asks), the output's intact_ledger() when the build already checked it (None: checked now), and what
    this process knows of the kept tree from its last build (kepttree.py; None: check it on disk)."""

    stamp: dict[str, str] | None = None
    records: dict[str, bytes] | None = field(default_factory=dict)
    ledger: Ledger | None = None
    kept: KeptTree | None = None


def write_site(files: SiteFiles, out: Path, project: Path, keep: Bookkeeping | None = None) -> list[str]:
    """Make out hold exactly the site's files (and the bookkeeping hold keep's records, the marker with its stamp and
    the ledger); return the paths of the site written anew or removed.

    The new site is staged whole in the bookkeeping folder (books.py): files unchanged since the last build as hard
    links to the current output's (when its ledger shows it intact), the others written anew. Then it is swapped in
    for the old output in one atomic exchange, and the old tree is removed.
    """
    keep = keep or Bookkeeping()
    check_output_dir(out, project)
    books = books_for(project, out)
    books.clean()
    ledger = intact_ledger(books) if keep.ledger is None else keep.ledger
    try:
        return _publish(files, books, keep.stamp, ledger, keep.records, keep.kept or KeptTree())
    except OSError as exc:
        raise _write_error(exc, books) from None


def _write_error(exc: OSError, books: Books) -> UserError:
    """A failure to write, as the user's: which path, why, and that the previous site is still there."""
    where = Path(exc.filename) if isinstance(exc.filename, str) else books.out
    reason = "the disk is full" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else exc.strerror or str(exc)
    intact = "there" if where == books.out else f"in {books.out}"
    return UserError(where, None, f"could not write the site: {reason}; the previous site {intact} is intact")


def _publish(
    files: SiteFiles,
    books: Books,
    stamp: dict[str, str] | None,
    ledger: Ledger,
    records: dict[str, bytes] | None,
    kept: KeptTree,
) -> list[str]:
    """Stage the site and the bookkeeping, then swap them in; see write_site."""
    keep = records is not None
    ensure_state_dir(books)
    stage = books.staging_dir()
    spare = _spare(books, stage, ledger, kept) if keep else {}
    kept.forget()  # the kept tree changes now; known again once its new ledger is written
    _atomic(books.note, str(stage).encode("utf-8"))
    checkpoint("noted")
    try:
        site = files.paths()
        if spare:
            books.spare_ledger.unlink()  # from here on the kept tree is not as listed, until it is the output
            entries = _update_stage(files, site, stage, spare)
        else:
            shutil.rmtree(stage, ignore_errors=True)
            books.spare_ledger.unlink(missing_ok=True)
            entries = _stage_site(files, site, books.out, stage, ledger)
        if records is not None:
            _stage_records(records, books.root / "cache.new")
            _write_ledger(books.root / "ledger.new", entries)
        _write_marker(books.root / "marker.new", books, stamp)
        checkpoint("staged")
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        books.clean()
        raise
    # From here on only renames and removals, which a full disk does not stop. The ledger goes first: should the
    # build stop before the new one is in place, the next build trusts nothing and writes everything afresh.
    books.ledger.unlink(missing_ok=True)
    checkpoint("ledger-dropped")
    old = swap_in(stage, books.out)
    checkpoint("swapped")
    _swap_records(books, keep)
    os.replace(books.root / "marker.new", books.marker)
    if keep:
        os.replace(books.root / "ledger.new", books.ledger)
    checkpoint("books-written")
    if old == stage and keep and ledger and stage.parent == books.root:
        _write_ledger(books.spare_ledger, ledger)  # the old output, kept: the next build updates it in place
        kept.wrote(books.spare_ledger, stage, ledger)
    elif old is not None:
        shutil.rmtree(old, ignore_errors=True)
    checkpoint("old-removed")
    books.note.unlink()
    books.clean()
    changed = [rel for rel in site if ledger.get(rel, ("",))[0] != entries[rel][0]]
    return sorted([*changed, *(set(ledger) - set(site))]) if ledger else site


def _spare(books: Books, stage: Path, ledger: Ledger, kept: KeptTree) -> Ledger:
    """The ledger of the previous site kept in stage, when it can be updated in place into the next one: the output
    is intact (a file edited in the output could be a hard link into the kept tree) and so is the kept tree (checked
    on disk, unless this process left it and nothing touched it since: kepttree.py)."""
    if not ledger or stage.parent != books.root or not stage.is_dir():
        return {}
    vouched = kept.vouched(books.spare_ledger, stage)
    if vouched:
        return vouched
    spare = read_ledger(books, books.spare_ledger)
    try:
        holds = spare and _ledger_holds(stage, spare)
    except OSError:
        return {}
    return spare if holds else {}


def _update_stage(files: SiteFiles, site: list[str], stage: Path, spare: Ledger) -> Ledger:
    """Turn the kept previous site in stage into the new one: remove what is gone, write what differs (always a new
    file renamed into place: the old one may be a hard link to the live output's). Return the new ledger's entries."""
    new = set(site)
    emptied = set()
    for rel in sorted(set(spare) - new):
        os.unlink(stage / rel)
        emptied.update(_parents(rel))
    for folder in sorted(emptied, key=lambda d: -d.count("/")):  # deepest first
        with contextlib.suppress(OSError):  # still holds files
            os.rmdir(stage / folder)
    entries: Ledger = {}
    tmp = str(stage / ".litsite-new-file")
    for rel in site:
        _check_relative(rel)
        digest = files.digest(rel)
        old = spare.get(rel)
        if old is not None and old[0] == digest:
            entries[rel] = old
            continue
        target = stage / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        st = _write_file(tmp, files.data(rel))
        os.replace(tmp, target)
        entries[rel] = (digest, st.st_size, st.st_mtime_ns)
        checkpoint("file")
    return entries


def _parents(rel: str) -> list[str]:
    """The directories above a relative POSIX path: "a/b/c" -> ["a/b", "a"]."""
    out = []
    while "/" in rel:
        rel = rel.rsplit("/", 1)[0]
        out.append(rel)
    return out


def _stage_site(files: SiteFiles, site: list[str], out: Path, stage: Path, ledger: Ledger) -> Ledger:
    """Write the site into stage (a new directory): a file the intact ledger lists with the same digest is a hard
    link to the output's (no bytes copied), any other is written. Return the new ledger's entries."""
    os.mkdir(stage, 0o755)
    os.chmod(stage, 0o755)  # whatever the umask says
    root, current = str(stage), str(out)
    made: set[str] = set()
    entries: Ledger = {}
    for rel in site:
        _check_relative(rel)  # the fresh staging directory holds no links, so joining cannot leave it
        parent = rel.rpartition("/")[0]
        if parent and parent not in made:
            os.makedirs(os.path.join(root, parent), exist_ok=True)
            made.add(parent)
        digest = files.digest(rel)
        target = os.path.join(root, rel)
        old = ledger.get(rel)
        if old is not None and old[0] == digest and _link(os.path.join(current, rel), target):
            entries[rel] = old  # the same file: its size and time as the ledger knows them
        else:
            st = _write_file(target, files.data(rel))
            entries[rel] = (digest, st.st_size, st.st_mtime_ns)
        checkpoint("file")
    return entries


def _link(source: str, target: str) -> bool:
    """Hard-link source as target; False where the file system cannot (the file is then written instead)."""
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOENT):
            return False
        raise
    return True


def _stage_records(records: dict[str, bytes], folder: Path) -> None:
    """Write the build's records into a new folder of the bookkeeping."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for rel, data in sorted(records.items()):
        _check_relative(rel)
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_file(str(target), data)


def _swap_records(books: Books, keep: bool) -> None:
    """Put the staged records in place of the last build's (or, keeping nothing, remove those)."""
    new, current = books.root / "cache.new", books.cache
    if not keep:
        shutil.rmtree(current, ignore_errors=True)
        books.ledger.unlink(missing_ok=True)
        return
    if current.exists() and exchange(new, current):
        checkpoint("records-swapped")
        shutil.rmtree(new)  # the old records
        return
    if current.exists():
        os.rename(current, books.root / "cache.old")  # stopped before the next rename: no records, a slower build
    os.rename(new, current)
    checkpoint("records-swapped")
    shutil.rmtree(books.root / "cache.old", ignore_errors=True)


def file_digest(data: bytes) -> str:
    """The digest of a file's bytes, as the ledger and page traces record it."""
    return hashlib.sha1(data).hexdigest()


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
                st = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(st.st_mode):
                    return {}  # a link or special file: not as we left it
                found[rel] = (st.st_size, st.st_mtime_ns)
    return found


def intact_ledger(books: Books) -> Ledger:
    """The ledger of an output when the output still holds exactly what it lists (no file added, removed or changed
    since our last build wrote it), else {}."""
    ledger = read_ledger(books) if books.marker.is_file() else {}
    try:
        return ledger if ledger and _ledger_holds(books.out, ledger) else {}
    except OSError:
        return {}


def _ledger_holds(out: Path, ledger: Ledger) -> bool:
    """Whether out holds exactly the files the ledger lists, each with the size and mtime it had when written."""
    return _on_disk(out) == {rel: (size, mtime) for rel, (_, size, mtime) in ledger.items()}


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


def _write_marker(target: Path, books: Books, stamp: dict[str, str] | None) -> None:
    lines = [f"Built by litsite into {books.out}; that directory is replaced on every build."]
    lines += [f"{key}: {value}" for key, value in sorted((stamp or {}).items())]
    _atomic(target, ("\n".join(lines) + "\n").encode("utf-8"))


def _write_ledger(target: Path, entries: Ledger) -> None:
    text = "".join(f"{rel}\t{d}\t{size}\t{mtime}\n" for rel, (d, size, mtime) in sorted(entries.items()))
    _atomic(target, text.encode("utf-8"))


def _atomic(target: Path, data: bytes) -> None:
    """Write a file whole or not at all."""
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        _write_file(str(tmp), data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
