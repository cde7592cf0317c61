"""Which markup tags of a CSL-JSON field citeproc-js leaves as text: its flip-flopper's strict nesting.

citeproc-js (CSL.Util.FlipFlopper.processTags) pairs the tags of a field (<i>, <b>, <sc>, <sup>, <sub>, the nocase,
nodecor and small-caps spans, written in lower case as it spells them) and its quote marks on ONE stack: a closing
tag closes the innermost open one only; an open tag or quote between them is given up (printed as text) and the
closing tag tried again on the next one out; a closing tag that meets no partner, and every tag still open at the
end, is text too. So "<b>‚<i>Être</b> II</i>‘" prints "<b>‚&lt;i&gt;Être</b> II&lt;/i&gt;‘", "<i>5" screen</i>"
prints its tags as text (the inch mark closes no quote: the <i> is given up), and an unclosed "<sc>Title" prints
"&lt;sc&gt;Title". Quotes take part only to decide the tags; which quote marks open and close stays with
markup.SmartQuotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPANS = {
    "nocase": r'<span\s+class="nocase"[^>]*>',
    "nodecor": r'<span\s+class="nodecor"[^>]*>',
    "sc-span": r'<span\s+style="font-variant:\s*small-caps;?"[^>]*>',
}
_TAGS = ("sc", "i", "b", "sup", "sub")
_CLOSER = {"nocase": "</span>", "nodecor": "</span>", "sc-span": "</span>"} | {t: f"</{t}>" for t in _TAGS}
_STRAIGHT = {' "': '"', " '": "'", '("': '"', "('": "'"}
# citeproc-js's CSL.ROMANESQUE_REGEXP: a ’ between two of these letters is an apostrophe, never a quote
_ROMAN = (
    "-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff"
    "\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e"
)
_INNER_APOSTROPHE = re.compile(f"(?<=[{_ROMAN}])\u2019(?=[{_ROMAN}])")


@dataclass(frozen=True)
class _Token:
    """One tag or quote mark of the field: where it starts (in the field), its text and what it is."""

    start: int
    text: str
    opens: str  # the closer it waits for, or "" for a closing mark
    markup: bool  # a markup tag (not a quote mark)


def _pattern(quotes: tuple[str, str, str, str]) -> tuple[re.Pattern, dict[str, str]]:
    """citeproc-js's tag regex: openers first (spans, tags, straight and locale quotes), then closers."""
    openers = dict(_STRAIGHT)
    for opening, closing in ((quotes[0], quotes[1]), (quotes[2], quotes[3])):
        if opening and closing and opening not in (' "', " '", '"', "'"):
            openers[opening] = closing
    closers = [*dict.fromkeys([*_CLOSER.values(), '"', "'", *(c for c in openers.values())])]
    alternatives = [*_SPANS.values(), *(f"<{t}>" for t in _TAGS)]
    alternatives += [re.escape(o) for o in openers] + [re.escape(c) for c in closers]
    return re.compile("|".join(alternatives)), openers


def _tokens(value: str, quotes: tuple[str, str, str, str]) -> tuple[list[_Token], list[str]]:
    """The field's tags and quote marks (as citeproc-js splits " " + value) and the strings after each."""
    pattern, openers = _pattern(quotes)
    text = " " + _INNER_APOSTROPHE.sub("'", value)
    tokens: list[_Token] = []
    strings: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        tag = match.group()
        kind = next((k for k, rx in _SPANS.items() if re.fullmatch(rx, tag)), tag[1:-1] if tag[1:-1] in _TAGS else "")
        if kind:
            tokens.append(_Token(match.start() - 1, tag, _CLOSER[kind], True))
        elif tag.startswith("</"):
            tokens.append(_Token(match.start() - 1, tag, "", True))
        else:
            forced = tokens and tokens[-1].opens and last == match.start() and tag in "\"'"
            tag = " " + tag if forced else tag  # a quote right after an opening tag opens (a forced space)
            tokens.append(_Token(match.start() - 1, tag, openers.get(tag, ""), False))
        if tokens[:-1]:
            strings.append(text[last : match.start()])
        last = match.end()
    strings.append(text[last:])
    return tokens, strings


def applied_tags(value: str, quotes: tuple[str, str, str, str]) -> frozenset[int]:
    """Where in `value` the markup tags start that citeproc-js applies (`quotes`: the locale's quote marks); every
    other tag-like text of the field is printed as text."""
    if "<" not in value:
        return frozenset()
    tokens, strings = _tokens(value, quotes)
    text: set[int] = set()  # indexes of tokens that are text
    stack: list[int] = []
    for i, token in enumerate(tokens):
        after = strings[i] if i < len(strings) else ""
        if (token.text == "'" and after and after[0] not in ",.?:; ") or (token.text == " '" and after[:1] == " "):
            text.add(i)  # an apostrophe
        elif token.opens:
            stack.append(i)
        else:
            _close(i, token.text, tokens, stack, text)
    text.update(stack)  # still open at the end
    return frozenset(t.start for i, t in enumerate(tokens) if t.markup and i not in text)


def _close(i: int, tag: str, tokens: list[_Token], stack: list[int], text: set[int]) -> None:
    """A closing mark: it closes the innermost open token that waits for it; each token it passes is given up."""
    while stack:
        top = stack[-1]
        if tokens[top].opens == tag:
            stack.pop()
            return
        if tag == "'":  # a stray ' is an apostrophe and gives nothing up
            text.add(i)
            return
        text.add(top)
        stack.pop()
    text.add(i)


_LEADING_NOCASE = re.compile(r'(?:<span\s+class="nocase"[^>]*>|</span>)+(?= )')


def trim_leading(value: str, quotes: tuple[str, str, str, str]) -> str:
    """`value` less the leading space citeproc-js's flip-flopper drops: the first text of a field with tags loses up
    to two leading spaces, one of them its own (processTags puts " " before the value, _undoppelToQueue strips two),
    unless the value starts with a space kept for it (not before a quote): so one space goes before a straight quote
    mark (' "Title"', " ' x") and after leading nocase spans, which vanish ('<span class="nocase"></span> Title')."""
    if value.startswith(" "):
        rest = value.lstrip(" ")
        return value[1:] if rest[:1] in ('"', "'") else value
    found = _LEADING_NOCASE.match(value)
    if not found or not value.startswith("<span"):
        return value
    applied = applied_tags(value, quotes)
    tags = re.finditer(r"<[^>]*>", found.group())
    if all(tag.start() in applied for tag in tags):
        return value[: found.end()] + value[found.end() + 1 :]
    return value
