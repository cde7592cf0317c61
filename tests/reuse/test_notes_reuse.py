"""Incremental rebuilds of the reviewer's notes and themes: an edit renders again exactly the pages that show it, and
the result equals a fresh build."""

from __future__ import annotations

from pathlib import Path

import pytest
from edits import edit
from trees import tree

import litsite.reuse.pages
from litsite.pipeline import build_site


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The pages each build rendered (not reused), by output path."""
    builds: list[set[str]] = []
    real_all = litsite.reuse.pages.PageCache.render_all
    real_render = litsite.reuse.pages.PageCache._render

    def render_all(self, jobs, fn, parallel=None, progress=None):  # type: ignore[no-untyped-def]
        builds.append(set())
        return real_all(self, jobs, fn, None, progress)  # in this process, so that _render is seen

    def render(self, job, deps, fn):  # type: ignore[no-untyped-def]
        builds[-1].add(job[0])
        return real_render(self, job, deps, fn)

    monkeypatch.setattr(litsite.reuse.pages.PageCache, "render_all", render_all)
    monkeypatch.setattr(litsite.reuse.pages.PageCache, "_render", render)
    return builds


@pytest.fixture
def project(project_two_styles: Path) -> Path:
    """What these tests check does not depend on how many styles the site offers (conftest.py)."""
    return project_two_styles


def test_editing_a_note_renders_only_its_reference_page(project: Path, tmp_path: Path, rendered: list[set[str]]):
    out = build_site(project, tmp_path / "out")
    assert "references/walker2013/index.html" in rendered[-1]
    edit(project / "content" / "notes" / "walker2013.md", "A metasynthesis:", "A metasynthesis, edited:")
    build_site(project, out)
    assert rendered[-1] == {"references/walker2013/index.html"}
    assert "A metasynthesis, edited:" in (out / "references" / "walker2013" / "index.html").read_text("utf-8")
    assert "metasynthesis" in (out / "data" / "search.json").read_text("utf-8")
    assert tree(out) == tree(build_site(project, tmp_path / "fresh"))


def test_changing_a_notes_themes_renders_the_pages_listing_them(
    project: Path, tmp_path: Path, rendered: list[set[str]]
):
    out = build_site(project, tmp_path / "out")
    note = project / "content" / "notes" / "walker2013.md"
    edit(note, "themes: [reviews-of-peer-support]", "themes: [positive-risk]")
    build_site(project, out)
    assert {
        "references/walker2013/index.html",
        "themes/index.html",
        "themes/positive-risk/index.html",
        "themes/reviews-of-peer-support/index.html",
        "references/index.html",  # its theme filter counts the works of each theme
    } <= rendered[-1]
    assert not any(p.startswith(("authors/", "keywords/")) for p in rendered[-1])
    assert "walker2013" in (out / "themes" / "positive-risk" / "index.html").read_text("utf-8")
    assert tree(out) == tree(build_site(project, tmp_path / "fresh"))


def test_editing_a_theme_renders_only_its_page(project: Path, tmp_path: Path, rendered: list[set[str]]):
    out = build_site(project, tmp_path / "out")
    edit(project / "content" / "themes" / "positive-risk.md", "The article's second strand", "The second strand")
    build_site(project, out)
    assert rendered[-1] == {"themes/positive-risk/index.html"}
    assert tree(out) == tree(build_site(project, tmp_path / "fresh"))


def test_adding_and_removing_notes_equals_a_fresh_build(project: Path, tmp_path: Path):
    out = build_site(project, tmp_path / "out")
    (project / "content" / "notes" / "berry2011.md").write_text("Interviews with workers [@repper2011].\n", "utf-8")
    (project / "content" / "notes" / "clifford2011.md").unlink()
    build_site(project, out)
    assert "Interviews with workers" in (out / "references" / "berry2011" / "index.html").read_text("utf-8")
    assert 'id="note"' not in (out / "references" / "clifford2011" / "index.html").read_text("utf-8")
    assert tree(out) == tree(build_site(project, tmp_path / "fresh"))


def test_a_bibliography_sites_introduction_is_traced(project: Path, tmp_path: Path, rendered: list[set[str]]):
    """Its home page (the references index) shows study.md's text through a Remark: reused while that text and its
    citations are the same, rendered again when they change."""
    (project / "content" / "study.md").write_text("Works on peer support [@berry2011].\n", "utf-8")
    out = build_site(project, tmp_path / "out")
    edit(project / "content" / "notes" / "walker2013.md", "A metasynthesis:", "A metasynthesis, edited:")
    build_site(project, out)
    assert rendered[-1] == {"references/walker2013/index.html"}
    edit(project / "content" / "study.md", "Works on peer support", "Works on peer roles")
    build_site(project, out)
    assert "index.html" in rendered[-1]
    assert "Works on peer roles" in (out / "index.html").read_text("utf-8")
    assert tree(out) == tree(build_site(project, tmp_path / "fresh"))


def test_pages_calling_markdown_are_traced(project: Path, tmp_path: Path, rendered: list[set[str]]):
    """The study page and extra pages render Markdown through `markdown`, traced by what it renders: each is reused
    until its text, a citation's text or a cited work's address changes."""
    study = project / "content" / "study.md"
    study.write_text(study.read_text("utf-8") + "\nPeer roles grow [@berry2011; @gillard2013].\n", "utf-8")
    (project / "content" / "pages").mkdir()
    (project / "content" / "pages" / "method.md").write_text("---\ntitle: Method\n---\nAs @moran2013 did.\n", "utf-8")
    out = build_site(project, tmp_path / "out")
    edit(project / "content" / "notes" / "walker2013.md", "A metasynthesis:", "A metasynthesis, edited:")
    build_site(project, out)
    assert rendered[-1] == {"references/walker2013/index.html"}
    edit(project / "content" / "references.yaml", "  - {family: Berry, given: C.}", "  - {family: Barry, given: C.}")
    build_site(project, out)
    assert "index.html" in rendered[-1] and "Barry et al., 2011" in (out / "index.html").read_text("utf-8")
    assert tree(out) == tree(build_site(project, tmp_path / "fresh"))
    edit(project / "content" / "pages" / "method.md", "As @moran2013 did.", "As @moran2013 did, too.")
    build_site(project, out)
    # (`markdown`'s key covers every document; moran2013's page shows the edited sentence where the page cites it)
    assert rendered[-1] == {"method/index.html", "index.html", "references/moran2013/index.html"}
    assert tree(out) == tree(build_site(project, tmp_path / "fresh2"))
