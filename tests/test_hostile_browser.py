"""Hostile data in real headless Chromium: a reference whose URL is `javascript:` or `data:` has no such link — not in
the page as built, not after the style switcher re-renders its entries — and nothing from it runs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import browserkit as bk
import pytest
from hostilekit import small_project

from litsite.pipeline import build_site

if bk.missing():
    pytest.skip(bk.missing() or "", allow_module_level=True)

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

URLS = {
    "js1": "javascript:window.__pwned=1",
    "js2": "  JaVaScRiPt:window.__pwned=2",
    "data1": "data:text/html,<script>parent.__pwned=3</script>",
    "dox1": "https://example.org/ok",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[bk.Server, Path]]:
    refs = "".join(
        f"- id: {ref_id}\n  type: webpage\n  title: Page {ref_id}\n  URL: {json.dumps(url)}\n"
        f"  DOI: {json.dumps('javascript:window.__pwned=4' if ref_id == 'js1' else '10.1000/' + ref_id)}\n"
        f"  PMCID: '../../evil'\n  x-links: [PubMedCentral, CrossRef]\n"
        for ref_id, url in URLS.items()
    )
    project = small_project(tmp_path_factory.mktemp("project") / "p", refs)
    www = tmp_path_factory.mktemp("www")
    server = bk.Server(www)
    out = build_site(project, www / "repo", base_url=f"{server.origin}/repo/")
    yield server, out
    server.close()


HREFS = "return Array.from(document.querySelectorAll('[href], [src]')).map(e => e.href || e.src)"


def unsafe(hrefs: list[str]) -> list[str]:
    return [h for h in hrefs if not h.lower().startswith(("http://", "https://"))]


@pytest.mark.parametrize("ref_id", list(URLS))
def test_reference_pages_link_no_script_urls(driver: Any, site: tuple[bk.Server, Path], ref_id: str):
    server, _ = site
    driver.get(f"{server.origin}/repo/references/{ref_id}/")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    hrefs = driver.execute_script(HREFS)
    assert hrefs and unsafe(hrefs) == []  # resolved by the browser: relative links became http URLs
    assert not [h for h in hrefs if "evil" in h]
    # Follow every link the page has to the same origin or to the web: none runs anything here.
    for link in driver.find_elements(By.CSS_SELECTOR, ".links a"):
        assert link.get_attribute("href").startswith("https://")
    assert driver.execute_script("return window.__pwned") is None
    if ref_id == "dox1":
        assert driver.find_element(By.LINK_TEXT, "Web page").get_attribute("href") == URLS["dox1"]


def test_switching_styles_adds_no_script_links(driver: Any, site: tuple[bk.Server, Path]):
    server, _ = site
    driver.get(f"{server.origin}/repo/references/")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    select = Select(driver.find_element(By.ID, "style-select"))
    before = driver.execute_script("return document.querySelector('[data-ref-id]').innerHTML")
    select.select_by_index(1)
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.querySelector('[data-ref-id]').innerHTML") != before
    )
    assert unsafe(driver.execute_script(HREFS)) == []
    assert driver.execute_script("return window.__pwned") is None
