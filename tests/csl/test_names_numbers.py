"""Names, numbers and substitution as citeproc-js renders them: each rule on a minimal inline style (the expected
values are citeproc-js 2.4.63's output for the same style and items, bench/citeproc_js/render.js)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import Cite, Formatter, format_bibliography

from .probe import probe_style

EDITION = (
    '<macro name="ed"><group delimiter=" "><number variable="edition" form="ordinal"/>'
    '<label variable="edition" form="short"/></group></macro>'
)


def _entries(tmp_path: Path, layout: str, items: list[dict], extra: str = "", locale: str = "en-US") -> list[str]:
    style = probe_style(tmp_path, layout, extra=extra)
    books = [{"id": f"i{n}", "type": "book", **item} for n, item in enumerate(items)]
    return [entry.strip() for entry in format_bibliography(books, style, "text", locale)]


def test_a_number_used_as_a_substitute_is_not_printed_again(tmp_path: Path) -> None:
    """CSL "Substitute": substituted variables are suppressed in the rest of the output; citeproc-js suppresses a
    cs:number of such a variable as it does a cs:text (APA's "(5th ed.). (n.d.)." without a second "(5th ed.)")."""
    layout = (
        '<names variable="author"><substitute><text macro="ed"/></substitute></names>'
        '<text macro="ed" prefix=" / "/><text variable="title" prefix=" / "/>'
    )
    items = [{"edition": "5", "title": "T"}, {"edition": "5", "title": "T", "author": [{"family": "A"}]}]
    assert _entries(tmp_path, layout, items, extra=EDITION) == ["5th ed. / T", "A / 5th ed. / T"]


def _formatted(
    tmp_path: Path,
    citation: str,
    layout: str,
    items: list[dict],
    style_attrs: str = "",
    bibliography: str = '<text variable="title"/>',
) -> tuple[list[str], list[str]]:
    """The first citation of each item, one cluster each, in file order (as citeproc-js processes them), and the
    bibliography entries."""
    path = tmp_path / "cites.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {style_attrs}>'
        "<info><title>c</title><id>c</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
        f"<citation {citation}><layout>{layout}</layout></citation>"
        f"<bibliography><layout>{bibliography}</layout></bibliography></style>",
        encoding="utf-8",
    )
    books = [{"type": "book", "title": item["id"], **item} for item in items]
    result = Formatter(path, "en-US").format(books, [[Cite(item["id"])] for item in items], "text")
    return list(result.citations), [entry.strip() for _, entry in result.entries]


def _cites(tmp_path: Path, citation: str, layout: str, items: list[dict], style_attrs: str = "") -> list[str]:
    return _formatted(tmp_path, citation, layout, items, style_attrs)[0]


def test_a_given_name_expanded_one_level_under_initialize_false_is_not_initialised(tmp_path: Path) -> None:
    """citeproc-js (_givenName): a disambiguation level of 1 renders the name as its own settings do, so under
    initialize="false" written initials are only normalised ("Percy L.", not "P. L.")."""
    layout = (
        '<choose><if position="subsequent"><names variable="author"><name form="short"/></names></if>'
        '<else><names variable="author"><name initialize="false"/></names></else></choose>'
    )
    items = [
        {"id": "a", "author": [{"family": "Ralley", "given": "Percy L."}]},
        {"id": "b", "author": [{"family": "Ralley", "given": "Percy L.", "suffix": "Jr."}]},
        {"id": "c", "author": [{"family": "Ralley", "given": "Anne"}]},
    ]
    cites = _cites(tmp_path, 'disambiguate-add-givenname="true"', layout, items, 'initialize-with=". "')
    assert cites == ["Percy L. Ralley", "Percy L. Ralley Jr.", "Anne Ralley"]


GIVENS = 'disambiguate-add-givenname="true" disambiguate-add-names="true" et-al-min="3" et-al-use-first="1"'
SHORT_NAMES = '<names variable="author"><name form="short" initialize-with=". " and="text" delimiter=", "/></names>'


