"""What the preview keeps in memory between rebuilds (the Markdown files as read, the cite plan of each document, the
authors and keywords, the note views, the digests of objects handed out again): every kind of edit still gives
exactly a fresh build's output, and the edit shows where it should."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from edits import edit
from trees import tree

from litsite.pipeline import build_site
from litsite.preview.builder import SiteBuilder


@pytest.fixture
def project(project_two_styles: Path) -> Path:
    """What the preview remembers does not depend on how many styles the site offers (conftest.py)."""
    return project_two_styles


def same_as_fresh(builder: SiteBuilder, project: Path, tmp_path: Path, name: str) -> Path:
    """Rebuild as the preview does (provisional first, then exact) and compare with a fresh build."""
    builder.build(provisional=True)
    builder.build()
    assert tree(builder.out) == tree(build_site(project, tmp_path / name, cache=False))
    return builder.out


def test_an_authors_name_edited_makes_new_author_pages(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    edit(project / "content" / "references.yaml", "family: Repper, given: J.}", "family: Reppér, given: J.}")
    out = same_as_fresh(builder, project, tmp_path, "fresh")
    assert "Reppér" in (out / "authors" / "index.html").read_text("utf-8")


def test_the_studys_keywords_edited_change_the_keyword_pages(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    edit(project / "content" / "study.md", "keywords: [Peer support,", "keywords: [Peer mentoring, Peer support,")
    out = same_as_fresh(builder, project, tmp_path, "fresh")
    assert "Peer mentoring" in (out / "keywords" / "index.html").read_text("utf-8")


def test_a_themes_title_edited_shows_on_the_notes_naming_it(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    edit(project / "content" / "themes" / "positive-risk.md", "title: Positive risk-taking", "title: Taking risks")
    out = same_as_fresh(builder, project, tmp_path, "fresh")
    noted = [p for p in (project / "content" / "notes").glob("*.md") if "positive-risk" in p.read_text("utf-8")]
    assert noted
    for note in noted:
        assert "Taking risks" in (out / "references" / note.stem / "index.html").read_text("utf-8")


def test_a_note_deleted_renamed_and_restored(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    notes = project / "content" / "notes"
    text = (notes / "repper2011.md").read_text("utf-8")
    (notes / "repper2011.md").unlink()
    out = same_as_fresh(builder, project, tmp_path, "fresh1")
    assert "The broadest survey" not in (out / "references" / "repper2011" / "index.html").read_text("utf-8")
    (notes / "berry2011.md").write_text(text, "utf-8")  # the same note, on another work
    out = same_as_fresh(builder, project, tmp_path, "fresh2")
    assert "The broadest survey" in (out / "references" / "berry2011" / "index.html").read_text("utf-8")
    (notes / "berry2011.md").rename(notes / "repper2011.md")
    out = same_as_fresh(builder, project, tmp_path, "fresh3")
    assert "The broadest survey" not in (out / "references" / "berry2011" / "index.html").read_text("utf-8")
    assert "The broadest survey" in (out / "references" / "repper2011" / "index.html").read_text("utf-8")


def test_a_note_touched_without_change_changes_nothing(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    before = tree(builder.out)
    note = project / "content" / "notes" / "repper2011.md"
    note.write_bytes(note.read_bytes())
    os.utime(note)
    assert builder.build(provisional=True).skipped
    assert tree(builder.out) == before


def test_an_edit_and_its_undo_give_the_first_output_again(project: Path, tmp_path: Path):
    """Memories keyed by content must not hand back the edited version after the undo (nor the first after the
    edit)."""
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    first = tree(builder.out)
    note = project / "content" / "notes" / "walker2013.md"
    text = note.read_text("utf-8")
    edit(note, "A metasynthesis:", "A metasynthesis [@repper2011]:")
    edited = same_as_fresh(builder, project, tmp_path, "fresh")
    assert tree(edited) != first
    note.write_text(text, "utf-8")
    builder.build(provisional=True)
    assert tree(builder.out) == first
