"""The reviewer's own writing: content/notes/ID.md (a note on one reference) and content/themes/SLUG.md (a theme).

A note's file is named by the id of the reference it is about; its front matter may name themes (`themes: [slug]`)
and hold the owner's own `x-` keys. A theme's file is named by its slug (its address) and its front matter gives its
`title`. Both bodies are Markdown that may cite. Every mistake is a `path:line` error with the closest names.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from litsite.errors import ErrorCollector, UserError
from litsite.slugs import slugify

NOTE_KEYS = ("themes",)  # front matter of content/notes/ID.md (and keys of one's own, prefixed x-)
THEME_KEYS = ("title",)  # front matter of content/themes/SLUG.md (and keys of one's own, prefixed x-)
MAX_THEMES = 100  # themes one note may name: bounds the work (and the page) one file can cause


@dataclass(frozen=True)
class Note:
    """The reviewer's note on one reference: its Markdown page and the themes it names (slugs, in file order)."""

    ref_id: str
    page: Any  # content.Page (not imported: content imports this module)
    themes: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    """A theme of the review: its slug (file name), title and the reviewer's commentary (a Markdown page)."""

    slug: str
    title: str
    page: Any  # content.Page


def markdown_files(folder: Path) -> list[Path]:
    """The .md files directly in folder, in a stable order (none when it does not exist)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md") if p.is_file())


def closest(name: str, names: Iterable[str], what: str) -> str:
    """'; did you mean …?' with the closest of names (difflib), or '' when none is close."""
    pool = sorted(set(names))
    close = difflib.get_close_matches(name, pool, n=3, cutoff=0.6)
    folded = [n for n in pool if n.casefold() == name.casefold() and n != name]
    close = folded + [c for c in close if c not in folded]
    return f"; did you mean {', '.join(repr(c) for c in close[:3])}?" if close else f"; no {what} is close"


def _read(path: Path, read: Any, allowed: tuple[str, ...], kind: str, errors: ErrorCollector) -> Any:
    """The page at path (None if it cannot be read: its error is collected), its unknown keys reported."""
    try:
        page = read(path)
    except UserError as exc:
        errors.extend([exc])
        return None
    _unknown_keys(page, allowed, kind, errors)
    return page


def _unknown_keys(page: Any, allowed: tuple[str, ...], kind: str, errors: ErrorCollector) -> None:
    for key in page.meta:
        if (isinstance(key, str) and key.startswith("x-")) or key in allowed:
            continue
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        keys = " and ".join(allowed)
        errors.add(
            page.path,
            page.lines.of(key),
            f"unknown front matter key {key!r}; {hint}(a {kind} has {keys}, and keys of your own prefixed 'x-')",
        )


def _note_themes(page: Any, errors: ErrorCollector) -> tuple[str, ...]:
    """The theme slugs a note's front matter names (a single name is one theme)."""
    value = page.meta.get("themes")
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        errors.add(page.path, page.lines.of("themes"), "themes must be a list of theme names, like [peer-support]")
        return ()
    if len(value) > MAX_THEMES:
        errors.add(page.path, page.lines.of("themes"), f"a note may name at most {MAX_THEMES} themes")
        return ()
    return tuple(dict.fromkeys(v.strip() for v in value))


def load_themes(folder: Path, read: Any, errors: ErrorCollector) -> tuple[Theme, ...]:
    """content/themes/*.md as Themes (read: content.read_page)."""
    themes = []
    for path in markdown_files(folder):
        slug = unicodedata.normalize("NFC", path.stem)
        if slugify(slug) != slug:
            errors.add(
                path,
                1,
                f"a theme's file name is its address: use lower-case letters, digits and hyphens "
                f"(e.g. {slugify(slug)}.md)",
            )
            continue
        page = _read(path, read, THEME_KEYS, "theme", errors)
        if page is None:
            continue
        title = page.meta.get("title")
        if title is None or isinstance(title, bool) or not isinstance(title, str | int | float) or not str(title):
            errors.add(path, page.lines.of("title"), "a theme needs a title (text), e.g. title: Peer support")
            continue
        themes.append(Theme(slug, str(title).strip(), page))
    return tuple(themes)


def theme_names(folder: Path) -> set[str]:
    """The names of the theme files in folder (also of those with mistakes: a note naming one is not a second
    error)."""
    return {unicodedata.normalize("NFC", p.stem) for p in markdown_files(folder)}


def load_notes(
    folder: Path, read: Any, ref_ids: Iterable[str], slugs: set[str], errors: ErrorCollector
) -> tuple[Note, ...]:
    """content/notes/*.md as Notes, each for a reference of the site and naming only themes that have a file
    (slugs: theme_names of content/themes/)."""
    ids = set(ref_ids)
    notes = []
    for path in markdown_files(folder):
        ref_id = unicodedata.normalize("NFC", path.stem)
        if ref_id not in ids:
            hint = closest(ref_id, ids, "reference id")
            errors.add(path, 1, f"no reference has the id {ref_id!r} (a note's file is named ID.md){hint}")
            continue
        page = _read(path, read, NOTE_KEYS, "note", errors)
        if page is None:
            continue
        named = _note_themes(page, errors)
        raw = page.meta.get("themes")
        for i, slug in enumerate(named):
            if slug not in slugs:
                line = page.lines.of("themes", raw.index(slug) if isinstance(raw, list) and slug in raw else i)
                hint = closest(slug, slugs, "theme") if slugs else "; there are no themes yet"
                errors.add(path, line, f"theme {slug!r} has no file content/themes/{slug}.md{hint}")
        notes.append(Note(ref_id, page, tuple(s for s in named if s in slugs)))
    return tuple(notes)
