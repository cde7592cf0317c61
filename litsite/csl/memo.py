"""Per-item results of one style (sort values, first cites, entries), keyed by everything that determines them.

Formatting a bibliography is global (sorting, disambiguation, subsequent-author-substitute), but each of its steps
renders one item at a time from that item's data and its disambiguation state. The engine runs the global algorithm
every time and takes each per-item rendering from the memo when the same item, in the same state, was rendered
before — by an earlier build of the same style, locale and engine (the caller keeps one memo per such context).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from litsite.digests import UNPICKLABLE, pickle_digest


def item_digest(item: dict[str, Any]) -> str:
    """A digest of a CSL-JSON item's content (its id included).

    Its pickle (three times faster than canonical JSON, and every build digests every item); canonical JSON for an
    item that cannot be pickled."""
    try:
        return pickle_digest(item)[:24]
    except UNPICKLABLE:
        data = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
        return hashlib.sha1(data).hexdigest()[:24]


def state_text(value: object) -> str:
    """A disambiguation state as a stable string."""
    if value is None:  # most items: never ambiguous
        return "null"
    shape = repr(value)  # states are small dicts of plain values: equal reprs, equal states (and a faster lookup)
    found = _STATE_TEXTS.get(shape)
    if found is None:
        if len(_STATE_TEXTS) >= STATE_TEXTS_MAX:
            _STATE_TEXTS.clear()  # bounded: a long-lived process (the preview) formats many bibliographies
        found = _STATE_TEXTS[shape] = json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)
    return found


STATE_TEXTS_MAX = 1 << 15  # distinct states remembered (a few MB at most); a build has about one per ambiguous item
_STATE_TEXTS: dict[str, str] = {}


class Memo:
    """Stored per-item results; `used` holds the ones this formatting read or wrote (what is worth keeping)."""

    def __init__(self, store: dict[str, Any] | None = None) -> None:
        self.store: dict[str, Any] = dict(store or {})
        self.used: dict[str, Any] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Any:
        """The stored value, or None."""
        value = self.store.get(key)
        if value is not None:
            self.used[key] = value
            self.hits += 1
        return value

    def put(self, key: str, value: Any) -> Any:
        """Store a value (never None) and return it."""
        self.store[key] = self.used[key] = value
        self.misses += 1
        return value
