"""The built site in real headless Chromium: axe-core WCAG 2.1 AA, search, filters, sort, the style switcher,
no console errors and no off-site requests. Served over HTTP under a sub-path (/repo/), as on GitHub Pages."""

from __future__ import annotations

import json
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
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[bk.Server, Path]]:
    """The example site, plus two citations in the abstract, built once and served at /repo/."""
    project = tmp_path_factory.mktemp("project")
    for name in ("site.yaml", "content", "templates"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, project / name)
    study = project / "content" / "study.md"
    study.write_text(
        study.read_text(encoding="utf-8").rstrip() + " Peer roles are growing [@berry2011; @gillard2013].\n",
        encoding="utf-8",
    )
    www = tmp_path_factory.mktemp("www")
    server = bk.Server(www)
    out = build_site(project, www / "repo", base_url=f"{server.origin}/repo/")
    yield server, out
    server.close()


def visit(driver: Any, site: tuple[bk.Server, Path], path: str) -> None:
    bk.load(driver, f"{site[0].origin}/repo/{path}")


def wait_search(driver: Any) -> None:
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!window.litsiteSearch"))


def visible_ids(driver: Any) -> list[str]:
    return driver.execute_script(
        "const r = document.getElementById('ref-results');"
        "const list = r && !r.hidden ? r : document.getElementById('ref-list');"
        "return Array.from(list.children).filter(li => !li.hidden).map(li => li.dataset.refId)"
    )


def check_clean(driver: Any, site: tuple[bk.Server, Path]) -> None:
    server, _ = site
    assert bk.console_errors(driver) == []
    urls = [u for u in bk.requested_urls(driver) if not u.startswith(("chrome:", "data:", "about:"))]
    assert urls, "the page made no requests at all?"
    assert [u for u in urls if not u.startswith(f"{server.origin}/repo/")] == []


@pytest.mark.parametrize(
    "path",
    [
        "",
        "references/",
        "references/gillard2013/",
        "authors/gillard-s/",
        "references/walker2013/",  # with the reviewer's note
        "themes/",
        "themes/positive-risk/",
    ],
)
def test_axe_finds_no_wcag_aa_violations(driver: Any, site: tuple[bk.Server, Path], path: str):
    visit(driver, site, path)
    if path == "references/":
        wait_search(driver)
    assert bk.run_axe(driver) == []
    check_clean(driver, site)


def test_search_narrows_the_list(driver: Any, site: tuple[bk.Server, Path]):
    visit(driver, site, "references/")
    wait_search(driver)
    box = driver.find_element(By.CSS_SELECTOR, "input[type=search]#q")
    assert len(visible_ids(driver)) == 49
    box.send_keys("gillard")
    gillard = visible_ids(driver)
    assert 0 < len(gillard) < 49
    assert bk.run_axe(driver) == []  # also with the results list in place of the full one
    items = {r["id"]: r for r in json.loads((site[1] / "references.json").read_text(encoding="utf-8"))}
    assert all(any(a.get("family") == "Gillard" for a in items[i].get("author", [])) for i in gillard)
    box.send_keys(" peer work")  # every word must match, as a prefix
    narrower = visible_ids(driver)
    assert 0 < len(narrower) < len(gillard)
    assert f"{len(narrower)} of 49 references match" in driver.find_element(By.ID, "ref-status").text
    box.clear()
    box.send_keys("zzzznothing")
    assert visible_ids(driver) == []
    box.clear()
    driver.execute_script("document.getElementById('q').dispatchEvent(new Event('input', {bubbles: true}))")
    assert len(visible_ids(driver)) == 49
    check_clean(driver, site)


def test_filters_and_sort(driver: Any, site: tuple[bk.Server, Path]):
    visit(driver, site, "references/")
    wait_search(driver)
    items = {r["id"]: r for r in json.loads((site[1] / "references.json").read_text(encoding="utf-8"))}
    year = {k: v["issued"]["date-parts"][0][0] for k, v in items.items()}
    Select(driver.find_element(By.ID, "type")).select_by_value("Book")
    assert {items[i]["type"] for i in visible_ids(driver)} == {"book"}
    Select(driver.find_element(By.ID, "type")).select_by_value("")
    driver.find_element(By.ID, "year-from").send_keys("2012")
    driver.find_element(By.ID, "year-to").send_keys("2013")
    shown = visible_ids(driver)
    assert shown and sorted(shown) == sorted(k for k, y in year.items() if 2012 <= y <= 2013)
    driver.find_element(By.ID, "author").send_keys("repper")
    assert visible_ids(driver) == ["repper2013"]
    visit(driver, site, "references/")
    wait_search(driver)
    Select(driver.find_element(By.ID, "sort")).select_by_value("year-desc")
    order = visible_ids(driver)
    assert [year[i] for i in order] == sorted((year[i] for i in order), reverse=True)
    Select(driver.find_element(By.ID, "sort")).select_by_value("style")
    check_clean(driver, site)


