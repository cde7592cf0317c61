"""Reusing unchanged pages: only what a page's templates read decides, and the result equals a fresh build."""

from __future__ import annotations

from pathlib import Path

import pytest
from edits import edit
from trees import tree

import litsite.reuse.pages
from litsite.pipeline import build_site
from litsite.reuse.books import books_for
from litsite.reuse.pages import Untraceable, digest


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the pages actually rendered (not reused) by each build."""
    counts: list[int] = []
    real = litsite.reuse.pages.PageCache.traces

    def traces(self: litsite.reuse.pages.PageCache) -> dict:
        counts.append(self.rendered)
        return real(self)

    monkeypatch.setattr(litsite.reuse.pages.PageCache, "traces", traces)
    return counts


@pytest.fixture
def project(project_two_styles: Path) -> Path:
    """What these tests check does not depend on how many styles the site offers (conftest.py)."""
    return project_two_styles


def test_an_edit_renders_only_the_pages_that_read_it(project: Path, tmp_path: Path, rendered: list[int]):
    out = build_site(project, tmp_path / "out")
    everything = rendered[-1]
    edit(project / "content" / "references.yaml", "Another rather than other", "Another, edited")
    build_site(project, out)
    assert 0 < rendered[-1] < everything // 10  # the edited reference, the lists and its author pages
    assert "Another, edited" in (out / "references" / "berry2011" / "index.html").read_text(encoding="utf-8")
    assert tree(out) == tree(build_site(project, tmp_path / "fresh"))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  volume: '13'\n  page: '188'", "  volume: '14'\n  page: '188'"),  # an entry other pages list as related
        ("  - {family: Wright, given: C.}", "  - {family: Wrighton, given: C.}"),  # authors: the shared scope
        ("  container-title: BMC Health Services Research", "  container-title: BMC\n  keyword: Peer support"),
    ],
    ids=["entry", "author", "keyword"],
)
def test_each_kind_of_edit_equals_a_fresh_build(project: Path, tmp_path: Path, old: str, new: str):
    """Pages whose local helper calls are skipped (their references and the shared scope unchanged) stay right."""
    out = build_site(project, tmp_path / "out")
    edit(project / "content" / "references.yaml", old, new)
    build_site(project, out)
    assert tree(out) == tree(build_site(project, tmp_path / "fresh"))


def test_unchanged_pages_do_not_make_their_local_calls_again(
    project: Path, tmp_path: Path, rendered: list[int], monkeypatch: pytest.MonkeyPatch
):
    import litsite.site.browse

    out = build_site(project, tmp_path / "out")
    calls: list[str] = []
    real = litsite.site.browse.Browse.links
    monkeypatch.setattr(litsite.site.browse.Browse, "links", lambda self, ref: calls.append(ref.id) or real(self, ref))
    edit(project / "content" / "references.yaml", "  volume: '13'\n  page: '188'", "  volume: '14'\n  page: '188'")
    build_site(project, out)
    assert "gillard2013" in calls and len(calls) <= rendered[-1]  # only the pages rendered again call it


def test_a_template_reading_everything_is_rendered_again(project: Path, tmp_path: Path, rendered: list[int]):
    """A custom reference page listing every title depends on every reference: editing one renders all pages."""
    edit(
        project / "templates" / "reference.html",
        "{% endblock %}",
        "{% for r in refs %}<i>{{ r.item.title }}</i>{% endfor %}{% endblock %}",
    )
    out = build_site(project, tmp_path / "out")
    edit(project / "content" / "references.yaml", "Another rather than other", "Another, edited")
    build_site(project, out)
    page = (out / "references" / "boardman2014" / "index.html").read_text(encoding="utf-8")
    assert "Another, edited" in page
    assert tree(out) == tree(build_site(project, tmp_path / "fresh"))


def test_a_template_change_renders_every_page(project: Path, tmp_path: Path, rendered: list[int]):
    out = build_site(project, tmp_path / "out")
    everything = rendered[-1]
    edit(project / "templates" / "base.html", "</body>", "<!-- changed --></body>")
    build_site(project, out)
    assert rendered[-1] == everything
    assert "<!-- changed -->" in (out / "references" / "berry2011" / "index.html").read_text(encoding="utf-8")


def test_digests_see_content_not_identity():
    shared = "a string"
    assert digest([shared, shared]) == digest([shared, "a " + "string"])
    assert digest({"a": 1}) != digest({"a": 2})
    with pytest.raises(Untraceable):
        digest(lambda: None)


def test_records_made_by_other_code_are_not_used(project: Path, tmp_path: Path):
    """Export texts depend on the code that wrote them: a record from another version is ignored, not trusted."""
    import json

    out = build_site(project, tmp_path / "out")
    books = books_for(project, out)
    shards = sorted((books.cache / "exports").glob("*.json"))
    assert shards
    for record in shards:
        kept = json.loads(record.read_text(encoding="utf-8"))
        stale = {key: dict(texts, bib="@misc{stale}\n") for key, texts in kept["data"].items()}
        record.write_text(json.dumps({"version": "other code", "data": stale}), encoding="utf-8")
    books.marker.write_text("fingerprint: stale\n", encoding="utf-8")  # do not skip the build
    build_site(project, out)
    assert "stale" not in (out / "references.bib").read_text(encoding="utf-8")
