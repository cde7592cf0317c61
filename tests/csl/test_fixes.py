"""One test per correction in litsite.csl.fixes (and the disambiguation step), on small inline styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import Cite, Formatter, format_bibliography, format_bibliography_ids, format_first_citations
from litsite.csl.fixes.conditions import is_numeric
from litsite.csl.fixes.names import initialize
from litsite.csl.fixes.numbers import format_last
from litsite.csl.fixes.sorting import collation_key
from litsite.csl.fixes.text_case import apply_case
from litsite.csl.styles import resolve_style

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {root}>
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation {cit}><layout delimiter="; ">{cite}</layout></citation>
<bibliography {bibattr}>{sort}<layout>{bib}</layout></bibliography></style>"""


def style(tmp_path: Path, bib: str, cite: str = '<text variable="title"/>', **kw: str) -> Path:
    """Write a small CSL style."""
    path = tmp_path / "s.csl"
    path.write_text(
        STYLE.format(
            root=kw.get("root", ""),
            cit=kw.get("cit", ""),
            cite=cite,
            bibattr=kw.get("bibattr", ""),
            sort=kw.get("sort", ""),
            bib=bib,
        ),
        encoding="utf-8",
    )
    return path


def item(id_: str, **fields: object) -> dict:
    """A CSL-JSON book."""
    return {"id": id_, "type": "book", **fields}


def test_second_field_align_separates_number(tmp_path: Path) -> None:
    s = style(tmp_path, '<text variable="citation-number" suffix="."/><text variable="title"/>',
              bibattr='second-field-align="flush"')  # fmt: skip
    assert format_bibliography([item("a", title="Cats")], s) == ["1. Cats"]


def test_punctuation_moves_inside_quotes_and_flip_flop() -> None:
    apa6 = resolve_style("chicago-author-date").path
    entry = format_bibliography(
        [
            {
                "id": "a",
                "type": "article-journal",
                "title": 'The "best" cat',
                "container-title": "J",
                "author": [{"family": "Doe", "given": "Jo"}],
                "issued": {"date-parts": [[2000]]},
            }
        ],
        apa6,
    )[0]
    assert "“The ‘Best’ Cat.”" in entry


def test_initialize_false_keeps_given_names(tmp_path: Path) -> None:
    s = style(tmp_path, '<names variable="author"><name initialize="false" initialize-with=". "/></names>')
    assert format_bibliography([item("a", author=[{"family": "Doe", "given": "John"}])], s) == ["John Doe"]


def test_initials_of_hyphenated_and_particle_names() -> None:
    assert initialize("Peter-Paul", ". ", True) == "P.-P."
    assert initialize("Min-jun", ". ", True) == "M."
    assert initialize("Min jun", "", True) == "M jun"
    assert initialize("John P.", ". ", True) == "J. P."


def test_title_case_stop_words_and_hyphens() -> None:
    assert str(apply_case("mental health in low- and middle-income countries", "title")) == (
        "Mental Health in Low- and Middle-Income Countries"
    )
    assert str(apply_case("between care and control: a study", "title")) == "Between Care and Control: A Study"


def test_text_case_on_labels(tmp_path: Path) -> None:
    s = style(tmp_path, '<names variable="editor"><name/><label form="short" prefix=" (" suffix=")" '
              'text-case="capitalize-first"/></names>')  # fmt: skip
    eds = [{"family": "Doe", "given": "J"}, {"family": "Roe", "given": "K"}]
    assert format_bibliography([item("a", editor=eds)], s) == ["J Doe, K Roe (Eds.)"]


def test_page_range_formats() -> None:
    assert format_last("321", "328", "minimal") == "8"
    assert format_last("321", "328", "minimal-two") == "28"
    assert format_last("5", "32", "minimal") == "32"
    assert format_last("321", "8", "expanded") == "328"
    assert format_last("1496", "1504", "chicago") == "1504"
    assert format_last("107", "108", "chicago") == "8"


