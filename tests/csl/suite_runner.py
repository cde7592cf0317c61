"""Run fixtures of the official CSL test suite through litsite.csl.engine (used by test_suite.py and the bench)."""

from __future__ import annotations

import contextlib
import json
import re
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from litsite.csl.engine import Cite, Formatter

SUITE = Path(__file__).resolve().parents[1] / "data" / "csl-test-suite"  # vendored: runs on a fresh clone
SECTION = re.compile(r">>=+ ([A-Z-]+) =+>>\n?(.*?)\n?<<=+ \1 =+<<", re.S)
TIMEOUT = 10.0  # generous: a guard against loops, not a benchmark (CI machines are slower)


def fixtures() -> list[Path]:
    """The fixture files, sorted by name."""
    return sorted(SUITE.glob("*.txt"))


def parse(path: Path) -> dict[str, str]:
    """The sections of a fixture file."""
    return {m.group(1): m.group(2) for m in SECTION.finditer(path.read_text(encoding="utf-8"))}


def _cite(data: dict) -> Cite:
    return Cite(
        id=str(data["id"]),
        locator=str(data["locator"]) if data.get("locator") not in (None, "") else None,
        label=data.get("label"),
        prefix=data.get("prefix"),
        suffix=data.get("suffix"),
        suppress_author=bool(data.get("suppress-author")),
        author_only=bool(data.get("author-only")),
    )


def _normalize(html: str) -> str:
    html = html.replace("&amp;", "&#38;").replace("&lt;", "&#60;").replace("&gt;", "&#62;")
    return re.sub(r"\n\s*", "", html).strip()


class Timeout(Exception):
    """A fixture took too long."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise Timeout if the block runs longer than `seconds` (main thread, POSIX)."""

    def handler(signum: int, frame: object) -> None:
        raise Timeout

    old = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def render(sections: dict[str, str]) -> str:
    """Our output for a fixture, in the fixture's RESULT layout."""
    items = json.loads(sections["INPUT"])
    for n, item in enumerate(items, start=1):
        item.setdefault("id", f"ITEM-{n}")  # as citeproc-js's fixture runner names items without an id
    items = list({str(item["id"]): item for item in items}.values())  # one item per id: the last (as the runner)
    with tempfile.NamedTemporaryFile("w", suffix=".csl", encoding="utf-8", delete=False) as handle:
        handle.write(sections["CSL"])
        style = Path(handle.name)
    try:
        formatter = Formatter(style, locale=None)
        mode = sections["MODE"].strip()
        if "CITATIONS" in sections and mode == "citation":
            return _citations(formatter, items, json.loads(sections["CITATIONS"]))
        if "CITATIONS" in sections:  # the document the calls leave: only the items it cites are registered
            clusters = _document(json.loads(sections["CITATIONS"]))
            items = _cited(items, clusters)
        elif "CITATION-ITEMS" in sections:
            clusters = [[_cite(c) for c in cluster] for cluster in json.loads(sections["CITATION-ITEMS"])]
        else:
            # synthesized from the items after the processor sorted them (citeproc-js's runner): bibliography order
            ids = [str(item["id"]) for item in items]
            if mode == "citation":
                order = [i for i, _ in formatter.format(items, [], "html").entries]
                ids = order + [i for i in ids if i not in order]
            clusters = [[Cite(i) for i in ids]]
        result = formatter.format(items, clusters if mode == "citation" else [], "html")
    finally:
        style.unlink()
    if mode == "bibliography":
        entries = "".join(f'<div class="csl-entry">{entry}</div>' for _, entry in result.entries)
        return f'<div class="csl-bib-body">{entries}</div>'
    return "\n".join(result.citations)


