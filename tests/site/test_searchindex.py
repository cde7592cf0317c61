"""The prebuilt search index: tokens, sorted terms, delta-encoded postings that decode to the right documents."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from litsite.site.searchindex import build_index, tokens


def ref(ref_id: str, title: str, family: str, year: int | None, kind: str = "Journal article") -> SimpleNamespace:
    item = {"id": ref_id, "title": title, "author": [{"family": family, "given": "A."}], "container-title": "J"}
    return SimpleNamespace(id=ref_id, item=item, year=year, type_label=kind)


def decode(post: str) -> list[int]:
    out, n = [], 0
    for part in post.split("."):
        n += int(part, 36)
        out.append(n)
    return out


def test_tokens_fold_case_and_accents():
    assert tokens("Émile Durkheim's SUICIDE, 1897") == ["emile", "durkheim", "s", "suicide", "1897"]


def test_index_maps_terms_to_documents():
    refs = [ref(f"r{i}", f"Peer support {i}", "Zed" if i % 2 else "Ann", 2000 + i % 3) for i in range(80)]
    refs.append(ref("odd", "Risk", "Émile", None, "Book"))
    idx = build_index(refs)
    assert idx["terms"] == sorted(idx["terms"])
    docs = idx["docs"]
    assert docs[-1] == ["odd", 0, idx["types"].index("Book"), "emile", "risk"]
    post = dict(zip(idx["terms"], idx["post"], strict=True))
    assert decode(post["peer"]) == list(range(80))
    assert decode(post["zed"]) == list(range(1, 80, 2))
    assert decode(post["risk"]) == [80]
    assert decode(post["2001"]) == list(range(1, 80, 3))
    apost = dict(zip(idx["aterms"], idx["apost"], strict=True))
    assert "peer" not in apost and decode(apost["emile"]) == [80]


def test_example_site_index(example_site: Path):
    idx = json.loads((example_site / "data" / "search.json").read_text(encoding="utf-8"))
    assert len(idx["docs"]) == 49
    assert {d[0] for d in idx["docs"]} == {p.parent.name for p in (example_site / "references").glob("*/index.html")}
