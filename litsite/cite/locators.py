"""Locators in citation suffixes, split off as pandoc does (`[@a, pp. 33-35, 38, emphasis added]`).

The rules follow pandoc's `Text.Pandoc.Citeproc.Locator`: the text after the key is cut into words, single punctuation
marks and spaces; after an optional comma and space comes a label (the longest run of words that is a locator term of
the locale, in any form, singular or plural, any case) or no label (then the page, and the locator must have digits);
the locator is one or more words, each of digits, Roman numerals or anything but spaces and punctuation (hyphens, en
dashes and colons belong to the word), joined by commas or semicolons; what follows is the suffix, as written. `{…}`
after an optional label takes everything inside as the locator. When no locator is found, the suffix is everything
after the key, with ", " put before it unless it starts with a space or a punctuation mark.

The terms are the locale's own (as pandoc reads them), not a style's `cs:locale`: a site's clusters are parsed once
for all its styles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

from citeproc import LOCALES_PATH
from lxml import etree

# pandoc's list; where two terms share a text, the earlier one wins.
LOCATOR_TERMS = (
    "book",
    "chapter",
    "column",
    "figure",
    "folio",
    "issue",
    "line",
    "note",
    "opus",
    "page",
    "number-of-pages",
    "paragraph",
    "part",
    "section",
    "sub verbo",
    "verse",
    "volume",
)
_ROMAN = re.compile(r"M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_TOKEN = re.compile(r"\s+|[^\s]")
_BRACES = {"(": ")", "[": "]", "{": "}"}


def _punct(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def tokens(text: str) -> list[str]:
    """Words, single punctuation marks (a colon stays inside a word) and spaces (as one " ")."""
    out: list[str] = []
    word: list[str] = []
    for char in text:
        if char.isspace() or (_punct(char) and char != ":"):
            if word:
                out.append("".join(word))
                word.clear()
            if not char.isspace():
                out.append(char)
            elif not out or out[-1] != " ":
                out.append(" ")
        else:
            word.append(char)
    if word:
        out.append("".join(word))
    return out


@cache
def locator_map(locale: str = "en-US") -> dict[str, str]:
    """Every text of the locale's locator terms (case-folded) → the CSL locator label."""
    path = Path(LOCALES_PATH) / f"locales-{locale}.xml"
    if not path.is_file():
        path = Path(LOCALES_PATH) / f"locales-{locale.split('-')[0]}.xml"
    if not path.is_file():
        return {} if locale == "en-US" else locator_map("en-US")
    ns = {"cs": "http://purl.org/net/xbiblio/csl"}
    found: dict[str, str] = {}
    terms = etree.parse(str(path), etree.XMLParser(no_network=True)).getroot()
    for name in reversed(LOCATOR_TERMS):
        spelled = {name, name.replace(" ", "-")}  # CSL 1.0.2 spells it sub-verbo
        for term in (t for t in terms.iterfind(".//cs:terms/cs:term", ns) if t.get("name") in spelled):
            texts = [term.text or ""] + [child.text or "" for child in term]
            for text in texts:
                if text.strip():
                    found[text.strip().casefold()] = name
    return found


def _unit(toks: list[str], i: int) -> tuple[bool, str, int] | None:
    """A page unit at i: a Roman numeral, or a run of words and non-locator punctuation (digits: True if any)."""
    if i < len(toks) and toks[i] != " " and _ROMAN.fullmatch(toks[i].upper()) and toks[i].strip():
        return True, toks[i], i + 1
    j = i
    while j < len(toks) and toks[j] != " " and not (len(toks[j]) == 1 and _punct(toks[j]) and toks[j] not in "-–:"):
        j += 1
    if j == i:
        return None
    text = "".join(toks[i:j])
    return any(c.isdigit() for c in text), text, j


def _page_seq(toks: list[str], i: int) -> tuple[bool, str, int] | None:
    """1, 1.2, 1.2.3 (a trailing period is left)."""
    first = _unit(toks, i)
    if first is None:
        return None
    digits, text, i = first
    while i + 1 < len(toks) and toks[i] == "." and (more := _unit(toks, i + 1)):
        digits, text, i = digits or more[0], text + "." + more[1], more[2]
    return digits, text, i


