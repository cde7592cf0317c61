"""Name fields of CSL-JSON in sort keys as citeproc-js reads them (csl/sort_static.py, fixes/name_parse.py, sorting.py).

Found by order_fuzz.py --hostile. Every expected order below is citeproc-js 2.4.63's (bench/csl_conformance/order_js.js:
its registry's order and sort keys) on the same items under the same minimal style: a bibliography sorted by a macro
rendering the authors inverted and initialised ("Berg, A. van"), printing the title, which names the item.
"""

from __future__ import annotations

from pathlib import Path

from litsite.csl.engine import format_bibliography
from tests.csl.probe import probe_style

_AUTHOR = (
    '<macro name="author"><names variable="author"><name name-as-sort-order="all" initialize-with=". "/></names>'
    "</macro>"
)


def _order(tmp_path: Path, authors: list[dict], languages: dict[int, str] | None = None) -> list[str]:
    style = probe_style(tmp_path, '<text variable="title"/>', extra=_AUTHOR, sort='<key macro="author"/>')
    items = [{"id": f"i{n}", "type": "book", "title": f"i{n}", "author": [a]} for n, a in enumerate(authors)]
    for n, language in (languages or {}).items():
        items[n]["language"] = language
    return format_bibliography(items, style, "text", "en-US")


def test_static_ordering_keeps_family_first_in_keys(tmp_path: Path) -> None:
    """A true static-ordering ("true", 1 as well) sorts by "van Berg A."; an item with a language sorts as without
    the flag (js keys: 'van|Berg|A.|', 'Berg|A.|van|')."""
    van = {"family": "Berg", "given": "Anna", "non-dropping-particle": "van"}
    authors = [
        {**van, "static-ordering": True},
        {"family": "Smith", "given": "John"},
        {"family": "Berg", "given": "Zed", "non-dropping-particle": "van"},
        {**van, "static-ordering": True},
        {**van, "static-ordering": "true"},
        {**van, "static-ordering": 1},
        {**van, "static-ordering": False},
    ]
    assert _order(tmp_path, authors, {3: "de"}) == ["i3", "i6", "i2", "i1", "i0", "i4", "i5"]


def test_markup_in_a_given_name_is_initialised(tmp_path: Path) -> None:
    """A given name "<i>Bob</i>" sorts as "B.", before "B. A." (js keys 'Doe|B.|', 'Doe|B.|A.|')."""
    authors = [{"family": "Doe", "given": "B. Able"}, {"family": "Doe", "given": "<i>Bob</i>"}]
    assert _order(tmp_path, authors) == ["i1", "i0"]


def test_parse_names_as_javascript_reads_it(tmp_path: Path) -> None:
    """parse-names "false" (a true string) parses the particle off "de Wit"; false and 0 do not."""
    authors = [
        {"family": "de Wit", "given": "Zed", "parse-names": "false"},
        {"family": "Tee", "given": "A."},
        {"family": "de Wit", "given": "Zed", "parse-names": False},
        {"family": "de Wit", "given": "Zed", "parse-names": 0},
    ]
    assert _order(tmp_path, authors) == ["i2", "i3", "i1", "i0"]


def test_static_ordering_in_entries(tmp_path: Path) -> None:
    """The entry of a static-ordering name, as citeproc-js 2.4.63 prints it (csl/sort_static.name_order): family
    first, no dropping particle or suffix, inverted or not, and whatever the item's language (unlike its keys)."""
    style = probe_style(tmp_path, '<text macro="author"/>', extra=_AUTHOR)
    name = {"family": "Berg", "given": "Anna", "non-dropping-particle": "van", "static-ordering": True}
    items = [
        {"id": "a", "type": "book", "author": [name]},
        {"id": "b", "type": "book", "author": [{**name, "dropping-particle": "de", "suffix": "Jr."}]},
        {"id": "c", "type": "book", "language": "de", "author": [name]},
        {"id": "d", "type": "book", "author": [{"family": "Smith", "given": "John", "static-ordering": "false"}]},
    ]
    entries = format_bibliography(items, style, "text", "en-US")
    assert entries == ["van Berg A.", "van Berg A.", "van Berg A.", "Smith J."]


