"""Bibliography order as citeproc-js sorts: its collator (ICU root through Intl.Collator, base sensitivity, punctuation
ignored, numeric) and its sort keys. Expected orders are citeproc-js 2.4.63's for the same items and a minimal style
(bench/csl_conformance/README.md, "Order")."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography_ids
from litsite.csl.fixes.sorting import collation_key

from .probe import probe_style


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Smith Zoe", "Smithson Al"),  # a space (citeproc-js's "|") sorts below letters
        ("C++ Primer", "C Programming"),  # symbols keep a weight: "+" before the separator
        ("$ Cost", "Cost"),  # a symbol before letters
        ("A|B", "Ab"),
        ("Ab", "A-C"),  # punctuation is ignored: "A-C" is "AC"
        ("x\u00a0y", "xz"),  # only U+0020 becomes the separator; a no-break space is ignored
        ("Doe2", "Doe10"),  # digits compare as numbers
        ("Iib", "Iıa"),  # a dotless ı is a letter between i and j, not i
        ("Iıa", "Ja"),
        ("Zylberberg", "Þórðarson"),  # þ sorts after z
        ("Ðe", "Dorn"),  # ð is d
        ("Nz", "Ŋa"),  # ŋ after n
        ("Ħa", "Hb"),  # ħ is h
        ("Fz", "ƒa"),
        ("Zoe", "Ωmega"),  # Greek after Latin
        ("Ωmega", "Жуков"),  # Cyrillic after Greek
        ("Иванов", "Іваненко"),  # Ukrainian і after и (not after я, as its code point)
        ("Жуков", "가나"),  # Hangul after Cyrillic
        ("가나", "あい"),  # Hangul before kana, though its code points come after
        ("あい", "中文"),  # Han last
        ("1984", "Animal"),  # digits before letters
        ("½", "A"),
    ],
)
def test_collation_orders_as_citeproc_js(first: str, second: str) -> None:
    assert collation_key(first) < collation_key(second)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Müller", "Muller"),  # accents and case only break ties (the next key, then the order of the items)
        ("Æsop", "Aesop"),
        ("Straße", "Strasse"),
        ("Øster", "Oster"),
        ("Łukasz", "Lukasz"),
        ("ア", "あ"),  # katakana = hiragana
        ("İstanbul", "istanbul"),
        ("Smith-Jones", "Smithjones"),
        ("O’Brien", "OBrien"),
        ("[Untitled]", "Untitled"),
    ],
)
def test_collation_equal_at_base_strength(a: str, b: str) -> None:
    assert collation_key(a) == collation_key(b)


def _style(tmp_path: Path, keys: str, layout: str = '<text variable="title"/>', attrs: str = "") -> Path:
    macro = '<macro name="author"><names variable="author"><name name-as-sort-order="all"/></names></macro>'
    return probe_style(tmp_path, layout, attrs, extra=macro, sort=keys, name="order")


def _order(items: list[dict], style: Path) -> list[str]:
    full = [{"type": "book", **item, "id": str(n)} for n, item in enumerate(items)]
    return [ident for ident, _ in format_bibliography_ids(full, style, "text")]


def test_titles_sort_with_symbols_and_dotless_i(tmp_path: Path) -> None:
    """citeproc-js: "C++ Primer" before "C Programming" (the symbol "+" below its separator), "Iib" before "Iıa"
    before "Ja" (ı is a letter between i and j), "Þingvellir" after "Zebra"."""
    titles = ["Þingvellir", "C Programming", "Ja", "Iıa", "C++ Primer", "Iib", "Zebra"]
    order = _order([{"title": t} for t in titles], _style(tmp_path, '<key variable="title"/>'))
    assert [titles[int(i)] for i in order] == ["C++ Primer", "C Programming", "Iib", "Iıa", "Ja", "Zebra", "Þingvellir"]


def test_family_names_sort_with_the_separator(tmp_path: Path) -> None:
    """A name key "Smith Zoe" sorts before "Smithson Al" (the space is citeproc-js's "|", below letters)."""
    names = [("Smithson", "Al"), ("Smith", "Zoe"), ("Smith-Jones", "Al"), ("Smith", "Al")]
    items = [{"title": f, "author": [{"family": f, "given": g}]} for f, g in names]
    order = _order(items, _style(tmp_path, '<key macro="author"/>'))
    assert [names[int(i)] for i in order] == [
        ("Smith", "Al"),
        ("Smith", "Zoe"),
        ("Smith-Jones", "Al"),
        ("Smithson", "Al"),
    ]


_NAMES = '<names variable="author"><name name-as-sort-order="all"{}/></names>'


def _macro_style(tmp_path: Path, macro: str, attrs: str = "", keys: str = '<key macro="k"/>') -> Path:
    return probe_style(tmp_path, '<text variable="title"/>', attrs, f'<macro name="k">{macro}</macro>', keys, "keys")


@pytest.mark.parametrize(
    ("demote", "expected"),
    [("display-and-sort", ["2", "3", "1", "4"]), ("sort-only", ["2", "3", "1", "4"]), ("never", ["2", "3", "4", "1"])],
)
def test_particles_sort_after_the_given_name_unless_never_demoted(tmp_path: Path, demote: str, expected: list) -> None:
    """citeproc-js's name sort key: "Dyke Zoe van" (family, given, particles) when the particle is demoted for
    sorting, "van Dyke Zoe" under "never"."""
    items = [
        {"title": "1", "author": [{"family": "Dyke", "given": "Zoe", "non-dropping-particle": "van"}]},
        {"title": "2", "author": [{"family": "Dyke", "given": "Xavier"}]},
        {"title": "3", "author": [{"family": "Dyke", "given": "Zoe"}]},
        {"title": "4", "author": [{"family": "Ueda", "given": "Aki"}]},
    ]
    style = _macro_style(tmp_path, _NAMES.format(""), f'demote-non-dropping-particle="{demote}"')
    assert [items[int(i)]["title"] for i in _order(items, style)] == expected


def test_names_without_latin_letters_sort_as_one_word(tmp_path: Path) -> None:
    """A CJK name's key is family and given name without a space ("李小龙" before "李龙")."""
    items = [{"title": "1", "author": [{"family": "李", "given": "龙"}]},
             {"title": "2", "author": [{"family": "李小", "given": "龙"}]}]  # fmt: skip
    assert _order(items, _macro_style(tmp_path, _NAMES.format(""))) == ["1", "0"]


def test_initials_written_in_a_name_are_normalised_in_the_key(tmp_path: Path) -> None:
    """Under initialize="false" "E.L." sorts as "E. L." (before "E. Lea"), as the entry writes it."""
    items = [{"title": "1", "author": [{"family": "Lee", "given": "E. Lea"}]},
             {"title": "2", "author": [{"family": "Lee", "given": "E.L."}]}]  # fmt: skip
    style = _macro_style(tmp_path, _NAMES.format(' initialize="false" initialize-with=". "'))
    assert _order(items, style) == ["1", "0"]


def test_et_al_written_in_a_name_ends_the_key(tmp_path: Path) -> None:
    """ "Born, L. et al." sorts as "Born L. et al.", after "Born L., Alpha A." ("et al." is not a particle)."""
    items = [
        {"title": "1", "author": [{"family": "Born", "given": "L. et al."}]},
        {"title": "2", "author": [{"family": "Born", "given": "L."}, {"family": "Alpha", "given": "A."}]},
        {"title": "3", "author": [{"family": "Born", "given": "L."}]},
    ]
    assert _order(items, _macro_style(tmp_path, _NAMES.format(""))) == ["2", "1", "0"]


def test_numeric_variable_keys_take_the_first_number_anywhere(tmp_path: Path) -> None:
    """CSL.Util.padding: "bk. 3" sorts as 3; numbers before texts without digits."""
    items = [{"title": "1", "part-number": "bk. 3"}, {"title": "2", "part-number": "10"},
             {"title": "3", "part-number": "Appendix"}, {"title": "4", "part-number": "2"}]  # fmt: skip
    style = _macro_style(tmp_path, "", keys='<key variable="part-number"/>')
    assert _order(items, style) == ["3", "0", "1", "2"]


@pytest.mark.parametrize("key", ['<key variable="issued"/>', '<key macro="k"/>'])
def test_a_season_is_no_month_and_a_date_without_year_no_key(tmp_path: Path, key: str) -> None:
    """CSL.dateAsSortKey: "Spring 2001" sorts as 2001 (before January 2001); a literal date sorts as no date."""
    items = [
        {"title": "1", "issued": {"date-parts": [[2001, 13]]}},
        {"title": "2", "issued": {"date-parts": [[2001, 1]]}},
        {"title": "3", "issued": {"date-parts": [[2001]]}},
        {"title": "4", "issued": {"literal": "forthcoming"}},
        {"title": "5"},
    ]
    macro = '<date variable="issued" form="numeric"/>'
    style = _macro_style(tmp_path, macro, keys=key + '<key variable="title" sort="descending"/>')
    assert _order(items, style) == ["2", "0", "1", "4", "3"]


def test_the_same_editor_and_translator_sort_once(tmp_path: Path) -> None:
    """Under a label the entry writes one list ("edited and translated by") and citeproc-js's key holds it once
    ("Hannes Ludwig, B" before "Hannes Ludwig, Hannes Ludwig A"); without a label it writes and sorts both."""
    hannes = [{"family": "Hannes", "given": "Ludwig"}]
    items = [
        {"title": "1", "editor": hannes, "translator": hannes, "publisher": "B"},
        {"title": "2", "editor": hannes, "publisher": "Hannes Ludwig A"},
    ]
    label = '<names variable="editor translator"><label prefix=" "/></names>'
    macro = f'<group delimiter=", ">{label}<text variable="publisher"/></group>'
    assert _order(items, _macro_style(tmp_path, macro)) == ["0", "1"]
    macro = '<group delimiter=", "><names variable="editor translator"/><text variable="publisher"/></group>'
    assert _order(items, _macro_style(tmp_path, macro)) == ["1", "0"]


def test_initialised_keys_keep_a_suffix_and_a_name_without_family(tmp_path: Path) -> None:
    """Under initialize-with the key initialises the given name only: "Smith, John, Jr." sorts as "Smith J. Jr."
    (before "Smith J.Jr.", a "Jr." written in the given name), and a given name alone stays whole ("Homer")."""
    items = [
        {"title": "1", "author": [{"family": "Smith", "given": "John Jr."}]},
        {"title": "2", "author": [{"family": "Smith", "given": "John, Jr."}]},
        {"title": "3", "author": [{"given": "Homer"}]},
        {"title": "4", "author": [{"family": "Hollis", "given": "Zed"}]},
    ]
    style = _macro_style(tmp_path, _NAMES.format(' initialize-with="."'))
    assert _order(items, style) == ["3", "2", "1", "0"]


@pytest.mark.parametrize(
    ("key", "bibliography", "expected"),
    [
        ('<key variable="author"/>', 'et-al-min="2" et-al-use-first="1"', ["0", "1", "2"]),
        ('<key variable="author" names-min="2" names-use-first="1"/>', "", ["0", "1", "2"]),
        ('<key variable="author"/>', "", ["2", "1", "0"]),
    ],
)
def test_a_names_variable_key_is_truncated_like_a_macro(
    tmp_path: Path, key: str, bibliography: str, expected: list
) -> None:
    """citeproc-js cuts a names variable's key after et-al-use-first (the key's names-* options, else the
    bibliography's et-al options): "Doe, Zed" and "Doe, Abe" both sort as "Doe", in the order of the items."""
    path = tmp_path / "etal.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>etal</title><id>etal</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout><text value="x"/></layout></citation>'
        f'<bibliography {bibliography}><sort>{key}</sort><layout><text variable="title"/></layout></bibliography>'
        "</style>",
        encoding="utf-8",
    )
    doe = {"family": "Doe", "given": "Jo"}
    items = [
        {"title": "1", "author": [doe, {"family": "Zed", "given": "Al"}]},
        {"title": "2", "author": [doe, {"family": "Abe", "given": "Al"}]},
        {"title": "3", "author": [doe]},
    ]
    assert _order(items, path) == expected


