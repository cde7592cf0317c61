"""The only stage that touches the disk: atomic output, one path written once, never outside the output dir."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from .errors import UserError

MARKER = ".litsite-output"


class SiteFiles:
    """The files of a built site, by relative POSIX path; refuses to hold one path twice."""

    def __init__(self) -> None:
        self._files: dict[str, bytes] = {}

    def add(self, rel: str, data: bytes | str) -> None:
        """Add a file; the path must be relative, normalised and new."""
        path = PurePosixPath(rel)
        if path.is_absolute() or ".." in path.parts or rel != str(path) or rel in ("", ".") or "\\" in rel:
            raise ValueError(f"unsafe output path {rel!r}")
        if rel in self._files:
            raise ValueError(f"two pages want to write {rel!r}")
        self._files[rel] = data.encode("utf-8") if isinstance(data, str) else data

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        return iter(sorted(self._files.items()))

    def __len__(self) -> int:
        return len(self._files)

    def __contains__(self, rel: str) -> bool:
        return rel in self._files

    def get(self, rel: str) -> bytes | None:
        """The bytes of one file, if present."""
        return self._files.get(rel)


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


def write_site(files: SiteFiles, out: Path, project: Path, stamp: dict[str, str] | None = None) -> Path:
    """Write files into a temporary sibling of out, then swap it in; the old output survives any failure.

    stamp: `key: value` facts recorded in the output's marker (e.g. the fingerprint of what made it).
    """
    check_output_dir(out, project)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        made: set[Path] = set()
        for rel, data in files:
            # SiteFiles.add admits only relative, normalised paths without "..", and the fresh temporary
            # directory holds no links, so joining cannot leave it; checked again here all the same.
            if rel.startswith("/") or ".." in PurePosixPath(rel).parts:
                raise ValueError(f"unsafe output path {rel!r}")
            target = tmp / rel
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_bytes(data)
        lines = ["Built by litsite; this directory is replaced on every build."]
        lines += [f"{key}: {value}" for key, value in sorted((stamp or {}).items())]
        (tmp / MARKER).write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.chmod(tmp, 0o755)
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
    return out
