"""A number variable's value read as citeproc-js reads it (processNumber): pieces, numeric or not, plural or not.

The value splits at joiners ("&", ", ", "; ", " and ", hyphens and en dashes); "12a-c" (a number with letters, a
hyphen, letters) stays one piece. Each piece is an optional letter particle and a value ("T51", "A12"). The first
piece decides: the variable is numeric when that value is digits (or one of i, x, v) with letters or a range after
("12a-c", "5, foo"; not "406.3-406.3" nor "II"); a label is plural when there are several pieces and the first
starts with digits or is a Roman numeral. Written out, a hyphen between two pieces with the same particle becomes the
locale's page-range-delimiter (the particles then dropped, "A12-A14" → "12–14"), between different particles
("A12-B14") or decimals ("406.3-406.3") it stays; an en dash stays as written; a number written with a leading zero
("03") is written as it is, without ordinal.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from litsite.csl.number_segments import label_segments

_JOINER = re.compile(r"(\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*[-\u2013]+\s*)")
_SUBSECTION_HEAD = re.compile(r"^(?:[a-z]{1,4}\.\s+)*[0-9]+[,a-zA-Z]+$")
_SUBSECTION_TAIL = re.compile(r"^[,a-zA-Z]+$")
_PARTICLE = re.compile(r"^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$")
_NUMERIC = re.compile(r"^(?:[0-9]+|[ixv]+)(?:[-,:a-zA-Z]*|-[-0-9]+)$")
_COUNTED = re.compile(r"^(?:[0-9]+[-,:a-zA-Z]*|[ivxlcmIVXLCM]+)$")
_RANGE_PIECE = re.compile(r"^([0-9]*[a-zA-Z]+0*)?([0-9]+[a-z]*)$")
_PLAIN = re.compile(r"^(?:[0-9]+|[ivxlcmIVXLCM]+)$")
_WORD = re.compile(r"^[a-zA-Z]+$")
_SLASHED = re.compile(r"^[0-9]+(?:/[0-9]+)+$")  # processNumber: numeric, singular, never collapsed
_ROMAN_WORD = re.compile(r"^[ivxlcmIVXLCM]+$")
_LONG_LABELS = "subpara|subch|amend|bibliog|annot|illus|princ|intro|sched|subdiv|subsec"
_LEADING_DASH = re.compile(r"^\s*[-\u2013]+\s*(?=\S)")
_HONORARY = re.compile(rf"^((?:[a-z]{{1,4}}|{_LONG_LABELS})(?:\.| ) *)(.*)$", re.S)


def _subsections_joined(parts: list[str]) -> list[str]:
    """Split values and joiners with a subsection range put back together ("12a", "-", "c" → "12a-c")."""
    i = len(parts) - 2
    while i > 0:
        if parts[i] == "-" and _SUBSECTION_HEAD.match(parts[i - 1]) and _SUBSECTION_TAIL.match(parts[i + 1]):
            parts[i - 1 : i + 2] = ["".join(parts[i - 1 : i + 2])]
        i -= 2
    return parts


def pieces(text: str) -> list[str]:
    """Values and joiners alternating (values at even positions); "12a-c" kept as one value, and so is a word of
    letters (not a Roman numeral) with the hyphen and value after it ("WP-2011", "A-12": citeproc-js writes
    "WP-2011-3" and "A-12-14" as they are, "X-1-2" as "X-1–2")."""
    parts = _subsections_joined(_JOINER.split(text.strip()))
    if len(parts) > 2 and parts[1] == "-" and _WORD.match(parts[0]) and not _ROMAN_WORD.match(parts[0]):
        parts[0:3] = ["".join(parts[0:3])]
    return parts


def case_pieces(text: str) -> list[str]:
    """Values and joiners alternating, as citeproc-js's processNumber splits a value before text-case applies to each
    value ("12th Yellow-tailed" → "12th Yellow", "-", "tailed"; "2nd-fourth" one value; "second and revised" two)."""
    return _subsections_joined(_JOINER.split(text))


def honorary_label(piece: str) -> tuple[str, str] | None:
    """(label, rest) when a value after the first starts with a word processNumber takes for a label ("enl ed." →
    "enl ", "ed."; words of up to four lower-case letters and a few longer ones, then "." or a space): text-case
    leaves the label as written and cases the rest ("rev. and enl ed." → "Rev. and enl Ed.")."""
    found = _HONORARY.match(piece)
    return (found.group(1), found.group(2)) if found else None


def _value(piece: str) -> str:
    """A piece without its letter particle ("A12" → "12")."""
    found = _PARTICLE.match(piece)
    return found.group(2) if found else piece


def is_numeric(text: str, roman: bool = True, variable: str = "") -> bool:
    """CSL is-numeric as citeproc-js decides it: the first piece's value is a number (with letters or a range)."""
    if is_slashed(text):  # citeproc-js's own exception: "2/369" is one number
        return True
    value = first_value(text, variable)
    return bool(value and _NUMERIC.match(value) and (roman or re.search(r"\d", value)))


