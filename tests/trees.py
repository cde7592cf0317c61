"""Reading a built output as {relative path: bytes}, for comparing builds."""

from __future__ import annotations

from pathlib import Path

# The output's own bookkeeping (the marker and the ledger of what was written, with file times): not site content.
BOOKKEEPING = (".litsite-output", ".litsite-ledger")


def tree(root: Path, hide: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file under root by relative POSIX path, except paths starting with one of `hide`."""
    files = {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}
    return {rel: p.read_bytes() for rel, p in files.items() if not (hide and rel.startswith(hide))}
