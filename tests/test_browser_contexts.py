"""Where each work is cited, in real headless Chromium: a context link lands on its citation (the element with that id
is the page's :target and in view), and the style switcher redraws the citations inside the contexts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import browserkit as bk
import pytest

from litsite.pipeline import build_site

REPO = Path(__file__).resolve().parents[1]

if bk.missing():
    pytest.skip(bk.missing() or "", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402 - only once we know selenium is there
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[bk.Server]:
    """The context fixture (tests/data/contexts), its study made long enough to scroll, served at /repo/."""
    project = tmp_path_factory.mktemp("project") / "p"
    shutil.copytree(REPO / "tests" / "data" / "contexts", project)
    shutil.copytree(REPO / "templates", project / "templates")
    study = project / "content" / "study.md"
    filler = "\n\n".join(f"Paragraph {i} of filler text without citations." for i in range(80))
    text = study.read_text(encoding="utf-8").replace("## Discussion\n", f"{filler}\n\n## Discussion\n")
    study.write_text(text, encoding="utf-8")
    www = tmp_path_factory.mktemp("www")
    server = bk.Server(www)
    build_site(project, www / "repo", base_url=f"{server.origin}/repo/")
    yield server
    server.close()


def visit(driver: Any, url: str) -> None:
    bk.load(driver, url)


@pytest.mark.parametrize(
    ("ref", "n", "anchor", "page"),
    [("jones2010", 1, "cite-jones2010-2", ""), ("jones2010", 3, "cite-jones2010-1", "notes/")],
)
def test_a_context_link_lands_on_the_citation(driver: Any, site: bk.Server, ref: str, n: int, anchor: str, page: str):
    visit(driver, f"{site.origin}/repo/references/{ref}/")
    driver.execute_script("localStorage.clear()")
    link = driver.find_elements(By.CSS_SELECTOR, "ol.places .context-where a")[n]
    link.click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url == f"{site.origin}/repo/{page}#{anchor}")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    state = driver.execute_script(
        "const t = document.querySelector(':target'); if (!t) return null;"
        "const r = t.getBoundingClientRect();"
        "return {id: t.id, cls: t.className, cites: t.dataset.cites, top: r.top, bottom: r.bottom,"
        " height: window.innerHeight, scrolled: window.scrollY}"
    )
    assert state is not None and state["id"] == anchor and state["cls"] == "citation"
    assert ref in state["cites"].split()
    assert state["top"] >= 0 and state["bottom"] <= state["height"]  # in view
    if not page:
        assert state["scrolled"] > 0  # the study is long: the browser scrolled to the citation
    assert bk.console_errors(driver) == []


def test_switching_the_style_redraws_the_citations_in_contexts(driver: Any, site: bk.Server):
    visit(driver, f"{site.origin}/repo/references/smith2001/")
    driver.execute_script("localStorage.clear()")
    visit(driver, f"{site.origin}/repo/references/smith2001/")
    mark = driver.find_element(By.CSS_SELECTOR, "ol.places mark.citation")
    assert mark.text == "(Smith, 2001)"
    Select(driver.find_element(By.ID, "style-select")).select_by_value("vancouver-nlm")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-style") == "vancouver-nlm"
    )
    assert mark.text != "(Smith, 2001)" and "Smith" not in mark.text  # a number in Vancouver
    # every citation of every context is now the Vancouver text of its cluster, as the style's data has it
    mismatched = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('../../data/styles/vancouver-nlm.json').then(r => r.json()).then(data => done("
        " Array.from(document.querySelectorAll('ol.places .citation[data-cluster]'))"
        " .filter(el => el.innerHTML !== data.citations[+el.dataset.cluster]).length))"
    )
    assert mismatched == 0 and len(driver.find_elements(By.CSS_SELECTOR, "ol.places span.citation")) == 1
    driver.execute_script("localStorage.clear()")
    assert bk.console_errors(driver) == []