def first_value(text: str, variable: str = "") -> str:
    """The value of the first piece as processNumber splits it (no worded piece kept whole: "volume-1" is "volume",
    which its numeric test takes for a number, a v with letters after it), without its letter particle."""
    parts = _subsections_joined(_JOINER.split(first_group(text, variable).strip()))
    return _value(parts[0]) if parts else ""


def first_group(text: str, variable: str = "") -> str:
    """The value up to its first label inside it (number_segments: "4 bis 7" → "4"), which decides for the label."""
    groups = label_segments(text.strip(), variable)
    return text if groups is None else groups[0]


def is_collapsible(text: str) -> bool:
    """Whether processNumber makes the first group collapsible: the first value starts with a number (parseInt) or is
    a Roman numeral ("XIII", "x"; not "volume")."""
    value = first_value(text)
    return bool(re.match(r"^\s*[+-]?[0-9]", value) or _ROMAN_WORD.match(value))


def is_slashed(text: str) -> bool:
    """Whether the value is digits joined by slashes ("2/369"), which processNumber takes as one number."""
    return bool(_SLASHED.match(text.strip()))


def is_plural(text: str, variable: str = "") -> bool:
    """Whether a label of the value is plural: several pieces under the first's label (a later piece that starts
    with a label of its own, "2, pt. 1", "3rd, rev.", begins another group: setPluralsAndNumerics), the first counted
    (digits first, or Roman)."""
    parts = pieces(first_group(text, variable))
    group = 1
    while 2 * group < len(parts) and not honorary_label(parts[2 * group]):
        group += 1
    # fixNumericAndCount: plural only when the first value is numeric too ("XIII, 172 S." and "IV-2" are singular)
    return group > 1 and bool(_COUNTED.match(_value(parts[0]))) and is_numeric(text, True, variable)


def write(text: str, dash: str, number: Callable[[str], str], words: bool = False, has_format: bool = False) -> str:
    """The value written: each plain number through `number` (ordinals, roman...), hyphens as the rules say. `words`:
    the variable's hyphens in a numeric value that is not collapsible take `dash` (fixRanges' fixupRangeDelimiter for
    volume, issue, number, edition: "volume-1" → "volume–1"); has_format: the style has a page-range-format."""
    if _LEADING_DASH.match(text):  # an empty first value: its joiner goes, the rest is not collapsible ("-11" → "11")
        return _LEADING_DASH.sub("", text, count=1)
    if words and is_numeric(text) and not is_collapsible(text):
        split = _JOINER.split(text.strip())
        return "".join(dash if n % 2 and re.sub(r"\s*-\s*", "-", j, count=1) == "-" else j for n, j in enumerate(split))
    parts = pieces(text)
    out = list(parts)
    worded = bool(parts) and "-" in parts[0] and bool(_WORD.match(parts[0].split("-")[0]))
    for i in range(0, len(parts), 2):
        piece = parts[i]
        if piece.isdigit() and not (len(piece) > 1 and piece.startswith("0")):
            out[i] = number(piece)
    for i in range(1, len(parts), 2):
        joiner = parts[i].strip()
        if joiner == "-" and worded:  # after a worded first piece ("A-1 and 4-5") citeproc-js leaves hyphens
            out[i] = "-"
        elif joiner == "-":
            # citeproc-js pairs a hyphen with the range it ends: the last hyphen before another joiner or the end
            if i + 2 < len(parts) and parts[i + 2].strip() == "-":
                out[i] = "-"
                continue
            first, last = _RANGE_PIECE.match(parts[i - 1]), _RANGE_PIECE.match(parts[i + 1])
            if _PLAIN.match(parts[i - 1]) and _PLAIN.match(parts[i + 1]):  # "x-5", "iv-ix"
                out[i] = dash
            elif first and last and (first.group(1) or "") == (last.group(1) or ""):
                out[i] = dash
                if first.group(1):
                    out[i - 1], out[i + 1] = first.group(2), last.group(2)
            elif not has_format and _particle(parts[i - 1]) == _particle(parts[i + 1]) and _descends(parts, i):
                out[i] = dash  # manglePageNumbers: an end below the start, without a format, only takes the dash
            else:
                out[i] = "-"
        elif joiner == "\u2013":
            out[i] = "\u2013"
        elif joiner == "&":
            out[i] = " & "
    return "".join(out)


def _particle(piece: str) -> str:
    """The letter particle of a piece (composeNumberInfo)."""
    found = _PARTICLE.match(piece)
    return (found.group(1) or "") if found else ""


def _descends(parts: list[str], i: int) -> bool:
    """Whether the values around joiner i start with numbers (parseInt), the first the greater ("800-57 Part 1")."""
    first, last = (re.match(r"\s*[+-]?([0-9]+)", _value(parts[n])) for n in (i - 1, i + 1))
    return bool(first and last and int(first.group(1)) > int(last.group(1)))