def test_spanish_collation_has_n_tilde_after_n(tmp_path: Path) -> None:
    """citeproc-js collates in the processor's locale: under es-ES "ñ" is a letter after "n" ("Munz" before
    "Muñoz" before "Muoz"); under en-US it is an "n" with an accent."""
    assert collation_key("Munz", "es-ES") < collation_key("Muñoz", "es-ES") < collation_key("Muoz", "es-ES")
    assert collation_key("Muñoz", "en-US") < collation_key("Munz", "en-US")
    assert collation_key("Muñoz", "en-US") == collation_key("Munoz", "en-US")
    names = ["Muñoz", "Munz", "Muoz"]
    items = [{"type": "book", "id": n, "title": n, "author": [{"family": n}]} for n in names]
    style = _macro_style(tmp_path, _NAMES.format(""))
    assert [i for i, _ in format_bibliography_ids(items, style, "text", "es-ES")] == ["Munz", "Muñoz", "Muoz"]
    assert [i for i, _ in format_bibliography_ids(items, style, "text", "en-US")] == ["Muñoz", "Munz", "Muoz"]


@pytest.mark.parametrize(
    ("lang", "ordered"),
    [
        ("sv-SE", ["Zorn", "Åberg", "Ärlig", "Östman"]),  # å ä ö after z
        ("da-DK", ["Zorn", "Ærø", "Øster", "Åby", "Aalborg"]),  # æ ø å after z, "aa" is å
        ("tr-TR", ["Hakan", "Işık", "İnce", "Zeki"]),  # ı (and I) before i
        ("pl-PL", ["Lis", "Lz", "Łukasz", "Mazur"]),  # ł after l
        ("cs-CZ", ["Cyril", "Čapek", "Dvořák"]),  # č after c
        ("et-EE", ["Saar", "Šmidt", "Zeller", "Tamm"]),  # z after š, before t
        ("en-US", ["Åberg", "Işık", "Łukasz", "Zorn"]),  # the root order: accents only break ties
    ],
)
def test_keys_collate_with_the_locale_tailoring(lang: str, ordered: list[str]) -> None:
    """ICU's tailoring for the formatting locale, as citeproc-js's collator applies it (checked with Node's Intl)."""
    assert sorted(ordered, key=lambda s: collation_key(s, lang)) == ordered


