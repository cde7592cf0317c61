"""Shared fixtures: a scratch copy of the example project, and the CLI run in-process."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from litsite.cli import main

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="regenerate golden files (review the diff!)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to regenerate golden files."""
    return bool(request.config.getoption("--update-golden"))


@dataclass
class Result:
    """What a CLI run returned and printed."""

    status: int
    out: str
    err: str


def run_cli(*args: str) -> Result:
    """Run build.py's main() in-process and capture its output."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return Result(status, out.getvalue(), err.getvalue())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of the example project (site.yaml, content/, templates/)."""
    dest = tmp_path / "project"
    dest.mkdir()
    shutil.copy(REPO / "site.yaml", dest / "site.yaml")
    shutil.copytree(REPO / "content", dest / "content")
    shutil.copytree(REPO / "templates", dest / "templates")
    return dest


@pytest.fixture
def project_two_styles(project: Path) -> Path:
    """The scratch project offering two of the example's four styles (apa and the numbered vancouver-nlm), for tests
    whose point is not how many styles a site offers: a cold build formats every style, most of such a test's time."""
    site = project / "site.yaml"
    text = site.read_text(encoding="utf-8")
    for line in ("  - {name: chicago-author-date,", "  - {name: modern-language-association,"):
        assert line in text  # the example still offers it (else this fixture no longer trims anything)
        text = text.replace(line, "  # " + line.lstrip(), 1)
    site.write_text(text, encoding="utf-8")
    return project


@pytest.fixture
def cli():
    """The run_cli helper as a fixture."""
    return run_cli


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site built once per test session (base URL https://example.org/site/); treat as read-only."""
    from litsite.pipeline import build_site

    return build_site(REPO, tmp_path_factory.mktemp("example") / "out", base_url="https://example.org/site/")


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    """One headless Chromium per test module (tests/browserkit.py); the browser tests skip without it."""
    import browserkit as bk

    drv = bk.make_driver()
    drv.set_script_timeout(60)
    yield drv
    bk.quit_driver(drv)
