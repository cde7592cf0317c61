"""Markdown read with Python-Markdown (footnotes, tables, fenced code, heading ids); pandoc citations an extension.

The citation grammar (syntax.py) proposes candidate clusters in the source; each is replaced by a marker, and an
inline pattern of the Markdown claims the markers that stand in running text. A marker Markdown keeps as code, raw
HTML, a link's text or address is no citation: its source text is put back as written. So Markdown itself decides
what is a citation, the cite stage formats exactly the clusters the page shows, and a cluster keeps its source line.
"""

from __future__ import annotations

import functools
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

from litsite.cite.syntax import CODE_RE
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
# Python-Markdown looks for the end of a link's text or address from every "[" and "](" it meets, to the end of the
# paragraph if there is none: brackets left open over a long stretch cost (open brackets × characters). Beyond this
# many steps (about a second) a document is refused rather than taking minutes; real texts stay far below it.
BRACKET_BUDGET = 1_000_000
# Its inline pass also slows with the square of the inline elements of one paragraph (16,000 take 1.4 s, 32,000
# take 8 s): a paragraph may hold this many characters that can open one. (Table rows do not count: each cell is
# read alone.)
INLINE_BUDGET = 10_000
_INLINE_OPENERS = re.compile(r"\\.|[`*_\[<&]")
_CHUNKS = re.compile(r"\n[ \t]*\n")
_TOKENS = re.compile(r"\\.|\]\(|[\[\]()]|\n[ \t]*\n")


class MarkdownTooComplex(ValueError):
    """A document Markdown cannot read in bounded time or depth; line is counted from the body's first line (0)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Heading:
    """A heading of the text: its level (1–6), its id in the page and its text."""

    level: int
    id: str
    text: str


@dataclass(frozen=True)
class Parsed:
    """A Markdown document as HTML with a marker for each cited cluster (numbered in source order), its headings,
    which of the candidate clusters Markdown kept as citations (indices into the candidates) and the section (heading
    id, "" before the first heading) each of those stands in."""

    html: str
    claimed: tuple[int, ...]
    headings: tuple[Heading, ...]
    sections: tuple[str, ...] = ()


def nonce_of(body: str) -> str:
    """The digest that the markers of this body carry."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


@functools.lru_cache(maxsize=8192)  # one per document, asked on every build: re's own cache holds only 512
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
    """Gives every heading a stable id (its text as a slug; -2, -3… for repeats), lists the headings and notes the
    section (heading id) each claimed cluster stands in; a footnote's clusters stand where the note is called."""

    def __init__(self, md: markdown.Markdown, nonce: str, headings: list[Heading], sections: dict[int, str]) -> None:
        super().__init__(md)
        self.nonce, self.headings, self.sections = nonce, headings, sections
        self.marker = re.compile(f"{CLAIM}{nonce}\\.(\\d+){CLAIMED}")
        self.used: set[str] = set()
        self.current = ""  # the heading id the walk is under ("" before the first heading)
        self.notes: dict[str, str] = {}  # footnote id → the section of its first call

    def run(self, root: etree.Element) -> None:
        """Walk the document in reading order."""
        self.used = set(RESERVED_IDS)
        self._walk(root)

    def _walk(self, el: etree.Element) -> None:
        tag, ident = el.tag, str(el.get("id", ""))
        if isinstance(tag, str) and re.fullmatch(r"h[1-6]", tag):
            self.current = self._heading(el)
        elif tag == "sup" and ident.startswith("fnref"):
            self.notes.setdefault(ident.split(":", 1)[-1], self.current)
        elif tag == "li" and ident.startswith("fn:"):
            self.current = self.notes.get(ident.split(":", 1)[-1], self.current)
        self._clusters(el.text)
        for child in el:
            self._walk(child)
            self._clusters(child.tail)

    def _clusters(self, text: str | None) -> None:
        for m in self.marker.finditer(text or ""):
            self.sections.setdefault(int(m.group(1)), self.current)

    def _heading(self, el: etree.Element) -> str:
        text = heading_text(el, self.nonce)
        base = slugify(text or "section")
        if base in RESERVED_IDS or base.startswith(RESERVED_PREFIXES):
            base = f"section-{base}"
        slug, n = base, 2
        while slug in self.used:
            slug, n = f"{base}-{n}", n + 1
        self.used.add(slug)
        el.set("id", slug)
        self.headings.append(Heading(int(el.tag[1]), slug, text))
        return slug


