"""Small projects holding hostile data, and what the tests read back from their output."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import html as lxml_html

REPO = Path(__file__).resolve().parents[1]
SITE = "title: Hostile data\nstyle: apa\nstyles: [apa, vancouver-nlm]\nlocale: en-US\n"


def small_project(dest: Path, references: str, site: str = SITE, body: str | None = None) -> Path:
    """A project with the example's study and templates, references.yaml holding `references` (YAML text)."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "site.yaml").write_text(site, encoding="utf-8")
    shutil.copytree(REPO / "templates", dest / "templates")
    (dest / "content").mkdir()
    study = (REPO / "content" / "study.md").read_text(encoding="utf-8")
    if body is not None:
        study = study[: study.index("\n---\n") + 5] + body
    (dest / "content" / "study.md").write_text(study, encoding="utf-8")
    (dest / "content" / "references.yaml").write_text(references, encoding="utf-8")
    return dest


def links(out: Path) -> list[tuple[str, str]]:
    """(page, target) of every href/src/action/formaction/xlink:href in every HTML and SVG page of the output."""
    found = []
    for page in sorted(out.rglob("*.html")):
        tree = lxml_html.fromstring(page.read_bytes())
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            for attr, value in el.attrib.items():
                if attr in ("href", "src", "action", "formaction", "{http://www.w3.org/1999/xlink}href"):
                    found.append((str(page.relative_to(out)), value))
    return found


def unsafe_links(out: Path) -> list[tuple[str, str]]:
    """Links with a scheme other than http(s) (relative links have none)."""
    bad = []
    for page, target in links(out):
        text = "".join(c for c in target if c > " ").lower()  # as a browser reads it: spaces and controls dropped
        scheme = text.split(":", 1)[0] if ":" in text.split("/", 1)[0] else ""
        if scheme not in ("", "http", "https"):
            bad.append((page, target))
    return bad
