"""Readers of the bib-* wide-corpus sources: BibTeX libraries whose files only make sense read together.

A shared library (IRIDIA's) keeps its @string macros (authors, journals, publishers) and its crossref targets in
files of their own; a biblatex style package (biblatex-archaeology) keeps its example entries and its journal
@string list in separate docstrip blocks of two .dtx files. Each is read as ONE BibTeX text, in the order given, so
that every macro is defined before use and every crossref resolves — as biber and bibtex see them.
"""

from __future__ import annotations

import re
from pathlib import Path

GUARD = re.compile(r"%<([*/])([^>]*)>")


def from_bibtex_joined(paths: list[Path]) -> list[dict]:
    """Several .bib files read as one BibTeX text, in path order (the macro files named to sort first)."""
    from litsite.importers.bibtex import load_bibtex

    text = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in paths)
    return load_bibtex(text, paths[-1]).references if paths else []


def docstrip_block(path: Path, names: set[str]) -> list[str]:
    """The code lines of a .dtx file inside the docstrip blocks named (%<*name> … %</name>, outermost)."""
    lines: list[str] = []
    guards: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        guard = GUARD.match(line)
        if guard:  # blocks nest: only the outermost name decides
            guards = [*guards, guard.group(2)] if guard.group(1) == "*" else guards[:-1]
        elif guards and guards[0] in names and not line.startswith("%"):
            lines.append(line)
    return lines


def from_archaeology_dtx(paths: list[Path]) -> list[dict]:
    """biblatex-archaeology: the journal @string list (fullBIB), then the example and manual entries."""
    from litsite.importers.bibtex import load_bibtex

    by_name = {path.name: path for path in paths}
    nodoc = by_name.get("biblatex-archaeology-nodoc.dtx")
    main = by_name.get("biblatex-archaeology.dtx")
    if not (nodoc and main):
        return []
    lines = docstrip_block(nodoc, {"fullBIB"}) + docstrip_block(main, {"exampleBIB"})
    lines += docstrip_block(nodoc, {"manualBIB"})
    return load_bibtex("\n".join(lines), main).references


def from_bibtex_library(paths: list[Path]) -> list[dict]:
    """A library whose macro and crossref files (named with a leading "_", read first) serve its topic files: all read
    as one BibTeX text, the entries of the "_" files themselves left out (they are the proceedings crossrefs point
    to, which would swamp the sample)."""
    from litsite.importers.bibtex import load_bibtex

    context = [path for path in paths if path.name.startswith("_")]
    topics = [path for path in paths if not path.name.startswith("_")]
    if not topics:
        return []
    # lines starting with "%" dropped: biber's comments, and plume-bib's commented-out "% built in: @string{…}"
    # lines would define a macro twice (bibtexparser rejects that; BibTeX only warns)
    read = [_uncommented(path.read_text(encoding="utf-8", errors="replace")) for path in context + topics]
    own = {str(item.get("id")) for item in load_bibtex("\n".join(read[: len(context)]), topics[0]).references}
    items = load_bibtex("\n".join(read), topics[-1]).references
    return [item for item in items if str(item.get("id")) not in own]


def _uncommented(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("%"))
