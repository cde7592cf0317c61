import os
from pathlib import Path

import pytest

import litsite.write.writer
from litsite.errors import UserError
from litsite.reuse.books import books_for
from litsite.write.writer import SiteFiles, intact_ledger, write_site

KEPT_SITE = {"stage", "stage.ledger"}  # the previous site, kept to become the next (books.py)


def files(**kw: str) -> SiteFiles:
    f = SiteFiles()
    for k, v in kw.items():
        f.add(k.replace("__", "/").replace("_", "."), v)
    return f


@pytest.mark.parametrize("bad", ["../x", "/abs", "a/../../b", "", ".", "a//b", "a\\b", "./a", "a/", "a/./b", "//a"])
def test_unsafe_paths_refused(bad: str):
    with pytest.raises(ValueError):
        SiteFiles().add(bad, "x")


def test_one_path_written_once():
    f = SiteFiles()
    f.add("index.html", "a")
    with pytest.raises(ValueError, match="two pages"):
        f.add("index.html", "b")


def test_write_and_replace(tmp_path: Path):
    proj = tmp_path / "p"
    proj.mkdir()
    out = proj / "output"
    write_site(files(index_html="one", a__b_html="two"), out, proj)
    assert (out / "index.html").read_text() == "one" and (out / "a/b.html").read_text() == "two"
    assert books_for(proj, out).marker.exists()
    write_site(files(index_html="three"), out, proj)
    assert (out / "index.html").read_text() == "three" and not (out / "a").exists()
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]  # the site and nothing else
    assert sorted(p.name for p in proj.iterdir()) == [".litsite", "output"]  # no temp dirs left behind
    assert {p.name for p in books_for(proj, out).root.iterdir()} - KEPT_SITE == {"cache", "ledger", "marker"}


def test_refuses_project_root_and_sources(tmp_path: Path):
    proj = tmp_path / "p"
    (proj / "content").mkdir(parents=True)
    for bad in (proj, tmp_path, proj / "content"):
        with pytest.raises(UserError):
            write_site(files(index_html="x"), bad, proj)


def test_refuses_foreign_non_empty_dir(tmp_path: Path):
    proj = tmp_path / "p"
    proj.mkdir()
    other = tmp_path / "photos"
    other.mkdir()
    (other / "cat.jpg").write_text("meow")
    with pytest.raises(UserError, match="did not create"):
        write_site(files(index_html="x"), other, proj)
    assert (other / "cat.jpg").read_text() == "meow"


def test_failure_keeps_previous_output(tmp_path: Path):
    proj = tmp_path / "p"
    proj.mkdir()
    out = proj / "output"
    write_site(files(index_html="good"), out, proj)

    class Boom(SiteFiles):
        def data(self, rel: str) -> bytes:
            if rel == "z.html":
                raise RuntimeError("disk full")
            return super().data(rel)

    boom = Boom()
    boom.add("index.html", "partial")
    boom.add("z.html", "never")
    with pytest.raises(RuntimeError):
        write_site(boom, out, proj)
    assert (out / "index.html").read_text() == "good"
    assert sorted(p.name for p in proj.iterdir()) == [".litsite", "output"]
    assert {p.name for p in books_for(proj, out).root.iterdir()} - KEPT_SITE == {"cache", "ledger", "marker"}


def test_unchanged_files_are_not_rewritten(tmp_path: Path):
    proj, out = tmp_path / "p", tmp_path / "p" / "output"
    proj.mkdir()
    write_site(files(index_html="one", a__b_html="two", old_html="gone soon"), out, proj)
    kept = (out / "a/b.html").stat()
    touched = write_site(files(index_html="ONE", a__b_html="two", new_html="new"), out, proj)
    assert touched == ["index.html", "new.html", "old.html"]
    assert (out / "a/b.html").stat().st_ino == kept.st_ino and (out / "a/b.html").stat().st_mtime_ns == kept.st_mtime_ns
    assert (out / "index.html").read_text() == "ONE" and (out / "new.html").read_text() == "new"
    assert not (out / "old.html").exists()
    assert {p.name for p in books_for(proj, out).root.iterdir()} - KEPT_SITE == {"cache", "ledger", "marker"}


@pytest.mark.parametrize("tamper", ["edit", "add", "remove", "ledger"])
def test_an_output_changed_behind_our_back_is_written_afresh(tmp_path: Path, tamper: str):
    proj, out = tmp_path / "p", tmp_path / "p" / "output"
    proj.mkdir()
    write_site(files(index_html="one", a__b_html="two"), out, proj)
    if tamper == "edit":  # same size, so only the recorded time tells
        (out / "a/b.html").write_text("TWO")
    elif tamper == "add":
        (out / "a/stray.html").write_text("x")
    elif tamper == "remove":
        (out / "a/b.html").unlink()
    else:  # an update that was interrupted after it began moving files drops the ledger first
        books_for(proj, out).ledger.unlink()
    touched = write_site(files(index_html="one", a__b_html="two"), out, proj)
    assert touched == ["a/b.html", "index.html"]  # everything, not just what differs from the last build
    assert (out / "a/b.html").read_text() == "two" and not (out / "a/stray.html").exists()


