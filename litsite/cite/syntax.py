"""Pandoc citation syntax in Markdown: `[@a, p. 4; -@b]`, `@a says`, `@a [p. 4]` → clusters of Cites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from litsite.cite.locators import parse_locator
from litsite.csl.engine import Cite
from litsite.safety import normal_id

_md = MarkdownIt("commonmark")

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
    out = []
    for token in _md.parseInline(text)[0].children or []:
        if token.type in ("em_open", "em_close", "strong_open", "strong_close"):
            out.append(("<" if token.nesting > 0 else "</") + ("i>" if token.tag == "em" else "b>"))
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
        else:
            out.append(token.markup + token.content + token.markup if token.type == "code_inline" else token.content)
    return "".join(out)


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

    def in_code(pos: int) -> bool:
        return any(a <= pos < b for a, b in code)

    def line_at(pos: int) -> int:
        return first_line + text.count("\n", 0, pos)

    taken: list[tuple[int, int]] = []
    for m in BRACKET_RE.finditer(text):
        if in_code(m.start()):
            continue
        cluster = _bracket_cluster(m.group("body"), line_at(m.start()), locale)
        if cluster:
            found.append((m.start(), m.end(), cluster))
            taken.append((m.start(), m.end()))
    for m in NARRATIVE_RE.finditer(text):
        if in_code(m.start()) or any(a <= m.start() < b for a, b in taken):
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
