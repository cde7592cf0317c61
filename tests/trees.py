"""Reading a built output as {relative path: bytes}, for comparing builds."""

from __future__ import annotations

from pathlib import Path

from litsite.reuse.books import books_for


def tree(root: Path, hide: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file under root by relative POSIX path, except paths starting with one of `hide`."""
    files = {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}
    return {rel: p.read_bytes() for rel, p in files.items() if not (hide and rel.startswith(hide))}


def records(project: Path, out: Path) -> dict[str, bytes]:
    """The records a build of project into out keeps for the next (in the project's bookkeeping folder)."""
    return tree(books_for(project, out).cache)
