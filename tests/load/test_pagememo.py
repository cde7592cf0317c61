"""The Markdown files kept as read between the preview's loads (load/pagememo.py): a file is the same Page only while
it holds the same bytes, whatever its time stamp says."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from litsite.errors import UserError
from litsite.load.content import load_content
from litsite.load.pagememo import PageMemo


def test_the_same_bytes_are_the_same_page_and_new_bytes_a_new_one(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("---\nthemes: [x]\n---\nOne.\n", "utf-8")
    memo = PageMemo()
    first = memo.reader()(path)
    read = memo.reader()
    assert read(path) is first and memo.parsed == 0
    stamp = os.stat(path)
    path.write_text("---\nthemes: [y]\n---\nOne.\n", "utf-8")  # the same size ...
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # ... and time stamp: only the bytes tell
    second = memo.reader()(path)
    assert second is not first and second.meta == {"themes": ["y"]} and memo.parsed == 1


def test_a_file_that_fails_is_read_and_reported_every_time(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_bytes(b"---\ntitle: [\n---\nText\n")
    memo = PageMemo()
    for _ in range(2):
        with pytest.raises(UserError):
            memo.reader()(path)
    path.unlink()
    with pytest.raises(UserError, match="file not found"):
        memo.reader()(path)


def test_only_the_last_loads_files_are_kept(tmp_path: Path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("A\n", "utf-8")
    b.write_text("B\n", "utf-8")
    memo = PageMemo()
    read = memo.reader()
    page_a, page_b = read(a), read(b)
    memo.reader()(a)  # b is not read by this load
    read = memo.reader()
    assert read(a) is page_a and read(b) is not page_b and memo.parsed == 1


def test_a_load_through_the_memo_equals_a_load_without(project: Path):
    memo = PageMemo()
    content = project / "content"
    load_content(content, read=memo.reader())
    note = content / "notes" / "repper2011.md"
    note.write_text(note.read_text("utf-8").replace("The broadest survey", "The widest survey"), "utf-8")
    again = load_content(content, read=memo.reader())
    assert memo.parsed == 1  # the edited note only
    assert again == load_content(content)
