"""Pandoc citation syntax in Markdown: `[@a, p. 4; -@b]`, `@a says`, `@a [p. 4]` → clusters of Cites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .csl.engine import Cite
from .safety import normal_id

# Pandoc's key grammar: starts with a letter, digit or _, may contain internal punctuation; `@{...}` for anything.
KEY = r"(?:\{(?P<keyb>[^}]+)\}|(?P<key>[\w](?:[\w:.#$%&+?<>~/-]*[\w])?))"
BRACKET_RE = re.compile(r"(?<!\\)\[(?P<body>[^\[\]]*?-?@[^\[\]]*?)\](?!\()")
ITEM_RE = re.compile(r"^(?P<prefix>.*?)(?P<minus>-?)@" + KEY + r"(?P<rest>.*)$", re.S)
NARRATIVE_RE = re.compile(r"(?<![\w@\[/:=\\])@" + KEY + r"(?:\s\[(?P<loc>[^\[\]@]*)\])?")
CODE_RE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]*`)", re.S)

# Pandoc's English locator terms → CSL labels.
LOCATOR_TERMS = {
    "p.": "page",
    "pp.": "page",
    "page": "page",
    "pages": "page",
    "p": "page",
    "pp": "page",
    "chap.": "chapter",
    "chapter": "chapter",
    "chapters": "chapter",
    "ch.": "chapter",
    "sec.": "section",
    "section": "section",
    "sections": "section",
    "§": "section",
    "§§": "section",
    "para.": "paragraph",
    "paragraph": "paragraph",
    "¶": "paragraph",
    "fig.": "figure",
    "figure": "figure",
    "vol.": "volume",
    "volume": "volume",
    "vols.": "volume",
    "l.": "line",
    "line": "line",
    "ll.": "line",
    "n.": "note",
    "note": "note",
    "col.": "column",
    "column": "column",
    "bk.": "book",
    "book": "book",
    "pt.": "part",
    "part": "part",
    "no.": "issue",
    "v.": "verse",
    "verse": "verse",
    "fol.": "folio",
    "op.": "opus",
    "sv": "sub verbo",
    "s.v.": "sub verbo",
    "tab.": "table",
    "table": "table",
}
LOCATOR_RE = re.compile(
    r"^\s*,?\s*(?P<term>[^\d\s,]+\.?)?\s*(?P<loc>[\divxlcdmIVXLCDM][\w–—\-:.]*(?:\s*[,&]\s*[\d][\w–—\-]*)*)(?P<suffix>.*)$",
    re.S,
)


@dataclass(frozen=True)
class Cluster:
    """One citation in the text: the cites it groups, where it stands and whether it is narrative."""

    cites: tuple[Cite, ...]
    line: int
    narrative: bool = False


def _key(m: re.Match[str]) -> str:
    return normal_id(m.group("keyb") or m.group("key"))


def parse_locator(rest: str) -> tuple[str | None, str | None, str | None]:
    """Split what follows a key (", p. 33, emphasis added") into (locator, label, suffix)."""
    rest = rest.strip()
    if not rest:
        return None, None, None
    body = rest[1:].strip() if rest.startswith(",") else rest
    m = LOCATOR_RE.match(body)
    if m:
        term = (m.group("term") or "").lower()
        if not term or term in LOCATOR_TERMS:
            suffix = m.group("suffix").strip() or None
            return m.group("loc").strip(), LOCATOR_TERMS.get(term, "page"), suffix
    return None, None, rest


def _bracket_cluster(body: str, line: int) -> Cluster | None:
    cites = []
    for part in body.split(";"):
        m = ITEM_RE.match(part)
        if not m or m.group("prefix").endswith("\\"):
            return None  # not a citation: a ";"-separated part without a key, e.g. "[see; me]"
        locator, label, suffix = parse_locator(m.group("rest"))
        prefix = m.group("prefix").strip() or None
        cites.append(Cite(_key(m), locator, label, prefix, suffix, suppress_author=bool(m.group("minus"))))
    return Cluster(tuple(cites), line)


def find_clusters(text: str, first_line: int = 1) -> list[tuple[int, int, Cluster]]:
    """Every citation cluster in Markdown text as (start, end, cluster), skipping code."""
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
        cluster = _bracket_cluster(m.group("body"), line_at(m.start()))
        if cluster:
            found.append((m.start(), m.end(), cluster))
            taken.append((m.start(), m.end()))
    for m in NARRATIVE_RE.finditer(text):
        if in_code(m.start()) or any(a <= m.start() < b for a, b in taken):
            continue
        key = _key(m).rstrip(".:,;")
        locator, label, suffix = parse_locator(m.group("loc") or "")
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
