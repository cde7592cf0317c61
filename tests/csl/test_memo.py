"""Per-item memo and parallel rendering: always the same output as a fresh, single-process formatting.

The memo is exact by construction (each rendering is keyed by the item's content and disambiguation state); these
tests hold it to that on the conformance corpus in the twelve conformance styles, across edits that change sorting,
disambiguation (a new same-author-same-year work), citation numbers (an insertion at the front) and names.
"""

from __future__ import annotations

import copy
import json
import multiprocessing
from functools import cache
from pathlib import Path

import pytest

import litsite.parallel
from litsite.csl.engine import Cite, Formatter
from litsite.csl.memo import Memo
from litsite.csl.styles import resolve_style

DATA = Path(__file__).resolve().parents[1] / "data" / "csl"
STYLES = sorted(p.stem for p in (DATA / "golden").glob("*.json"))


@cache
def corpus() -> list[dict]:
    """The conformance corpus."""
    return json.loads((DATA / "corpus.json").read_text(encoding="utf-8"))


def clusters(items: list[dict]) -> list[list[Cite]]:
    """A few clusters, one with several cites and a locator."""
    ids = [str(i["id"]) for i in items]
    return [[Cite(ids[3])], [Cite(ids[5]), Cite(ids[1], locator="12")], [Cite(ids[3])]]


def edited(items: list[dict], insert_first: bool = True) -> list[dict]:
    """The corpus after a user's edits: a retitled work, a new work by the same authors in the same year (so both
    need disambiguating), a changed given name, a removed work and (insert_first) a new work inserted at the front,
    which renumbers every work in numeric styles."""
    out = copy.deepcopy(items)
    authored = [i for i in out if i.get("author") and i.get("issued")]
    first, second = authored[0], authored[1]
    first["title"] = "A retitled work"
    twin = copy.deepcopy(second)
    twin.update(id="twin-of-second", title="Another work of the same year")
    out.insert(out.index(second) + 1, twin)
    if authored[2]["author"][0].get("given"):
        authored[2]["author"][0]["given"] = "Zed"
    out.remove(authored[3])
    if insert_first:
        new = {"id": "new-first", "type": "book", "title": "Inserted first", "issued": {"date-parts": [[1999]]}}
        out.insert(0, new)
    return out


RENUMBERING = ["apa", "ieee", "modern-language-association", "vancouver-nlm"]
CASES = [(style, False) for style in STYLES] + [(style, True) for style in RENUMBERING]


