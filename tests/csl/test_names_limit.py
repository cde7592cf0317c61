"""Long name lists and et-al-use-last as citeproc-js renders them (litsite/csl/names_limit.py), each rule on a minimal
inline style; every expected text is citeproc-js 2.4.63's output for the same style and items (bench/citeproc_js)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import Cite, Formatter
from litsite.csl.names_limit import cut, et_al_cut

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {root}>
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<macro name="m"><names variable="author"><name form="short" {name}/></names></macro>
<citation disambiguate-add-names="true" {citation}><layout><text macro="m"/></layout></citation>
<bibliography {bibliography}><layout><names variable="author"><name/></names></layout></bibliography></style>"""


def _people(*families: str) -> list[dict]:
    return [{"family": family, "given": "G"} for family in families]


def _run(tmp_path: Path, items: list[dict], **attrs: str) -> tuple[list[str], list[str]]:
    """(citations, entries) of `items`, each cited alone, under STYLE with the attributes given."""
    path = tmp_path / "s.csl"
    fields = {"root": "", "name": "", "citation": "", "bibliography": "", **attrs}
    path.write_text(STYLE.format(**fields), encoding="utf-8")
    result = Formatter(path, None).format(items, [[Cite(item["id"])] for item in items], "text")
    return list(result.citations), [entry.strip() for _, entry in result.entries]


def _two(common: int, tail_c: list[str], tail_d: list[str]) -> list[dict]:
    """Two books whose author lists share `common` names and part after them."""
    shared = [f"N{i:02d}" for i in range(common)]
    return [
        {"id": "c", "type": "book", "author": _people(*shared, *tail_c)},
        {"id": "d", "type": "book", "author": _people(*shared, *tail_d)},
    ]


@pytest.mark.parametrize(
    ("attrs", "shown"),
    [
        # M (the largest et-al-min the citation area writes) found on cs:style, cs:citation or a macro's cs:name
        ({"root": 'et-al-min="3" et-al-use-first="1"'}, "N00, N01, N02, N03, {}, et al."),
        ({"citation": 'et-al-min="3" et-al-use-first="1"'}, "N00, N01, N02, N03, {}, et al."),
        ({"name": 'et-al-min="3" et-al-use-first="1"'}, "N00, N01, N02, N03, {}, et al."),
        ({"root": 'et-al-min="3" et-al-use-first="1"', "citation": 'et-al-min="5" et-al-use-first="1"'},
         "N00, N01, N02, N03, N04, N05, {}, et al."),
    ],
)  # fmt: skip
def test_a_list_over_fifty_names_keeps_its_first_and_last(tmp_path: Path, attrs: dict, shown: str) -> None:
    # 62 names that part at the 61st: citeproc-js cuts each list to its first M + 1 names and its last, so the
    # cites are told apart by their last names
    cites, _ = _run(tmp_path, _two(60, ["Xa", "Zy"], ["Yb", "Zz"]), **attrs)
    assert cites == [shown.format("Zy"), shown.format("Zz")]


def test_a_list_of_fifty_names_is_not_cut(tmp_path: Path) -> None:
    # 50 names and 51: only the longer one is cut (N00–N03 and its last), which tells the two apart at the fifth name
    cites, _ = _run(tmp_path, _two(49, ["Xa"], ["Yb", "Zz"]), citation='et-al-min="3" et-al-use-first="1"')
    assert cites == ["N00, N01, N02, N03, N04, et al.", "N00, N01, N02, N03, Zz, et al."]


def test_names_added_up_to_where_lists_part(tmp_path: Path) -> None:
    # lists of 33 names that part at the 31st: all 31 are shown (litsite stopped at 20 and added year suffixes)
    cites, _ = _run(tmp_path, _two(30, ["Xa", "Zy"], ["Yb", "Zz"]), citation='et-al-min="3" et-al-use-first="1"')
    assert cites[0].endswith("N28, N29, Xa, et al.") and cites[1].endswith("N28, N29, Yb, et al.")
    assert cites[0].count(",") == 31


@pytest.mark.parametrize(
    ("givenname", "expected"),
    [
        # et-al-use-last: at most et-al-min - 2 names before the ellipsis, whatever et-al-use-first or the names the
        # cite was given; those names reach the entry only when the style also adds given names
        ("", ["G A, G B, … G H", "G A, G B, … G H", "G K, G L, G M, G N"]),
        ('disambiguate-add-givenname="true"', ["G A, G B, G C, G D, … G H", "G A, G B, G C, G D, … G H",
                                               "G K, G L, G M, G N"]),
    ],
)  # fmt: skip
def test_et_al_use_last_shows_at_most_et_al_min_less_two(tmp_path: Path, givenname: str, expected: list) -> None:
    items = [
        {"id": "c", "type": "book", "author": _people(*"ABCDEFGH")},
        {"id": "d", "type": "book", "author": _people(*"ABCDEXGH")},
        {"id": "e", "type": "book", "author": _people(*"KLMN")},
    ]
    citation = f'et-al-min="3" et-al-use-first="1" {givenname}'
    bibliography = 'et-al-min="6" et-al-use-first="2" et-al-use-last="true"'
    cites, entries = _run(tmp_path, items, citation=citation, bibliography=bibliography)
    assert cites == ["A, B, C, D, E, F, et al.", "A, B, C, D, E, X, et al.", "K et al."]
    assert entries == expected


def test_et_al_use_last_with_use_first_next_to_et_al_min(tmp_path: Path) -> None:
    # et-al-min 4, et-al-use-first 3: two names and the last (litsite wrote "G K, G L, G M, et al.")
    items = [{"id": "e", "type": "book", "author": _people(*"KLMN")}]
    _, entries = _run(tmp_path, items, bibliography='et-al-min="4" et-al-use-first="3" et-al-use-last="true"')
    assert entries == ["G K, G L, … G N"]


def test_the_rules_alone() -> None:
    assert cut(list(range(51)), 3) == [0, 1, 2, 3, 50]
    assert cut(list(range(50)), 3) == list(range(50))
    assert cut(list(range(60)), 0) == list(range(60))
    assert cut(list(range(60)), 58) == list(range(60))  # not over M + 2
    assert et_al_cut(7, 3, 5, 5, False, False) == 7  # et-al-min below et-al-use-first: nothing is cut ("sane")
    assert et_al_cut(7, 6, 2, 2, True, True) == 2  # compared cites: no et-al-use-last cap
    assert et_al_cut(5, 6, 2, 2, True, False) == 5
