"""A cs:date in a sort key macro whose shown date-parts the item lacks (a month-day date of a year-only item).

Expected orders are citeproc-js 2.4.63's for the same items and the same minimal style
(bench/csl_conformance/order_js.js, whose sort keys are quoted): the key macro itself keeps the date's key
("100000000100000000"), but a cs:group around the date is suppressed like a group of empty variables, and the key
is empty (null) — chicago-author-date's source-bib puts a report before an article-journal that sorts alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography_ids

from .probe import probe_style

_MONTH = '<date variable="issued"><date-part name="month"/><date-part name="day" prefix=" "/></date>'
# y (no date) is registered before x (a year only): equal keys keep that order
_ITEMS = [
    {"id": "y", "type": "book", "title": "T"},
    {"id": "x", "type": "book", "title": "T", "issued": {"date-parts": [[2000]]}},
]


@pytest.mark.parametrize(
    ("macros", "expected"),
    [
        # js keys: x "100000000100000000|", y null: x first
        (f'<macro name="k">{_MONTH}</macro>', ["x", "y"]),
        # js keys: both null: registration order
        (f'<macro name="k"><group delimiter=". ">{_MONTH}</group></macro>', ["y", "x"]),
        (
            '<macro name="k"><group delimiter=". "><text variable="volume"/><text macro="m"/></group></macro>'
            f'<macro name="m">{_MONTH}</macro>',
            ["y", "x"],
        ),
    ],
)
def test_empty_date_parts_in_a_sort_key(tmp_path: Path, macros: str, expected: list[str]) -> None:
    style = probe_style(tmp_path, '<text variable="title"/>', "", macros, '<key macro="k"/><key variable="title"/>')
    assert [ident for ident, _ in format_bibliography_ids(_ITEMS, style, "text")] == expected