@pytest.mark.parametrize(("style", "insert_first"), CASES)
def test_memo_after_edits_equals_fresh_formatting(style: str, insert_first: bool) -> None:
    path = resolve_style(style).path
    memo = Memo()
    Formatter(path).format(corpus(), clusters(corpus()), "html", memo=memo)
    kept = Memo(json.loads(json.dumps(memo.used)))  # as a build keeps it in the output and reads it back
    items = edited(corpus(), insert_first)
    reused = Formatter(path).format(items, clusters(items), "html", memo=kept)
    fresh = Formatter(path).format(items, clusters(items), "html")
    assert reused == fresh
    if insert_first and resolve_style(style).uses_position:
        assert kept.misses > len(items)  # every number changed: nothing could be reused, and nothing was
    else:
        assert kept.hits > len(items)  # the memo did the work: most renderings were not redone
        assert kept.misses < len(items) // 4


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork start method here")
@pytest.mark.parametrize("style", ["apa", "ieee", "modern-language-association"])
def test_parallel_rendering_equals_one_process(style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(litsite.parallel, "MIN_ITEMS", 1)  # fork even for the few ambiguous groups of the corpus
    path = resolve_style(style).path
    items = corpus()
    parallel = Formatter(path).format(items, clusters(items), "html", memo=Memo(), workers=2)
    assert parallel == Formatter(path).format(items, clusters(items), "html")


def test_a_memo_is_keyed_by_content_not_by_id() -> None:
    """Two formattings that share ids but not content never share renderings."""
    path = resolve_style("apa").path
    memo = Memo()
    item = {"id": "a", "type": "book", "title": "First title", "author": [{"family": "Doe", "given": "J"}]}
    Formatter(path).format([item], [], "text", memo=memo)
    changed = {**item, "title": "Second title"}
    result = Formatter(path).format([changed], [], "text", memo=Memo(memo.used))
    assert "Second title" in result.entries[0][1]


@pytest.mark.parametrize("style", ["apa", "chicago-author-date", "modern-language-association"])
def test_kept_group_outcomes_equal_settling_again(style: str) -> None:
    """Ambiguous groups (given names, added names, year suffixes) are settled once and their outcome kept: the
    second formatting takes every group from the memo (read back from JSON, as a build does) with the same result."""
    path = resolve_style(style).path
    base = {"type": "book", "issued": {"date-parts": [[2006]]}}
    items = [
        {"id": "a", "title": "A", "author": [{"family": "Doe", "given": "Jo"}, {"family": "Roe", "given": "X"}]},
        {"id": "b", "title": "B", "author": [{"family": "Doe", "given": "Jo"}, {"family": "Poe", "given": "Y"}]},
        {"id": "c", "title": "C", "author": [{"family": "Doe", "given": "Al"}, {"family": "Roe", "given": "X"}]},
        {"id": "d", "title": "D", "author": [{"family": "Doe", "given": "Jo"}]},
        {"id": "e", "title": "E", "author": [{"family": "Doe", "given": "Jo"}]},
    ]
    items = [{**item, **base} for item in items]
    cites = [[Cite(str(i["id"]))] for i in items]
    memo = Memo()
    fresh = Formatter(path).format(items, cites, "html", memo=memo)
    groups = [key for key in memo.used if key.startswith("g|")]
    assert groups  # the corpus has ambiguous groups
    kept = Memo(json.loads(json.dumps(memo.used)))
    assert Formatter(path).format(items, cites, "html", memo=kept) == fresh
    assert all(key in kept.used for key in groups)
    assert kept.misses == 0  # nothing rendered or settled again


@pytest.mark.parametrize("style", ["apa", "chicago-author-date", "ieee"])
def test_new_items_are_inserted_into_the_kept_order(style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """After an edit, the kept bibliography order takes the changed items at the place a full sort gives them."""
    from litsite.csl.fixes import sorting

    path = resolve_style(style).path
    memo = Memo()
    Formatter(path).format(corpus(), [], "html", memo=memo)
    kept = Memo(json.loads(json.dumps(memo.used)))
    items = edited(corpus(), insert_first=False)
    fresh = Formatter(path).format(items, [], "html")

    def no_full_sort(self: object, raws: list) -> list[int]:
        raise AssertionError("a full sort was made")

    monkeypatch.setattr(sorting.Sort, "litsite_order", no_full_sort)
    assert Formatter(path).format(items, [], "html", memo=kept) == fresh


def test_keys_of_mixed_kinds_are_sorted_in_full(tmp_path: Path) -> None:
    """A key position holding numbers and texts is not a consistent order: no insertion, a full sort."""
    style = tmp_path / "s.csl"
    style.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><id/><title/>'
        '<updated>2020-01-01T00:00:00+00:00</updated></info><citation><layout><text variable="title"/></layout>'
        '</citation><bibliography><sort><key variable="volume"/></sort><layout><text variable="title"/>'
        "</layout></bibliography></style>",
        encoding="utf-8",
    )
    items = [{"id": str(n), "type": "book", "title": f"T{n}", "volume": v} for n, v in enumerate(["10", "9", "x"])]
    memo = Memo()
    Formatter(style).format(items, [], "text", memo=memo)
    items = [*items, {"id": "new", "type": "book", "title": "New", "volume": "Suppl"}]
    again = Formatter(style).format(items, [], "text", memo=Memo(json.loads(json.dumps(memo.used))))
    assert again == Formatter(style).format(items, [], "text")
