"""Finding 4: sources are read only from inside the project; a link leading out is a `path: message`, not published."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from litsite.pipeline import build_site

SECRET = "SECRET-OUTSIDE-THE-PROJECT"


@pytest.mark.parametrize(
    "link",
    ["content/pages/x.md", "templates/static/x.txt", "templates/x.html", "content/pages", "templates/static/dir"],
)
def test_a_link_leading_out_of_the_project_is_an_error(project: Path, tmp_path: Path, cli, link: str):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.md").write_text(f"---\ntitle: {SECRET}\n---\n{SECRET}\n", encoding="utf-8")
    path = project / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(outside / "secret.md" if "." in path.name else outside)
    result = cli("--project", str(project))
    assert result.status == 2, result.err
    assert result.err.startswith(f"{path}: ") and "outside the project" in result.err and "Traceback" not in result.err
    out = project / "output"
    assert not out.exists() or not any(SECRET in p.read_text("utf-8", "replace") for p in out.rglob("*") if p.is_file())


def test_proc_environ_is_never_published(project: Path, cli):
    page = project / "content" / "pages" / "env.md"
    page.parent.mkdir()
    page.symlink_to("/proc/self/environ")
    result = cli("--project", str(project))
    assert result.status == 2 and f"{page}: " in result.err and "/proc/" in result.err


def test_a_style_outside_the_project_is_an_error(project: Path, tmp_path: Path, cli):
    from litsite.csl.styles import resolve_style

    style = tmp_path / "mine.csl"
    style.write_bytes(resolve_style("apa").path.read_bytes())
    site = project / "site.yaml"
    text = re.sub(r"^styles:.*\n(?:[ -].*\n)*", "", site.read_text(encoding="utf-8"), flags=re.M)
    site.write_text(text + f"styles: [apa, {style}]\n", encoding="utf-8")
    line = len(text.splitlines()) + 1
    result = cli("--project", str(project))
    assert result.status == 2 and result.err.startswith(f"{site}:{line}: styles: style file")
    assert "outside the project" in result.err
    (project / "styles").mkdir()
    (project / "styles" / "mine.csl").symlink_to(style)  # a link inside the project that leads out: the same
    site.write_text(text + "styles: [apa, styles/mine.csl]\n", encoding="utf-8")
    result = cli("--project", str(project))
    assert result.status == 2 and result.err.startswith(f"{site}:{line}: ") and "outside the project" in result.err


def test_links_inside_the_project_are_fine(project: Path):
    shared = project / "shared"
    shared.mkdir()
    (shared / "note.txt").write_text("shared note\n", encoding="utf-8")
    (project / "templates" / "static" / "note.txt").symlink_to(shared / "note.txt")
    (project / "templates" / "static" / "again").symlink_to(os.path.relpath(shared, project / "templates" / "static"))
    (project / "templates" / "static" / "loop").symlink_to(".")  # a loop ends: each real folder is walked once
    out = build_site(project)
    assert (out / "static" / "note.txt").read_text(encoding="utf-8") == "shared note\n"


def test_a_link_out_inside_a_linked_folder_is_found(project: Path, tmp_path: Path, cli):
    """Only links are resolved (a plain file in a folder inside lies inside): a link leading out, in a folder reached
    through a link that stays inside, is still an error."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.md").write_text(f"---\ntitle: {SECRET}\n---\n{SECRET}\n", encoding="utf-8")
    shared = project / "shared" / "deeper"
    shared.mkdir(parents=True)
    (shared / "x.md").symlink_to(outside / "secret.md")
    (project / "content" / "pages").symlink_to(project / "shared")
    result = cli("--project", str(project))
    assert result.status == 2 and "outside the project" in result.err and "Traceback" not in result.err
    assert f"{project / 'content' / 'pages' / 'deeper' / 'x.md'}: " in result.err
