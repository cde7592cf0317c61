"""The labels citeproc-js's processNumber reads inside a number value after its start ("2, pt. 1", "6-1 to 6-20").

parseString splits a value at its joiners into elements and reads in each element the words it takes for labels:
lower-case words of up to four letters (and a few longer ones) followed by a full stop or a space. A label between
two numbers of an element ("1 to 6") stays a label, one next to anything else is merged back into the value ("5 ff.",
"600 s."); a label starting an element after the first ("pt. 1" after "2, ") is a label whatever it names. In the
first element, the first label is merged into the value unless the variable is one citeproc-js writes its own label
before (volume, issue, page, section) or the label is a term's that names the variable (collection-number "3rd ser.
14" is one value, volume "4 bis 7" two groups). Each label
starts a group of values of its own: citeproc-js prints the label ("to", or the term it names: "pt."/"pts."), the
group's collapsibility, plural and ranges are read apart (fixRanges resets at a label), and in a sort key the label is
a string between the groups' number blobs ("vol.|2,|pt.|undefined1|"). The first element's leading label is
number_labels.py's (a variable's own label) or part of the value.
"""

from __future__ import annotations

import re

from litsite.csl.number_labels import TERMS

_LABEL = re.compile(
    r"(?:^| )(?:[a-z]{1,4}|subpara|subch|amend|bibliog|annot|illus|princ|intro|sched|subdiv|subsec)(?:\.| ) *"
)
_NUMBERISH = re.compile(r"^[0-9]+[-;,:a-zA-Z]*$")
_JOINER = re.compile(r"(\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*[-\u2013]+\s*)")
_EMBEDDED = frozenset({"volume", "issue", "page", "section", "locator"})  # CSL.STATUTE_SUBDIV_STRINGS_REVERSE
_MAX_ELEMENTS = 200  # a longer value is left as one group (bounded work per value)


def _names(label: str, variable: str) -> bool:
    """Whether parseString keeps the first element's first label: always in a variable it writes its own label before
    (normalizeFieldValue: that one is then the first), else when the label is a term's that names the variable (any
    term in number)."""
    return variable in _EMBEDDED or (label in TERMS and (variable == "number" or TERMS[label] == variable))


def _element_labels(element: str, first: bool, variable: str) -> list[tuple[int, int]]:
    """The (start, end) of each label kept in one element, as parseString keeps them."""
    found = list(_LABEL.finditer(element))
    if not found:
        return []
    pieces = _LABEL.split(element)
    kept = list(found)
    for j in range(len(pieces) - 1, 0, -1):  # a label next to a value that is no number joins the value
        if pieces[j - 1] and not (_NUMBERISH.match(pieces[j]) and _NUMBERISH.match(pieces[j - 1])):
            pieces[j - 1] += kept[j - 1].group(0) + pieces[j]
            del pieces[j], kept[j - 1]
    if first and kept and (kept[0].start() == 0 or not _names(kept[0].group(0).strip(), variable)):
        kept = kept[1:]  # the first element's first label: the variable's own at its start, else merged if no label
    return [(m.start(), m.end()) for m in kept if m.end() < len(element) and (m.start() == 0 or pieces[0])]


def label_segments(text: str, variable: str = "") -> list[str] | None:
    """[values, label, values, label, values…] (the labels with the joiner or space before them), or None when the
    value has no label after its start."""
    elems = _JOINER.split(text)
    if len(elems) > 2 * _MAX_ELEMENTS:
        return None
    out: list[str] = []
    current = joiner = ""
    for n, element in enumerate(elems):
        if n % 2:
            current, joiner = current + element, element
            continue
        pos = 0
        for start, end in _element_labels(element, n == 0, variable):
            if start == 0 and current.endswith(joiner):  # a label starting the element: its joiner goes with it
                out += [current[: len(current) - len(joiner)], joiner + element[start:end]]
            else:
                out += [current + element[pos:start], element[start:end]]
            current, pos = "", end
        current += element[pos:]
    out.append(current)
    return out if len(out) > 1 else None
