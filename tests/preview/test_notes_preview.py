"""The preview's rebuilds after editing the reviewer's notes and themes: only the files that show the edit are
rewritten, and the output equals a fresh `build`."""

from __future__ import annotations

from pathlib import Path

import pytest
from trees import tree

from litsite.errors import UserErrors
from litsite.pipeline import build_site
from litsite.preview.builder import SiteBuilder


@pytest.fixture
def project(project_two_styles: Path) -> Path:
    """What these tests check does not depend on how many styles the site offers (conftest.py)."""
    return project_two_styles


def pages(changed: list[str]) -> set[str]:
    """The pages among a build's rewritten files."""
    return {rel for rel in changed if rel.endswith(".html")}


def test_editing_a_note_rewrites_its_reference_page_only(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    note = project / "content" / "notes" / "repper2011.md"
    note.write_text(note.read_text("utf-8").replace("The broadest survey", "The widest survey"), "utf-8")
    report = builder.build(provisional=True)  # as the preview does first; nothing to patch, so it builds exactly
    assert pages(report.changed) == {"references/repper2011/index.html"}
    assert "data/search.json" in report.changed  # the note's words are searchable
    assert "The widest survey" in (tmp_path / "preview" / "references" / "repper2011" / "index.html").read_text("utf-8")
    assert tree(tmp_path / "preview") == tree(build_site(project, tmp_path / "full"))


def test_adding_a_theme_to_a_note_rewrites_the_pages_listing_it(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    note = project / "content" / "notes" / "repper2011.md"
    note.write_text(
        note.read_text("utf-8").replace("[reviews-of-peer-support]", "[reviews-of-peer-support, positive-risk]"),
        "utf-8",
    )
    changed = pages(builder.build().changed)
    assert {"references/repper2011/index.html", "themes/index.html", "themes/positive-risk/index.html"} <= changed
    assert "themes/reviews-of-peer-support/index.html" not in changed  # its works and counts are as they were
    assert not any(rel.startswith(("authors/", "keywords/")) for rel in changed)
    assert tree(tmp_path / "preview") == tree(build_site(project, tmp_path / "full"))


def test_a_bad_note_is_reported_and_the_output_kept(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    before = tree(tmp_path / "preview")
    (project / "content" / "notes" / "repper2012.md").write_text("Text.\n", "utf-8")
    with pytest.raises(UserErrors) as exc:
        builder.build()
    assert "repper2012.md:1: no reference has the id 'repper2012'" in str(exc.value.errors[0])
    assert tree(tmp_path / "preview") == before
