"""Link markers ("CrossRef", "PubMed", "Google Scholar", …) that saved publisher pages glue to the end of a printed
reference, and the list numbering before it: taken off, the markers kept in printed order."""

from __future__ import annotations

import re

# Link markers that saved publisher pages glue to the end of a reference (longest first: PubMedCentral > PubMed).
MARKERS = (
    "PubMed Central",
    "PubMedCentral",
    "PubMed/NCBI",
    "Google Scholar",
    "Web of Science ®",
    "Web of Science®",
    "Web of Science",
    "View Article",
    "MathSciNet",
    "CrossRef",
    "Crossref",
    "PubMed",
    "Article",
    "Chapter",
    "Book",
    "zbMATH",
    "Scopus",
    "CAS",
    "ADS",
)
_CANONICAL = {"Crossref": "CrossRef", "PubMed Central": "PubMedCentral", "Web of Science ®": "Web of Science",
              "Web of Science®": "Web of Science"}  # fmt: skip
# A marker at the end, glued ("…250.CrossRef"), spaced ("  Article  PubMed"), bulleted or bracketed ("[PubMed]").
_MARKER_END = re.compile(r"\[?(" + "|".join(re.escape(m) for m in MARKERS) + r")\]?[\s•·|,]*$")
_NUMBERING = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}\.(?!\d)|\d{1,4}\)|[•·▪◦*–-])\s*")


def strip_markers(line: str) -> tuple[str, tuple[str, ...]]:
    """Remove trailing (glued or spaced) link markers; return the rest and the markers in printed order."""
    found: list[str] = []
    text = line.rstrip()
    while True:
        m = _MARKER_END.search(text)
        if not m:
            break
        # A glued marker must not be the tail of a word ("…in CAS" is fine, "MEDCAS" is not a marker).
        before = text[: m.start()]
        if before and before[-1].isalpha() and before[-1].isupper() and m.group(1) in ("CAS", "ADS"):
            break
        # "Book"/"Chapter" (newer Springer layout) count only after the reference's end or spaced like markers,
        # never as a word of the text ("… Anchor Book").
        if m.group(1) in ("Book", "Chapter") and before.strip():
            spaced = before.endswith("  ") or bool(found)
            if before[-1].isalpha() or not (spaced or before.rstrip()[-1:] in ".)"):
                break
        found.insert(0, _CANONICAL.get(m.group(1), m.group(1)))
        text = before.rstrip(" •·|,")
    return text, tuple(found)


def clean_line(line: str) -> tuple[str, tuple[str, ...]]:
    """Numbering and markers off, whitespace normalised: the line as the reference printed it."""
    text = _NUMBERING.sub("", line.strip(), count=1)
    text, markers = strip_markers(text)
    return re.sub(r"\s+", " ", text).strip(), markers


def marker_only(line: str) -> tuple[str, ...] | None:
    """Markers of a line that holds nothing else (the newer Springer layout prints them on their own line)."""
    text, markers = strip_markers(_NUMBERING.sub("", line.strip()))
    return markers if markers and not text.strip() else None