class _Citations(Extension):
    def __init__(self, nonce: str, claimed: list[int], headings: list[Heading], sections: dict[int, str]) -> None:
        super().__init__()
        self.nonce, self.claimed, self.headings, self.sections = nonce, claimed, headings, sections

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Register the citation pattern (after code, links and raw HTML have taken their text) and heading ids."""
        md.inlinePatterns.register(_CitationPattern(self.nonce, self.claimed), "pandoc-citation", 1)
        md.treeprocessors.register(_HeadingIds(md, self.nonce, self.headings, self.sections), "heading-ids", 6)


def check_inline(body: str) -> None:
    """Refuse a body with a paragraph of more inline markup than INLINE_BUDGET."""
    pos = 0
    for chunk in _CHUNKS.split(body):
        lines = [line for line in chunk.split("\n") if not line.lstrip().startswith("|")]
        if sum(len(_INLINE_OPENERS.findall(line)) for line in lines) > INLINE_BUDGET:
            raise MarkdownTooComplex(
                body.count("\n", 0, body.index(chunk, pos)),
                f"a paragraph with more than {INLINE_BUDGET} characters that open inline markup (\\x ` * _ [ < &): "
                "Markdown would take minutes to read it; split it into paragraphs",
            )
        pos += len(chunk)


def check_brackets(body: str) -> None:
    """Refuse a body whose open brackets would make Python-Markdown's link search quadratic (see BRACKET_BUDGET)."""
    code = [(m.start(), m.end()) for m in CODE_RE.finditer(body)]
    cost, last, square, round_ = 0, 0, [], []  # open "[" and open link-address "(" (after "](") positions
    at = 0  # the first code span not yet behind us
    for m in _TOKENS.finditer(body):
        token, pos = m.group(0), m.start()
        while at < len(code) and code[at][1] <= pos:
            at += 1
        if at < len(code) and code[at][0] <= pos:
            continue  # inside code Markdown searches for nothing
        cost += (len(square) + len(round_)) * (pos - last)
        last = pos
        if cost > BRACKET_BUDGET:
            first = min(square[:1] + round_[:1])
            raise MarkdownTooComplex(
                body.count("\n", 0, first),
                "brackets left open over a long stretch ('[' without ']' or '](' without ')'): Markdown would take "
                "minutes to read them; close them or escape them as \\[ and \\(",
            )
        if token.startswith("\n"):
            square, round_ = [], []  # a paragraph ends: Markdown's search stops there
        elif token == "](":
            if square:
                square.pop()
            round_.append(pos)
        elif token == "[":
            square.append(pos)
        elif token == "]" and square:
            square.pop()
        elif token == "(" and round_:
            round_.append(pos)
        elif token == ")" and round_:
            round_.pop()


# The preview rebuilds with the same texts: each is parsed once (a pure function). Room for every document of a
# large review (notes and themes included), so a one-note edit parses one text; bounded by the content itself.
@functools.lru_cache(maxsize=4096)
def _parse(body: str, spans: tuple[tuple[int, int], ...]) -> Parsed:
    check_inline(body)
    check_brackets(body)
    try:
        return _convert(body, spans)
    except RecursionError:
        raise MarkdownTooComplex(0, "lists or quotes nested too deeply for Markdown to read") from None


def parse_markdown(body: str, spans: list[tuple[int, int]]) -> Parsed:
    """Convert a body to HTML; spans are the candidate clusters' (start, end) in the body, in source order.

    In the HTML each claimed cluster is a marker numbered by its place among the claimed ones; every other candidate
    is its source text again, escaped. Raises MarkdownTooComplex for a text it cannot read in bounded time."""
    return _parse(body, tuple(spans))


def _convert(body: str, spans: tuple[tuple[int, int], ...]) -> Parsed:
    nonce = nonce_of(body)
    out, pos = [], 0
    for k, (start, end) in enumerate(spans):
        out += [body[pos:start], f"{OPEN}{nonce}.{k}{CLOSE}"]
        pos = end
    out.append(body[pos:])
    claimed: list[int] = []
    headings: list[Heading] = []
    sections: dict[int, str] = {}
    citations = _Citations(nonce, claimed, headings, sections)
    md = markdown.Markdown(extensions=[*EXTENSIONS, citations], output_format="html")
    converted = md.convert("".join(out))
    order = {k: j for j, k in enumerate(sorted(set(claimed)))}

    def swap(m: re.Match[str]) -> str:
        k = int(m.group(2))
        if m.group(1) == CLAIM:
            return f"{CLAIM}{nonce}.{order[k]}{CLAIMED}"
        start, end = spans[k]
        return html.escape(body[start:end], quote=True)

    converted = re.sub(f"([{OPEN}{CLAIM}]){nonce}\\.(\\d+)[{CLOSE}{CLAIMED}]", swap, converted)
    kept = tuple(sorted(order))
    return Parsed(converted, kept, tuple(headings), tuple(sections.get(k, "") for k in kept))
