"""What the cite stage made of each document, kept between the plans of one process (the preview's rebuilds): a
document whose text is as at the last plan is not parsed again, nor its sentences found again.

Every entry is keyed by all its result depends on (the text, where it starts, the locale; for the contexts also the
document's HTML, its clusters' places and anchors), so a plan through the memo equals a plan without it. Entries are
shared between plans: they must not be changed by whoever gets them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class DocMemo:
    """Results by key, as the last plan (and this one) made them; a plan forgets what it did not ask for."""

    def __init__(self) -> None:
        self._last: dict[Hashable, Any] = {}
        self._now: dict[Hashable, Any] = {}
        self.made = 0  # results made (not found) since the last start(), for the tests

    def start(self) -> None:
        """Begin a plan: what the last one asked for is what this one may find."""
        if self._now:
            self._last, self._now = self._now, {}
        self.made = 0

    def get(self, key: Hashable, make: Callable[..., T], *args: Any) -> T:
        """The result kept under key, else make(*args)'s (kept for the next plan)."""
        found = self._now.get(key, self._last.get(key))
        if found is None:
            found = make(*args)
            self.made += 1
        self._now[key] = found
        return found  # type: ignore[no-any-return]

    def same(self, key: Hashable, value: T) -> T:
        """The object kept under key when it equals value (the same object handed out again, so that what digests it
        by identity does so once), else value, kept for the next plan."""
        found = self._now.get(key, self._last.get(key))
        if found is None or found != value:
            found = value
        self._now[key] = found
        return found  # type: ignore[no-any-return]
