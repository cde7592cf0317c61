"""Persons citeproc-js's given-name registry learns from the bibliography's sort keys.

citeproc-js computes every item's bibliography sort keys when the items are registered (updateItems), before any
citation is rendered, and rendering a cs:names there registers its persons in the global given-name registry
(CSL.NameOutput._runDisambigNames runs in sort keys too): under the primary-name rules the first name of each list
when it is a person, under all-names every person shown. A person who appears only where a sort key
prints them — the editor of proceedings that chicago-author-date's source-bib key renders, a variable key on editor —
thus makes a family ambiguous in the citations: "(Y. Bengio 2010)" beside an editor "S. Bengio".
"""

from __future__ import annotations

from collections.abc import Sequence

from citeproc import NAMES

from litsite.csl.elements import CSL_NS

NOTED = "_litsite_sort_persons"  # on an item while its sort keys are rendered: the name lists they printed
Persons = list[list[dict[str, str]]]


def _plain(names: Sequence[object]) -> list[dict[str, str]]:
    return [{str(k): str(v) for k, v in dict(name).items()} for name in names if isinstance(name, dict)]


def note_sort_names(item: object, names: Sequence[object]) -> None:
    """Record a name list a sort key renders (names.py, in sort mode)."""
    noted = item.get(NOTED) if isinstance(item, dict) else None
    if noted is not None:
        noted.append(_plain(names))


def _global_rule(root: object) -> bool:
    """Whether citations add given names under a registry shared by all items (not by-cite)."""
    citation = root.find(f"{{{CSL_NS}}}citation")
    return (
        citation is not None
        and citation.get("disambiguate-add-givenname", "false") == "true"
        and citation.get("givenname-disambiguation-rule", "by-cite") != "by-cite"
    )


def raw_and_persons(sort: object, item: object, layout: object) -> list:
    """[the item's raw sort values, the name lists its sort keys render] (none recorded when the style's citations
    do not share a given-name registry)."""
    if not _global_rule(sort.get_root()):
        return [sort.litsite_raw(item, layout), []]
    item[NOTED] = noted = []
    try:
        values = sort.litsite_raw(item, layout)
    finally:
        del item[NOTED]
    for key in sort.findall(f"{{{CSL_NS}}}key"):
        variable = (key.get("variable") or "").replace("-", "_")
        if variable in NAMES and item.reference.get(variable):  # a variable key renders the names too
            noted.append(_plain(item.reference.get(variable)))
    return [values, noted]


def registered(lists: Persons, primary: bool) -> list[dict[str, str]]:
    """The persons of name lists that the registry takes: under a primary-name rule only a list's first name, when
    it is a person (not after an institution either, as citeproc-js 2.4.63 does), else every person; a person without
    a given name registers no initials (CSL.Registry.NameReg.addname), so does not count."""
    out = []
    for names in lists:
        for name in names[:1] if primary else names:
            if "literal" not in name and str(name.get("given") or "").strip():  # no given name: no initials to count
                out.append(name)
    return out
