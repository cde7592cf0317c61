"""Which parts of a numeric variable citeproc-js renders as number blobs in a sort key, read part by part.

citeproc-js splits a numeric value at its joiners (CSL.Engine.processNumber: "&", "and", ", ", "; ", hyphens and en
dashes) into parts, each a particle and a value (composeNumberInfo: "S1" is "S" + "1"). The parts are collapsible
together when the first one starts with a digit or is a Roman numeral (fixNumericAndCount: the first part's test
decides for all); a collapsible part becomes a number blob (CSL.Util.outputNumericField: CSL.NumericBlob), and the
blob is a number only when its value is an integer without leading zero ("12", not "12a", "06", "iv"); the others
are strings where they stand (CSL.Output.Queue.string renders a blob with a string num at once). A range of two
parts joined by a hyphen is re-split by fixRanges / manglePageNumbers on its rendered form: "380B-381" is the number
380 with suffix "B-", then 381; "5-06" is 5, then "0" + 6. So only some parts of a value are number blobs
("12a–13": 13 alone) and sort_numbers.resolve puts "undefined" before those as for whole values.

`mark_parts` returns the rendered value with each number part wrapped as a number blob of its own (its joiner
inside the wrap, PART_END after its digits: the number it is for checkNext), or None when the value is one this
reading does not cover (labels inside it, another rendered form): the caller then reads it as a whole.
"""

from __future__ import annotations

import re

from litsite.csl.number_labels import TERMS
from litsite.csl.number_segments import label_segments

WRAP = ("\ue1b4", "\ue1b5")  # sort_numbers.NUMBER_KEY (a number blob)
PART_END = "\ue1c5"  # after the digits of a one-number blob in a macro's sort text (its joiner follows)
_AND = r"\s*&\s*|,\s+and\s+|\s+and\s+"
_JOINERS = r";\s+|,\s+|\s*\\*[-\u2013]+\s*"
_INFO = re.compile(r"^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$")  # composeNumberInfo
_LABEL = re.compile(
    r"(?:^| )(?:[a-z]{1,4}|subpara|subch|amend|bibliog|annot|illus|princ|intro|sched|subdiv|subsec)(?:\.| ) *"
)  # parseString's label words: a part holding one is read with its label (not covered here)
_SUBSECTION = re.compile(r"^(?:[a-z]{1,4}\.  *)*[0-9]+[,a-zA-Z]+$")
_NUMERIC_PIECE = re.compile(r"^[0-9]+[-;,:a-zA-Z]*$")
_LETTERS = re.compile(r"^[,a-zA-Z]+$")
_MANGLED = re.compile(r"^((?:[0-9]*[a-zA-Z]+0*))?([0-9]+[a-z]*)(\s*[^0-9]+\s*)([-,a-zA-Z]?0*)([0-9]+[a-z]*)$")
_ROMAN = re.compile(r"^[ivxlcmIVXLCM]+$")
_STARTS_NUMBER = re.compile(r"^\s*[+-]?[0-9]")  # JavaScript's parseInt gives a number
_NUMBER = re.compile(r"^[1-9][0-9]*$")
_RANGED = frozenset(
    "page chapter_number collection_number edition issue number number_of_pages number_of_volumes volume "
    "locator".split()
)  # fixRanges' variables
_MAX_SAFE = 2**53 - 1


def _split(text: str, and_term: str, hyphens: bool = True) -> list[str]:
    """Parts and joiners alternating (parseString's split), with 12a-c kept whole (fixupSubsections); without
    `hyphens`, a hyphen joins nothing (a value with an escaped hyphen, "\\-")."""
    joiners = _AND + (rf"|,\s+{re.escape(and_term)}\s+|\s+{re.escape(and_term)}\s+" if and_term else "")
    elems = re.split(f"({joiners}|{_JOINERS if hyphens else _JOINERS.replace('-', '')})", text)
    for i in range(len(elems) - 2, 0, -2):
        if elems[i] == "-" and _SUBSECTION.match(elems[i - 1]) and _LETTERS.match(elems[i + 1]):
            elems[i - 1 : i + 2] = ["".join(elems[i - 1 : i + 2])]
    return elems


