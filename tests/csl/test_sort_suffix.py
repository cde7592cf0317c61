"""citeproc-js's year-suffix inside a bibliography sort key (litsite/csl/sort_suffix.py): an item tainted by a later
item's name (a family's second initials form) gets its key again, with the year-suffix the previous update gave it,
and sorts after the items of its group whose keys have none. Expected orders are citeproc-js 2.4.63's for the same
style and items, each item cited once in turn (bench/csl_conformance/order_js.js with citations)."""

from __future__ import annotations

from pathlib import Path

from litsite.csl.engine import Cite, Formatter
from litsite.csl.sort_suffix import letters, steps_of, tainted_suffixes

_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><title>suffix</title><id>suffix</id><updated>2020-01-01T00:00:00+00:00</updated></info>
<macro name="year"><date variable="issued" form="numeric" date-parts="year"/></macro>
<macro name="date"><choose><if variable="available-date"><date variable="available-date"/></if>
<else><group><text macro="year"/><text variable="year-suffix"/></group></else></choose></macro>
<citation disambiguate-add-givenname="true" disambiguate-add-year-suffix="true"
 givenname-disambiguation-rule="{rule}"><layout><group delimiter=" ">
<names variable="author"><name form="short"/></names><text macro="date"/></group></layout></citation>
<bibliography><sort><key macro="date"/><key variable="title"/></sort>
<layout><text variable="title"/></layout></bibliography></style>"""


def _order(tmp_path: Path, rule: str, items: list[dict]) -> list[str]:
    style = tmp_path / "suffix.csl"
    style.write_text(_STYLE.replace("{rule}", rule), encoding="utf-8")
    clusters = [[Cite(item["id"])] for item in items]
    return [i for i, _ in Formatter(style, "en-US").format(items, clusters, "text").entries]


def _items() -> list[dict]:
    def book(id_: str, given: str, year: int, title: str) -> dict:
        author = [{"family": "Doe", "given": given}]
        return {"id": id_, "type": "book", "author": author, "issued": {"date-parts": [[year]]}, "title": title}

    # a ("A", 2000a) and b ("B", 2000b) are cited first; c, a Doe with other initials, taints both
    return [book("a", "John", 2000, "A"), book("b", "John", 2000, "B"), book("c", "Kim", 1990, "C")]


def test_a_tainted_item_keeps_its_year_suffix_in_its_key(tmp_path: Path) -> None:
    """citeproc-js's keys: a "2000undefineda", b "2000undefinedb", c "1990"; order c, a, b. Cited b, c, a: b is
    alone in its group when c taints it (no suffix yet), a is new last: keys without suffix, order c, a, b."""
    items = _items()
    assert _order(tmp_path, "primary-name", items) == ["c", "a", "b"]
    assert _order(tmp_path, "primary-name", [items[1], items[2], items[0]]) == ["c", "a", "b"]


def test_the_suffix_sorts_after_the_group_items_without_one(tmp_path: Path) -> None:
    """Cited a, b, c, d: c taints a and b ("2000undefineda", "2000undefinedb"); d (same cite, title "Z") is new last,
    its key "2000" has no suffix, so citeproc-js orders c, d, a, b although d's title sorts last. Cited b, a, c
    with b's title "0": b got "a" first, so b before a."""
    items = _items()
    last = {**items[0], "id": "d", "title": "Z"}
    assert _order(tmp_path, "primary-name", [*items, last]) == ["c", "d", "a", "b"]
    items[1]["title"] = "0"
    assert _order(tmp_path, "primary-name", [items[1], items[0], items[2]]) == ["c", "b", "a"]


def test_no_taint_under_by_cite(tmp_path: Path) -> None:
    """Under by-cite the registry is per item: c taints no other item, the keys hold no suffix (order by title)."""
    items = _items()
    last = {**items[0], "id": "d", "title": "Z"}
    assert _order(tmp_path, "by-cite", [*items, last]) == ["c", "a", "b", "d"]


def test_the_taint_model() -> None:
    """A family's second initials form taints the items registered under the family before (by the rule)."""
    persons = {"a": [("Doe", "J", "John")], "b": [("Doe", "J", "John")], "c": [("Doe", "K", "Kim")]}
    group = {"a": 1, "b": 1}
    final = {"a": "a", "b": "b"}
    steps = steps_of([["a"], ["b"], ["c"]], ["a", "b", "c"])
    assert tainted_suffixes(steps, persons, group, final) == {"a": "a", "b": "b"}
    # c before b: when c taints a, a is alone in its group (no suffix yet)
    assert tainted_suffixes(steps_of([["a"], ["c"], ["b"]], ["a", "b", "c"]), persons, group, final) == {}
    assert [letters(n) for n in (0, 25, 26)] == ["a", "z", "aa"]


def test_dates_without_a_year_do_not_fail(tmp_path: Path) -> None:
    """Items whose issued date has no year of its own (a range, a literal, a season only) are grouped without one;
    formatting works."""
    items = _items()
    items.append({**items[0], "id": "d", "issued": {"literal": "forthcoming"}})
    items.append({**items[0], "id": "e", "issued": {"season": 1}})
    items.append({**items[0], "id": "f", "issued": {"date-parts": [[2000, 5], [2001, 6]]}})
    items.append({**items[0], "id": "g", "issued": {"date-parts": [[2000, 5], [2001, 6]]}})
    assert sorted(_order(tmp_path, "primary-name", items)) == ["a", "b", "c", "d", "e", "f", "g"]
