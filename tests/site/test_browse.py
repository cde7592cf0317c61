"""The browsing pages treat reference text as data: markup in a record is escaped on every page and download."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from litsite.pipeline import build_site

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'
EDITS = {
    "container-title": ("container-title: Journal of Public Mental Health", f"container-title: '{EVIL}'"),
    "publisher-keyword": ("publisher: ImROC", f"publisher: '{EVIL}'\n  keyword: '{EVIL}, peer'"),
    "author": ("- {family: Berry, given: C.}", f"- {{family: '{EVIL}', given: C.}}"),
}


@pytest.mark.parametrize(
    "field",
    [
        "container-title",
        "publisher-keyword",
        "author",
    ],
)
def test_record_text_is_escaped_everywhere(project: Path, tmp_path: Path, field: str):
    site = project / "site.yaml"
    site.write_text(re.sub(r"(?m)^styles: .*$", "styles: [apa]", site.read_text(encoding="utf-8")), encoding="utf-8")
    refs = project / "content" / "references.yaml"
    old, new = EDITS[field]
    refs.write_text(refs.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    out = build_site(project, tmp_path / "out")
    pages = list(out.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html, page
    assert EVIL in (out / "references.json").read_text(encoding="utf-8").replace('\\"', '"')
    style = json.loads((out / "data" / "styles" / "apa.json").read_text(encoding="utf-8"))
    assert not any("<script>" in html for html in style["entries"].values())
    assert "<script>" not in (out / "data" / "search.json").read_text(encoding="utf-8")


def test_local_calls_read_only_what_the_scope_covers():
    """Browse's purity rule for local calls (reuse/pages.py skips them while their references and the scope are
    unchanged): a local call reads of Browse only LOCAL_READS and other local calls; SCOPE_CALLS are in scope whole."""
    import ast
    import inspect
    import textwrap

    from litsite.site import browse

    for name in sorted(browse.LOCAL_CALLS - browse.SCOPE_CALLS):
        tree = ast.parse(textwrap.dedent(inspect.getsource(getattr(browse.Browse, name))))
        reads = {
            node.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"
        }
        assert reads <= browse.LOCAL_READS | browse.LOCAL_CALLS, (name, reads - browse.LOCAL_READS)
    scope = inspect.getsource(browse.Browse.scope)
    assert all(call in scope for call in browse.SCOPE_CALLS)
