"""Hostile data, finding 5 and issue 17 item 4: field text can never end or open a record of the downloads, and
characters without a LaTeX form are written silently."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import bibtexparser
import rispy
from hostilekit import small_project

from litsite.importers.bibtex import load_bibtex
from litsite.site import exports

FORGING = [
    "Evil\n@misc{forged, title={x}}\n",
    "Evil\nER  - \nTY  - JOUR\nTI  - forged\nER  - \n",
    "Unbalanced { brace",
    "Closing } brace } twice",
    "@article{x,\n",
    "Percent % and # and \\ backslash",
    "Box \u2610 and snowman \u2603",
]

REFERENCES = (
    "".join(
        f"- id: forge{n}\n  type: article-journal\n  title: {json.dumps(title)}\n"
        f"  container-title: {json.dumps(title)}\n  author: [{{family: {json.dumps(title)}, given: A}}]\n"
        f"  URL: {json.dumps('https://example.org/{' + str(n) + '}' + chr(10) + 'ER  - ')}\n  DOI: '10.1000/{{{n}'\n"
        f"  abstract: {json.dumps(title + chr(10) + chr(10) + 'TY  - BOOK')}\n  issued: 2001\n"
        for n, title in enumerate(FORGING)
    )
    + "- id: plain1\n  type: book\n  title: A plain book\n  issued: 1999\n"
)


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_hostile_fields_cannot_forge_export_records(tmp_path: Path, cli):
    project = small_project(tmp_path / "p", REFERENCES)
    out = tmp_path / "out"
    assert cli("--project", str(project), "--out", str(out)).status == 0
    expected = {f"forge{n}": one_line(title) for n, title in enumerate(FORGING)} | {"plain1": "A plain book"}

    records = rispy.loads((out / "references.ris").read_text(encoding="utf-8"))
    assert {r["id"]: r["title"] for r in records} == expected
    assert len(records) == len(expected)
    assert all(r["urls"][0].startswith("https://example.org/") for r in records if "urls" in r)

    library = bibtexparser.parse_string((out / "references.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == [r["id"] for r in records]  # the same order as well
    # LaTeX decoded as litsite's BibTeX import does it (pylatexenc, plus LaTeX's \textbraceleft/right)
    imported = load_bibtex((out / "references.bib").read_text(encoding="utf-8"), out / "references.bib")
    assert {i["id"]: i.get("title") for i in imported.references} == expected
    assert {i["id"]: i.get("container-title") for i in imported.references if i["id"] != "plain1"} == {
        k: v for k, v in expected.items() if k != "plain1"
    }
    for entry in library.entries:
        if "url" in entry.fields_dict:
            assert entry.fields_dict["url"].value.startswith("https://example.org/%7B")
    # Each reference's own download parses to that one reference.
    for ref_id in expected:
        own = bibtexparser.parse_string((out / "references" / ref_id / f"{ref_id}.bib").read_text(encoding="utf-8"))
        assert [e.key for e in own.entries] == [ref_id] and own.failed_blocks == []
        one = rispy.loads((out / "references" / ref_id / f"{ref_id}.ris").read_text(encoding="utf-8"))
        assert [r["id"] for r in one] == [ref_id]


def test_characters_without_latex_form_are_written_silently(caplog):
    item = {"id": "box2020", "type": "book", "title": "Tick \u2610 or \u2611", "author": [{"family": "\u2603"}]}
    with caplog.at_level(logging.DEBUG):
        text = exports.bibtex([item])
    assert caplog.records == []
    assert "Tick \u2610 or \u2611" in text and "\u2603" in text  # kept as UTF-8, which biber reads
