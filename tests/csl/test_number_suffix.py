"""A mark opening a prefix after a number's suffix, merged as citeproc-js merges it ("41;" + ". T" is "41; T").

Expected values are citeproc-js 2.4.63's output for the same item and the same minimal style (bench/citeproc_js,
render.js, text format, its entry trimmed). citeproc-js's leftward moves the prefix's mark into the suffix of the
sibling before it, where the two merge (its LtoR_MAP); it merges nothing into a number itself, into a delimiter or
into a parent's suffix, nor after a decorated element.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .probe import probe_entry

_ITEM = {"type": "article-journal", "title": "T one", "volume": "41", "issue": "3", "page": "12-14"}
_MACROS = '<macro name="v"><number variable="volume" suffix=";"/></macro>'


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ('<number variable="volume" suffix=";"/><text variable="title" prefix=". "/>', "41; T one"),
        ('<text variable="volume" suffix=";"/><text variable="title" prefix=". "/>', "41; T one"),
        ('<text variable="page" suffix=";"/><text variable="title" prefix=". "/>', "12–14; T one"),
        ('<number variable="volume" suffix=";"/><text variable="title" prefix=": "/>', "41; T one"),
        ('<number variable="volume" suffix="!"/><text variable="title" prefix=". "/>', "41! T one"),
        ('<number variable="volume" suffix=":"/><text variable="title" prefix=". "/>', "41: T one"),
        ('<number variable="issue" prefix="(" suffix=");"/><text variable="title" prefix=". "/>', "(3); T one"),
        # pairs the table keeps as they are
        ('<number variable="volume" suffix=","/><text variable="title" prefix=". "/>', "41,. T one"),
        ('<number variable="volume" suffix=";"/><text variable="title" prefix=", "/>', "41;, T one"),
        # whatever element follows (a group, a date, a number, a label, a value)
        ('<number variable="volume" suffix=";"/><group prefix=". "><text variable="title"/></group>', "41; T one"),
        ('<number variable="volume" suffix=";"/><number variable="issue" prefix=". "/>', "41; 3"),
        ('<number variable="volume" suffix=";"/><label variable="page" form="short" prefix=". "/>', "41; pp."),
        # a group's own suffix after the number is the sibling's suffix too
        ('<group suffix=";"><number variable="volume"/></group><text variable="title" prefix=". "/>', "41; T one"),
        # not merged: a delimiter, a group or macro around the number, a decorated number, the layout's end
        ('<group delimiter=". "><number variable="volume" suffix=";"/><text variable="title"/></group>', "41;. T one"),
        ('<group><number variable="volume" suffix=";"/></group><text variable="title" prefix=". "/>', "41;. T one"),
        ('<text macro="v"/><text variable="title" prefix=". "/>', "41;. T one"),
        (
            '<number variable="volume" suffix=";" font-style="italic"/><text variable="title" prefix=". "/>',
            "41;. T one",
        ),
    ],
)
def test_prefix_mark_after_a_number_suffix(tmp_path: Path, layout: str, expected: str) -> None:
    assert probe_entry(tmp_path, layout, _ITEM, extra=_MACROS).strip() == expected
