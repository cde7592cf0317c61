"""Self-check for parsed reference lines: re-render each item in the line's style and compare with the line."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from litsite.importers.reflines import ParsedReference, guess_style, repair_scrape

Renderer = Callable[[list[dict], str], list[str]]

# CSL variables the renderer should see; import extras (x-*) and our warnings are not CSL.
_DROP = ("x-links", "x-accessed", "x-source-line")


def _for_renderer(item: dict) -> dict:
    """The item as a CSL engine needs it: no import extras; Springer's run-together initials "PW" spelled "P. W."."""
    out = {k: v for k, v in item.items() if k not in _DROP}
    for role in ("author", "editor"):
        if role in out:
            out[role] = [_spaced_initials(n) for n in out[role]]
    return out


def _spaced_initials(name: dict) -> dict:
    """{"given": "PW"} -> {"given": "P. W."}; engines read "PW" as one initial."""
    given = name.get("given", "")
    if re.fullmatch(r"[A-Z](?:-?[A-Z])+", given):
        parts = re.findall(r"-?[A-Z]", given)
        return dict(name, given=" ".join(f"{p}." for p in parts).replace(" -", "-"))
    return name


def normalise_rendering(text: str) -> str:
    """Fold what differs between a page's print and an engine's output without changing the reference."""
    text = repair_scrape(unicodedata.normalize("NFC", text)).lower()
    text = re.sub(r"[‐‑‒–—―−]", "-", text)
    text = re.sub(r"[“”„\"‘’‚'`´]", "", text)
    # Year suffixes come from disambiguation against the whole list, which one item alone cannot reproduce.
    text = re.sub(r"\b(\d{4})[a-z]\b", r"\1", text)
    # Cut name lists print "et al." or an ellipsis; the parsed item only holds the printed names.
    text = re.sub(r",?\s*(?:…|\. \. \.)\s*", ", ", text)
    text = re.sub(r",?\s*et al\.?", "", text)
    # House styles differ in "&" before the last name, "S.E." vs "S. E." and "doi:" vs "https://doi.org/".
    text = re.sub(r",?\s&\s", ", ", text)
    text = re.sub(r"\b([a-z])\.\s(?=[a-z]\.)", r"\1.", text)
    text = re.sub(r"(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "doi ", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"(?:,\s*)+,", ",", text)
    return text.strip(" .")


def round_trip_mismatches(parsed: list[ParsedReference], style: str, render: Renderer) -> list[tuple[int, str, str]]:
    """Re-render parsed items in their style ("auto": guessed per line); list (index, line, rendering) that differ.

    ``render(items, style)`` must return one string per item, in the order of ``items``; it is called once per style.
    """
    groups: dict[str, list[int]] = {}
    for index, ref in enumerate(parsed):
        line_style = guess_style(ref.line) if style in ("", "auto") else style
        groups.setdefault(line_style, []).append(index)
    rendered: dict[int, str] = {}
    for line_style, indexes in groups.items():
        items = [_for_renderer(parsed[i].item) for i in indexes]
        texts = render(items, line_style)
        for i, text in zip(indexes, texts, strict=False):
            rendered[i] = text
    out: list[tuple[int, str, str]] = []
    for index, ref in enumerate(parsed):
        text = rendered.get(index, "")
        if normalise_rendering(text) != normalise_rendering(ref.line):
            out.append((index, ref.line, text))
    return out


def engine_renderer(items: list[dict], style: str) -> list[str]:
    """Render items with the project's CSL engine, one plain-text entry per item in the order given."""
    from litsite.csl.engine import Formatter
    from litsite.csl.styles import resolve_style

    keyed = [dict(item, id=f"i{n}") for n, item in enumerate(items)]
    entries = dict(Formatter(resolve_style(style).path).format(keyed, [], "text").entries)
    return [entries.get(f"i{n}", "") for n in range(len(items))]
