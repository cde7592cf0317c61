"""citeproc-js's year-suffix inside a bibliography sort key, written there when a later item taints an earlier one.

citeproc-js computes an item's sort keys when it is registered (CSL.Registry.setsortkeys) and again only when the
item is new, refreshed or tainted in a later update (each processCitationCluster runs updateItems over the items
cited so far, and clears its taints at its end). Keys are set BEFORE that update's disambiguation (setdisambigs),
so a new item's key has no year-suffix; but an item the update taints carries the year-suffix the previous update
gave it, and a `<text variable="year-suffix"/>` in a key macro prints it as a number blob ("…undefineda|",
chicago-author-date's date key). Before setsortkeys, what taints earlier items is the given-name registry
(CSL.Registry.NameReg.addname) while a new item's names are registered: a family that gets its second initials form
taints every item registered under that family, initials that get their second full given name every item under
them. Under by-cite the registry is per item, so no other item is tainted. The key stays until the item is
recomputed again, and an item whose key has a year-suffix sorts after its group's items whose keys have none.
The year-suffix an earlier update gave is modelled as the rank of the item among its group's items registered by
then (ordered by their final suffixes), a group being the items with a suffix whose cite names and year are alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from litsite.csl.elements import CSL_NS
from litsite.csl.sort_givens import cite_names, person_key
from litsite.csl.sort_persons import registered

_MAX_STEPS = 5000  # bound the work of one document (each step is one cluster)


def letters(n: int) -> str:
    """citeproc-js's year-suffix of rank n (CSL.Util.Suffixator): a … z, aa, ab …"""
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(97 + rem) + out
    return out


def _rank(suffix: str) -> tuple[int, str]:
    return len(suffix), suffix


def steps_of(clusters: Sequence[Sequence[str]], keys: Sequence[str]) -> list[list[str]]:
    """The items each update registers: the new items of each cluster in turn, then the items no cluster cites."""
    seen: set[str] = set()
    steps = []
    for cluster in clusters:
        new = [key for key in dict.fromkeys(cluster) if key not in seen]
        if new:
            seen.update(new)
            steps.append(new)
    rest = [key for key in keys if key not in seen]
    return [*steps, rest] if rest else steps


def tainted_suffixes(
    steps: Sequence[Sequence[str]],
    persons: dict[str, list[tuple[str, str, str]]],
    group: dict[str, object],
    final: dict[str, str],
) -> dict[str, str]:
    """Per item, the year-suffix its final sort key holds (items absent: none). `persons`: the (family, initials,
    given) each item registers, in order; `group`: the year-suffix group of each item that has a final suffix
    `final`. The first update (it also deletes the items registered at once before) starts the registry."""
    families: dict[str, list[str]] = {}  # family -> items registered under it
    forms: dict[str, dict[str, list[str]]] = {}  # family -> initials -> items
    givens: dict[tuple[str, str], set[str]] = {}  # (family, initials) -> full given names
    done: list[str] = []
    out: dict[str, str] = {}
    for n, step in enumerate(steps[:_MAX_STEPS]):
        tainted: set[str] = set()
        for key in step:
            for family, initials, given in persons.get(key, ()):
                under = families.setdefault(family, [])
                if key not in under:
                    under.append(key)
                if not initials:
                    continue  # a name without a given name has no initials entry (addname)
                by_initials = forms.setdefault(family, {})
                if initials not in by_initials:
                    by_initials[initials] = []
                    if len(by_initials) == 2:  # the family's second initials form
                        tainted.update(under)
                if key not in by_initials[initials]:
                    by_initials[initials].append(key)
                known = givens.setdefault((family, initials), set())
                if given not in known:
                    known.add(given)
                    if len(known) == 2:  # the second full given name behind these initials
                        tainted.update(by_initials[initials])
        if n:
            for key in tainted.difference(step):
                suffix = _suffix_then(key, done, group, final)
                if suffix:
                    out[key] = suffix
                else:
                    out.pop(key, None)
        for key in step:
            out.pop(key, None)  # a new item's key is set before the update's disambiguation: no suffix
        done.extend(step)
    return out


def _suffix_then(key: str, done: Sequence[str], group: dict[str, object], final: dict[str, str]) -> str | None:
    """The year-suffix `key` had after the updates of the items `done`: its rank among its group's items then."""
    if key not in group:
        return None
    members = sorted((k for k in done if group.get(k) == group[key]), key=lambda k: _rank(final[k]))
    return letters(members.index(key)) if len(members) > 1 and key in members else None


