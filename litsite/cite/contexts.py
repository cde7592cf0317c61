"""Where each citation stands: the sentence around it and the section it is in, as data of the cite stage.

Every cluster gets one Context: its document, its anchor (anchors.py), the nearest heading above it and the highest
one (the part of the text it is in), and the sentence holding it as plain text with the clusters in it kept as
their numbers, so that a page can show them in the current style. The text is what Python-Markdown made of the
document (mdparse.py), every mark-up dropped (emphasis, links, raw HTML); templates escape it like any other data.
A sentence longer than MAX_CHARS is cut around the citation, and at most MAX_OTHERS other clusters are kept in it,
so one context is bounded whatever the text holds.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

from litsite.cite.docmemo import DocMemo
from litsite.cite.mdparse import Heading, claimed_marker_re
from litsite.cite.syntax import Cluster

MAX_CHARS = 320  # a context's text around its citation, at most (cut at words, marked with "…")
MAX_OTHERS = 8  # other clusters kept in one context; the rest become "…"
MAX_HEADING = 120  # a section's name, at most

OPEN, CLOSE = "\ue000", "\ue001"  # a cluster's place in the text while it is parsed (removed from the text first)
MARKER_RE = re.compile(f"{OPEN}(\\d+){CLOSE}")
PARTIAL_RE = re.compile(f"{OPEN}\\d*|\\d*{CLOSE}")  # what a hard cut leaves of a marker
# A sentence ends at . ! ? … (with closing quotes or brackets) before a space and a capital, digit, opening quote
# or a citation; ABBREVIATIONS and initials ("J. Smith") end no sentence.
END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[^\W\d_a-z]|\d|" + OPEN + ")")
ABBREVIATIONS = frozenset(
    "al e.g eg i.e ie cf vs etc fig figs eq eqs no nos dr mr mrs ms st pp p vol ed eds approx ca resp tab sect ch "
    "incl inc ltd co jr sr prof ref refs suppl".split()
)
WORD_BEFORE_RE = re.compile(r"[\w.]+$")  # the word a sentence's end follows
LETTER_RE = re.compile(r"[^\W\d_]")

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# The blocks whose text a sentence is taken from (an inner one wins: a list item's own paragraph, a nested item).
BLOCKS = frozenset({"p", "li", "td", "th", "dt", "dd", "blockquote", "figcaption", "caption"})


@dataclass(frozen=True)
class Context:
    """Where one cluster stands. parts: the sentence as text (str) and clusters (int: index into Cited.clusters),
    this one included; section: the nearest heading above it; part: the highest heading above it ("" for none)."""

    doc: Path
    cluster: int
    anchor: str
    section: str
    part: str
    parts: tuple[str | int, ...]


Spans = Sequence[tuple[int, int, int]]  # a document's clusters: (start, end, index into the site's clusters)
# A document as Markdown read it: HTML with claimed markers, their nonce, its spans, headings, each span's section id.
Marked = tuple[str, str, Spans, Sequence[Heading], Sequence[str]]


def find_contexts(
    docs: Mapping[Path, Marked], clusters: Sequence[Cluster], memo: DocMemo | None = None
) -> tuple[Context, ...]:
    """One Context per cluster, in the clusters' order (docs: each document's HTML with its claimed clusters as
    markers, the nonce of those markers, its spans, its headings and the section of each span, as mdparse reads
    them; memo: the last plan's contexts of each document, by all they are made of)."""
    found: dict[int, Context] = {}
    for path, marked in docs.items():
        if memo is None:
            found.update(_doc_contexts(path, marked, clusters))
            continue
        html, nonce, spans, headings, sections = marked
        anchors = tuple(clusters[i].anchor for _, _, i in spans)  # all a document's contexts read of the clusters
        key = ("contexts", path, html, nonce, tuple(spans), tuple(headings), tuple(sections), anchors)
        found.update(memo.get(key, _doc_contexts, path, marked, clusters))
    # A cluster whose place the Markdown hides (say, in a link's title) still has its anchor, with no sentence.
    return tuple(found.get(i) or Context(Path(), i, cl.anchor, "", "", (i,)) for i, cl in enumerate(clusters))


def _where(headings: Sequence[Heading]) -> dict[str, tuple[str, str]]:
    """(section, part) of each heading id: its own name and that of the highest heading above it."""
    stack: list[Heading] = []
    where = {"": ("", "")}  # before the first heading
    for heading in headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
        where[heading.id] = (_heading(heading.text), _heading(stack[0].text))
    return where


