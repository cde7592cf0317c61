"""Layout in real headless Chromium at desktop (1280 px) and phone (390 px) widths, and in print (issue 17):
numbered styles' entries (the number and the first line of its entry share a line with a visible gap, every line of
the entry to the right of the numbers' column) in the study's list, the references index, a reference page and after
switching styles; the style menu shows its names whole; the key to cite copies."""

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

WIDTHS = {"desktop": 1280, "phone": 390}
FULL_NAMES = "styles: [apa, vancouver-nlm, chicago-author-date, modern-language-association]\n"
OTHER_NUMBERED = ("ieee", "nature", "american-medical-association")  # "[1]" and "1." in styles of their own


def make_project(root: Path, style: str, styles: str | None = None) -> Path:
    for name in ("site.yaml", "content", "templates"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    config = root / "site.yaml"
    text = config.read_text(encoding="utf-8").replace("style: apa", f"style: {style}")
    if styles:  # the styles: block replaced (it is the last setting but locale)
        text = text.split("styles:")[0] + styles + "locale: en-US\n"
    config.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[bk.Server]:
    """Served under /vancouver/ (Vancouver the default), /apa/ (the example as it is) and /full/ (no labels)."""
    www = tmp_path_factory.mktemp("www")
    srv = bk.Server(www)
    sites = (("vancouver", "vancouver-nlm", None), ("apa", "apa", None), ("full", "apa", FULL_NAMES))
    sites += tuple((name, name, f"styles: [{name}]\n") for name in OTHER_NUMBERED)
    for name, style, styles in sites:
        project = make_project(tmp_path_factory.mktemp(name), style, styles)
        build_site(project, www / name, base_url=f"{srv.origin}/{name}/")
    yield srv
    srv.close()


def visit(driver: Any, server: bk.Server, path: str, width: int = 1280, media: str = "") -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
    bk.load(driver, f"{server.origin}/{path}")


# For each entry under the selector: the box of the number's text, of the first character of the entry after it and
# the left edge of every line of the entry (with a margin column, the entry's lines all start right of it).
MEASURE = """
const out = [];
for (const el of document.querySelectorAll(arguments[0])) {
  if (el.closest('[hidden]') || !el.getClientRects().length) continue;
  const lm = el.querySelector('.csl-left-margin'), ri = el.querySelector('.csl-right-inline');
  if (!lm || !ri) { out.push({missing: el.outerHTML.slice(0, 120)}); continue; }
  const num = document.createRange(); num.selectNodeContents(lm);
  const walker = document.createTreeWalker(ri, NodeFilter.SHOW_TEXT);
  let t = walker.nextNode();
  while (t && !t.nodeValue.trim()) t = walker.nextNode();
  const first = document.createRange(), i = t.nodeValue.search(/\\S/);
  first.setStart(t, i); first.setEnd(t, i + 1);
  const n = num.getBoundingClientRect(), f = first.getBoundingClientRect();
  const lines = Array.from(ri.getClientRects()).map(r => r.left);
  const text = document.createRange(); text.selectNodeContents(ri);
  const textLines = Array.from(text.getClientRects()).map(r => r.left);
  out.push({id: el.dataset.refId || '', num: [n.left, n.right, n.top, n.bottom], first: [f.left, f.top, f.bottom],
            lines: lines.concat(textLines), font: parseFloat(getComputedStyle(ri).fontSize),
            viewport: document.documentElement.clientWidth});
}
return out;
"""


def check_entries(driver: Any, selector: str, count: int) -> None:
    """Every entry under selector: number and first line on one line, a visible gap, a hanging column."""
    found = driver.execute_script(MEASURE, selector)
    assert len(found) == count, (selector, len(found))
    lefts, rights = set(), set()
    for e in found:
        assert "missing" not in e, e
        (n_left, n_right, n_top, n_bottom), (f_left, f_top, f_bottom) = e["num"], e["first"]
        assert abs(n_top - f_top) < 2 and abs(n_bottom - f_bottom) < 2, ("not on one line", e)
        gap = f_left - n_right
        assert 0.4 * e["font"] <= gap <= 2 * e["font"], ("no visible gap, or a gulf", gap, e)
        assert min(e["lines"]) >= f_left - 1, ("a line of the entry runs under the number", e)
        assert n_left >= 0 and f_left < e["viewport"], e
        lefts.add(round(f_left))
        rights.add(round(n_right))
    # a column: the numbers end, and the entries start, at the same x in a list
    if count > 1:
        assert max(lefts) - min(lefts) <= 1 and max(rights) - min(rights) <= 1, (lefts, rights)


@pytest.mark.parametrize("media", ["", "print"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_numbered_entries_in_a_column_with_a_gap(driver: Any, server: bk.Server, width: int, media: str):
    visit(driver, server, "vancouver/", width, media)
    check_entries(driver, "ol.bibliography > li", 49)
    visit(driver, server, "vancouver/references/", width, media)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!window.litsiteSearch"))
    check_entries(driver, "#ref-list > li", 49)
    if not media:  # the search's results are copies of the entries (the search form is not printed)
        driver.find_element(By.ID, "q").send_keys("gillard")
        check_entries(driver, "#ref-results > li", len(driver.find_elements(By.CSS_SELECTOR, "#ref-results > li")))
    visit(driver, server, "vancouver/references/gillard2013/", width, media)
    check_entries(driver, "main > .csl-entry", 1)
    if not media:  # "In each style" is not printed
        check_entries(driver, ".other-styles dd:has(.csl-left-margin)", 1)
    check_entries(driver, "ol.bibliography > li", len(driver.find_elements(By.CSS_SELECTOR, "ol.bibliography > li")))
    assert bk.console_errors(driver) == []


@pytest.mark.parametrize("style", OTHER_NUMBERED)
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_other_numbered_styles_in_a_column(driver: Any, server: bk.Server, width: int, style: str):
    visit(driver, server, f"{style}/references/", width)
    check_entries(driver, "#ref-list > li", 49)
    visit(driver, server, f"{style}/references/gillard2013/", width)
    check_entries(driver, "main > .csl-entry", 1)
    assert bk.console_errors(driver) == []


def wait_style(driver: Any, name: str) -> None:
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.body.dataset.style") == name)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_numbered_entries_after_switching_styles(driver: Any, server: bk.Server, width: int):
    for path, selector in (("", "ol.bibliography > li"), ("references/", "#ref-list > li")):
        visit(driver, server, f"apa/{path}", width)
        driver.execute_script("localStorage.clear()")
        visit(driver, server, f"apa/{path}", width)
        Select(driver.find_element(By.ID, "style-select")).select_by_value("vancouver-nlm")
        wait_style(driver, "vancouver-nlm")
        assert "lm-3" in driver.find_element(By.TAG_NAME, "body").get_attribute("class")
        check_entries(driver, selector, 49)
    visit(driver, server, "apa/references/gillard2013/", width)  # the choice persists: already Vancouver
    wait_style(driver, "vancouver-nlm")
    check_entries(driver, "main > .csl-entry", 1)
    # and back: author-date entries have no column, and the hanging indent of their own
    Select(driver.find_element(By.ID, "style-select")).select_by_value("apa")
    wait_style(driver, "apa")
    assert driver.find_elements(By.CSS_SELECTOR, ".csl-entry .csl-left-margin") == []
    assert "lm-" not in (driver.find_element(By.TAG_NAME, "body").get_attribute("class") or "")
    driver.execute_script("localStorage.clear()")
    assert bk.console_errors(driver) == []


# The closed menu's width against the width it takes to show its widest name whole (its max-content width).
MENU = """
const select = document.getElementById('style-select');
const has = select.getBoundingClientRect();
select.style.width = 'max-content';
select.style.maxWidth = 'none';
const needs = select.getBoundingClientRect().width;
select.style.width = select.style.maxWidth = '';
return {has: has.width, needs: needs, right: has.right, viewport: document.documentElement.clientWidth,
        names: Array.from(select.options).map(o => o.text)};
"""


@pytest.mark.parametrize(("site", "width"), [("full", 1280), ("apa", 1280), ("apa", 390)])
def test_style_menu_shows_names_whole(driver: Any, server: bk.Server, site: str, width: int):
    visit(driver, server, f"{site}/", width)
    menu = driver.execute_script(MENU)
    assert len(menu["names"]) == 4
    if site == "full":  # the titles themselves, the longest 50 characters
        assert "Chicago Manual of Style 18th edition (author-date)" in menu["names"]
    assert menu["has"] >= menu["needs"] - 0.5, menu
    assert menu["right"] <= menu["viewport"], "the menu runs off the page"


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_key_to_cite_is_shown_and_copies(driver: Any, server: bk.Server, width: int):
    visit(driver, server, "apa/references/gillard2013/", width)
    key = driver.find_element(By.ID, "cite-key")
    assert key.is_displayed() and key.text == "[@gillard2013]"
    button = driver.find_element(By.CSS_SELECTOR, "button.copy[data-copy='cite-key']")
    assert button.is_displayed() and button.text == "Copy citation key"
    button.click()
    WebDriverWait(driver, 5).until(lambda d: "citation key copied" in d.find_element(By.CLASS_NAME, "copy-status").text)
    assert bk.run_axe(driver) == []
    assert bk.console_errors(driver) == []
