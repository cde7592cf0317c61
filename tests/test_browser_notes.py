"""The reviewer's notes and themes in real headless Chromium: the style switcher re-renders the citations inside a
note and on a theme page; the references index filters by theme (also from a theme page's link) and its search
finds a note's words. Served over HTTP under a sub-path (/repo/), as on GitHub Pages."""

from __future__ import annotations

import json
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
    """The example site (with its notes and two themes), built once and served at /repo/."""
    www = tmp_path_factory.mktemp("www")
    server = bk.Server(www)
    out = build_site(REPO, www / "repo", base_url=f"{server.origin}/repo/")
    yield server, out
    server.close()


def visit(driver: Any, site: tuple[bk.Server, Path], path: str) -> None:
    bk.load(driver, f"{site[0].origin}/repo/{path}")


def check_clean(driver: Any) -> None:
    assert bk.console_errors(driver) == []


def citations(driver: Any, selector: str) -> dict[int, str]:
    """The text of each citation inside selector, by cluster number."""
    return driver.execute_script(
        f"return Object.fromEntries(Array.from(document.querySelectorAll({json.dumps(selector)} + ' .citation'))"
        ".map(el => [el.dataset.cluster, el.textContent]))"
    )


def switch(driver: Any, name: str) -> None:
    Select(driver.find_element(By.CSS_SELECTOR, "select[name=style]")).select_by_value(name)
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-style") == name)


@pytest.mark.parametrize(
    ("path", "where"), [("references/repper2011/", ".note-text"), ("themes/positive-risk/", ".note")]
)
def test_style_switch_rerenders_citations_in_notes_and_themes(
    driver: Any, site: tuple[bk.Server, Path], path: str, where: str
):
    _, out = site
    styles = {
        n: json.loads((out / "data" / "styles" / f"{n}.json").read_text("utf-8")) for n in ("apa", "vancouver-nlm")
    }
    visit(driver, site, path)
    driver.execute_script("localStorage.clear()")
    visit(driver, site, path)
    before = citations(driver, where)
    assert before, "the note or commentary has citations"
    assert {int(i): t for i, t in before.items()} == {
        int(i): bk_text(styles["apa"]["citations"][int(i)]) for i in before
    }
    switch(driver, "vancouver-nlm")
    after = {int(i): t for i, t in citations(driver, where).items()}
    assert after == {int(i): bk_text(styles["vancouver-nlm"]["citations"][int(i)]) for i in before}
    assert after != {int(i): t for i, t in before.items()}
    assert all(any(c.isdigit() for c in t) for t in after.values())  # numbered: each cites its entry's number
    if path.startswith("themes/"):  # the theme's works are re-rendered too
        entries = driver.execute_script(
            "return Array.from(document.querySelectorAll('ol.bibliography > li')).map(li => li.dataset.refId)"
        )
        assert entries == [i for i in styles["vancouver-nlm"]["order"] if i in entries]
        text = driver.find_element(By.CSS_SELECTOR, '[data-ref-id="robertson2011"]').text
        assert text.startswith(f"{styles['vancouver-nlm']['order'].index('robertson2011') + 1}.")
    check_clean(driver)
    driver.execute_script("localStorage.clear()")


def bk_text(html: str) -> str:
    """The text a browser shows of an HTML fragment (tags dropped, the few entities the styles write decoded)."""
    import html as _html
    import re

    return _html.unescape(re.sub(r"<[^>]+>", "", html)).strip()


def visible_ids(driver: Any) -> list[str]:
    return driver.execute_script(
        "const r = document.getElementById('ref-results');"
        "const list = r && !r.hidden ? r : document.getElementById('ref-list');"
        "return Array.from(list.children).map(li => li.dataset.refId)"
    )


def wait_search(driver: Any) -> None:
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!window.litsiteSearch"))


def test_the_index_filters_by_theme_and_searches_notes(driver: Any, site: tuple[bk.Server, Path]):
    visit(driver, site, "references/")
    wait_search(driver)
    marked = driver.execute_script(
        "return Array.from(document.querySelectorAll('#ref-list a.note-mark')).map(a => a.closest('li').dataset.refId)"
    )
    assert sorted(marked) == ["clifford2011", "repper2011", "robertson2011", "walker2013"]
    theme = Select(driver.find_element(By.ID, "theme"))
    theme.select_by_value("positive-risk")
    assert sorted(visible_ids(driver)) == ["clifford2011", "robertson2011"]
    assert driver.find_element(By.ID, "ref-status").text.startswith("2 of 49")
    theme.select_by_value("*")
    assert sorted(visible_ids(driver)) == sorted(marked)
    theme.select_by_value("")
    driver.find_element(By.ID, "q").send_keys("metasynthesis")  # in walker2013's title and its note
    assert visible_ids(driver) == ["walker2013"]
    driver.find_element(By.ID, "q").clear()
    driver.find_element(By.ID, "q").send_keys("bibliographic record")  # only in clifford2011's note
    assert visible_ids(driver) == ["clifford2011"]
    check_clean(driver)
    # a theme page links to the index filtered by it
    visit(driver, site, "themes/reviews-of-peer-support/")
    driver.find_element(By.LINK_TEXT, "filter the references by it").click()
    wait_search(driver)
    assert Select(driver.find_element(By.ID, "theme")).first_selected_option.get_attribute("value") == (
        "reviews-of-peer-support"
    )
    assert sorted(visible_ids(driver)) == ["repper2011", "walker2013"]
    check_clean(driver)
