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