def test_suffix_normalised_under_initialize_with(tmp_path: Path) -> None:
    """Under the style's initialize-with=". " a suffix "Ph.A." sorts as "Ph. A.", before "Ph Z" — given names not
    initialised (js keys 'Doe|Ann|Ph.|A.|', 'Doe|Ann|Ph|Z.|')."""
    macro = '<macro name="author"><names variable="author"><name name-as-sort-order="all" initialize="false"/></names>'
    style = probe_style(
        tmp_path, '<text variable="title"/>', 'initialize-with=". "', macro + "</macro>", '<key macro="author"/>'
    )
    items = [
        {"id": n, "type": "book", "title": n, "author": [{"family": "Doe", "given": "Ann", "suffix": suffix}]}
        for n, suffix in (("i0", "Ph Z"), ("i1", "Ph.A."))
    ]
    assert format_bibliography(items, style, "text", "en-US") == ["i1", "i0"]


def test_empty_and_particle_only_names(tmp_path: Path) -> None:
    """citeproc-js 2.4.63's order and entries: 'Smith / T1', 'Tee / T3', 'van / T2', 'T0' (keys 'Smith|', 'Tee|',
    'van|', none)."""
    macro = (
        '<macro name="author"><names variable="author"><name name-as-sort-order="all" initialize-with=". "/>'
        '<substitute><text variable="title"/></substitute></names></macro>'
    )
    layout = '<group delimiter=" / "><text macro="author"/><text variable="title"/></group>'
    style = probe_style(tmp_path, layout, extra=macro, sort='<key macro="author"/>')
    authors = [{"family": ""}, {"family": "Smith"}, {"non-dropping-particle": "van"}, {"family": "Tee"}]
    items = [{"id": f"i{n}", "type": "book", "title": f"T{n}", "author": [a]} for n, a in enumerate(authors)]
    entries = format_bibliography(items, style, "text", "en-US")
    assert entries == ["Smith / T1", "Tee / T3", "van / T2", "T0"]


def test_names_that_print_nothing_are_not_joined(tmp_path: Path) -> None:
    """citeproc-js 2.4.63's entries and order: a name with no family, given, literal or non-dropping particle counts
    for et-al but is not joined (no delimiter, "and" or serial comma for it) and is left out of the sort key; a list
    where no shown name prints prints nothing, no "et al." and no substitute, and sorts last."""
    macro = (
        '<macro name="author"><names variable="author"><name and="text" et-al-min="4" et-al-use-first="2"/>'
        '<substitute><text variable="title"/></substitute></names></macro>'
    )
    layout = '<group delimiter=" / "><text macro="author"/><text variable="title"/></group>'
    style = probe_style(tmp_path, layout, extra=macro, sort='<key macro="author"/><key variable="title"/>')
    e, a, b, c = {"family": ""}, {"family": "A"}, {"family": "B"}, {"family": "C"}
    lists = [[e, a], [a, e, b], [e, a, b, c], [a, b, e, c], [e, e], [{"given": "Jo"}, e, a], [e, e, a, b]]
    items = [{"id": f"i{n}", "type": "book", "title": f"T{n}", "author": names} for n, names in enumerate(lists)]
    entries = format_bibliography(items, style, "text", "en-US")
    expected = ["A / T0", "A et al. / T2", "A and B / T1", "A, B, et al. / T3", "Jo and A / T5", "T4", "T6"]
    assert entries == expected


def test_names_printing_nothing_end_a_substitution(tmp_path: Path) -> None:
    """citeproc-js 2.4.63's entries and order: a substitute cs:names whose variable holds names that print nothing is
    present, so the substitution ends there (no title in the key: an empty key, sorted last)."""
    macro = (
        '<macro name="author"><names variable="composer"><substitute><names variable="author"/>'
        '<text variable="title"/></substitute></names></macro>'
    )
    layout = '<group delimiter=" / "><text macro="author"/><text variable="title"/></group>'
    style = probe_style(tmp_path, layout, extra=macro, sort='<key macro="author"/>')
    items = [
        {"id": "a", "type": "book", "title": "A0", "author": [{"family": ""}]},
        {"id": "b", "type": "book", "title": "Z", "author": [{"family": "Zed"}]},
    ]
    assert format_bibliography(items, style, "text", "en-US") == ["Zed / Z", "A0"]


def test_empty_literal_is_no_literal(tmp_path: Path) -> None:
    """A name's "literal" of "", null or false is ignored (csl/name_literal.py): citeproc-js 2.4.63 prints
    'Berg, Jr.' and 'Doe, A., Roe' for these names."""
    style = probe_style(tmp_path, '<text macro="author"/>', extra=_AUTHOR)
    items = [
        {"id": "a", "type": "book", "author": [{"family": "Berg, Jr.", "literal": ""}]},
        {
            "id": "b",
            "type": "book",
            "author": [{"family": "Doe", "given": "Ann", "literal": None}, {"family": "Roe", "literal": False}],
        },
    ]
    assert format_bibliography(items, style, "text", "en-US") == ["Berg, Jr.", "Doe, A., Roe"]
