"""One named fixture per failure mode: exit status 2, `path:line: message`, no traceback, output/ untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from trees import tree

from litsite.cli import main

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "errors"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project, built once; each test works on a copy."""
    base = tmp_path_factory.mktemp("built") / "project"
    base.mkdir()
    shutil.copy(REPO / "site.yaml", base)
    for d in ("content", "templates"):
        shutil.copytree(REPO / d, base / d)
    assert main(["--project", str(base)]) == 0
    return base


def expectations(name: str) -> list[dict]:
    data = yaml.safe_load((FIXTURES / name / "expect.yaml").read_text(encoding="utf-8"))
    return data.get("errors", [data])


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_error_fixture(name: str, built: Path, tmp_path: Path, cli):
    project = tmp_path / "project"
    shutil.copytree(built, project)
    fixture = FIXTURES / name
    if (fixture / "files").is_dir():
        for src in (fixture / "files").rglob("*"):
            if src.is_file():
                dest = project / src.relative_to(fixture / "files")
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(src, dest)
    if (fixture / "remove.txt").exists():
        for rel in (fixture / "remove.txt").read_text(encoding="utf-8").split():
            shutil.rmtree(project / rel)
    before = tree(project / "output")

    res = cli("--project", str(project), "build")

    assert res.status == 2, res.err
    assert "Traceback" not in res.err
    lines = res.err.strip().splitlines()
    want = expectations(name)
    assert len(lines) == len(want), res.err
    for line, exp in zip(lines, want, strict=True):
        where = str(project / exp["file"]) + (f":{exp['line']}" if exp["line"] is not None else "")
        assert line.startswith(where + ": "), f"{line!r} should start with {where!r}"
        assert exp["message"] in line
    assert tree(project / "output") == before


def test_check_validates_without_writing(built: Path, tmp_path: Path, cli):
    project = tmp_path / "project"
    shutil.copytree(built, project)
    shutil.rmtree(project / "output")
    res = cli("--project", str(project), "check")
    assert res.status == 0, res.err
    assert not (project / "output").exists()
    (project / "site.yaml").write_text("title: T\nstlye: apa\n", encoding="utf-8")
    res = cli("--project", str(project), "check")
    assert res.status == 2 and res.err.startswith(f"{project / 'site.yaml'}:2: unknown key")
