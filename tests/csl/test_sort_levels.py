"""Macro sort keys built as citeproc-js builds them: the output levels a cs:date leaves open, the numeric variables
cs:text renders as number blobs, the numbers of a list value, a level's prefix outside its list. Expected orders
are citeproc-js 2.4.63's for the same items and minimal styles (bench/csl_conformance/order_js.js; README
"Order")."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography_ids
from litsite.csl.sort_levels import join_branch, join_level, mark, open_dates, strip

from .probe import probe_style

_DATE = '<macro name="d"><date variable="issued" form="text"/></macro>'


def _order(tmp_path: Path, macro: str, items: list[dict], extra: str = "") -> list[str]:
    """The titles of `items` (books unless typed) in the order of a bibliography sorted by the macro `macro`."""
    style = probe_style(
        tmp_path, '<text variable="title"/>', "", f'<macro name="k">{macro}</macro>{extra}', '<key macro="k"/>', "k"
    )
    full = [{"type": "book", **item, "id": str(n)} for n, item in enumerate(items)]
    return [items[int(i)]["title"] for i, _ in format_bibliography_ids(full, style, "text")]


@pytest.mark.parametrize(
    ("element", "variable", "expected"),
    [
        # cs:text sends only some numeric variables through outputNumericField: "part-number" is a plain string
        ("text", "part-number", ["0", "2", "12a", "abc", "S1"]),
        ("text", "version", ["0", "2", "12a", "abc", "S1"]),
        # "volume" is a number blob: "x|undefined2|" after "x|abc|"
        ("text", "volume", ["0", "12a", "abc", "2", "S1"]),
        # cs:number renders every numeric variable as number blobs
        ("number", "part-number", ["0", "12a", "abc", "2", "S1"]),
    ],
)
def test_which_numeric_variables_are_number_blobs(tmp_path: Path, element: str, variable: str, expected: list) -> None:
    """citeproc-js's CSL.Node.text renders page, chapter-number, collection-number, edition, issue, number,
    number-of-pages, number-of-volumes and volume as number blobs ("undefined" before them when not first in a sort
    key's list); its other numeric variables only through cs:number."""
    values = ["2", "12a", "abc", "S1", "0"]
    macro = f'<group delimiter=" "><text value="x"/><{element} variable="{variable}"/></group>'
    assert _order(tmp_path, macro, [{"title": v, variable: v} for v in values]) == expected


@pytest.mark.parametrize(
    ("volume", "expected"),
    [
        # after "x": "x|undefined3,|undefined5,|7|", "x|undefined3,|5,|6|", "x|undefined3,|4,|9|", "x|3,5,7|" (no
        # space after the comma: one string, no number), "x|undefined3–undefined5,|4|", "x|undefined3|and|5|"
        ("", ["3,5,7", "3, 4, 9", "3, 5, 6", "3 and 5", "3, 5, 7", "3-5, 4"]),
        # a level of its own, first there: "x|3,|undefined5,|7;|", "x|3–undefined5,|4;|"
        (' suffix=";"', ["3, 4, 9", "3, 5, 6", "3 and 5", "3, 5, 7", "3,5,7", "3-5, 4"]),
    ],
)
def test_each_number_of_a_list_is_a_blob(tmp_path: Path, volume: str, expected: list) -> None:
    """A value of several numbers is a run of number blobs: a number that does not continue the one before is
    "seen" and written after "undefined", except the last seen of the run (citeproc-js's checkNext / checkLast)."""
    values = ["3, 5, 7", "3, 5, 6", "3, 4, 9", "3,5,7", "3-5, 4", "3 and 5"]
    macro = f'<group delimiter=" "><text value="x"/><text variable="volume"{volume}/></group>'
    assert _order(tmp_path, macro, [{"title": v, "volume": v} for v in values]) == expected


def test_numbers_with_particles_are_number_blobs(tmp_path: Path) -> None:
    """citeproc-js reads letters (after optional digits) and the zeros after them as a number's particle: "e0130140",
    "fqac083", "08JJ03", "S01" are number blobs ("x|undefinede0130140|"); "12a", "0", "007" are strings."""
    values = ["e0130140", "12a", "fqac083", "0", "08JJ03", "007", "S01"]
    macro = '<group delimiter=" "><text value="x"/><text variable="page"/></group>'
    expected = ["0", "007", "12a", "08JJ03", "e0130140", "fqac083", "S01"]  # citeproc-js 2.4.63
    assert _order(tmp_path, macro, [{"title": v, "page": v} for v in values]) == expected


def test_a_level_prefix_is_not_before_its_number(tmp_path: Path) -> None:
    """A level with a suffix renders its number blobs in its own list, which its prefix wraps: "x|(2)|", no
    "undefined" (chicago-notes-bibliography's "(S1)" of a thesis number)."""
    macro = '<group delimiter=" "><text value="x"/><text macro="m" prefix="(" suffix=")"/></group>'
    items = [{"title": t, "number": t} for t in ("2", "2a", "1")]
    assert _order(tmp_path, macro, items, '<macro name="m"><text variable="number"/></macro>') == ["1", "2", "2a"]


def test_what_follows_a_date_goes_into_the_level_below(tmp_path: Path) -> None:
    """A date opens a level it never closes: the title after a group holding the date joins that group, with its
    delimiter (". " — a separator "|" in the key: "2000.|b" before "2000a"); after a bare macro call it joins the
    macro's level, without delimiter ("2000a")."""
    macro = (
        '<choose><if type="book"><group delimiter=", "><group delimiter=". "><text macro="d"/></group>'
        '<text variable="title"/></group></if><else><group delimiter=", "><text macro="d"/>'
        '<text variable="title"/></group></else></choose>'
    )
    items = [
        {"title": "a", "type": "article", "issued": {"date-parts": [[2000]]}},
        {"title": "b", "issued": {"date-parts": [[2000]]}},
        {"title": "b", "type": "article", "issued": {"date-parts": [[2000]]}},
        {"title": "a", "issued": {"date-parts": [[2000]]}},
    ]
    assert _order(tmp_path, macro, items, _DATE) == ["a", "b", "a", "b"]
    # the two "a" and "b" apart: the books' "2000.|a", "2000.|b" first
    labelled = [{**item, "title": item["title"] + item.get("type", "book")} for item in items]
    assert _order(tmp_path, macro, labelled, _DATE) == ["abook", "bbook", "aarticle", "barticle"]


def test_a_literal_date_opens_an_empty_level(tmp_path: Path) -> None:
    """A date without digits (a literal) opens its level too, with no output and no affixes: the page after it joins
    the group of the volume ("7|12|", before "712|" of the item without a date; citeproc-js 2.4.63)."""
    macro = (
        '<group><group delimiter=" "><text variable="volume"/><text macro="d" prefix="(" suffix=")"/></group>'
        '<text variable="page"/></group>'
    )
    items = [
        {"title": "no date", "volume": "7", "page": "12"},
        {"title": "literal date", "volume": "7", "issued": {"literal": "forthcoming"}, "page": "12"},
    ]
    assert _order(tmp_path, macro, items, _DATE) == ["literal date", "no date"]


@pytest.mark.parametrize(
    ("around", "expected"),
    [
        # the date's level in the group that has the volume: "7,|12|" as without a date, before "7,|13|"
        ('<group delimiter=", "><text variable="volume"/><text macro="d"/><text variable="page"/></group>', "LNN"),
        # the date in a group of its own, then the page: still the ", " of the group it went into
        ('<group delimiter=", "><text variable="volume"/><group delimiter="; "><text macro="d"/></group>'
         '<text variable="page"/></group>', "LNN"),
        # the date's group gets "z" too: "7,|z;|12|" sorts after "7,|13|"
        ('<group delimiter=", "><text variable="volume"/><group delimiter="; "><text macro="d"/><text value="z"/>'
         '</group><text variable="page"/></group>', "NNL"),
    ],
)  # fmt: skip
def test_a_level_empty_when_it_opens_gets_the_delimiter_before_it(tmp_path: Path, around: str, expected: str) -> None:
    """citeproc-js joins a level's children when it writes them: a literal date's level, empty when the group puts it
    after the volume, is preceded by the group's delimiter once the page goes into it ("7,|12|", not "7|12|"; the
    orders are citeproc-js 2.4.63's)."""
    date = '<macro name="d"><date variable="issued"><date-part name="year"/></date></macro>'
    items = [
        {"title": "L", "volume": "7", "issued": {"literal": "forthcoming"}, "page": "12"},
        {"title": "N", "volume": "7", "page": "13"},
        {"title": "N", "volume": "7", "page": "12a"},
    ]
    assert "".join(_order(tmp_path, around, items, date)) == expected


def test_marks_of_open_levels() -> None:
    """The insertion marks: a date's level stays open through the levels around it; what comes next goes into the
    first (innermost) open level, after its delimiter; a level that ends closes the current one. citeproc-js's keys
    for these shapes (a date, then "yy", "zz", "ww" in nested groups): '<2000yy|-|zz|-|ww>|', '<2000yy|-|zz>,|ww|'."""
    date = open_dates(["D"])  # the macro holding the date: its own level left open, delimiter ""
    inner = join_level([date, "yy"], " - ")  # <group delimiter=" - "> [macro, "yy"]: "yy" went into the macro
    wrapped = "<" + inner + ">"
    assert strip(join_level([wrapped, "zz", "ww"], ", ")) == "<Dyy - zz - ww>"
    # one more level around: "ww" after the outer group joins it (", "), "zz" the inner one (" - ")
    outer = join_level([wrapped, "zz"], ", ")
    assert strip(join_level([outer, "ww"], "")) == "<Dyy - zz>, ww"
    # a cs:choose branch is no level: it keeps the open level for its parent
    assert strip(join_level([join_branch([wrapped], ", "), "zz"], ", ")) == "<Dyy - zz>"
    assert strip(date) == "D" and mark(", ", False) != strip(mark(", ", False))


def test_a_macro_in_a_key_is_a_group(tmp_path: Path) -> None:
    """A macro that calls variables and renders none of them is empty in a sort key too, the key's own macro as well
    as a macro it calls (citeproc-js: "xb|" for an item without volume, not "xbww|"; no key, not "ww|")."""
    nested = '<text value="x"/><text variable="title"/><text macro="m"/>'
    extra = '<macro name="m"><text value="ww"/><text variable="volume"/></macro>'
    items = [{"title": "bwa"}, {"title": "b"}, {"title": "a", "volume": "3"}]
    assert _order(tmp_path, nested, items, extra) == ["a", "b", "bwa"]  # "xb" before "xbwa" (before "xbww")
    items = [{"title": "no volume"}, {"title": "3", "volume": "3"}]
    assert _order(tmp_path, '<text value="ww"/><text variable="volume"/>', items) == ["3", "no volume"]


_MONTH_DAY = '<macro name="md"><date variable="issued"><date-part name="month"/><date-part name="day"/></date></macro>'


@pytest.mark.parametrize(
    "between",
    [
        '<choose><if variable="title"><text macro="md"/></if></choose>',  # a branch is no level
        '<group><text macro="md"/></group>',
        # a macro with a date of its own (absent here) around the call
        '<text macro="md"/><date variable="accessed"><date-part name="year"/></date>',
    ],
)
def test_a_suppressed_group_after_a_date_loses_its_last_output(tmp_path: Path, between: str) -> None:
    """A date shown as month and day has no value for an item with only a year, so the groups around it are
    suppressed; citeproc-js pops the last output of the level current at a group's end, which after the date's
    unclosed level is the group's own: the macro holding the date keeps its digits ("J100000000100000000|"), a
    level around that macro loses them ("J|"). citeproc-js 2.4.63: keys "J|", "J|2|", "J100000300100000000|"."""
    extra = f'{_MONTH_DAY}<macro name="m2">{between}</macro>'
    macro = '<group><text variable="container-title"/><text macro="m2"/></group>'
    items = [
        {"title": "a", "container-title": "J", "issued": {"date-parts": [[1986]]}},
        {"title": "b", "container-title": "J 2"},
        {"title": "c", "container-title": "J", "issued": {"date-parts": [[1986, 3]]}},
    ]
    assert _order(tmp_path, macro, items, extra) == ["a", "b", "c"]


def test_a_suppressed_macro_holding_the_date_keeps_its_digits(tmp_path: Path) -> None:
    """The macro holding the date is suppressed too, but what it pops is the date's own (empty) level: its digits
    sort ("J100000000100000000|" after "J|2|", citeproc-js 2.4.63)."""
    macro = '<group><text variable="container-title"/><text macro="md"/></group>'
    items = [
        {"title": "a", "container-title": "J", "issued": {"date-parts": [[1986]]}},
        {"title": "b", "container-title": "J 2"},
    ]
    assert _order(tmp_path, macro, items, _MONTH_DAY) == ["b", "a"]


def test_output_after_an_emptied_open_level_takes_the_enclosing_delimiter(tmp_path: Path) -> None:
    """A suppressed macro left its level open and empty after "T"; "J" goes into it, and the enclosing group's
    delimiter comes before it when the levels are flattened (citeproc-js 2.4.63: keys "T:|J|", "TB|", "T:|Z|")."""
    extra = f'{_MONTH_DAY}<macro name="m2"><group><text macro="md"/></group></macro>'
    macro = '<group delimiter=": "><text variable="note"/><text macro="m2"/><text variable="container-title"/></group>'
    items = [
        {"title": "1", "note": "T", "container-title": "J", "issued": {"date-parts": [[1986]]}},
        {"title": "2", "note": "TB"},
        {"title": "3", "note": "T", "container-title": "Z"},
    ]
    assert _order(tmp_path, macro, items, extra) == ["1", "3", "2"]


def test_a_date_macro_keeps_the_level_of_a_taken_out_macro(tmp_path: Path) -> None:
    """A date macro ("o", with a cs:date of its own the item lacks) calling a plain macro that calls a date macro
    printing nothing (a month of a year-only date): the plain macro is taken out, but the level the inner date
    opened stays open, so what follows the volume's group joins the macro's level with no delimiter. citeproc-js
    2.4.63's keys: "22579|", "22undefined579–588|", "22:|12|" (no date), "22|(100000300100000000)undefined579|"."""
    extra = (
        '<macro name="o"><choose><if variable="available-date">'
        '<date variable="available-date" form="numeric" date-parts="year"/></if>'
        '<else><text macro="m1"/></else></choose></macro><macro name="m1"><text macro="md"/></macro>'
        '<macro name="md"><date variable="issued"><date-part name="month"/></date></macro>'
        '<macro name="v"><group delimiter=" "><text variable="volume"/>'
        '<group delimiter=", " prefix="(" suffix=")"><text macro="o"/></group></group></macro>'
    )
    macro = '<group delimiter=": "><text macro="v"/><text variable="page"/></group>'
    year, march = {"date-parts": [[1961]]}, {"date-parts": [[1961, 3]]}
    items = [
        {"title": "a", "volume": "22", "page": "579", "issued": year},
        {"title": "b", "volume": "22", "page": "579-588", "issued": year},
        {"title": "c", "volume": "22", "page": "12"},
        {"title": "d", "volume": "22", "page": "579", "issued": march},
    ]
    assert _order(tmp_path, macro, items, extra) == ["c", "d", "b", "a"]  # citeproc-js 2.4.63 (order_js.js)
