"""Look-ahead over a field's text for SmartQuotes (csl/markup.py): where a quote opened at a position closes."""

from __future__ import annotations


def closes(text: str, start: int, closers: str = "'’") -> bool:
    """Whether a straight single quote after `start` closes the quote opened before it (ends a word, and is not the
    closer of a quote opened in between)."""
    depth = 0
    for j in range(start, len(text)):
        if text[j] not in closers:
            continue
        before = text[j - 1]
        after = text[j + 1] if j + 1 < len(text) else " "
        if text[j] == "'" and (before.isspace() or before in "([{") and not after.isspace():
            depth += 1
        elif not before.isspace() and not after.isalnum():
            if not depth:
                return True
            depth -= 1
    return False
