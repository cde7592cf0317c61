"""A study with its full text (a JATS record with a body, imported) in real headless Chromium: the table of contents
lands on its sections, the style switcher re-renders every citation inside the text (and in a page's footnotes and
tables), axe-core finds no WCAG 2.1 AA violation. Served over HTTP under a sub-path (/repo/)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import browserkit as bk
import pytest
from conftest import REPO, run_cli

from litsite.pipeline import build_site

PLOS = REPO / "tests" / "data" / "records" / "jats" / "plos-ntd-jats" / "pntd.0002065.nxml"
PAGE = """---
title: Reading notes
---
## Why

A page may cite too.[^1]

## What

| Work | Why |
|---|---|
| [@who2007] | the outbreak report |

## Where

See @archer2011 [p. 3].

[^1]: As in a note [@pepin2010, p. 2; @who2010].
"""

if bk.missing():
    pytest.skip(bk.missing() or "", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402 - only once we know selenium is there
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[bk.Server, Path]]:
    """The PLOS record imported with its body into a project with the example's styles, plus a page with footnotes
    and a table, built once and served at /repo/."""
    project = tmp_path_factory.mktemp("project")
    shutil.copy(REPO / "site.yaml", project / "site.yaml")
    shutil.copytree(REPO / "templates", project / "templates")
    imported = run_cli("import", str(PLOS), "--content", str(project / "content"))
    assert imported.status == 0, imported.err
    (project / "content" / "pages").mkdir()
    (project / "content" / "pages" / "notes.md").write_text(PAGE, encoding="utf-8")
    www = tmp_path_factory.mktemp("www")
    server = bk.Server(www)
    out = build_site(project, www / "repo", base_url=f"{server.origin}/repo/")
    yield server, out
    server.close()


def visit(driver: Any, site: tuple[bk.Server, Path], path: str) -> None:
    bk.load(driver, f"{site[0].origin}/repo/{path}")


def citations(driver: Any, scope: str) -> list[tuple[int, str]]:
    """(cluster index, inner HTML of its link) of every citation inside scope."""
    return [
        (int(i), html)
        for i, html in driver.execute_script(
            f"return Array.from(document.querySelectorAll('{scope} .citation[data-cluster]'))"
            ".map(c => [c.dataset.cluster, c.querySelector('a').innerHTML])"
        )
    ]


def switch(driver: Any, style: str) -> None:
    Select(driver.find_element(By.CSS_SELECTOR, "select[name=style]")).select_by_value(style)
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-style") == style)


@pytest.mark.parametrize("path", ["", "notes/"])
def test_axe_finds_no_violations_in_a_full_text(driver: Any, site: tuple[bk.Server, Path], path: str):
    visit(driver, site, path)
    assert driver.find_elements(By.CSS_SELECTOR, "nav.toc a")
    assert bk.run_axe(driver) == []
    assert bk.console_errors(driver) == []


def test_toc_links_land_on_their_sections(driver: Any, site: tuple[bk.Server, Path]):
    visit(driver, site, "")
    links = driver.find_elements(By.CSS_SELECTOR, "nav.toc a")
    targets = [a.get_attribute("href").split("#", 1)[1] for a in links]
    assert len(targets) > 8 and len(set(targets)) == len(targets)
    nested = driver.find_elements(By.CSS_SELECTOR, "nav.toc ol ol a")
    for link in (links[1], nested[0], links[-1]):  # a section, a sub-section, the last section
        target = link.get_attribute("href").split("#", 1)[1]
        link.click()
        WebDriverWait(driver, 5).until(lambda d, t=target: d.execute_script("return location.hash") == f"#{t}")
        top, tag, text = driver.execute_script(
            "const h = document.getElementById(arguments[0]);"
            "return [h.getBoundingClientRect().top, h.tagName, h.textContent]",
            target,
        )
        assert tag in ("H2", "H3") and text == link.text
        assert abs(top) < 2  # scrolled to the heading (the reference list below leaves room to scroll)
        driver.execute_script("window.scrollTo(0, 0)")


def test_the_switcher_rerenders_citations_in_the_full_text(driver: Any, site: tuple[bk.Server, Path]):
    _, out = site
    styles = {
        name: json.loads((out / "data" / "styles" / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("apa", "vancouver-nlm")
    }
    visit(driver, site, "")
    driver.execute_script("localStorage.clear()")
    visit(driver, site, "")
    before = citations(driver, ".full-text")
    assert len(before) > 20
    assert all(html == styles["apa"]["citations"][i] for i, html in before)  # as built: the default style
    switch(driver, "vancouver-nlm")
    after = citations(driver, ".full-text")
    assert [i for i, _ in after] == [i for i, _ in before]
    assert all(html == styles["vancouver-nlm"]["citations"][i] for i, html in after)
    assert sum(a != b for (_, a), (_, b) in zip(before, after, strict=True)) > 20
    # a page's citations in running text, a table and a footnote follow the same choice
    visit(driver, site, "notes/")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-style") == "vancouver-nlm"
    )
    notes = citations(driver, "article")
    assert len(notes) == 3 and driver.find_elements(By.CSS_SELECTOR, "table .citation, .footnote .citation")
    assert all(html == styles["vancouver-nlm"]["citations"][i] for i, html in notes)
    assert bk.console_errors(driver) == []
    driver.execute_script("localStorage.clear()")
