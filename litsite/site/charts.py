"""Accessible inline SVG charts drawn at build time: references by year, references by type."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

WIDTH = 640


MAX_BARS = 120  # a wider span of years is shown in periods of 5, 10, 25, 50, 100, ... years


def bin_width(lo: int, hi: int) -> int:
    """Years per bar, so that the span lo..hi needs at most MAX_BARS bars (1 for most reviews)."""
    for width in (1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000):
        if hi // width - lo // width < MAX_BARS:
            return width
    return 10000


def year_counts(years: Iterable[int | None]) -> tuple[list[tuple[int, int]], int, int]:
    """Counts per year (or per period, when the span is wide) over the whole span, zeros included; the number of
    undated works; and the years per bar. The work is bounded by MAX_BARS, whatever the years."""
    years = list(years)
    dated = [y for y in years if y is not None]
    undated = len(years) - len(dated)
    if not dated:
        return [], undated, 1
    width = bin_width(min(dated), max(dated))
    counts = Counter(y // width * width for y in dated)
    lo, hi = min(counts), max(counts)
    return [(y, counts.get(y, 0)) for y in range(lo, hi + 1, width)], undated, width


def _period(year: int, width: int) -> str:
    return str(year) if width == 1 else f"{year}–{year + width - 1}"


def _nice_max(n: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if n <= step * 5:
            return -(-n // step) * step
    return n


def _ticks(top: int) -> list[int]:
    step = max(1, top // 5) if top >= 5 else 1
    return list(range(0, top + 1, step))


def year_histogram(years: Iterable[int | None], chart_id: str = "chart-years") -> Markup:
    """A bar chart of works per year as inline SVG, with a title, a description and a title per bar."""
    counts, undated, width = year_counts(years)
    total = sum(n for _, n in counts) + undated
    if not counts:
        desc = f"No dated works among {total}."
    else:
        peak_year, peak = max(counts, key=lambda c: (c[1], -c[0]))
        last = counts[-1][0] + width - 1
        desc = f"{total} works from {counts[0][0]} to {last}; the most, {peak}, in {_period(peak_year, width)}" + (
            f"; {undated} undated." if undated else "."
        )
    left, right, top, bottom, height = 40, 10, 10, 40, 220
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    ymax = _nice_max(max((n for _, n in counts), default=1) or 1)
    parts = [
        f'<svg class="chart chart-years" id="{chart_id}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">Works by year of publication</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    for t in _ticks(ymax):
        y = top + plot_h - plot_h * t / ymax
        parts.append(f'<line class="grid" x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{t}</text>')
    n = max(len(counts), 1)
    slot = plot_w / n
    label_every = max(1, -(-n // 12))
    for i, (year, count) in enumerate(counts):
        x = left + i * slot
        h = plot_h * count / ymax
        label = f"{_period(year, width)}: {count} work{'s' if count != 1 else ''}"
        parts.append(
            f'<rect class="bar" x="{x + slot * 0.1:.1f}" y="{top + plot_h - h:.1f}" '
            f'width="{slot * 0.8:.1f}" height="{h:.1f}"><title>{label}</title></rect>'
        )
        if i % label_every == 0 or i == n - 1:
            parts.append(
                f'<text class="tick" x="{x + slot / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{year}</text>'
            )
    parts.append(f'<line class="axis" x1="{left}" x2="{WIDTH - right}" y1="{top + plot_h}" y2="{top + plot_h}"/>')
    parts.append(f'<text class="label" x="{left + plot_w / 2:.1f}" y="{height - 4}" text-anchor="middle">Year</text>')
    parts.append("</svg>")
    return Markup("\n".join(parts))  # every interpolated text is a number or escaped


def type_breakdown(counts: Sequence[tuple[str, int]], chart_id: str = "chart-types") -> Markup:
    """A horizontal bar chart of works per type as inline SVG, with a title, description and bar titles."""
    total = sum(n for _, n in counts)
    desc = "; ".join(f"{label}: {n}" for label, n in counts) + f" (of {total} works)."
    row, label_w, count_w = 28, 170, 40
    height = row * max(len(counts), 1) + 10
    plot_w = WIDTH - label_w - count_w
    peak = max((n for _, n in counts), default=1) or 1
    parts = [
        f'<svg class="chart chart-types" id="{chart_id}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">Works by type</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    for i, (label, n) in enumerate(counts):
        y = 5 + i * row
        w = plot_w * n / peak
        parts.append(
            f'<text class="tick" x="{label_w - 8}" y="{y + row / 2 + 4:.1f}" text-anchor="end">{escape(label)}</text>'
        )
        parts.append(
            f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row - 8}">'
            f"<title>{escape(label)}: {n}</title></rect>"
        )
        parts.append(f'<text class="tick" x="{label_w + w + 6:.1f}" y="{y + row / 2 + 4:.1f}">{n}</text>')
    parts.append("</svg>")
    return Markup("\n".join(parts))  # labels escaped, the rest numbers
