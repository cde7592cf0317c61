"""Citation disambiguation around citeproc-py (CSL 1.0.2 "Disambiguation"), applied before clusters are rendered.

Cites that render identically are made distinct, in this order, as far as the style allows: add names
(disambiguate-add-names), expand given names (disambiguate-add-givenname, givenname-disambiguation-rule), the
disambiguate="true" condition, then year suffixes (disambiguate-add-year-suffix) in bibliography order.
State is kept on each item under "_dis", read by our cs:name, cs:if and cs:date-part classes.
"""

from __future__ import annotations

import json
from collections import defaultdict

from citeproc import Citation

from litsite.csl.elements import CSL_NS
from litsite.csl.fixes.names import initialize
from litsite.csl.fixes.particles import split_particles
from litsite.csl.memo import Memo, state_text
from litsite.csl.source import Item
from litsite.parallel import Parallel


def family_key(name: dict) -> str:
    """The family name as short forms show it."""
    parts = split_particles(dict(name))
    return f"{parts[3]} {parts[1]}".strip()


def given_pair(name: dict) -> tuple[str, str]:
    """(initials, full given name) of a person."""
    given = split_particles(dict(name))[0]
    return (initialize(given, ".", True), given)


def _state_from_json(state: dict) -> dict:
    """A state as kept in the memo (JSON) back to what the engine uses: given-name positions are numbers."""
    state = dict(state)
    if "given_pos" in state:
        state["given_pos"] = {int(k): v for k, v in state["given_pos"].items()}
    return state


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(97 + rem) + out
    return out