def test_number_ranges_get_en_dash(tmp_path: Path) -> None:
    s = style(tmp_path, '<text variable="issue"/>')
    assert format_bibliography([item("a", issue="3-4")], s) == ["3–4"]


def test_empty_group_is_suppressed(tmp_path: Path) -> None:
    s = style(tmp_path, '<text variable="title"/><group prefix=" "><text term="page"/><text variable="page"/></group>')
    assert format_bibliography([item("a", title="T")], s) == ["T"]


def test_substituted_variable_is_not_repeated(tmp_path: Path) -> None:
    s = style(tmp_path, '<names variable="author"><substitute><text variable="title"/></substitute></names>'
              '<text variable="title" prefix=". "/>')  # fmt: skip
    assert format_bibliography([item("a", title="T")], s) == ["T"]


def test_a_substitute_macro_prints_its_variable_once(tmp_path: Path) -> None:
    # citeproc-js: a variable the substitution has printed is suppressed from then on, inside the macro too
    s = style(tmp_path, '<names variable="author"><substitute><text macro="ed"/></substitute></names>'
              '<text variable="title" prefix=". "/>')  # fmt: skip
    macro = '<macro name="ed"><names variable="editor"><name/><label prefix=" " form="short"/></names>' \
        '<names variable="editor"><name/></names></macro>'  # fmt: skip
    s.write_text(s.read_text(encoding="utf-8").replace("<citation", macro + "<citation"), encoding="utf-8")
    editor = [{"family": "Doe", "given": "Jo"}]
    assert format_bibliography([item("a", title="T", editor=editor)], s) == ["Jo Doe ed. T"]


def test_date_delimiter_from_locale(tmp_path: Path) -> None:
    s = style(tmp_path, '<date variable="issued" form="text"/>', root='default-locale="en-US"')
    assert format_bibliography([item("a", issued={"date-parts": [[2004, 1, 5]]})], s) == ["January 5, 2004"]


def test_hyphenated_name_variable(tmp_path: Path) -> None:
    s = style(tmp_path, '<names variable="container-author"><name/></names>')
    assert format_bibliography([item("a", **{"container-author": [{"family": "Doe", "given": "J"}]})], s) == ["J Doe"]


def test_type_list_and_is_numeric(tmp_path: Path) -> None:
    s = style(tmp_path, '<choose><if type="report book"><text value="yes"/></if></choose>')
    assert format_bibliography([item("a")], s) == ["yes"]
    assert is_numeric("12") and is_numeric("2-4") and is_numeric("1, 3") and not is_numeric("Nos. x")


def test_sort_uses_collation_and_names(tmp_path: Path) -> None:
    s = style(tmp_path, '<names variable="author"><name/></names>', sort='<sort><key variable="author"/></sort>')
    items = [item("z", author=[{"family": "Zed"}]), item("c", author=[{"family": "Çelik"}]),
             item("a", author=[{"family": "Berg", "non-dropping-particle": "van den"}])]  # fmt: skip
    assert format_bibliography(items, s) == ["van den Berg", "Çelik", "Zed"]
    assert collation_key("celik") == collation_key("Çelik") < collation_key("Cox")


def test_sort_keys_equal_but_for_case_or_accents_fall_through_to_the_next_key(tmp_path: Path) -> None:
    """citeproc-js compares keys at base strength (Intl.Collator sensitivity "base"): "Çelik" and "celik" are
    the same key, so the next key decides, then the order of the items."""
    s = style(tmp_path, '<text variable="title"/>',
              sort='<sort><key variable="publisher"/><key variable="title"/></sort>')  # fmt: skip
    items = [item("a", publisher="Çelik", title="B"), item("b", publisher="celik", title="A"),
             item("c", publisher="CELIK", title="A")]  # fmt: skip
    assert format_bibliography(items, s) == ["A", "A", "B"]
    assert [i for i, _ in format_bibliography_ids(items, s)] == ["b", "c", "a"]


