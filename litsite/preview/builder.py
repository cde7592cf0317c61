"""Repeated builds for the preview: cached CSL formatting, provisional entry patches, and rewriting changed files only.

Correctness first: an *exact* build formats every style through FormatCache, whose key covers everything that
determines the result, so it is byte-identical to `python build.py`. A *provisional* build (used by the preview
for fast feedback after editing a few references) reuses the last exact result of each style and re-formats only
the changed references together with every reference sharing a name with them; order, numbering and in-text
citations stay as they were. The preview always follows a provisional build with an exact one.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from litsite.csl.engine import Cite, Formatted, Formatter
from litsite.load.yamlfile import ItemCache
from litsite.pipeline import load_sources, no_collections, render_files, reuse_of
from litsite.reuse.books import books_for
from litsite.reuse.fingerprint import code_fingerprint
from litsite.reuse.formatted import FormatCache, Job, format_job, format_jobs, format_key
from litsite.reuse.store import ITEMS, ShardedRecord
from litsite.write.writer import SiteFiles, write_site

MAX_PATCHED = 150  # beyond this many changed or related items a provisional patch costs more than it saves


class Superseded(Exception):
    """The sources changed while an exact build was formatting; its result would be stale at once."""


class _NeedExact(Exception):
    """A provisional patch is not possible; build exactly instead."""


@dataclass
class Base:
    """The last exact formatting of one style: its inputs and result."""

    items: list[dict[str, Any]]
    clusters: list[list[Cite]]
    result: Formatted
    key: str = ""


@dataclass
class BuildReport:
    """What one build did."""

    changed: list[str] = field(default_factory=list)
    provisional: bool = False


def name_keys(item: dict[str, Any]) -> set[str]:
    """Case-folded family names and literals of every name variable of an item (what disambiguation compares)."""
    keys = set()
    for value in item.values():
        if isinstance(value, list):
            for name in value:
                if isinstance(name, dict) and ("family" in name or "literal" in name):
                    keys.add(str(name.get("family") or name.get("literal")).casefold())
    if not keys:
        keys.add("title:" + str(item.get("title", "")).casefold())
    return keys


def related_items(items: list[dict[str, Any]], changed: set[int], old: list[dict[str, Any]]) -> list[int]:
    """Indices of the changed items and of every item sharing a name key with their old or new versions."""
    keys: set[str] = set()
    for i in changed:
        keys |= name_keys(items[i]) | name_keys(old[i])
    return [i for i, item in enumerate(items) if i in changed or name_keys(item) & keys]


class SiteBuilder:
    """Builds one project again and again into one output directory, reusing what it can."""

    def __init__(
        self,
        project: Path,
        out: Path,
        base_url: str | None = None,
        pool: Executor | None = None,
        abort: Callable[[], bool] = lambda: False,
    ) -> None:
        self.pool = pool  # formats the styles in parallel, in other processes, during exact builds
        self.abort = abort  # polled while waiting for the pool: True when the sources changed meanwhile
        self._jobs: dict[str, tuple[Job, Future[tuple[Formatted, dict[str, Any]]]]] = {}
        self.project = project
        self.out = out
        self.base_url = base_url
        # The previous output's records, as `build` keeps them. Formatting in this process stays in it (workers=1):
        # the preview has threads, and forking a threaded process is unsafe; bulk formatting goes to the pool.
        self.books = books_for(project, out)
        self.cache = FormatCache(self.books.cache, workers=1)
        self.bases: dict[tuple[str, str, str], Base] = {}
        # Parsed reference items: those the last build kept, then kept in memory between rebuilds.
        self.items_record = ShardedRecord(self.books.cache, ITEMS, code_fingerprint())
        self.items = ItemCache(self.items_record.data)
        self._patched = False

    def exact_format(
        self, style_path: Path, locale: str, items: list[dict[str, Any]], clusters: list[list[Cite]], fmt: str
    ) -> Formatted:
        """Format through the cache and remember the result as the base for provisional patches."""
        key = format_key(style_path, locale, items, clusters, fmt)
        running = self._jobs.get(key)
        if running is not None and self.cache.get(key) is None:
            args, job = running
            while not job.done():
                if self.abort():
                    raise Superseded()
                time.sleep(0.02)
            self.cache.absorb(key, args, job.result())
        result = self.cache.format(style_path, locale, items, clusters, fmt)
        self.bases[(str(style_path), locale, fmt)] = Base(items, clusters, result, key)
        return result

    def provisional_format(
        self, style_path: Path, locale: str, items: list[dict[str, Any]], clusters: list[list[Cite]], fmt: str
    ) -> Formatted:
        """The exact result if cached; else the last exact result with the changed entries re-formatted."""
        base = self.bases.get((str(style_path), locale, fmt))
        key = format_key(style_path, locale, items, clusters, fmt)
        if self.cache.get(key) is not None:
            return self.exact_format(style_path, locale, items, clusters, fmt)
        if (
            base is None
            or clusters != base.clusters
            or [i.get("id") for i in items] != [i.get("id") for i in base.items]
        ):
            raise _NeedExact()
        changed = {i for i, (a, b) in enumerate(zip(items, base.items, strict=True)) if a != b}
        if not changed and base.key == key:  # the same inputs as the last provisional patch
            self._patched = True
            return base.result
        subset = related_items(items, changed, base.items)
        if not changed or len(subset) > MAX_PATCHED:
            raise _NeedExact()
        part = dict(Formatter(style_path, locale).format([items[i] for i in subset], [], fmt).entries)
        self._patched = True
        entries = tuple((ref_id, part.get(ref_id, text)) for ref_id, text in base.result.entries)
        result = dataclasses.replace(base.result, entries=entries)
        # The next provisional patch starts from this one, so that edits in quick succession stay cheap while the
        # exact build keeps getting superseded; any exact build replaces it.
        self.bases[(str(style_path), locale, fmt)] = Base(items, clusters, result, key)
        return result

    def build(self, provisional: bool = False) -> BuildReport:
        """Rebuild the site (provisionally if asked and possible) and write the files that changed."""
        with no_collections():
            return self._build(provisional)

    def _build(self, provisional: bool) -> BuildReport:
        self._patched = False
        self.cache.begin()
        if provisional:
            try:
                files = render_files(
                    self.project, self.base_url, self.provisional_format, reuse_of(self.books), self.items
                )
                return BuildReport(self.sync(self._with_cache(files)), self._patched)
            except _NeedExact:
                self._patched = False
        if self.pool is not None:
            self._submit_all()
        files = render_files(self.project, self.base_url, self.exact_format, reuse_of(self.books), self.items)
        return BuildReport(self.sync(self._with_cache(files)), False)

    def _with_cache(self, files: SiteFiles) -> SiteFiles:
        """The site's files plus the cache records this build used, so they persist as `build` keeps them."""
        files.add_all(self.cache.files())
        files.add_all(self.items_record.files(self.items.used))
        return files

    def _submit_all(self) -> None:
        """Start formatting every style that the cache lacks, all at once in the pool."""
        for key, (args, job) in list(self._jobs.items()):  # keep what finished, even for a superseded build
            if job.done():
                if job.exception() is None and self.cache.get(key) is None:
                    self.cache.absorb(key, args, job.result())
                del self._jobs[key]
        config, content = load_sources(self.project, self.base_url)
        wanted = format_jobs(config, content)
        assert self.pool is not None
        for key, args in wanted.items():
            if self.cache.get(key) is None and key not in self._jobs:
                self._jobs[key] = (args, self.pool.submit(format_job, args, self.cache.directory))
        for key, (_, job) in list(self._jobs.items()):
            if key not in wanted and job.cancel():  # stale and not started yet
                del self._jobs[key]

    def sync(self, files: SiteFiles) -> list[str]:
        """Make the output directory hold exactly files, rewriting only what differs; return the paths touched."""
        return write_site(files, self.out, self.project)