def _balanced(toks: list[str], i: int) -> tuple[bool, str, int] | None:
    """One or more page sequences in a row, each possibly wrapped in (), [] or {}."""
    parts: list[tuple[bool, str]] = []
    while i < len(toks):
        close = _BRACES.get(toks[i])
        if close:
            inner = _page_seq(toks, i + 1) or (False, "", i + 1)
            if inner[2] >= len(toks) or toks[inner[2]] != close:
                break
            parts.append((inner[0], toks[i] + inner[1] + close))
            i = inner[2] + 1
            continue
        if toks[i] in _BRACES.values():
            break
        seq = _page_seq(toks, i)
        if seq is None:
            break
        parts.append(seq[:2])
        i = seq[2]
    if not parts:
        return None
    return any(d for d, _ in parts), "".join(t for _, t in parts), i


def _word(toks: list[str], i: int, first: bool) -> tuple[bool, str, int] | None:
    """A locator word: (after a comma or semicolon unless first) an optional space, then a page sequence."""
    punct = ""
    if not first and i < len(toks) and toks[i] in ",;":
        punct, i = toks[i], i + 1
    space = ""
    if i < len(toks) and toks[i] == " ":
        space, i = " ", i + 1
    found = _balanced(toks, i)
    return (found[0], punct + space + found[1], found[2]) if found else None


def _label(toks: list[str], i: int, terms: dict[str, str], word_at: Callable[[int], bool]) -> tuple[str, int] | None:
    """The longest run of tokens from i, ending where `word_at` holds (or anywhere when None), that is a term."""
    best = None
    j = i + 1
    while j <= len(toks):
        if word_at(j):
            label = terms.get("".join(toks[i:j]).strip().casefold())
            if label:
                best = (label, j)
        j += 1
    return best


def _integrated(toks: list[str], i: int, terms: dict[str, str]) -> tuple[str, str, int] | None:
    """A label (or none: the page, digits required) and one or more locator words."""

    def roman_or_digits(j: int) -> bool:
        found = _word(toks, j, True)
        return bool(found and found[0])

    found = _label(toks, i, terms, roman_or_digits)
    if found:
        label, i = found
        need_digits = False
    else:
        first = _word(toks, i, True)
        if not first or not any(c.isdigit() for c in first[1]):
            return None
        label, need_digits = "page", True

    def ok(word: tuple[bool, str, int] | None) -> bool:
        return bool(word and (any(c.isdigit() for c in word[1]) if need_digits else word[0]))

    word = _word(toks, i, not need_digits)
    if not ok(word):
        return None
    assert word is not None
    locator, i = word[1], word[2]
    while ok(more := _word(toks, i, False)):
        assert more is not None
        locator, i = locator + more[1], more[2]
    return label, locator, i


def _delimited(toks: list[str], i: int, terms: dict[str, str]) -> tuple[str, str, int] | None:
    """`{label? anything}`: everything inside the braces (balanced {} and []) is the locator."""
    if i >= len(toks) or toks[i] != "{":
        return None
    depth, end = 0, None
    for j in range(i, len(toks)):
        depth += toks[j] in "{[" if len(toks[j]) == 1 else 0
        depth -= toks[j] in "}]" if len(toks[j]) == 1 else 0
        if depth == 0:
            end = j
            break
    if end is None or toks[end] != "}":
        return None
    start = i + 1
    while start < end and toks[start] == " ":
        start += 1
    found = _label(toks[:end], start, terms, lambda j: True)
    label, start = found if found else ("page", start)
    return label, "".join(toks[start:end]), end + 1


def parse_locator(rest: str, locale: str = "en-US") -> tuple[str | None, str | None, str | None]:
    """Split what follows a key (", p. 33, emphasis added") into (locator, label, suffix) as pandoc does; the suffix
    keeps its leading punctuation and space (", emphasis added", " and passim")."""
    rest = rest.rstrip()
    toks = tokens(rest)
    terms = locator_map(locale)
    i = 1 if toks[:1] == [","] else 0
    i += 1 if toks[i : i + 1] == [" "] else 0
    found = _delimited(toks, i, terms) or _integrated(toks, i, terms)
    if found is None or not (found[0] or found[1]):
        if not rest:
            return None, None, None
        suffix = rest if rest[0].isspace() or _punct(rest[0]) else ", " + rest
        return None, None, suffix
    label, locator, end = found
    suffix = "".join(toks[end:])
    return locator.strip(), label, suffix or None
