"""Punctuation where affixes, delimiters and field text meet, checked against the rule citeproc-js follows (expected
values are citeproc-js 2.4.63's output for the same input and a minimal style; its rule is CSL.Output.Queue.adjust:
punctuation merges into the end of the text before it, never into the end of a number)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography

from .probe import probe_entry as _one
from .probe import probe_style as _style

_VOLUME_IN_GROUP = '<group suffix="."><text variable="title"/><text variable="volume" prefix=" V" suffix=";"/></group>'


@pytest.mark.parametrize(
    ("volume", "expected"),
    [
        ("41", "T V41;."),  # a number: the group's period is not merged into the volume's semicolon
        ("3-5", "T V3–5;."),
        ("41, 42", "T V41, 42;."),
        ("S12", "T VS12;."),  # a letter prefix is part of the number
        ("e1003", "T Ve1003;."),
        ("IV", "T VIV;"),  # a Roman numeral, "12a", "2 suppl", "0" or "05" are not integers: merged
        ("12a", "T V12a;"),
        ("2 suppl", "T V2 suppl;"),
        ("0", "T V0;"),
        ("05", "T V05;"),
    ],
)
def test_no_punctuation_merged_into_a_number(tmp_path: Path, volume: str, expected: str) -> None:
    assert _one(tmp_path, _VOLUME_IN_GROUP, {"title": "T", "volume": volume}) == expected


@pytest.mark.parametrize(
    ("layout", "item", "expected"),
    [
        # a number in a group whose own suffix meets an outer suffix (Springer's "18:" + ". " delimiter)
        (
            '<group delimiter=". "><group delimiter=" "><text variable="title"/><text variable="volume" suffix=":"/>'
            '</group><text variable="DOI"/></group>',
            {"title": "T", "volume": "18", "DOI": "10.1/x"},
            "T 18:. 10.1/x",
        ),
        ('<group suffix="."><text variable="page" suffix=";"/></group>', {"page": "493-518"}, "493–518;."),
        ('<group suffix="."><number variable="edition" form="ordinal" suffix=";"/></group>', {"edition": "7"}, "7th;."),
        ('<group suffix="."><text variable="issue" suffix="!"/></group>', {"issue": "7"}, "7!."),
        ('<group suffix=":"><text variable="volume" suffix=";"/></group>', {"volume": "41"}, "41;:"),
        ('<group suffix="."><text variable="volume" suffix="."/></group>', {"volume": "41"}, "41."),  # a double
        ('<group suffix="."><text variable="title"/></group>', {"title": "A;"}, "A;"),  # text, not a number
    ],
)
def test_number_end_in_groups(tmp_path: Path, layout: str, item: dict, expected: str) -> None:
    assert _one(tmp_path, layout, item) == expected
    assert _one(tmp_path, layout, item, fmt="html") == expected  # the mark leaves nothing in HTML


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("T; 5th ed.", "T; 5th ed.;"),  # "ed.;" + "." is "ed.;": the period before the semicolon does not stop it
        ("A...", "A...;"),  # an ellipsis stays
    ],
)
def test_a_period_after_a_mark_that_follows_a_period(tmp_path: Path, title: str, expected: str) -> None:
    layout = '<group suffix="."><group suffix=";"><text variable="title"/></group></group>'
    assert _one(tmp_path, layout, {"title": title}) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ('Harvest <span class="nocase">Options Based </span> on x', "Harvest Options Based  on x"),
        ("Harvest <i>Options Based </i> on x", "Harvest Options Based  on x"),
    ],
)
def test_spaces_of_rich_text_kept_as_written(tmp_path: Path, title: str, expected: str) -> None:
    """citeproc-js joins the parts of a field as written, under any text-case (two spaces stay two)."""
    for case in ("title", "lowercase", "capitalize-first"):
        got = _one(tmp_path, f'<text variable="title" text-case="{case}"/>', {"title": title})
        assert got.count("  ") == 1, (case, got)
    assert _one(tmp_path, '<text variable="title" text-case="title"/>', {"title": title}) == expected


@pytest.mark.parametrize(
    ("locale", "title", "expected"),
    [
        # a field's quotes are straight quotes and the locale's own marks; other curly quotes are text
        ("de-DE", "A ‘by proxy’ B", "A ‘by proxy’ B"),
        ("de-DE", "A “by proxy” B", "A “by proxy” B"),
        ("de-DE", "A 'by proxy' B", "A „by proxy“ B"),
        ("de-DE", "A „by ‚proxy‘“ B", "A „by ‚proxy‘“ B"),
        ("es-ES", "A ‘by proxy’ B", "A ‘by proxy’ B"),
        ("es-ES", "A \"b 'c' d\" B", "A «b “c” d» B"),
        ("fr-FR", "A “by proxy” B", "A “by proxy” B"),  # fr-FR's inner quotes, outside any other quote
        ("fr-FR", 'A "by proxy" B', "A «\u00a0by proxy\u00a0» B"),
        ("en-US", "A ‘b “c” d’ B", "A ‘b “c” d’ B"),
        ("en-US", "It’s ‘x’", "It’s ‘x’"),
    ],
)
def test_field_quotes_are_the_locales(tmp_path: Path, locale: str, title: str, expected: str) -> None:
    assert _one(tmp_path, '<text variable="title"/>', {"title": title}, locale) == expected


@pytest.mark.parametrize(
    ("locale", "title", "expected"),
    [
        ("en-US", "A “by proxy” B", "“A ‘by proxy’ B”"),  # the locale's quotes nest (flip-flop)
        ("de-DE", "A “by proxy” B", "„A “by proxy” B“"),  # text quotes do not
        ("de-DE", "A 'by proxy' B", "„A ‚by proxy‘ B“"),
        ("fr-FR", "A ‘by proxy’ B", "«\u00a0A ‘by proxy’ B\u00a0»"),
    ],
)
def test_field_quotes_inside_quotes(tmp_path: Path, locale: str, title: str, expected: str) -> None:
    assert _one(tmp_path, '<text variable="title" quotes="true"/>', {"title": title}, locale) == expected


_ND = '<macro name="nd"><text term="no date" form="short"/></macro>'


@pytest.mark.parametrize(
    ("layout", "item", "expected"),
    [
        # a term that opens an entry, after affixes or the citation number only, starts with a capital
        (
            '<text term="no date" form="short" prefix="(" suffix=")"/><text variable="title"/>',
            {"title": "T"},
            "(N.d.)T",
        ),
        (
            '<group delimiter=" "><text term="in"/><text variable="container-title"/></group>',
            {"container-title": "C"},
            "In C",
        ),
        (
            '<text variable="citation-number" suffix=". "/><group delimiter=" "><text term="in"/>'
            '<text variable="container-title"/></group>',
            {"container-title": "C"},
            "1. In C",
        ),
        # content before it, even names or a number variable that print nothing, keeps it as it is
        (
            '<group delimiter=" "><text value="x"/><text term="in"/><text variable="title"/></group>',
            {"title": "T"},
            "x in T",
        ),
        (
            '<group delimiter=" "><names variable="author"/><text term="in"/><text variable="title"/></group>',
            {"title": "T"},
            "in T",
        ),
        (
            '<group delimiter=" "><text variable="issue"/><text term="in"/><text variable="title"/></group>',
            {"title": "T"},
            "in T",
        ),
        # ... unless the group they stand in is not printed
        (
            '<group><text variable="volume"/><text term="in"/></group><text term="in"/><text variable="title"/>',
            {"title": "T"},
            "InT",
        ),
        (
            '<group delimiter=" "><text term="in" text-case="lowercase"/><text variable="title"/></group>',
            {"title": "T"},
            "in T",
        ),
    ],
)
def test_a_term_opening_an_entry_is_capitalized(tmp_path: Path, layout: str, item: dict, expected: str) -> None:
    assert _one(tmp_path, layout, item) == expected


def test_the_first_field_alone_under_second_field_align(tmp_path: Path) -> None:
    """citeproc-js gives the layout's suffix to the fields after the first; with none, the entry is the number."""
    path = _style(tmp_path, "")
    text = path.read_text(encoding="utf-8").replace(
        "<bibliography><layout></layout>",
        '<bibliography second-field-align="flush"><layout suffix="."><text variable="citation-number" suffix=". "/>'
        '<text variable="title" prefix="T "/></layout>',
    )
    path.write_text(text, encoding="utf-8")
    assert format_bibliography([{"id": "a", "type": "book"}], path, "text") == ["1."]
    assert format_bibliography([{"id": "a", "type": "book", "title": "X"}], path, "text") == [
        "1.  T X."
    ]  # as citeproc-js


