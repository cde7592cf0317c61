"""Markdown read with Python-Markdown (footnotes, tables, fenced code, heading ids); pandoc citations an extension.

The citation grammar (syntax.py) proposes candidate clusters in the source; each is replaced by a marker, and an
inline pattern of the Markdown claims the markers that stand in running text. A marker Markdown keeps as code, raw
HTML, a link's text or address is no citation: its source text is put back as written. So Markdown itself decides
what is a citation, the cite stage formats exactly the clusters the page shows, and a cluster keeps its source line.
"""

from __future__ import annotations

import hashlib
import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from litsite.slugs import slugify

# Candidate markers (OPEN…CLOSE) and claimed ones (CLAIM…CLAIMED). A marker holds a digest of the whole body, so no
# text of the body (nor an entity in it) can be one: the body would have to contain its own digest. (Private-use
# characters are also removed from every source at load.)
OPEN, CLOSE, CLAIM, CLAIMED = "\ue000", "\ue001", "\ue002", "\ue003"
EXTENSIONS = ("footnotes", "tables", "fenced_code")
# Ids the templates give elements of a page that shows Markdown, and prefixes of ids made per entry, citation or
# footnote: a heading never takes one of them (it becomes `section-…`).
RESERVED_IDS = frozenset(
    {"main", "style-select", "abstract", "keywords", "affiliations", "about-article", "references", "contents", "q"}
    | {"sort", "type", "year-from", "year-to", "author", "overview", "footnotes", "toc"}
)
RESERVED_PREFIXES = ("ref-", "cite-", "fn", "in-", "related", "fields", "links")


@dataclass(frozen=True)
class Heading:
    """A heading of the text: its level (1–6), its id in the page and its text."""

    level: int
    id: str
    text: str


@dataclass(frozen=True)
class Parsed:
    """A Markdown document as HTML with a marker for each cited cluster (numbered in source order), its headings,
    and which of the candidate clusters Markdown kept as citations (indices into the candidates)."""

    html: str
    claimed: tuple[int, ...]
    headings: tuple[Heading, ...]


def nonce_of(body: str) -> str:
    """The digest that the markers of this body carry."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def claimed_marker_re(nonce: str) -> re.Pattern[str]:
    """The claimed citation markers of a body with this nonce; group 1 is the cluster's place in the document."""
    return re.compile(f"{CLAIM}{nonce}\\.(\\d+){CLAIMED}")


class _CitationPattern(InlineProcessor):
    """Claims a candidate marker standing in running text (not in a link: a citation is a link of its own)."""

    ANCESTOR_EXCLUDES = ("a",)

    def __init__(self, nonce: str, claimed: list[int]) -> None:
        super().__init__(f"{OPEN}{nonce}\\.(\\d+){CLOSE}")
        self.nonce, self.claimed = nonce, claimed

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:
        """Hand the cluster to the citation stage (record it) and leave a claimed marker in its place."""
        self.claimed.append(int(m.group(1)))
        return f"{CLAIM}{self.nonce}.{m.group(1)}{CLAIMED}", m.start(0), m.end(0)


def _text(el: etree.Element) -> str:
    """The text inside an element, without footnote references."""
    parts = [el.text or ""]
    for child in el:
        if not (child.tag == "sup" and str(child.get("id", "")).startswith("fnref")):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def heading_text(el: etree.Element, nonce: str) -> str:
    """A heading's plain text: without citation markers, footnote references and raw HTML."""
    text = html.unescape(HTML_PLACEHOLDER_RE.sub("", _text(el)))
    text = re.sub(f"[{CLAIM}{OPEN}]{nonce}\\.\\d+[{CLAIMED}{CLOSE}]", "", text)
    return " ".join(text.split())


class _HeadingIds(Treeprocessor):
    """Gives every heading a stable id (its text as a slug; -2, -3… for repeats) and lists the headings."""

    def __init__(self, md: markdown.Markdown, nonce: str, headings: list[Heading]) -> None:
        super().__init__(md)
        self.nonce, self.headings = nonce, headings

    def run(self, root: etree.Element) -> None:
        """Assign the ids in document order."""
        used = set(RESERVED_IDS)
        for el in root.iter():
            if not (isinstance(el.tag, str) and re.fullmatch(r"h[1-6]", el.tag)):
                continue
            text = heading_text(el, self.nonce)
            base = slugify(text or "section")
            if base in RESERVED_IDS or base.startswith(RESERVED_PREFIXES):
                base = f"section-{base}"
            slug, n = base, 2
            while slug in used:
                slug, n = f"{base}-{n}", n + 1
            used.add(slug)
            el.set("id", slug)
            self.headings.append(Heading(int(el.tag[1]), slug, text))


class _Citations(Extension):
    def __init__(self, nonce: str, claimed: list[int], headings: list[Heading]) -> None:
        super().__init__()
        self.nonce, self.claimed, self.headings = nonce, claimed, headings

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Register the citation pattern (after code, links and raw HTML have taken their text) and heading ids."""
        md.inlinePatterns.register(_CitationPattern(self.nonce, self.claimed), "pandoc-citation", 1)
        md.treeprocessors.register(_HeadingIds(md, self.nonce, self.headings), "heading-ids", 6)


def parse_markdown(body: str, spans: list[tuple[int, int]]) -> Parsed:
    """Convert a body to HTML; spans are the candidate clusters' (start, end) in the body, in source order.

    In the HTML each claimed cluster is a marker numbered by its place among the claimed ones; every other candidate
    is its source text again, escaped."""
    nonce = nonce_of(body)
    out, pos = [], 0
    for k, (start, end) in enumerate(spans):
        out += [body[pos:start], f"{OPEN}{nonce}.{k}{CLOSE}"]
        pos = end
    out.append(body[pos:])
    claimed: list[int] = []
    headings: list[Heading] = []
    md = markdown.Markdown(extensions=[*EXTENSIONS, _Citations(nonce, claimed, headings)], output_format="html")
    converted = md.convert("".join(out))
    order = {k: j for j, k in enumerate(sorted(set(claimed)))}

    def swap(m: re.Match[str]) -> str:
        k = int(m.group(2))
        if m.group(1) == CLAIM:
            return f"{CLAIM}{nonce}.{order[k]}{CLAIMED}"
        start, end = spans[k]
        return html.escape(body[start:end], quote=True)

    converted = re.sub(f"([{OPEN}{CLAIM}]){nonce}\\.(\\d+)[{CLOSE}{CLAIMED}]", swap, converted)
    return Parsed(converted, tuple(sorted(order)), tuple(headings))
