"""Which typographic opening quotes in a field's text have a partner (citeproc-js's flip-flop parser, processTags).

citeproc-js reads a locale's curly quote marks in a field as tags: each opener (“, ‘ under en-US) opens a level,
each closer (”, ’) closes the innermost one, and an opener still open at the end of the field is a stray tag, written
back as the character it was ("Xač‘enc‘", the Armenian transliteration, stays as typed; "a ‘b‘ c ‘d’ e" quotes only
d). A closer between two letters is an apostrophe (its ROMANESQUE’ROMANESQUE rule), never a closer.
"""

from __future__ import annotations


def paired_openers(text: str, opener: str, closer: str) -> set[int]:
    """The positions of the openers in `text` that a later closer closes."""
    stack: list[int] = []
    paired: set[int] = set()
    for i, ch in enumerate(text):
        if ch == opener:
            stack.append(i)
        elif ch == closer and stack:
            before, after = text[i - 1] if i else " ", text[i + 1] if i + 1 < len(text) else " "
            if not (before.isalnum() and after.isalpha()):
                paired.add(stack.pop())
    return paired


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