def _people(*families: tuple[str, str]) -> list[dict]:
    return [{"family": family, "given": given} for family, given in families]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        # John and Jane Doe need full names; Edward, cited after them, starts where they ended
        ("345", ["Blether and John Doe", "Blether and Jane Doe", "Blether and Edward Doe"]),
        # cited between them, Edward is told apart by his initial before Jane needs more
        ("354", ["Blether and John Doe", "Blether and E. Doe", "Blether and Jane Doe"]),
        ("534", ["Blether and E. Doe", "Blether and John Doe", "Blether and Jane Doe"]),
    ],
)
def test_a_group_of_ambiguous_cites_grows_one_citation_at_a_time(
    tmp_path: Path, order: str, expected: list[str]
) -> None:
    """citeproc-js settles a group of identical cites again each time a citation adds an item to it, from the
    configuration the group's first item has so far (it never takes back a name or a given name)."""
    people = {
        "3": _people(("Blether", "John"), ("Doe", "John")),
        "4": _people(("Blether", "John"), ("Doe", "Jane")),
        "5": _people(("Blether", "John"), ("Doe", "Edward")),
    }
    items = [{"id": f"t{n}", "author": people[n]} for n in order]
    assert _cites(tmp_path, GIVENS, SHORT_NAMES, items) == expected


def test_names_added_for_an_earlier_pair_stay_for_a_later_item(tmp_path: Path) -> None:
    """The same with disambiguate-add-names: "A, E, and F" after the pair that needed three names, "A, E, et al."
    when it is cited first."""
    citation = 'disambiguate-add-names="true" et-al-min="3" et-al-use-first="1"'
    abc = {"a": ("B", "C"), "b": ("B", "D"), "c": ("E", "F")}
    items = [{"id": k, "author": [{"family": "A"}, {"family": v[0]}, {"family": v[1]}]} for k, v in abc.items()]
    assert _cites(tmp_path, citation, SHORT_NAMES, items) == ["A, B, and C", "A, B, and D", "A, E, and F"]
    assert _cites(tmp_path, citation, SHORT_NAMES, items[2:] + items[:2]) == [
        "A, E, et al.",
        "A, B, and C",
        "A, B, and D",
    ]


@pytest.mark.parametrize(
    ("locale", "variable", "form", "expected"),
    [
        # the plain `ordinal` term in the gender of the variable's noun (it-IT edizione is feminine)
        ("it-IT", "edition", "ordinal", ["1ª", "2ª", "11ª", "112ª"]),
        ("it-IT", "volume", "ordinal", ["1º", "2º", "11º", "112º"]),
        # long-ordinal-NN in that gender too (volume is masculine: "primo", not the plain "prima")
        ("it-IT", "volume", "long-ordinal", ["primo", "secondo", "11º", "112º"]),
        ("it-IT", "edition", "long-ordinal", ["prima", "seconda", "11ª", "112ª"]),
        # a gender's ordinal-NN, else that gender's plain term: Catalan masculine 2 is "2n", 5 "5è"
        ("ca-AD", "volume", "ordinal", ["1r", "2n", "11r", "112n"]),
        ("ca-AD", "volume", "long-ordinal", ["primer", "segon", "11r", "112n"]),
        # a noun without a gender: a term given only in gender forms is read in its feminine one
        ("ca-AD", "issue", "long-ordinal", ["primera", "segona", "11a", "112a"]),
        ("en-US", "edition", "long-ordinal", ["first", "second", "11th", "112th"]),
        ("fr-FR", "edition", "ordinal", ["1ʳᵉ", "2ᵉ", "11ᵉ", "112ᵉ"]),
    ],
)
def test_ordinals_in_the_gender_of_their_noun(
    tmp_path: Path, locale: str, variable: str, form: str, expected: list[str]
) -> None:
    """CSL 1.0.1 ordinals with gender-form terms, as citeproc-js's Ordinalizer and LongOrdinalizer read them."""
    layout = f'<number variable="{variable}" form="{form}"/>'
    items = [{variable: str(n)} for n in (1, 2, 11, 112)]
    assert _entries(tmp_path, layout, items, locale=locale) == expected


YEAR = '<date variable="issued"><date-part name="year"/></date>'