@pytest.mark.parametrize(
    ("layout", "title", "expected"),
    [
        # punctuation-in-quote (en-US): an affix's . , ! ? move inside the closing quote, merged with the last mark
        ('<text variable="title" quotes="true" suffix="!"/>', "T", "“T!”"),
        ('<text variable="title" quotes="true" suffix="?"/>', "T.", "“T.?”"),
        (
            '<group><text variable="title" quotes="true" suffix=","/><text value="x" prefix=". "/></group>',
            "T",
            "“T,.” x",
        ),
        (
            '<group><text variable="title" quotes="true" suffix=":"/><text value="x" prefix="; "/></group>',
            "T",
            "“T”:; x",
        ),
        (
            '<group><text variable="title" quotes="true" suffix="."/><text value="x" prefix=": "/></group>',
            "T",
            "“T.”: x",
        ),
        ('<group delimiter="? "><text variable="title" quotes="true"/><text value="x"/></group>', "T", "“T?” x"),
        # a field's own marks after its own quotes stay where they are
        ('<text variable="title" suffix="."/>', 'Have we "come a long way"?', "Have we “come a long way”?"),
        ('<text variable="title" suffix="."/>', 'He said "hi", then', "He said “hi”, then."),
        ('<text variable="title" quotes="true" suffix="."/>', "Have we “come this far”?", "“Have we ‘come this far’?”"),
    ],
)
def test_punctuation_in_quotes(tmp_path: Path, layout: str, title: str, expected: str) -> None:
    assert _one(tmp_path, layout, {"title": title}) == expected


