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

from litsite.cite.docmemo import DocMemo
from litsite.cite.stage import CitePlan, FormatJob, assemble, format_all, plan
from litsite.csl.engine import Cite, Formatted, Formatter
from litsite.pipeline import load_sources, render_cited
from litsite.preview.memory import Collections
from litsite.reuse.fingerprint import source_fingerprint
from litsite.reuse.formatted import FormatCache, format_job
from litsite.reuse.state import BuildState
from litsite.write.writer import SiteFiles, write_site

MAX_PATCHED = 150  # beyond this many changed or related items a provisional patch costs more than it saves


class Superseded(Exception):
    """The sources changed while an exact build was formatting; its result would be stale at once."""


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
    skipped: bool = False  # nothing changed since the last build: nothing was done


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
        self._jobs: dict[str, tuple[FormatJob, Future[tuple[Formatted, dict[str, Any]]]]] = {}
        self.project = project
        self.out = out
        self.base_url = base_url
        # What `build` keeps, reused and kept the same way. Formatting in this process stays in it (workers=1): the
        # preview has threads, and forking a threaded process is unsafe; bulk formatting goes to the pool.
        self.state = BuildState.open(project, out, keep=True, workers=1)
        self.bases: dict[tuple[str, str, str], Base] = {}
        self._patched = False
        self.collections = Collections()
        # The fingerprint of the sources (reuse/fingerprint.py) the last successful build read, and whether its
        # result was provisional; None after a failed build.
        self._built: tuple[str, bool] | None = None

    @property
    def cache(self) -> FormatCache:
        """The formatting cache (kept between rebuilds)."""
        return self.state.formatter

    def exact_format(self, job: FormatJob) -> Formatted:
        """Format through the cache and remember the result as the base for provisional patches."""
        key = self.cache.key(job)
        running = self._jobs.get(key)
        if running is not None and self.cache.get(key) is None:
            args, future = running
            while not future.done():
                if self.abort():
                    raise Superseded()
                time.sleep(0.02)
            self.cache.absorb(key, args, future.result())
        result = self.cache.format(job)
        self.bases[_slot(job)] = Base(job.items, job.clusters, result, key)
        return result

    def _patch(self, job: FormatJob) -> list[int] | None:
        """The items to format again to patch the last exact result of the job's style ([] when the job is the same
        as the last patch's); None when a patch is not possible (build exactly instead)."""
        base = self.bases.get(_slot(job))
        if base is None or job.clusters != base.clusters:
            return None
        if [i.get("id") for i in job.items] != [i.get("id") for i in base.items]:
            return None
        changed = {i for i, (a, b) in enumerate(zip(job.items, base.items, strict=True)) if a != b}
        if not changed:
            return [] if base.key == self.cache.key(job) else None
        subset = related_items(job.items, changed, base.items)
        return subset if len(subset) <= MAX_PATCHED else None

    def provisional(self, planned: CitePlan) -> bool:
        """Whether every formatting of the plan is cached or can be patched (decided before any is made)."""
        return all(
            self.cache.get(self.cache.key(job)) is not None or self._patch(job) is not None for job in planned.jobs
        )

    def provisional_format(self, job: FormatJob) -> Formatted:
        """The exact result if cached; else the last exact result with the changed entries re-formatted (the plan
        was found patchable by `provisional`)."""
        if self.cache.get(self.cache.key(job)) is not None:
            return self.exact_format(job)
        subset = self._patch(job)
        assert subset is not None, "provisional() said this job can be patched"
        base = self.bases[_slot(job)]
        self._patched = True
        if not subset:  # the same inputs as the last provisional patch
            return base.result
        part = dict(Formatter(job.style, job.locale).format([job.items[i] for i in subset], [], job.fmt).entries)
        entries = tuple((ref_id, part.get(ref_id, text)) for ref_id, text in base.result.entries)
        result = dataclasses.replace(base.result, entries=entries)
        # The next provisional patch starts from this one, so that edits in quick succession stay cheap while the
        # exact build keeps getting superseded; any exact build replaces it.
        self.bases[_slot(job)] = Base(job.items, job.clusters, result, self.cache.key(job))
        return result

    def build(self, provisional: bool = False) -> BuildReport:
        """Rebuild the site (provisionally if asked and possible) and write the files that changed; nothing when
        the sources are as the last build read them and the output still holds what it wrote (a provisional result
        is only enough for a provisional request).

        The sources are loaded once; whether the build is provisional is decided from the citation plan, before
        anything is formatted or rendered. The cyclic garbage collector is paused meanwhile (preview/memory.py)."""
        with self.collections.paused():
            fingerprint = source_fingerprint(self.project, f"base_url={self.base_url!r}")
            last, self._built = self._built, None
            self.state.begin()
            if last is not None and last[0] == fingerprint and (provisional or not last[1]) and self.state.ledger:
                self._built = last
                return BuildReport(provisional=last[1], skipped=True)
            report = self._build(provisional)
            self._built = (fingerprint, report.provisional)
            return report

    def _build(self, provisional: bool) -> BuildReport:
        """The build itself: load, plan, format (provisionally or exactly), render, write what changed."""
        self._patched = False
        config, content = load_sources(self.project, self.base_url, self.state.items, self.state.documents)
        planned = plan(config, content, self.state.held("documents", "", DocMemo))
        quick = provisional and self.provisional(planned)
        if not quick and self.pool is not None:
            self._submit_all(planned)
        formatter = self.provisional_format if quick else self.exact_format
        cited = assemble(planned, format_all(planned, content, formatter))
        files = render_cited(config, content, cited, reuse=self.state.pages())
        return BuildReport(self.sync(files), quick and self._patched)

    def _submit_all(self, planned: CitePlan) -> None:
        """Start formatting every style that the cache lacks, all at once in the pool."""
        for key, (args, future) in list(self._jobs.items()):  # keep what finished, even for a superseded build
            if future.done():
                if future.exception() is None and self.cache.get(key) is None:
                    self.cache.absorb(key, args, future.result())
                del self._jobs[key]
        wanted = {self.cache.key(job): job for job in planned.jobs}
        assert self.pool is not None
        for key, job in wanted.items():
            if self.cache.get(key) is None and key not in self._jobs:
                self._jobs[key] = (job, self.pool.submit(format_job, job, self.cache.directory))
        for key, (_, future) in list(self._jobs.items()):
            if key not in wanted and future.cancel():  # stale and not started yet
                del self._jobs[key]

    def sync(self, files: SiteFiles) -> list[str]:
        """Make the output directory hold exactly files (and the bookkeeping what this build used), rewriting only
        what differs; return the paths touched."""
        return write_site(files, self.out, self.project, self.state.handover())


def _slot(job: FormatJob) -> tuple[str, str, str]:
    """Where the base of a job's style is kept: by the style's file (an edited local style has a new digest)."""
    return (str(job.style.path), job.locale, job.fmt)