def suffix_keys(root: object) -> list[int]:
    """The positions of the bibliography's macro sort keys that can print the year-suffix, when the given-name
    registry is shared by all items (a global givenname-disambiguation-rule): only then can a key hold one."""
    citation = root.find(f"{{{CSL_NS}}}citation")
    if citation is None or citation.get("disambiguate-add-givenname", "false") != "true":
        return []
    if citation.get("givenname-disambiguation-rule", "by-cite") == "by-cite":
        return []
    found = getattr(root, "_litsite_suffix_keys", None)
    if found is None:
        macros = {m.get("name"): m for m in root.iterfind(f"{{{CSL_NS}}}macro")}
        keys = root.iterfind(f"{{{CSL_NS}}}bibliography/{{{CSL_NS}}}sort/{{{CSL_NS}}}key")
        found = [n for n, key in enumerate(keys) if _reaches_suffix(macros, key.get("macro"))]
        root._litsite_suffix_keys = found
    return found


def _reaches_suffix(macros: dict, start: str | None) -> bool:
    """Whether the macro `start` (or one it calls) holds a cs:text of the year-suffix."""
    todo, seen = [start], set()
    while todo:
        name = todo.pop()
        if name in seen or name not in macros:
            continue
        seen.add(name)
        for text in macros[name].iterfind(f".//{{{CSL_NS}}}text"):
            if text.get("variable") == "year-suffix":
                return True
            todo.append(text.get("macro"))
    return False


def with_suffix(raw: list, suffix: str) -> list:
    """A date key's raw value with the year-suffix after its digits, as citeproc-js's number blob joins it:
    "…undefineda" (the nested date macro of chicago-author-date's date key is not rendered again: its digits
    are the whole key there)."""
    if not isinstance(raw, list) or raw[0] != "c":
        return raw
    return ["c", f"{raw[1]}undefined{suffix}" if raw[1] else suffix]


def item_persons(reference: object, sort_lists: list, primary: bool, demote: str) -> list[tuple[str, str, str]]:
    """The persons an item registers: its cite's names and those its sort keys print (the first of each list under
    a primary-name rule)."""
    names = registered([list(cite_names(reference))], primary) + registered(sort_lists, primary)
    keys = (person_key(name, demote) for name in names)
    return [key for key in keys if key is not None]


def group_of(reference: object) -> object:
    """An item's year-suffix group: its cite's names (family and given) and its year."""
    names = tuple((str(dict(n).get("family", "")), str(dict(n).get("given", ""))) for n in cite_names(reference))
    issued = reference.get("issued")
    year = dict.get(issued, "year") if isinstance(issued, dict) else None  # a date without a year raises on .year
    return names, str(year)


def resort(bib: object, style: object, clusters: Sequence[Sequence[str]]) -> None:
    """Re-sort the bibliography when items' final sort keys hold a year-suffix (after disambiguation set the
    suffixes; `clusters`: the keys each cluster cites): their keys rendered with the suffix they had then, the
    others kept."""
    root = style.root
    rows = getattr(root, "litsite_sort_raws", None) if style.has_bibliography() else None
    positions = suffix_keys(root) if rows else []
    if not positions:
        return
    source = bib.source
    final = {key: str(s) for key in bib.keys if (s := source.peek(key, "year_suffix"))}
    if len(final) < 2:
        return
    by_key = {item.key: item for item in bib.items}
    rule = root.find(f"{{{CSL_NS}}}citation").get("givenname-disambiguation-rule")
    primary, demote = rule.startswith("primary-"), root.get("demote-non-dropping-particle", "display-and-sort")
    lists = getattr(root, "litsite_sort_persons", {})
    persons = {k: item_persons(by_key[k].reference, lists.get(k, []), primary, demote) for k in by_key}
    group = {key: group_of(by_key[key].reference) for key in final}
    steps = steps_of(clusters, list(bib.keys))
    suffixes = tainted_suffixes(steps, persons, group, final)
    if not suffixes:
        return
    raws = dict(rows)
    for key, suffix in suffixes.items():
        raws[key] = [with_suffix(raw, suffix) if n in positions else raw for n, raw in enumerate(raws[key])]
    sort = root.bibliography.find("cs:sort", root.bibliography.nsmap)
    items = [by_key[key] for step in steps for key in step]  # in registration order, which breaks ties
    order = sort.litsite_order([raws[item.key] for item in items])
    bib.set_order([items[i] for i in order])
