"""Page ranges whose pages carry a particle with digits ("222ra19", Science Translational Medicine's article
numbers): citeproc-js's manglePageNumbers keeps the range it mangles only if the result still reads as two numbers
(its final regular expression), so these keep their hyphen unless a page-range-format shortens the end.

Every expected value is citeproc-js 2.4.63's output for the same one-variable style (bench/citeproc_js/render.js).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography
from litsite.csl.fixes.pages import format_pages

from .probe import probe_style


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        ("222ra19-222ra20", None, "222ra19-222ra20"),
        ("222ra19-222ra19", None, "222ra19-222ra19"),
        ("222ra20-222ra19", None, "222ra20\u2013222ra19"),  # an end below the start: only the delimiter
        ("222ra19-222ra20", "expanded", "222ra19-222ra20"),
        ("222ra20-222ra19", "expanded", "222ra20-222ra19"),
        ("222ra19-222ra20", "minimal", "222ra19\u201320"),  # shortened: reads as two numbers again
        ("222ra19-222ra19", "minimal", "222ra19-222ra19"),
        ("222ra19-222ra20", "chicago", "222ra19\u201320"),
        ("1a1-1a9", None, "1a1-1a9"),
        # a particle of letters only still makes a range
        ("e5-e5", None, "e5\u2013e5"),
        ("e1234-e1240", "minimal", "e1234\u201340"),
        ("S12-S12, 5-5", None, "S12\u2013S12, 5\u20135"),
    ],
)
def test_particle_with_digits(tmp_path: Path, value: str, fmt: str | None, expected: str) -> None:
    """The page as citeproc-js prints it, through the engine and through format_pages."""
    attrs = f'page-range-format="{fmt}"' if fmt else ""
    style = probe_style(tmp_path, '<text variable="page"/>', attrs=attrs)
    item = {"id": "a", "type": "article-journal", "title": "T", "page": value}
    assert format_bibliography([item], style) == [expected]
    assert format_pages(value, fmt) == expected
