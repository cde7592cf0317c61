"""Given names in sort keys as citeproc-js's name registry expands them (CSL.Registry.NameReg.evalname).

When a style asks for disambiguate-add-givenname, citeproc-js renders every name of a sort key at the level its
name registry gives (0: no given name, 1: initials, 2: the given name as written), never below the level of the
cs:name itself. The registry holds each registered person as family → initials → full given names (periods
stripped); a family with two initials forms raises its names to 1, two full names behind the same initials (or two
initials forms without an initialize-with) to 2. Under the by-cite rule (the default) the registry is kept per item
(its key is prefixed by the item's id), so only names of the same item count ("Wang, Jing" and "Wang, Jun" of one
paper sort as written, not as "Wang, J." twice); under all-names / primary-name it holds every registered item's
names (the primary-name rules only their first names, and only first names are raised); the -with-initials rules
raise to initials only.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence

from litsite.csl.elements import CSL_NS
from litsite.csl.fixes.name_parse import initialize_with, parse_name

Registry = dict[str, dict[str, set[str]]]  # family → initials → full given names

_LOWER_TAIL = re.compile(r"[,!]* ([^,]+)$")  # set_keys: a lower-case last part ("et al.") is not the given name


def _strip_periods(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(".", " ")).rstrip()


def person_key(name: object, demote: str) -> tuple[str, str, str] | None:
    """(family, initials, given) as citeproc-js registers a person (set_keys); None for an institution or a name
    without a family name."""
    if not isinstance(name, dict) or "literal" in name:
        return None
    parsed = parse_name(dict(name))
    family = _strip_periods(parsed.family)
    if not family:
        return None
    if demote == "never" and parsed.non_dropping_particle:
        family = f"{family} {parsed.non_dropping_particle}"
    given = _strip_periods(parsed.given)
    tail = _LOWER_TAIL.search(given)
    if tail and tail.group(1) == tail.group(1).lower():
        given = given[: tail.start()]
    return family, initialize_with(given, "%s"), given


def register(registry: Registry, names: Iterable[object], demote: str, primary: bool) -> Registry:
    """`registry` with the persons of `names` added (only the first under a primary-name rule: addname)."""
    for n, name in enumerate(names):
        if primary and n:
            break
        key = person_key(name, demote)
        if key is not None and key[1]:  # a name without a given name has no initials entry
            registry.setdefault(key[0], {}).setdefault(key[1], set()).add(key[2])
    return registry


def requested_level(registry: Registry, n: int, name: object, rule: str, form: str, init_with: str | None,
                    demote: str) -> int:  # fmt: skip
    """The level evalname asks for the n-th name of a list."""
    level = 0 if form == "short" else 1 if init_with is not None else 2
    key = person_key(name, demote)
    initials = registry.get(key[0], {}) if key else {}
    if key is None or key[1] not in initials:
        return level
    if rule == "by-cite" and level <= 0:
        return 0
    if rule.startswith("primary-name") and n > 0:
        return level
    if rule in ("by-cite", "all-names", "primary-name"):
        if len(initials) > 1:
            level = 1
        if len(initials[key[1]]) > 1 or (len(initials) > 1 and init_with is None):
            level = 2
    elif rule.endswith("-with-initials"):
        level = 1 if len(initials) > 1 else 0
    return level


def sort_levels(root: object, item: object, names: Sequence[object], keyed: Sequence[object], form: str,
                init_with: str | None, demote: str) -> list[int] | None:  # fmt: skip
    """The level of each name of a sort key (`keyed`: the first of the variable's `names`, and under
    et-al-use-last its last), or None when the style does not add given names (each keeps its cs:name's form)."""
    levels = _levels(root, item, names, form, init_with, demote)
    if levels is None:
        return None
    if list(keyed) != list(names[: len(keyed)]):  # et-al-use-last: the first names and the last
        return levels[: len(keyed) - 1] + levels[-1:]
    return levels[: len(keyed)]


def initials_terminator(root: object, init_with: str | None) -> str | None:
    """What a name raised to level 1 is initialised with: the cs:name's initialize-with; under a -with-initials
    rule also without one (then with nothing: "Lee JR"), else (None) it is written as it is."""
    options = getattr(root, "litsite_givens", None)
    if init_with is None and options and options[0].endswith("-with-initials"):
        return ""
    return init_with


def _levels(root: object, item: object, names: Sequence[object], form: str, init_with: str | None,
            demote: str) -> list[int] | None:  # fmt: skip
    options = getattr(root, "litsite_givens", None)
    if options is None:
        return None
    rule, shared = options
    primary = rule.startswith("primary-name")
    local: Registry = {}
    if rule == "by-cite":
        register(local, cite_names(item.reference), demote, primary)
    register(local, names, demote, primary)
    registry = _merged(shared, local) if shared else local
    default = 0 if form == "short" else 1 if init_with is not None else 2
    return [
        max(default, requested_level(registry, n, name, rule, form, init_with, demote)) for n, name in enumerate(names)
    ]


def _merged(shared: Registry, local: Registry) -> Registry:
    out = {family: dict(initials) for family, initials in shared.items() if family in local}
    for family, initials in local.items():
        mine = out.setdefault(family, {})
        for ikey, givens in initials.items():
            mine[ikey] = mine.get(ikey, set()) | givens
    return out


def cite_names(reference: object) -> list:
    """The names a cite registers: the authors, else the editors."""
    for variable in ("author", "editor"):
        names = reference.get(variable)
        if names:
            return list(names)
    return []


def givens_options(root: object, references: Sequence[object]) -> tuple[str, Registry] | None:
    """(rule, registry of every item's cite names: empty under by-cite) when the style adds given names."""
    citation = root.find(f"{{{CSL_NS}}}citation")
    if citation is None or citation.get("disambiguate-add-givenname", "false") != "true":
        return None
    rule = citation.get("givenname-disambiguation-rule", "by-cite")
    shared: Registry = {}
    if rule != "by-cite":
        demote = root.get("demote-non-dropping-particle", "display-and-sort")
        for reference in references:
            register(shared, cite_names(reference), demote, rule.startswith("primary-name"))
    return rule, shared


def registry_tag(options: tuple[str, Registry] | None, reference: object, demote: str) -> str:
    """What an item's sort keys read of a shared registry (its families: how many initials, which are shared),
    to tell apart memoised keys; empty when the registry is per item."""
    if not options or not options[1]:
        return ""
    shared = options[1]
    seen = []
    for value in reference.values():
        if not isinstance(value, list):
            continue
        for name in value:
            key = person_key(name, demote)
            if key is not None and key[0] in shared:
                initials = shared[key[0]]
                seen.append([key[0], len(initials), sorted(i for i, g in initials.items() if len(g) > 1)])
    if not seen:
        return ""
    return "|g" + hashlib.sha1(json.dumps(sorted(seen)).encode()).hexdigest()[:12]
