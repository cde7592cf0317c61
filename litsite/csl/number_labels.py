"""A number variable's own label written in its value ("vol. 7", "no. 3-4", "pp. 5-7"), read as citeproc-js reads it.

citeproc-js parses a numeric variable (CSL.Engine.processNumber): a leading lower-case abbreviation it knows
(CSL.STATUTE_SUBDIV_STRINGS: "vol.", "no.", "p.", "pp." …) followed by white space is a label, not text, when it
names the variable itself (volume "vol.", issue "no.", page "p." or "pp."; number takes "no." as the issue term,
which it is in every locale). Such a label is not printed: the style's own cs:label prints the variable's term
(singular or plural by what follows), the number is what follows (numeric, so a number blob in sort keys, "no.
undefined3"), and the same label repeated after a delimiter goes too ("vol. 7, vol. 9" → "7, 9"). So the value
loses it before rendering. Other labels ("Vol. 7", "vol.7", "sec. 4", a page "vol. 7-81") are left as written.
"""

from __future__ import annotations

import re

# the variables whose own label citeproc-js hides, and the labels it takes as theirs
_OWN_LABELS = {"volume": ("vol.",), "issue": ("no.",), "page": ("p.", "pp."), "number": ("no.",)}
_JOINER = r"(?:\s*[-–&]\s*|,\s+|;\s+|\s+and\s+)"  # processNumber's joiners (ranges, lists)


def _pattern(label: str) -> re.Pattern[str]:
    # the label, then numbers or words without spaces joined by delimiters, each maybe labelled again the same way
    # (another label starts a group of its own, which citeproc-js prints: left as written)
    lab = re.escape(label)
    return re.compile(rf"^\s*{lab}\s+(\S+(?:{_JOINER}(?:{lab}\s+)?\S+)*)\s*$")


_PATTERNS = {label: _pattern(label) for labels in _OWN_LABELS.values() for label in labels}


def without_own_label(variable: str, value: object) -> object:
    """The value of `variable` without the label of its own written in it (as written when there is none)."""
    if not isinstance(value, str):
        return value
    for label in _OWN_LABELS.get(variable, ()):
        match = _PATTERNS[label].match(value)
        if match is not None:
            return re.sub("(" + _JOINER + ")" + re.escape(label) + r"\s+", r"\1", match.group(1))
    return value


def own_labels_removed(item: dict) -> dict:
    """The item with each number variable's own label taken out of its value (citeproc-js does not print it)."""
    changed = {name: without_own_label(name, item[name]) for name in _OWN_LABELS if isinstance(item.get(name), str)}
    changed = {name: value for name, value in changed.items() if value != item[name]}
    return {**item, **changed} if changed else item