def test_a_file_that_becomes_a_directory(tmp_path: Path):
    proj, out = tmp_path / "p", tmp_path / "p" / "output"
    proj.mkdir()
    write_site(files(a="file"), out, proj)
    write_site(files(a__index_html="page"), out, proj)
    assert (out / "a/index.html").read_text() == "page"
    write_site(files(a="file again"), out, proj)
    assert (out / "a").read_text() == "file again"


def test_a_failed_update_leaves_the_output_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    proj, out = tmp_path / "p", tmp_path / "p" / "output"
    proj.mkdir()
    write_site(files(index_html="one", a__b_html="two"), out, proj)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real = litsite.write.writer._write_file
    calls = []

    def failing(path: str, data: bytes) -> os.stat_result:
        calls.append(path)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(path, data)

    monkeypatch.setattr(litsite.write.writer, "_write_file", failing)
    with pytest.raises(UserError, match="disk full; the previous site there is intact"):
        write_site(files(index_html="ONE", a__b_html="TWO"), out, proj)
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert intact_ledger(books_for(proj, out))


def test_without_hard_links_files_are_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """On a file system without hard links (FAT, some network shares) unchanged files are written again."""
    import errno

    proj, out = tmp_path / "p", tmp_path / "p" / "output"
    proj.mkdir()
    write_site(files(index_html="one", a__b_html="two"), out, proj)

    def no_links(source: str, target: str) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    touched = write_site(files(index_html="ONE", a__b_html="two"), out, proj)
    assert touched == ["index.html"]
    assert (out / "a/b.html").read_text() == "two" and (out / "index.html").read_text() == "ONE"
    assert intact_ledger(books_for(proj, out))


def test_a_build_stops_cleanly_wherever_it_is_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An exception (Ctrl-C) at any step before the swap leaves the old site and no staging tree; after it, the new."""
    import litsite.write.swap

    proj, out = tmp_path / "p", tmp_path / "p" / "output"
    proj.mkdir()
    for step in ("noted", "file", "staged", "ledger-dropped", "swapped", "records-swapped", "books-written"):
        old, new = files(index_html="one", a__b_html="two"), files(index_html=step, c_html="three")
        write_site(old, out, proj)
        before = {p.name for p in out.rglob("*")}

        def interrupt(name: str, step: str = step) -> None:
            if name == step:
                raise KeyboardInterrupt

        monkeypatch.setattr(litsite.write.writer, "checkpoint", interrupt)
        with pytest.raises(KeyboardInterrupt):
            write_site(new, out, proj)
        monkeypatch.setattr(litsite.write.writer, "checkpoint", litsite.write.swap.checkpoint)
        after = {p.name for p in out.rglob("*")}
        assert after == before or after == {"index.html", "c.html"}, step
        assert after != before or (out / "index.html").read_text() == "one"
        write_site(new, out, proj)
        assert {p.name for p in books_for(proj, out).root.iterdir()} - KEPT_SITE == {"cache", "ledger", "marker"}


@pytest.mark.parametrize("tamper", ["output", "kept"])
def test_the_kept_previous_site_is_updated_only_when_intact(tmp_path: Path, tamper: str):
    """The previous site kept in the bookkeeping shares files (hard links) with the output: an output file edited in
    place, or the kept tree changed, makes the next build stage everything afresh, never publish the edit."""
    proj, out = tmp_path / "p", tmp_path / "p" / "output"
    proj.mkdir()
    write_site(files(index_html="one", a__b_html="two", c_html="three"), out, proj)
    write_site(files(index_html="ONE", a__b_html="two", c_html="three"), out, proj)
    books = books_for(proj, out)
    kept = books.root / "stage"
    assert (kept / "index.html").read_text() == "one" and books.spare_ledger.is_file()
    assert (kept / "a/b.html").stat().st_ino == (out / "a/b.html").stat().st_ino  # shared, not copied
    target = out / "a/b.html" if tamper == "output" else kept / "c.html"
    with open(target, "r+") as f:  # in place: the same inode
        f.write("TWO" if tamper == "output" else "XXXXX")
    write_site(files(index_html="one", a__b_html="two", c_html="three"), out, proj)
    assert {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*") if p.is_file()} == {
        "index.html": "one",
        "a/b.html": "two",
        "c.html": "three",
    }


def test_what_the_earlier_writer_left_beside_the_output_is_removed(tmp_path: Path):
    """Earlier versions, interrupted, left `.output.new-*` / `.output.old-<pid>` trees (with their marker) beside the
    output; the next build removes them, and nothing else of that name."""
    proj, out = tmp_path / "p", tmp_path / "p" / "output"
    proj.mkdir()
    for name in (".output.new-abc123", ".output.old-4242"):
        (proj / name / "static").mkdir(parents=True)
        (proj / name / ".litsite-output").write_text("Built by litsite\n")
    (proj / ".output.old-mine").mkdir()  # not one of ours: no marker
    write_site(files(index_html="one"), out, proj)
    assert sorted(p.name for p in proj.iterdir()) == [".litsite", ".output.old-mine", "output"]