def test_sort_orders_empty_keys_last_and_mixed_keys_like_the_comparison(tmp_path: Path) -> None:
    """Ascending sorts take a faster path (plain tuples) that must order exactly as the general comparison."""
    s = style(
        tmp_path,
        '<text variable="title"/>',
        sort='<sort><key variable="volume"/><key variable="title"/></sort>',
    )
    items = [item("a", title="B", volume="10"), item("b", title="A"), item("c", title="C", volume="9"),
             item("d", title="A", volume="Suppl"), item("e", title="A", volume="10"), item("f", title="Z")]  # fmt: skip
    # numbers numerically (9 before 10, then by title), then the text volume (citeproc-js pads numbers to 20
    # digits, which collate before letters), empty volumes last
    assert format_bibliography(items, s) == ["C", "A", "B", "A", "A", "Z"]
    plain = [item(i, title=t, volume=v) for i, t, v in (("x", "B", "2"), ("y", "A", "2"), ("z", "C", "1"))]
    assert format_bibliography(plain, s) == ["C", "A", "B"]


def test_year_suffix_and_add_givenname() -> None:
    apa = resolve_style("apa").path
    base = {"type": "book", "issued": {"date-parts": [[2006]]}}
    items = [{"id": "a", "title": "A", "author": [{"family": "Doe", "given": "Jo"}], **base},
             {"id": "b", "title": "B", "author": [{"family": "Doe", "given": "Jo"}], **base},
             {"id": "c", "title": "C", "author": [{"family": "Doe", "given": "Al"}], **base}]  # fmt: skip
    assert format_first_citations(items, apa) == ["(J. Doe, 2006a)", "(J. Doe, 2006b)", "(A. Doe, 2006)"]


def test_disambiguate_condition() -> None:
    mla = resolve_style("modern-language-association").path
    items = [item("a", title="One", author=[{"family": "Doe", "given": "Jo"}]),
             item("b", title="Two", author=[{"family": "Doe", "given": "Jo"}])]  # fmt: skip
    assert format_first_citations(items, mla) == ["(Doe, One)", "(Doe, Two)"]


def test_subsequent_author_substitute() -> None:
    mla = resolve_style("modern-language-association").path
    items = [item("a", title="One", author=[{"family": "Doe", "given": "Jo"}]),
             item("b", title="Two", author=[{"family": "Doe", "given": "Jo"}])]  # fmt: skip
    assert format_bibliography(items, mla)[1].startswith("———. ")


def test_rich_text_and_escaping() -> None:
    apa = resolve_style("apa").path
    items = [item("a", title='<i>Homo</i> & <b>x</b> <span class="nocase">mRNA</span>')]
    html = Formatter(apa).format(items, [[Cite("a")]], "html").entries[0][1]
    # APA sets a book's title in italics: the title's own italics flip back to upright, as citeproc-js does
    assert '<i><span style="font-style:normal;">Homo</span> &amp; <b>x</b> mRNA</i>' in html
    assert "Homo & x mRNA" in format_bibliography(items, apa)[0]


@pytest.mark.parametrize("flag", ["suppress_author", "author_only"])
def test_suppress_author_and_author_only(flag: str) -> None:
    apa = resolve_style("apa").path
    items = [item("a", title="T", author=[{"family": "Doe", "given": "Jo"}], issued={"date-parts": [[2001]]})]
    text = Formatter(apa).format(items, [[Cite("a", **{flag: True})]], "text").citations[0]
    assert text == ("(2001)" if flag == "suppress_author" else "Doe")


def test_name_count_and_literal_not_inverted(tmp_path: Path) -> None:
    s = style(tmp_path, '<names variable="author"><name form="count"/></names>')
    people = [{"family": "A"}, {"family": "B"}, {"family": "C"}]
    assert format_bibliography([item("a", author=people)], s) == ["3"]
    s = style(tmp_path, '<names variable="author"><name and="symbol" name-as-sort-order="all" '
              'delimiter-precedes-last="after-inverted-name"/></names>')  # fmt: skip
    assert format_bibliography([item("a", author=[{"literal": "Org One"}, {"literal": "Org Two"}])], s) == [
        "Org One & Org Two"
    ]


