"""Labels of locators and pages (litsite.csl.fixes.groups.Label): plurals as citeproc-js counts them, and a
locator's own label."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import Cite, Formatter

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation><layout><group delimiter=" "><label variable="{var}" form="short"/><text variable="{var}"/></group>
</layout></citation></style>"""


def render(tmp_path: Path, var: str, item: dict, cite: Cite) -> str:
    path = tmp_path / "s.csl"
    path.write_text(STYLE.format(var=var), encoding="utf-8")
    return Formatter(path, "en-US").format([item], [[cite]], "text").citations[0]


@pytest.mark.parametrize(
    ("page", "want"),
    [
        ("1-2", "pp. 1–2"),
        ("i-ix", "pp. i–ix"),  # Roman numerals count as numbers
        ("3\\-B", "p. 3-B"),  # an escaped hyphen joins
        ("Michaelson-Morely", "p. Michaelson-Morely"),  # words are not numbers
    ],
)
def test_page_label_plural(tmp_path: Path, page: str, want: str) -> None:
    assert render(tmp_path, "page", {"id": "a", "type": "book", "page": page}, Cite("a")) == want


@pytest.mark.parametrize(
    ("locator", "want"),
    [
        ("327\\-30", "p. 327-30"),
        ("427-30", "pp. 427–30"),
        ("vol. 1, fol. 186", "vol. 1, fol. 186"),  # a label of its own: the style's is not added
        ("no. 5", "no. 5"),
    ],
)
def test_locator_label(tmp_path: Path, locator: str, want: str) -> None:
    got = render(tmp_path, "locator", {"id": "a", "type": "book"}, Cite("a", locator=locator, label="page"))
    assert got == want


def test_a_label_written_with_a_space_is_the_hyphenated_term(tmp_path: Path) -> None:
    got = render(tmp_path, "locator", {"id": "a", "type": "book"}, Cite("a", locator="gargoyle", label="sub verbo"))
    assert got == "s.v. gargoyle"


def test_a_locator_is_rich_text_with_typographic_quotes(tmp_path: Path) -> None:
    path = tmp_path / "s.csl"
    path.write_text(STYLE.format(var="locator").replace("<layout>", '<layout suffix=".">'), encoding="utf-8")
    cite = Cite("a", locator='"gargoyle"', label="sub verbo")
    got = Formatter(path, "en-US").format([{"id": "a", "type": "book"}], [[cite]], "html").citations[0]
    assert got == "s.v. “gargoyle.”"  # en-US moves the period inside the quotes, as for any field
