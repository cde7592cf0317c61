"""Sort keys of macros as citeproc-js writes them (CSL.getSortKeys renders a macro through its output queue, with the
queue's rules for affixes, text-case and numbers). Each expected order or entry is citeproc-js 2.4.63's for the same
items and a minimal style (bench/csl_conformance/order_js.js and bench/citeproc_js/render.js)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography, format_bibliography_ids

from .probe import probe_style


def _order(tmp_path: Path, macro: str, items: list[dict], layout: str = '<text variable="title"/>') -> list[str]:
    style = probe_style(tmp_path, layout, "", f'<macro name="k">{macro}</macro>', '<key macro="k"/>', "keys")
    full = [{"type": "book", **item, "id": str(n)} for n, item in enumerate(items)]
    return [ident for ident, _ in format_bibliography_ids(full, style, "text")]


def test_a_cased_title_keeps_its_leading_punctuation_twice_in_a_key(tmp_path: Path) -> None:
    """citeproc-js moves a value's leading terminal punctuation into its prefix and then re-cases the whole value:
    ": the program" under text-case sorts as ":|:|The|Program|" (punctuation ignored: "||The"), before " . x"
    ("||X"); without text-case it sorts as ":|the|program|", after it."""
    titles = [" . x", ": the program"]
    items = [{"title": t} for t in titles]
    cased = _order(tmp_path, '<text variable="title" text-case="title"/>', items)
    assert [titles[int(i)] for i in cased] == [": the program", " . x"]
    plain = _order(tmp_path, '<text variable="title"/>', items)
    assert [titles[int(i)] for i in plain] == [" . x", ": the program"]


@pytest.mark.parametrize(
    ("attrs", "title", "expected"),
    [
        ('quotes="true"', ": the program", ": “the program”"),
        ('quotes="true"', "...and then", "...“and then”"),
        ('text-case="title"', "...and then", "......And Then"),
        ('quotes="true" text-case="capitalize-first" prefix="["', ": the program", "[: “: The program”"),
        ('quotes="true"', " . x", "“ . x”"),  # a value starting with a space keeps its punctuation
        ('quotes="true"', "?", "“?”"),  # punctuation alone stays
    ],
)
def test_leading_terminal_punctuation_goes_before_the_quotes(tmp_path: Path, attrs: str, title: str, expected: str):
    """citeproc-js's append: ": ; . ! ?" and spaces starting a value (not a space first) join its prefix, outside the
    quotes; its text-case is applied to the whole value again (entries: citeproc-js 2.4.63)."""
    style = probe_style(tmp_path, f'<text variable="title" {attrs}/>', name="lead")
    entry = format_bibliography([{"id": "a", "type": "book", "title": title}], style, "text")[0]
    assert entry.strip() == expected.strip()


_NUMBER = (
    '<group delimiter=" "><label variable="{v}" form="short"/><text variable="{v}"/>'
    '<choose><if is-numeric="{v}"><text value="N"/></if></choose></group>'
)


@pytest.mark.parametrize(
    ("variable", "value", "locale", "expected"),
    [
        ("volume", "vol. 7", "en-US", "vol. 7 N"),
        ("volume", "vol. 7", "de-DE", "Bd. 7 N"),
        ("volume", "vol. 7-9", "en-US", "vols. 7–9 N"),
        ("volume", "vol. 7, vol. 9", "de-DE", "Bde. 7, 9 N"),
        ("volume", "vol. A", "en-US", "vol. A"),
        ("issue", "no. 3-4", "en-US", "nos. 3–4 N"),
        ("page", "pp. 5-7", "de-DE", "S. 5–7 N"),
        ("page", "p. 5", "en-US", "p. 5 N"),
        ("page", "pp. A", "en-US", "p. A"),
        ("number", "no. 5", "de-DE", "Nr. 5 N"),
        # in number, any label naming a term: the style's label prints that term
        ("number", "bk. 3", "de-DE", "B. 3 N"),
        ("number", "vol. 7-9", "en-US", "vols. 7–9 N"),
        ("number", "ch. 2", "en-US", "chap. 2 N"),
        ("number", "tit. 3", "en-US", "no. tit. 3"),  # no "title" term: as written
        # not a label of the variable's own: as written
        ("volume", "Vol. 7", "en-US", "vol. Vol. 7"),
        ("volume", "vol.7", "en-US", "vol. vol.7"),
        ("volume", "no. 7", "en-US", "vol. no. 7"),
        ("issue", "vol. 3", "en-US", "no. vol. 3"),
        # another variable's label in page: its term twice, for the style's label and before the number
        ("page", "vol. 7-44", "en-US", "vols. vols. 7–44 N"),
        ("page", "vol. 7", "de-DE", "Bd. Bd. 7 N"),
        ("page", "ch. 5-6", "en-US", "chaps. chaps. 5–6 N"),
        ("page", "no. 3, no. 5", "en-US", "nos. nos. 3, 5 N"),
        ("page", "vols. 7-44", "en-US", "p. vols. 7-44"),  # not a label citeproc-js knows: as written
    ],
)
def test_a_numbers_own_label_in_its_value_is_not_printed(
    tmp_path: Path, variable: str, value: str, locale: str, expected: str
) -> None:
    """citeproc-js's processNumber reads "vol. 7" in volume as its label and the number 7: the style's label prints
    the locale's term, singular or plural by what follows (entries: citeproc-js 2.4.63)."""
    style = probe_style(tmp_path, _NUMBER.format(v=variable), name="numlabel")
    item = {"id": "a", "type": "book", "title": "T", variable: value}
    assert format_bibliography([item], style, "text", locale)[0].strip() == expected


