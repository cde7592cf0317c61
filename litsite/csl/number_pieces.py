"""A number variable written piece by piece, as citeproc-js's outputNumericField writes it inside a group.

citeproc-js appends each piece of a number variable (processNumber's values with their joiners) as a blob of its
own. When the element has a prefix and no suffix, and the first piece is a plain number, the pieces from the first
one that is not a plain number (a leading zero "02", words "836 (1993)") on form a second blob that the enclosing
group joins with its delimiter: "p. 99– | 02" under " | "; a delimiter opening with a punctuation mark joins them
only when the number is the group's last output, without its mark ("p. 99– 02" under ", "), and not at all before
another output ("p. 99–02, B"). Observed with citeproc-js 2.4.63 on minimal inline styles (tests/csl).
"""

from __future__ import annotations

import re

from citeproc.string import String

from litsite.csl.fixes.number_text import pieces

_NUMBERED = frozenset({"issue", "volume", "number", "chapter-number", "collection-number", "edition",
                       "number-of-pages", "number-of-volumes", "section", "page"})  # fmt: skip
_PLAIN = re.compile(r"^[1-9][0-9]*$")
_MARKS = tuple(".,;:!?")
_TRAILING_MARKS = re.compile("[\ue000-\uf8ff]+$")


def split_point(value: str) -> int | None:
    """Where the written value splits into two blobs (the offset of the first piece after the first that is not a
    plain number), or None when it is written as one."""
    core = _TRAILING_MARKS.sub("", value)  # a number-end mark or seal after the value
    if any("\ue000" <= ch <= "\uf8ff" for ch in core):  # markup inside: written as one
        return None
    parts = pieces(core)
    if not parts or not _PLAIN.match(parts[0]):
        return None
    for i in range(2, len(parts), 2):
        if not _PLAIN.match(parts[i]):
            return len("".join(parts[:i]))
    return None


def split_outputs(children: list, outputs: list, delimiter: str) -> list:
    """The group's outputs with each number variable of `children` (the element that wrote each output) split as
    citeproc-js's blobs are: the tail a further output, or joined to the head by the delimiter without its mark."""
    if not delimiter:
        return outputs
    out: list = []
    marked = delimiter.startswith(_MARKS)
    for n, (child, text) in enumerate(zip(children, outputs, strict=True)):
        pair = _pieces(child, str(text))
        if pair is None or (marked and n < len(outputs) - 1):
            out.append(text)
        else:  # written as they are: a piece's own trailing space stays before the delimiter ("5,  | 07")
            out.append(String(pair[0] + (delimiter[1:] if marked else delimiter) + pair[1]))
    return out


def _pieces(child: object, text: str) -> tuple[str, str] | None:
    """(head, tail) of a number element's output with a prefix and no suffix, or None."""
    get = getattr(child, "get", None)
    tag = str(getattr(child, "tag", ""))
    if get is None or not tag.endswith(("}text", "}number")) or get("variable") not in _NUMBERED:
        return None
    prefix = get("prefix") or ""
    if not prefix or get("suffix") or not text.startswith(prefix):
        return None
    at = split_point(text[len(prefix) :])
    if at is None:
        return None
    return text[: len(prefix) + at], text[len(prefix) + at :]
