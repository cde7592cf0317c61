"""Citation disambiguation around citeproc-py (CSL 1.0.2 "Disambiguation"), applied before clusters are rendered.

Cites that render identically are made distinct, in this order, as far as the style allows: add names
(disambiguate-add-names), expand given names (disambiguate-add-givenname, givenname-disambiguation-rule), the
disambiguate="true" condition, then year suffixes (disambiguate-add-year-suffix) in bibliography order.
State is kept on each item under "_dis", read by our cs:name, cs:if and cs:date-part classes.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable

from citeproc import Citation

from litsite.csl.disambig_alike import cite_reads, group_alike
from litsite.csl.disambig_item import in_cite, registry_family
from litsite.csl.disambig_lists import Config, Options, settle
from litsite.csl.elements import CSL_NS
from litsite.csl.fixes.dates import COMPARING
from litsite.csl.fixes.names import given_pair
from litsite.csl.markup import PLACEHOLDERS
from litsite.csl.memo import Memo, state_text
from litsite.csl.names_limit import area_limit, cut
from litsite.csl.sort_persons import registered
from litsite.csl.sort_suffix import letters
from litsite.csl.source import Item
from litsite.parallel import Parallel


def family_key(name: dict) -> str:
    """The family name as the given-name registry keys it (disambig_item.registry_family)."""
    return registry_family(name)


def _state_from_json(state: dict) -> dict:
    """A state as kept in the memo (JSON) back to what the engine uses: given-name positions are numbers."""
    state = dict(state)
    if "given_pos" in state:
        state["given_pos"] = {int(k): v for k, v in state["given_pos"].items()}
    return state


_NOT_AN_ITEM = "\x00litsite-other-cite"
_GROWN = 24  # the largest group settled citation by citation (each step settles the group so far again)
_PLACEHOLDER = re.compile("[" + "".join(sorted(PLACEHOLDERS)) + "]")  # formatting and quotes: decorations


def _initialize_with(root: object) -> bool:
    """Whether the first cs:name a citation renders (its macros followed) has an initialize-with, its own or
    inherited from cs:citation or cs:style."""
    ns = {"cs": CSL_NS}
    citation = root.find("cs:citation", ns)
    if citation is None:
        return False
    macros = {m.get("name"): m for m in root.findall("cs:macro", ns)}
    todo, seen = [citation.find("cs:layout", ns)], set()
    while todo:
        node = todo.pop(0)
        if node is None:
            continue
        for element in node.iter():
            if element.tag == f"{{{CSL_NS}}}name":
                return any("initialize-with" in holder.attrib for holder in (element, citation, root))
            name = element.get("macro") if element.tag == f"{{{CSL_NS}}}text" else None
            if name in macros and name not in seen:
                seen.add(name)
                todo.append(macros[name])
    return any("initialize-with" in holder.attrib for holder in (citation, root))


def _macro_walk(root: object, start: object) -> list:
    """The elements under `start` in document order, a macro's elements where first met (again only nearer the top,
    where the depth bound cuts less; else nothing new: chicago-author-date's shared macros took seconds)."""
    macros = {m.get("name"): m for m in root.findall(f"{{{CSL_NS}}}macro")}
    out: list = []
    expanded: dict[str, int] = {}  # macro -> the least depth it was expanded at

    def walk(node: object, depth: int) -> None:
        for element in node:
            out.append(element)
            name = element.get("macro") if element.tag == f"{{{CSL_NS}}}text" else None
            if name in macros and depth < 16:
                if expanded.get(name, 17) > depth + 1:
                    expanded[name] = depth + 1
                    walk(macros[name], depth + 1)
            else:
                walk(element, depth)

    if start is not None:
        walk(start, 0)
    return out


def _name_variables(root: object) -> list[str]:
    """The name variables a cite may show first: a cs:names of the citation, then the cs:names of its cs:substitute
    in order (author, editor when the citation has none). Of several (one per item type), the one with the most
    substitutes, the author among them: the general case (APA's composer, author, illustrator, director…)."""
    citation = root.find(f"{{{CSL_NS}}}citation")
    layout = citation.find(f"{{{CSL_NS}}}layout") if citation is not None else None
    best: list[str] = []
    for names in (e for e in _macro_walk(root, layout) if e.tag == f"{{{CSL_NS}}}names"):
        order = (names.get("variable") or "").split()
        substitute = names.find(f"{{{CSL_NS}}}substitute")
        if substitute is None:
            continue
        for element in _macro_walk(root, substitute):
            if element.tag == f"{{{CSL_NS}}}names":
                order += [v for v in (element.get("variable") or "").split() if v not in order]
        best = order if len(order) > len(best) and "author" in order else best
    return best or ["author", "editor"]


