"""cs:name as citeproc-js renders it: parsing of particles and suffixes, initials, name-part formatting.

Each test states the rule (CSL 1.0.2 "Name", "Name-part Formatting", or citeproc-js's behaviour where the
specification leaves it open) on a small inline style.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography
from litsite.csl.fixes.name_parse import initialize_with, parse_name

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {root}>
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><names variable="author"><name {name}>{parts}</name></names></layout></bibliography></style>"""


def render(tmp_path: Path, author: list[dict], name: str = "", parts: str = "", root: str = "",
           fmt: str = "text", **fields: object) -> str:  # fmt: skip
    """The one bibliography entry of a book by `author` under a style with the given cs:name."""
    path = tmp_path / "s.csl"
    path.write_text(STYLE.format(root=root, name=name, parts=parts), encoding="utf-8")
    return format_bibliography([{"id": "a", "type": "book", "author": author, **fields}], path, fmt)[0]


@pytest.mark.parametrize(
    ("given", "terminator", "expected"),
    [
        ("ME", ". ", "ME"),  # a run of capitals without separators is a name, not initials
        ("M.E", " ", "M E"),
        ("M E.", ".", "M.E."),
        ("John M.E.", ". ", "John M. E."),
        ("ME.", "", "ME"),  # an abbreviation loses its period for the terminator
        ("Ph.M.E.", " ", "Ph M E"),
        ("Ph. M.E.", "", "PhME"),
        ("Me.", ". ", "Me."),
    ],
)
def test_initialize_false_normalizes_written_initials(given: str, terminator: str, expected: str) -> None:
    """initialize="false": full names stay; initials and abbreviations written in the name take the terminator."""
    assert initialize_with(given, terminator, normalize_only=True) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("John Paul", "J. P."),
        ("Jean-Paul", "J.-P."),
        ("Th. W.", "Th. W."),  # an abbreviation keeps its letters
        ("TSerendorjiin", "Ts."),  # capitals followed by lower case: the capitals, the rest lower-cased
        ("JOHN", "J."),  # all capitals: one initial
        ("John de", "J. de"),  # a lower-case word stays
    ],
)
def test_initialize_with(given: str, expected: str) -> None:
    assert initialize_with(given, ". ") == expected


def test_initials_through_the_style(tmp_path: Path) -> None:
    """initialize-with makes initials; initialize="false" only normalizes; a lone given name is never initialised."""
    author = [{"family": "Tserendorj", "given": "TSerendorjiin"}]
    assert render(tmp_path, author, 'initialize-with="."') == "Ts. Tserendorj"
    author = [{"family": "Behn", "given": "John M.E"}]
    assert render(tmp_path, author, 'initialize="false" initialize-with=". "') == "John M. E. Behn"
    assert render(tmp_path, [{"given": "Banksy"}], 'initialize-with="."') == "Banksy"


def test_particles_parsed_from_family_and_given() -> None:
    """Lower-case words leading the family name (also ending in an apostrophe or hyphen) are its non-dropping
    particle, trailing lower-case words of the given name its dropping particle; only for names with both."""
    assert parse_name({"family": "van der Meer", "given": "Gerard"}).non_dropping_particle == "van der"
    assert parse_name({"family": "d'Aubignac", "given": "F."}).non_dropping_particle == "d’"
    assert parse_name({"family": "al-One", "given": "Alan"}).family == "One"
    assert parse_name({"family": "Hédelin", "given": "François d'"}).dropping_particle == "d’"
    assert parse_name({"family": "van Gogh"}).family == "van Gogh"  # no given name: not parsed
    quoted = parse_name({"family": '"Van Dyke"', "given": "Dick"})
    assert (quoted.family, quoted.non_dropping_particle) == ("Van Dyke", "")


def test_suffix_after_comma_in_given_name(tmp_path: Path) -> None:
    """A suffix follows a comma in the given name; ",!" asks for a comma before it in the output."""
    assert render(tmp_path, [{"family": "Doe", "given": "John, III"}]) == "John Doe III"
    assert render(tmp_path, [{"family": "Doe", "given": "John,! Jr."}]) == "John Doe, Jr."
    # a name without a given name keeps its suffix (only the short form drops it)
    assert render(tmp_path, [{"family": "May", "suffix": "Keith"}], 'name-as-sort-order="all"') == "May, Keith"
    assert render(tmp_path, [{"family": "Doe", "given": "J", "suffix": "Jr."}], 'form="short"') == "Doe"


