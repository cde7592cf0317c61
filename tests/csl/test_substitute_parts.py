"""subsequent-author-substitute compares the names' INPUT parts, as citeproc-js's NameOutput.setRenderedName writes
them (non-dropping-particle, family, given, dropping-particle, suffix, literal concatenated), not their rendered text.

Every expected list below is citeproc-js 2.4.63's output for the same style and items (bench/citeproc_js/render.js).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography
from litsite.csl.substitute_author import compared_names

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography subsequent-author-substitute="---" et-al-min="3" et-al-use-first="1"><layout><group delimiter=". ">
<names variable="author"><name name-as-sort-order="first" and="text" delimiter=", "/></names>
<text variable="title"/></group></layout></bibliography></style>"""

JO = {"family": "Roe", "given": "Jo"}


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # printed alike, written differently: not replaced
        (
            [{"family": "Barros", "given": "Marcos Fortunato", "non-dropping-particle": "de"}],
            [{"family": "Barros", "given": "Marcos", "non-dropping-particle": "Fortunato de"}],
            ["Barros, Marcos Fortunato de. A", "Barros, Marcos Fortunato de. B"],
        ),
        (
            [{"family": "de Barros", "given": "Jo"}],
            [{"family": "Barros", "given": "Jo", "non-dropping-particle": "de"}],
            ["Barros, Jo de. A", "Barros, Jo de. B"],
        ),
        ([{"family": "Roe", "given": "Jo, Jr."}], [{**JO, "suffix": "Jr."}], ["Roe, Jo, Jr. A", "Roe, Jo, Jr. B"]),
        (
            [{"family": "Roe", "given": "Jo van"}],
            [{**JO, "dropping-particle": "van"}],
            ["Roe, Jo van. A", "Roe, Jo van. B"],
        ),
        (
            [{"family": "Roe", "given": "Moses O"}],
            [{"family": "Roe", "given": "Moses O."}],
            ["Roe, Moses O. A", "Roe, Moses O. B"],
        ),
        # the same parts: replaced (the names shown only; a literal and a family of the same text are alike)
        ([JO, {"family": "Doe"}, {"family": "Poe"}], [JO], ["Roe, Jo et al. A", "---. B"]),
        ([{"literal": "WHO"}], [{"family": "WHO"}], ["WHO. A", "---. B"]),
    ],
)
def test_compared_parts(tmp_path: Path, first: list[dict], second: list[dict], expected: list[str]) -> None:
    """Two entries in a row: the second's names replaced only when their input parts are the same."""
    path = tmp_path / "s.csl"
    path.write_text(STYLE, encoding="utf-8")
    items = [
        {"id": "a", "type": "book", "title": "A", "author": first},
        {"id": "b", "type": "book", "title": "B", "author": second},
    ]
    assert format_bibliography(items, path) == expected


def test_compared_names_is_canonical() -> None:
    """Canonically equivalent spellings compare equal (citeproc-js's localeCompare), one key per name."""
    assert compared_names([{"family": "Ro\u0302e", "given": "Jo"}]) == compared_names(
        [{"family": "R\u00f4e", "given": "Jo"}]
    )
    assert compared_names([JO, {"literal": "WHO"}]) == "RoeJo; WHO"
