"""A number variable's own label written in its value ("vol. 7", "no. 3-4", "pp. 5-7"), read as citeproc-js reads it.

citeproc-js parses a numeric variable (CSL.Engine.processNumber): a leading lower-case abbreviation it knows
(CSL.STATUTE_SUBDIV_STRINGS: "vol.", "no.", "p.", "pp." …) followed by white space is a label, not text, when it
names the variable itself (volume "vol.", issue "no.", page "p." or "pp."), or, in number, any that names a term
of the locales ("bk. 3", "vol. 7", "ch. 2"). Such a label is not printed: the style's own cs:label prints the term
it names (the variable's own, or for number the label's: "B. 3" under de-DE), singular or plural by what follows;
the number is what follows (numeric, so a number blob in sort keys: "no.|undefined3|"), and the same label repeated
after a delimiter goes too ("vol. 7, vol. 9" → "7, 9"). So the value loses it before rendering, and number keeps
the term in NUMBER_LABEL. Another variable's label in page ("vol. 7-81") is printed with its term twice, by the
style's label of page and before the number ("vols. vols. 7–81"): PAGE_LABEL keeps it. Other labels ("Vol. 7",
"vol.7", "tit. 3") are left as written.
"""

from __future__ import annotations

import re

# CSL.STATUTE_SUBDIV_STRINGS whose term the locales have (citeproc-js checks getTerm; "art." is the "article" term)
TERMS = {
    "vrs.": "verse", "sv.": "sub-verbo", "op.": "opus", "app.": "appendix", "art.": "article", "bk.": "book",
    "ch.": "chapter", "col.": "column", "fig.": "figure", "fol.": "folio", "n.": "note", "l.": "line", "no.": "issue",
    "p.": "page", "pp.": "page", "para.": "paragraph", "pt.": "part", "r.": "rule", "sec.": "section",
    "supp.": "supplement", "tbl.": "table", "vol.": "volume",
}  # fmt: skip
# the variables whose own label citeproc-js hides, and the labels it takes as theirs
_OWN_LABELS = {"volume": ("vol.",), "issue": ("no.",), "page": ("p.", "pp."), "number": tuple(TERMS)}
NUMBER_LABEL = "litsite-number-label"  # the term a label written in number names (kept on the item)
PAGE_LABEL = "litsite-page-label"  # the term another variable's label written in page names
_JOINER = r"(?:\s*[-–&]\s*|,\s+|;\s+|\s+and\s+)"  # processNumber's joiners (ranges, lists)


def _pattern(label: str) -> re.Pattern[str]:
    # the label, then numbers or words without spaces joined by delimiters, each maybe labelled again the same way
    # (another label starts a group of its own, which citeproc-js prints: left as written)
    lab = re.escape(label)
    return re.compile(rf"^\s*{lab}\s+(\S+(?:{_JOINER}(?:{lab}\s+)?\S+)*)\s*$")


_PATTERNS = {label: _pattern(label) for label in TERMS}


def split_label(variable: str, value: object, labels: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """(the label's term, the value without it) when a label of the variable's own (or one of `labels`) is written
    in the value."""
    if not isinstance(value, str):
        return None
    for label in labels or _OWN_LABELS.get(variable, ()):
        match = _PATTERNS[label].match(value)
        if match is not None:
            return TERMS[label], re.sub("(" + _JOINER + ")" + re.escape(label) + r"\s+", r"\1", match.group(1))
    return None


def without_own_label(variable: str, value: object) -> object:
    """The value of `variable` without the label of its own written in it (as written when there is none)."""
    found = split_label(variable, value)
    return value if found is None else found[1]


def own_labels_removed(item: dict) -> dict:
    """The item with each number variable's own label taken out of its value (citeproc-js does not print it), and
    the term a label in number names as NUMBER_LABEL."""
    changed: dict[str, object] = {}
    for name in _OWN_LABELS:
        found = split_label(name, item.get(name))
        if found is not None:
            changed[name] = found[1]
            if name == "number":
                changed[NUMBER_LABEL] = found[0]
    # another variable's label in page ("vol. 7-44"): citeproc-js prints its term twice, for the style's label of
    # page and before the number ("vols. vols. 7–44"): the value keeps the number, PAGE_LABEL the term
    found = None if "page" in changed else split_label("page", item.get("page"), _FOREIGN_PAGE_LABELS)
    if found is not None:
        changed["page"], changed[PAGE_LABEL] = found[1], found[0]
    return {**item, **changed} if changed else item


_FOREIGN_PAGE_LABELS = tuple(label for label, term in TERMS.items() if term != "page")


def page_label(reference: object) -> str | None:
    """The term another variable's label written in the item's page names (None when there was none)."""
    term = str(reference.get(PAGE_LABEL.replace("-", "_")) or "")
    return term if term in TERMS.values() else None


def number_label(reference: object) -> str | None:
    """The term a label written in the item's number names (None when there was none)."""
    term = str(reference.get(NUMBER_LABEL.replace("-", "_")) or "")
    return term if term in TERMS.values() else None
