"""Publishing: a build for https://USER.github.io/REPO/ works under /REPO/ over real HTTP, and at the root too."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from sitecrawl import crawl, fetch, parse, serve_directory

from litsite.pipeline import build_site
from litsite.site.publish import page_url, robots, sitemap
from litsite.site.routes import base_path

SITEMAP_LOC = re.compile(r"<loc>([^<]+)</loc>")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch copy of the example project shared by this module's tests."""
    from conftest import REPO

    dest = tmp_path_factory.mktemp("publish") / "project"
    dest.mkdir()
    shutil.copy(REPO / "site.yaml", dest / "site.yaml")
    shutil.copytree(REPO / "content", dest / "content")
    shutil.copytree(REPO / "templates", dest / "templates")
    return dest


def test_base_path():
    assert base_path("https://u.github.io/repo/") == "/repo/"
    assert base_path("https://u.github.io/a/b") == "/a/b/"
    assert base_path("https://example.org/") == "/" and base_path("/") == "/" and base_path("/x/") == "/x/"


def test_sitemap_and_robots_text():
    xml = sitemap("https://u.github.io/r/", ["index.html", "references/a/index.html", "x.html"])
    assert SITEMAP_LOC.findall(xml) == [
        "https://u.github.io/r/",
        "https://u.github.io/r/references/a/",
        "https://u.github.io/r/x.html",
    ]
    assert robots("https://u.github.io/r/", True).endswith("Sitemap: https://u.github.io/r/sitemap.xml\n")
    assert "Sitemap" not in robots("/", False)
    assert page_url("/", "references/index.html") == "/references/"


def test_site_works_under_repo_path(example: Path, tmp_path: Path):
    www = tmp_path / "www"
    www.mkdir()
    with serve_directory(www, not_found_page=www / "repo" / "404.html") as server:
        base = f"http://127.0.0.1:{server.server_address[1]}/repo/"
        out = build_site(example, www / "repo", base_url=base)
        assert (out / ".nojekyll").is_file() and (out / "404.html").is_file()

        status, _, robots_txt = fetch(base + "robots.txt")
        assert status == 200 and f"Sitemap: {base}sitemap.xml" in robots_txt.decode()
        status, _, xml = fetch(base + "sitemap.xml")
        locs = SITEMAP_LOC.findall(xml.decode())
        assert status == 200 and base in locs and len(locs) >= 51  # study, references list, 49 references
        assert all(loc.startswith(base) for loc in locs)

        result = crawl([base, *locs], base)
        assert result.problems == []
        pages = [u for u in result.fetched if u.endswith("/")]
        assert len(pages) >= 51

        index = (out / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{base}">' in index

        # GitHub Pages answers any missing path with /repo/404.html: its links must work from any depth.
        missing = base + "no/such/deep/path/"
        status, _, body = fetch(missing)
        assert status == 404 and b"Page not found" in body
        links = [link for link in parse(body).links if not link.startswith(("http://", "https://", "#"))] or ["?"]
        assert all(link.startswith("/repo/") for link in links), links
        result404 = crawl([missing], base)
        assert result404.problems == [f"{missing}: HTTP 404"]
        assert len(result404.fetched) > 2  # the stylesheet and the pages it links to


def test_same_build_works_at_the_root(example: Path, tmp_path: Path):
    out = build_site(example, tmp_path / "site")
    assert not (out / "sitemap.xml").exists()  # base_url "/" is not absolute: no sitemap
    with serve_directory(out, not_found_page=out / "404.html") as server:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        result = crawl([base, base + "robots.txt"], base)
        assert result.problems == []
        assert len(result.fetched) >= 52


def test_pages_workflow():
    from conftest import REPO

    flow = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    on = flow.get("on", flow.get(True))  # YAML 1.1 reads the key `on` as True
    assert on["push"]["branches"] == ["main"] and "workflow_dispatch" in on
    assert flow["permissions"] == {}  # each job asks for its own: only the deploy job may write to Pages
    assert flow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert flow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    steps = flow["jobs"]["build"]["steps"]
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert uses == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    ]
    run = " ".join(s.get("run", "") for s in steps)
    assert "pip install -r requirements.txt" in run
    assert 'python build.py --no-cache --base-url "$BASE_URL/"' in run
    build = next(s for s in steps if s.get("name") == "Build")
    assert build["env"] == {"BASE_URL": "${{ steps.pages.outputs.base_url }}"}
    assert steps[0]["with"]["persist-credentials"] is False
    assert next(s for s in steps if "upload-pages-artifact" in s.get("uses", ""))["with"]["path"] == "output"
    assert flow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_pages_workflow_zizmor_audit():
    """zizmor (pinned in requirements-dev.txt) finds nothing in the workflow but actions pinned by tag, not by hash."""
    from conftest import REPO

    exe = shutil.which("zizmor")
    if exe is None:
        pytest.skip("zizmor is not installed (pip install -r requirements-dev.txt)")
    workflow = REPO / ".github" / "workflows" / "pages.yml"
    proc = subprocess.run(
        [exe, "--offline", "--format", "json", str(workflow)], capture_output=True, text=True, check=False
    )
    findings = json.loads(proc.stdout)
    assert {f["ident"] for f in findings} <= {"unpinned-uses"}, proc.stdout
