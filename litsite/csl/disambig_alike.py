"""Items of one ambiguous group that render alike under every disambiguation setting, so one of them is rendered.

Settling a group renders each item's cite again for every setting tried (names shown, given-name levels, year
suffix, the disambiguate condition). A cite is a function of the item's data that the citation can read and of its
state: two items that agree on every variable the citation's layout (its macros and substitutes followed) can read,
and on the variables the engine reads whatever the layout says, render alike under any setting given to both. Such
items (the same work entered twice, reports of one author and year told apart only by a title the cite does not
show) are rendered once per setting, by a representative: the work of a group grows with its distinct cites, not
with its items, and the outcome is the one rendering every item would give.
"""

from __future__ import annotations

import json

from citeproc import DATES, NAMES

from litsite.csl.elements import CSL_NS
from litsite.csl.memo import state_text
from litsite.csl.source import clean_item

# Read by the engine and its fixes whatever the layout names: every name and date (substitutions, citeproc-js's
# director as author, collapsing, the citation-label trigraph), the type, language and jurisdiction (conditions,
# title case, name forms, quotes) and a year-suffix of the item's own. Variables carried in `note` are compared as
# the engine sees them, after clean_item moved them out.
_ALWAYS = frozenset(
    {v.replace("_", "-") for v in (*NAMES, *DATES)} | {"type", "language", "jurisdiction", "year-suffix"}
)
_VARIABLE_ATTRIBUTES = ("variable", "is-numeric", "is-uncertain-date")


def _reachable(root: object) -> list:
    """cs:citation and every macro it calls, directly or through other macros (any depth), once each."""
    citation = root.find(f"{{{CSL_NS}}}citation")
    if citation is None:
        return []
    macros = {m.get("name"): m for m in root.findall(f"{{{CSL_NS}}}macro")}
    todo, seen, out = [citation], set(), []
    while todo:
        node = todo.pop()
        out.append(node)
        for element in node.iter():
            name = element.get("macro")
            if name in macros and name not in seen:
                seen.add(name)
                todo.append(macros[name])
    return out


def cite_reads(root: object) -> frozenset[str]:
    """The CSL variables a cite of this style may read: those its citation names, with their kin (a variable's
    short form, "page" and "page-first", "event" and "event-title": every variable sharing its first word), and
    the ones always read."""
    named = set()
    for node in _reachable(root):
        for element in node.iter():
            for attribute in _VARIABLE_ATTRIBUTES:
                named.update((element.get(attribute) or "").split())
    heads = {variable.split("-")[0].lower() for variable in named}
    return frozenset(_ALWAYS | named | {f"{head}-*" for head in heads})


def _read(name: str, reads: frozenset[str]) -> bool:
    name = name.replace("_", "-")  # the source takes either spelling ("container_title")
    return name in reads or f"{name.split('-')[0].lower()}-*" in reads


def likeness(item: dict, reads: frozenset[str], state: object, suffix: object, place: str) -> str:
    """What decides an item's cite under any disambiguation setting: the variables `reads` of its cleaned data
    (as the engine sees them), its state and year suffix before the group is settled, and its place when the style
    prints one (citation numbers)."""
    cleaned = clean_item(item, "")
    data = {name: value for name, value in cleaned.items() if name != "id" and _read(name, reads)}
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=repr)
    return f"{text}\x00{state_text(state)}\x00{suffix or ''}\x00{place}"


def representatives(keys: list[str], signatures: dict[str, str]) -> dict[str, str]:
    """Each key's representative: the first key (in `keys` order) with the same signature."""
    first: dict[str, str] = {}
    return {key: first.setdefault(signatures[key], key) for key in keys}


def group_alike(source: object, reads: frozenset[str], group: list[str], saved: dict, tags: dict[str, str]) -> dict:
    """Each item of an ambiguous group and the item whose cite stands for it (itself unless another renders alike)."""
    signatures = {
        key: likeness(
            source._items[key], reads, saved[key], source.peek(key, "year_suffix"), tags[key].partition("#")[2]
        )
        for key in group
    }
    return representatives(group, signatures)
