"""Punctuation that meets at a closing quote, merged as citeproc-js merges it (CSL.Output.Queue.adjust).

Where two marks meet, citeproc-js's table LtoR_MAP gives what stays: "," then "." is ",.", ";" then ":" is ";",
"!" then "." is "!"; a doubled mark is one. With the locale option punctuation-in-quote, the marks . , ! ? after a
closing quote move inside it (its swapToTheLeft), ; and : stay outside and stop the move.
"""

from __future__ import annotations

import re

from citeproc.string import MixedString, String

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


# After the output of an element with a formatting attribute (font-style, … even "normal") that ends in a mark:
# citeproc-js's Queue.adjust neither merges nor drops the mark that opens what follows it (a sibling's prefix:
# "Plus." + ". Online" is "Plus.. Online"), except a delimiter's first mark when it is the same one (its downward
# copies the mark into the element's suffix only if the suffix does not end with it); a parent without formatting
# takes the mark off again (its leftward moves a sibling's prefix into its own suffix, which then merges). A field
# with quotes or markup is not one string blob but a tree, into whose end a delimiter's mark merges: RICH_SEAL.
SEAL = "\ue1b2"  # (U+E1B0 and U+E1B1 are sorting.DATE_KEY, U+E1B4 and U+E1B5 sort_numbers.NUMBER_KEY)
RICH_SEAL = "\ue1b3"
SEALS = SEAL + RICH_SEAL
MARKS = frozenset(".,;:!?")
# The space citeproc-js's text format writes after a left-margin field ("@display/left-margin": str + " "): a mark
# opening what follows the field goes inside it, before the space, merged with the field's own last mark (its
# leftward moves a prefix's mark into the previous sibling's suffix): "2017" + ". https" is "2017.  https".
LEFT_MARGIN_SPACE = "\ue1c1"
# After the suffix of a number (a cs:number or a number variable that ends in a number, undecorated) that ends with a
# mark: the next sibling's prefix opening with a mark merges with it (citeproc-js's leftward moves the prefix's mark
# into that suffix: "41;" + ". T" is "41; T"), though it merges nothing into a number itself, nor a delimiter's mark,
# nor a parent's suffix ("41;" + delimiter ". " stays "41;. T"): a parent (group, macro) takes the marker off.
NUMBER_SUFFIX = "\ue1c2"
_AFTER_NUMBER = re.compile(f"([.,;:!?]){NUMBER_SUFFIX}([.,;:!?])")


def number_suffix_marks(text: str) -> str:
    """Text with the mark opening what follows a number's suffix merged into it, the markers taken out."""
    if NUMBER_SUFFIX not in text:
        return text
    return _AFTER_NUMBER.sub(lambda m: merge(m.group(1), m.group(2)), text).replace(NUMBER_SUFFIX, "")


def without_number_suffix(piece: object) -> object:
    """A rendered piece without the marker after a number's suffix at its end (a parent's output ends there)."""
    if not str(piece).endswith(NUMBER_SUFFIX):
        return piece
    if isinstance(piece, MixedString):
        return MixedString([type(s)(str(s).replace(NUMBER_SUFFIX, "")) for s in piece])
    return type(piece)(str(piece).replace(NUMBER_SUFFIX, "")) if isinstance(piece, String) else str(piece)[:-1]


def unseal(pieces: list, delimiter: str, last: bool = True) -> list:
    """Children's outputs before they are joined with `delimiter`: a sealed piece followed by a delimiter opening
    with its own last mark is unsealed (the mark is written once); with `last`, the last piece is unsealed too."""
    out = list(pieces)
    for i, piece in enumerate(out):
        if delimiter if i < len(out) - 1 else last:  # a delimiter or the parent's end follows the piece
            piece = out[i] = without_number_suffix(piece)
        text = str(piece)
        if not text.endswith(tuple(SEALS)):
            continue
        if i == len(out) - 1:
            if last:
                out[i] = _strip_seal(piece)
        elif _one_with(delimiter, text):
            out[i] = _strip_seal(piece)
    return out


def _one_with(delimiter: str, text: str) -> bool:
    """Whether a sealed piece's end and the delimiter after it are written once: a mark as the delimiter's first, a
    field with quotes or markup, or a space the delimiter opens with too (citeproc-js's downward)."""
    if delimiter[:1] in MARKS:
        return text.endswith(RICH_SEAL) or last_mark(text) == delimiter[0]
    return delimiter[:1] == " " and last_mark(text) == " "


def last_mark(text: str) -> str:
    """The last character of a rendered text, before a seal and formatting placeholders."""
    body = text.rstrip(SEALS + NUMBER_SUFFIX)
    while body and "\ue100" <= body[-1] <= "\ue12f":  # formatting placeholders (markup.OPEN/CLOSE) in HTML
        body = body[:-1]
    return body[-1:]


def _unsealed(text: str) -> str:
    return text.replace(SEAL, "").replace(RICH_SEAL, "")


def _strip_seal(piece: object) -> object:
    if isinstance(piece, MixedString):
        return MixedString([type(s)(_unsealed(str(s))) for s in piece])
    if isinstance(piece, String):
        return type(piece)(_unsealed(str(piece)))
    return _unsealed(str(piece))


def left_margin_spaces(text: str, close: str = LEFT_MARGIN_SPACE, opens: str = "") -> str:
    """Text with each left-margin field's end (`close`: its space, or in HTML its closing tag, perhaps followed by
    one of `opens`) after the mark that opened what follows; in text the space is written."""
    if close not in text:
        return text
    after = f"(?:[{re.escape(opens)}])?" if opens else ""
    pattern = f"([.,;:!?])?([{SEALS}{NUMBER_SUFFIX}]*)({re.escape(close)}{after})([.,;:!?])"

    def moved(match: re.Match[str]) -> str:
        mark = merge(match.group(1), match.group(4)) if match.group(1) else match.group(4)
        return mark + match.group(2) + match.group(3)

    text = re.sub(pattern, moved, text)
    return text.replace(LEFT_MARGIN_SPACE, " ")