def test_cite_affixes_are_rich_text_with_quotes(tmp_path: Path) -> None:
    s = style(tmp_path, '<text variable="title"/>')
    result = Formatter(s).format([item("a", title="T")], [[Cite("a", prefix="<i>see</i> 'x' ")]], "html")
    assert result.citations == ("<i>see</i> “x” T",)


def test_collapse_numbers_and_year_suffixes() -> None:
    nature = resolve_style("nature").path
    items = [item(x, title=x.upper()) for x in "abcd"]
    assert Formatter(nature).format(items, [[Cite(x) for x in "abcd"]], "text").citations == ("1–4",)
    chicago = resolve_style("chicago-author-date").path
    base = {"author": [{"family": "Doe", "given": "Jo"}], "issued": {"date-parts": [[2000]]}}
    items = [item("a", title="A", **base), item("b", title="B", **base)]
    assert Formatter(chicago).format(items, [[Cite("a"), Cite("b")]], "text").citations == ("(Doe 2000a, 2000b)",)


@pytest.mark.parametrize(
    ("locator", "label", "want"),
    [
        ("3", "chapter", "numeric chap. 3"),  # is-numeric tests the cite's locator (CSL 1.0.2, citeproc-js)
        ("3a", "chapter", "numeric chap. 3a"),
        ("Preface", "chapter", "chap. Preface"),
        ("iv, vi-xi", "page", "pp. iv, vi–xi"),  # Roman numerals count as numbers: a plural label
        ("iv", "page", "p. iv"),
        ("33, 35", "page", "numeric pp. 33, 35"),
    ],
)
def test_locator_is_numeric_and_plural(tmp_path: Path, locator: str, label: str, want: str) -> None:
    cite = (
        '<group delimiter=" "><choose><if is-numeric="locator"><text value="numeric"/></if></choose>'
        '<label variable="locator" form="short"/><text variable="locator"/></group>'
    )
    s = style(tmp_path, '<text variable="title"/>', cite=cite)
    result = Formatter(s).format([item("a", title="T")], [[Cite("a", locator=locator, label=label)]], "text")
    assert result.citations == (want,)


