"""givenname-disambiguation-rule "by-cite": two persons of ONE item alike in their initials get full given names.

citeproc-js's name registry (CSL.Registry.NameReg) keys each name under by-cite by the item's id and its family
name, and then judges it as under "all-names": a name written with initials whose family name and initials another
person registered for the same item shares, with another given name, is written in full ("Collins, Nick, Collins,
Nicholas" in elsevier-harvard). It applies where the name is not in the short form and the cite's own
disambiguation asked for no given name at that place (evalname's request_base). The names registered for an item
are those of each list rendered for it, whole (et-al does not hide them): the list being written and the one its
cites show (the author, else the editor), which the cites and sort keys registered before the entry.
"""

from __future__ import annotations

import re
from typing import Any

from litsite.csl.elements import CSL_NS
from litsite.csl.fixes.name_parse import initialize_with, split_particles


def _person(name: dict) -> tuple[str, str, str] | None:
    """(family key, initials, given name) as the registry keys a person; None for an institution or no name."""
    if "literal" in name or not (name.get("family") or name.get("given")):
        return None
    given, family, _, particle, _ = split_particles(dict(name))
    given = " ".join(given.replace(".", " ").split())
    return f"{particle} {family}".strip(), initialize_with(given, ".", False, True), given


def by_cite(root: Any) -> bool:
    """Whether the style adds given names by cite (disambiguate-add-givenname, by-cite being the default rule)."""
    citation = root.find(f"{{{CSL_NS}}}citation")
    if citation is None or citation.get("disambiguate-add-givenname") != "true":
        return False
    return citation.get("givenname-disambiguation-rule", "by-cite") == "by-cite"


def alike_in_item(reference: Any, variable: str, shown: list, form: str, root: Any) -> dict[int, int]:
    """The positions of `shown` (names of `variable`) written with the full given name under this rule: {i: 2}."""
    if form == "short" or not shown or not by_cite(root):
        return {}
    primary = "author" if reference.get("author") else "editor"
    registered = [*(reference.get(variable) or []), *(reference.get(primary) or [] if primary != variable else [])]
    givens: dict[tuple[str, str], set[str]] = {}
    for name in registered:
        person = _person(name)
        if person is not None:
            givens.setdefault(person[:2], set()).add(person[2])
    out = {}
    for i, name in enumerate(shown):
        person = _person(name)
        if person is not None and len(givens.get(person[:2], ())) > 1:
            out[i] = 2
    return out


def in_cite(names: list, cite: str) -> list:
    """The persons of a name list the registry takes from an item's cite: none when the cite does not show the list
    (its first person's family name is not in it: the cite shows a substitute, a title), as citeproc-js registers
    only the names it renders (apa's editors' book with a container-title is cited by its title)."""
    persons = [name for name in names if "literal" not in name]
    if not persons:
        return []
    family = _letters(split_particles(dict(persons[0]))[1])
    return persons if family and family in _letters(cite) else []


def _letters(text: str) -> str:
    """Text compared by its letters and digits alone: the cite has curly quotes where the data has straight ones
    ("O’Brien"), markup is gone from it, and a style may change the case."""
    return re.sub(r"\W+", "", re.sub(r"<[^>]*>", "", text).casefold())


def registry_family(name: dict) -> str:
    """The family name as citeproc-js's registry keys it (pkey): particle and family, periods and runs of spaces
    read as one space ("Հակոբյան  [Hakobyan]" is "Հակոբյան [Hakobyan]")."""
    parts = split_particles(dict(name))
    return " ".join(f"{parts[3]} {parts[1]}".replace(".", " ").split())
