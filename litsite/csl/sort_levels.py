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

A group (or macro) that calls variables and renders none is taken out by citeproc-js by popping the last output of
the level current at its end; with a date's level left open that is its own level, so it loses only its last output
(the level a child left open, holding what followed it) and stays open. CUT = U+E1C3 marks where that last output
starts in a level's text, BRANCH_CUT = U+E1C4 the same in a cs:choose branch's text (its outputs are its level's).
"""

from __future__ import annotations

import re

OPEN, CLOSE = "\ue1b8", "\ue1b9"
CUT, BRANCH_CUT = "\ue1c3", "\ue1c4"
_MARK = re.compile(OPEN + "([012])([^" + CLOSE + "]*)" + CLOSE)
_PENDING = "\x00"  # flag "2": an empty level put after content, the enclosing delimiter before its first output


def _own(field: str) -> str:
    """A mark's own delimiter (without the pending one of flag "2")."""
    return field.rsplit(_PENDING, 1)[-1]


def mark(delimiter: str, content: bool) -> str:
    """The insertion mark of an open level with `delimiter`."""
    return OPEN + ("1" if content else "0") + delimiter.replace(OPEN, "").replace(CLOSE, "") + CLOSE


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
        inner = _MARK.search(piece)
        if inner and inner.group(1) == "0" and match.group(1) == "1" and match.group(2):
            # an empty open level after output: the enclosing delimiter comes before what later goes into it
            pending = OPEN + "2" + match.group(2).replace(_PENDING, "") + _PENDING + inner.group(2) + CLOSE
            piece = piece[: inner.start()] + pending + piece[inner.end() :]
        return text[: match.start()] + piece + text[match.start() :]
    delimiter = {"1": _own(match.group(2)), "2": match.group(2).split(_PENDING)[0]}.get(match.group(1), "")
    rest = _MARK.sub(lambda m: mark(_own(m.group(2)), True), text[match.start() :])
    return text[: match.start()] + delimiter + piece + rest


def _joined(pieces: list, delimiter: str, cut: str) -> str:
    """The pieces put into a level with `delimiter`, `cut` marking where the first that leaves a level open starts
    (a branch's own cut inside it kept there); the cuts of the pieces' own levels dropped."""
    text, placed = mark(delimiter, False), False
    for piece in pieces:
        if piece is None:
            continue
        piece = str(piece).replace(CUT, "")
        if not placed and OPEN in piece:
            placed = True
            if BRANCH_CUT in piece:
                piece = piece.replace(BRANCH_CUT, cut, 1)
            else:
                text = _insert(text, cut)
        text = _insert(text, piece.replace(BRANCH_CUT, ""))
    return text


def join_level(pieces: list, delimiter: str) -> str:
    """The children's texts of a level that ends here: each put where the current level is, then the current level
    closed (the level itself when none of its children left one open)."""
    return _MARK.sub("", _joined(pieces, delimiter, CUT), count=1)


def join_branch(pieces: list, delimiter: str) -> str:
    """The children's texts of a cs:choose branch (no level of its own): joined with the enclosing `delimiter`, the
    open levels they leave kept."""
    text = _joined(pieces, delimiter, BRANCH_CUT)
    marks = list(_MARK.finditer(text))
    last = marks[-1]  # the stand-in for the enclosing level, outermost of all
    return text[: last.start()] + text[last.end() :]


def suppressed_level(text: str) -> str | None:
    """A suppressed group's or macro's text when a date left its level open (citeproc-js pops its last output, the
    level left open, and the level stays open), else None (the group is left out)."""
    at = text.find(CUT)
    if at < 0:
        return None
    before, marks = text[:at], [_own(m.group(2)) for m in _MARK.finditer(text, at)]
    return before + "".join(mark(d, bool(visible(before)) if n == 0 else True) for n, d in enumerate(marks))


def open_dates(runs: list[str], cut: int = 1) -> str:
    """A macro holding cs:dates in a sort key: each date's digits in a level left open, the next date inside it; its
    last output (what a suppression removes) starts before run `cut` (by default the first date's level)."""
    text = mark("", False)
    for n, run in enumerate(runs):
        text = _insert(text, (CUT if n == cut else "") + run + mark("", bool(visible(run))))
    text = _insert(text, CUT) if cut >= len(runs) else text
    return _MARK.sub("", text, count=1)


def macro_dates(text: str, runs: re.Pattern, wrap: str) -> str | None:
    """open_dates over the date runs of a macro's text (each between the two characters of `wrap`); when a macro it
    calls left a level open, the macro's last output is that level, from the first run in it on. None without runs,
    unless a macro it calls left levels open without a date in them (a date macro inside a plain macro that printed
    nothing and was taken out): those levels stay open, with no output (citeproc-js closes one level per end)."""
    found = [wrap[0] + run + wrap[1] for run in runs.findall(text)]
    if not found:
        return marks_only(text) if OPEN in text else None
    at = text.find(CUT)
    return open_dates(found, len(runs.findall(text[:at])) if at >= 0 else 1)


def marks_only(text: str) -> str:
    """An empty level's text without its affixes: only its marks (citeproc-js writes no affixes around no output)."""
    kept = [m.group(0) for m in re.finditer(_MARK.pattern + "|[\ue000-\uf8ff]", text)]
    return "".join(kept)


def strip(text: str) -> str:
    """A sort text without its marks."""
    text = _MARK.sub("", text) if OPEN in text else text
    return text.replace(CUT, "").replace(BRANCH_CUT, "") if CUT in text or BRANCH_CUT in text else text
