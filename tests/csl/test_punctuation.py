"""Punctuation where affixes, delimiters and field text meet, checked against the rule citeproc-js follows (expected
values are citeproc-js 2.4.63's output for the same input and a minimal style; its rule is CSL.Output.Queue.adjust:
punctuation merges into the end of the text before it, never into the end of a number)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography


def _style(tmp_path: Path, layout: str, attrs: str = "") -> Path:
    path = tmp_path / "probe.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {attrs}>'
        "<info><title>probe</title><id>probe</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout><text value="x"/></layout></citation>'
        f"<bibliography><layout>{layout}</layout></bibliography></style>",
        encoding="utf-8",
    )
    return path


def _one(tmp_path: Path, layout: str, item: dict, locale: str = "en-US", fmt: str = "text") -> str:
    return format_bibliography([{"id": "a", "type": "book", **item}], _style(tmp_path, layout), fmt, locale)[0]


_VOLUME_IN_GROUP = '<group suffix="."><text variable="title"/><text variable="volume" prefix=" V" suffix=";"/></group>'


@pytest.mark.parametrize(
    ("volume", "expected"),
    [
        ("41", "T V41;."),  # a number: the group's period is not merged into the volume's semicolon
        ("3-5", "T V3–5;."),
        ("41, 42", "T V41, 42;."),
        ("S12", "T VS12;."),  # a letter prefix is part of the number
        ("e1003", "T Ve1003;."),
        ("IV", "T VIV;"),  # a Roman numeral, "12a", "2 suppl", "0" or "05" are not integers: merged
        ("12a", "T V12a;"),
        ("2 suppl", "T V2 suppl;"),
        ("0", "T V0;"),
        ("05", "T V05;"),
    ],
)
def test_no_punctuation_merged_into_a_number(tmp_path: Path, volume: str, expected: str) -> None:
    assert _one(tmp_path, _VOLUME_IN_GROUP, {"title": "T", "volume": volume}) == expected


@pytest.mark.parametrize(
    ("layout", "item", "expected"),
    [
        # a number in a group whose own suffix meets an outer suffix (Springer's "18:" + ". " delimiter)
        (
            '<group delimiter=". "><group delimiter=" "><text variable="title"/><text variable="volume" suffix=":"/>'
            '</group><text variable="DOI"/></group>',
            {"title": "T", "volume": "18", "DOI": "10.1/x"},
            "T 18:. 10.1/x",
        ),
        ('<group suffix="."><text variable="page" suffix=";"/></group>', {"page": "493-518"}, "493–518;."),
        ('<group suffix="."><number variable="edition" form="ordinal" suffix=";"/></group>', {"edition": "7"}, "7th;."),
        ('<group suffix="."><text variable="issue" suffix="!"/></group>', {"issue": "7"}, "7!."),
        ('<group suffix=":"><text variable="volume" suffix=";"/></group>', {"volume": "41"}, "41;:"),
        ('<group suffix="."><text variable="volume" suffix="."/></group>', {"volume": "41"}, "41."),  # a double
        ('<group suffix="."><text variable="title"/></group>', {"title": "A;"}, "A;"),  # text, not a number
    ],
)
def test_number_end_in_groups(tmp_path: Path, layout: str, item: dict, expected: str) -> None:
    assert _one(tmp_path, layout, item) == expected
    assert _one(tmp_path, layout, item, fmt="html") == expected  # the mark leaves nothing in HTML
