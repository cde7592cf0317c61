"""The lines of a saved article page: headings, sections, and the reference lines with their link markers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from litsite.importers import textutil as tu


@dataclass
class RefLine:
    """One reference as found on the page: its text without link markers, the markers and its first line."""

    text: str
    markers: tuple[str, ...]
    line: int

    @property
    def glued(self) -> str:
        """The reference text with its markers glued on, as the old layout prints them."""
        return self.text + "".join(self.markers)


@dataclass
class Line:
    """One line of the page: its number, raw text, cleaned text (bullet removed) and whether it was a bullet."""

    no: int
    raw: str
    text: str
    bullet: bool

    @property
    def key(self) -> str:
        """The cleaned text in lower case without a trailing colon, for heading look-ups."""
        return self.text.lower().rstrip(":").strip()


BULLET_RE = re.compile(r"^\s*[•◦▪‣∙·*]\s*")
HEADINGS = {
    "abstract": "abstract",
    "summary": "abstract",
    "keywords": "keywords",
    "key words": "keywords",
    "references": "references",
    "bibliography": "references",
    "literature cited": "references",
    "copyright information": "copyright",
    "authors and affiliations": "affiliations",
    "author information": "affiliations",
    "affiliations": "affiliations",
    "authors": "authors",
    "cite this article": "cite",
    "cite this article as": "cite",
}
OTHER_HEADINGS = {
    "about this article",
    "rights and permissions",
    "notes",
    "acknowledgements",
    "acknowledgments",
    "funding",
    "additional information",
    "ethics declarations",
    "personalised recommendations",
    "personalized recommendations",
    "download references",
    "download citation",
    "corresponding author",
    "electronic supplementary material",
    "supplementary information",
    "access this article",
    "change history",
    "introduction",
    "discussion",
    "appendix",
    "footnotes",
    "author contributions",
    "contributions",
    "conflict of interest",
    "compliance with ethical standards",
    "open access",
    "data availability",
    "similar content being viewed by others",
    "share this article",
}
NUMBERED_RE = re.compile(r"^\s*(?:\[(?P<b>\d{1,4})\]|(?P<n>\d{1,4})\.)(?:\s+(?P<rest>\S.*))?\s*$")
GLUED_AFFIL_RE = re.compile(r"^\s*(?:\d{1,3}\.\s*)?\d{1,3}\.(?=[^\d\s])")


def make_lines(text: str) -> list[Line]:
    lines = []
    for no, raw in enumerate(text.split("\n"), start=1):
        bullet = bool(BULLET_RE.match(raw)) and bool(raw.strip().strip("•◦▪‣∙·*").strip())
        body = BULLET_RE.sub("", raw, count=1) if bullet else raw
        lines.append(Line(no, raw, tu.clean(body), bullet))
    return lines


def heading(line: Line) -> str | None:
    """The section a heading line opens ('other' for sections litsite skips), or None."""
    if line.bullet or not line.text or len(line.text) > 40:
        return None
    key = line.key
    if key in HEADINGS:
        return HEADINGS[key]
    if key in OTHER_HEADINGS:
        return "other"
    return None


def is_marker_line(text: str) -> bool:
    return bool(text) and bool(tu.MARKERS_LINE_RE.match(text))


def ref_items(lines: list[Line], start: int, end: int) -> list[RefLine]:
    """Split lines[start:end] into references: numbered or bulleted starts, marker lines, continuations."""
    items: list[RefLine] = []
    cur: list[str] | None = None
    cur_line = 0
    cur_style = ""
    pending_markers: list[str] = []

    def close() -> None:
        nonlocal cur
        if cur is not None:
            text, markers = tu.split_markers(" ".join(cur))
            if text:
                items.append(RefLine(text, tuple(markers + pending_markers), cur_line))
        pending_markers.clear()
        cur = None

    for ln in lines[start:end]:
        text = ln.text
        if not text:
            if cur is not None and cur_style == "plain":
                close()
            continue
        if is_marker_line(text):
            if cur is not None:
                pending_markers.extend(tu.marker_list(text))
                close()
            elif items and not items[-1].markers:
                items[-1].markers = tuple(tu.marker_list(text))
            continue
        m = NUMBERED_RE.match(ln.raw.replace("\u00a0", " "))
        if m and not GLUED_AFFIL_RE.match(ln.raw):
            close()
            cur, cur_line, cur_style = ([tu.clean(m.group("rest"))] if m.group("rest") else []), ln.no, "num"
        elif ln.bullet:
            close()
            cur, cur_line, cur_style = [text], ln.no, "bullet"
        elif cur is not None and cur_style == "plain" and cur and re.search(r"[.)\]]$", cur[-1]) and text[0].isupper():
            close()  # unbulleted layouts print one reference per line
            cur, cur_line, cur_style = [text], ln.no, "plain"
        elif cur is not None:
            cur.append(text)
        else:
            cur, cur_line, cur_style = [text], ln.no, "plain"
        if cur_style == "plain" and tu.MARKERS_TAIL_RE.search(text):
            close()  # glued link markers end a reference
    close()
    return items


def numbered_run(lines: list[Line]) -> tuple[int, int] | None:
    """The longest run of lines numbered 1, 2, 3, ... (not glued affiliations) as a (start, end) slice."""
    best: tuple[int, int, int] | None = None
    run_start, expect, last = -1, 1, -1
    for i, ln in enumerate(lines):
        m = NUMBERED_RE.match(ln.raw.replace("\u00a0", " "))
        if not m or GLUED_AFFIL_RE.match(ln.raw) or ln.bullet:
            continue
        n = int(m.group("b") or m.group("n"))
        if n == 1:
            run_start, expect = i, 1
        if run_start >= 0 and n == expect:
            last, expect = i, expect + 1
            if best is None or expect - 1 > best[0]:
                best = (expect - 1, run_start, last)
    if best is None:
        return None
    end = best[2] + 1
    while end < len(lines) and lines[end].text and heading(lines[end]) is None and not lines[end].bullet:
        if NUMBERED_RE.match(lines[end].raw) or GLUED_AFFIL_RE.match(lines[end].raw):
            break
        end += 1
    return best[1], end


def section_end(lines: list[Line], start: int) -> int:
    for i in range(start, len(lines)):
        if heading(lines[i]) is not None or lines[i].key in ("download references", "download citation"):
            return i
    return len(lines)


def find_references(lines: list[Line]) -> tuple[list[RefLine], tuple[int, int] | None]:
    """The references and the slice of lines they occupy (by heading, numbered run or marker lines)."""
    best: tuple[list[RefLine], tuple[int, int] | None] = ([], None)
    for i, ln in enumerate(lines):
        if heading(ln) == "references":
            end = section_end(lines, i + 1)
            items = ref_items(lines, i + 1, end)
            if len(items) > len(best[0]):
                best = (items, (i, end))
    if best[0]:
        return best
    run = numbered_run(lines)
    if run:
        items = ref_items(lines, *run)
        if items:
            return items, run
    glued = [i for i, ln in enumerate(lines) if re.search(r"\d{4}", ln.text) and tu.MARKERS_TAIL_RE.search(ln.text)]
    if len(glued) >= 2:  # no heading, no numbers: one reference per line, markers glued on
        return ref_items(lines, glued[0], glued[-1] + 1), (glued[0], glued[-1] + 1)
    marker_idx = [i for i, ln in enumerate(lines) if is_marker_line(ln.text)]
    if marker_idx:
        start = marker_idx[0] - 1
        while start > 0 and not lines[start].text:
            start -= 1
        while start > 0 and lines[start - 1].bullet and not is_marker_line(lines[start - 1].text):
            start -= 1
        return ref_items(lines, start, marker_idx[-1] + 1), (start, marker_idx[-1] + 1)
    return [], None


def section(lines: list[Line], kind: str, skip: tuple[int, int] | None) -> list[tuple[int, int]]:
    """Slices of the lines under every heading of the given kind (outside the references slice)."""
    out = []
    for i, ln in enumerate(lines):
        if skip and skip[0] <= i < skip[1]:
            continue
        if heading(ln) == kind:
            out.append((i + 1, section_end(lines, i + 1)))
    return out
