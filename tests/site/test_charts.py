"""The build-time SVG charts: well-formed, accessible (role, title, description, per-bar titles), honest counts."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from litsite.site import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> etree._Element:
    return etree.fromstring(str(markup).encode("utf-8"))


def test_year_histogram_is_accessible_and_counts_every_year():
    svg = parse(charts.year_histogram([2011, 2011, 2014, None], chart_id="y"))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "y-title y-desc"
    assert svg.find(f"{SVG}title").get("id") == "y-title"
    desc = svg.find(f"{SVG}desc")
    assert desc.get("id") == "y-desc"
    assert desc.text == "4 works from 2011 to 2014; the most, 2, in 2011; 1 undated."
    bars = svg.findall(f"{SVG}rect")
    assert [b.find(f"{SVG}title").text for b in bars] == [
        "2011: 2 works",
        "2012: 0 works",
        "2013: 0 works",
        "2014: 1 work",
    ]
    heights = [float(b.get("height")) for b in bars]
    assert heights[0] == 2 * heights[3] and heights[1] == 0


def test_year_histogram_without_dates():
    svg = parse(charts.year_histogram([None, None]))
    assert svg.find(f"{SVG}desc").text == "No dated works among 2."
    assert svg.findall(f"{SVG}rect") == []


def test_type_breakdown_escapes_labels():
    svg = parse(charts.type_breakdown([("Journal <article>", 3), ("Book", 1)], chart_id="t"))
    assert svg.get("aria-labelledby") == "t-title t-desc"
    assert svg.find(f"{SVG}desc").text == "Journal <article>: 3; Book: 1 (of 4 works)."
    widths = [float(r.get("width")) for r in svg.findall(f"{SVG}rect")]
    assert abs(widths[0] - 3 * widths[1]) < 0.5


def test_references_page_has_both_charts_and_data_tables(example_site: Path):
    html = (example_site / "references" / "index.html").read_text(encoding="utf-8")
    assert html.count('role="img"') == 2
    assert 'aria-labelledby="chart-years-title chart-years-desc"' in html
    assert 'aria-labelledby="chart-types-title chart-types-desc"' in html
    assert "<td>Journal article</td><td>35</td>" in html
    assert "<td>Book chapter</td><td>1</td>" in html
