"""build_site(): load config → load content → cite → render → write."""

from __future__ import annotations

import dataclasses
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from litsite.errors import UserError, UserErrors, flatten
from litsite.load.confine import outside_links
from litsite.progress import Progress, quiet
from litsite.reuse.books import Books, Ledger, books_for, read_marker
from litsite.reuse.fingerprint import code_fingerprint, source_fingerprint
from litsite.reuse.store import EXPORTS, ITEMS, TRACE_REFS, TRACES, ShardedRecord
from litsite.write.outdir import check_output_dir
from litsite.write.writer import SiteFiles, intact_ledger, write_site

if TYPE_CHECKING:
    from litsite.cite.stage import FormatFn
    from litsite.load.config import SiteConfig
    from litsite.load.content import Content
    from litsite.load.yamlfile import ItemCache
    from litsite.render.pages import ProgressFn, Reuse

# The stages' modules (CSL engine, Jinja, Markdown, exporters) are imported where they are first needed, so that a
# build that finds nothing changed finishes without loading them (about 0.3 s of a no-change rebuild).


def load_sources(
    project: Path, base_url: str | None = None, items: ItemCache | None = None
) -> tuple[SiteConfig, Content]:
    """Load site.yaml and content/, reporting the errors of both together (items: see yamlfile.ItemCache)."""
    from litsite.load.config import load_config
    from litsite.load.content import load_content

    errors: list[UserError] = outside_links(project)  # sources are read only from inside the project
    if errors:
        raise UserErrors(errors)
    config = content = None
    try:
        config = load_config(project / "site.yaml")
        if base_url:
            config = dataclasses.replace(config, base_url=base_url if base_url.endswith("/") else base_url + "/")
    except (UserError, UserErrors) as exc:
        errors.extend(flatten(exc))
    try:
        content = load_content(project / "content", items)
    except (UserError, UserErrors) as exc:
        errors.extend(flatten(exc))
    if errors:
        raise UserErrors(errors)
    assert config is not None and content is not None
    return config, content


def static_files(project: Path) -> dict[str, bytes]:
    """The site's static assets (templates/static/) by output path."""
    base = project / "templates" / "static"
    if not base.is_dir():
        return {}
    return {f"static/{p.relative_to(base).as_posix()}": p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()}


def render_files(
    project: Path,
    base_url: str | None = None,
    formatter: FormatFn | None = None,
    reuse: Reuse | None = None,
    items: ItemCache | None = None,
) -> SiteFiles:
    """Everything up to writing: the site's files in memory (formatter: e.g. a cache in front of the CSL engine)."""
    config, content = load_sources(project, base_url, items)
    return render_loaded(project, config, content, formatter, reuse=reuse)


def reuse_of(books: Books, ledger: Ledger | None = None) -> Reuse:
    """What an earlier output of ours offers the next build (nothing when the output is not one); ledger:
    intact_ledger(books) if already known."""
    from litsite.render.pages import Reuse

    if not books.marker.is_file():
        return Reuse()
    version = code_fingerprint()
    ledger = intact_ledger(books) if ledger is None else ledger
    records = {name: ShardedRecord(books.cache, name, version) for name in (TRACES, TRACE_REFS, EXPORTS)}
    return Reuse(books.out, records, ledger)


def render_loaded(
    project: Path,
    config: SiteConfig,
    content: Content,
    formatter: FormatFn | None = None,
    progress: ProgressFn = quiet,
    reuse: Reuse | None = None,
    workers: int = 1,
) -> SiteFiles:
    """Cite and render loaded sources into the site's files (pages rendered by `workers` processes)."""
    from litsite.cite.stage import cite
    from litsite.render.pages import render_site
    from litsite.site.publish import add_publish_files

    progress("formatting citations", 0, 0)
    cited = cite(config, content, formatter)
    files = render_site(config, content, cited, static_files(project), progress, reuse, workers)
    add_publish_files(config, files)
    return files


def is_up_to_date(books: Books, fingerprint: str, ledger: Ledger | None = None) -> bool:
    """Whether the output was built from exactly these inputs and still holds exactly what that build wrote (ledger:
    intact_ledger(books) if already known)."""
    stamp = read_marker(books)
    return stamp.get("fingerprint") == fingerprint and bool(intact_ledger(books) if ledger is None else ledger)


@contextmanager
def no_collections() -> Iterator[None]:
    """Pause the cyclic garbage collector during a build: a build holds a million long-lived objects (items, caches,
    pages) that it would scan again and again (a tenth of a rebuild's time), while the build makes little cyclic
    garbage (peak memory of a 10,000-reference build is the same either way; bench/README.md)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_site(
    project: Path,
    out: Path | None = None,
    base_url: str | None = None,
    cache: bool = True,
    progress: bool | None = None,
) -> Path:
    """Build the site of a project into out (default project/output); return the output directory.

    With cache, formatting and rendering reuse the previous build's records, kept in the project's bookkeeping folder
    `.litsite/` (books.py; only when out is an earlier output of ours), and this build's records are kept there.
    """
    with no_collections():
        return _build(project, out or project / "output", base_url, cache, progress)


def _build(project: Path, out: Path, base_url: str | None, cache: bool, progress: bool | None) -> Path:
    fingerprint = source_fingerprint(project, f"base_url={base_url!r}")
    check_output_dir(out, project)  # before any work: a wrong --out is the first thing to say
    books = books_for(project, out)
    books.clean()  # what a build stopped midway left (its staging tree), even when nothing is built now
    ledger = intact_ledger(books) if cache else {}  # what the last build wrote, if out still holds exactly that
    if cache and is_up_to_date(books, fingerprint, ledger):
        return out
    from litsite.load.yamlfile import ItemCache
    from litsite.reuse.formatted import FormatCache

    bar = Progress(enabled=progress)  # progress None: a bar only on a terminal
    kept = books.cache if cache and books.marker.is_file() else None
    fcache = FormatCache(kept)
    workers = os.cpu_count() or 1
    items_record = ShardedRecord(kept, ITEMS, code_fingerprint())
    items = ItemCache(items_record.data, workers)
    try:
        bar("loading sources")
        config, content = load_sources(project, base_url, items)
        bar(f"formatting {len(content.references)} references in {len(config.styles)} styles")
        fcache.prefetch(config, content)  # the styles the cache lacks, formatted in parallel on every core
        reuse = reuse_of(books, ledger) if cache else None
        files = render_loaded(project, config, content, fcache.format, bar, reuse, workers)
        if cache:
            files.add_all(fcache.files())
            files.add_all(items_record.files(items.used))
        bar("writing")
        stamp = {"fingerprint": fingerprint} if cache else None
        write_site(files, out, project, stamp, ledger if cache else None, keep_ledger=cache)
        return out
    finally:
        bar.close()
