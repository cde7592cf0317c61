""" "et al." written into a name, in sort keys (litsite/csl/sort_etal.py).

Expected orders are citeproc-js 2.4.63's (bench/csl_conformance/order_js.js) for these items under this minimal
style: a bibliography sorted by the authors (a macro with initials, or the variable), then the title descending,
with the et-al options on cs:bibliography given per case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import Cite, Formatter


def _a(family: str, given: str, et_al: bool = False) -> dict:
    return {"family": family, "given": given, **({"dropping-particle": "et al."} if et_al else {})}


_LISTS = {
    "N": [_a("Doe", "Jane")],
    "E": [_a("Doe", "Jane", True)],  # "Doe, Jane et al."
    "G": [{"family": "Doe", "given": "Jane, et al."}],  # citeproc-js reads it as the particle
    "NN": [_a("Doe", "Jane"), _a("Roe", "Rob")],
    "EN": [_a("Doe", "Jane", True), _a("Roe", "Rob")],
    "NEN": [_a("Doe", "Jane"), _a("Roe", "Rob", True), _a("Poe", "Pat")],
    "NNE": [_a("Doe", "Jane"), _a("Roe", "Rob"), _a("Poe", "Pat", True)],
    "NNNN": [_a("Doe", "Jane"), _a("Roe", "Rob"), _a("Poe", "Pat"), _a("Moe", "Max")],
}
_TITLES = {"N": "a", "G": "b", "E": "z"}  # equal keys come by title, descending
_ITEMS = [{"id": k, "type": "book", "title": _TITLES.get(k, k), "author": v} for k, v in _LISTS.items()]
_NAME = '<name name-as-sort-order="all" initialize-with=". "/>'
_MACRO = f'<macro name="k"><names variable="author">{_NAME}</names></macro>'


def _order(tmp_path: Path, key: str, bibliography: str) -> str:
    path = tmp_path / "etal.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        f"<info><title>e</title><id>e</id><updated>2020-01-01T00:00:00+00:00</updated></info>{_MACRO}"
        '<citation><layout><text value="x"/></layout></citation>'
        f'<bibliography {bibliography}><sort>{key}<key variable="title" sort="descending"/></sort>'
        '<layout><text variable="title"/></layout></bibliography></style>',
        encoding="utf-8",
    )
    clusters = [[Cite(item["id"])] for item in _ITEMS]
    return " ".join(i for i, _ in Formatter(path, "en-US").format(_ITEMS, clusters, "text").entries)


@pytest.mark.parametrize("key", ['<key macro="k"/>', '<key variable="author"/>'])
@pytest.mark.parametrize(
    ("bibliography", "expected"),
    [
        # the names, then "et al." ("Doe J. et al.", "Doe J., Roe R., et al."): after the same names without it
        ("", "N E G NN EN NNE NEN NNNN"),
        # under et-al-use-last the list cut there shows the names with an ellipsis before the last: "Doe J." alone
        # ties "Doe J." (by title), "Doe J. … Roe R." sorts before "Doe J., Roe R."
        ('et-al-use-last="true"', "E G N EN NN NNE NEN NNNN"),
        # only the names the key keeps count: "Doe J. … Poe P." (NNE) but "Doe J., Poe P." (NEN, Roe cut)
        ('et-al-min="3" et-al-use-first="1" et-al-use-last="true"', "E G N NNE EN NNNN NEN NN"),
        ('et-al-min="4" et-al-use-first="2"', "N E G NNNN NN EN NNE NEN"),
    ],
)
def test_et_al_written_in_a_name_ends_the_key_as_citeproc_js_ends_it(
    tmp_path: Path, key: str, bibliography: str, expected: str
) -> None:
    assert _order(tmp_path, key, bibliography) == expected
