"""Rules found by measuring other styles and locales than the wide corpus's 32 pairs (conformance_wide.py --extra).

Expected values are citeproc-js 2.4.63's output for the same input and the same minimal style (bench/citeproc_js,
text format; citeproc-js's own entry is trimmed as render.js trims it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography

from .probe import probe_entry as _one
from .probe import probe_style as _style

_ITEM = {"title": "T one", "URL": "http://x.org"}


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        # citeproc-js's text format writes a space after a left-margin field (iso690-numeric-en: "1.  Name")
        ('<text variable="citation-number" display="left-margin" suffix=". "/><text variable="title"/>', "1.  T one"),
        ('<text variable="citation-number" display="left-margin"/><text variable="title"/>', "1 T one"),
        # only at the top of the layout (branches of cs:choose do not count); nested, display is ignored
        (
            '<choose><if type="book"><text variable="citation-number" display="left-margin"/></if></choose>'
            '<text variable="title"/>',
            "1 T one",
        ),
        (
            '<group><text variable="citation-number" display="left-margin"/><text variable="title"/></group>',
            "1T one",
        ),
        (
            '<group><text variable="citation-number"/><text variable="title" display="block"/></group>'
            '<text variable="title" display="indent"/>',
            "1T one\n    T one",
        ),
    ],
)
def test_display_left_margin_in_text(tmp_path: Path, layout: str, expected: str) -> None:
    assert _one(tmp_path, layout, _ITEM).strip() == expected


def test_display_left_margin_space_in_a_citation(tmp_path: Path) -> None:
    from litsite.csl.engine import format_first_citations

    style = tmp_path / "cite.csl"
    text = _style(tmp_path, '<text variable="title"/>').read_text(encoding="utf-8")
    cite = '<layout prefix="(" suffix=")"><text variable="title" display="left-margin"/></layout>'
    style.write_text(text.replace('<layout><text value="x"/></layout>', cite, 1), encoding="utf-8")
    assert format_first_citations([{"id": "a", "type": "book", **_ITEM}], style) == ["(T one )"]


def test_display_html_only_at_top_level(tmp_path: Path) -> None:
    layout = '<text variable="citation-number" display="left-margin"/><group><text variable="title" display="block"/>'
    layout += "</group>"
    style = _style(tmp_path, layout)
    entry = format_bibliography([{"id": "a", "type": "book", **_ITEM}], style, "html")[0]
    assert '<div class="csl-left-margin">1</div>' in entry
    assert "csl-block" not in entry


_SPACES = [
    # a decorated field's trailing space and its sibling's leading one are both written (iso690's "Title.  Online")
    ('<text variable="title" font-style="italic" suffix=". "/><text term="online" prefix=" "/>', "T one.  online"),
    ('<text variable="title" quotes="true" suffix=" "/><text value="on" prefix=" "/>', "“T one”  on"),
    ('<text variable="title" font-weight="bold" suffix=" "/><group><text value="on" prefix=" "/></group>', "T one  on"),
    (
        '<group font-style="italic" suffix=" "><text variable="title"/></group><text value="on" prefix=" "/>',
        "T one  on",
    ),
    (
        '<text variable="title" font-style="italic" suffix=" "/><choose><if type="book"><text value="on" prefix=" "/>'
        "</if></choose>",
        "T one  on",
    ),
    ('<text variable="title" font-style="italic" suffix=", "/><text value="on" prefix=" "/>', "T one,  on"),
    # undecorated: one space
    ('<text variable="title" suffix=". "/><text term="online" prefix=" "/>', "T one. online"),
    # the parent takes a last child's space (no decorations on it), and a delimiter's space is the same one
    (
        '<group><text variable="title" font-style="italic" suffix=" "/></group><text value="on" prefix=" "/>',
        "T one on",
    ),
    (
        '<group delimiter=" "><text variable="title" font-style="italic" suffix=" "/><text value="on"/></group>',
        "T one on",
    ),
]


@pytest.mark.parametrize(("layout", "expected"), _SPACES)
def test_space_after_a_decorated_field(tmp_path: Path, layout: str, expected: str) -> None:
    assert _one(tmp_path, layout, _ITEM).strip() == expected


_PAGE_LAYOUT = '<text variable="page"/>'


@pytest.mark.parametrize(
    ("fmt", "page", "expected"),
    [
        # pages that start with digits but are not plain numbers: citeproc-js's manglePageNumbers writes
        # "first - second" through its PageRangeMangler and keeps the result if it still splits into two numbers
        (None, "380B–381", "380B – 381"),  # an upper-case letter: no page to the mangler, its dash keeps the spaces
        (None, "380B-81", "380B–81"),  # an end below the start without a format: only the delimiter
        ("expanded", "380B-81", "380B – 81"),
        (None, "101A-105, 110B-112", "101A – 105, 110B – 112"),
        (None, "12a-14b", "12a–14b"),  # lower-case letters are part of a page number
        (None, "12-14b", "12–14b"),
        (None, "12a-14", "12a–114"),  # the end expanded from the start's digits, letters included
        ("minimal", "12a-14b", "12a–4b"),
        ("minimal", "321a-328", "321a–328"),
        (None, "380B-381C", "380B-381C"),  # no longer two numbers: as written
        (None, "1A-1B", "1A-1B"),
        (None, "5-6A", "5-6A"),
        (None, "12 a-14", "12 a – 14"),
        ("expanded", "000c23-22", "000c23-22"),  # a particle on one value only: as written (suite's page_Expand)
    ],
)
def test_pages_with_letters(tmp_path: Path, fmt: str | None, page: str, expected: str) -> None:
    attrs = f'page-range-format="{fmt}"' if fmt else ""
    style = _style(tmp_path, _PAGE_LAYOUT, attrs=attrs)
    assert format_bibliography([{"id": "a", "type": "book", "page": page}], style) == [expected]


_NAMES = '<names variable="author"><name {own} initialize-with=". " name-as-sort-order="all"/></names>'
_TWO = [{"family": "Smith", "given": "John"}, {"literal": "Big Corp"}]
_THREE = [{"literal": "Alec Radford"}, {"literal": "Luke Metz"}, {"literal": "Soumith Chintala"}]


@pytest.mark.parametrize(
    ("root", "own", "authors", "expected"),
    [
        # before a last institution citeproc-js's cs:institution follows a rule only cs:style, cs:citation or
        # cs:bibliography give (university-of-york-harvard: and="text" delimiter-precedes-last="never" on cs:style)
        ('and="text" delimiter-precedes-last="never"', "", _THREE, "Alec Radford, Luke Metz and Soumith Chintala"),
        ('and="symbol" delimiter-precedes-last="always"', "", _TWO, "Smith, J., & Big Corp"),
        ("", 'and="text" delimiter-precedes-last="never"', _THREE, "Alec Radford, Luke Metz, and Soumith Chintala"),
        ("", 'and="symbol" delimiter-precedes-last="always"', _TWO, "Smith, J. & Big Corp"),
        # after-inverted-name is read from cs:name as for any last name
        ("", 'and="text" delimiter-precedes-last="after-inverted-name"', _TWO, "Smith, J., and Big Corp"),
        ('and="text" delimiter-precedes-last="after-inverted-name"', "", _TWO, "Smith, J., and Big Corp"),
    ],
)
def test_delimiter_before_a_last_institution(tmp_path: Path, root: str, own: str, authors: list, expected: str) -> None:
    style = _style(tmp_path, _NAMES.format(own=own), attrs=root)
    assert format_bibliography([{"id": "a", "type": "book", "author": authors}], style) == [expected]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # cs:text variable="URL" form="short" (annual-reviews): citeproc-js keeps the address up to its host
        ("https://github.com/deepchem/deepchem", "https://github.com"),
        ("http://www.who.int/classifications/icd/en/", "www.who.int"),  # a www. host loses its scheme
        ("https://www.synapse.org/#!Synapse:syn6131484/wiki/402026", "www.synapse.org"),
        ("https://example.com", "https://example.com"),
        ("http://www.x.org", "www.x.org"),
        ("https://a.b.c/d.e/f", "https://a.b.c/d.e"),  # the path after the last dotted part
    ],
)
def test_short_url(tmp_path: Path, url: str, expected: str) -> None:
    style = _style(tmp_path, '<text variable="URL" form="short"/>')
    assert format_bibliography([{"id": "a", "type": "webpage", "URL": url}], style) == [expected]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # citeproc-js applies text-case to each value of a number variable (processNumber's pieces, split at ", ",
        # "; ", "&", " and " and hyphens; a subsection "2nd-fourth" is one value; a later value's leading word of up
        # to four lower-case letters, then "." or a space, is a label: not cased)
        ("ninth Dover printing, tenth GPO printing", "Ninth Dover printing, Tenth GPO printing"),
        ("12th Yellow-tailed Wooly Monkey", "12th Yellow-Tailed Wooly Monkey"),
        ("second edition; third", "Second edition; Third"),
        ("a-b-c", "A-B-C"),
        ("first, 2nd-fourth", "First, 2nd-fourth"),
        ("rev. and exp.", "Rev. and exp."),
        ("rev. and enl ed.", "Rev. and enl Ed."),
        ("second and revised ed.", "Second and Revised ed."),
        ("rev. and enl", "Rev. and Enl"),
        ("rev. & enl. ed.", "Rev. & enl. Ed."),
    ],
)
@pytest.mark.parametrize("element", ["text", "number"])
def test_text_case_of_number_pieces(tmp_path: Path, element: str, value: str, expected: str) -> None:
    style = _style(tmp_path, f'<{element} variable="edition" text-case="capitalize-first"/>')
    assert format_bibliography([{"id": "a", "type": "book", "edition": value}], style) == [expected]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("rev. and enl ed.", "REV. and enl ED."), ("second and revised ed.", "SECOND and REVISED ED.")],
)
def test_uppercase_of_number_pieces_leaves_joiners_and_labels(tmp_path: Path, value: str, expected: str) -> None:
    """uppercase too goes value by value: joiners and labels as written (citeproc-js 2.4.63)."""
    style = _style(tmp_path, '<text variable="edition" text-case="uppercase"/>')
    assert format_bibliography([{"id": "a", "type": "book", "edition": value}], style) == [expected]


def test_text_case_of_other_variables_is_whole(tmp_path: Path) -> None:
    style = _style(tmp_path, '<text variable="note" text-case="capitalize-first"/>')
    entry = format_bibliography([{"id": "a", "type": "book", "note": "ninth printing, tenth"}], style)
    assert entry == ["Ninth printing, tenth"]


_WORDS = ["alpha", "zeta", "борис", "яков", "βήτα", "ωμέγα", "גל", "תל", "横田", "かな", "한국", "عرب", "1abc"]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        # citeproc-js sorts with Intl.Collator in its locale, whose CLDR collation reorders scripts: the locale's own
        # script right after digits (Cyrillic for ru, Greek for el, Hebrew, Arabic, Han for zh), kana and Han after
        # Latin for ja (orders from citeproc-js on this style)
        ("en-US", "1abc alpha zeta βήτα ωμέγα борис яков גל תל عرب 한국 かな 横田"),
        ("ru-RU", "1abc борис яков alpha zeta βήτα ωμέγα גל תל عرب 한국 かな 横田"),
        ("el-GR", "1abc βήτα ωμέγα alpha zeta борис яков גל תל عرب 한국 かな 横田"),
        ("he-IL", "1abc גל תל alpha zeta βήτα ωμέγα борис яков عرب 한국 かな 横田"),
        ("ar", "1abc عرب alpha zeta βήτα ωμέγα борис яков גל תל 한국 かな 横田"),
        ("ja-JP", "1abc alpha zeta かな 横田 βήτα ωμέγα борис яков גל תל عرب 한국"),
        ("zh-CN", "1abc 横田 alpha zeta βήτα ωμέγα борис яков גל תל عرب 한국 かな"),
    ],
)
def test_script_order_of_the_locale(tmp_path: Path, locale: str, expected: str) -> None:
    style = _style(tmp_path, '<text variable="title"/>', sort='<key variable="title"/>')
    items = [{"id": f"i{n}", "type": "book", "title": word} for n, word in enumerate(_WORDS)]
    assert " ".join(format_bibliography(items, style, locale=locale)) == expected
