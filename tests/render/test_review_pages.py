"""Pages of the reviewer's notes and themes: escaping, a bibliography site's links, the sitemap and the search index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from litsite.pipeline import build_site


def test_titles_and_front_matter_are_text_not_markup(project: Path, tmp_path: Path):
    theme = project / "content" / "themes" / "positive-risk.md"
    theme.write_text('---\ntitle: "<img src=x onerror=alert(1)> & risk"\n---\nText.\n', "utf-8")
    out = build_site(project, tmp_path / "out")
    for rel in ("themes/index.html", "themes/positive-risk/index.html", "references/clifford2011/index.html"):
        html = (out / rel).read_text("utf-8")
        assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt; &amp; risk" in html


def test_sitemap_and_search_index_hold_the_new_pages(project: Path, tmp_path: Path):
    out = build_site(project, tmp_path / "out", base_url="https://example.org/site/")
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    for url in ("themes/", "themes/positive-risk/", "themes/reviews-of-peer-support/"):
        assert f"<loc>https://example.org/site/{url}</loc>" in sitemap
    index = json.loads((out / "data" / "search.json").read_text("utf-8"))
    assert index["themes"] == ["positive-risk", "reviews-of-peer-support"]
    noted = {d[0]: d[5] for d in index["docs"] if len(d) > 5}
    assert noted == {"clifford2011": [0], "robertson2011": [0], "repper2011": [1], "walker2013": [1]}
    record = index["terms"].index("bibliographic")  # a word only clifford2011's note has
    doc = int(index["post"][record], 36)
    assert index["docs"][doc][0] == "clifford2011"


def test_a_bibliography_site_links_note_citations_to_reference_pages(project: Path, tmp_path: Path):
    (project / "content" / "study.md").unlink()  # no study: a bibliography site
    out = build_site(project, tmp_path / "out")
    html = (out / "references" / "walker2013" / "index.html").read_text("utf-8")
    assert '<a href="../../references/repper2011/">(Repper &amp; Carter, 2011)</a>' in html
    home = (out / "index.html").read_text("utf-8")
    assert 'id="theme"' in home and 'class="more note-mark"' in home
    theme = (out / "themes" / "positive-risk" / "index.html").read_text("utf-8")
    assert 'href="../../?theme=positive-risk"' in theme


def test_a_site_without_notes_has_no_trace_of_them(project: Path, tmp_path: Path):
    shutil.rmtree(project / "content" / "notes")
    shutil.rmtree(project / "content" / "themes")
    out = build_site(project, tmp_path / "out")
    assert not (out / "themes").exists()
    index = (out / "references" / "index.html").read_text("utf-8")
    assert 'id="theme"' not in index and "note-mark" not in index and ">Themes<" not in index
    assert "themes" not in json.loads((out / "data" / "search.json").read_text("utf-8"))
