"""cs:names without a cs:name in cs:substitute after one with its own cs:name.

Expected entries are citeproc-js 2.4.63's for the same items and the same minimal style (bench/citeproc_js, render.js,
text format): the cs:names take the last cs:name met before them in the substitute (MLA's guest has one), not the
outer cs:names's; the label stays the outer one's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography

from .probe import probe_style

_OUTER = '<names variable="author"><name name-as-sort-order="first" and="text"/><label form="long" prefix=", "/>'
_ITEMS = [
    {"id": "a", "type": "book", "title": "T one", "editor": [{"family": "Smith", "given": "John"}]},
    {"id": "b", "type": "book", "title": "T two", "translator": [{"family": "Roe", "given": "Rick"}]},
]


@pytest.mark.parametrize(
    ("substitute", "expected"),
    [
        (
            '<names variable="guest"><name/></names><names variable="editor"/><names variable="translator"/>',
            ["John Smith, editor. T one", "Rick Roe, translator. T two"],
        ),
        (
            '<names variable="editor"/><names variable="guest"><name/></names><names variable="translator"/>',
            ["Smith, John, editor. T one", "Rick Roe, translator. T two"],
        ),
        (
            '<names variable="guest"><name form="short"/><label form="short" prefix=" (" suffix=")"/></names>'
            '<names variable="editor"/>',
            ["Smith, editor. T one", ". T two"],
        ),
        (
            '<names variable="editor"/><names variable="translator"/>',
            ["Smith, John, editor. T one", "Roe, Rick, translator. T two"],
        ),
    ],
)
def test_substitute_names_take_the_last_name_met(tmp_path: Path, substitute: str, expected: list[str]) -> None:
    layout = f'{_OUTER}<substitute>{substitute}</substitute></names><text variable="title" prefix=". "/>'
    style = probe_style(tmp_path, layout)
    assert [entry.strip() for entry in format_bibliography(_ITEMS, style)] == expected
