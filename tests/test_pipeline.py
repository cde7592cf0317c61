"""The whole pipeline on the example site: golden tree, style switching, atomic failure."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from trees import records, tree

from litsite.csl.engine import format_bibliography
from litsite.csl.styles import resolve_style
from litsite.pipeline import build_site, load_sources
from litsite.render.pages import link_dois
from litsite.reuse.books import books_for

KEPT_SITE = {"stage", "stage.ledger"}  # the previous site, kept to become the next (books.py)
REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden" / "example-site"


def entries(html: str) -> list[str]:
    return re.findall(r'<li id="ref-[^"]+" class="csl-entry" data-ref-id="[^"]+">(.*?) <a class="more"', html)


def test_golden_example_site(project: Path, tmp_path: Path, update_golden: bool):
    out = build_site(project, tmp_path / "out", base_url="https://example.org/site/")
    got = tree(out)
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, data in got.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(data)
    if not GOLDEN.is_dir():
        pytest.fail("no golden tree yet: run `python -m pytest tests/test_pipeline.py --update-golden` and review it")
    want = tree(GOLDEN)
    assert sorted(got) == sorted(want)
    for rel in want:
        assert got[rel] == want[rel], f"{rel} differs from the golden file (regenerate with --update-golden)"


def test_example_site_has_study_and_49_references(project: Path, tmp_path: Path):
    out = build_site(project, tmp_path / "out")
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "Peer Worker Roles and Risk in Mental Health Services" in html
    assert len(entries(html)) == 49
    assert len(list((out / "references").glob("*/index.html"))) == 49


@pytest.mark.parametrize("style", ["vancouver-nlm", "chicago-author-date", "local"])
def test_switching_style_changes_every_page(project: Path, tmp_path: Path, style: str):
    if style == "local":
        shutil.copy(resolve_style("harvard-cite-them-right").path, project / "my-style.csl")
        style = "my-style.csl"
    site = project / "site.yaml"
    text = re.sub(r"(?m)^style: .*$", f"style: {style}", site.read_text(encoding="utf-8"))
    site.write_text(re.sub(r"(?ms)^styles:.*?(?=^\S)", "", text), encoding="utf-8")  # the block, to the next key
    out = build_site(project, tmp_path / "out")
    _, content = load_sources(project)
    formatted = format_bibliography([r.csl for r in content.references], resolve_style(style, project).path, "html")
    want = [link_dois(e) for e in formatted]
    got = entries((out / "index.html").read_text(encoding="utf-8"))
    assert sorted(got) == sorted(want)
    for page in (out / "references").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        entry = re.search(r'<div class="csl-entry" data-ref-id="[^"]+">(.*?)</div>\n', html).group(1)
        assert entry in want


def test_failed_build_keeps_previous_output(project: Path):
    build_site(project)
    before = tree(project / "output")
    (project / "site.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - any failure; the point is the untouched output
        build_site(project)
    assert tree(project / "output") == before


def test_two_builds_are_byte_identical(project: Path, tmp_path: Path):
    a = tree(build_site(project, tmp_path / "a"))
    b = tree(build_site(project, tmp_path / "b"))
    assert a == b
    assert records(project, tmp_path / "a") == records(project, tmp_path / "b")  # the kept records too


def test_rebuild_reuses_the_cache_kept_in_the_bookkeeping(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    out = build_site(project, tmp_path / "out")
    books = books_for(project, out)
    kept = sorted((books.cache / "format").iterdir())
    assert len(kept) == 4  # one per offered style
    before = tree(out)

    import litsite.reuse.formatted

    def no_formatting(*args, **kwargs):
        raise AssertionError("a rebuild with a complete cache must not format anything")

    monkeypatch.setattr(litsite.reuse.formatted, "Formatter", no_formatting)
    assert tree(build_site(project, out, cache=True)) == before
    books.marker.write_text("fingerprint: stale\n", "utf-8")  # not skipped: formatting from the cache
    assert tree(build_site(project, out)) == before
    monkeypatch.undo()
    # Editing a reference invalidates: its entry changes, and the stale records are dropped.
    refs = project / "content" / "references.yaml"
    refs.write_text(refs.read_text(encoding="utf-8").replace("Another rather than other", "Another thing"), "utf-8")
    build_site(project, out)
    assert "Another thing" in (out / "index.html").read_text(encoding="utf-8")
    assert len(list((books.cache / "format").iterdir())) == 4
    assert not set(kept) & set((books.cache / "format").iterdir())


def test_unchanged_sources_skip_the_build(project: Path, tmp_path: Path):
    out = build_site(project, tmp_path / "out")
    index = out / "index.html"
    before = index.stat().st_mtime_ns
    assert build_site(project, out) == out
    assert index.stat().st_mtime_ns == before  # nothing was rewritten
    (out / "references.json").unlink()  # the output no longer holds what the build wrote: build again
    build_site(project, out)
    assert (out / "references.json").is_file() and index.stat().st_mtime_ns != before
    mtime = index.stat().st_mtime_ns
    template = project / "templates" / "base.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # any source byte counts
    build_site(project, out)
    assert index.stat().st_mtime_ns != mtime


def test_a_build_without_cache_keeps_nothing_for_the_next(project: Path, tmp_path: Path):
    """--no-cache (as the Pages workflow builds): the same site, and no cache records or ledger kept."""
    plain = build_site(project, tmp_path / "plain", cache=False)
    books = books_for(project, plain)
    assert not books.cache.exists() and not books.ledger.exists()
    cached = build_site(project, tmp_path / "cached")
    assert tree(plain) == tree(cached)


def test_the_output_holds_the_site_only(project: Path):
    """The bookkeeping (cache records, ledger, marker) lives in the project's .litsite/, never in the published site;
    nothing else is written beside the sources."""
    before = {p.name for p in project.iterdir()}
    out = build_site(project)
    assert not [p for p in out.rglob("*") if p.name.startswith(".litsite")]
    assert {p.name for p in project.iterdir()} == before | {"output", ".litsite"}
    books = books_for(project, out)
    assert books.root.parent.parent == project / ".litsite"
    assert {p.name for p in books.root.iterdir()} - KEPT_SITE == {"cache", "ledger", "marker"}
    assert (project / ".litsite" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
