"""Markdown files kept as read between the loads of one process (the preview's rebuilds): a file holding the same
bytes as at the last load is the same Page, handed out again instead of decoded and parsed again.

Keyed by the bytes themselves (the file is read every time, which costs a small part of parsing it): a file
rewritten within the file system's clock resolution, or with its time set back, is never taken for the old one.
The Pages handed out must not be changed downstream (tests/preview/ compares them before and after a build).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from litsite.load.content import Page, read_page


class PageMemo:
    """content.read_page through a memory of the last load's files (by path: their bytes and Page)."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[bytes, Page]] = {}
        self._now: dict[str, tuple[bytes, Page]] = {}
        self.parsed = 0  # files parsed (not handed out again) since the last reader(), for the tests

    def reader(self) -> Callable[[Path], Page]:
        """A read_page for one load: what it reads is what the next load may reuse (files not read again are
        forgotten, so the memory holds one load's files)."""
        if self._now:  # (a load that read nothing, say one stopped early, leaves the memory as it was)
            self._last, self._now = self._now, {}
        self.parsed = 0
        return self.read

    def read(self, path: Path) -> Page:
        """The Page of the Markdown file at path (errors as read_page reports them)."""
        try:
            data = path.read_bytes()
        except OSError:
            return read_page(path)  # reports it as the user's error
        key = str(path)
        found = self._now.get(key) or self._last.get(key)
        if found is not None and found[0] == data:
            self._now[key] = found
            return found[1]
        page = read_page(path, data)  # a file that fails is not kept: read (and reported) again next time
        self._now[key] = (data, page)
        self.parsed += 1
        return page
