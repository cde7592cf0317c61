"""build_site(): load config → load content → cite → render → write."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from litsite.errors import UserError, UserErrors, flatten
from litsite.load.confine import outside_links
from litsite.progress import Progress, quiet
from litsite.reuse.state import BuildState
from litsite.write.outdir import check_output_dir
from litsite.write.writer import SiteFiles, write_site

if TYPE_CHECKING:
    from litsite.cite.stage import Cited
    from litsite.load.config import SiteConfig
    from litsite.load.content import Content
    from litsite.load.pagememo import PageMemo
    from litsite.load.yamlfile import ItemCache
    from litsite.reuse.formatted import FormatCache
    from litsite.reuse.state import Reuse

ProgressFn = Callable[[str, int, int], None]

# The stages' modules (CSL engine, Jinja, Markdown, exporters) are imported where they are first needed, so that a
# build that finds nothing changed finishes without loading them (about 0.3 s of a no-change rebuild).


def load_sources(
    project: Path, base_url: str | None = None, items: ItemCache | None = None, pages: PageMemo | None = None
) -> tuple[SiteConfig, Content]:
    """Load site.yaml (base_url: the command line's, checked as site.yaml's) and content/, reporting the errors of
    both together (items: see yamlfile.ItemCache; pages: the Markdown files kept as read, pagememo.PageMemo)."""
    from litsite.load.config import load_config
    from litsite.load.content import load_content, read_page

    errors: list[UserError] = outside_links(project)  # sources are read only from inside the project
    if errors:
        raise UserErrors(errors)
    config = content = None
    try:
        config = load_config(project / "site.yaml", base_url or None)
    except (UserError, UserErrors) as exc:
        errors.extend(flatten(exc))
    try:
        content = load_content(project / "content", items, pages.reader() if pages is not None else read_page)
    except (UserError, UserErrors) as exc:
        errors.extend(flatten(exc))
    if errors:
        raise UserErrors(errors)
    assert config is not None and content is not None
    return config, content


def cite_sources(
    config: SiteConfig, content: Content, formatter: FormatCache | None = None, progress: ProgressFn = quiet
) -> Cited:
    """The cite stage: plan every formatting, format them (through the cache, several styles at once when it lacks
    them), assemble the site's citations."""
    from litsite.cite.stage import assemble, format_all, plan

    progress(f"formatting {len(content.references)} references in {len(config.styles)} styles", 0, 0)
    planned = plan(config, content)
    if formatter is not None:
        formatter.prefetch(planned.jobs)  # the styles the cache lacks, formatted in parallel on every core
    progress("formatting citations", 0, 0)
    return assemble(planned, format_all(planned, content, formatter.format if formatter else None))


def static_files(project: Path) -> dict[str, bytes]:
    """The site's static assets (templates/static/) by output path."""
    base = project / "templates" / "static"
    if not base.is_dir():
        return {}
    return {f"static/{p.relative_to(base).as_posix()}": p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()}


def render_cited(
    config: SiteConfig,
    content: Content,
    cited: Cited,
    progress: ProgressFn = quiet,
    reuse: Reuse | None = None,
    workers: int = 1,
) -> SiteFiles:
    """The render stage: every page and file of the site in memory (pages rendered by `workers` processes)."""
    from litsite.render.pages import render_site

    return render_site(config, content, cited, static_files(config.root), progress, reuse, workers)


def render_files(project: Path, base_url: str | None = None) -> SiteFiles:
    """Everything up to writing, reusing nothing: the site's files in memory (`check`)."""
    config, content = load_sources(project, base_url)
    return render_cited(config, content, cite_sources(config, content))


@contextmanager
def no_collections() -> Iterator[None]:
    """Pause the cyclic garbage collector during a one-off build: a build holds a million long-lived objects (items,
    caches, pages) that it would scan again and again (a tenth of a rebuild's time), while the build makes little
    cyclic garbage (peak memory of a 10,000-reference build is the same either way; bench/README.md). Only for a
    process that does nothing else meanwhile (the command line's build; not the preview, whose server runs on)."""
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

    With cache, the build reuses what the previous build of out kept in the project's bookkeeping folder `.litsite/`
    (reuse/state.py) — or skips the build when nothing changed — and keeps its own records there.
    """
    out = out or project / "output"
    check_output_dir(out, project)  # before any work: a wrong --out is the first thing to say
    with no_collections(), BuildState.open(project, out, keep=cache, workers=os.cpu_count() or 1) as state:
        if not state.up_to_date(f"base_url={base_url!r}"):
            bar = Progress(enabled=progress)  # progress None: a bar only on a terminal
            try:
                _build(project, out, base_url, state, bar)
            finally:
                bar.close()
    return out


def _build(project: Path, out: Path, base_url: str | None, state: BuildState, bar: ProgressFn) -> None:
    """The stages: load → cite → render → write; what is reusable comes from the state, and goes back to it."""
    bar("loading sources")
    config, content = load_sources(project, base_url, state.items, state.documents)
    cited = cite_sources(config, content, state.formatter, bar)
    files = render_cited(config, content, cited, bar, state.pages(), state.workers)
    bar("writing")
    write_site(files, out, project, state.handover())