@pytest.mark.parametrize(
    ("initials", "cites", "entries"),
    [
        # level 1 without initialize-with is the full name in the cite, and so in the bibliography
        (
            "",
            ["Martin Abadi 2016", "Mark Abadi 2016", "Mark Abadi 2017", "Jo Abadi 2017"],
            ["Abadi, Martin. a", "Abadi, Mark. b", "Abadi, Mark. c", "Abadi, Jo. d"],
        ),
        # with initialize-with, initials tell c from d: their entries keep the bibliography's own initials
        (
            'initialize-with=". "',
            ["Martin Abadi 2016", "Mark Abadi 2016", "M. Abadi 2017", "J. Abadi 2017"],
            ["Abadi, Martin. a", "Abadi, Mark. b", "Abadi, M. c", "Abadi, J. d"],
        ),
    ],
)
def test_a_given_name_a_cite_needed_is_written_in_the_bibliography(
    tmp_path: Path, initials: str, cites: list[str], entries: list[str]
) -> None:
    """citeproc-js writes the given-name level a cite rendered with back into the item's disambiguation, and the
    bibliography uses it where it is above the name's own level (_givenName: "use disambig only if it boosts")."""
    layout = f'<group delimiter=" "><names variable="author"><name form="short" {initials}/></names>{YEAR}</group>'
    entry = (
        '<group delimiter=". "><names variable="author"><name name-as-sort-order="all" initialize-with=". "/>'
        '</names><text variable="title"/></group>'
    )
    people = {"a": ("Martin", 2016), "b": ("Mark", 2016), "c": ("Mark", 2017), "d": ("Jo", 2017)}
    items = [
        {"id": k, "author": [{"family": "Abadi", "given": g}], "issued": {"date-parts": [[y]]}}
        for k, (g, y) in people.items()
    ]
    found = _formatted(tmp_path, 'disambiguate-add-givenname="true"', layout, items, bibliography=entry)
    assert found == (cites, entries)


def test_names_are_added_to_the_list_a_substitute_shows(tmp_path: Path) -> None:
    """disambiguate-add-names counts the names of whichever list the cite shows first: the author, or a composer or
    illustrator standing in for it (citeproc-js disambiguates the rendered names, whatever their variable)."""
    layout = (
        '<group delimiter=" "><names variable="composer"><name form="short" and="text" delimiter=", "/>'
        '<substitute><names variable="author"/><names variable="illustrator"/></substitute></names>'
        f"{YEAR}</group>"
    )
    year = {"issued": {"date-parts": [[1900]]}}
    items = [
        {"id": "x", "author": [{"family": f} for f in ("Dupont", "Oneil", "Beethoven")], **year},
        {"id": "y", "composer": [{"family": f} for f in ("Dupont", "Muller", "Cruz")], **year},
        {"id": "z", "illustrator": [{"family": f} for f in ("Dupont", "Muller", "Abel")], **year},
    ]
    citation = 'disambiguate-add-names="true" disambiguate-add-year-suffix="true" et-al-min="3" et-al-use-first="1"'
    cites = _cites(tmp_path, citation, layout, items)
    assert cites == ["Dupont, Oneil, et al. 1900", "Dupont, Muller, and Cruz 1900", "Dupont, Muller, and Abel 1900"]


