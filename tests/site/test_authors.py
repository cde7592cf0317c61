"""Author and keyword grouping across references; the author and keyword pages of the example site."""

from __future__ import annotations

from pathlib import Path

from litsite.site.authors import coauthored, collect_authors, collect_keywords


def test_authors_group_by_family_and_initial_and_keep_the_fullest_name():
    items = [
        {"id": "a", "author": [{"family": "Gillard", "given": "S."}, {"family": "Gibson", "given": "S."}]},
        {"id": "b", "author": [{"family": "Gillard", "given": "Steve"}], "editor": [{"literal": "NHS England"}]},
        {"id": "c", "author": [{"family": "Gillard", "given": "T."}]},
    ]
    authors = collect_authors(items)
    by_slug = {a.slug: a for a in authors}
    assert by_slug["gillard-s"].ref_ids == ["a", "b"]
    assert by_slug["gillard-s"].display == "Steve Gillard"
    assert by_slug["gillard-t"].ref_ids == ["c"]
    assert by_slug["nhs-england"].sorted_name == "NHS England"
    assert coauthored("a", items[0], {a.key: a for a in authors}) == ["b"]


def test_keywords_merge_study_and_reference_keywords():
    kws = collect_keywords(["Peer support"], [{"id": "a", "keyword": "peer support, Risk"}, {"id": "b"}])
    assert [(k.name, k.in_study, k.ref_ids) for k in kws] == [("Peer support", True, ["a"]), ("Risk", False, ["a"])]


def test_example_site_author_pages(example_site: Path):
    html = (example_site / "authors" / "gillard-s" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="csl-entry"') == 6
    ref_page = (example_site / "references" / "gillard2013" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../authors/gillard-s/">S. Gillard</a>' in ref_page
    assert "By the same authors" in ref_page
    assert (example_site / "keywords" / "peer-support" / "index.html").is_file()
