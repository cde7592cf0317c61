"""The layout's suffix and a left-margin field (display="left-margin") as citeproc-js writes them.

Expected values are citeproc-js 2.4.63's output for the same items and the same minimal style (bench/citeproc_js,
render.js, its entry trimmed as render.js trims it; in HTML without its csl-entry wrapper). The shape is American
Anthropological Association's: a block, a left-margin date, a right-inline rest, and the layout's suffix ".".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography

_ITEMS = [
    {"id": "a", "type": "book", "title": "T one", "issued": {"date-parts": [[2005]]}},
    {"id": "b", "type": "book", "title": "T two", "issued": {"date-parts": [[2006]]}, "URL": "http://x.org"},
]
_BLOCK = '<group display="block"><text variable="title"/></group>'
_DATE = '<date variable="issued" prefix=" "><date-part name="year"/></date>'
_MARGIN = f'<group display="left-margin">{_DATE}</group>'
_REST = '<group display="right-inline"><text variable="URL" prefix=". "/></group>'


def _entries(tmp_path: Path, layout: str, fmt: str = "text") -> list[str]:
    path = tmp_path / "display.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>d</title><id>d</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<macro name="url"><text variable="URL" prefix=". "/></macro>'
        '<citation><layout><text value="x"/></layout></citation>'
        f'<bibliography><layout suffix=".">{layout}</layout></bibliography></style>',
        encoding="utf-8",
    )
    return [entry.strip() for entry in format_bibliography(_ITEMS, path, fmt)]


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        # the suffix goes on the layout's last child: an empty right-inline block takes it with it; the mark that
        # opens the block goes inside the left-margin field, before the space citeproc-js's text format writes
        (_BLOCK + _MARGIN + _REST, ["T one 2005", "T two 2006.  http://x.org."]),
        # a macro that renders nothing leaves an output too
        (_BLOCK + _MARGIN + '<text macro="url"/>', ["T one 2005", "T two 2006.  http://x.org."]),
        # a cs:text that renders nothing does not: the suffix goes to the left-margin field, before its space
        (_BLOCK + _MARGIN + '<text variable="URL" prefix=". "/>', ["T one 2005.", "T two 2006.  http://x.org."]),
        (_BLOCK + _MARGIN, ["T one 2005.", "T two 2006."]),
        (
            _BLOCK + _MARGIN + '<group display="right-inline"><text variable="URL"/></group>',
            ["T one 2005", "T two 2006 http://x.org."],
        ),
        # the layout's first child without display: citeproc-js does not use display for the suffix (its
        # using_display), which stays the entry's, after the left-margin field's space
        ('<text variable="title"/>' + _MARGIN, ["T one 2005 .", "T two 2006 ."]),
        (
            '<text variable="title"/><date variable="issued" prefix=" " display="left-margin" suffix=",">'
            '<date-part name="year"/></date><text variable="URL" prefix="; "/>',
            ["T one 2005, .", "T two 2006,;  http://x.org."],
        ),
    ],
)
def test_layout_suffix_and_left_margin(tmp_path: Path, layout: str, expected: list[str]) -> None:
    assert _entries(tmp_path, layout) == expected


def test_left_margin_in_html(tmp_path: Path) -> None:
    one, two = _entries(tmp_path, _BLOCK + _MARGIN + _REST, "html")
    assert one == '<div class="csl-block">T one</div><div class="csl-left-margin"> 2005</div>'
    margin, rest = '<div class="csl-left-margin"> 2006.</div>', '<div class="csl-right-inline"> http://x.org.</div>'
    assert two == f'<div class="csl-block">T two</div>{margin}{rest}'
