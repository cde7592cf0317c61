"""The preview's shortcuts between rebuilds (nothing changed, collections paused): each one gives up exactly when
its result could differ, and every rebuild equals a fresh `build` byte for byte."""

from __future__ import annotations

import copy
import gc
from pathlib import Path
from typing import Any

import pytest
from edits import edit
from trees import tree

from litsite.errors import UserErrors
from litsite.pipeline import build_site
from litsite.preview.builder import SiteBuilder
from litsite.preview.memory import CHECK_EVERY, Collections


@pytest.fixture
def project(project_two_styles: Path) -> Path:
    """What these tests check does not depend on how many styles the site offers (conftest.py)."""
    return project_two_styles


def test_a_rebuild_with_nothing_changed_does_nothing(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    before = tree(tmp_path / "preview")
    report = builder.build(provisional=True)
    assert report.skipped and report.changed == []
    assert builder.build().skipped  # the last build was exact: an exact request is met too
    assert tree(tmp_path / "preview") == before == tree(build_site(project, tmp_path / "full"))


def test_an_edit_is_never_skipped(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    edit(project / "content" / "notes" / "repper2011.md", "The broadest survey", "The widest survey")
    report = builder.build(provisional=True)
    assert not report.skipped and "references/repper2011/index.html" in report.changed
    assert builder.build(provisional=True).skipped
    assert tree(tmp_path / "preview") == tree(build_site(project, tmp_path / "full"))


def test_an_edit_of_a_template_or_site_yaml_is_never_skipped(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    page = project / "templates" / "base.html"
    page.write_text(page.read_text("utf-8") + "<!-- edited -->\n", "utf-8")
    assert not builder.build(provisional=True).skipped
    edit(project / "site.yaml", 'title: "Peer Worker', 'title: "Edited Peer Worker')
    assert not builder.build(provisional=True).skipped
    assert tree(tmp_path / "preview") == tree(build_site(project, tmp_path / "full"))


def test_an_output_changed_by_hand_is_built_again(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    (tmp_path / "preview" / "index.html").unlink()
    report = builder.build(provisional=True)
    assert not report.skipped and "index.html" in report.changed
    (tmp_path / "preview" / "extra.html").write_text("mine", "utf-8")
    assert not builder.build(provisional=True).skipped
    assert tree(tmp_path / "preview") == tree(build_site(project, tmp_path / "full"))


def test_a_failed_build_is_not_taken_for_the_last_good_one(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    note = project / "content" / "notes" / "repper2011.md"
    good = note.read_text("utf-8")
    note.write_text(good.replace("themes: [", "themes: [no-such-theme, "), "utf-8")
    with pytest.raises(UserErrors):
        builder.build(provisional=True)
    note.write_text(good.replace("The broadest survey", "The widest survey"), "utf-8")
    assert "The widest survey" in _built(builder, tmp_path / "preview" / "references" / "repper2011" / "index.html")
    assert tree(tmp_path / "preview") == tree(build_site(project, tmp_path / "full"))


def _built(builder: SiteBuilder, page: Path) -> str:
    assert not builder.build(provisional=True).skipped
    return page.read_text("utf-8")


def test_collections_are_paused_during_a_rebuild_and_restored_after():
    collections = Collections()
    assert gc.isenabled()
    try:
        with collections.paused():
            assert not gc.isenabled()
            assert collections.full == 1  # the first rebuild starts from a full collection
        assert gc.isenabled() and gc.get_freeze_count() > 0
        with collections.paused():
            pass
        assert collections.full == 1  # nothing grew: no second full collection
        collections.baseline = max(1, gc.get_freeze_count() // 2)  # as if the frozen objects had doubled
        collections.builds = CHECK_EVERY - 1  # the next rebuild counts them
        with collections.paused():
            pass
        assert collections.full == 2
    finally:
        gc.unfreeze()


def test_cycles_made_by_a_rebuild_do_not_stay_frozen():
    collections = Collections()
    try:
        with collections.paused():
            pass
        baseline = gc.get_freeze_count()
        for _ in range(5):
            with collections.paused():
                for _ in range(1000):
                    a: list[object] = []
                    a.append(a)  # a cycle, dropped at once
        assert gc.get_freeze_count() < baseline + 500
    finally:
        gc.unfreeze()


def test_unchanged_references_are_handed_out_again_and_never_changed(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The preview reuses the checked references while references.yaml holds the same bytes; that is only right if
    no stage changes them: a whole build leaves them (and the config) exactly as loaded."""
    import litsite.preview.builder as preview_builder

    loaded: list[tuple[Any, Any]] = []
    real = preview_builder.load_sources

    def load(*args: Any, **kwargs: Any) -> Any:
        config, content = real(*args, **kwargs)
        loaded.append((config, content))
        return config, content

    monkeypatch.setattr(preview_builder, "load_sources", load)
    builder = SiteBuilder(project, tmp_path / "preview")
    builder.build()
    config, content = loaded[-1]
    items = copy.deepcopy([r.item for r in content.references])
    edit(project / "content" / "notes" / "repper2011.md", "The broadest survey", "The widest survey")
    builder.build(provisional=True)
    assert loaded[-1][1].references is content.references  # the same objects, not loaded again
    assert [r.item for r in content.references] == items and loaded[-1][0] == config
    edit(project / "content" / "references.yaml", "volume: '10'", "volume: '11'")
    builder.build(provisional=True)
    assert loaded[-1][1].references is not content.references
    assert tree(tmp_path / "preview") == tree(build_site(project, tmp_path / "full"))


def test_item_cache_keeps_a_whole_file_only_while_its_bytes_and_no_errors_stay(tmp_path: Path):
    from litsite.errors import ErrorCollector
    from litsite.load.yamlfile import ItemCache

    path = tmp_path / "refs.yaml"
    path.write_text("- id: a\n", "utf-8")
    cache, errors = ItemCache(), ErrorCollector()
    first = cache.whole(path, errors, lambda: [1])
    assert cache.whole(path, errors, lambda: [2]) is first
    path.write_text("- id: b\n", "utf-8")
    assert cache.whole(path, errors, lambda: [3]) == [3]

    def failing() -> list[int]:
        errors.add(path, 1, "wrong")
        return [4]

    path.write_text("- id: c\n", "utf-8")
    assert cache.whole(path, errors, failing) == [4]
    assert cache.whole(path, errors, lambda: [5]) == [5]  # what reported an error is made again


def test_a_record_shard_with_the_same_bytes_is_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from litsite.reuse import store

    record = store.ShardedRecord(None, "r", "v1")
    for rel, data in record.files({"a": 1, "b": [2]}).items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    parsed: store.Parsed = {}
    assert store.ShardedRecord(tmp_path, "r", "v1", parsed).data == {"a": 1, "b": [2]}
    loads: list[bytes] = []
    real = store.json.loads
    monkeypatch.setattr(store.json, "loads", lambda raw: loads.append(raw) or real(raw))
    assert store.ShardedRecord(tmp_path, "r", "v1", parsed).data == {"a": 1, "b": [2]} and not loads
    changed = store.ShardedRecord(None, "r", "v1").files({"a": 3, "b": [2]})
    for rel, data in changed.items():
        (tmp_path / rel).write_bytes(data)
    assert store.ShardedRecord(tmp_path, "r", "v1", parsed).data == {"a": 3, "b": [2]} and len(loads) == 1
    assert store.ShardedRecord(tmp_path, "r", "v2", parsed).data == {}  # another version's record: not ours
