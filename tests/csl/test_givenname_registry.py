"""The global given-name registry (givenname-disambiguation-rule all-names / primary-name): each person's own level,
and the persons the bibliography's sort keys register. Expected citations are citeproc-js 2.4.63's output on the
same style and items (bench/citeproc_js)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import Cite, Formatter
from litsite.csl.sort_persons import registered

YOSHUA = {"id": "A", "type": "book", "author": [{"family": "Bengio", "given": "Yoshua"}], "title": "Deep"}
VASWANI = {"id": "B", "type": "book", "author": [{"family": "Vaswani", "given": "Ashish"}], "title": "Attention"}
SAMY = {"family": "Bengio", "given": "S."}


def _style(tmp_path: Path, layout: str, sort: str = "", macros: str = "", rule: str = "primary-name") -> Path:
    path = tmp_path / "registry.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" '
        'version="1.0"><info><title>r</title><id>r</id><updated>2020-01-01T00:00:00+00:00</updated></info>'
        f'{macros}<citation disambiguate-add-givenname="true" givenname-disambiguation-rule="{rule}"><layout>'
        '<names variable="author"><name form="short" initialize-with=". "/></names></layout></citation>'
        f"<bibliography>{f'<sort>{sort}</sort>' if sort else ''}<layout>{layout}</layout></bibliography></style>",
        encoding="utf-8",
    )
    return path


def _cites(style: Path, items: list[dict]) -> list[str]:
    result = Formatter(style, "en-US").format(items, [[Cite(it["id"])] for it in items], "text")
    return list(result.citations)


@pytest.mark.parametrize("rule", ["primary-name", "all-names"])
def test_each_person_gets_their_own_level(tmp_path: Path, rule: str) -> None:
    """Initials where they tell the person apart, the full given name only where another person shares them."""
    items = [
        {"id": f"z{n}", "type": "book", "author": [{"family": "Zhang", "given": given}], "title": "T"}
        for n, given in enumerate(["Bohang", "Han", "Hengrui"])
    ]
    style = _style(tmp_path, '<text variable="title"/>', rule=rule)
    assert _cites(style, items) == ["B. Zhang", "Han Zhang", "Hengrui Zhang"]


@pytest.mark.parametrize(
    ("sort", "macros", "editors", "rule", "expected"),
    [
        ('<key macro="ed"/>', '<macro name="ed"><names variable="editor"/></macro>', [SAMY], "primary-name", "Y."),
        ('<key variable="editor"/>', "", [SAMY], "primary-name", "Y."),
        # only a list's first name under primary-name, every name under all-names
        ('<key variable="editor"/>', "", [{"family": "Wallach", "given": "H."}, SAMY], "primary-name", ""),
        ('<key variable="editor"/>', "", [{"family": "Wallach", "given": "H."}, SAMY], "all-names", "Y."),
        # a person after an institution is not a list's first name
        ('<key variable="editor"/>', "", [{"literal": "IEEE"}, SAMY], "primary-name", ""),
        ("", "", [SAMY], "primary-name", ""),  # no sort key prints the editor (the entries come after the cites)
    ],
)
def test_names_printed_by_sort_keys_are_registered(
    tmp_path: Path, sort: str, macros: str, editors: list, rule: str, expected: str
) -> None:
    """citeproc-js renders the sort keys when the items are registered, before the citations, and the names they
    print enter the registry: an editor "S. Bengio" makes the author "Yoshua Bengio" ambiguous."""
    style = _style(tmp_path, '<text variable="title"/>', sort, macros, rule)
    cites = _cites(style, [YOSHUA, {**VASWANI, "editor": editors}])
    assert cites == [f"{expected} Bengio".strip(), "Vaswani"]


def test_registered_persons() -> None:
    """The registry's share of some name lists."""
    lists = [[{"literal": "IEEE"}, SAMY], [{"family": "Wallach", "given": "H."}, SAMY], []]
    assert registered(lists, primary=True) == [{"family": "Wallach", "given": "H."}]
    assert registered(lists, primary=False) == [SAMY, {"family": "Wallach", "given": "H."}, SAMY]