def test_a_number_without_its_own_label_sorts_as_a_number(tmp_path: Path) -> None:
    """issue "no. 3" sorts as citeproc-js's "no.|undefined3|" (a number blob after the label), after "no.|nz|"
    (citeproc-js 2.4.63's order)."""
    items = [{"title": "T", "issue": "no. 3"}, {"title": "T", "issue": "nz"}]
    order = _order(tmp_path, _NUMBER.format(v="issue"), items)
    assert [items[int(i)]["issue"] for i in order] == ["nz", "no. 3"]


def test_another_variables_label_in_page_comes_before_the_number_blob(tmp_path: Path) -> None:
    """page "vol. 7-44" sorts as citeproc-js's "vols.|vols.|undefined7–44|N|": after "vols.|vols.|undefined7,|q|N|"
    of "vol. 7, q" ("undefined" after both labels; citeproc-js 2.4.63's order)."""
    items = [{"title": "T", "page": "vol. 7-44"}, {"title": "T", "page": "vol. 7, q"}, {"title": "T", "page": "7"}]
    order = _order(tmp_path, _NUMBER.format(v="page"), items)
    assert [items[int(i)]["page"] for i in order] == ["7", "vol. 7, q", "vol. 7-44"]


@pytest.mark.parametrize(
    ("macro", "expected"),
    [
        # names with an empty variable beside them: the group keeps the names (key "Trans|Tim|")
        ('<group delimiter=", "><names variable="interviewer"><name/></names><text variable="genre"/></group>',
         ["genre", "interviewed", "none"]),
        # a group of empty names and a term is left out, as in an entry (no key: last)
        ('<group delimiter=", "><names variable="interviewer"><name/></names><text term="edition"/></group>',
         ["interviewed", "none", "genre"]),
        ('<group delimiter=", "><text term="edition"/><names variable="interviewer"><name/></names></group>',
         ["interviewed", "none", "genre"]),
    ],
)  # fmt: skip
def test_names_in_a_group_of_a_macro_key_are_content(tmp_path: Path, macro: str, expected: list[str]) -> None:
    """citeproc-js keeps a group whose names render in a sort key and leaves out one whose variables are all empty
    (orders and keys: citeproc-js 2.4.63; items without a key last, in their order)."""
    items = [
        {"title": "none"},
        {"title": "interviewed", "interviewer": [{"family": "Trans", "given": "Tim"}]},
        {"title": "genre", "genre": "Aaa"},
    ]
    order = _order(tmp_path, macro, items)
    assert [items[int(i)]["title"] for i in order] == expected
