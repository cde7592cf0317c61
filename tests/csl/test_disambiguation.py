"""Disambiguation of cites as citeproc-js does it (CSL 1.0.2 "Disambiguation"), each rule on a minimal style."""

from __future__ import annotations

from pathlib import Path

from litsite.csl.engine import Cite, Formatter

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>{macros}
<citation {options}><layout delimiter="; ">{layout}</layout></citation></style>"""
NAMES = (
    '<names variable="author"><name form="short" and="symbol" delimiter=", " delimiter-precedes-last="never"'
    ' initialize-with=". "/></names>'
)
YEAR = '<date variable="issued" prefix=" (" suffix=")"><date-part name="year"/></date>'


def cites(tmp_path: Path, options: str, items: list[dict], layout: str = NAMES + YEAR, macros: str = "") -> list[str]:
    """Each item cited alone, in order: the final text of each cite."""
    path = tmp_path / "s.csl"
    path.write_text(STYLE.format(options=options, layout=layout, macros=macros), encoding="utf-8")
    result = Formatter(path, None).format(items, [[Cite(str(item["id"]))] for item in items], "text")
    return list(result.citations)


def book(id_: str, *people: str, year: int = 1980, **fields: object) -> dict:
    """A book by people written "Given Family"."""
    names = [dict(zip(("given", "family"), p.split(" "), strict=True)) for p in people]
    return {"id": id_, "type": "book", "author": names, "issued": {"date-parts": [[year]]}, **fields}


# Two identical items, one differing in the second name, one in the third person's given name only.
ANDREA = [
    book("ITEM-1", "John Smith", "John Brown", "John Jones"),
    book("ITEM-2", "John Smith", "John Brown", "John Jones"),
    book("ITEM-3", "John Smith", "John Benson", "John Jones"),
    book("ITEM-4", "John Smith", "John Brown", "Arthur Jones"),
]
ET_AL = 'et-al-min="3" et-al-use-first="1" disambiguate-add-names="true"'


def test_add_names_keeps_the_count_that_last_lessened_the_clashes(tmp_path: Path) -> None:
    """A third name tells none of the remaining cites apart, so they keep two (the step that set ITEM-3 apart)."""
    out = cites(tmp_path, ET_AL, ANDREA)
    assert out == ["Smith, Brown, et al. (1980)"] * 2 + ["Smith, Benson, et al. (1980)", "Smith, Brown, et al. (1980)"]


def test_by_cite_given_names_expand_only_where_they_help(tmp_path: Path) -> None:
    """Initials of the third name set ITEM-4 apart; the first names' given names, which help nothing, stay short;
    the two identical cites keep the better configuration."""
    out = cites(tmp_path, ET_AL + ' disambiguate-add-givenname="true"', ANDREA)
    assert out == ["Smith, Brown & J. Jones (1980)"] * 2 + [
        "Smith, Benson, et al. (1980)",
        "Smith, Brown & A. Jones (1980)",
    ]


def test_year_suffixes_on_what_names_cannot_tell_apart(tmp_path: Path) -> None:
    """Names split the cites in two groups; each group's cites get suffixes of their own."""
    options = 'et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" disambiguate-add-year-suffix="true"'
    items = [
        book("ITEM-1", "A Smith", "B Jones", "C Brown", year=1986),
        book("ITEM-2", "A Smith", "B Jones", "C Brown", year=1986),
        book("ITEM-3", "A Smith", "B Jones", "C Brown", "D Green", year=1986),
        book("ITEM-4", "A Smith", "B Jones", "C Brown", "D Green", year=1986),
    ]
    out = cites(tmp_path, options, items)
    assert out == [
        "Smith, Jones & Brown (1986a)",
        "Smith, Jones & Brown (1986b)",
        "Smith, Jones, Brown, et al. (1986a)",
        "Smith, Jones, Brown, et al. (1986b)",
    ]


def test_disambiguate_condition_in_a_macro_counts(tmp_path: Path) -> None:
    """A disambiguate="true" test in a macro (as MLA has it) is the last resort when names cannot help."""
    macro = '<macro name="t"><choose><if disambiguate="true"><text variable="title" prefix=", "/></if></choose></macro>'
    layout = NAMES + '<text macro="t"/>'
    items = [book("a", "Megan Adams", title="One"), book("b", "Megan Adams", title="Two")]
    options = 'disambiguate-add-names="true" disambiguate-add-givenname="true"'
    assert cites(tmp_path, options, items, layout, macro) == ["Adams, One", "Adams, Two"]


def test_year_suffix_follows_the_last_year_of_a_range(tmp_path: Path) -> None:
    """citeproc-js writes "2014–2015a": the suffix after the range, not after its first year."""
    items = [book("a", "J Doe"), book("b", "J Doe")]
    for it in items:
        it["issued"] = {"date-parts": [[2014, 5], [2015, 6]]}
    layout = NAMES + '<date variable="issued" prefix=" " delimiter=" "><date-part name="month" form="short"/>'
    layout += '<date-part name="year"/></date>'
    out = cites(tmp_path, 'disambiguate-add-year-suffix="true"', items, layout)
    assert out == ["Doe May 2014–June 2015a", "Doe May 2014–June 2015b"]


