"""Pandoc citation syntax in Markdown: `[@a, p. 4; -@b]`, `@a says`, `@a [p. 4]` → clusters of Cites."""

from __future__ import annotations

import bisect
import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

import markdown
from markdown.util import HTML_PLACEHOLDER_RE

from litsite.cite.locators import parse_locator
from litsite.csl.engine import Cite
from litsite.safety import normal_id

# Only the inline patterns run on an affix: "1. see" is not a list, nor "# 3" a heading.
_md = markdown.Markdown()
_TAGS = {"em": "i", "strong": "b"}

# Pandoc's key grammar: starts with a letter, digit or _, may contain internal punctuation; `@{...}` for anything.
KEY = r"(?:\{(?P<keyb>[^}]+)\}|(?P<key>[\w](?:[\w:.#$%&+?<>~/-]*[\w])?))"
BRACKET_RE = re.compile(r"(?<!\\)\[(?P<body>[^\[\]]*?-?@[^\[\]]*?)\](?!\()")
ITEM_RE = re.compile(r"^(?P<prefix>.*?)(?P<minus>-?)@" + KEY + r"(?P<rest>.*)$", re.S)
NARRATIVE_RE = re.compile(r"(?<![\w@\[/:=\\])@" + KEY + r"(?:\s\[(?P<loc>[^\[\]@]*)\])?")
CODE_RE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]*`)", re.S)


@dataclass(frozen=True)
class Cluster:
    """One citation in the text: the cites it groups, where it stands, whether it is narrative and its HTML id in its
    page (given by the cite stage: anchors.assign_anchors)."""

    cites: tuple[Cite, ...]
    line: int
    narrative: bool = False
    anchor: str = ""


def _key(m: re.Match[str]) -> str:
    return normal_id(m.group("keyb") or m.group("key"))


def _rich(text: str) -> str:
    """Markdown emphasis and strong emphasis of a prefix or suffix as CSL rich text (<i>, <b>); the rest as written."""
    _md.reset()
    root = etree.Element("div")
    etree.SubElement(root, "p").text = text
    for name in ("inline", "unescape"):
        _md.treeprocessors[name].run(root)
    raw = _md.htmlStash.rawHtmlBlocks

    def walk(el: etree.Element) -> str:
        inner = (el.text or "") + "".join(walk(child) + (child.tail or "") for child in el)
        if el.tag == "code":
            return f"`{html.unescape(inner)}`"  # (Python-Markdown escapes a code span's text)
        tag = _TAGS.get(el.tag)
        return f"<{tag}>{inner}</{tag}>" if tag else inner

    out = walk(root[0]).replace("\n", " ")

    def stashed(m: re.Match[str]) -> str:
        piece = str(raw[int(m.group(1))])
        return html.unescape(piece) if piece.startswith("&") else piece  # an entity is its character; a tag stays

    return HTML_PLACEHOLDER_RE.sub(stashed, out)


def _affixes(prefix: str, rest: str, locale: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(prefix, locator, label, suffix) of one cite as pandoc renders them: a prefix is followed by a space; the
    suffix keeps the punctuation and space it was written with (", emphasis added", " and passim")."""
    locator, label, suffix = parse_locator(rest, locale)
    before = " ".join(prefix.split())
    return (
        _rich(before) + " " if before else None,
        locator,
        label,
        (" " if suffix[0].isspace() else "") + _rich(" ".join(suffix.split())) if suffix else None,
    )


def _bracket_cluster(body: str, line: int, locale: str) -> Cluster | None:
    cites = []
    for part in body.split(";"):
        m = ITEM_RE.match(part)
        if not m or m.group("prefix").endswith("\\"):
            return None  # not a citation: a ";"-separated part without a key, e.g. "[see; me]"
        prefix, locator, label, suffix = _affixes(m.group("prefix"), m.group("rest"), locale)
        cites.append(Cite(_key(m), locator, label, prefix, suffix, suppress_author=bool(m.group("minus"))))
    return Cluster(tuple(cites), line)


def find_clusters(text: str, first_line: int = 1, locale: str = "en-US") -> list[tuple[int, int, Cluster]]:
    """Every citation cluster in Markdown text as (start, end, cluster), skipping code; locator labels are the
    locale's terms (as pandoc reads them)."""
    found: list[tuple[int, int, Cluster]] = []
    code = [(m.start(), m.end()) for m in CODE_RE.finditer(text)]

    def within(spans: list[tuple[int, int]], pos: int) -> bool:
        # spans are sorted and disjoint: only the last one starting at or before pos can hold it (a long text with
        # many clusters and code spans stays linear)
        k = bisect.bisect_right(spans, (pos, len(text) + 1)) - 1
        return k >= 0 and spans[k][0] <= pos < spans[k][1]

    def in_code(pos: int) -> bool:
        return within(code, pos)

    newlines = [m.start() for m in re.finditer("\n", text)]

    def line_at(pos: int) -> int:
        return first_line + bisect.bisect_left(newlines, pos)

    taken: list[tuple[int, int]] = []
    for m in BRACKET_RE.finditer(text):
        if in_code(m.start()):
            continue
        cluster = _bracket_cluster(m.group("body"), line_at(m.start()), locale)
        if cluster:
            found.append((m.start(), m.end(), cluster))
            taken.append((m.start(), m.end()))
    for m in NARRATIVE_RE.finditer(text):
        if in_code(m.start()) or within(taken, m.start()):
            continue
        key = _key(m).rstrip(".:,;")
        _, locator, label, suffix = _affixes("", m.group("loc") or "", locale)
        end = m.end() if m.group("loc") is not None else m.start() + 1 + len(m.group(0)[1:].rstrip(".:,;"))
        cite = Cite(key, locator, label, None, suffix, author_only=True)
        found.append((m.start(), end, Cluster((cite,), line_at(m.start()), narrative=True)))
    found.sort(key=lambda f: f[0])
    return found


def replace_clusters(text: str, clusters: list[tuple[int, int, Cluster]], render: list[str]) -> str:
    """Replace each cluster's source span by the corresponding rendered string."""
    out, pos = [], 0
    for (start, end, _), rendered in zip(clusters, render, strict=True):
        out.append(text[pos:start])
        out.append(rendered)
        pos = end
    out.append(text[pos:])
    return "".join(out)