def _labelled(part: str, first: bool) -> bool:
    """Whether parseString reads a label in the part: a label word between numbers (one after a word or before
    none is merged back into the value: "3rd ser." is a value), or one starting the value's first part that names a
    term ("abc 5" is a value, "ch. 5" a label and a number)."""
    found = [m.group(0) for m in _LABEL.finditer(part)]
    if not found:
        return False
    pieces = _LABEL.split(part)
    for j in range(len(pieces) - 1, 0, -1):
        if pieces[j - 1] and not (_NUMERIC_PIECE.match(pieces[j]) and _NUMERIC_PIECE.match(pieces[j - 1])):
            pieces[j - 1] += found[j - 1] + pieces[j]
            del pieces[j], found[j - 1]
    if len(found) != 1:
        return bool(found)
    return not first or found[0].strip() in TERMS  # an unknown label starting the first part joins the value


def _info(value: str) -> list[str]:
    """[particle, value] of a part (composeNumberInfo)."""
    match = _INFO.match(value)
    return [match.group(1) or "", match.group(2)] if match else ["", value]


def _ranges(variable: str, raw: list[str], has_format: bool) -> set[int]:
    """The indexes i of parts that fixRanges re-splits with part i - 1 (manglePageNumbers)."""
    if variable not in _RANGED:
        return set()
    values = [_info(v) for v in raw[::2]]
    joins = [re.sub(r"\s*-\s*", "-", j, count=1) for j in raw[1::2]] + [""]
    if variable == "page":
        joins = [j.replace("\u2013", "-") for j in joins]
    mangled: set[int] = set()
    count = 0

    def mangle(i: int) -> int:
        if values[i - 1][0] != values[i][0]:
            return count
        if joins[i - 1] != "-":
            return 1
        first, last = (re.match(r"\d+", values[n][1]) for n in (i - 1, i))  # parseInt (NaN: no number)
        if not has_format and first and last and int(first.group()) > int(last.group()):
            return count  # only the delimiter is fixed
        mangled.add(i)
        return 0

    for i in range(len(values)):
        if i == 0 or joins[i] == "-":
            count = 1
        else:
            count += 1
            if count == 2:
                count = mangle(i)
    return mangled


def mark_parts(variable: str, value: object, rendered: str, and_term: str = "", has_format: bool = False) -> str | None:
    """`rendered` (the variable's rendered value) with its number parts wrapped in WRAP marks, or None."""
    if value is None or not rendered:
        return None
    text = str(value).strip()
    if variable == "page":
        text = text.replace("\u2013", "-")
    name = variable.replace("_", "-")
    groups = label_segments(text, name)
    if groups is not None:  # labels inside the value: each group of values read apart, the labels strings
        return _label_groups(variable, groups, label_segments(rendered, name), and_term, has_format)
    hyphens = "\\-" not in text  # parseString: a value with an escaped hyphen is split at no hyphen
    text = text.replace("\\-", "-")
    raw, shown = _split(text, and_term, hyphens), _split(rendered, and_term, hyphens)
    labelled = any(_labelled(part, n == 0) for elems in (raw, shown) for n, part in enumerate(elems[::2]))
    if len(raw) != len(shown) or labelled:
        return None
    first = _info(raw[0])[1]
    collapsible = bool(_STARTS_NUMBER.match(first) or _ROMAN.match(first))
    if len(raw) == 1 and re.match(r"^[0-9]+(?:/[0-9]+)+$", raw[0]):
        collapsible = False
    if not collapsible:
        return rendered  # no number blobs: the value is a string
    parts = [_info(v) for v in shown[::2]]
    joins = [*shown[1::2], ""]
    for i in sorted(_ranges(variable, raw, has_format)):
        match = _MANGLED.match("".join(parts[i - 1]) + joins[i - 1] + "".join(parts[i]))
        if match:
            particle, number, joiner, next_particle, next_number = match.groups()
            parts[i - 1], joins[i - 1], parts[i] = [particle or "", number], joiner, [next_particle, next_number]
    return "".join(_part(particle, number, join) for (particle, number), join in zip(parts, joins, strict=True))


def _label_groups(
    variable: str, groups: list[str], shown: list[str] | None, and_term: str, has_format: bool
) -> str | None:
    """The rendered groups between a value's labels marked each on its own (number_segments), or None."""
    if shown is None or len(shown) != len(groups):
        return None
    out: list[str] = []
    for n, (raw, written) in enumerate(zip(groups, shown, strict=True)):
        marked = written if n % 2 or not raw.strip() else mark_parts(variable, raw, written, and_term, has_format)
        if marked is None:
            return None
        out.append(marked)
    return "".join(out)


def _part(particle: str, number: str, join: str) -> str:
    """One part: a number blob (wrapped) or a string."""
    if _NUMBER.match(number) and int(number) <= _MAX_SAFE:
        return f"{WRAP[0]}{particle}{number}{PART_END}{join}{WRAP[1]}"
    return particle + number + join
