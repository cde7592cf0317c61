"""Dates, numbers and spaces in fields written as citeproc-js writes them: each rule on a minimal inline style (the
expected values are citeproc-js 2.4.63's output for the same style and item; bench/csl_conformance/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography

from .probe import probe_entry, probe_style


def _style(tmp_path: Path, layout: str, extra: str = "") -> Path:
    return probe_style(tmp_path, layout, extra=extra)


def _one(tmp_path: Path, layout: str, item: dict, extra: str = "") -> str:
    return probe_entry(tmp_path, layout, item, extra=extra).strip()


def _dates(*parts: list[int]) -> dict:
    return {"issued": {"date-parts": list(parts)}}


YEAR_AFFIXED = '<date variable="issued"><date-part name="year" prefix="(" suffix=")"/></date>'
ALL_AFFIXED = (
    '<date variable="issued" delimiter="/"><date-part name="day" prefix="[" suffix="]"/>'
    '<date-part name="month" form="numeric" prefix="{" suffix="}"/>'
    '<date-part name="year" prefix="(" suffix=")"/></date>'
)
YMD = (
    '<date variable="issued" delimiter=" "><date-part name="year"/>'
    '<date-part name="month" form="short" strip-periods="true"/><date-part name="day"/></date>'
)


@pytest.mark.parametrize(
    ("layout", "item", "expected"),
    [
        # a range's start leaves off the suffix of its last part, the end the prefix of its first: "(2014–2015)"
        (YEAR_AFFIXED, _dates([2014], [2015]), "(2014–2015)"),
        (YEAR_AFFIXED, _dates([2014], [0]), "(2014–"),  # an open range
        # the era follows the year's affixes, and a range once
        (YEAR_AFFIXED, _dates([-334]), "(334) BC"),
        (YEAR_AFFIXED, _dates([300]), "(300) AD"),
        (YEAR_AFFIXED, _dates([-100, 7, 12], [-44, 3, 15]), "(100–44) BC"),
        (YEAR_AFFIXED, _dates([450], [600]), "(450–600) AD"),
        # the parts from the largest that differs are written twice; an end part but the last loses its prefix
        (ALL_AFFIXED, _dates([2014, 12, 31], [2015, 1, 1]), "[31]/{12}/(2014–1]/1}/(2015)"),
        (ALL_AFFIXED, _dates([2014, 5, 3], [2014, 5, 9]), "[3–9]/{5}/(2014)"),
        (ALL_AFFIXED, _dates([2014, 5, 3], [2014, 7, 9]), "[3]/{5–9]/{7}/(2014)"),
        (ALL_AFFIXED, _dates([2014, 5], [2015, 7]), "{5}/(2014–7}/(2015)"),
        # three parts shown and none differs: citeproc-js still writes the day twice
        (ALL_AFFIXED, _dates([2017, 1, 1], [2017, 1, 1]), "[1–1]/{1}/(2017)"),
        (YMD, _dates([2014, 5, 3], [2014, 5, 3]), "2014 May 3–3"),
        (YMD, _dates([-100, 7, 12], [-44, 3, 15]), "100 BC July 12–44 BC Mar 15"),
        # the date-part's range-delimiter where the range is written
        (
            '<date variable="issued" delimiter=" "><date-part name="month"/>'
            '<date-part name="day" range-delimiter="/"/><date-part name="year"/></date>',
            _dates([2014, 5, 3], [2014, 7, 9]),
            "May 3/July 9 2014",
        ),
        # a localized date with month and day written with affixes (en-US): "January 1–December 31, 1800"
        ('<date variable="issued" form="text"/>', _dates([1800, 1, 1], [1800, 12, 31]), "January 1–December 31, 1800"),
        ('<date variable="issued" form="text"/>', _dates([2018, 12, 3], [2018, 12, 6]), "December 3–6, 2018"),
        ('<date variable="issued" form="numeric"/>', _dates([2014, 5, 3], [2014, 7, 9]), "05/03–07/09/2014"),
    ],
)
def test_date_ranges_and_eras_as_citeproc_js(tmp_path: Path, layout: str, item: dict, expected: str) -> None:
    assert _one(tmp_path, layout, item) == expected


def test_range_end_parts_take_the_delimiter_of_the_date_compiled_last(tmp_path: Path) -> None:
    # citeproc-js collects a range's end parts in one queue, set up by the last cs:date it compiled (here the
    # accessed date, delimiter "#"), whatever the delimiter of the date being written
    layout = (
        '<group delimiter=" "><date variable="issued" delimiter="@"><date-part name="year"/>'
        '<date-part name="month"/></date>'
        '<date variable="accessed" delimiter="#"><date-part name="year"/></date></group>'
    )
    items = [{"id": i, "type": "book", **_dates([2014, 12], [2015, 1])} for i in ("a", "b")]
    out = format_bibliography(items, _style(tmp_path, layout), "text", "en-US")
    assert out[1].strip() == "2014@December–2015#January"
    # the same date alone: its own delimiter
    one = '<date variable="issued" delimiter="@"><date-part name="year"/><date-part name="month"/></date>'
    assert _one(tmp_path, one, _dates([2014, 12], [2015, 1])) == "2014@December–2015@January"
    # a localized date's delimiter is the locale's
    locale = (
        '<locale><date form="text" delimiter="_"><date-part name="year"/><date-part name="month" form="short"/>'
        '<date-part name="day"/></date></locale>'
    )
    rng = _dates([2014, 12, 31], [2015, 1, 1])
    assert _one(tmp_path, '<date variable="issued" form="text"/>', rng, locale) == "2014_Dec._31–2015_Jan._1"


@pytest.mark.parametrize(
    ("title", "case", "expected"),
    [
        ('A <span class="nocase">B </span> on', "", "A B  on"),  # the field's own spaces stay, at any seam
        ('A <span class="nocase">B </span> on', "title", "A B  On"),
        ('A <span class="nocase">B </span> on', "sentence", "A B  on"),
        ("A <sc>B </sc> on", "", "A B  on"),
    ],
)
def test_spaces_inside_a_field_are_kept(tmp_path: Path, title: str, case: str, expected: str) -> None:
    layout = f'<text variable="title" text-case="{case}"/>' if case else '<text variable="title"/>'
    assert _one(tmp_path, layout, {"title": title}) == expected


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        # citeproc-js does not initialise a lower-case given name and writes a space before it
        ([{"family": "wu", "given": "yonghui"}], "A,  yonghui wu"),
        (
            [{"family": "Nishida", "given": "Kiyu"}, {"family": "jo", "given": "kazuhiro"}],
            "A, K. Nishida and  kazuhiro jo",
        ),
        ([{"family": "Nishida", "given": "Kiyu"}, {"family": "Jo", "given": "Kazuhiro"}], "A, K. Nishida and K. Jo"),
    ],
)
def test_lower_case_given_names_keep_their_space(tmp_path: Path, authors: list, expected: str) -> None:
    layout = (
        '<group delimiter=", "><text value="A"/><names variable="author">'
        '<name initialize-with=". " and="text" delimiter=", "/></names></group>'
    )
    assert _one(tmp_path, layout, {"author": authors}) == expected


NUMBER_PROBE = (
    '<group delimiter=" "><choose><if is-numeric="volume"><text value="NUM"/></if><else><text value="TXT"/></else>'
    '</choose><number variable="volume"/><text variable="volume"/><label form="short" variable="volume"/></group>'
)


@pytest.mark.parametrize(
    ("volume", "expected"),
    [
        ("12a-c", "NUM 12a-c 12a-c vol."),  # a number with letters, a hyphen, letters: one piece
        ("A12-B14", "NUM A12-B14 A12-B14 vols."),  # different particles: the hyphen stays
        ("A12-A14", "NUM 12–14 12–14 vols."),  # the same particle: a range, the particles dropped
        ("406.3-406.3", "TXT 406.3-406.3 406.3-406.3 vol."),  # decimals: not a number, not a range
        ("03", "NUM 03 03 vol."),  # a leading zero is written
        ("5 - 6", "NUM 5–6 5–6 vols."),
        ("7–8", "NUM 7–8 7–8 vols."),
        ("5&6", "NUM 5 & 6 5 & 6 vols."),
        ("5, foo", "NUM 5, foo 5, foo vols."),  # the first piece decides
        ("5,6", "TXT 5,6 5,6 vol."),  # a comma without a space joins nothing
        ("x-5", "NUM x–5 x–5 vols."),  # a volume's Roman numerals are numbers
        ("1_supplement", "TXT 1_supplement 1_supplement vol."),
    ],
)
def test_number_variables_read_as_citeproc_js(tmp_path: Path, volume: str, expected: str) -> None:
    assert _one(tmp_path, NUMBER_PROBE, {"volume": volume}) == expected


@pytest.mark.parametrize(
    ("edition", "expected"),
    [("12a-c", "12a-c ed."), ("406-407.3", "406th-407.3 eds."), ("03", "03 ed."), ("112", "112th ed.")],
)
def test_ordinals_of_number_pieces(tmp_path: Path, edition: str, expected: str) -> None:
    layout = (
        '<group delimiter=" "><choose><if is-numeric="edition"><number form="ordinal" variable="edition"/>'
        '<label form="short" variable="edition"/></if><else><text variable="edition"/></else></choose></group>'
    )
    assert _one(tmp_path, layout, {"edition": edition}) == expected


def test_a_hyphen_takes_the_page_range_delimiter_an_en_dash_stays(tmp_path: Path) -> None:
    layout = '<group delimiter=" "><number variable="issue"/><text variable="issue"/></group>'
    locale = '<locale><terms><term name="page-range-delimiter">-</term></terms></locale>'
    assert _one(tmp_path, layout, {"issue": "3-4"}, locale) == "3-4 3-4"
    assert _one(tmp_path, layout, {"issue": "7–8"}, locale) == "7–8 7–8"
    assert _one(tmp_path, layout, {"issue": "3-4"}) == "3–4 3–4"


def test_a_decimal_page_is_one_page(tmp_path: Path) -> None:
    layout = '<group delimiter=" "><label form="short" variable="page"/><text variable="page"/></group>'
    assert _one(tmp_path, layout, {"page": "406.3-406.3"}) == "p. 406.3-406.3"
    assert _one(tmp_path, layout, {"page": "406-408"}) == "pp. 406–408"


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        # a literal date is written where the year is, with the year's affixes; without a year part, not at all
        ('<date variable="issued"><date-part name="year" prefix="(" suffix=")"/></date>', "(ağustos 30, 1999)"),
        (
            '<group delimiter=" "><date variable="issued" form="text" date-parts="year-month" prefix="[" suffix="]"/>'
            '<date variable="issued" form="text" date-parts="month-day"/><text value="x"/></group>',
            "[ağustos 30, 1999] x",
        ),
        ('<date variable="issued" form="text" date-parts="year-month" prefix="[" suffix="]"/>', "[ağustos 30, 1999]"),
    ],
)
def test_literal_dates_take_the_year_place(tmp_path: Path, layout: str, expected: str) -> None:
    assert _one(tmp_path, layout, {"issued": {"literal": "ağustos 30, 1999"}}) == expected
    assert _one(tmp_path, layout, {"issued": {"raw": "ağustos 30, 1999"}}) == expected  # a raw date not parsed


def test_a_label_of_a_missing_variable_is_its_singular_term(tmp_path: Path) -> None:
    # citeproc-js: "(4 vol)" from <label variable="volume"/> beside number-of-volumes on an item without volume
    layout = (
        '<group delimiter=" " prefix="(" suffix=")"><text variable="number-of-volumes"/>'
        '<label variable="volume" form="short" strip-periods="true"/></group>'
    )
    assert _one(tmp_path, layout, {"number-of-volumes": "4"}) == "(4 vol)"
    assert _one(
        tmp_path, '<group delimiter=" "><text value="A"/><label variable="volume" form="short"/></group>', {}
    ) == ("A vol.")
    # a group of a label and an empty variable is still left out
    empty = '<group delimiter=" "><label variable="volume" form="short"/><text variable="title"/></group>'
    assert format_bibliography([{"id": "a", "type": "book"}], _style(tmp_path, empty), "text", "en-US") in ([], [""])


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("<b>John</b> Quiggly", "<b>Doe</b>, <b>J.</b> Q."),  # the tags stay around the initial
        ("<b>John</b>-Quiggly", "<b>Doe</b>, <b>J.</b>-Q."),
        ("<b>J</b> Q", "<b>Doe</b>, <b>J.</b> Q."),
        ("<i>Ann</i>", "<b>Doe</b>, <i>A.</i>"),
    ],
)
def test_rich_text_in_names(tmp_path: Path, given: str, expected: str) -> None:
    layout = '<names variable="author"><name name-as-sort-order="all" initialize-with=". "/></names>'
    item = {"id": "a", "type": "book", "author": [{"family": "<b>Doe</b>", "given": given}]}
    assert format_bibliography([item], _style(tmp_path, layout), "html", "en-US")[0].strip() == expected
    assert format_bibliography([item], _style(tmp_path, layout), "text", "en-US")[0].strip() == (
        expected.replace("<b>", "").replace("</b>", "").replace("<i>", "").replace("</i>", "")
    )


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("de-DE", "Gesetz"),  # de-DE has no short form: its long form, not en-US's "legis."
        ("es-ES", "Legislation"),  # es-ES writes the term in English, long
        ("en-GB", "Legis."),  # an English locale: en-US's terms are its base
    ],
)
def test_a_term_form_falls_back_within_the_locale(tmp_path: Path, locale: str, expected: str) -> None:
    layout = '<text term="legislation" form="short" text-case="capitalize-first"/>'
    out = format_bibliography([{"id": "a", "type": "book"}], _style(tmp_path, layout), "text", locale)
    assert out[0].strip() == expected


def test_nought_in_every_number_form(tmp_path: Path) -> None:
    forms = ("ordinal", "long-ordinal", "roman", "numeric")
    layout = '<group delimiter=" ">' + "".join(f'<number variable="edition" form="{f}"/>' for f in forms) + "</group>"
    assert _one(tmp_path, layout, {"edition": "0"}) == "0 0 0 0"
    assert _one(tmp_path, layout, {"edition": "4"}) == "4th fourth iv 4"


def test_seasons_sort_as_no_month_and_names_without_their_tags(tmp_path: Path) -> None:
    path = tmp_path / "sorted.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" '
        'version="1.0"><info><title>p</title><id>p</id><updated>2020-01-01T00:00:00+00:00</updated></info>'
        '<citation><layout><text value="x"/></layout></citation><bibliography><sort><key variable="issued"/>'
        '<key variable="author"/></sort><layout><text variable="title"/></layout></bibliography></style>',
        encoding="utf-8",
    )
    items = [
        {"id": "c", "type": "book", "title": "C", "issued": {"date-parts": [[2003, 1]]}},
        {"id": "a", "type": "book", "title": "A", "issued": {"raw": "Spring 2003"}},  # month 13: a season
        {"id": "b", "type": "book", "title": "B", "issued": {"date-parts": [[2003]], "season": 2}},
        {"id": "d", "type": "book", "title": "D", "issued": {"date-parts": [[2004]]}, "author": [{"family": "Zed"}]},
        {
            "id": "e",
            "type": "book",
            "title": "E",
            "issued": {"date-parts": [[2004]]},
            "author": [{"family": "<b>Abe</b>"}],
        },
    ]
    out = [e.strip() for e in format_bibliography(items, path, "text", "en-US")]
    assert out == ["A", "B", "C", "E", "D"]  # citeproc-js's order


@pytest.mark.parametrize(
    ("page", "expected"),
    [("1,3,5", "1,3,5"), ("10-20", "10"), ("e123–e130", "e123"), ("5, 7", "5"), ("R583-6", "R583")],
)
def test_page_first_is_the_page_up_to_the_first_joiner(tmp_path: Path, page: str, expected: str) -> None:
    layout = '<group delimiter=" | "><text variable="page-first"/><number variable="page-first"/></group>'
    assert _one(tmp_path, layout, {"page": page}) == f"{expected} | {expected}"


_SLASHED_LAYOUT = (
    '<group delimiter="; "><group delimiter=" "><choose><if is-numeric="number"><label variable="number" form="short"/>'
    '</if></choose><text variable="number"/></group><group delimiter=" "><choose><if is-numeric="volume">'
    '<label variable="volume" form="short"/></if></choose><number variable="volume" form="ordinal"/></group></group>'
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2/369", "no. 2/369; vol. 2/369"),  # a series number written "Reihe/Band": numeric, one number, no ordinal
        ("2/3/4", "no. 2/3/4; vol. 2/3/4"),
        ("02/3", "no. 02/3; vol. 02/3"),
        ("2/369a", "2/369a; 2/369a"),  # anything else around the slashes: text
        ("a2/3", "a2/3; a2/3"),
        ("2 / 3", "2 / 3; 2 / 3"),
        ("IV/2", "IV/2; IV/2"),
        ("2/3, 4", "2/3, 4; 2/3, 4th"),  # a list: its first piece decides, as before
    ],
)
def test_numbers_joined_by_slashes_are_numeric(tmp_path: Path, value: str, expected: str) -> None:
    """citeproc-js's processNumber takes a single value of digits joined by slashes as numeric (its label printed,
    singular) — citeproc-js 2.4.63's output for this style."""
    assert _one(tmp_path, _SLASHED_LAYOUT, {"number": value, "volume": value}) == expected


@pytest.mark.parametrize("variable", ["version", "volume", "number"])
def test_a_label_of_a_slashed_number_is_singular(tmp_path: Path, variable: str) -> None:
    """ "2/369" is one number for processNumber, so its label is singular whatever the variable ("version 2/369", not
    "versions"; citeproc-js 2.4.63)."""
    layout = f'<group delimiter=" "><label variable="{variable}"/><text variable="{variable}"/></group>'
    assert _one(tmp_path, layout, {variable: "2/369"}) == f"{variable} 2/369"