def _doc_contexts(path: Path, marked: Marked, clusters: Sequence[Cluster]) -> dict[int, Context]:
    """The contexts of one document's clusters: the sentence from the block holding each (in document order), the
    section from where Markdown put it (a footnote's clusters stand where the note is called)."""
    html, nonce, spans, headings, sections = marked
    if not spans or not html.strip():
        return {}
    marker = claimed_marker_re(nonce)
    where = _where(headings)
    section_of = {i: where.get(sections[j] if j < len(sections) else "", ("", "")) for j, (_, _, i) in enumerate(spans)}

    def text_of(element: lxml_html.HtmlElement) -> str:
        text = element.text_content().replace(OPEN, "").replace(CLOSE, "")
        return " ".join(marker.sub(lambda m: f"{OPEN}{spans[int(m.group(1))][2]}{CLOSE}", text).split())

    out: dict[int, Context] = {}
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for image in root.iter("img"):  # an image's description is its text
        image.tail = (image.get("alt") or "") + (image.tail or "")
    for mark in root.xpath("//sup[starts-with(@id, 'fnref')] | //a[contains(@class, 'footnote-backref')]"):
        mark.drop_tree()  # a footnote's number and its way back are not words of the sentence
    for element in root.iter():
        if (element.tag in BLOCKS or element.tag in HEADINGS) and marker.search(element.text_content()):
            text = text_of(element)
            starts = sentence_starts(text)
            for m in MARKER_RE.finditer(text):
                i = int(m.group(1))
                if i < len(clusters):  # an inner block comes later and wins
                    section, part = section_of.get(i, ("", ""))
                    parts = sentence_parts(text, starts, m.start(), i)
                    out[i] = Context(path, i, clusters[i].anchor, section, part, parts)
    return out


def _heading(text: str) -> str:
    """A heading's text as a section name: its citations dropped, at most MAX_HEADING characters."""
    name = " ".join(MARKER_RE.sub("", text).split())
    return name if len(name) <= MAX_HEADING else name[: MAX_HEADING - 1].rstrip() + "…"


def sentence_starts(text: str) -> list[int]:
    """Where each sentence of text starts, and its end: [0, …, len(text)]."""
    starts = [0]
    for m in END_RE.finditer(text):
        word = WORD_BEFORE_RE.search(text, max(0, m.start() - 32), m.start())
        last = word.group().casefold().rstrip(".") if word else ""
        if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        starts.append(m.end())
    return [*starts, len(text)] if starts[-1] != len(text) else starts


def sentence_parts(text: str, starts: list[int], at: int, cluster: int) -> tuple[str | int, ...]:
    """The sentence of text (its sentences start at `starts`) around position `at`, the marker of `cluster`, cut to
    MAX_CHARS around the citation, as text and cluster numbers. The work is bounded by MAX_CHARS, not by the text."""
    k = min(bisect.bisect_right(starts, at) - 1, len(starts) - 2)
    start, end = starts[k], starts[k + 1]
    # A citation standing alone after a sentence ("… was high. [3]") belongs to the sentence before it.
    if k > 0 and end - start < MAX_CHARS and not LETTER_RE.search(MARKER_RE.sub("", text[start:end])):
        start = starts[k - 1]
    lead = trail = ""
    if end - start > MAX_CHARS:
        half = MAX_CHARS // 2
        lo, hi = max(start, at - half), min(end, at + half)
        if lo > start:
            space = text.find(" ", lo, at)
            lo, lead = (space + 1 if space >= 0 else lo), "…"
        if hi < end:
            space = text.rfind(" ", at, hi)
            hi, trail = (space if space > at else hi), "…"
        start, end = lo, hi
    pieces = MARKER_RE.split(text[start:end])  # text, cluster number, text, …
    texts = [PARTIAL_RE.sub("", t) for t in pieces[0::2]]  # a hard cut may leave part of a marker at an edge
    numbers = [int(n) for n in pieces[1::2]]
    here = numbers.index(cluster) if cluster in numbers else -1
    keep = set(sorted(range(len(numbers)), key=lambda j: (abs(j - here), j))[: MAX_OTHERS + 1])
    parts: list[str | int] = [lead + texts[0]]
    for j, number in enumerate(numbers):
        parts += [number if j in keep else "…", texts[j + 1]]
    parts[-1] = str(parts[-1]) + trail
    return _joined(parts)


def _joined(parts: list[str | int]) -> tuple[str | int, ...]:
    """Adjacent texts joined, spaces collapsed, the ends stripped, empty texts dropped."""
    out: list[str | int] = []
    for part in parts:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        else:
            out.append(part)
    out = [re.sub(r"\s+", " ", p) if isinstance(p, str) else p for p in out]
    if out and isinstance(out[0], str):
        out[0] = out[0].lstrip()
    if out and isinstance(out[-1], str):
        out[-1] = out[-1].rstrip()
    return tuple(p for p in out if p != "")
