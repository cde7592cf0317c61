"""Rules found by measuring further styles and locales (conformance_wide.py --extra, session 10: CSE, OSCOLA, IOP,
Harvard Anglia Ruskin, …).

Expected values are citeproc-js 2.4.63's output for the same input and the same minimal style (bench/citeproc_js,
text format unless said; citeproc-js's own entry is trimmed as render.js trims it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography

from .probe import probe_style

_ED = {"family": "Doe", "given": "John"}
_BOTH = {"editor": [{"family": "Tiger", "given": "T"}], "translator": [{"family": "Gerbil", "given": "G"}]}
_ITEMS = [
    {"id": "c", "type": "book", "title": "Tt", "editor": [_ED]},
    {"id": "b", "type": "book", "title": "T", **_BOTH},
    {"id": "d", "type": "book", "title": "Ttt"},
]


def _entries(tmp_path: Path, layout: str, items: list[dict], fmt: str = "text", **kw: str) -> list[str]:
    return [e.strip() for e in format_bibliography(items, probe_style(tmp_path, layout, **kw), fmt)]


@pytest.mark.parametrize(
    ("substitute", "expected"),
    [
        # names rendered through the outer cs:names (one without a cs:name of its own, also in a group or a
        # branch) get its affixes and its delimiter; its own attributes are ignored
        ("<names variable='editor translator'/>", ["[J. Doe] Tt", "[T. Tiger; G. Gerbil] T", "Ttt"]),
        (
            "<choose><if type='book'><names variable='editor translator' delimiter=' / ' prefix='&lt;'/></if></choose>",
            ["[J. Doe] Tt", "[T. Tiger; G. Gerbil] T", "Ttt"],
        ),
        ("<group><names variable='editor'/></group>", ["[J. Doe] Tt", "[T. Tiger] T", "Ttt"]),
        # anything else is printed without the outer cs:names's affixes: a cs:names with its own cs:name, a macro,
        # a text
        ("<names variable='editor'><name/></names>", ["John Doe Tt", "T Tiger T", "Ttt"]),
        ("<names variable='editor' prefix='{' suffix='}'><name/></names>", ["{John Doe} Tt", "{T Tiger} T", "Ttt"]),
        ("<text macro='ed'/>", ["John Doe Tt", "T Tiger T", "Ttt"]),
        ("<names variable='editor'/><text value='anon'/>", ["[J. Doe] Tt", "[T. Tiger] T", "anon Ttt"]),
        ("<text variable='title'/>", ["Tt", "T", "Ttt"]),
    ],
)
def test_substitute_inside_the_names_affixes_or_not(tmp_path: Path, substitute: str, expected: list[str]) -> None:
    layout = (
        '<group delimiter=" "><names variable="author" prefix="[" suffix="]" delimiter="; ">'
        f'<name initialize-with="."/><substitute>{substitute}</substitute></names><text variable="title"/></group>'
    )
    extra = '<macro name="ed"><names variable="editor"><name/></names></macro>'
    assert _entries(tmp_path, layout, _ITEMS, extra=extra) == expected


def test_substituted_anonymous_term_keeps_no_names_suffix(tmp_path: Path) -> None:
    # Harvard Anglia Ruskin: names suffix="," around the "anon." term: citeproc-js "Anon. 2017a", not "Anon., 2017a"
    layout = (
        '<group delimiter=" "><names variable="author" suffix=","><name/><substitute><text macro="anon"/>'
        '</substitute></names><text variable="title"/></group>'
    )
    extra = '<macro name="anon"><text term="anonymous" form="short" text-case="capitalize-first"/></macro>'
    items = [{"id": "a", "type": "book", "title": "Tt"}, {"id": "b", "type": "book", "title": "Tt", "author": [_ED]}]
    assert _entries(tmp_path, layout, items, extra=extra) == ["Anon. Tt", "John Doe, Tt"]


def test_substituted_text_has_no_names_decorations(tmp_path: Path) -> None:
    layout = (
        '<group delimiter=" "><names variable="author" font-variant="small-caps" suffix=","><name initialize-with="."/>'
        '<substitute><names variable="editor"/><text variable="title"/></substitute></names><text value="x"/></group>'
    )
    items = [{"id": "b", "type": "book", "title": "Tt"}, {"id": "c", "type": "book", "title": "Tt", "editor": [_ED]}]
    assert _entries(tmp_path, layout, items, "html") == [
        "Tt x",  # citeproc-js: '<div class="csl-entry">Tt x</div>'
        '<span style="font-variant:small-caps;">J. Doe</span>, x',
    ]


def test_childless_substitute_names_take_the_outer_delimiter(tmp_path: Path) -> None:
    # CSE: <names variable="author" delimiter="; "> … <substitute><names variable="editor translator"/>
    items = [{"id": "b", "type": "book", "title": "T", **_BOTH}]
    for own, outer, expected in [
        ("", ' delimiter="; "', "T Tiger; G Gerbil"),
        (' delimiter=" / "', ' delimiter="; "', "T Tiger; G Gerbil"),
        (' delimiter=" / "', "", "T TigerG Gerbil"),
    ]:
        layout = (
            f'<names variable="author"{outer}><name initialize-with=""/><substitute>'
            f'<names variable="editor translator"{own}/></substitute></names>'
        )
        assert _entries(tmp_path, layout, items) == [expected]
    label = (
        '<names variable="author" delimiter="; "><name initialize-with=""/><label prefix=", "/>'
        '<substitute><names variable="editor translator"/></substitute></names>'
    )
    assert _entries(tmp_path, label, items) == ["T Tiger, editor; G Gerbil, translator"]


def test_a_term_written_with_form_long_overrides_the_locale(tmp_path: Path) -> None:
    # CSE overrides "editortranslator" with form="long" written out; the locale file's term has no form attribute
    extra = (
        '<locale xml:lang="en"><terms><term name="editortranslator" form="long"><single>editor and translator</single>'
        '<multiple>editors and translators</multiple></term><term name="and" form="long">und</term>'
        '<term name="edition">ed-long</term></terms></locale>'
    )
    layout = (
        '<names variable="editor translator" delimiter="; " suffix="."><name initialize-with="" and="text"/>'
        '<label prefix=", "/></names><text term="edition" form="long" prefix=" "/><text term="and" prefix=" "/>'
    )
    same = [{"family": "Ostrich", "given": "O"}]
    items = [{"id": "a", "type": "book", "title": "T", "editor": same, "translator": same}]
    assert _entries(tmp_path, layout, items, extra=extra) == ["O Ostrich, editor and translator. ed-long und"]


def test_et_al_options_of_cs_style_hold_while_disambiguating(tmp_path: Path) -> None:
    # OSCOLA sets et-al-min/et-al-use-first on cs:style; a disambiguate="true" condition must not show every name
    style = probe_style(
        tmp_path, '<names variable="author"><name/></names><text variable="title" prefix=", "/>',
        attrs='et-al-min="3" et-al-use-first="1"',
    )  # fmt: skip
    text = style.read_text(encoding="utf-8").replace(
        '<citation><layout><text value="x"/></layout></citation>',
        '<citation><layout><choose><if disambiguate="true"><text value="d"/></if><else><text value="x"/></else>'
        "</choose></layout></citation>",
    )
    style.write_text(text, encoding="utf-8")
    names = [{"family": f, "given": "A"} for f in ("Abc", "Bcd", "Cde", "Def")]
    items = [
        {"id": "a", "type": "book", "title": "One", "author": names},
        {"id": "b", "type": "book", "title": "Two", "author": [names[0], {"family": "Xyz", "given": "B"}, *names[2:]]},
    ]
    assert format_bibliography(items, style, "text") == ["A Abc et al., One", "A Abc et al., Two"]


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        # second-field-align in text: the first field, a space, then the rest with its own leading spaces (IOP)
        ('<text variable="citation-number" prefix="[" suffix="]"/><group prefix=" "><text variable="title"/></group>',
         "[1]  Tt"),
        ('<text variable="citation-number" prefix="[" suffix="]"/><text variable="title"/>', "[1] Tt"),
        ('<text variable="citation-number" prefix="[" suffix="] "/><text variable="title" prefix=" "/>', "[1]   Tt"),
    ],
)  # fmt: skip
def test_second_field_align_keeps_the_rest_s_leading_space(tmp_path: Path, layout: str, expected: str) -> None:
    style = probe_style(tmp_path, layout)
    text = style.read_text(encoding="utf-8").replace("<bibliography>", '<bibliography second-field-align="flush">')
    style.write_text(text, encoding="utf-8")
    assert format_bibliography([{"id": "c", "type": "book", "title": "Tt"}], style, "text") == [expected]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # a name's suffix goes through initialize-with as written initials do (SAGE Harvard "Greaves PL Jr")
        ('<name initialize-with="" name-as-sort-order="all" sort-separator=" "/>',
         ["Greaves PL Jr", "Greaves P III", "Greaves Sr", "Greaves P JR"]),
        ('<name initialize-with="" initialize="false"/>', ["Percy L Greaves Jr", "Percy Greaves III", "Greaves Sr",
                                                          "Percy Greaves JR"]),
        ('<name initialize-with=". "/>', ["P. L. Greaves Jr.", "P. Greaves III.", "Greaves Sr.", "P. Greaves J. R."]),
        ('<name initialize-with="-"/>', ["P-L- Greaves Jr-", "P- Greaves III-", "Greaves Sr-", "P- Greaves J-R-"]),
        ("<name/>", ["Percy L. Greaves Jr.", "Percy Greaves III.", "Greaves Sr.", "Percy Greaves J.R."]),
    ],
)  # fmt: skip
def test_name_suffix_follows_initialize_with(tmp_path: Path, name: str, expected: list[str]) -> None:
    names = [("Percy L.", "Jr."), ("Percy", "III."), (None, "Sr."), ("Percy", "J.R.")]
    items = [
        {"id": str(i), "type": "book", "title": "T", "author": [{"family": "Greaves", "given": g, "suffix": s}]}
        for i, (g, s) in enumerate(names)
    ]
    for item in items:
        if item["author"][0]["given"] is None:
            del item["author"][0]["given"]
    assert _entries(tmp_path, f'<names variable="author">{name}</names>', items) == expected


_SAS = [
    ("complete-each", ["J Doe and R Roe, A1", "--- and ---, A2", "J Doe and M Moe, A3", "J Doe, A4",
                       "J Doe, M Moe, and Z Zoe, A5", "---, ---, and --- (editors), A6", "X Xoe, A7", "A8", "---"]),
    ("partial-each", ["J Doe and R Roe, A1", "--- and ---, A2", "--- and M Moe, A3", "---, A4",
                      "---, M Moe, and Z Zoe, A5", "---, ---, and --- (editors), A6", "X Xoe, A7", "A8", "---"]),
    ("partial-first", ["J Doe and R Roe, A1", "--- and R Roe, A2", "--- and M Moe, A3", "---, A4",
                       "---, M Moe, and Z Zoe, A5", "---, M Moe, and Z Zoe (editors), A6", "X Xoe, A7", "A8", "---"]),
    ("complete-all", ["J Doe and R Roe, A1", "---, A2", "J Doe and M Moe, A3", "J Doe, A4",
                      "J Doe, M Moe, and Z Zoe, A5", "--- (editors), A6", "X Xoe, A7", "A8", "---"]),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "expected"), _SAS)
def test_subsequent_author_substitute_rules(tmp_path: Path, rule: str, expected: list[str]) -> None:
    # MHRA (partial-first) and 29 other styles name a rule; the names compared with the entry before's one by one
    def p(family: str, given: str) -> dict:
        return {"family": family, "given": given}

    lists = [[p("Doe", "J"), p("Roe", "R")]] * 2 + [[p("Doe", "J"), p("Moe", "M")], [p("Doe", "J")]]
    lists.append([p("Doe", "J"), p("Moe", "M"), p("Zoe", "Z")])
    items = [{"id": str(i), "type": "book", "title": f"A{i}", "author": n} for i, n in enumerate(lists, 1)]
    items.append({"id": "6", "type": "book", "title": "A6", "editor": lists[-1]})
    items.append({"id": "7", "type": "book", "title": "A7", "author": [p("Xoe", "X")]})
    items += [{"id": "8", "type": "book", "title": "A8"}, {"id": "9", "type": "book", "title": "A8"}]
    layout = (
        '<group delimiter=", "><names variable="author"><name and="text"/><label prefix=" (" suffix=")"/><substitute>'
        '<names variable="editor"/><text variable="title"/></substitute></names><text variable="title"/></group>'
    )
    style = probe_style(tmp_path, layout)
    attrs = f'subsequent-author-substitute="---" subsequent-author-substitute-rule="{rule}"'
    style.write_text(style.read_text(encoding="utf-8").replace("<bibliography>", f"<bibliography {attrs}>"))
    assert format_bibliography(items, style, "text") == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        # a term is read as rich text as a field is: its straight quotes become apostrophes and quotes
        # (ISO 690 fr: "Disponible à l’adresse")
        ("disponible à l'adresse", "A disponible à l’adresse"),
        ("a 'b' c", "A a “b” c"),
        ("it's 'q", "A it’s ’q"),
        ("x'", "A x’"),
    ],
)
def test_term_apostrophes_and_quotes(tmp_path: Path, term: str, expected: str) -> None:
    extra = f'<locale xml:lang="en"><terms><term name="edition">{term}</term></terms></locale>'
    layout = '<text value="A "/><text term="edition"/>'
    assert _entries(tmp_path, layout, [{"id": "a", "type": "book", "title": "T"}], extra=extra) == [expected]


_PARTICLES = [
    {"id": "a", "type": "book", "title": "A", "author": [{"family": "de Bruijn", "given": "Berry"}]},
    {"id": "b", "type": "book", "title": "B", "author": [{"family": "De Las Rivas", "given": "Javier"}]},
    {"id": "c", "type": "book", "title": "C", "author": [{"family": "Debs", "given": "Ann"}]},
]


@pytest.mark.parametrize("key", ['<key macro="au"/>', '<key variable="author"/>'])
@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        # fr, ru, cs: the particle is joined with a no-break space, which the collation ignores ("deBruijn")
        ("fr-FR", ["De Las Rivas, Javier", "de\u00a0Bruijn, Berry", "Debs, Ann"]),
        ("cs-CZ", ["De Las Rivas, Javier", "de\u00a0Bruijn, Berry", "Debs, Ann"]),
        ("en-US", ["de Bruijn, Berry", "De Las Rivas, Javier", "Debs, Ann"]),
    ],
)
def test_particle_glued_in_sort_keys(tmp_path: Path, key: str, locale: str, expected: list[str]) -> None:
    extra = '<macro name="au"><names variable="author"><name name-as-sort-order="all"/></names></macro>'
    style = probe_style(tmp_path, '<text macro="au"/>', 'demote-non-dropping-particle="never"', extra, key)
    assert format_bibliography(_PARTICLES, style, "text", locale) == expected


def test_czech_ch_sorts_after_h() -> None:
    from litsite.csl.fixes.sorting import collation_key

    # node: new Intl.Collator("cs-CZ", {sensitivity: "base", ignorePunctuation: true, numeric: true})
    keys = ["chaudhary|", "clark|", "hugo|", "ivan|", "Cz|", "cHa|", "Ch|", "h|", "hz|", "c|", "czech|", "sk-ch|"]
    icu = "c| clark| Cz| czech| h| hugo| hz| Ch| cHa| chaudhary| ivan| sk-ch|".split()
    assert sorted(keys, key=lambda k: collation_key(k, "cs-CZ")) == icu
    assert sorted(keys, key=lambda k: collation_key(k, "sk-SK")) == icu
    assert sorted(["Aabel", "Zorro", "Ødegaard", "Berg"], key=lambda k: collation_key(k, "da-DK")) == [
        "Berg", "Zorro", "Ødegaard", "Aabel"
    ]  # fmt: skip


def test_date_part_prefix_survives_an_earlier_range(tmp_path: Path) -> None:
    # AGU: a month range (here seasons) renders its end part without its prefix; the next items keep theirs
    items = [
        {"id": "z", "issued": {"date-parts": [[-1, 13], [-1, 16]]}, "title": "T", "type": "webpage"},
        {"id": "b", "type": "webpage", "title": "A", "issued": {"date-parts": [[2017]], "season": 3}},
        {"id": "c", "type": "webpage", "title": "A", "issued": {"date-parts": [[2017, 3, 4], [2017, 5, 6]]}},
        {"id": "d", "type": "webpage", "title": "A", "issued": {"date-parts": [[2017, 3]]}},
    ]
    layout = (
        '<group prefix="(" suffix=")"><date variable="issued"><date-part name="year"/></date><date variable="issued">'
        '<date-part prefix=", " name="month"/><date-part prefix=" " name="day" suffix="!"/></date></group>'
    )
    expected = ["(1 BC, Spring–Winter)", "(2017, Autumn)", "(2017, March 4–May 6!)", "(2017, March)"]
    assert _entries(tmp_path, layout, items) == expected
