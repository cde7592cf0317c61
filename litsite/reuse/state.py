"""One door to what builds keep for each other: open it with the project, ask it what is reusable, hand it what was
made, close it.

Behind it: the bookkeeping folder `.litsite/builds/<output>/` (books.py) with the marker, the ledger and the records
(store.py), the fingerprint that lets a build be skipped (fingerprint.py), the formatting cache (formatted.py), the
parsed YAML items (load.yamlfile.ItemCache) and page reuse (pages.py). The pipeline and the preview builder ask the
state; nothing else of reuse/ is theirs to wire. The writer keeps what `handover()` gives it, beside the site.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from litsite.reuse.books import books_for, read_marker
from litsite.reuse.fingerprint import code_fingerprint, source_fingerprint
from litsite.reuse.store import EXPORTS, ITEMS, TRACE_REFS, TRACES, Parsed, ShardedRecord
from litsite.write.kepttree import KeptTree
from litsite.write.writer import Bookkeeping, Ledger, intact_ledger

if TYPE_CHECKING:
    from litsite.load.pagememo import PageMemo
    from litsite.load.yamlfile import ItemCache
    from litsite.reuse.formatted import FormatCache

T = TypeVar("T")


@dataclass
class Reuse:
    """What the render stage may reuse of the last build — its output directory, its records (page traces,
    per-reference texts) and, when its output is intact, its ledger — and what it made for the next (BuildState.pages
    hands it out; keeping=False: nothing is kept)."""

    previous: Path | None = None
    records: dict[str, ShardedRecord] = field(default_factory=dict)  # by name (TRACES, TRACE_REFS, EXPORTS)
    ledger: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # when the previous output is intact
    keeping: bool = False
    made: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Objects kept in memory for the next build of the same process (the preview's), by name: (key, object).
    memory: dict[str, tuple[str, Any]] = field(default_factory=dict)

    def held(self, name: str, key: str, make: Callable[[], T]) -> T:
        """The object this process made under name for a build with the same key (a digest of all that determines
        it), else make()'s, held for the next build."""
        found = self.memory.get(name)
        if found is not None and found[0] == key:
            return found[1]  # type: ignore[no-any-return]
        value = make()
        self.memory[name] = (key, value)
        return value

    def data(self, name: str) -> dict[str, Any]:
        """A record's entries ({} when there is none)."""
        record = self.records.get(name)
        return record.data if record is not None else {}

    def keep(self, name: str, value: dict[str, Any]) -> None:
        """Hand over what this build made, to keep as the record name for the next build."""
        if self.keeping:
            self.made[name] = value

    def files(self) -> dict[str, bytes]:
        """The records of what was made, reusing the bytes of unchanged shards."""
        out: dict[str, bytes] = {}
        for name, value in sorted(self.made.items()):
            record = self.records.get(name) or ShardedRecord(None, name, code_fingerprint())
            out.update(record.files(value))
        return out


