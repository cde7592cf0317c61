"""Rebuilds after an edit that moves where works are cited: the pages showing the changed contexts are rendered again
(in `build` and in the preview), the others are reused, and the result equals a fresh build."""

from __future__ import annotations

import shutil
from pathlib import Path

from edits import edit
from trees import tree

from litsite.pipeline import build_site
from litsite.preview.builder import SiteBuilder

REPO = Path(__file__).resolve().parents[2]


def make_project(tmp_path: Path) -> Path:
    """The context fixture (tests/data/contexts) with the example's templates."""
    project = tmp_path / "project"
    shutil.copytree(REPO / "tests" / "data" / "contexts", project)
    shutil.copytree(REPO / "templates", project / "templates")
    return project


def test_editing_a_pages_sentence_updates_the_cited_works_page_only(tmp_path: Path):
    """The edit keeps every citation where it was (same spans): only the sentence around it changes."""
    project = make_project(tmp_path)
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    edit(project / "content" / "pages" / "notes.md", "differs.", "diverges.")
    report = builder.build()
    assert "references/jones2010/index.html" in report.changed and "notes/index.html" in report.changed
    assert "references/smith2001/index.html" not in report.changed  # its places did not change
    page = (tmp_path / "preview" / "references" / "jones2010" / "index.html").read_text(encoding="utf-8")
    assert "Our own reading of" in page and "diverges." in page
    assert tree(tmp_path / "preview") == tree(build_site(project, tmp_path / "fresh"))


def test_editing_the_studys_paragraph_updates_the_cited_works_page(tmp_path: Path):
    project = make_project(tmp_path)
    out = build_site(project, tmp_path / "out")
    edit(project / "content" / "study.md", "Risk was discussed at length.", "Harm was discussed at length.")
    build_site(project, out)
    page = (out / "references" / "jones2010" / "index.html").read_text(encoding="utf-8")
    assert "Harm was discussed at length." in page and "Risk was" not in page
    assert tree(out) == tree(build_site(project, tmp_path / "fresh"))


def test_a_citations_new_text_reaches_the_places_of_the_works_beside_it(tmp_path: Path):
    """smith2001's page shows lee2015's citation in a shared sentence: editing lee2015's year changes that page."""
    project = make_project(tmp_path)
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    edit(project / "content" / "references.yaml", "  issued: 2015", "  issued: 2016")
    builder.build()
    page = (tmp_path / "preview" / "references" / "smith2001" / "index.html").read_text(encoding="utf-8")
    assert "(Lee et al., 2016; Smith, 2001, p. 12)" in page
    assert tree(tmp_path / "preview") == tree(build_site(project, tmp_path / "fresh"))


def test_adding_a_citation_of_another_work_keeps_the_anchors_of_the_rest(tmp_path: Path):
    project = make_project(tmp_path)
    out = build_site(project, tmp_path / "out")
    before = (out / "references" / "smith2001" / "index.html").read_text(encoding="utf-8")
    edit(project / "content" / "pages" / "notes.md", "## Background\n", "## Background\n\nFirst [@lee2015].\n")
    build_site(project, out)
    assert (out / "references" / "smith2001" / "index.html").read_text(encoding="utf-8") == before
    assert "notes/#cite-lee2015-1" in (out / "references" / "lee2015" / "index.html").read_text(encoding="utf-8")
    assert tree(out) == tree(build_site(project, tmp_path / "fresh"))
