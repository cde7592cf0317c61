"""Output formats for citeproc-py: plain text and HTML built from placeholders, and rich text in CSL-JSON fields.

HTML is rendered with private-use placeholder characters instead of tags, so that field values and terms can be
escaped once at the end while CSL formatting (and rich text from fields) becomes markup.
"""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

from citeproc.string import MixedString, NoCase, String

# placeholder pairs (open, close) for the markup CSL formatting and CSL-JSON rich text produce
_TAGS = {
    "i": ("<i>", "</i>"),
    "b": ("<b>", "</b>"),
    "l": ('<span style="font-weight:lighter;">', "</span>"),
    "u": ('<span style="text-decoration:underline;">', "</span>"),
    "sup": ("<sup>", "</sup>"),
    "sub": ("<sub>", "</sub>"),
    "sc": ('<span style="font-variant:small-caps;">', "</span>"),
    "n": ('<span style="font-style:normal;">', "</span>"),
    "lm": ('<div class="csl-left-margin">', "</div>"),
    "ri": ('<div class="csl-right-inline">', "</div>"),
}
OPEN = {name: chr(0xE100 + 2 * i) for i, name in enumerate(_TAGS)}
CLOSE = {name: chr(0xE101 + 2 * i) for i, name in enumerate(_TAGS)}
QO, QC = "\ue1a0", "\ue1a1"  # quote open / close; glyphs chosen by nesting depth when finishing
QI = "\ue1a2"  # quote open that takes the inner glyphs outside any other quote (a field's ‘…’)
QOS, QIS = "\ue1a3", "\ue1a4"  # QO and QI written with a straight ' (title case keeps the next word)
QUOTE_OPENS = frozenset({QO, QI, QOS, QIS})
PLACEHOLDERS = frozenset(OPEN.values()) | frozenset(CLOSE.values()) | QUOTE_OPENS | {QC}
_TO_HTML = {OPEN[name]: tags[0] for name, tags in _TAGS.items()}
_TO_HTML |= {CLOSE[name]: tags[1] for name, tags in _TAGS.items()}
_PLACEHOLDER_RE = re.compile("[" + "".join(sorted(PLACEHOLDERS - QUOTE_OPENS - {QC})) + "]")


def _wrapper(name: str):
    def wrap(text: object) -> str:
        return OPEN[name] + str(text) + CLOSE[name]

    return wrap


def _identity(text: object) -> str:
    return str(text)


def formatter(fmt: str) -> SimpleNamespace:
    """A citeproc-py formatter (module-like namespace) for "text" or "html"."""
    if fmt == "html":
        names = {"Italic": "i", "Oblique": "i", "Bold": "b", "Light": "l", "Underline": "u"}
        names |= {"Superscript": "sup", "Subscript": "sub", "SmallCaps": "sc"}
        ns = {attr: _wrapper(tag) for attr, tag in names.items()}
        return SimpleNamespace(preformat=_identity, fmt="html", **ns)
    if fmt == "text":
        attrs = ("Italic", "Oblique", "Bold", "Light", "Underline", "Superscript", "Subscript", "SmallCaps")
        return SimpleNamespace(preformat=_identity, fmt="text", **dict.fromkeys(attrs, _identity))
    raise ValueError(f"unknown output format {fmt!r} (use 'html' or 'text')")


def finish(text: str, fmt: str, quotes: tuple[str, str, str, str] = ("“", "”", "‘", "’"), piq: bool = True) -> str:
    """Turn rendered text with placeholders into the final output of the format."""
    from litsite.csl.fixes.quotes import resolve_quotes

    text = resolve_quotes(text, quotes, piq)
    if fmt == "html":
        return _PLACEHOLDER_RE.sub(lambda m: _TO_HTML[m.group()], html.escape(text, quote=False))
    return _PLACEHOLDER_RE.sub("", text)


_RICH_RE = re.compile(
    r"<(/?)(i|b|sup|sub|sc|span)(\s+(?:class=\"nocase\"|style=\"font-variant:\s*small-caps;?\"))?\s*>",
    re.IGNORECASE,
)


def parse_rich_text(value: str, fmt: str) -> MixedString:
    """Parse CSL-JSON rich text (<i>, <b>, <sup>, <sub>, small-caps and nocase spans) into citeproc-py strings."""
    out = MixedString()
    stack: list[str] = []
    pos = 0
    buf: list[str] = []

    def flush() -> None:
        nonlocal out
        if buf:
            text = "".join(buf)
            out = out + (NoCase(text) if "nocase" in stack or "sc" in stack else String(text))
            buf.clear()

    from litsite.csl.fixes.quotes import SmartQuotes

    smart = SmartQuotes()
    for match in _RICH_RE.finditer(value):
        closing, tag, attr = match.group(1), match.group(2).lower(), (match.group(3) or "").lower()
        buf.append(smart(value[pos : match.start()], last=False))
        pos = match.end()
        if tag == "span" and not closing:
            name = "nocase" if "nocase" in attr else "sc" if "small-caps" in attr else None
            if name is None:
                buf.append(match.group())
                continue
        elif tag == "span":
            name = next((n for n in reversed(stack) if n in ("nocase", "sc")), None)
            if name is None:
                buf.append(match.group())
                continue
        else:
            name = tag
        if closing:
            if name not in stack:
                continue
            if name in ("nocase", "sc"):
                flush()
            if name != "nocase" and fmt == "html":
                buf.append(CLOSE[name])
            stack.reverse()
            stack.remove(name)
            stack.reverse()
        else:
            if name in ("nocase", "sc"):
                flush()
            if name != "nocase" and fmt == "html":
                buf.append(OPEN[name])
            stack.append(name)
    buf.append(smart(value[pos:]))
    flush()
    return out
