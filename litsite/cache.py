"""A formatting cache: CSL results keyed by a hash of everything that determines them, in memory and on disk."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import multiprocessing
import os
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

from .cite import cite, format_direct
from .config import SiteConfig
from .content import Content
from .csl.engine import Cite, Formatted

CACHE_DIR = ".litsite-cache"
FORMAT_VERSION = 1  # bump when the on-disk record changes


@cache
def engine_version() -> str:
    """A fingerprint of the formatting code: citeproc-py's version and the bytes of litsite/csl/*.py."""
    import citeproc

    digest = hashlib.sha256(f"citeproc {getattr(citeproc, '__version__', '?')} v{FORMAT_VERSION}".encode())
    csl = Path(__file__).parent / "csl"
    for path in sorted(csl.rglob("*.py")):
        digest.update(path.relative_to(csl).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def format_key(
    style_path: Path | str, locale: str, items: Sequence[dict[str, Any]], clusters: Sequence[Sequence[Cite]], fmt: str
) -> str:
    """The cache key of one formatting: engine, style bytes, locale, output format, items (in order) and clusters."""
    payload = {
        "engine": engine_version(),
        "style": hashlib.sha256(Path(style_path).read_bytes()).hexdigest(),
        "locale": locale,
        "fmt": fmt,
        "items": list(items),
        "clusters": [[dataclasses.asdict(c) for c in cluster] for cluster in clusters],
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _tuples(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: _tuples(v) for k, v in value.items()}
    return value


Job = tuple[Path, str, list[dict], list[list[Cite]], str]


def format_jobs(config: SiteConfig, content: Content) -> dict[str, Job]:
    """Every formatting the site needs (one per style), by cache key, without formatting anything."""
    jobs: dict[str, Job] = {}

    def record(style_path: Path, locale: str, items: list[dict], clusters: list[list[Cite]], fmt: str) -> Formatted:
        jobs[format_key(style_path, locale, items, clusters, fmt)] = (style_path, locale, items, clusters, fmt)
        # A stand-in result of the right shape, so that cite() can finish.
        return Formatted(tuple((str(i["id"]), "") for i in items), ("",) * len(clusters))

    cite(config, content, record)
    return jobs


class FormatCache:
    """Memoises Formatter.format; a miss formats, a hit returns the stored result (exact: any input change misses).

    The cache persists between builds inside the output directory (`.litsite-cache/`), so that nothing is written
    outside it: the cache reads the previous build's records, and `files()` hands the records this build used to the
    writer, which writes them with the site. Records no build uses any more disappear with the next build.
    """

    def __init__(self, directory: Path | None = None, max_entries: int = 64) -> None:
        self.directory = directory
        self.max_entries = max_entries
        self._memory: OrderedDict[str, Formatted] = OrderedDict()
        self.used: dict[str, Formatted] = {}
        self.hits = 0
        self.misses = 0

    def begin(self) -> None:
        """Start a build: forget which records the last one used."""
        self.used = {}

    def format(
        self,
        style_path: Path | str,
        locale: str,
        items: Sequence[dict[str, Any]],
        clusters: Sequence[Sequence[Cite]],
        fmt: str = "html",
    ) -> Formatted:
        """Formatter(style_path, locale).format(items, clusters, fmt), from the cache when possible."""
        key = format_key(style_path, locale, items, clusters, fmt)
        found = self._memory.get(key) or self._load(key)
        if found is not None:
            self.hits += 1
        else:
            self.misses += 1
            found = format_direct(Path(style_path), locale, list(items), [list(c) for c in clusters], fmt)
        self._remember(key, found)
        return found

    def prefetch(self, config: SiteConfig, content: Content, workers: int | None = None) -> int:
        """Format, in parallel processes, every style of the site that the cache lacks; return how many."""
        jobs = {key: job for key, job in format_jobs(config, content).items() if self.get(key) is None}
        workers = min(len(jobs), workers or os.cpu_count() or 1)
        if workers < 2:
            return 0  # one job gains nothing from another process; format() does it in this one
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {key: pool.submit(format_direct, *job) for key, job in jobs.items()}
            for key, future in futures.items():
                self.misses += 1
                self._remember(key, future.result())
        return len(jobs)

    def get(self, key: str) -> Formatted | None:
        """The result stored under key (in memory or on disk), without formatting."""
        found = self._memory.get(key) or self._load(key)
        if found is not None:
            self._remember(key, found)
        return found

    def put(self, key: str, result: Formatted) -> None:
        """Store a result computed elsewhere (e.g. in a worker process) under its key."""
        self._remember(key, result)

    def files(self) -> dict[str, bytes]:
        """The records this build used, as output files under .litsite-cache/ (deterministic bytes)."""
        return {
            f"{CACHE_DIR}/format/{key}.json": json.dumps(
                dataclasses.asdict(result), ensure_ascii=False, sort_keys=True
            ).encode("utf-8")
            for key, result in sorted(self.used.items())
        }

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
