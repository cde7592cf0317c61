"""Hostile data, findings 6 and 8 and the Markdown policy: pages that would replace generated ones, references of an
id and a type, a missing references file, control characters, Unicode-equal ids, private-use characters, raw HTML."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from hostilekit import REPO, SITE, small_project

from litsite.importers.importer import import_record

CAFE_NFC = unicodedata.normalize("NFC", "café2011")
CAFE_NFD = unicodedata.normalize("NFD", "café2011")


@pytest.mark.parametrize("name", ["references", "authors", "keywords", "data", "static", "References"])
def test_pages_cannot_take_generated_routes(name: str, tmp_path: Path, cli):
    project = small_project(tmp_path / "p", "- id: a2011\n  type: book\n  title: A\n")
    (project / "content" / "pages").mkdir()
    (project / "content" / "pages" / f"{name}.md").write_text("---\ntitle: Mine\n---\nText\n", encoding="utf-8")
    result = cli("--project", str(project), "--out", str(tmp_path / "out"))
    assert result.status == 2, result.err
    assert f"content/pages/{name}.md:1: this page would replace the site's own {name.lower()}/" in result.err
    assert "Traceback" not in result.err


def test_references_of_only_an_id_and_a_type_build(tmp_path: Path, cli):
    """Two such references crashed the example site (KeyError in render.py)."""
    project = tmp_path / "p"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "templates", project / "templates")
    shutil.copy(REPO / "site.yaml", project / "site.yaml")
    with (project / "content" / "references.yaml").open("a", encoding="utf-8") as f:
        f.write("- id: bare1\n  type: book\n- id: bare2\n  type: article-journal\n")
    out = tmp_path / "out"
    result = cli("--project", str(project), "--out", str(out))
    assert result.status == 0, result.err
    for ref_id in ("bare1", "bare2"):
        assert (out / "references" / ref_id / "index.html").is_file()
        listed = (out / "references" / "index.html").read_text(encoding="utf-8")
        assert f'data-ref-id="{ref_id}"' in listed and f'data-ref-id="{ref_id}"' in (out / "index.html").read_text(
            encoding="utf-8"
        )


def test_a_missing_references_file_is_an_error(tmp_path: Path, cli):
    project = small_project(tmp_path / "p", "[]\n")
    assert cli("--project", str(project), "--out", str(tmp_path / "empty")).status == 0  # none, on purpose
    (project / "content" / "references.yaml").unlink()
    result = cli("--project", str(project), "--out", str(tmp_path / "out"))
    assert result.status == 2
    assert "content/references.yaml: file not found: the site needs its references (write `[]`" in result.err
    assert not (tmp_path / "out").exists()


CONTROLS = "\x1b\x07\x00\x08\x0b\x0c\x7f\x85\x9b"


def test_control_characters_are_stripped_at_build_and_on_import(tmp_path: Path, cli):
    refs = (
        '- id: ctl2011\n  type: article-journal\n  title: "Red \\e[31mtext\\a and \\x85NEL \\x9b\\x7f end"\n'
        '  author: [{family: "Bell\\a", given: "E\\esc"}]\n  abstract: "A\\x00b\\bc\\vd\\fe"\n'
        '  container-title: "J\\x1b"\n  x-note: "\\e]0;title\\a"\n'
    )
    project = small_project(tmp_path / "p", refs)
    out = tmp_path / "out"
    assert cli("--project", str(project), "--out", str(out)).status == 0
    for path in out.rglob("*"):
        published = ".litsite-cache" not in path.parts  # (the cache keeps the file's items as parsed)
        if published and path.is_file() and path.suffix in (".html", ".json", ".bib", ".ris", ".svg", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert not set(text) & set(CONTROLS), (path, sorted(set(text) & set(CONTROLS)))
    page = (out / "references" / "ctl2011" / "index.html").read_text(encoding="utf-8")
    assert "Red [31mtext and NEL  end" in page

    record = tmp_path / "r.ris"
    record.write_text("TY  - JOUR\nTI  - Red \x1b[31mtext\x07\u0085\nAU  - Bell\x07, E.\nER  - \n", encoding="utf-8")
    result = import_record(record)
    assert result.references[0]["title"].startswith("Red [31mtext")
    assert not set(str(result.references)) & set(CONTROLS)


def test_ids_equal_after_normalisation_are_one_id(tmp_path: Path, cli):
    refs = f"- id: {CAFE_NFC}\n  type: book\n  title: Cafés\n  author: [{{family: Café, given: A}}]\n  issued: 2011\n"
    body = f"Composed [@{CAFE_NFC}] and decomposed [@{CAFE_NFD}], narrative @{CAFE_NFD} says.\n"
    project = small_project(tmp_path / "p", refs, body=body)
    out = tmp_path / "out"
    result = cli("--project", str(project), "--out", str(out))
    assert result.status == 0, result.err
    study = (out / "index.html").read_text(encoding="utf-8")
    assert study.count(f'data-cites="{CAFE_NFC}"') == 3 and CAFE_NFD not in study

    both = refs + f"- id: {CAFE_NFD}\n  type: book\n  title: Other\n"
    (project / "content" / "references.yaml").write_text(both, encoding="utf-8")
    result = cli("--project", str(project), "--out", str(tmp_path / "out2"))
    assert result.status == 2
    assert f"content/references.yaml:6: duplicate id '{CAFE_NFC}'" in result.err


def test_private_use_characters_cannot_act_as_placeholders(tmp_path: Path, cli):
    """The Markdown citation markers (U+E000…) and the CSL markup placeholders (U+E100…) cannot come from data."""
    refs = (
        "- id: first2011\n  type: article-journal\n  title: First\n  author: [{family: First, given: A}]\n"
        "  issued: 2011\n"
        '- id: pua2012\n  type: article-journal\n  title: "Bold \\ue102here\\ue103 and \\ue110margin \\ue1a0q"\n'
        "  author: [{family: Pua, given: B}]\n  issued: 2012\n"
    )
    body = "Imported text \ue0000\ue001 and \ue000x\ue001. The owner's own citation [@first2011].\n"
    project = small_project(tmp_path / "p", refs, body=body)
    out = tmp_path / "out"
    assert cli("--project", str(project), "--out", str(out)).status == 0
    study = (out / "index.html").read_text(encoding="utf-8")
    assert study.count('class="citation"') == 1
    assert "Imported text 0 and x. The owner’s own citation" in study or "Imported text 0 and x. The owner's" in study
    page = (out / "references" / "pua2012" / "index.html").read_text(encoding="utf-8")
    apa = page.split('<div class="csl-entry" data-ref-id="pua2012">', 1)[1].split("</div>", 1)[0]
    assert "<b>" not in page and "csl-left-margin" not in apa  # (Vancouver's entries have it, as they should)
    assert "Bold here and margin q" in apa
    for path in out.rglob("*.html"):
        assert not [c for c in path.read_text(encoding="utf-8") if 0xE000 <= ord(c) <= 0xF8FF], path


def test_markdown_html_is_sanitised_unless_the_owner_allows_it(tmp_path: Path, cli):
    """Safe by default: raw HTML in any Markdown (study, notes, themes, pages) is cleaned unless site.yaml allows it."""
    refs = "- id: a2011\n  type: book\n  title: A\n  author: [{family: Aa, given: B}]\n  issued: 2011\n"
    hostile = '<script>alert(1)</script><b onclick="steal()">Bold</b> [@a2011] <a href="javascript:x()">x</a>'
    body = hostile + " [md](javascript:y())\n"
    project = small_project(tmp_path / "p", refs, body=body)
    (project / "content" / "notes").mkdir()
    (project / "content" / "notes" / "a2011.md").write_text(f"---\nthemes: [t]\n---\n{body}", encoding="utf-8")
    (project / "content" / "themes").mkdir()
    (project / "content" / "themes" / "t.md").write_text(f"---\ntitle: T\n---\n{body}", encoding="utf-8")
    (project / "content" / "pages").mkdir()
    (project / "content" / "pages" / "about.md").write_text(f"---\ntitle: About\n---\n{body}", encoding="utf-8")
    out = tmp_path / "out"
    assert cli("--project", str(project), "--out", str(out)).status == 0
    pages = ["index.html", "references/a2011/index.html", "themes/t/index.html", "about/index.html"]
    for page in pages:
        main = (out / page).read_text(encoding="utf-8").split("<main", 1)[1]
        assert "alert(1)" not in main and "steal()" not in main and "javascript:" not in main, page
        assert "<b>Bold</b>" in main and 'class="citation"' in main, page
    (project / "site.yaml").write_text(SITE + "markdown_html: allow\n", encoding="utf-8")
    assert cli("--project", str(project), "--out", str(out)).status == 0  # a rebuild in place: no stale page
    for page in pages:
        assert "<script>alert(1)</script>" in (out / page).read_text(encoding="utf-8"), page  # as the owner asked
    (project / "site.yaml").write_text(SITE + "markdown_html: strip\n", encoding="utf-8")
    result = cli("--project", str(project), "--out", str(out))
    assert result.status == 2 and "site.yaml:5: markdown_html: must be 'allow'" in result.err


def test_imported_ids_are_nfc_and_usable_keys(tmp_path: Path):
    record = tmp_path / "r.json"
    items = [
        {"id": "Smith 2010", "type": "book", "title": "S", "author": [{"family": "Smith"}], "issued": 2010},
        {"id": CAFE_NFD, "type": "book", "title": "C"},
        {"id": CAFE_NFC.upper(), "type": "book", "title": "D"},
    ]
    record.write_text(json.dumps(items), encoding="utf-8")
    result = import_record(record)
    assert [r["id"] for r in result.references][:2] == ["smith2010", CAFE_NFC]
    assert result.references[2]["id"] not in ("CAFÉ2011", CAFE_NFC)  # one id, ignoring case, as the build compares
    assert any("'Smith 2010' cannot be a citation key" in w for w in result.warnings)


def test_markdown_that_would_take_minutes_is_a_path_line_error(tmp_path: Path, cli):
    """Python-Markdown searches for a link's end from every open bracket: 3,000 open ones took minutes."""
    refs = "- id: a2011\n  type: book\n  title: A\n"
    project = small_project(tmp_path / "p", refs, body="Fine [@a2011].\n\n" + "[" * 3000 + "x\n")
    out = tmp_path / "out"
    result = cli("--project", str(project), "--out", str(out))
    assert result.status == 2 and "Traceback" not in result.err
    line = (project / "content" / "study.md").read_text(encoding="utf-8").splitlines().index("[" * 3000 + "x") + 1
    assert f"content/study.md:{line}: brackets left open over a long stretch" in result.err
    assert not out.exists()
