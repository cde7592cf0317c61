"""A cs:name-part's text-case in a names sort key: citeproc-js writes the key with it ("KIRLI|KAYNAR|Dilsun" under
ISO 690's upper-case family names), so a Turkish dotless "ı" that the case upper-cases sorts as "I" — with the i's.

Every expected order is citeproc-js 2.4.63's for the same style and items (bench/csl_conformance/order_js.js).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
<macro name="author"><names variable="author"><name name-as-sort-order="all">{part}</name></names></macro>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><sort><key macro="author"/><key variable="title"/></sort>
<layout><text variable="title"/></layout></bibliography></style>"""

FAMILIES = ["Kırlı", "Kirli", "Kırma", "Kirma", "Kılıç", "Kilic", "Kızıl", "Kiz"]
GIVENS = ["ılker", "ilker", "ıtri", "itri", "ızmir", "iz"]


def _order(tmp_path: Path, part: str, names: list[dict]) -> list[str]:
    path = tmp_path / "s.csl"
    path.write_text(STYLE.format(part=part), encoding="utf-8")
    items = [{"id": f"i{n}", "type": "book", "title": f"T{n}", "author": [name]} for n, name in enumerate(names)]
    return format_bibliography(items, path)


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ('<name-part name="family" text-case="uppercase"/>', ["T4", "T5", "T0", "T1", "T2", "T3", "T7", "T6"]),
        ('<name-part name="family" text-case="lowercase"/>', ["T5", "T1", "T3", "T7", "T4", "T0", "T2", "T6"]),
        ("", ["T5", "T1", "T3", "T7", "T4", "T0", "T2", "T6"]),
    ],
)
def test_family_case(tmp_path: Path, part: str, expected: list[str]) -> None:
    """Upper-cased, "Kılıç" sorts with "Kilic"; lower-cased or as written, every "Kı…" after the "Ki…"s."""
    assert _order(tmp_path, part, [{"family": f, "given": "A"} for f in FAMILIES]) == expected


@pytest.mark.parametrize(
    "part",
    ['<name-part name="given" text-case="uppercase"/>', '<name-part name="given" text-case="capitalize-first"/>'],
)
def test_given_case(tmp_path: Path, part: str) -> None:
    """The given name-part's case: "ılker" (capitalized "Ilker") ties with "ilker"; "ızmir" sorts after "iz"."""
    names = [{"family": "Doe", "given": g} for g in GIVENS]
    assert _order(tmp_path, part, names) == ["T0", "T1", "T2", "T3", "T5", "T4"]


def test_literal_takes_the_family_case(tmp_path: Path) -> None:
    """An institution's literal name takes the family part's case: "KIRLI ENSTITÜSÜ" before "KIRLI ENSTITUSU"."""
    part = '<name-part name="family" text-case="uppercase"/>'
    names = [{"literal": "Kırlı Enstitüsü"}, {"literal": "Kirli Enstitusu"}, {"literal": "Kızıl"}]
    assert _order(tmp_path, part, names) == ["T0", "T1", "T2"]