class BuildState:
    """What the last build of one output left, and what this build makes for the next (keep=False: nothing is reused
    and nothing kept, as `--no-cache` asks). One instance serves one build, or the preview's many."""

    def __init__(self, project: Path, out: Path, keep: bool = True, workers: int = 1) -> None:
        self.project = project
        self.out = out
        self.keep = keep
        self.workers = workers
        self.books = books_for(project, out)
        self.books.clean()  # what a build stopped midway left (its staging tree), even when nothing is built now
        self.ledger: Ledger = intact_ledger(self.books) if keep else {}  # the output is exactly what we wrote
        self._stamp: dict[str, str] | None = None
        self._formatter: FormatCache | None = None
        self._items: ItemCache | None = None
        self._items_record: ShardedRecord | None = None
        self._documents: PageMemo | None = None
        self._pages = Reuse()
        self._memory: dict[str, tuple[str, Any]] = {}  # Reuse.memory: what this process keeps between builds
        self._parsed: Parsed = {}  # the records' shards as this process last read them (store.ShardedRecord)
        self._kept = KeptTree()  # the kept tree as this process's last build left it (write/kepttree.py)

    @classmethod
    def open(cls, project: Path, out: Path, keep: bool = True, workers: int = 1) -> BuildState:
        """The state of the output out of project (see the class)."""
        return cls(project, out, keep, workers)

    def __enter__(self) -> BuildState:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Let go of what was read (the records and results held in memory)."""
        self._formatter = self._items = self._items_record = self._documents = None
        self._pages = Reuse()
        self._memory = {}
        self._parsed = {}
        self._kept = KeptTree()

    # ----- what is reusable -----
    def up_to_date(self, options: str) -> bool:
        """Whether the output was built from exactly these sources, code and options (e.g. the base URL) and still holds
        exactly what that build wrote: then building again would write the same bytes. The fingerprint is taken now,
        before anything is loaded, and stamped on what this build writes."""
        fingerprint = source_fingerprint(self.project, options)
        self._stamp = {"fingerprint": fingerprint} if self.keep else None
        return self.keep and read_marker(self.books).get("fingerprint") == fingerprint and bool(self.ledger)

    @property
    def records(self) -> Path | None:
        """Where the last build's records are (None when nothing is to be reused). Every record is keyed by all that
        determines it, so reading them is safe whoever wrote them; the preview's later rebuilds (and its pool's
        workers) read there what its first one wrote."""
        return self.books.cache if self.keep else None

    @property
    def items(self) -> ItemCache:
        """Parsed items of references.yaml, by a digest of each item's text (the last build's, then this one's)."""
        if self._items is None:
            from litsite.load.yamlfile import ItemCache

            self._items_record = ShardedRecord(self.records, ITEMS, code_fingerprint())
            self._items = ItemCache(self._items_record.data, self.workers)
        return self._items

    @property
    def documents(self) -> PageMemo:
        """The Markdown files (pages, notes, themes) as the last load of this process read them, by their bytes."""
        if self._documents is None:
            from litsite.load.pagememo import PageMemo

            self._documents = PageMemo()
        return self._documents

    @property
    def formatter(self) -> FormatCache:
        """The formatting cache: whole formattings and per-item renderings the last builds kept."""
        if self._formatter is None:
            from litsite.reuse.formatted import FormatCache

            self._formatter = FormatCache(self.records, workers=self.workers)
        return self._formatter

    def held(self, name: str, key: str, make: Callable[[], T]) -> T:
        """What this process keeps between its builds under name, while key is the same (Reuse.held, for the stages
        before rendering: the cite stage's memo of each document, cite/docmemo.py)."""
        return Reuse(memory=self._memory).held(name, key, make)

    def begin(self) -> None:
        """Start one more build with this state (the preview's rebuilds): forget what the last one used, and check
        the output again."""
        self.formatter.begin()
        self.ledger = intact_ledger(self.books) if self.keep else {}
        self._pages = Reuse()

    def pages(self) -> Reuse:
        """What the render stage may reuse (the previous output's pages, traces and per-reference texts); it hands
        what it made back to the same object."""
        if not self.keep:
            return self._pages  # reuses nothing, keeps nothing
        ours = self.books.marker.is_file()  # the output is one of ours: its pages may be reused
        records = self.records if ours else None
        version = code_fingerprint()
        kept = {name: ShardedRecord(records, name, version, self._parsed) for name in (TRACES, TRACE_REFS, EXPORTS)}
        previous = self.books.out if ours else None
        self._pages = Reuse(previous, kept, self.ledger if previous else {}, keeping=True, memory=self._memory)
        return self._pages

    # ----- what was made -----
    def handover(self) -> Bookkeeping:
        """What the writer keeps beside the site: the marker's facts, the records this build used or made (each name
        once), and the ledger it checked."""
        if not self.keep:
            return Bookkeeping(records=None)
        records: dict[str, bytes] = {}
        parts = [self._pages.files()]
        if self._formatter is not None:
            parts.append(self._formatter.files())
        if self._items is not None and self._items_record is not None:
            parts.append(self._items_record.files(self._items.used))
        for part in parts:
            for rel, data in part.items():
                if rel in records:
                    raise ValueError(f"two records named {rel!r}")
                records[rel] = data
        return Bookkeeping(self._stamp, records, self.ledger, self._kept)