def test_cites_are_compared_in_their_subsequent_form(tmp_path: Path) -> None:
    """citeproc-js compares cites at a subsequent position: et-al-subsequent-* apply, so two first cites that
    differ ("Baur, Fröberg, Baur, et al." and "Baur, Schileyko & Baur") are ambiguous as "Baur et al."."""
    options = (
        'disambiguate-add-year-suffix="true" et-al-min="3" et-al-use-first="3" et-al-subsequent-min="1"'
        ' et-al-subsequent-use-first="1"'
    )
    items = [
        book("ITEM-1", "B Baur", "L Fröberg", "A Baur", "R Guggenheim", "M Haase", year=2000),
        book("ITEM-2", "B Baur", "A Schileyko", "A Baur", year=2000),
        book("ITEM-3", "J Doe", year=2000),
    ]
    assert cites(tmp_path, options, items) == [
        "Baur, Fröberg, Baur, et al. (2000a)",
        "Baur, Schileyko & Baur (2000b)",
        "Doe (2000)",
    ]


def test_cites_are_compared_without_decorations(tmp_path: Path) -> None:
    """Italics and quotes are decorations citeproc-js leaves out when it compares cites: a book and an article of
    the same title are ambiguous."""
    layout = (
        '<group delimiter=", ">' + NAMES + '<choose><if type="book"><text variable="title" font-style="italic"/>'
        '</if><else><text variable="title" quotes="true"/></else></choose>'
        '<date variable="issued"><date-part name="year"/></date></group>'
    )
    items = [book("a", "J Doe", year=2000, title="One"), book("b", "J Doe", year=2000, title="One", type="article")]
    out = cites(tmp_path, 'disambiguate-add-year-suffix="true"', items, layout)
    assert out == ["Doe, One, 2000a", "Doe, “One,” 2000b"]


def test_given_names_written_with_or_without_periods_are_one_person(tmp_path: Path) -> None:
    """primary-name rule: "David R." and "David R" Kelley are the same person (citeproc-js strips periods), so
    neither cite shows a given name."""
    options = 'disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name"'
    layout = '<names variable="author"><name form="short"/></names>'
    items = [
        {"id": "a", "type": "book", "author": [{"family": "Kelley", "given": "David R."}]},
        {"id": "b", "type": "book", "author": [{"family": "Kelley", "given": "David R"}, {"family": "Salzberg"}]},
    ]
    assert cites(tmp_path, options, items, layout) == ["Kelley", "Kelley, Salzberg"]


def test_accessed_dates_do_not_tell_cites_apart(tmp_path: Path) -> None:
    """citeproc-js compares cites without their accessed dates: two undated cites of one author get suffixes."""
    layout = (
        NAMES + '<text term="no date" form="short" prefix=" "/><text variable="year-suffix" prefix="-"/>'
        '<date variable="accessed" prefix=" [" suffix="]" date-parts="year" form="text"/>'
    )
    items = [
        book("a", "J Doe", accessed={"date-parts": [[1965]]}),
        book("b", "J Doe", accessed={"date-parts": [[2065]]}),
    ]
    for it in items:
        del it["issued"]
    out = cites(tmp_path, 'disambiguate-add-year-suffix="true"', items, layout)
    assert out == ["Doe n.d.-a [1965]", "Doe n.d.-b [2065]"]


PLAIN_YEAR = '<date variable="issued"><date-part name="year"/></date>'


def cluster(tmp_path: Path, style_class: str, options: str, items: list[dict]) -> str:
    """All items cited in one cluster."""
    path = tmp_path / "c.csl"
    text = STYLE.format(options=options, layout=f'<group delimiter=" ">{NAMES}{PLAIN_YEAR}</group>', macros="")
    path.write_text(text.replace('class="in-text"', f'class="{style_class}"'), encoding="utf-8")
    result = Formatter(path, None).format(items, [[Cite(str(item["id"])) for item in items]], "text")
    return result.citations[0]


def test_collapse_compares_the_names_shown_with_et_al(tmp_path: Path) -> None:
    """The names "Smith" and "Smith et al." differ: the second cite keeps its names (citeproc-js)."""
    items = [book("a", "J Smith", year=1900), book("b", "J Smith", "R Jones", year=2000)]
    out = cluster(tmp_path, "in-text", 'collapse="year" et-al-min="2" et-al-use-first="1"', items)
    assert out == "Smith 1900; Smith et al. 2000"


def test_collapsed_years_keep_the_layout_delimiter_in_note_styles(tmp_path: Path) -> None:
    """Without cite-group-delimiter citeproc-js joins collapsed years with ", " in in-text styles only."""
    items = [book(i, "J Smith", year=2000 + n) for n, i in enumerate("abc")]
    assert cluster(tmp_path, "note", 'collapse="year"', items) == "Smith 2000; 2001; 2002"
    assert cluster(tmp_path, "in-text", 'collapse="year"', items) == "Smith 2000, 2001, 2002"
