"""The preview trusts the kept previous site (write/kepttree.py) only while the ledger it wrote for it is in place:
the tree is then not walked again; any other build in between, or an output edited by hand, and it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import litsite.write.writer
from litsite.reuse.books import books_for
from litsite.write.kepttree import KeptTree
from litsite.write.writer import Bookkeeping, SiteFiles, write_site


def files(**kw: str) -> SiteFiles:
    f = SiteFiles()
    for k, v in kw.items():
        f.add(k.replace("__", "/").replace("_", "."), v)
    return f


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The trees each write walked on disk (the output's check, the kept tree's check)."""
    seen: list[Path] = []
    real = litsite.write.writer._on_disk

    def on_disk(root: Path) -> Any:
        seen.append(Path(root))
        return real(root)

    monkeypatch.setattr(litsite.write.writer, "_on_disk", on_disk)
    return seen


def content(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*") if p.is_file()}


def test_the_kept_tree_this_process_left_is_not_walked_again(tmp_path: Path, walks: list[Path]):
    proj, out = tmp_path / "p", tmp_path / "p" / "output"
    proj.mkdir()
    kept = KeptTree()
    stage = books_for(proj, out).root / "stage"
    for k in range(4):
        walks.clear()
        write_site(files(index_html=f"v{k}", a__b_html="two", c_html=f"c{k % 2}"), out, proj, Bookkeeping(kept=kept))
        assert content(out) == {"index.html": f"v{k}", "a/b.html": "two", "c.html": f"c{k % 2}"}
        if k >= 2:  # from the third write on, the tree it updates is the one this process left
            assert stage not in walks and out in walks  # the output is still checked every time
    assert kept.stamp is not None


@pytest.mark.parametrize("between", ["other-build", "ledger-removed", "file-added"])
def test_another_build_or_a_changed_kept_tree_is_not_trusted(tmp_path: Path, walks: list[Path], between: str):
    proj, out = tmp_path / "p", tmp_path / "p" / "output"
    proj.mkdir()
    kept = KeptTree()
    for k in range(3):
        write_site(files(index_html=f"v{k}", a__b_html="two"), out, proj, Bookkeeping(kept=kept))
    books = books_for(proj, out)
    stage = books.root / "stage"
    if between == "other-build":  # e.g. `python build.py` beside the preview: it knows nothing of ours
        write_site(files(index_html="other", a__b_html="two"), out, proj)
    elif between == "ledger-removed":  # as every build does before it changes the kept tree
        books.spare_ledger.unlink()
    else:  # the tree's folder changed (its time stamps are part of what is trusted)
        (stage / "stray.html").write_text("x")
    walks.clear()
    write_site(files(index_html="last", a__b_html="two"), out, proj, Bookkeeping(kept=kept))
    assert content(out) == {"index.html": "last", "a/b.html": "two"}
    assert (stage in walks) == (between != "ledger-removed")  # without its ledger the tree is staged afresh


def test_an_output_edited_in_place_is_never_published_with_a_trusted_kept_tree(tmp_path: Path):
    proj, out = tmp_path / "p", tmp_path / "p" / "output"
    proj.mkdir()
    kept = KeptTree()
    for k in range(3):
        write_site(files(index_html=f"v{k}", a__b_html="two"), out, proj, Bookkeeping(kept=kept))
    with open(out / "a/b.html", "r+") as f:  # in place: the inode the kept tree shares
        f.write("TWO")
    write_site(files(index_html="v9", a__b_html="two"), out, proj, Bookkeeping(kept=kept))
    assert content(out) == {"index.html": "v9", "a/b.html": "two"}


def test_a_failed_write_forgets_the_kept_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    proj, out = tmp_path / "p", tmp_path / "p" / "output"
    proj.mkdir()
    kept = KeptTree()
    for k in range(3):
        write_site(files(index_html=f"v{k}"), out, proj, Bookkeeping(kept=kept))
    assert kept.stamp is not None

    def fail(name: str) -> None:
        if name == "file":
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(litsite.write.writer, "checkpoint", fail)
    with pytest.raises(Exception, match="disk is full"):
        write_site(files(index_html="new"), out, proj, Bookkeeping(kept=kept))
    assert kept.stamp is None and content(out) == {"index.html": "v2"}
