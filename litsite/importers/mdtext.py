"""Imported text as Markdown that renders as the same text: records are data, never markup or HTML."""

from __future__ import annotations

import re

# Python-Markdown (what the build renders with) honours a backslash before \ ` * _ [ ] { } ( ) > # + - . ! and, with
# tables, |; "<", "&", "@" (citations) and "~" have no escape there, so they are written as character references,
# which render as the same text in any Markdown.
_MD_INLINE = re.compile(r"([\\`*_\[\]|])|([<>@~])|&(?=#?\w+;)")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "@": "&#64;", "~": "&#126;"}
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))", re.M)


def escape_inline(text: str) -> str:
    """Text as Markdown inline content: every character that could start markup or HTML escaped."""
    return _MD_INLINE.sub(lambda m: "\\" + m.group(1) if m.group(1) else _ENTITIES.get(m.group(2), "&amp;"), text)


def _line_start(m: re.Match[str]) -> str:
    mark = m.group(2)
    if mark[0].isdigit():
        return m.group(1) + mark + "\\"  # a list number cannot be escaped: escape the "." or ")" after it instead
    return m.group(1) + ("&#61;" if mark == "=" else "\\" + mark)  # (a setext underline "===" has no escape)


def escape_line_starts(text: str) -> str:
    """Escape what would open a block at the start of a line (heading, quote, list, rule)."""
    return _MD_LINE_START.sub(_line_start, text)


def escape_markdown(text: str) -> str:
    """Imported text as Markdown that renders as the same text: records are data, never markup or HTML."""
    return escape_line_starts(escape_inline(text))