def test_spaces_around_a_key_are_not_trimmed(tmp_path: Path) -> None:
    """citeproc-js writes every U+0020 of a key as its separator, at the ends too: " Leading" sorts before digits
    ("|Leading|"), "Zed " after "Zed" ("Zed||" against "Zed|")."""
    titles = ["Abc", " Leading", "Zed ", "Zed", "1 x"]
    order = _order([{"title": t} for t in titles], _style(tmp_path, '<key variable="title"/>'))
    assert [titles[int(i)] for i in order] == [" Leading", "1 x", "Abc", "Zed", "Zed "]


@pytest.mark.parametrize(
    ("macro", "expected"),
    [
        # after "x", the plain numbers "2", "12", "S1" are number blobs: "x|undefined2|" sorts after "x|abc|"
        ('<group delimiter=" "><text value="x"/><text variable="volume"/></group>',
         ["0", "12a", "abc", "II", "2", "12", "S1"]),
        # the number's own suffix makes it a level of its own, where it is first: no "undefined"
        ('<group delimiter=" "><text value="x"/><text variable="volume" suffix="."/></group>',
         ["0", "2", "12", "12a", "abc", "II", "S1"]),
        # a group with a string after the number renders it there, first
        ('<group delimiter=" "><text value="x"/><group delimiter=" "><text variable="volume"/><text value="y"/>'
         "</group></group>", ["0", "2", "12", "12a", "abc", "II", "S1"]),
        # a number first in the key has nothing before it
        ('<group delimiter=" "><text variable="volume"/><text value="x"/></group>',
         ["0", "2", "12", "12a", "abc", "II", "S1"]),
    ],
)  # fmt: skip
def test_undefined_before_a_number_blob_in_a_macro_key(tmp_path: Path, macro: str, expected: list[str]) -> None:
    """citeproc-js writes "undefined" before a plain number of a numeric variable that is not first in the list it
    is rendered in (the delimiter of a layout a sort key does not have); orders are citeproc-js 2.4.63's."""
    values = ["12", "12a", "abc", "II", "2", "S1", "0"]
    items = [{"title": v, "volume": v} for v in values]
    assert [values[int(i)] for i in _order(items, _macro_style(tmp_path, macro))] == expected