def test_dois_in_entries_are_links(driver: Any, site: tuple[bk.Server, Path]):
    visit(driver, site, "")
    link = driver.find_element(By.CSS_SELECTOR, '[data-ref-id="gillard2014a"] a.doi')
    assert link.get_attribute("href") == "https://doi.org/10.3310/hsdr02190"
    assert link.text == "https://doi.org/10.3310/hsdr02190"
    check_clean(driver, site)


def test_results_come_a_page_at_a_time(driver: Any, site: tuple[bk.Server, Path]):
    visit(driver, site, "references/")
    wait_search(driver)
    driver.execute_script("window.litsiteSearch.setPageSize(10)")
    driver.find_element(By.ID, "q").send_keys("s")
    matches = int(driver.find_element(By.ID, "ref-status").text.split()[0])
    assert matches > 20
    assert len(visible_ids(driver)) == 10
    more = driver.find_element(By.CSS_SELECTOR, "button.show-more")
    assert more.is_displayed() and f"({matches - 10} not shown)" in more.text
    more.click()
    assert len(visible_ids(driver)) == 20
    assert len(set(visible_ids(driver))) == 20
    check_clean(driver, site)


def test_copy_buttons(driver: Any, site: tuple[bk.Server, Path]):
    visit(driver, site, "references/gillard2013/")
    button = driver.find_element(By.CSS_SELECTOR, "button.copy[data-copy='export-bib']")
    assert button.is_displayed()
    button.click()
    WebDriverWait(driver, 5).until(lambda d: "copied" in d.find_element(By.CLASS_NAME, "copy-status").text)
    bib = driver.execute_script("return document.getElementById('export-bib').textContent")
    assert bib.startswith("@article{gillard2013,")
    check_clean(driver, site)


def entry_text(driver: Any, ref_id: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, f'[data-ref-id="{ref_id}"]').text


def test_style_switcher_rerenders_and_persists(driver: Any, site: tuple[bk.Server, Path]):
    _, out = site
    vancouver = json.loads((out / "data" / "styles" / "vancouver-nlm.json").read_text(encoding="utf-8"))
    visit(driver, site, "")
    driver.execute_script("localStorage.clear()")
    visit(driver, site, "")
    citation = driver.find_element(By.CSS_SELECTOR, ".citation[data-cluster='0']")
    apa_citation = citation.text
    assert "Berry" in apa_citation
    apa_entry = entry_text(driver, "berry2011")
    select = Select(driver.find_element(By.CSS_SELECTOR, "select[name=style]"))
    select.select_by_value("vancouver-nlm")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-style") == "vancouver-nlm"
    )
    assert citation.text != apa_citation and citation.text == vancouver["citations"][0].strip()
    assert entry_text(driver, "berry2011") != apa_entry
    assert entry_text(driver, "berry2011").startswith("1.")  # numbered in citation order
    first = driver.execute_script("return document.querySelector('ol.bibliography > li').dataset.refId")
    assert first == vancouver["order"][0]
    # every entry on the page is now the Vancouver one
    html = driver.execute_script(
        "return Object.fromEntries(Array.from(document.querySelectorAll('ol.bibliography > li'))"
        ".map(li => [li.dataset.refId, li.innerHTML]))"
    )
    assert len(html) == 49
    assert all(h.startswith(vancouver["entries"][i] + ' <a class="more"') for i, h in html.items())
    check_clean(driver, site)
    # the choice persists to another page
    visit(driver, site, "references/gillard2013/")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-style") == "vancouver-nlm"
    )
    assert (
        Select(driver.find_element(By.ID, "style-select")).first_selected_option.get_attribute("value")
        == "vancouver-nlm"
    )
    assert "Gillard S, Edwards C" in entry_text(driver, "gillard2013")
    check_clean(driver, site)
    driver.execute_script("localStorage.clear()")


def test_without_javascript_the_default_style_shows(site: tuple[bk.Server, Path]):
    html = (site[1] / "references" / "index.html").read_text(encoding="utf-8")
    assert '<div class="style-switcher" hidden>' in html
    assert 'id="ref-controls"' in html and "hidden>" in html.split('id="ref-controls"')[1].split("\n")[0]
    assert "Berry, C., Hayward, M., &amp; Chandler, R. (2011)" in html
