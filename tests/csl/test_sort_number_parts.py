"""Number blobs read part by part in macro sort keys (litsite/csl/sort_number_parts.py): citeproc-js splits a numeric
value into parts, and only the parts whose value is an integer without leading zero are number blobs, "undefined"
before them where citeproc-js joins them with its undefined delimiter. Each expected order is citeproc-js 2.4.63's
for the same items and minimal style (bench/csl_conformance/order_js.js); its keys are quoted in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography_ids
from litsite.csl.sort_number_parts import PART_END, WRAP, mark_parts

from .probe import probe_entry, probe_style


def _order(tmp_path: Path, macro: str, variable: str, values: list[str], attrs: str = "", extra: str = "") -> list:
    """The values in the order of a bibliography sorted by the macro `macro` (one book per value)."""
    style = probe_style(
        tmp_path, '<text variable="title"/>', attrs, f'<macro name="k">{macro}</macro>{extra}', '<key macro="k"/>'
    )
    items = [{"type": "book", "title": v, variable: v, "id": str(n)} for n, v in enumerate(values)]
    return [values[int(i)] for i, _ in format_bibliography_ids(items, style, "text")]


def test_only_integer_parts_of_a_range_are_number_blobs(tmp_path: Path) -> None:
    """ "12a-13": "x|12a–undefined13|" (12a is a string, 13 a blob after it); "5-06": "x|undefined5–06|" (0 is the
    particle of 6, which follows 5); "380B-381": "x|undefined380B-381|" (re-split as 380 + "B-" and 381)."""
    macro = '<group delimiter=" "><text value="x"/><number variable="number"/></group>'
    values = ["12a-13", "12a-14", "12a-13b", "5-06", "5-07", "5-6", "380B-381", "380B-382", "380-381"]
    expected = ["12a-13b", "12a-13", "12a-14", "5-06", "5-6", "5-07", "380-381", "380B-381", "380B-382"]
    assert _order(tmp_path, macro, "number", values) == expected


def test_a_word_that_labels_nothing_stays_in_the_value(tmp_path: Path) -> None:
    """ "3rd ser., 14": the part "3rd ser." is a string (a label word after a word is merged back), 14 a number blob
    after it: "x|3rd|ser.,|undefined14|", after "x|3rd|ser.,|abc|"; "3rd ser. 14" is one string "x|3rd|ser.|14|"."""
    macro = '<group delimiter=" "><text value="x"/><text variable="collection-number"/></group>'
    values = ["3rd ser., 14", "3rd ser., 2", "3rd ser., abc", "3rd ser. 14", "2nd ser., 9"]
    expected = ["2nd ser., 9", "3rd ser. 14", "3rd ser., abc", "3rd ser., 2", "3rd ser., 14"]
    assert _order(tmp_path, macro, "collection-number", values) == expected


def test_a_date_macro_with_no_date_leaves_no_delimiter(tmp_path: Path) -> None:
    """A macro holding a cs:date sorts by its dates only; with none it is empty, and no delimiter comes before the
    page after it: "89|" (first in the key, no "undefined"), before "abc|"."""
    extra = (
        '<macro name="m"><group delimiter=" "><choose><if variable="available-date">'
        '<date variable="available-date" form="text"/></if></choose><text term="no date" form="short"/></group></macro>'
    )
    macro = '<group delimiter=", "><text macro="m"/><text variable="page"/></group>'
    assert _order(tmp_path, macro, "page", ["abc", "89"], extra=extra) == ["89", "abc"]


@pytest.mark.parametrize(
    ("variable", "value", "rendered", "blobs"),
    [
        ("number", "5-06", "5–06", ["5", "06"]),
        ("number", "99-02", "99–02", ["99"]),  # 99 > 2 and no page-range-format: "02" is not re-split, a string
        ("number", "12a-13", "12a–13", ["13"]),
        ("volume", "3, 5, 7", "3, 5, 7", ["3", "5", "7"]),
        ("volume", "A5", "A5", ["A5"]),  # a particle and a number
        ("volume", "II", "II", []),  # collapsible, but no integer
        ("volume", "abc 5", "abc 5", []),  # the first part is no number: none is
        ("number", "1/2", "1/2", []),
        ("page", "vol. 5", "vol. 5", None),  # a label: not read here
    ],
)
def test_mark_parts(variable: str, value: str, rendered: str, blobs: list | None) -> None:
    """The parts marked as number blobs (citeproc-js's processNumber and outputNumericField)."""
    marked = mark_parts(variable, value, rendered)
    if blobs is None:
        assert marked is None
        return
    assert marked is not None
    found = [part.split(PART_END)[0] for part in marked.split(WRAP[0])[1:]]
    assert found == blobs
    assert marked.replace(WRAP[0], "").replace(WRAP[1], "").replace(PART_END, "") == rendered


def test_a_numeric_variable_key_is_padded_with_javascript_numbers(tmp_path: Path) -> None:
    """<key variable="volume"/>: citeproc-js's CSL.Util.padding reads the first number with its minus sign and
    writes it as JavaScript does: "A-3", "A-5", "TR-2004-12" and "-1" are negative, 1e20 each
    ("100000000000000000000|"), so they tie (registry order) after 2 and before 123456789012345678901
    ("123456789012345680000|"); 123456789012345678901234 is "1.2345678901234569e+23|", a text, first."""
    values = ["A-5", "A-3", "2", "TR-2004-12", "123456789012345678901234", "123456789012345678901", "-1"]
    style = probe_style(tmp_path, '<text variable="title"/>', sort='<key variable="volume"/>')
    items = [{"type": "book", "title": v, "volume": v, "id": str(n)} for n, v in enumerate(values)]
    order = [values[int(i)] for i, _ in format_bibliography_ids(items, style, "text")]
    assert order == [
        "123456789012345678901234",
        "2",
        "A-5",
        "A-3",
        "TR-2004-12",
        "-1",
        "123456789012345678901",
    ]


def test_a_suffix_level_renders_its_blobs_after_a_string_with_undefined(tmp_path: Path) -> None:
    """A numeric cs:text with a suffix is a level of its own that renders all its parts: 380 after the string part
    "08 & " gets "undefined" ("x|08|&|undefined380;|"), and sorts after "x|08|&|abc;|"."""
    macro = '<group delimiter=" "><text value="x"/><text variable="page" suffix=";"/></group>'
    values = ["08 & 380", "08 & 5", "08 & abc", "08 & 40a"]
    assert _order(tmp_path, macro, "page", values) == ["08 & 40a", "08 & abc", "08 & 5", "08 & 380"]


def test_a_prefix_level_renders_nothing_from_its_first_blob_on(tmp_path: Path) -> None:
    """With a prefix and no suffix, citeproc-js's level renders only what comes before its first number blob; the
    blob (with the prefix) and what follows go to the enclosing list: "x|undefinedv381|&||abc|", before
    "x|undefinedvuv2|"."""
    macro = '<group delimiter=" "><text value="x"/><text variable="issue" prefix="v"/></group>'
    assert _order(tmp_path, macro, "issue", ["uv2", "381 & abc", "abc"]) == ["381 & abc", "uv2", "abc"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("08", "08"), ("01, 02", "01, 02"), ("3-5", "3-5"), ("3–5", "3–5"), ("5-06", "5-06"), ("2nd", "2nd")],
)
def test_cs_number_reads_every_numeric_variable(tmp_path: Path, value: str, expected: str) -> None:
    """cs:number sends every numeric variable through processNumber: part-number "08" stays "08" (a string blob),
    and a range keeps its hyphen (fixRanges skips part-number); citeproc-js 2.4.63 prints the same."""
    entry = probe_entry(tmp_path, '<number variable="part-number"/>', {"part-number": value})
    assert entry.strip() == expected


@pytest.mark.parametrize(
    ("item_type", "expected"), [("legal_case", ["23002-CA", "abc"]), ("book", ["abc", "23002-CA"])]
)
def test_a_legal_case_number_has_no_ranges(tmp_path: Path, item_type: str, expected: list[str]) -> None:
    """processNumber escapes the hyphens of a legal case's number, so "22693-CA, 23002-CA" is two strings:
    "x|22693-CA,|23002-CA|" (before "x|22693-CA,|abc|"); a book's is split at its hyphens, 23002 a number blob after a
    string: "x|22693-CA,|undefined23002-CA|" (after "…abc|")."""
    style = probe_style(
        tmp_path,
        '<text variable="title"/>',
        "",
        '<macro name="k"><group delimiter=" "><text value="x"/><text variable="number"/></group></macro>',
        '<key macro="k"/>',
    )
    items = [
        {"type": item_type, "title": tail, "number": f"22693-CA, {tail}", "id": str(n)}
        for n, tail in enumerate(["23002-CA", "abc"])
    ]
    assert [items[int(i)]["title"] for i, _ in format_bibliography_ids(items, style, "text")] == expected