def test_name_parts_formatted_separately(tmp_path: Path) -> None:
    """The family name-part's formatting reaches the non-dropping particle and the family name, each on its own;
    the dropping particle takes the given name-part's."""
    author = [{"family": "Meer", "given": "Gerard", "dropping-particle": "van", "non-dropping-particle": "der"}]
    parts = '<name-part name="family" text-case="uppercase"/>'
    assert render(tmp_path, author, parts=parts) == "Gerard van DER MEER"
    parts = '<name-part name="given" font-style="italic"/><name-part name="family" font-weight="bold"/>'
    html = render(tmp_path, [{"family": "del Rio", "given": "Ana"}], 'name-as-sort-order="all"', parts,
                  'demote-non-dropping-particle="never"', "html")  # fmt: skip
    assert html == "<b>del</b> <b>Rio</b>, <i>Ana</i>"
    html = render(tmp_path, [{"family": "Rio", "given": "Ana al"}], 'name-as-sort-order="all"', parts, fmt="html")
    assert html == "<b>Rio</b>, <i>Ana</i> <i>al</i>"


def test_name_part_affixes_wrap_the_whole_part(tmp_path: Path) -> None:
    """The family name-part's affixes enclose particles, family name and suffix in display order."""
    author = [{"family": "Fontaine", "given": "Jean", "dropping-particle": "de", "non-dropping-particle": "La",
               "suffix": "III"}]  # fmt: skip
    parts = '<name-part name="family" prefix="(" suffix=")"/><name-part name="given" prefix="[" suffix="]"/>'
    assert render(tmp_path, author, parts=parts) == "[Jean] (de La Fontaine III)"
    parts = '<name-part name="given" suffix="\u00a0"/>'  # a no-break space after the given name replaces the space
    assert render(tmp_path, [{"family": "Doe", "given": "John"}], parts=parts) == "John\u00a0Doe"


def test_particle_ending_in_apostrophe_or_hyphen(tmp_path: Path) -> None:
    """A particle ending in an apostrophe or hyphen is written against the family name; inverted, it follows the
    given name (demote-non-dropping-particle="display-and-sort", the default)."""
    assert render(tmp_path, [{"family": "Aubignac", "given": "François d'"}]) == "François d’Aubignac"
    assert render(tmp_path, [{"family": "al-One", "given": "Alan"}]) == "Alan al-One"
    assert render(tmp_path, [{"family": "al-One", "given": "Alan"}], 'name-as-sort-order="all"') == "One, Alan al-"


def test_name_order_by_script_and_language(tmp_path: Path) -> None:
    """A family name without Latin-like letters is written family first without a space; a Latin-script name of
    a Chinese or Japanese item family first with a space (citeproc-js's static ordering)."""
    assert render(tmp_path, [{"family": "田中", "given": "太郎"}]) == "田中太郎"
    assert render(tmp_path, [{"family": "Wang", "given": "Wei"}], language="zh") == "Wang Wei"
    assert render(tmp_path, [{"family": "Wang", "given": "Wei"}], language="en") == "Wei Wang"


def test_et_al_min_without_use_first_truncates_nothing(tmp_path: Path) -> None:
    """et-al-min alone (no et-al-use-first on the name, its cs:bibliography or cs:style) keeps every name, as
    citeproc-js does; with et-al-use-first the list is cut."""
    author = [{"family": f, "given": "A"} for f in ("Doe", "Roe", "Poe")]
    assert render(tmp_path, author, 'et-al-min="3"') == "A Doe, A Roe, A Poe"
    assert render(tmp_path, author, 'et-al-min="3" et-al-use-first="1"') == "A Doe et al."


def test_et_al_written_in_the_given_name(tmp_path: Path) -> None:
    """ "et al." at the end of a given name is not part of the name: the list ends in the et-al term, as if it had
    been cut (citeproc-js reads it as a dropping particle that asks for et-al)."""
    author = [{"family": "Born", "given": "L. et al."}]
    assert render(tmp_path, author, 'initialize-with=". "') == "L. Born et al."
    assert render(tmp_path, author, 'name-as-sort-order="all"') == "Born, L. et al."
    assert render(tmp_path, author, 'et-al-min="3" et-al-use-first="1" et-al-use-last="true"') == "L. Born"


LABEL_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>{locale}
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><names variable="{variable}"><label form="{form}" suffix=" "/><name/></names></layout>
</bibliography></style>"""


@pytest.mark.parametrize(
    ("variable", "form", "locale", "expected"),
    [
        ("reviewed-author", "verb-short", "", "by Jo Doe"),  # en-US has only the verb form: verb-short → verb
        ("editor", "symbol", "", "ed. Jo Doe"),  # no symbol form: symbol → short
        ("translator", "verb", '<term name="translator">tr</term>', "translated by Jo Doe"),  # the locale file's verb
        ("editor", "verb-short", '<term name="editor" form="verb">redigiert von</term>', "ed. by Jo Doe"),
    ],
)
def test_label_term_form_falls_back(tmp_path: Path, variable: str, form: str, locale: str, expected: str) -> None:
    """A term form the locales lack falls back (verb-short → verb → long, symbol → short → long), each form
    looked up in the style's cs:locale and the locale files before the next form."""
    path = tmp_path / "s.csl"
    block = f'<locale xml:lang="en"><terms>{locale}</terms></locale>' if locale else ""
    path.write_text(LABEL_STYLE.format(locale=block, variable=variable, form=form), encoding="utf-8")
    entry = {"id": "a", "type": "book", "title": "T", variable: [{"family": "Doe", "given": "Jo"}]}
    assert format_bibliography([entry], path)[0] == expected