def test_a_number_field_is_read_as_written(tmp_path: Path) -> None:
    """citeproc-js does not parse rich text in a number variable (the suite's flipflop_NumericField)."""
    layout = '<number variable="number"/>'
    assert _one(tmp_path, layout, {"number": "1<sup>er</sup>"}, fmt="html") == "1&lt;sup&gt;er&lt;/sup&gt;"
    assert _one(tmp_path, '<text variable="title"/>', {"title": "1<sup>er</sup>"}, fmt="html") == "1<sup>er</sup>"


@pytest.mark.parametrize(
    ("language", "case", "expected"),
    [("tr", "uppercase", "İC AND ID"), ("en", "uppercase", "IC AND ID"), ("tr", "lowercase", "ıi")],
)
def test_dotted_i_cased_by_the_items_language(tmp_path: Path, language: str, case: str, expected: str) -> None:
    title = "ic and ıd" if case == "uppercase" else "Iİ"
    layout = f'<text variable="title" text-case="{case}"/>'
    assert _one(tmp_path, layout, {"title": title, "language": language}) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("{:jurisdiction:nz}", "T / nz"),  # the braced form of a note's `key: value` (citeproc-js)
        ("x {:jurisdiction:nz}", "T / x / nz"),
        ("{:jurisdiction:nz}{:publisher:P}", "T / nz / P"),
        ("publisher: Q\n{:jurisdiction:nz} and", "T / and / nz / Q"),
        ("{:jurisdiction:nz} and {:publisher:P}", "T / and {:publisher:P} / nz"),  # not after other text
    ],
)
def test_braced_note_fields(tmp_path: Path, note: str, expected: str) -> None:
    layout = (
        '<group delimiter=" / "><text variable="title"/><text variable="note"/><text variable="jurisdiction"/>'
        '<text variable="publisher"/></group>'
    )
    assert _one(tmp_path, layout, {"title": "T", "note": note}) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [("T", "““T””"), ('A "b" c', "““A ‘b’ c””")],  # a style's quotes inside a style's quotes are not flipped
)
def test_style_quotes_never_flip(tmp_path: Path, title: str, expected: str) -> None:
    path = _style(tmp_path, '<text macro="t" quotes="true"/>')
    text = path.read_text(encoding="utf-8").replace(
        "<citation>", '<macro name="t"><text variable="title" quotes="true"/></macro><citation>'
    )
    path.write_text(text, encoding="utf-8")
    assert format_bibliography([{"id": "a", "type": "book", "title": title}], path, "text") == [expected]


