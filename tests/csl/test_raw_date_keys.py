"""Dates written as text, as citeproc-js's DateParser reads them, and where they sort (litsite/csl/rawdate.py).

Expected values are citeproc-js 2.4.63's: CSL.DateParser.parseDateToArray on the same strings, and the order of
makeBibliography for the same items under the same minimal style.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography
from litsite.csl.rawdate import parse_raw


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        # a month's first three letters anywhere in a word (the default month expressions are not anchored)
        ("1st May 2000", {"date-parts": [[2000, 5, 1]]}),
        ("2nd of May 2000", {"date-parts": [[2000, 5, 2]]}),
        ("2000, May", {"date-parts": [[2000, 5]]}),
        ("2000, May 3", {"date-parts": [[2000, 5, 3]]}),
        ("4th May, 2000", {"date-parts": [[2000, 5, 4]]}),
        ("Decameron 2000", {"date-parts": [[2000, 12]]}),
        ("marzo 2000", {"date-parts": [[2000, 3]]}),
        ("mai 2000", {"date-parts": [[2000]]}),  # no English month in it
        # a part read as the number 0 is no part (it ends the date-parts)
        ("2000-05-03 Dec. 0", {"date-parts": [[2000, 12]]}),
        ("AD1999sept 0", {"date-parts": [[1999, 9]]}),
    ],
)
def test_raw_dates_parse_as_citeproc_js_parses_them(raw: str, parsed: dict) -> None:
    assert parse_raw(raw) == parsed


@pytest.mark.parametrize("key", ['<key variable="issued"/>', '<key macro="d"/>'])
def test_raw_dates_sort_by_what_they_parse_to(tmp_path: Path, key: str) -> None:
    """ "1st May 2000" sorts as May 1 (after "2000, May" and May 2000), a raw date that is not one last."""
    raws = ["1st May 2000", "forthcoming", "2000, May", "2000-05", "2000", "4 April 2000"]
    path = tmp_path / "raw.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>r</title><id>r</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<macro name="d"><date variable="issued" form="numeric"/></macro>'
        '<citation><layout><text value="x"/></layout></citation>'
        f'<bibliography><sort>{key}<key variable="title" sort="descending"/></sort>'
        '<layout><text variable="title"/></layout></bibliography></style>',
        encoding="utf-8",
    )
    items = [{"id": str(n), "type": "book", "title": raw, "issued": {"raw": raw}} for n, raw in enumerate(raws)]
    order = [entry.split(". ")[0].rstrip(".") for entry in format_bibliography(items, path, "text")]
    assert order == ["2000", "4 April 2000", "2000-05", "2000, May", "1st May 2000", "forthcoming"]