_TURKISH = [
    {"title": "identity"},
    {"title": "Ideas", "language": "tr"},
    {"title": "Index"},
    {"title": "ideal", "language": "en"},
    {"title": "Irmak", "language": "tr-TR"},
    {"title": "isim"},
]


@pytest.mark.parametrize(
    ("items", "cited", "expected"),
    [
        # cited one by one: each item is inserted with "I" lower-cased as its own language does (Turkish "ı")
        (_TURKISH, True, ["ideal", "identity", "Ideas", "Index", "Irmak", "isim"]),
        # registered together: as the last item's language does (here no language: "I" is "i")
        (_TURKISH, False, ["ideal", "Ideas", "identity", "Index", "Irmak", "isim"]),
        ([*_TURKISH, {"title": "Ilıca", "language": "tr"}], False,
         ["ideal", "identity", "isim", "Ideas", "Ilıca", "Index", "Irmak"]),
    ],
)  # fmt: skip
def test_turkish_items_lower_case_the_keys_they_are_inserted_with(
    tmp_path: Path, items: list[dict], cited: bool, expected: list[str]
) -> None:
    """citeproc-js lower-cases keys with the language of the item it rendered last, and inserts items one by one by
    binary search: orders are citeproc-js 2.4.63's (bench/csl_conformance/order_js.js) for these items."""
    from litsite.csl.engine import Cite, Formatter

    full = [{"type": "book", **item, "id": str(n)} for n, item in enumerate(items)]
    clusters = [[Cite(item["id"])] for item in full] if cited else []
    style = _style(tmp_path, '<key variable="title"/>')
    entries = Formatter(style, "en-US").format(full, clusters, "text").entries
    assert [items[int(i)]["title"] for i, _ in entries] == expected


def test_a_leading_article_before_other_white_space_is_dropped(tmp_path: Path) -> None:
    """citeproc-js's strip_prepositions drops a key's leading "a", "an" or "the" and the white space after it; it
    runs after every U+0020 became the separator, so only a no-break space, tab or newline lets it match: "The\\nEnd"
    sorts as "End", "The End" as "The End" (orders: citeproc-js 2.4.63)."""
    titles = ["The End", "The\nEnd", "A\u00a0Zoo", "An\tApple", "Bar", "Then\nX", "Zed"]
    order = _order([{"title": t} for t in titles], _style(tmp_path, '<key variable="title"/>'))
    assert [titles[int(i)] for i in order] == [
        "An\tApple",
        "Bar",
        "The\nEnd",
        "The End",
        "Then\nX",
        "Zed",
        "A\u00a0Zoo",
    ]