class Disambiguator:
    """Renders single cites of a registered bibliography and resolves ambiguities between them."""

    def __init__(
        self, bib: object, style: object, memo: Memo, tags: dict[str, str], parallel: Parallel | None = None
    ) -> None:
        self.bib = bib
        self.memo = memo
        self.tags = tags  # item key -> what determines its rendering (see memo.py)
        self.parallel = parallel or Parallel()
        self.citation = style.root.citation
        self.explicit_suffix = bool(style.root.xpath(".//cs:text[@variable='year-suffix']", namespaces={"cs": CSL_NS}))

    def option(self, name: str) -> bool:
        """A boolean disambiguation option of cs:citation."""
        return self.citation is not None and self.citation.get(name, "false") == "true"

    def _memo_key(self, key: str) -> str:
        return f"c|{self.tags[key]}|{self.bib.source.state_key(key)}"

    def render(self, key: str) -> str:
        """The text of a first cite of one item, alone in its cluster (from the memo when rendered before)."""
        memo_key = self._memo_key(key)
        found = self.memo.get(memo_key)
        return self.memo.put(memo_key, self._render(key)) if found is None else found

    def prefill(self, keys: list[str]) -> None:
        """Render the cites of keys the memo lacks, in parallel."""
        todo = {self._memo_key(key): key for key in keys}
        todo = {memo_key: key for memo_key, key in todo.items() if self.memo.get(memo_key) is None}
        for memo_key, text in zip(todo, self.parallel.map(self._render, list(todo.values())), strict=True):
            self.memo.put(memo_key, text)

    def _render(self, key: str) -> str:
        citation = Citation([Item(key)])
        citation.bibliography = self.bib
        saved = self.bib._cites
        self.bib._cites = []
        try:
            return str(self.bib.cite(citation, lambda item: "?"))
        except Exception:
            return f"?{key}"
        finally:
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

    def run(self, keys: list[str]) -> None:
        """Disambiguate the cites of `keys` (in bibliography order)."""
        if self.citation is None:
            return
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
        return "g|" + ";".join(f"{self.tags[k]}:{self.bib.source.state_key(k)}" for k in group)

    def _settle(self, group: list[str]) -> dict[str, tuple[dict, str | None]]:
        """Resolve one group of identical cites; return its items' (state, year suffix)."""
        used = self.memo.used
        self.memo.used = {}  # the renderings of intermediate states are not worth keeping: the outcome is
        try:
            remaining = self._names_and_givennames(group)
            remaining = self._condition(remaining)
            self._year_suffix(remaining)
            return {key: (self.state(key), self.bib.source.peek(key, "year_suffix")) for key in group}
        finally:
            self.memo.used = used

    def _differing_positions(self, key: str, group: list[str]) -> list[int]:
        """Positions of names that share a family name with another item's name there but not the person."""
        mine = self._names(key)
        out = []
        for i, name in enumerate(mine):
            if "literal" in name:
                continue
            for other in group:
                theirs = self._names(other)
                if (
                    other != key
                    and i < len(theirs)
                    and "literal" not in theirs[i]
                    and family_key(theirs[i]) == family_key(name)
                    and given_pair(theirs[i]) != given_pair(name)
                ):
                    out.append(i)
                    break
        return out

    def _names(self, key: str) -> list:
        """The names a cite shows first: authors, else editors."""
        ref = self.bib.source[key]
        return list(ref.get("author") or ref.get("editor") or [])

    def _global_givennames(self, keys: list[str]) -> None:
        """all-names / primary-name rules: names that share a family name but not a person are expanded."""
        rule = self.citation.get("givenname-disambiguation-rule", "by-cite")
        if not self.option("disambiguate-add-givenname") or rule == "by-cite":
            return
        et_al_min = int(self.citation.get("et-al-min", "0") or 0)
        use_first = int(self.citation.get("et-al-use-first", "1") or 1)
        people: dict[str, set[tuple[str, str]]] = defaultdict(set)
        shown: dict[str, list[list[str]]] = {}

        def people_of(key: str) -> list[list[str]]:
            ref = self.bib.source[key]
            names = [n for n in (ref.get("author") or ref.get("editor") or []) if "literal" not in n]
            if rule.startswith("primary-name"):
                names = names[:1]
            elif et_al_min and len(names) >= et_al_min:
                names = names[:use_first]
            return [[family_key(name), *given_pair(name)] for name in names]

        for key in keys:
            found = self.memo.get(f"n|{self.tags[key]}")  # a function of the item alone (and the style)
            shown[key] = self.memo.put(f"n|{self.tags[key]}", people_of(key)) if found is None else found
            for family, initials, given in shown[key]:
                people[family].add((initials, given))
        for key, names in shown.items():
            levels = {}
            for family, _, _ in names:
                others = people[family]
                if len(others) < 2:
                    continue
                initials = {pair[0] for pair in others}
                if rule.endswith("with-initials") and len(initials) < 2:
                    continue  # initials cannot tell "S. Horvath" from "Steve Horvath": citeproc-js adds none
                level = 1 if len(initials) == len(others) or rule.endswith("with-initials") else 2
                levels[family] = level
            if levels:
                self.state(key)["given_fam"] = levels
                self.state(key)["given_primary"] = rule.startswith("primary-name")

    def _still(self, group: list[str]) -> list[str]:
        texts: dict[str, list[str]] = defaultdict(list)
        for key in group:
            texts[self.render(key)].append(key)
        return [k for ks in texts.values() if len(ks) > 1 for k in ks]

    def _names_and_givennames(self, group: list[str]) -> list[str]:
        """Add names one at a time; at each count, try expanding given names before adding another name."""
        add_names = self.option("disambiguate-add-names")
        add_given = self.option("disambiguate-add-givenname")
        people = {tuple((family_key(n), given_pair(n)) if "literal" not in n else n["literal"] for n in self._names(k))
                  for k in group}  # fmt: skip
        if len(people) < 2:  # the same names everywhere: neither more names nor given names can help
            return group
        most = max(len(self._names(k)) for k in group)
        rule = self.citation.get("givenname-disambiguation-rule", "by-cite")
        levels = [1] if rule.endswith("with-initials") else [1, 2]
        saved = {k: dict(self.state(k)) for k in group}
        remaining = list(group)
        for n in [0] + (list(range(2, most + 1)) if add_names else []):
            if n:
                for key in remaining:
                    self.state(key)["names"] = n
            remaining = [k for k in remaining if k in self._still(group)]
            if not remaining or not add_given:
                if not remaining:
                    break
                continue
            before = {k: dict(self.state(k).get("given_pos", {})) for k in remaining}
            for level in levels:
                for key in remaining:
                    positions = dict(before[key])
                    for i in self._differing_positions(key, group):
                        if not (rule.startswith("primary-name") and i):
                            positions[i] = max(level, positions.get(i, 0))
                    self.state(key)["given_pos"] = positions
                still = self._still(group)
                if not [k for k in remaining if k in still]:
                    break
            now = [k for k in remaining if k in self._still(group)]
            if len(now) == len(remaining):
                for key in remaining:
                    self.state(key)["given_pos"] = before[key]
            remaining = now
            if not remaining:
                break
        if remaining and len(remaining) == len(group):
            for key in group:
                self.state(key).clear()
                self.state(key).update(saved[key])
        return remaining

    def _condition(self, group: list[str]) -> list[str]:
        if not group:
            return group
        for key in group:
            self.state(key)["cond"] = True
        return self._still(group)

    def _year_suffix(self, group: list[str]) -> None:
        if not group or not self.option("disambiguate-add-year-suffix"):
            return
        texts: dict[str, list[str]] = defaultdict(list)
        for key in group:
            self.state(key)["cond"] = False
            texts[self.render(key)].append(key)
        for keys in texts.values():
            if len(keys) < 2:
                continue
            for i, key in enumerate(keys):
                suffix = _letters(i)
                self.state(key)["suffix"] = suffix
                self.bib.source.set_field(key, "year_suffix", suffix)
