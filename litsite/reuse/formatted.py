"""A formatting cache: CSL results keyed by a hash of everything that determines them, in memory and on disk."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from litsite.cite.stage import FormatJob
from litsite.csl.engine import Cite, Formatted, Formatter, ItemFormatError
from litsite.csl.memo import Memo, item_digest
from litsite.csl.styles import StyleRef
from litsite.reuse.fingerprint import add_files
from litsite.reuse.store import ShardedRecord, kept_files

FORMAT_VERSION = 2  # bump when the on-disk records change


@cache
def engine_version() -> str:
    """A fingerprint of the formatting code: citeproc-py's version and the bytes of litsite/csl/*.py."""
    import citeproc

    digest = hashlib.sha256(f"citeproc {getattr(citeproc, '__version__', '?')} v{FORMAT_VERSION}".encode())
    csl = Path(__file__).parents[1] / "csl"
    add_files(digest, csl, csl.rglob("*.py"))
    return digest.hexdigest()


def context_key(style: StyleRef, locale: str, fmt: str) -> str:
    """The key of what per-item renderings depend on besides the items: engine, style bytes, locale, format."""
    return hashlib.sha256(f"{engine_version()}|{style.digest}|{locale}|{fmt}".encode()).hexdigest()[:32]


def memo_record(directory: Path | None, context: str) -> ShardedRecord:
    """The record of the per-item renderings an earlier build kept for a context (empty when none or unreadable)."""
    return ShardedRecord(directory, _memo_name(context))


def _memo_name(context: str) -> str:
    return f"items/{context}"


def format_job(job: FormatJob, directory: Path | None, workers: int = 1) -> tuple[Formatted, dict[str, Any]]:
    """Format one job with the per-item renderings kept in directory; the result and the renderings it used (run in
    another process: the result crosses back by pickling)."""
    memo = Memo(memo_record(directory, context_key(job.style, job.locale, job.fmt)).data)
    result = Formatter(job.style, job.locale).format(
        job.items, job.clusters, job.fmt, memo=memo, workers=workers, notes=job.notes
    )
    return result, memo.used


def format_key(job: FormatJob, digests: Sequence[str] | None = None) -> str:
    """The cache key of one formatting: engine, style bytes, locale, output format, items (in order, by content
    digest; pass `digests` when already known) and clusters."""
    payload = {
        "engine": engine_version(),
        "style": job.style.digest,
        "locale": job.locale,
        "fmt": job.fmt,
        "items": list(digests) if digests is not None else [item_digest(i) for i in job.items],
        "clusters": [[_cite_fields(c) for c in cluster] for cluster in job.clusters],
        "notes": list(job.notes) if job.notes is not None else None,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1 << 16)
def _cite_fields(cite: Cite) -> dict[str, Any]:
    """A cite's fields (a Cite is frozen and of plain fields: equal cites give equal fields; the preview keys every
    rebuild's clusters again). Read only."""
    return dataclasses.asdict(cite)


def _tuples(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: _tuples(v) for k, v in value.items()}
    return value