@pytest.mark.parametrize(
    ("rule", "own", "entries"),
    [
        # the global rules expand a name in the bibliography where they raise it above its own level
        ("primary-name", 'initialize="false"', ["Dupont, M.-A. and Jo Roe. a", "Dupont, Marie-Anne. b", "Roe, Jim. c"]),
        ("primary-name", "", ["Dupont, M.-A. and J. Roe. a", "Dupont, Marie-Anne. b", "Roe, J. c"]),
        ("all-names", "", ["Dupont, M.-A. and Jo Roe. a", "Dupont, Marie-Anne. b", "Roe, Jim. c"]),
        ("all-names-with-initials", "", ["Dupont, M.-A. and J. Roe. a", "Dupont, M.-A. b", "Roe, J. c"]),
    ],
)
def test_a_global_given_name_rule_reaches_the_bibliography(
    tmp_path: Path, rule: str, own: str, entries: list[str]
) -> None:
    """givenname-disambiguation-rule other than by-cite: citeproc-js reads its name registry for the bibliography's
    names too (M.-A. and Marie-Anne Dupont share initials: the full given name, as written)."""
    layout = f'<group delimiter=" "><names variable="author"><name form="short" and="text"/></names>{YEAR}</group>'
    entry = (
        f'<group delimiter=". "><names variable="author"><name name-as-sort-order="first" and="text" {own}/>'
        '</names><text variable="title"/></group>'
    )
    people = {"a": [("Dupont", "M.-A."), ("Roe", "Jo")], "b": [("Dupont", "Marie-Anne")], "c": [("Roe", "Jim")]}
    items = [
        {"id": k, "author": [{"family": f, "given": g} for f, g in v], "issued": {"date-parts": [[2004 + n]]}}
        for n, (k, v) in enumerate(people.items())
    ]
    citation = f'disambiguate-add-givenname="true" givenname-disambiguation-rule="{rule}"'
    found = _formatted(tmp_path, citation, layout, items, 'initialize-with=". "', entry)
    assert found[1] == entries


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # a word (not a Roman numeral) before a hyphen is part of the value: its hyphens are kept
        ("WP-2011-3", "WP-2011-3"),
        ("A-12-14", "A-12-14"),
        ("A-1 and 4-5", "A-1 and 4-5"),
        ("CD-1-2", "CD-1-2"),
        # a Roman numeral or a number is not: the range after it takes the en dash
        ("X-1-2", "X-1–2"),
        ("Mix-1-2", "Mix-1–2"),
        ("2011-3", "2011–3"),
        ("A1-A2-A3", "A1-2–3"),
    ],
)
def test_hyphens_of_a_number_after_a_word(tmp_path: Path, value: str, expected: str) -> None:
    """citeproc-js's processNumber reads "WP-2011-3" (a report number) as one value, not a range."""
    assert _entries(tmp_path, '<text variable="number"/>', [{"number": value}]) == [expected]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        # a hyphen pairs with the range it ends: the earlier hyphens stay, en dashes among them too
        ("12-14-16", "", "pages 12-14–16"),
        ("1-2-3-4", "", "pages 1-2-3–4"),
        ("12–14-16", "", "pages 12-14–16"),
        ("12-14–16", 'page-range-format="minimal"', "pages 12-14–6"),
        ("A1-A2-A3", "", "pages A1-A2–A3"),
        # a word before a hyphen: no range in the value
        ("S-1, 2-3", "", "page S-1, 2-3"),
    ],
)
def test_pages_with_several_hyphens(tmp_path: Path, value: str, fmt: str, expected: str) -> None:
    """Page ranges as citeproc-js's number parser reads a value with several hyphens."""
    layout = '<group delimiter=" "><label variable="page"/><text variable="page"/></group>'
    style = probe_style(tmp_path, layout, attrs=fmt)
    entries = format_bibliography([{"id": "a", "type": "book", "page": value}], style, "text", "en-US")
    assert [entry.strip() for entry in entries] == [expected]


@pytest.mark.parametrize(
    ("layout", "locale", "expected"),
    [
        ('<date variable="issued" form="numeric"/>', "en-US", "2003"),
        ('<date variable="issued" form="text"/>', "en-US", "Spring 2003"),
        ('<date variable="issued" form="numeric"/>', "de-DE", "2003"),
        ('<date variable="issued" form="text"/>', "ja-JP", "2003年"),  # its month part is numeric, with 月
        (
            '<date variable="issued"><date-part name="month" form="numeric" suffix="/"/>'
            '<date-part name="year"/></date>',
            "en-US",
            "2003",
        ),
    ],
)
def test_a_season_is_no_number(tmp_path: Path, layout: str, locale: str, expected: str) -> None:
    """A month of 13-24 is a season: citeproc-js writes its term in a month part of text form, and nothing (no
    number, no affixes) in a numeric one."""
    assert _entries(tmp_path, layout, [{"issued": {"date-parts": [[2003, 21]]}}], locale=locale) == [expected]
