"""citeproc-js's cut of long name lists: a list of more than 50 names keeps its first names and its last.

citeproc-js (CSL.NameOutput._truncateNameList) notes, while it builds an area (cs:citation or cs:bibliography, with
the macros they call and, for the citation, cs:style's own attributes), the largest et-al-min, et-al-subsequent-min
or names-min written there (max_number_of_names, M). A list of more than 50 names and more than M + 2 is cut to its
first M + 1 names and its last one before it is rendered; et-al is still decided on the full count. It shows where a
cite is given more names to tell it apart (disambiguate-add-names): two collaborations' lists of hundreds of names
that part after the 48th are told apart by their LAST names ("Alef, Yamaguchi, et al." / "Alef, Zhang, et al."),
and can never show more than M + 2 names.
"""

from __future__ import annotations

from typing import Any

from litsite.csl.elements import CSL_NS

LONG = 50  # citeproc-js cuts only lists longer than this
_ATTRIBUTES = ("et-al-min", "et-al-subsequent-min", "names-min")
_LIMITS: dict[int, tuple[Any, dict[str, int]]] = {}  # id(root) -> (root, {area: M}); the root kept alive with it


def _area_limit(root: Any, area: str) -> int:
    """M of one area: the largest of the attributes on it, on what its layout reaches (macros followed) and, for
    the citation, on cs:style."""
    node = root.find(f"{{{CSL_NS}}}{area}")
    if node is None:
        return 0
    macros = {m.get("name"): m for m in root.findall(f"{{{CSL_NS}}}macro")}
    values: list[int] = []
    holders = [root, node] if area == "citation" else [node]
    layout = node.find(f"{{{CSL_NS}}}layout")  # (its sort keys are built as an area of their own)
    todo, seen = [layout] if layout is not None else [], set()
    while todo:
        for element in todo.pop().iter():
            holders.append(element)
            name = element.get("macro")
            if name in macros and name not in seen:
                seen.add(name)
                todo.append(macros[name])
    for holder in holders:
        for attribute in _ATTRIBUTES:
            value = holder.get(attribute)
            if value and value.strip().isdigit():
                values.append(int(value))
    return max(values, default=0)


def area_limit(root: Any, in_citation: bool) -> int:
    """citeproc-js's max_number_of_names of the citation or the bibliography of the style whose root is `root`."""
    found = _LIMITS.get(id(root))
    if found is None or found[0] is not root:
        found = _LIMITS[id(root)] = (root, {a: _area_limit(root, a) for a in ("citation", "bibliography")})
    return found[1]["citation" if in_citation else "bibliography"]


def cut(names: list, limit: int) -> list:
    """The names citeproc-js renders of a list: over 50 and over limit + 2, the first limit + 1 and the last."""
    if limit and len(names) > LONG and len(names) > limit + 2:
        return names[: limit + 1] + names[-1:]
    return names


def et_al_cut(count: int, et_al_min: int, use_first: int, added: int, use_last: bool, comparing: bool) -> int:
    """How many of a list's `count` names lead a rendered list (all of them: no et-al), as citeproc-js's
    _imposeNameConstraints decides: `added` is the names disambiguation asks for (else use_first). Nothing is cut
    when et-al-min is below et-al-use-first (its "sane" test); with et-al-use-last, outside the cites compared for
    disambiguation, at most et-al-min - 2 names lead (a workaround of citeproc-js kept in its output), and a list
    whose cut would leave out only the last name is written whole."""
    if not et_al_min or et_al_min < use_first:
        return count
    shown = count if count < et_al_min else max(added, use_first)
    if use_last and not comparing and shown > et_al_min - 2:
        shown = max(et_al_min - 2, 1)
    return count if shown >= count or (use_last and shown == count - 1) else shown


def bibliography_adds_names(root: Any) -> bool:
    """Whether the names a cite was given to tell it apart are shown in its bibliography entry too: citeproc-js
    hands them to the entry's cs:names only when the style also has disambiguate-add-givenname (its "weird and
    delicate" disambig_request of the bibliography)."""
    citation = root.find(f"{{{CSL_NS}}}citation")
    return citation is not None and citation.get("disambiguate-add-givenname") == "true"


_PRINTED = ("family", "given", "literal", "non-dropping-particle")


def printing(names: list) -> list:
    """The names that print something: citeproc-js writes nothing for a name of a dropping particle or a suffix
    only, and leaves such names out of the sort key (a key of none such names is empty: the item sorts last)."""
    return [n for n in names if any(str(n.get(part) or "").strip() for part in _PRINTED)]


def printed_names(rendered: list, shown: list) -> tuple[list, list]:
    """The shown names that print something, with their renderings, when at least one does.

    citeproc-js keeps every name object of the input (a name with no family, given or literal) and counts it for
    et-al, but joins only the names that print (CSL.NameOutput.joinPersons drops empty blobs): "A and B" for
    [A, (empty), B], "A et al." for [(empty), A, B, C] cut to two. A list where no name prints keeps its first (empty)
    one: the names variable is present all the same (no substitution) and prints nothing.
    """
    kept = [i for i, (text, _) in enumerate(rendered) if str(text)] or [0][: len(rendered)]
    if len(kept) == len(rendered):
        return rendered, shown
    return [rendered[i] for i in kept], [shown[i] for i in kept]
