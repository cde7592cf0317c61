"""Punctuation that meets at a closing quote, merged as citeproc-js merges it (CSL.Output.Queue.adjust).

Where two marks meet, citeproc-js's table LtoR_MAP gives what stays: "," then "." is ",.", ";" then ":" is ";",
"!" then "." is "!"; a doubled mark is one. With the locale option punctuation-in-quote, the marks . , ! ? after a
closing quote move inside it (its swapToTheLeft), ; and : stay outside and stop the move.
"""

from __future__ import annotations

# citeproc-js's LtoR_MAP: (first, second) → what is written
LTOR: dict[str, dict[str, str]] = {
    "!": {".": "!", "?": "!?", ":": "!", ",": "!,", ";": "!;"},
    "?": {"!": "?!", ".": "?", ":": "?", ",": "?,", ";": "?;"},
    ".": {"!": ".!", "?": ".?", ":": ".:", ",": ".,", ";": ".;"},
    ":": {"!": "!", "?": "?", ".": ":", ",": ":,", ";": ":;"},
    ",": {"!": ",!", "?": ",?", ":": ",:", ".": ",.", ";": ",;"},
    ";": {"!": "!", "?": "?", ":": ";", ",": ";,", ".": ";"},
}
SWAP_IN = frozenset(".,!?")  # the marks that move inside a closing quote (not ; and :)


def merge(first: str, second: str) -> str:
    """What citeproc-js writes where mark `second` follows text ending in `first`: the pair merged, `second` alone
    dropped when doubled, else both."""
    if first == second:
        return first
    return LTOR.get(first, {}).get(second, first + second)


def into_quote(last: str, closers: str, run: str) -> str:
    """`last` (the quoted text's last character), the closing quote marks `closers` and the marks `run` after them,
    with the run merged and its leading . , ! ? moved inside the quote (punctuation-in-quote)."""
    merged = run[:1]
    for ch in run[1:]:
        merged = merged[:-1] + merge(merged[-1], ch)
    inside = last
    while merged[:1] and merged[0] in SWAP_IN:
        inside = inside[:-1] + merge(inside[-1], merged[0]) if inside else merged[0]
        merged = merged[1:]
    return inside + closers + merged
