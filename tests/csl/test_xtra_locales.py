"""Rules found by measuring other styles and locales (conformance_wide.py --extra, session 11: he-IL, zh-TW, tr-TR,
hu-HU and the publishers' styles added then).

Expected values are citeproc-js 2.4.63's output for the same input and the same minimal style (bench/citeproc_js,
text format; citeproc-js's own entry is trimmed as render.js trims it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography

from .probe import probe_style


def _entries(tmp_path: Path, layout: str, items: list[dict], locale: str = "en-US", **kw: str) -> list[str]:
    return [e.strip() for e in format_bibliography(items, probe_style(tmp_path, layout, **kw), "text", locale)]


def test_label_terms_are_rich_text(tmp_path: Path) -> None:
    # he-IL's short terms "מס'" and "'עמ": citeproc-js reads a label's term as it reads a text's, its straight
    # apostrophes typographic wherever they stand (also the label of a variable the item lacks)
    layout = (
        '<group delimiter=" "><label variable="issue" form="short"/><text variable="issue"/>'
        '<label variable="page" form="short"/><text variable="page"/></group>'
    )
    items = [{"id": "a", "type": "book", "issue": "4", "page": "5"}, {"id": "b", "type": "book", "page": "3"}]
    assert _entries(tmp_path, layout, items, "he-IL") == ["מס’ 4 ’עמ 5", "מס’ ’עמ 3"]


@pytest.mark.parametrize(
    ("editions", "expected"),
    [
        # he-IL has ordinal-01 … ordinal-10 and no plain "ordinal" term: citeproc-js falls back to CSL 1.0's
        # ordinals, ordinal-01/02/03 after 1, 2, 3 (not 11, 12, 13) and ordinal-04 after everything else
        (["5", "21", "12", "110", "113", "32", "10", "3"], ["54", "211", "124", "1104", "1134", "322", "104", "33"]),
    ],
)
def test_ordinals_of_a_locale_without_the_ordinal_term(
    tmp_path: Path, editions: list[str], expected: list[str]
) -> None:
    items = [{"id": str(i), "type": "book", "edition": e} for i, e in enumerate(editions)]
    assert _entries(tmp_path, '<number variable="edition" form="ordinal"/>', items, "he-IL") == expected


_TWO = [{"family": "AAA", "given": "X"}, {"family": "BBB", "given": "Y"}]
_THREE = [*_TWO, {"family": "CCC", "given": "Z"}]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        # an "and" term not starting with a letter citeproc-js counts as Latin-like (he-IL's "ו", zh's "和") is
        # written without spaces, and without the delimiter but for two names under "always" or after an inverted
        # name: CSL.Node.name's and_prefix_single / and_prefix_multiple
        ("always", ["AAA, X, וY BBB", "AAA, X, Y BBBוZ CCC"]),
        ("never", ["AAA, XוY BBB", "AAA, X, Y BBBוZ CCC"]),
        ("contextual", ["AAA, XוY BBB", "AAA, X, Y BBBוZ CCC"]),
        ("after-inverted-name", ["AAA, X, וY BBB", "AAA, X, Y BBBוZ CCC"]),
    ],
)
def test_and_term_of_another_script(tmp_path: Path, rule: str, expected: list[str]) -> None:
    layout = (
        f'<names variable="author"><name and="text" delimiter-precedes-last="{rule}" '
        'name-as-sort-order="first"/></names>'
    )
    items = [{"id": "a", "type": "book", "author": _TWO}, {"id": "b", "type": "book", "author": _THREE}]
    assert _entries(tmp_path, layout, items, "he-IL") == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        # zh-TW and zh-CN write "editortranslator" as a plain term (no single/multiple): citeproc-js still joins the
        # same editor and translator under it whenever the locale has the term (NameOutput.checkCommonAuthor)
        (
            "zh-TW",
            ["編譯 Arthur Zelly (Arthur Zelly, 編譯員)", "編譯 Arthur Zelly, B Roe (Arthur Zelly, B Roe, 編譯員)"],
        ),
        ("zh-CN", ["编译 Arthur Zelly (Arthur Zelly, 编译)", "编译 Arthur Zelly, B Roe (Arthur Zelly, B Roe, 编译)"]),
        (
            "en-US",
            [
                "edited & translated by Arthur Zelly (Arthur Zelly, ed. & trans.)",
                "edited & translated by Arthur Zelly, B Roe (Arthur Zelly, B Roe, eds. & trans.)",
            ],
        ),
    ],
)
def test_plain_editortranslator_term_joins_the_lists(tmp_path: Path, locale: str, expected: list[str]) -> None:
    layout = (
        '<names variable="editor translator" delimiter=". "><label form="verb" suffix=" "/><name/></names>'
        '<names variable="editor translator" prefix=" (" suffix=")" delimiter=". "><name/>'
        '<label form="short" prefix=", "/></names>'
    )
    one = [{"family": "Zelly", "given": "Arthur"}]
    two = [*one, {"family": "Roe", "given": "B"}]
    items = [
        {"id": "a", "type": "book", "editor": one, "translator": one},
        {"id": "b", "type": "book", "editor": two, "translator": two},
    ]
    assert _entries(tmp_path, layout, items, locale) == expected


_CASES = (
    '<group delimiter=" | "><text term="in" text-case="capitalize-first"/>'
    '<text variable="title" text-case="uppercase"/><text variable="title" text-case="capitalize-first"/>'
    '<text variable="publisher" text-case="lowercase"/></group>'
)


@pytest.mark.parametrize(
    ("locale", "language", "expected"),
    [
        # citeproc-js cases letters with toLocaleUpperCase/LowerCase of the item's language, else the locale's (its
        # lang_array): the Turkish dotted and dotless i in terms and every variable, and in capitalize-first
        ("tr-TR", None, "İçinde | İLK İŞ | İlk iş | ışık iz"),
        ("tr-TR", "tr", "İçinde | İLK İŞ | İlk iş | ışık iz"),
        ("tr-TR", "en", "Içinde | ILK IŞ | Ilk iş | işik i̇z"),
        ("tr-TR", "Turkish", "Içinde | ILK IŞ | Ilk iş | işik i̇z"),  # a valid language tag, not Turkish
        ("en-US", "tr", "İn | İLK İŞ | İlk iş | ışık iz"),
        ("en-US", None, "In | ILK IŞ | Ilk iş | işik i̇z"),
    ],
)
def test_letters_cased_by_the_item_language_else_the_locale(
    tmp_path: Path, locale: str, language: str | None, expected: str
) -> None:
    item = {"id": "a", "type": "book", "title": "ilk iş", "publisher": "IŞIK İz"}
    if language:
        item["language"] = language
    assert _entries(tmp_path, _CASES, [item], locale) == [expected]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        # a locale's curly opener is a quote only when a closer (not between two letters) closes it; a stray one
        # stays as typed (citeproc-js's processTags): the Armenian transliteration "Xač‘enc‘", "a ‘b‘ c ‘d’ e"
        ("en-GB", ["Sargis Xač‘enc‘ | ‘Xač‘enc‘ a’", "x‘y’z | ‘a ‘b‘ c “d” e’", "“q | ‘a “b“ c “d” e’"]),
        ("en-US", ["Sargis Xač‘enc‘ | “Xač‘enc‘ a”", "x‘y’z | “a ‘b‘ c ‘d’ e”", "“q | “a “b“ c ‘d’ e”"]),
    ],
)
def test_curly_opener_without_partner_is_text(tmp_path: Path, locale: str, expected: list[str]) -> None:
    layout = '<group delimiter=" | "><text variable="publisher"/><text variable="title" quotes="true"/></group>'
    items = [
        {"id": "a", "type": "book", "title": "Xač‘enc‘ a", "publisher": "Sargis Xač‘enc‘"},
        {"id": "b", "type": "book", "title": "a ‘b‘ c ‘d’ e", "publisher": "x‘y’z"},
        {"id": "c", "type": "book", "title": "a “b“ c “d” e", "publisher": "“q"},
    ]
    assert _entries(tmp_path, layout, items, locale) == expected


# citeproc-js 2.4.63 (outputNumericField): the pieces from the leading-zero one on are a blob of their own
def test_leading_zero_number_with_prefix_split_by_the_group_delimiter(tmp_path: Path) -> None:
    layout = (
        '<group delimiter=" | "><text variable="number" prefix="No. "/><text variable="number" prefix="(" suffix=")"/>'
        "</group>"
    )
    items = [{"id": "a", "type": "report", "number": "99-02"}, {"id": "b", "type": "report", "number": "5, 07"}]
    assert _entries(tmp_path, layout, items) == ["No. 99– | 02 | (99–02)", "No. 5,  | 07 | (5, 07)"]


_RANGE_DATES = (
    '<date variable="issued"><date-part name="month" form="short" suffix=" "/>'
    '<date-part name="day" prefix=" " suffix=", "/></date>'
    '<date variable="issued" delimiter="{d}"><date-part name="month" form="short" suffix=" "/>'
    '<date-part name="day" prefix=" " suffix=" "/><date-part name="year" prefix=" "/></date>'
)


@pytest.mark.parametrize(
    ("delimiter", "expected"),
    [
        # a range's end parts meet their delimiter (that of the date compiled last) and each other with one of two
        # spaces dropped at each seam, as its start parts do (bluebook-law-review: "May 25–June 26")
        (" ", ["May 25–June 26, | May 25–June 26 2011", "May 25–June 26, | May 25 2011–June 26 2012"]),
        ("  ", ["May 25–June  26, | May  25–June  26  2011", "May 25–June  26, | May  25  2011–June  26  2012"]),
    ],
)
def test_spaces_between_the_end_parts_of_a_range(tmp_path: Path, delimiter: str, expected: list[str]) -> None:
    layout = f'<group delimiter=" | ">{_RANGE_DATES.format(d=delimiter)}</group>'
    items = [
        {"id": "a", "type": "book", "issued": {"date-parts": [[2011, 5, 25], [2011, 6, 26]]}},
        {"id": "d", "type": "book", "issued": {"date-parts": [[2011, 5, 25], [2012, 6, 26]]}},
    ]
    assert _entries(tmp_path, layout, items) == expected
