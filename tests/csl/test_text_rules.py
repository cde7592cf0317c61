"""Rules of the text class (text case, rich text, dates written as text, seasons, eras, display) on inline styles.

Each test states a rule of citeproc-js (the CSL reference processor) and checks it on a minimal style.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import Cite, Formatter, format_bibliography
from litsite.csl.fixes.pages import format_pages
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


@pytest.mark.parametrize(
    ("title", "cased"),
    [
        ("the on-stage computer", "The On-Stage Computer"),  # a stop word before a hyphen later in the title stays
        ("the up-to-date analysis", "The Up-to-Date Analysis"),  # … but not in the title's first string
        ("p(l)aying attention", "P(l)Aying Attention"),  # brackets split words; one letter stays lower case
        ("17. a value for n-person games", "17. a Value for n-Person Games"),  # "17" was the first word
        ("rock’n’roll is here", "Rock’n’roll Is Here"),  # the word after an apostrophe that closes nothing
        ("what is it for", "What Is It For"),  # a stop word ending the title is capitalized
        ("cats: a study of the iPhone", "Cats: A Study of the iPhone"),  # after a colon; words with capitals stay
        ("α-helix and β", "α-Helix and β"),  # a lone Greek letter stays
    ],
)
def test_title_case_follows_citeproc_js(tmp_path: Path, title: str, cased: str) -> None:
    layout = '<text variable="title" text-case="title"/>'
    assert bib(tmp_path, layout, [{"title": title, "language": "en"}]) == [cased]


def test_a_subscript_splits_words_for_title_case(tmp_path: Path) -> None:
    layout = '<text variable="title" text-case="title"/>'
    assert bib(tmp_path, layout, [{"title": "ms. (g<sub>1</sub>), now"}], "html") == ["Ms. (g<sub>1</sub>), Now"]


def test_the_translated_language_decides_title_case(tmp_path: Path) -> None:
    # citeproc-js reads language "en>de" as a German translation of an English original: not title-cased
    layout = '<text variable="title" text-case="title"/>'
    assert bib(tmp_path, layout, [{"title": "her book", "language": "en>de"}]) == ["her book"]
    assert bib(tmp_path, layout, [{"title": "her book", "language": "en<de"}]) == ["Her Book"]


def test_ordinals_match_whole_numbers_then_two_digits_then_one(tmp_path: Path) -> None:
    layout = '<number variable="edition" form="ordinal"/>'
    editions = [1, 2, 3, 4, 11, 12, 13, 21, 102, 111, 112, 113, 1001]
    expected = [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "102nd",
        "111th",
        "112th",
        "113th",
        "1001st",
    ]
    assert bib(tmp_path, layout, [{"edition": str(n)} for n in editions]) == expected


def test_ordinals_take_the_gender_of_their_noun(tmp_path: Path) -> None:
    # fr-FR: "édition" is feminine (1re), "octobre" masculine (1er)
    path = tmp_path / "s.csl"
    layout = (
        '<number variable="edition" form="ordinal" suffix=" "/>'
        '<date variable="issued"><date-part name="day" form="ordinal" suffix=" "/><date-part name="month"/></date>'
    )
    path.write_text(STYLE.format(bib=layout), encoding="utf-8")
    entry = format_bibliography(
        [{"id": "a", "type": "book", "edition": "1", "issued": {"date-parts": [[2004, 10, 1]]}}], path, locale="fr-FR"
    )
    assert entry == ["1ʳᵉ 1ᵉʳ octobre"]


def test_a_style_locale_term_overrides_the_locale_file_in_localized_dates(tmp_path: Path) -> None:
    path = tmp_path / "s.csl"
    layout = '<date variable="issued" form="text"/>'
    text = STYLE.format(bib=layout).replace(
        "<citation>",
        '<locale xml:lang="en"><terms><term name="bc"> B.C.E.</term><term name="month-03">Mar.</term></terms>'
        "</locale><citation>",
    )
    path.write_text(text, encoding="utf-8")
    items = [{"id": "a", "type": "book", "issued": {"date-parts": [[-44, 3, 15]]}}]
    assert format_bibliography(items, path) == ["Mar. 15, 44 B.C.E."]


def test_a_typed_apostrophe_does_not_break_a_word_for_title_case(tmp_path: Path) -> None:
    # citeproc-js: "what's" is one word; a curly ’ in the data is a closing quote that ends the word
    layout = '<text variable="title" text-case="title"/>'
    items = [{"title": "at 70: what's next?"}, {"title": "what’s next"}]
    assert bib(tmp_path, layout, items) == ["At 70: What’s Next?", "What’s next"]


@pytest.mark.parametrize(
    ("suffix", "prefix", "joined"),
    [(";", ": ", "a; b"), (":", "! ", "a! b"), ("?", ": ", "a? b"), (":", ". ", "a: b"), (".", ": ", "a.: b")],
)
def test_punctuation_meeting_at_an_affix_merges(tmp_path: Path, suffix: str, prefix: str, joined: str) -> None:
    # citeproc-js's table: the stronger mark stays where a suffix's mark meets a prefix's
    layout = f'<group><text value="a" suffix="{suffix}"/><text value="b" prefix="{prefix}"/></group>'
    assert bib(tmp_path, layout, [{"title": "x"}]) == [joined]


@pytest.mark.parametrize(
    ("page", "fmt", "out"),
    [
        ("321-8", None, "321–8"),  # no format: an end below the start stays as written
        ("321-328", "minimal", "321–8"),
        ("321-8", "expanded", "321–328"),  # the abbreviated end is expanded first
        ("1496-504", "minimal", "1496–504"),
        ("1536-538", "minimal", "1536–8"),
        ("11564-11568", "chicago", "11564–68"),
        ("1496-1504", "chicago", "1496–1504"),
        ("N110 - N5", "expanded", "N110–N115"),  # the same prefix on both ends: a range
        ("n11564 - n1568", "minimal", "n11564–8"),
        ("8n11564-8n1568", "chicago", "8n11564–68"),
        ("N110 - 5", "minimal", "N110-5"),  # a prefix on one end only: the hyphen stays
        ("110 - N6", "minimal", "110-N6"),
        ("N110 - P5", "minimal", "N110-P5"),
        ("406.3-406.3", None, "406.3-406.3"),  # not a number
        ("i-ix", None, "i–ix"),  # Roman numerals
        ("3-B", None, "3-B"),
        ("12-15, 20-22", "minimal", "12–5, 20–2"),
        ("120-15", "expanded", "120–15"),  # the expanded end is below the start: as written
        ("3\\-B", None, "3-B"),  # an escaped hyphen
    ],
)
def test_page_ranges_as_citeproc_js(page: str, fmt: str | None, out: str) -> None:
    assert format_pages(page, fmt) == out


def test_font_style_normal_is_a_span_only_inside_italics(tmp_path: Path) -> None:
    # citeproc-js: an explicit font-style="normal" sets italic text upright, and writes nothing elsewhere
    layout = (
        '<group delimiter="|"><text variable="title" font-style="normal"/>'
        '<group font-style="italic"><text variable="title" font-style="normal"/></group></group>'
    )
    assert bib(tmp_path, layout, [{"title": "T"}], "html") == ['T|<i><span style="font-style:normal;">T</span></i>']


def test_vertical_align_baseline_is_a_span(tmp_path: Path) -> None:
    layout = '<group vertical-align="sup"><text variable="title" vertical-align="baseline"/></group>'
    assert bib(tmp_path, layout, [{"title": "T"}], "html") == ['<sup><span style="baseline">T</span></sup>']


def test_nodecor_text_keeps_its_case(tmp_path: Path) -> None:
    layout = '<text variable="title" text-case="capitalize-all"/>'
    items = [{"title": 'lessard <span class="nodecor">v.</span> schmidt'}]
    assert bib(tmp_path, layout, items) == ["Lessard v. Schmidt"]


def test_only_title_like_variables_keep_a_foreign_items_case(tmp_path: Path) -> None:
    # citeproc-js: title case is skipped for an item not in English only in its title-like fields (MULTI_FIELDS);
    # another variable's text is title-cased whatever the language (a macro call's text-case does nothing at all)
    layout = (
        '<group delimiter="|"><text variable="title" text-case="title"/>'
        '<text variable="note" text-case="title"/><text macro="m" text-case="title"/></group>'
    )
    path = tmp_path / "s.csl"
    text = STYLE.format(bib=layout).replace("<citation>", '<macro name="m"><text variable="title"/></macro><citation>')
    path.write_text(text, encoding="utf-8")
    items = [{"id": "a", "type": "book", "title": "die kirchlichen archive", "note": "und mehr", "language": "de"}]
    assert format_bibliography(items, path) == ["die kirchlichen archive|Und Mehr|die kirchlichen archive"]
    items[0]["language"] = "??"  # a language citeproc-js cannot read is not English either
    assert format_bibliography(items, path)[0].startswith("die kirchlichen archive|")


def test_a_near_note_condition_reads_the_distance_from_cs_citation(tmp_path: Path) -> None:
    # near-note-distance is a cs:citation option (default 5); asking the style's root for it raised KeyError
    path = tmp_path / "s.csl"
    cite = '<choose><if position="near-note"><text value="near"/></if><else><text variable="title"/></else></choose>'
    text = STYLE.format(bib='<text variable="title"/>').replace(
        '<text variable="title"/></layout></citation>', cite + "</layout></citation>"
    )
    path.write_text(text.replace('class="in-text"', 'class="note"'), encoding="utf-8")
    items = [{"id": "a", "type": "book", "title": "T"}, {"id": "b", "type": "book", "title": "U"}]
    result = Formatter(path, "en-US").format(items, [[Cite("a")], [Cite("b")], [Cite("a")]], "text")
    assert list(result.citations) == ["T", "U", "near"]


def test_a_title_cased_word_loses_its_line_break(tmp_path: Path) -> None:
    # citeproc-js capitalizes a word with a regular expression whose "." stops at a line break: the break goes
    layout = '<text variable="title" text-case="title"/>'
    assert bib(tmp_path, layout, [{"title": "the right\n  to explanation"}]) == ["The Right  to Explanation"]


def test_punctuation_written_as_a_value_is_not_moved_into_quotes(tmp_path: Path) -> None:
    # citeproc-js moves a suffix's period into the closing quote, not a cs:text value's
    layout = '<text variable="title" quotes="true"/><text value="."/>'
    assert bib(tmp_path, layout, [{"title": "One"}]) == ["“One”."]
    layout = '<text variable="title" quotes="true" suffix="."/>'
    assert bib(tmp_path, layout, [{"title": "One"}]) == ["“One.”"]


@pytest.mark.parametrize(
    ("case", "title", "cased"),
    [
        # citeproc-js's Doppeler joins a typed ' to the string after it: "l'homme" is the words "l" and "'homme"
        ("title", "an l'homme", "An l’homme"),  # a one-letter word before the apostrophe stays lower case
        ("title", "of l'état", "Of l’état"),
        ("title", "o'clock of the day", "O’clock of the Day"),  # the first word is capitalized all the same
        ("sentence", "O'Brien Is", "O’brien is"),  # the first word ends at the apostrophe
        ("sentence", "X O’Brien Is", "X o’Brien is"),  # a curly ’ closes nothing: the word after it is kept
        ("sentence", "L’Homme Et", "L’Homme et"),
        ("sentence", "A “B ‘C D’ E” F", "A “B ‘c d’ e” f"),  # a quote opened inside another keeps the word after it
        ("sentence", "It's A 'Single' Quote", "It’s a “Single” quote"),  # … and so does a quote left open
        ("sentence", "Tab\tSeparated Words", "Tab\tSeparated words"),  # words are split at U+0020 only
        ("sentence", "A\u00a0B C", "A\u00a0B c"),
        ("capitalize-first", "\\href{x}", "\\href{x}"),  # the first character, not the first letter
        ("capitalize-first", "'hello' world", "“hello” world"),
        ("capitalize-first", "arXiv preprints", "arXiv preprints"),  # a word with a capital stays as it is
    ],
)
def test_every_text_case_reads_words_as_citeproc_js(tmp_path: Path, case: str, title: str, cased: str) -> None:
    layout = f'<text variable="title" text-case="{case}"/>'
    assert bib(tmp_path, layout, [{"title": title}]) == [cased]


def test_an_item_with_a_jurisdiction_is_not_title_cased(tmp_path: Path) -> None:
    # citeproc-js's @text-case: "title" becomes "passthrough" for an item with a jurisdiction (a legal item)
    layout = '<text variable="title" text-case="title"/><text value="a value" prefix=" " text-case="title"/>'
    items = [{"title": "admin case 2"}, {"title": "admin case 2", "jurisdiction": "fi:helsinki"}]
    assert bib(tmp_path, layout, items) == ["Admin Case 2 A Value", "admin case 2 a value"]


def test_text_case_on_a_macro_call_does_nothing(tmp_path: Path) -> None:
    # citeproc-js makes <text macro="…"> a group, and text-case on a group changes nothing
    path = tmp_path / "m.csl"
    path.write_text(
        STYLE.format(bib='<text macro="m" text-case="uppercase"/>').replace(
            "<citation>", '<macro name="m"><text variable="title"/></macro><citation>'
        ),
        encoding="utf-8",
    )
    assert format_bibliography([{"id": "a", "type": "book", "title": "the reports"}], path) == ["the reports"]


@pytest.mark.parametrize(
    ("title", "cased"),
    [
        # citeproc-js searches its stop-word expression anywhere in a word split at spaces: a tab or a line break
        # inside the word makes it a stop word when a stop word follows (or starts) the break
        ('a "right\tto explanation"', "A “right\tto Explanation”"),
        ("the way\tof all", "The way\tof All"),
        ("of\tthe way", "Of\tthe Way"),
        ("on\u202fthe way", "On\u202fthe Way"),
        ("vas deferens", "Vas Deferens"),  # "v." as a regular expression also matches "va", but not inside "vas"
    ],
)
def test_stop_words_are_found_inside_words_with_breaks(tmp_path: Path, title: str, cased: str) -> None:
    assert bib(tmp_path, '<text variable="title" text-case="title"/>', [{"title": title}]) == [cased]


@pytest.mark.parametrize(
    ("title", "out"),
    [
        # citeproc-js opens a straight " only at the start, after a space, "(" or an opening tag, and only when another
        # one follows; elsewhere it is the character itself
        ('ndard"}', 'ndard"}'),
        ('x"a b" y', 'x"a b" y'),
        ('—"q" x', '—"q" x'),
        ('"q x', '"q x'),
        ('("q") x', "(“q”) x"),
        ('x <i>"q"</i> y', "x “q” y"),
        ('<i>a</i>"q" y', 'a"q" y'),
        ('x "a"b" c', 'x “a”b" c'),
    ],
)
def test_a_straight_double_quote_opens_where_citeproc_js_opens_it(tmp_path: Path, title: str, out: str) -> None:
    assert bib(tmp_path, '<text variable="title"/>', [{"title": title}]) == [out]


def test_strip_periods_on_the_citation_number(tmp_path: Path) -> None:
    # citeproc-js 2.4.63 on this layout: "1. AB title" (revista-da-sociedade-brasileira-de-medicina-tropical strips
    # the periods of its citation numbers; citeproc-py raised on the int)
    layout = '<text variable="citation-number" strip-periods="true" suffix=". "/>'
    layout += '<text variable="title" strip-periods="true"/>'
    assert bib(tmp_path, layout, [{"title": "A.B. title"}]) == ["1. AB title"]