class FormatCache:
    """Memoises Formatter.format at two levels, both exact (any change of what determines a result misses).

    A whole formatting (style, locale, items, clusters) is kept by a hash of all of it; below that, each item's
    renderings (sort values, first cite, entry) are kept by the item's content and disambiguation state (see
    csl/memo.py), so that editing one reference re-renders only what the edit can change.

    The cache reads the previous build's records from the bookkeeping folder (reuse/state.py), and `files()` hands
    over the records this build used, to be kept for the next. Records no build uses any more disappear with the next
    build.
    """

    def __init__(self, directory: Path | None = None, max_entries: int = 64, workers: int | None = None) -> None:
        self.directory = directory
        self.max_entries = max_entries
        self.workers = workers or os.cpu_count() or 1
        self._memory: OrderedDict[str, Formatted] = OrderedDict()
        self.used: dict[str, Formatted] = {}
        self._memos: dict[str, Memo] = {}
        self._records: dict[str, ShardedRecord] = {}
        self._kept: set[str] = set()  # contexts whose per-item records are kept unread (their result was cached)
        self._item_digests: dict[int, tuple[dict[str, Any], str]] = {}
        self._old_digests: dict[int, tuple[dict[str, Any], str]] = {}
        self._encoded: dict[str, tuple[Formatted, bytes]] = {}  # the last files()' results and their bytes
        self.hits = 0
        self.misses = 0

    def begin(self) -> None:
        """Start a build: forget which records the last one used."""
        self.used = {}
        self._kept = set()
        # A rebuild of the preview may be handed the same item objects again (yamlfile.ItemCache.whole): their
        # digests are kept one build longer, by identity (the object is held, so its id is not reused).
        self._old_digests, self._item_digests = self._item_digests, {}
        for memo in self._memos.values():
            memo.used = {}

    def memo(self, job: FormatJob) -> Memo:
        """The per-item renderings of a job's style, locale and format (loaded from the last build once)."""
        context = context_key(job.style, job.locale, job.fmt)
        if context not in self._memos:
            self._records[context] = memo_record(self.directory, context)
            self._memos[context] = Memo(self._records[context].data)
        return self._memos[context]

    def key(self, job: FormatJob) -> str:
        """The cache key of a job (its items digested once per build)."""
        return format_key(job, self.digests(job.items))

    def format(self, job: FormatJob) -> Formatted:
        """Formatter(style, locale).format(items, clusters, fmt), from the cache when possible."""
        digests = self.digests(job.items)
        key = format_key(job, digests)
        found = self._memory.get(key) or self._load(key)
        if found is not None:
            self.hits += 1
            self._kept.add(context_key(job.style, job.locale, job.fmt))  # needed next time (e.g. after an edit)
        else:
            self.misses += 1
            found = Formatter(job.style, job.locale).format(
                job.items,
                job.clusters,
                job.fmt,
                memo=self.memo(job),
                workers=self.workers,
                digests=digests,
                notes=job.notes,
            )
        self._remember(key, found)
        return found

    def prefetch(self, jobs: Sequence[FormatJob], workers: int | None = None) -> int:
        """Format, one style per process, every job that the cache lacks; return how many.

        With a single style to format there is nothing to spread: format() then splits that style's items over
        the cores instead.
        """
        if len(jobs) < 2 or (workers or self.workers) < 2:
            return 0  # nothing to spread
        todo = {key: job for key, job in ((self.key(job), job) for job in jobs) if self.get(key) is None}
        workers = min(len(todo), workers or self.workers)
        if workers < 2:
            return 0
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {key: pool.submit(format_job, job, self.directory) for key, job in todo.items()}
            for key, future in futures.items():
                self.misses += 1
                try:
                    self.absorb(key, todo[key], future.result())
                except ItemFormatError:
                    continue  # formatted again in the build's own process, which reports the item with its line
        return len(todo)

    def digests(self, items: Sequence[dict[str, Any]]) -> list[str]:
        """item_digest of each item, each item object digested once per build (the site's styles share the
        items, and a build's items do not change while it runs)."""
        out = []
        for item in items:
            known = self._item_digests.get(id(item)) or self._old_digests.get(id(item))
            if known is None or known[0] is not item:
                known = (item, item_digest(item))
            self._item_digests[id(item)] = known
            out.append(known[1])
        return out

    def absorb(self, key: str, job: FormatJob, done: tuple[Formatted, dict[str, Any]]) -> None:
        """Take in a format_job result computed elsewhere (e.g. in a worker process)."""
        result, used = done
        memo = self.memo(job)
        memo.store.update(used)
        memo.used.update(used)
        self._remember(key, result)

    def get(self, key: str) -> Formatted | None:
        """The result stored under key (in memory or on disk), without formatting."""
        found = self._memory.get(key) or self._load(key)
        if found is not None:
            self._remember(key, found)
        return found

    def files(self) -> dict[str, bytes]:
        """The records this build used, by path inside the records folder (deterministic bytes)."""
        # A result's bytes are made once per result object: the preview keeps the same results build after build.
        self._encoded = {key: self._encode(key, result) for key, result in sorted(self.used.items())}
        out = {f"format/{key}.json": data for key, (_, data) in self._encoded.items()}
        for context, memo in sorted(self._memos.items()):
            if memo.used:
                out.update(self._records[context].files(memo.used))
        for context in sorted(self._kept):
            for rel, raw in kept_files(self.directory, _memo_name(context)).items():
                out.setdefault(rel, raw)
        return out

    def _encode(self, key: str, result: Formatted) -> tuple[Formatted, bytes]:
        """(result, its record's bytes), made once per result object (Formatted is frozen)."""
        found = self._encoded.get(key)
        if found is None or found[0] is not result:
            data = json.dumps(dataclasses.asdict(result), ensure_ascii=False, sort_keys=True).encode("utf-8")
            found = (result, data)
        return found

    def _remember(self, key: str, result: Formatted) -> None:
        self.used[key] = result
        self._memory[key] = result
        self._memory.move_to_end(key)
        while len(self._memory) > self.max_entries:
            self._memory.popitem(last=False)

    def _load(self, key: str) -> Formatted | None:
        path = self.directory / "format" / f"{key}.json" if self.directory else None
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return Formatted(**{k: _tuples(v) for k, v in data.items()})
        except (OSError, ValueError, TypeError):
            return None  # a damaged or outdated record is a miss