class Disambiguator:
    """Renders single cites of a registered bibliography and resolves ambiguities between them."""

    share = True  # items of a group that render alike are rendered once per setting (disambig_alike.py); the
    # outcome is the same either way: bench/disambiguation.py turns it off to measure what it saves

    def __init__(
        self, bib: object, style: object, memo: Memo, tags: dict[str, str], parallel: Parallel | None = None
    ) -> None:
        self.bib = bib
        self.memo = memo
        self.tags = tags  # item key -> what determines its rendering (see memo.py)
        self.parallel = parallel or Parallel()
        self.citation = style.root.citation
        # the style places year suffixes itself: cs:text year-suffix, or citation-label, which takes them (citeproc-js)
        explicit = ".//cs:text[@variable='year-suffix' or @variable='citation-label']"
        self.explicit_suffix = bool(style.root.xpath(explicit, namespaces={"cs": CSL_NS}))
        # citeproc-js's has_disambiguate: a disambiguate="true" test anywhere in the style (macros included)
        condition = ".//cs:if[@disambiguate] | .//cs:else-if[@disambiguate]"
        self.has_condition = bool(style.root.xpath(condition, namespaces={"cs": CSL_NS}))
        self.cite_initials = _initialize_with(style.root)
        self.name_order = _name_variables(style.root)
        self.reads = cite_reads(style.root)
        self.name_limit = area_limit(style.root, True)

    def option(self, name: str) -> bool:
        """A boolean disambiguation option of cs:citation."""
        return self.citation is not None and self.citation.get(name, "false") == "true"

    def _memo_key(self, key: str) -> str:
        return f"cs|{self.tags[key]}|{self.bib.source.state_key(key)}"

    def render(self, key: str) -> str:
        """The text of a first cite of one item, alone in its cluster (from the memo when rendered before)."""
        memo_key = self._memo_key(key)
        found = self.memo.get(memo_key)
        return self.memo.put(memo_key, self._render(key)) if found is None else found

    def unmemoised(self, key: str) -> str:
        """The cite `render` gives, rendered again and not kept (before the bibliography is sorted its numbers are
        not final)."""
        return self._render(key)

    def prefill(self, keys: list[str]) -> None:
        """Render the cites of keys the memo lacks, in parallel."""
        todo = {self._memo_key(key): key for key in keys}
        todo = {memo_key: key for memo_key, key in todo.items() if self.memo.get(memo_key) is None}
        for memo_key, text in zip(todo, self.parallel.map(self._render, list(todo.values())), strict=True):
            self.memo.put(memo_key, text)

    def _render(self, key: str) -> str:
        """The cite as citeproc-js compares cites (getAmbiguousCite): at a subsequent, near-note position (so
        et-al-subsequent-* and the short forms of note styles apply), not ibid, without decorations and without
        accessed dates."""
        earlier = Citation([Item(key), Item(_NOT_AN_ITEM)])  # cited before, but not just before: not ibid
        citation = Citation([Item(key)])
        citation.bibliography = earlier.bibliography = self.bib
        saved = self.bib._cites
        self.bib._cites = list(earlier.cites)
        COMPARING.append(True)
        try:
            return _PLACEHOLDER.sub("", str(self.bib.cite(citation, lambda item: "?")))
        except Exception:
            return f"?{key}"
        finally:
            COMPARING.pop()
            self.bib._cites = saved

    def state(self, key: str) -> dict:
        """The disambiguation state of an item."""
        state = self.bib.source.peek(key, "_dis")
        if state is None:
            state = {"explicit_suffix": self.explicit_suffix}
            self.bib.source.set_field(key, "_dis", state)
        return state

    def ambiguous(self, keys: list[str]) -> list[list[str]]:
        """Groups (of two or more) of items whose cites render identically."""
        groups: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            groups[self.render(key)].append(key)
        return [group for group in groups.values() if len(group) > 1]

    def run(self, keys: list[str], registered: dict[str, int] | None = None) -> None:
        """Disambiguate the cites of `keys` (in bibliography order); `registered`: each key's place in the order
        the citations met the items (the first cited first), which decides how a group grows."""
        if self.citation is None:
            return
        self.registered = registered or {key: n for n, key in enumerate(keys)}
        self.prefill(keys)  # the cites as they are so far: which show their names (disambig_item.in_cite)
        self._global_givennames(keys)
        self.prefill(keys)
        # Groups are independent (each changes and renders only its own items), so they may be settled in
        # parallel; each hands back its items' final state. A group's outcome is a function of its items (content,
        # order, state so far), so it is what the memo keeps, not the renderings made on the way.
        todo = []
        for group in self.ambiguous(keys):
            group_key = self._group_key(group)
            found = self.memo.get(group_key)
            if found is None:
                todo.append((group, group_key))
                continue
            for key, (state, suffix) in zip(group, found, strict=True):
                self._set(key, _state_from_json(state), suffix)
        for (group, group_key), states in zip(
            todo, self.parallel.map(self._settle, [group for group, _ in todo]), strict=True
        ):
            for key, (state, suffix) in states.items():
                self._set(key, state, suffix)
            self.memo.put(group_key, [[json.loads(state_text(states[k][0])), states[k][1]] for k in group])

    def _set(self, key: str, state: dict, suffix: str | None) -> None:
        self.bib.source.set_field(key, "_dis", state)
        if suffix is not None:
            self.bib.source.set_field(key, "year_suffix", suffix)

    def _group_key(self, group: list[str]) -> str:
        """The memo key of a group's outcome: each item's content (tag), state so far and year suffix, in order."""
        met = ",".join(str(n) for n in sorted(range(len(group)), key=lambda i: self.registered.get(group[i], 0)))
        return "g|" + ";".join(f"{self.tags[k]}:{self.bib.source.state_key(k)}" for k in group) + "|" + met

    def _settle(self, group: list[str]) -> dict[str, tuple[dict, str | None]]:
        """Resolve one group of identical cites (citeproc-js's lists and clashes); return its items' (state,
        year suffix)."""
        used = self.memo.used
        self.memo.used = {}  # the renderings of intermediate states are not worth keeping: the outcome is
        saved = {key: dict(self.state(key)) for key in group}
        rule = self.citation.get("givenname-disambiguation-rule", "by-cite")
        options = Options(
            add_names=self.option("disambiguate-add-names"),
            by_cite_givens=self.option("disambiguate-add-givenname") and rule == "by-cite",
            year_suffix=self.option("disambiguate-add-year-suffix"),
            condition=self.has_condition,
        )
        counts = {key: len(cut(self._names(key), self.name_limit)) for key in group}  # names_limit.py
        ids = {key: str(self.bib.source.item_id(key)) for key in group}
        alike = group_alike(self.bib.source, self.reads, group, saved, self.tags) if self.share else {}

        def render(key: str, config: Config) -> str:
            key = alike.get(key, key)  # an item that renders as another under every setting: that one's cite
            self._apply(key, saved[key], config)
            return self.render(key)

        try:
            registered = self._grow(group, options, counts, ids, render)
            out = {}
            for key in group:
                self._apply(key, saved[key], registered.get(key))
                state = self.state(key)
                if state.get("given_pos"):
                    # the level the cite rendered with is what the bibliography sees (citeproc-js writes it back):
                    # level 1 without initialize-with is the full given name
                    state["given_bib"] = {
                        i: 2 if level == 1 and not self.cite_initials else level
                        for i, level in state["given_pos"].items()
                    }
                out[key] = (state, self.bib.source.peek(key, "year_suffix"))
            return out
        finally:
            self.memo.used = used

    def _start(self, group: list[str], counts: dict[str, int], ids: dict[str, str]) -> Config:
        """A group's first configuration: the names its first item's compared (subsequent) cite shows."""
        first = min(group, key=lambda k: (str(counts[k]), ids[k]))

        def get(name: str) -> str | None:  # an inheritable name option: cs:citation's, else cs:style's (oscola)
            return self.citation.get(name) or self.citation.getparent().get(name)

        et_al_min = int(get("et-al-subsequent-min") or get("et-al-min") or 0)
        use_first = int(get("et-al-subsequent-use-first") or get("et-al-use-first") or 1)
        shown = min(use_first, counts[first]) if et_al_min and counts[first] >= et_al_min else counts[first]
        return Config(shown, [0] * max(counts[k] for k in group))

    def _grow(
        self,
        group: list[str],
        options: Options,
        counts: dict[str, int],
        ids: dict[str, str],
        render: Callable[[str, Config], str],
    ) -> dict[str, Config]:
        """The group settled as citeproc-js settles it, one citation at a time: each time an item joins the items
        cited before it, the group is settled again from the configuration its first-cited item has so far (names
        added and given names expanded are never taken back), so an item cited after a resolved pair shows what
        the pair needed ("Blether and Edward Doe" after John and Jane Doe; "A, E, and F" after "A, B, and C" and
        "A, B, and D"). Groups above _GROWN items are settled once, from the start."""
        if len(group) > _GROWN:
            return settle(group, options, self._start(group, counts, ids), counts, ids, render)
        met = sorted(group, key=lambda k: self.registered.get(k, 0))
        current: dict[str, Config] = {}
        for size in range(2, len(met) + 1):
            joined = set(met[:size])
            sub = [key for key in group if key in joined]  # bibliography order
            start = self._start(sub, counts, ids)
            before = current.get(met[0])
            if before is not None:
                givens = list(before.givens) + [0] * max(0, len(start.givens) - len(before.givens))
                start = Config(max(before.names, start.names), givens)
            current.update(settle(sub, options, start, counts, ids, render))
        return current

    def _apply(self, key: str, saved: dict, config: Config | None) -> None:
        """Set an item's state to its state before the group was settled with `config` on top."""
        state = self.state(key)
        state.clear()
        state.update(saved)
        suffix = None
        if config is not None:
            if config.names > 0:
                state["names"] = config.names
            positions = {i: level for i, level in enumerate(config.givens) if level}
            if positions:
                state["given_pos"] = positions
            if config.cond:
                state["cond"] = True
            if config.suffix is not None:
                suffix = state["suffix"] = letters(config.suffix)
        self.bib.source.set_field(key, "year_suffix", suffix)

    def _names(self, key: str) -> list:
        """The names a cite shows first: the authors, else the editors, else those of the first name variable of
        the citation's author cs:names and its substitutes (a composer, an illustrator…) that the item has."""
        ref = self.bib.source[key]
        # author and editor first (their substitutes may hang on conditions this order does not read), then the
        # style's other substitutes in order
        for variable in ["author", "editor", *self.name_order]:
            names = ref.get(variable.replace("-", "_"))
            if names:
                return list(names)
        return []

    def _global_givennames(self, keys: list[str]) -> None:
        """all-names / primary-name rules: names that share a family name but not a person are expanded."""
        rule = self.citation.get("givenname-disambiguation-rule", "by-cite")
        if not self.option("disambiguate-add-givenname") or rule == "by-cite":
            return
        people: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # family → initials → givens
        shown: dict[str, list[list[str]]] = {}

        def people_of(key: str) -> list[list[str]]:
            names = in_cite(self._names(key), self.render(key))  # the persons of a list the cite shows
            if rule.startswith("primary-name"):
                names = names[:1]  # citeproc-js registers every name of a cite, shown or not (et-al)
            return [[family_key(n), *given_pair(n)] for n in names if given_pair(n)[0]]  # no initials: not counted

        for key in keys:
            found = self.memo.get(f"n4|{self.tags[key]}")  # a function of the item alone (and the style)
            shown[key] = self.memo.put(f"n4|{self.tags[key]}", people_of(key)) if found is None else found
            for family, initials, given in shown[key]:
                people[family][initials].add(given)
        noted = getattr(self.citation.getroottree().getroot(), "litsite_sort_persons", None) or {}
        for name in registered([lists for key in keys for lists in noted.get(key, [])], rule.startswith("primary")):
            initials, given = given_pair(name)
            people[family_key(name)][initials].add(given)  # sort_persons.py
        for key, names in shown.items():
            levels: dict[str, dict[str, int]] = {}
            for family, initials, _ in names:
                # each person's own level (CSL.Registry.NameReg.evalname): initials when the family has persons of
                # other initials, the full given name only when another person shares these initials
                forms = people[family]
                if rule.endswith("with-initials"):
                    if len(forms) < 2:
                        continue  # initials cannot tell "S. Horvath" from "Steve Horvath": citeproc-js adds none
                    level = 1
                elif len(forms[initials]) > 1:
                    level = 2
                elif len(forms) > 1:
                    level = 1
                else:
                    continue
                levels.setdefault(family, {})[initials] = level
            if levels:
                self.state(key)["given_fam"] = levels
                self.state(key)["given_primary"] = rule.startswith("primary-name")