SAS_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography subsequent-author-substitute="---"><layout><group delimiter=". ">
<names variable="author"><name name-as-sort-order="all"/><label form="short" prefix=", "/>
<substitute>{substitute}</substitute></names><text variable="title"/></group></layout></bibliography></style>"""


GUEST = '<names variable="guest"><name name-as-sort-order="all"/></names>'


@pytest.mark.parametrize(
    ("substitute", "expected"),
    [
        # the names are compared whatever their role; the label of the replaced names stays
        ('<names variable="editor"/>', ["Doe, Jo. A", "---, ed. B", "---, ed. C"]),
        # after a cs:names with a cs:name of its own, citeproc-js replaces nothing (MLA's "guest")
        (GUEST + '<names variable="editor"/>', ["Doe, Jo. A", "Doe, Jo, ed. B", "Doe, Jo, ed. C"]),
    ],
)
def test_subsequent_author_substitute(tmp_path: Path, substitute: str, expected: list[str]) -> None:
    """subsequent-author-substitute replaces names equal to the previous entry's (citeproc-js's rule)."""
    path = tmp_path / "s.csl"
    path.write_text(SAS_STYLE.format(substitute=substitute), encoding="utf-8")
    doe = [{"family": "Doe", "given": "Jo"}]
    items = [{"id": "a", "type": "book", "title": "A", "author": doe}]
    items += [{"id": i, "type": "book", "title": i.upper(), "editor": doe} for i in ("b", "c")]
    assert format_bibliography(items, path) == expected


def test_an_entry_never_replaced_is_not_compared(tmp_path: Path) -> None:
    """An entry whose names are never replaced (after MLA's "guest") leaves the comparison to the entry before it:
    citeproc-js 2.4.63 on this style replaces C (compared with A, not B) and not G (compared with E)."""
    path = tmp_path / "s.csl"
    path.write_text(SAS_STYLE.format(substitute=GUEST + '<names variable="editor"/>'), encoding="utf-8")
    doe = [{"family": "Doe", "given": "Jo"}]
    roles = {"a": "author", "b": "editor", "c": "author", "d": "editor", "e": "roe", "f": "editor", "g": "author"}
    items = [
        {"id": i, "type": "book", "title": i.upper(), **({"author": [{"family": "Roe"}]} if r == "roe" else {r: doe})}
        for i, r in roles.items()
    ]
    expected = ["Doe, Jo. A", "Doe, Jo, ed. B", "---. C", "Doe, Jo, ed. D", "Roe. E", "Doe, Jo, ed. F", "Doe, Jo. G"]
    assert format_bibliography(items, path) == expected


CHOOSE_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><group delimiter=". ">
<names variable="author"><name/><substitute><choose><if type="book">
<names variable="editor"/><names variable="translator"/></if></choose></substitute></names>
<names variable="translator"><label form="verb" suffix=" "/><name/></names></group></layout></bibliography></style>"""


def test_substitute_choose_branch_children_are_candidates(tmp_path: Path) -> None:
    """Inside cs:substitute, each element of a cs:choose branch is a candidate of its own: the first that renders
    substitutes, and the variables of the others are not suppressed (citeproc-js)."""
    path = tmp_path / "s.csl"
    path.write_text(CHOOSE_STYLE, encoding="utf-8")
    item = {"id": "a", "type": "book", "editor": [{"family": "Tiger", "given": "Ted"}],
            "translator": [{"family": "Gerbil", "given": "Gary"}]}  # fmt: skip
    assert format_bibliography([item], path) == ["Ted Tiger. translated by Gary Gerbil"]


def test_institution_takes_family_formatting_not_affixes(tmp_path: Path) -> None:
    """A literal (institutional) name takes the family name-part's text-case and formatting, not its affixes."""
    parts = '<name-part name="family" text-case="uppercase" font-weight="bold" prefix="(" suffix=")"/>'
    author = [{"family": "Doe", "given": "Jo"}, {"literal": "Big Corp"}]
    html = render(tmp_path, author, 'and="text"', parts, fmt="html")
    assert html == "Jo (<b>DOE</b>) and <b>BIG CORP</b>"


def test_lower_case_given_name_under_initialize_with(tmp_path: Path) -> None:
    """A lower-case given name is not initialised: citeproc-js keeps it after a space of its own, so that it
    follows a delimiter with two spaces ("Li,  shuang", "Jiang,  shuang Li")."""
    author = [{"family": "Jiang", "given": "Z"}, {"family": "Li", "given": "shuang"}]
    assert render(tmp_path, author, 'name-as-sort-order="all" initialize-with=". "') == "Jiang, Z., Li,  shuang"
    assert render(tmp_path, author, 'initialize-with=". "') == "Z. Jiang,  shuang Li"


def test_and_and_et_al_terms_in_another_script(tmp_path: Path) -> None:
    """An "and" or "et-al" term that does not start with a Latin-like letter is joined without spaces
    (citeproc-js: "Zither等", Hebrew "ו" before the last name); "&" and "and" keep theirs."""
    path = tmp_path / "s.csl"
    path.write_text(
        STYLE.format(root="", name='and="text"', parts="").replace(
            "<citation>", '<locale><terms><term name="and">和</term><term name="et-al">等</term></terms></locale>'
            "<citation>"),
        encoding="utf-8",
    )  # fmt: skip
    two = [{"family": "Doe", "given": "Jo"}, {"family": "Roe", "given": "Al"}]
    assert format_bibliography([{"id": "a", "type": "book", "author": two}], path) == ["Jo Doe和Al Roe"]
    assert render(tmp_path, two, 'and="symbol"') == "Jo Doe & Al Roe"


TERM_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<locale><terms><term name="editor">{editor}</term></terms></locale>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><text value="Content:"/><names variable="author" prefix=" "><name/>
<substitute><text term="editor"/><text variable="title"/></substitute></names></layout></bibliography>
</style>"""


def test_substitute_ends_at_a_term_even_when_empty(tmp_path: Path) -> None:
    """A cs:text term (or value) in cs:substitute ends the substitution even when the term is empty: the title
    after it is not used (citeproc-js)."""
    path = tmp_path / "s.csl"
    path.write_text(TERM_STYLE.format(editor=""), encoding="utf-8")
    assert format_bibliography([{"id": "a", "type": "book", "title": "T"}], path) == ["Content:"]


@pytest.mark.parametrize(
    ("family", "given", "name", "suffix", "expected"),
    [
        ("Reagle", "Joseph M.", 'initialize-with="" name-as-sort-order="all"', "Jr.", "Reagle, JM, Jr"),
        ("Reagle", "Joseph M.", 'initialize-with="" name-as-sort-order="all"', "Jr.M.D.", "Reagle, JM, JrMD"),
        ("Reagle", "Joseph M.", 'initialize-with=""', "Jr.", "JM Reagle Jr"),
        ("Reagle", "Joseph M.", 'initialize-with=". " name-as-sort-order="all"', "Jr.M.D.", "Reagle, J. M., Jr. M. D."),
        ("Reagle", "Joseph M.", 'initialize-with=". "', "III", "J. M. Reagle III"),
        ("Reagle", "Joseph M.", 'initialize-with="." initialize="false"', "Jr.M.D.", "Joseph M. Reagle Jr.M.D."),
        ("Reagle", "Joseph M.", "", "Jr.M.D.", "Joseph M. Reagle Jr.M.D."),
        (
            "Younger",
            "K. Lawson",
            'initialize-with="" name-as-sort-order="all" sort-separator=" "',
            "Jr.",
            "Younger KL Jr",
        ),
        (
            "Younger",
            "K. Lawson",
            'initialize-with="" name-as-sort-order="all" sort-separator=" "',
            "S.J.",
            "Younger KL SJ",
        ),
        ("Younger", "K. Lawson", 'initialize-with=""', "Sr.", "KL Younger Sr"),
        ("Younger", "K. Lawson", 'initialize="false" initialize-with=""', "Jr.", "K Lawson Younger Jr"),
        ("Younger", "K. Lawson", 'initialize-with=". " name-as-sort-order="all"', "Jr.", "Younger, K. L., Jr."),
        ("Younger", "K. Lawson", 'initialize-with="."', "Ph.D.", "K.L. Younger Ph.D."),
        ("Younger", "K. Lawson", "", "Jr.", "K. Lawson Younger Jr."),  # no initialize-with: as written
    ],
)
def test_a_suffix_is_normalised_under_initialize_with(
    tmp_path: Path, family: str, given: str, name: str, suffix: str, expected: str
) -> None:
    """citeproc-js (NameOutput._nameSuffix) normalises a name's suffix as written initials are when the name has
    initialize-with (an abbreviation's period becomes the terminator), also under initialize="false"; without
    initialize-with it is written as it is. Expected values: citeproc-js 2.4.63 on this style and item."""
    author = [{"family": family, "given": given, "suffix": suffix}]
    assert render(tmp_path, author, name=name).strip() == expected
