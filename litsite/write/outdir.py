"""Where a build may write its output: not into or around the sources, not under a file, not on /proc."""

from __future__ import annotations

from pathlib import Path

from litsite.errors import UserError
from litsite.reuse.books import STATE_DIR, books_for

SOURCES = ("content", "templates", "site.yaml", STATE_DIR, ".git")  # never written into, nor replaced
_PSEUDO_FS = {"proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs"}


def check_output_dir(out: Path, project: Path) -> None:
    """Refuse an output directory that would destroy or re-publish sources, or someone else's files, or that cannot
    be a directory (under a file, or on a kernel's pseudo file system such as /proc)."""
    out_r, proj_r = out.resolve(), project.resolve()
    if out_r == proj_r or out_r in proj_r.parents:
        raise UserError(out, None, "refusing to build into the project directory or one of its parents")
    sources = [proj_r / name for name in SOURCES] + sorted(proj_r.glob("*.csl"))
    for src in sources:
        src_r = src.resolve()
        if src_r == out_r or src_r in out_r.parents or out_r in src_r.parents:
            raise UserError(out, None, f"refusing to build into the sources or around them ({src.name})")
    _check_can_be_directory(out, out_r)
    if out_r.is_dir() and any(out_r.iterdir()) and not books_for(project, out).owns_output():
        raise UserError(
            out,
            None,
            "refusing to replace a non-empty directory that litsite did not create "
            f"(no record of it in {STATE_DIR}/); choose another --out or empty it",
        )


def _check_can_be_directory(out: Path, out_r: Path) -> None:
    """The output path, or the first of its parents that exists, must be a directory on a real file system."""
    fs = _file_system(out_r)
    if fs in _PSEUDO_FS:
        raise UserError(out, None, f"refusing to build on the kernel's {fs} file system; choose another --out")
    for path in (out_r, *out_r.parents):
        if path.exists() or path.is_symlink():
            if not path.is_dir():
                where = "output path" if path == out_r else f"{path}"
                raise UserError(out, None, f"cannot make the output directory: {where} is a file, not a directory")
            return


def _file_system(path: Path) -> str:
    """The type of the file system path lies on, as /proc/self/mounts says ("" when unknown)."""
    try:
        lines = Path("/proc/self/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = str(path) == point or str(path).startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind
