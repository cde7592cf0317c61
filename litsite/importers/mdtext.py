"""Imported text as Markdown that renders as the same text: records are data, never markup or HTML."""

from __future__ import annotations

import re

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~@])|&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))", re.M)


def escape_inline(text: str) -> str:
    """Text as Markdown inline content: every character that could start markup or HTML escaped."""
    return _MD_INLINE.sub(lambda m: "\\" + (m.group(1) or "&"), text)


def escape_line_starts(text: str) -> str:
    """Escape what would open a block at the start of a line (heading, quote, list, rule)."""
    # A list number cannot be escaped, so escape the "." or ")" after it instead.
    return _MD_LINE_START.sub(
        lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)), text
    )


def escape_markdown(text: str) -> str:
    """Imported text as Markdown that renders as the same text: records are data, never markup or HTML."""
    return escape_line_starts(escape_inline(text))