def _citations(formatter: Formatter, items: list[dict], calls: list) -> str:
    """CITATIONS: each call inserts a citation between the ones before and after it (processCitationCluster); the
    document's citations in their final order, `>>` marking those the last call changed (as citeproc-js's runner)."""
    clusters: dict[str, list[Cite]] = {}
    notes: dict[str, int] = {}
    before: dict[str, str] = {}
    texts: dict[str, str] = {}
    order: list[str] = []
    backrefs: dict[tuple[str, int], int] = {}
    tainted: set[str] = set()
    numbers: dict[str, int] = {}
    csl = formatter.style_path.read_text(encoding="utf-8")
    numeric = 'variable="citation-number"' in csl
    counting = 'class="note"' in csl and 'disambiguate="true"' in csl
    counts: dict[str, int] = {}
    for citation, pre, post in calls:
        cid = citation["citationID"]
        clusters[cid] = [_cite(c) for c in citation["citationItems"]]
        notes.update({p[0]: int(p[1] or 0) for p in [*pre, *post]})
        notes[cid] = int(citation.get("properties", {}).get("noteIndex") or 0)
        order = [p[0] for p in pre] + [cid] + [p[0] for p in post]
        before = texts
        document = [clusters[c] for c in order]
        result = formatter.format(_cited(items, document), document, "html", notes=[notes[c] for c in order])
        texts = dict(zip(order, result.citations, strict=True))
        now = _backrefs(order, clusters, notes)
        tainted = {clusters[c][k].id for (c, k), n in now.items() if c != cid and backrefs.get((c, k), n) != n}
        backrefs = now
        if numeric:  # and, in a numeric style, every citation of an item whose number changed
            cited = [i for i, _ in result.entries] or list(dict.fromkeys(c.id for cl in document for c in cl))
            renumbered = {i: n for n, i in enumerate(cited)}
            tainted |= {i for i, n in renumbered.items() if numbers.get(i, n) != n}
            numbers = renumbered
        if counting:  # and, in a note style that tests disambiguate, of an item now cited once or more than once
            cited_in = {
                i: sum(any(c.id == i for c in cl) for cl in document) for i in {c.id for cl in document for c in cl}
            }
            tainted |= {i for i, n in cited_in.items() if i in counts and (counts[i] < 2) != (n < 2)}
            counts = cited_in
    last = calls[-1][0]["citationID"]
    # citeproc-js also returns every citation of an item whose first-reference-note-number (or number) changed
    changed = {c for c in order if any(cite.id in tainted for cite in clusters[c])}
    marks = [">>" if c == last or c in changed or before.get(c) != texts[c] else ".." for c in order]
    return "\n".join(f"{m}[{i}] {texts[c]}" for i, (m, c) in enumerate(zip(marks, order, strict=True)))


def _document(calls: list) -> list[list[Cite]]:
    """The clusters of the document a sequence of processCitationCluster calls leaves, in order."""
    clusters: dict[str, list[Cite]] = {}
    order: list[str] = []
    for citation, pre, post in calls:
        clusters[citation["citationID"]] = [_cite(c) for c in citation["citationItems"]]
        order = [p[0] for p in pre] + [citation["citationID"]] + [p[0] for p in post]
    return [clusters[c] for c in order]


def _cited(items: list[dict], clusters: list[list[Cite]]) -> list[dict]:
    """The items the clusters cite: citeproc-js registers an item when a citation cites it, and drops it when no
    citation does any more."""
    ids = {cite.id for cluster in clusters for cite in cluster}
    return [item for item in items if str(item["id"]) in ids]


def _backrefs(order: list[str], clusters: dict[str, list[Cite]], notes: dict[str, int]) -> dict[tuple[str, int], int]:
    """The first-reference-note-number of each later cite in a note ((citation, index) -> note of the first cite)."""
    first: dict[str, int] = {}
    out = {}
    for c in order:
        if not notes[c]:
            continue
        for k, cite in enumerate(clusters[c]):
            if cite.id in first and first[cite.id] != notes[c]:
                out[(c, k)] = first[cite.id]
            first.setdefault(cite.id, notes[c])
    return out


def passes(path: Path) -> bool:
    """Whether our output equals the fixture's RESULT (HTML entities and layout whitespace normalized)."""
    sections = parse(path)
    if sections.get("MODE", "").strip() not in ("citation", "bibliography") or "CSL" not in sections:
        return False
    try:
        with time_limit(TIMEOUT):
            got = render(sections)
    except Exception:
        return False
    return _normalize(got) == _normalize(sections["RESULT"])
