"""citeproc-js's output levels in a macro sort key, where a cs:date opens a level that it never closes.

In a sort key citeproc-js opens an output level for a cs:date whose variable the item has (CSL.Node.date:
`startTag("date")`) but closes it only outside sort keys (`if (!state.build.extension) … endTag()`). From there on
every level that ends closes the one below it: the elements that follow the date's level in an enclosing level go
into the level one deeper, joined with that level's delimiter and before its suffix. So in
`<group delimiter=", "><group delimiter=". "><text macro="date"/></group><text value="x"/></group>` "x" joins the
inner group ("2000. x"), and a suffix of the macro call comes after what followed it ("2000x;" for suffix ";").

Rendered texts carry the open levels as insertion marks INS = U+E1B8, a flag ("1" when the level has content),
the level's delimiter, U+E1B9, written where the level's content ends (before its suffix). Nested levels come
first: the first mark of a text is its current level, where what comes next goes. A level joins its children by
putting each at the current mark and, when it ends, closes the current level (removes the first mark); a
cs:choose branch, which is no level, leaves the marks as they are.
"""

from __future__ import annotations

import re

OPEN, CLOSE, OWED = "\ue1b8", "\ue1b9", "\ue1b7"
# flag "2": an empty level put into a level that had content, owing that level's delimiter (OWED ends it)
_MARK = re.compile(OPEN + "([012])(?:([^" + CLOSE + OWED + "]*)" + OWED + ")?([^" + CLOSE + "]*)" + CLOSE)


def mark(delimiter: str, content: bool) -> str:
    """The insertion mark of an open level with `delimiter`."""
    return OPEN + ("1" if content else "0") + delimiter.replace(OPEN, "").replace(CLOSE, "").replace(OWED, "") + CLOSE


def _owing(piece: str, delimiter: str) -> str:
    """An empty piece whose outermost open level owes `delimiter`: citeproc-js joins a level's children when it
    writes them, so a child level that gets its first output later (a literal date's, in a key) is still preceded by
    the delimiter; one that stays empty is not."""
    marks = list(_MARK.finditer(piece))
    if not marks or marks[-1].group(1) != "0" or not delimiter:
        return piece
    last = marks[-1]
    return piece[: last.start()] + OPEN + "2" + delimiter + OWED + last.group(3) + CLOSE + piece[last.end() :]


def has_marks(pieces: list) -> bool:
    """Whether some rendered piece holds an open level."""
    return any(OPEN in str(piece) for piece in pieces if piece is not None)


def visible(text: str) -> str:
    """The output of a text: without marks (these and the private-use ones of other rules)."""
    return "".join(c for c in _MARK.sub("", text) if not "\ue000" <= c <= "\uf8ff")


def _insert(text: str, piece: str) -> str:
    """`piece` put into the current (first) open level of `text`, after its delimiter when it has content; output
    in it is content for the levels around it too (the later marks)."""
    match = _MARK.search(text)
    if match is None or not piece:
        return text + piece
    if not visible(piece):
        piece = _owing(piece, match.group(3)) if match.group(1) == "1" else piece
        return text[: match.start()] + piece + text[match.start() :]
    delimiter = match.group(3) if match.group(1) == "1" else ""
    levels = list(_MARK.finditer(text, match.start()))
    owed = "".join(m.group(2) for m in reversed(levels) if m.group(1) == "2")  # outermost first
    rest = _MARK.sub(lambda m: mark(m.group(3), True), text[match.start() :])
    return text[: match.start()] + owed + delimiter + piece + rest


def join_level(pieces: list, delimiter: str) -> str:
    """The children's texts of a level that ends here: each put where the current level is, then the current level
    closed (the level itself when none of its children left one open)."""
    text = mark(delimiter, False)
    for piece in pieces:
        if piece is not None:
            text = _insert(text, str(piece))
    return _MARK.sub("", text, count=1)


def join_branch(pieces: list, delimiter: str) -> str:
    """The children's texts of a cs:choose branch (no level of its own): joined with the enclosing `delimiter`, the
    open levels they leave kept."""
    text = mark(delimiter, False)
    for piece in pieces:
        if piece is not None:
            text = _insert(text, str(piece))
    marks = list(_MARK.finditer(text))
    last = marks[-1]  # the stand-in for the enclosing level, outermost of all
    return text[: last.start()] + text[last.end() :]


def open_dates(runs: list[str]) -> str:
    """A macro holding cs:dates in a sort key: each date's digits in a level left open, the next date inside it."""
    text = mark("", False)
    for run in runs:
        text = _insert(text, run + mark("", bool(visible(run))))
    return _MARK.sub("", text, count=1)


def marks_only(text: str) -> str:
    """An empty level's text without its affixes: only its marks (citeproc-js writes no affixes around no output)."""
    kept = [m.group(0) for m in re.finditer(_MARK.pattern + "|[\ue000-\uf8ff]", text)]
    return "".join(kept)


def strip(text: str) -> str:
    """A sort text without its marks."""
    return _MARK.sub("", text) if OPEN in text else text
