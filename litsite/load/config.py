"""site.yaml → a frozen SiteConfig; every unknown key or bad value is reported with its line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from litsite.csl.styles import StyleError, StyleRef, resolve_style
from litsite.errors import ErrorCollector, UserError
from litsite.load.confine import is_inside
from litsite.load.yamlfile import Lines, load_yaml

LOCALE_RE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")


@dataclass(frozen=True)
class SiteConfig:
    """The validated contents of site.yaml."""

    path: Path
    title: str
    base_url: str = "/"
    description: str = ""
    style: str = "apa"
    styles: tuple[str, ...] = ()
    locale: str = "en-US"
    footer: str = ""
    markdown_html: str = "sanitize"  # raw HTML in content Markdown cleaned by nh3; "allow" keeps it (see README)
    style_labels: tuple[tuple[str, str], ...] = ()  # (style, the style menu's short label) set in site.yaml
    style_refs: tuple[StyleRef, ...] = ()  # each of `styles`, resolved once (file, title, digest, what it uses)

    def __post_init__(self) -> None:
        if tuple(r.name for r in self.style_refs) != self.styles:
            raise ValueError("SiteConfig: `style_refs` must hold each of `styles` resolved (load_config does it)")

    def style_label(self, name: str, title: str) -> str:
        """What the style menu shows for a style: the label site.yaml gives it, else its title."""
        return dict(self.style_labels).get(name, title)

    @property
    def root(self) -> Path:
        """The project directory (where site.yaml lives)."""
        return self.path.parent


def _str(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    return value.strip()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError("must be a string")
    return value


def _base_url(value: Any) -> str:
    url = _str(value)
    if not (url.startswith(("http://", "https://")) or url.startswith("/")):
        raise ValueError("must be an absolute URL such as https://user.github.io/repo/ or a path such as /repo/")
    return url if url.endswith("/") else url + "/"


def _locale(value: Any) -> str:
    loc = _str(value)
    if not LOCALE_RE.match(loc):
        raise ValueError("must be a locale code such as en-US or de-DE")
    return loc


STYLE_KEYS = ("name", "label")  # keys of a `styles:` entry written as a mapping


def _style_name(entry: Any) -> Any:
    return entry.get("name") if isinstance(entry, dict) else entry


def _styles(value: Any) -> tuple[str, ...]:
    if isinstance(value, str | dict):
        value = [value]
    names = [_style_name(v) for v in value] if isinstance(value, list) else []
    if not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise ValueError(
            "must be a list of CSL style names or .csl paths; an entry may also be {name: NAME, label: SHORT LABEL}"
        )
    return tuple(dict.fromkeys(n.strip() for n in names))


def _style_labels(value: Any, lines: Lines, errors: ErrorCollector) -> tuple[tuple[str, str], ...]:
    """The short labels of the style menu, from `styles:` entries written {name: …, label: …}; bad keys reported."""
    entries = value if isinstance(value, list) else [value]
    labels: dict[str, str] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        where = ("styles", i) if isinstance(value, list) else ("styles",)
        for key in entry:
            if key not in STYLE_KEYS:
                close = difflib.get_close_matches(str(key), STYLE_KEYS, n=1)
                hint = f"did you mean {close[0]!r}?" if close else "a style entry has only 'name' and 'label'"
                errors.add(lines.path, lines.of(*where, key), f"styles: unknown key {key!r}; {hint}")
        label = entry.get("label")
        if label is not None and (not isinstance(label, str) or not label.strip()):
            errors.add(lines.path, lines.of(*where, "label"), "styles: label must be a non-empty string")
        elif label is not None and isinstance(entry.get("name"), str):
            labels.setdefault(entry["name"].strip(), " ".join(label.split()))
    return tuple(labels.items())


def _markdown_html(value: Any) -> str:
    if value not in ("allow", "sanitize"):
        raise ValueError("must be 'allow' (raw HTML in Markdown is kept) or 'sanitize' (it is cleaned with nh3)")
    return str(value)


SCHEMA: dict[str, Callable[[Any], Any]] = {
    "title": _str,
    "base_url": _base_url,
    "description": _text,
    "style": _str,
    "styles": _styles,
    "locale": _locale,
    "footer": _text,
    "markdown_html": _markdown_html,
}


def load_config(path: Path, base_url: str | None = None) -> SiteConfig:
    """Load and validate site.yaml; raise UserErrors listing every problem. base_url (the command line's --base-url)
    replaces site.yaml's, checked as it is."""
    data, lines = load_yaml(path)
    errors = ErrorCollector()
    override = {}
    if base_url is not None:
        try:
            override["base_url"] = _base_url(base_url)
        except ValueError as exc:
            errors.add("--base-url", None, str(exc))
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UserError(path, lines.of(), "site.yaml must be a mapping of settings (key: value)")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in SCHEMA:
            close = difflib.get_close_matches(str(key), SCHEMA, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(SCHEMA)}"
            errors.add(path, lines.of(key), f"unknown key {key!r}{hint}")
            continue
        try:
            values[key] = SCHEMA[key](value)
        except ValueError as exc:
            errors.add(path, lines.of(key), f"{key}: {exc}")
    if "styles" in values:
        values["style_labels"] = _style_labels(data["styles"], lines, errors)
    if "title" not in data:
        errors.add(path, 1, "missing required key 'title'")
    refs = _resolve_styles(path, values, lines, errors)
    errors.raise_if_any()
    style = values.get("style", "apa")
    styles = (style, *(s for s in values.get("styles", ()) if s != style))  # the default style is offered first
    resolved = tuple(refs[s] for s in styles)
    return SiteConfig(path=path, **{**values, **override, "style": style, "styles": styles, "style_refs": resolved})


def _resolve_styles(path: Path, values: dict[str, Any], lines: Lines, errors: ErrorCollector) -> dict[str, StyleRef]:
    """Each style named by `style` and `styles` (apa by default), resolved; what cannot be is reported at its line."""
    refs: dict[str, StyleRef] = {}
    for key, specs in (("style", (values.get("style", "apa"),)), ("styles", values.get("styles", ()))):
        for i, spec in enumerate(specs):
            if spec in refs:
                continue
            line = lines.of(key, i) if key == "styles" else lines.of(key)
            if (spec.endswith(".csl") or "/" in spec) and not is_inside(path.parent / spec, path.parent.resolve()):
                errors.add(path, line, f"{key}: style file {spec!r} lies outside the project; copy it into the project")
                continue
            try:
                refs[spec] = resolve_style(spec, path.parent)
            except StyleError as exc:
                errors.add(path, line, f"{key}: {exc}")
    return refs
