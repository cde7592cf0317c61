"""A minimal inline CSL style around a bibliography layout, for the tests that check one rule against citeproc-js."""

from __future__ import annotations

from pathlib import Path

from litsite.csl.engine import format_bibliography


def probe_style(
    tmp_path: Path, layout: str, attrs: str = "", extra: str = "", sort: str = "", name: str = "probe"
) -> Path:
    """A style file: root attributes `attrs`, `extra` (macros, a locale) before the citation, bibliography `sort` keys
    and `layout`; the citation prints "x"."""
    path = tmp_path / f"{name}.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {attrs}>'
        f"<info><title>{name}</title><id>{name}</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
        f'{extra}<citation><layout><text value="x"/></layout></citation>'
        f"<bibliography>{f'<sort>{sort}</sort>' if sort else ''}<layout>{layout}</layout></bibliography></style>",
        encoding="utf-8",
    )
    return path


def probe_entry(
    tmp_path: Path, layout: str, item: dict, locale: str = "en-US", fmt: str = "text", extra: str = ""
) -> str:
    """The entry of one book `item` (id "a") under a probe style with `layout`."""
    style = probe_style(tmp_path, layout, extra=extra)
    return format_bibliography([{"id": "a", "type": "book", **item}], style, fmt, locale)[0]
