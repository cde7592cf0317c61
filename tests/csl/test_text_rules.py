"""Rules of the text class (text case, rich text, dates written as text, seasons, eras, display) on inline styles.

Each test states a rule of citeproc-js (the CSL reference processor) and checks it on a minimal style.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography
from litsite.csl.fixes.text_case import apply_case
from litsite.csl.rawdate import parse_raw

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout>{bib}</layout></bibliography></style>"""


def bib(tmp_path: Path, layout: str, items: list[dict], fmt: str = "text") -> list[str]:
    """The entries of items under a style whose bibliography layout is `layout`."""
    path = tmp_path / "s.csl"
    path.write_text(STYLE.format(bib=layout), encoding="utf-8")
    return format_bibliography([{"type": "book", **it, "id": f"i{n}"} for n, it in enumerate(items)], path, fmt)


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ("2015-12-26T22:30:36Z", {"date-parts": [[2015, 12, 26]]}),  # a time stamp: the time is dropped
        ("September 20, 2006", {"date-parts": [[2006, 9, 20]]}),
        ("20 Sept. 2006", {"date-parts": [[2006, 9, 20]]}),
        ("7月1964", {"date-parts": [[1964, 7]]}),  # Japanese month and year
        ("Spring 1999/Summer 2001", {"date-parts": [[1999, 13], [2001, 14]]}),  # seasons are months 13-16
        ("1999-2000", {"date-parts": [[1999], [2000]]}),
        ("44 BC", {"date-parts": [[-44]]}),
        ("5/6/2020", {"date-parts": [[2020, 5, 6]]}),  # numeric: month first
        ("13/6/2020", {"date-parts": [[2020, 6, 13]]}),  # unless the first number cannot be a month
        ("Michaelmas 1999", {"date-parts": [[1999]], "season": "Michaelmas"}),  # a law term is a season
        ("forthcoming", {"literal": "forthcoming"}),  # no year: a literal
        ("12 2006", {"literal": "12 2006"}),  # a day without a month: a literal
    ],
)
def test_raw_dates_are_parsed_as_citeproc_js_parses_them(raw: str, parsed: dict) -> None:
    assert parse_raw(raw) == parsed


def test_a_raw_date_renders_as_a_date(tmp_path: Path) -> None:
    layout = '<date variable="issued" form="text" date-parts="year-month-day"/>'
    items = [{"issued": {"raw": "2015-12-26T22:30:36Z"}}, {"issued": {"raw": "not a date"}}]
    assert bib(tmp_path, layout, items) == ["December 26, 2015", "not a date"]


def test_months_13_to_24_are_seasons_and_other_months_render_nothing(tmp_path: Path) -> None:
    layout = '<text value="("/><date variable="issued"><date-part name="month"/></date><text value=")"/>'
    months = [13, 16, 17, 21, 24, 0, 25, -1]
    entries = bib(tmp_path, layout, [{"issued": {"date-parts": [[2000, m]]}} for m in months])
    expected = ["(Spring)", "(Winter)", "(Spring)", "(Spring)", "(Winter)", "()", "()", "()"]
    assert entries == expected


def test_a_season_range_renders_both_seasons(tmp_path: Path) -> None:
    layout = '<date variable="issued"><date-part name="month" suffix=" "/><date-part name="year"/></date>'
    items = [{"issued": {"date-parts": [[1999, 21], [2001, 22]]}}, {"issued": {"date-parts": [[1999, 22], [1999, 21]]}}]
    assert bib(tmp_path, layout, items) == ["Spring 1999–Summer 2001", "Summer–Spring 1999"]


def test_the_era_follows_a_year_range_once(tmp_path: Path) -> None:
    # citeproc-js: "BC" before year 1, "AD" for years 1-499 only; in a range once, after the range
    layout = '<date variable="issued"><date-part name="year"/></date>'
    items = [
        {"issued": {"date-parts": [[-100], [-44]]}},
        {"issued": {"date-parts": [[11], [12]]}},
        {"issued": {"date-parts": [[-44]]}},
        {"issued": {"date-parts": [[499]]}},
        {"issued": {"date-parts": [[500]]}},
    ]
    assert bib(tmp_path, layout, items) == ["100–44 BC", "11–12 AD", "44 BC", "499 AD", "500"]


def test_sentence_case_lowercases_all_but_the_first_word() -> None:
    # citeproc-js: the first word's first letter upper-cased, every other word lower-cased (nocase spans kept)
    assert str(apply_case("This is a Pen that is a Smith Pencil", "sentence")) == "This is a pen that is a smith pencil"
    assert str(apply_case("the ABC of Cats", "sentence")) == "The abc of cats"


def test_superscript_and_subscript_are_not_title_cased(tmp_path: Path) -> None:
    layout = '<text variable="title" text-case="title"/>'
    items = [{"title": "my <sup>superscript phrase</sup> in a title"}]
    assert bib(tmp_path, layout, items, "html") == ["My <sup>superscript phrase</sup> in a Title"]


def test_an_orphan_closing_tag_in_a_field_is_text(tmp_path: Path) -> None:
    assert bib(tmp_path, '<text variable="title"/>', [{"title": "One</i> Two"}], "html") == ["One&lt;/i&gt; Two"]


def test_display_block_starts_a_new_line_in_text(tmp_path: Path) -> None:
    layout = '<text variable="title"/><text variable="note" prefix=". " display="block"/>'
    assert bib(tmp_path, layout, [{"title": "T", "note": "N"}]) == ["T\n. N"]
