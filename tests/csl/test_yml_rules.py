"""Rules found on the yml- sources of the wide corpus (CSL-JSON with markup in titles, names with particles).

Each expected output was taken from citeproc-js 2.4.63 (bench/citeproc_js) run on the same probe style and item."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography
from tests.csl.probe import probe_entry, probe_style

TITLE = '<text variable="title"/>'


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # an opening quote inside an element that closes first is citeproc-js's "failed tag": written as typed
        ("a gundisalvi <span class=\"nocase\">'De</span> unitate'", "a gundisalvi 'De unitate’"),
        ("a <i>x 'De</i> unitate'", "a x 'De unitate’"),
        ("<b>'De</b>", "'De"),
        ("a <sup>'</sup> b", "a ' b"),
        # closed inside its element, or with no element around it: a quote pair, or an apostrophe
        ("a <i>'De' x</i> y", "a “De” x y"),
        ("a 'De unitate", "a ’De unitate"),
    ],
)
def test_quote_opened_in_element_that_closes_first(tmp_path: Path, title: str, expected: str) -> None:
    assert probe_entry(tmp_path, TITLE, {"title": title}) == expected


def test_substitute_compares_names_as_typed(tmp_path: Path) -> None:
    style = probe_style(tmp_path, '<names variable="author"><name/></names><text variable="title" prefix=". "/>')
    style.write_text(
        style.read_text().replace("<bibliography>", '<bibliography subsequent-author-substitute="---">'),
        encoding="utf-8",
    )
    items = [
        {
            "id": "a",
            "type": "book",
            "title": "One",
            "author": [{"family": "Alembert", "given": "Jean", "non-dropping-particle": "d’"}],
        },
        {"id": "b", "type": "book", "title": "Two", "author": [{"family": "d'Alembert", "given": "Jean"}]},
        {"id": "c", "type": "book", "title": "Three", "author": [{"family": "d'Alembert", "given": "Jean"}]},
    ]
    got = format_bibliography(items, style, "text", "en-US")
    assert got == ["Jean d’Alembert. One", "Jean d’Alembert. Two", "---. Three"]


@pytest.mark.xfail(
    strict=True,
    reason="markup.SmartQuotes: citeproc-js's _apostropheForce makes a ' followed by anything but , . ? : ; a space "
    "or the end an apostrophe (never a closing quote), and a stray opener after '(' is written back as typed",
)
@pytest.mark.parametrize(
    ("title", "expected"),
    [("alert('xss')", "alert('xss’)"), ("a ('b') c", "a ('b’) c"), ("a ('b c", "a ('b c")],
)
def test_quote_after_parenthesis(tmp_path: Path, title: str, expected: str) -> None:
    assert probe_entry(tmp_path, TITLE, {"title": title}) == expected
