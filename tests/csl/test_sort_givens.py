"""Given names in sort keys raised by citeproc-js's name registry (litsite/csl/sort_givens.py).

Every expected order below is citeproc-js 2.4.63's (bench/csl_conformance/order_js.js) on the same items and the
same minimal style: a citation showing the authors' short names with the given options, a bibliography sorted by a
macro rendering the authors (`name` attributes per case), then the title.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import Cite, Formatter
from litsite.csl.memo import Memo


def _a(family: str, given: str) -> dict:
    return {"family": family, "given": given}


_ITEMS = [
    {"id": "a", "title": "a", "author": [_a("Wang", "Jing"), _a("Wang", "Jun")]},
    {"id": "b", "title": "b", "author": [_a("Wang", "J."), _a("Wang", "Jzz")]},
    {"id": "c", "title": "c", "author": [_a("Smith", "John")]},
    {"id": "d", "title": "d", "author": [_a("Smith", "Adam")]},
    {"id": "e", "title": "e", "author": [_a("Smith", "Zed")]},
    {"id": "f", "title": "f", "author": [_a("Brown", "Kate"), _a("Brown", "Ann")]},
    {"id": "g", "title": "g", "author": [_a("Brown", "Al")]},
    {"id": "h", "title": "h", "author": [_a("Lee", "J. R.")]},
    {"id": "i", "title": "i", "author": [_a("Lee", "Jr")]},
    {"id": "k", "title": "b0", "author": [_a("Brown", "Ann")]},
]
_INITIALS = ' initialize-with=". "'


def _style(tmp_path: Path, rule: str | None, name_attrs: str) -> Path:
    citation = ""
    if rule is not None:
        citation = 'disambiguate-add-givenname="true"' + (f' givenname-disambiguation-rule="{rule}"' if rule else "")
    path = tmp_path / "givens.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>g</title><id>g</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
        f'<macro name="k"><names variable="author"><name name-as-sort-order="all"{name_attrs}/></names></macro>'
        f'<citation {citation}><layout><names variable="author"><name form="short"/></names></layout></citation>'
        '<bibliography><sort><key macro="k"/><key variable="title"/></sort>'
        '<layout><text variable="title"/></layout></bibliography></style>',
        encoding="utf-8",
    )
    return path


def _order(style: Path, items: list[dict], cited: bool = True, memo: Memo | None = None) -> str:
    items = [{"type": "book", **item} for item in items]
    clusters = [[Cite(item["id"])] for item in items] if cited else []
    return "".join(i for i, _ in Formatter(style, "en-US").format(items, clusters, "text", memo).entries)


@pytest.mark.parametrize(
    ("rule", "name_attrs", "expected"),
    [
        (None, _INITIALS, "kgfihdceab"),  # no disambiguate-add-givenname: the key as the macro writes it
        # by-cite (the default): only names of the same item count ("Wang, Jing, Wang, Jun" as written; "Wang, J.,
        # Wang, Jzz" keeps its written "J."); Smith John/Adam/Zed of different items stay initials
        ("", _INITIALS, "kgfihdceba"),
        ("by-cite", _INITIALS, "kgfihdceba"),
        # all-names: every item's names: "Brown, Al" (g) and "Brown, Ann" (k) share "A." and sort as written
        ("all-names", _INITIALS, "gkfihdceba"),
        ("all-names", ' form="short"', "gkfhidceba"),  # short names get their given names ("Lee, J. R." < "Lee, Jr")
        ("primary-name", _INITIALS, "gkfihdceba"),  # first names only ("Wang, Jing, Wang, J.")
        ("primary-name-with-initials", ' form="short"', "kgfihdceab"),  # initials without a mark: "Lee J" < "Lee JR"
        ("all-names-with-initials", _INITIALS, "kgfihdceab"),  # never beyond initials
    ],
)
def test_given_names_in_sort_keys_as_the_name_registry_raises_them(
    tmp_path: Path, rule: str | None, name_attrs: str, expected: str
) -> None:
    """CSL.Registry.NameReg.evalname in sort keys, whatever the order the items are cited or listed in."""
    style = _style(tmp_path, rule, name_attrs)
    assert _order(style, _ITEMS) == expected
    assert _order(style, _ITEMS[::-1]) == expected
    assert _order(style, _ITEMS, cited=False) == expected


def test_a_shared_registry_reorders_a_memoised_bibliography(tmp_path: Path) -> None:
    """Under all-names an item's key depends on the others: a formatter that sorted "Brown, A." (g, Al) before
    "Brown, A. B." re-sorts g by its full given name once "Brown, Ann" shares its initial (citeproc-js: "gy",
    then "ygk")."""
    style = _style(tmp_path, "all-names", _INITIALS)
    memo = Memo()  # what a rebuild reuses: sort values and the previous order
    items = [_ITEMS[6], {"id": "y", "title": "a", "author": [_a("Brown", "A. B.")]}]
    assert _order(style, items, memo=memo) == "gy"
    assert _order(style, [*items, _ITEMS[9]], memo=memo) == "ygk"