_MACRO = '<macro name="m"><text variable="title"/></macro>'
_IT = '<text variable="title" font-style="italic"'  # a decorated title (the tag is closed by each case)
_X = '<text value="x" prefix=". "/>'  # a sibling whose prefix opens with a mark
_D = '<group delimiter=". ">'


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        # a decorated text's last mark and a different first mark of its suffix stay apart; a doubled one is one
        (f'{_IT} suffix="."/>', ["Plus.", "weird?.", "A."]),
        ('<text variable="title" font-weight="normal" suffix="."/>', ["Plus.", "weird?.", "A."]),  # even "normal"
        ('<text variable="title" suffix="."/>', ["Plus.", "weird?", "A."]),  # undecorated: merged
        # what follows a decorated element is neither merged nor dropped: a sibling's prefix …
        (f'{_IT} suffix="."/>{_X}', ["Plus.. x", "weird?.. x", "A.. x"]),
        (f"{_IT}/>{_X}", ["Plus. x", "weird?. x", "A.. x"]),
        (f'<group font-style="italic"><text variable="title"/></group>{_X}', ["Plus. x", "weird?. x", "A.. x"]),
        (f'<text macro="m" font-style="italic"/>{_X}', ["Plus. x", "weird?. x", "A.. x"]),
        # … a delimiter, unless it opens with the same mark
        (f'{_D}{_IT}/><text value="x"/></group>', ["Plus. x", "weird?. x", "A. x"]),
        (f'{_D}{_IT} suffix="."/><text value="x"/></group>', ["Plus. x", "weird?. x", "A. x"]),
        # a parent without formatting, or a parent's suffix, merges as usual; a choose branch is transparent
        (f"<group>{_IT}/></group>{_X}", ["Plus. x", "weird? x", "A. x"]),
        (f'<group delimiter=". " suffix="."><text value="x"/>{_IT}/></group>', ["x. Plus.", "x. weird?", "x. A."]),
        (f'<choose><if type="book">{_IT}/></if></choose>{_X}', ["Plus. x", "weird?. x", "A.. x"]),
    ],
)  # fmt: skip
def test_marks_around_a_decorated_element(tmp_path: Path, layout: str, expected: list[str]) -> None:
    # citeproc-js's Queue.adjust: a blob with decorations takes no part in leftward moves, sibling duplicates or the
    # merge of a field's last mark into its suffix (expected: citeproc-js 2.4.63 on this style)
    style = _style(tmp_path, layout, extra=_MACRO)
    items = [{"id": str(n), "type": "book", "title": t} for n, t in enumerate(["Plus", "weird?", "A."])]
    assert sorted(format_bibliography(items, style)) == sorted(expected)
    html = [e.replace("<i>", "").replace("</i>", "") for e in format_bibliography(items, style, "html")]
    assert sorted(html) == sorted(expected)


def test_a_decorated_field_with_quotes_merges_into_its_suffix(tmp_path: Path) -> None:
    # citeproc-js reads a field with quotes, apostrophes or markup as a tree of blobs: a decorated element's suffix (or
    # a delimiter) then merges into its end as usual; a sibling's prefix still does not (citeproc-js 2.4.63)
    items = [{"id": "a", "type": "book", "title": "Don't stop?"}]
    assert format_bibliography(items, _style(tmp_path, f'{_IT} suffix="."/>')) == ["Don’t stop?"]
    assert format_bibliography(items, _style(tmp_path, f'{_D}{_IT}/><text value="x"/></group>')) == ["Don’t stop? x"]
    assert format_bibliography(items, _style(tmp_path, f"{_IT}/>{_X}")) == ["Don’t stop?. x"]


def test_a_decorated_field_keeps_its_closing_quote_from_a_siblings_mark(tmp_path: Path) -> None:
    # citeproc-js moves punctuation into a closing quote only within a blob; a decorated element's quote stays shut
    # against a sibling's prefix, but a delimiter's mark still goes in (citeproc-js 2.4.63)
    items = [{"id": "a", "type": "book", "title": 'a "b"'}]
    assert format_bibliography(items, _style(tmp_path, f"{_IT}/>{_X}")) == ["a “b”. x"]
    assert format_bibliography(items, _style(tmp_path, f'{_D}{_IT}/><text value="x"/></group>')) == ["a “b.” x"]
    quoted = '<text variable="title" quotes="true" font-style="italic"/>'
    assert format_bibliography(items, _style(tmp_path, f'{_D}{quoted}<text value="x"/></group>')) == ["“a ‘b.’” x"]


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ('<text variable="title" quotes="true"/>', "“Abuse or Reuse?: Public Space; or What?”"),
        ('<group delimiter=": "><text variable="title"/><text variable="publisher"/></group>', "Why;: So?: Now: P"),
    ],
)
def test_marks_meeting_inside_a_field_are_text(tmp_path: Path, layout: str, expected: str) -> None:
    """ "?" and ":" written next to each other in one field stay (citeproc-js merges marks only where two blobs meet:
    "What?" + ": " is "What?"); expected values are citeproc-js 2.4.63's output."""
    title = "Abuse or Reuse?: Public Space; or What?" if "quotes" in layout else "Why;: <i>So?</i>: Now"
    assert _one(tmp_path, layout, {"title": title, "publisher": "P"}) == expected


def test_a_field_ending_in_a_mark_still_merges_with_the_delimiter(tmp_path: Path) -> None:
    """The blob boundary rule is unchanged: "What?" + ": " + "P" is "What? P" (citeproc-js 2.4.63)."""
    layout = '<group delimiter=": "><text variable="title"/><text variable="publisher"/></group>'
    assert _one(tmp_path, layout, {"title": "What?", "publisher": "P"}) == "What? P"