NOTE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0">
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation><layout delimiter="; "><choose><if position="ibid"><text term="ibid"/></if>
<else><text variable="title"/></else></choose></layout></citation></style>"""


@pytest.mark.parametrize(
    ("cls", "prefix", "want"),
    [
        ("note", None, "Ibid."),  # a term that begins a cite of a note style starts with a capital
        ("note", "This has been said. ", "This has been said. Ibid."),  # after a sentence
        ("note", "Why? ", "Why? Ibid."),
        ("note", "See ", "See ibid."),  # not after a prefix that does not end a sentence
        ("note", "Cf. ", "Cf. ibid."),  # a one-word abbreviation does not end one
        ("in-text", None, "ibid."),  # in-text styles leave terms as the locale writes them
    ],
)
def test_a_term_that_begins_a_note_cite_is_capitalized(tmp_path: Path, cls: str, prefix: str | None, want: str):
    path = tmp_path / "n.csl"
    path.write_text(NOTE.format(cls=cls), encoding="utf-8")
    result = Formatter(path).format([item("a", title="T")], [[Cite("a")], [Cite("a", prefix=prefix)]], "text")
    assert result.citations == ("T", want)


def test_affix_punctuation_replaces_the_cite_delimiter(tmp_path: Path):
    s = style(tmp_path, '<text variable="title"/>')
    items = [item("a", title="A"), item("b", title="B")]
    result = Formatter(s).format(
        items, [[Cite("a"), Cite("b", prefix=", and ")], [Cite("a", suffix=" is one,"), Cite("b")]], "text"
    )
    assert result.citations == ("A, and B", "A is one, B")


def test_superscript_characters_are_sup_in_html(tmp_path: Path) -> None:
    # citeproc-js writes each superscript character (French ordinals "1ʳᵉ", "2ª") as <sup> around its base
    s = style(tmp_path, '<text variable="title"/>')
    assert format_bibliography([item("a", title="1ʳᵉ éd. 2ª m²")], s, "html") == [
        "1<sup>r</sup><sup>e</sup> éd. 2<sup>a</sup> m<sup>2</sup>"
    ]
    assert format_bibliography([item("a", title="1ʳᵉ")], s, "text") == ["1ʳᵉ"]


def test_locator_ranges() -> None:
    from litsite.csl.fixes.numbers import locator_ranges

    # ranges of numbers or Roman numerals take an en dash and lose their spaces; other hyphens stay
    assert locator_ranges("100 - 103") == "100–103"
    assert locator_ranges("33-35, 38") == "33–35, 38"
    assert locator_ranges("i-ix") == "i–ix"
    assert locator_ranges("3-B") == "3-B"
    assert locator_ranges("Michaelson-Morley") == "Michaelson-Morley"


def test_display_attribute_makes_blocks_in_html(tmp_path: Path) -> None:
    bib = '<text variable="title" display="block"/><text variable="note" prefix=" " display="indent"/>'
    s = style(tmp_path, bib)
    books = [item("a", title="T", note="N")]
    assert format_bibliography(books, s, "html") == [
        '<div class="csl-block">T</div><div class="csl-indent"> N</div>'  # affixes inside the block
    ]
    # citeproc-js's text format: a block starts on a new line, an indented block on a new line after four spaces
    lines = format_bibliography(books, s, "text")[0].strip("\n").split("\n")
    assert lines[0] == "T" and lines[1].startswith("    ") and lines[1].strip() == "N"
    # the layout's suffix goes inside the last block (citeproc-js)
    s.write_text(s.read_text(encoding="utf-8").replace("<bibliography ><layout>", '<bibliography><layout suffix=".">'))
    assert format_bibliography(books, s, "html") == ['<div class="csl-block">T</div><div class="csl-indent"> N.</div>']
    # a block that opens the entry starts trimmed: its leading space stands before it (citeproc-js)
    s = style(tmp_path, '<text variable="title" prefix=" " display="left-margin"/>')
    assert format_bibliography(books, s, "html") == [' <div class="csl-left-margin">T</div>']


def test_a_macro_whose_variables_are_all_empty_renders_nothing(tmp_path: Path) -> None:
    # citeproc-js treats a macro called by cs:text as a group: "in" before an empty container title is dropped
    macro = '<macro name="in"><text term="in" suffix=" "/><text variable="container-title"/></macro>'
    bib = '<group delimiter=", "><text variable="title"/><text macro="in"/></group>'
    path = style(tmp_path, bib)
    path.write_text(path.read_text(encoding="utf-8").replace("<citation", macro + "<citation"), encoding="utf-8")
    assert format_bibliography([item("a", title="T")], path) == ["T"]
    assert format_bibliography([item("a", title="T", **{"container-title": "C"})], path) == ["T, in C"]


def _collapse_items() -> list[dict]:
    """Two works of Doe (2000, 2003), one each of Roe and Poe (1971): what the collapse tests cite."""
    doe, roe, poe = ({"family": name} for name in ("Doe", "Roe", "Poe"))
    return [
        item("a", author=[doe], issued={"date-parts": [[2000]]}),
        item("b", author=[doe], issued={"date-parts": [[2003]]}),
        item("c", author=[roe], issued={"date-parts": [[1971]]}),
        item("d", author=[poe], issued={"date-parts": [[1971]]}),
    ]


def test_collapse_delimiters(tmp_path: Path) -> None:
    cite = '<group delimiter=" "><names variable="author"><name form="short"/></names><date variable="issued">' \
        '<date-part name="year"/></date></group>'  # fmt: skip
    s = style(
        tmp_path, '<text variable="title"/>', cite=cite, cit='collapse="year-suffix" after-collapse-delimiter="; "'
    )
    s.write_text(s.read_text(encoding="utf-8").replace('<layout delimiter="; ">', '<layout delimiter=", ">'))
    items = _collapse_items()
    result = Formatter(s).format(items, [[Cite("a"), Cite("b"), Cite("c"), Cite("d")]], "text")
    # years without suffixes joined by ", "; after a collapsed group "; "; cites not collapsed keep the layout's ", "
    assert result.citations == ("Doe 2000, 2003; Roe 1971, Poe 1971",)


def test_explicit_after_collapse_delimiter_with_collapse_year(tmp_path: Path) -> None:
    # citeproc-js's getSpliceDelimiter: an explicit after-collapse-delimiter also follows a cite with a locator and
    # joins two cites that are not collapsed (collapse="year")
    cite = '<group delimiter=", "><group delimiter=" "><names variable="author"><name form="short"/></names>' \
        '<date variable="issued"><date-part name="year"/></date></group><text variable="locator"/></group>'  # fmt: skip
    s = style(tmp_path, '<text variable="title"/>', cite=cite, cit='collapse="year" after-collapse-delimiter="; "')
    s.write_text(s.read_text(encoding="utf-8").replace('<layout delimiter="; ">', '<layout delimiter=", ">'))
    items = _collapse_items()
    clusters = [
        [Cite("a"), Cite("b"), Cite("c"), Cite("d")],
        [Cite("a", locator="5"), Cite("b", locator="7"), Cite("c")],
        [Cite("c"), Cite("d")],
    ]
    got = Formatter(s).format(items, clusters, "text").citations
    assert got == ("Doe 2000, 2003; Roe 1971; Poe 1971", "Doe 2000, 5; 2003, 7; Roe 1971", "Roe 1971; Poe 1971")
    # without a citation sort only neighbouring cites collapse (citeproc-js regroups cites only when it sorts them)
    got = Formatter(s).format(items, [[Cite("a"), Cite("c"), Cite("b")]], "text").citations
    assert got == ("Doe 2000; Roe 1971; Doe 2003",)


def test_a_macro_that_prints_a_term_counts_as_content(tmp_path: Path) -> None:
    # the publisher macro calls empty variables, but the date macro inside it prints "n.d.": the output stays
    macros = (
        '<macro name="date"><choose><if variable="issued"><date variable="issued"><date-part name="year"/></date>'
        '</if><else><text term="no date" form="short"/></else></choose></macro>'
        '<macro name="publisher"><text variable="publisher" suffix=", "/><text macro="date"/></macro>'
    )
    path = style(tmp_path, '<text variable="title" suffix=". "/><text macro="publisher"/>')
    path.write_text(path.read_text(encoding="utf-8").replace("<citation", macros + "<citation"), encoding="utf-8")
    assert format_bibliography([item("a", title="T")], path) == ["T. n.d."]


def test_date_ranges_sort_by_their_end_after_their_start(tmp_path: Path) -> None:
    sort = '<sort><key variable="issued"/></sort>'
    s = style(tmp_path, '<text variable="title"/>', sort=sort)
    items = [
        item("a", title="A", issued={"date-parts": [[2000, 5], [2001, 5]]}),
        item("b", title="B", issued={"date-parts": [[2000, 5], [2000, 8]]}),
        item("c", title="C", issued={"date-parts": [[1999]]}),
    ]
    assert format_bibliography(items, s) == ["C", "B", "A"]


def test_a_macro_key_of_short_names_sorts_on_family_names(tmp_path: Path) -> None:
    # citeproc-js keeps the macro's form="short": "Doe" = "Doe", the items keep their order
    macro = '<macro name="a"><names variable="author"><name form="short"/></names></macro>'
    s = style(tmp_path, '<text macro="a"/><text variable="title" prefix=", "/>', sort='<sort><key macro="a"/></sort>')
    s.write_text(s.read_text(encoding="utf-8").replace("<citation", macro + "<citation"), encoding="utf-8")
    items = [
        item("x", title="A", author=[{"family": "Roe", "given": "Jane"}]),
        item("y", title="C", author=[{"family": "Doe", "given": "John"}]),
        item("z", title="B", author=[{"family": "Doe", "given": "James"}]),
    ]
    assert format_bibliography(items, s) == ["Doe, C", "Doe, B", "Roe, A"]


def test_nested_italics_flip_to_normal(tmp_path: Path) -> None:
    s = style(tmp_path, '<text variable="title" font-style="italic"/>')
    got = format_bibliography([item("a", title="My <i>Amazing</i> Title")], s, "html")
    assert got == ['<i>My <span style="font-style:normal;">Amazing</span> Title</i>']
    got = format_bibliography([item("a", title="One <i>Two <i>Three</i> Four</i>")], s, "html")
    assert got == ['<i>One <span style="font-style:normal;">Two <i>Three</i> Four</span></i>']


def test_nodecor_span_sets_decorations_back_to_normal(tmp_path: Path) -> None:
    s = style(tmp_path, '<text variable="title" font-style="italic"/>')
    title = 'Lessard <span class="nodecor">v.</span> Schmidt'
    assert format_bibliography([item("a", title=title)], s, "html") == [
        '<i>Lessard <span style="font-style:normal;">v.</span> Schmidt</i>'
    ]
    plain = style(tmp_path, '<text variable="title"/>')
    assert format_bibliography([item("a", title=title)], plain, "html") == ["Lessard v. Schmidt"]


def test_sort_key_names_use_last(tmp_path: Path) -> None:
    # names-use-last on a macro key keeps the last name in the key (CSL 1.0.2), so it breaks the tie
    macro = '<macro name="a"><names variable="author"><name/></names></macro>'
    key = '<sort><key macro="a" names-min="3" names-use-first="1" names-use-last="true"/></sort>'
    s = style(tmp_path, '<text variable="title"/>', sort=key)
    s.write_text(s.read_text(encoding="utf-8").replace("<citation", macro + "<citation"), encoding="utf-8")
    people = [
        [{"family": f} for f in ("Doe", "Anderson", "Zotero")],
        [{"family": f} for f in ("Doe", "Xerxes", "Boop")],
    ]
    items = [item("x", title="Two", author=people[0]), item("y", title="One", author=people[1])]
    assert format_bibliography(items, s) == ["One", "Two"]


def test_open_date_range(tmp_path: Path) -> None:
    s = style(tmp_path, '<date variable="issued"><date-part name="year"/></date>')
    assert format_bibliography([item("a", issued={"date-parts": [[1987], [0]]})], s) == ["1987–"]
    assert format_bibliography([item("a", issued={"date-parts": [[1987]]})], s) == ["1987"]


def test_punctuation_after_an_affix_quote_stays_outside(tmp_path: Path) -> None:
    s = style(tmp_path, '<text variable="title"/>', cite='<text variable="title"/>')
    result = Formatter(s).format([item("a", title="T")], [[Cite("a", prefix="'quote', ", suffix=', "Hi".')]], "text")
    assert result.citations == ("“quote”, T, “Hi”.",)  # en-US moves punctuation into a field's quotes, not an affix's


def test_legacy_short_forms_and_empty_date_parts(tmp_path: Path) -> None:
    s = style(tmp_path, '<text variable="container-title" form="short"/><date variable="issued" prefix=" ">'
              '<date-part name="year"/></date>')  # fmt: skip
    book = item("a", **{"container-title": "American Law Journal", "journalAbbreviation": "Am. L.J."})
    book["issued"] = {"date-parts": [["2000", "", ""]]}  # empty month and day: the year
    assert format_bibliography([book], s) == ["Am. L.J. 2000"]


def test_cite_grouping_without_collapse(tmp_path: Path) -> None:
    cite = '<group delimiter=" "><names variable="author"><name form="short"/></names><date variable="issued">' \
        '<date-part name="year"/></date></group>'  # fmt: skip
    s = style(tmp_path, '<text variable="title"/>', cite=cite, cit='cite-group-delimiter=", "')
    doe, roe = {"family": "Doe"}, {"family": "Roe"}
    items = [
        item("a", author=[doe], issued={"date-parts": [[2000]]}),
        item("b", author=[roe], issued={"date-parts": [[1999]]}),
        item("c", author=[doe], issued={"date-parts": [[2001]]}),
    ]
    result = Formatter(s).format(items, [[Cite("a"), Cite("b"), Cite("c")]], "text")
    assert result.citations == ("Doe 2000, Doe 2001; Roe 1999",)  # the names stay: grouped, not collapsed


DATE_MACROS = (
    '<macro name="orig"><date variable="original-date" date-parts="year" form="numeric"/></macro>'
    '<macro name="issued"><date variable="issued" date-parts="year" form="numeric"/></macro>'
    '<macro name="reprint"><group delimiter=" "><text macro="orig" prefix="(" suffix=")"/>'
    '<text macro="issued"/></group></macro>'
    '<macro name="dated"><choose><if variable="issued"><date variable="issued" date-parts="year" form="numeric"/>'
    '</if><else><text term="no date" form="short"/><text variable="title"/></else></choose></macro>'
)


def macro_style(tmp_path: Path, macros: str, bib: str, sort: str) -> Path:
    """A small CSL style with macros."""
    path = tmp_path / "m.csl"
    path.write_text(
        STYLE.replace("<citation", macros + "<citation").format(
            root="", cit="", cite="", bibattr="", sort=sort, bib=bib
        ),
        encoding="utf-8",
    )
    return path


def test_dates_in_a_macro_sort_key_sort_as_one_number(tmp_path: Path) -> None:
    """citeproc-js writes a date in a macro sort key as digits, with neither the date's suffix nor the delimiter
    after it: "(1990) 1999" is one long number that sorts after every single year ("1999", "2001")."""
    s = macro_style(tmp_path, DATE_MACROS, '<text macro="reprint"/>', '<sort><key macro="reprint"/></sort>')
    year = {"date-parts": [[1999]]}
    items = [item("r", issued=year, **{"original-date": {"date-parts": [[1990]]}}),
             item("a", issued={"date-parts": [[2001]]}), item("b", issued=year)]  # fmt: skip
    assert format_bibliography(items, s) == ["1999", "2001", "(1990) 1999"]


def test_a_macro_with_a_date_of_its_own_sorts_on_its_dates_only(tmp_path: Path) -> None:
    """citeproc-js's "macro-has-date": in a sort key such a macro gives only its dates, so an item without the
    date has an empty key (last), whatever other text the macro writes ("n.d.", a title)."""
    s = macro_style(tmp_path, DATE_MACROS, '<text variable="title"/>', '<sort><key macro="dated"/></sort>')
    items = [item("n", title="1"), item("d", title="B", issued={"date-parts": [[2001]]})]
    assert format_bibliography(items, s) == ["B", "1"]


def test_terms_make_sort_keys(tmp_path: Path) -> None:
    """A term in a macro (not one holding a date) is part of its sort key, as citeproc-js renders it."""
    macro = '<macro name="t"><group delimiter=" "><text variable="title"/><text term="in"/></group></macro>'
    s = macro_style(tmp_path, macro, '<text macro="t"/>', '<sort><key macro="t"/><key variable="publisher"/></sort>')
    items = [item("a", title="Lorem", publisher="A"), item("b", title="Lorem ii", publisher="B")]
    assert format_bibliography(items, s) == ["Lorem ii in", "Lorem in"]  # "lorem in" after "lorem ii in"
