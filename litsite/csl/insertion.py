"""citeproc-js's bibliography order when items in Turkish or Azeri are among them.

citeproc-js lower-cases both sort keys before comparing them (CSL.getSortCompare) with
`toLocaleLowerCase(tmp.lang_array)`, and tmp.lang_array is the language of the item it rendered last (CSL.citeStart):
while an item whose `language` is Turkish or Azeri is being registered, "I" is lower-cased to the dotless "ı" (which
sorts after "i") in every key it is compared with; for the others "I" is "i". Items are registered one by one in
citation order and each is put into the sorted list by citeproc-js's binary search (CSL.Registry._locationOf; an item
equal to others goes after them), so the comparison changes while the list is built and the order is that of this
insertion, not of one sort.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_DOTLESS_LANGUAGES = re.compile(r"^(?:tr|az)(?:[^a-zA-Z]|$)", re.IGNORECASE)
_UPPER_I = str.maketrans({"I": "ı", "İ": "i"})


def dotless_language(language: object) -> bool:
    """Whether citeproc-js lower-cases an item's keys the Turkish way: its `language` starts with "tr" or "az"
    (the letters before any other character, as CSL.citeStart reads them)."""
    return bool(_DOTLESS_LANGUAGES.match(str(language or "").strip()))


def turkish_lower(text: str) -> str:
    """`text` with "I" and "İ" lower-cased as Turkish does (the other letters the collation folds anyway)."""
    return text.translate(_UPPER_I)


def insertion_order(count: int, dotless: Sequence[bool], compare: Callable[[int, int, bool], int]) -> list[int]:
    """Positions 0..count-1 in the order citeproc-js's registry builds: each inserted in turn by binary search,
    `compare(new, old, dotless)` comparing their keys lower-cased as the new item's language does."""
    order: list[int] = []
    for new in range(count):
        flag = dotless[new]

        def cmp(old: int, new: int = new, flag: bool = flag) -> int:
            found = compare(new, old, flag)
            return found if found else 1  # equal keys: the later-registered item goes after (its seq is higher)

        order.insert(_location(cmp, order, 0, len(order)) + 1, new)
    return order


def _location(cmp: Callable[[int], int], array: list[int], start: int, end: int) -> int:
    """CSL.Registry._locationOf: the position after which the new item goes (-1: first)."""
    if not array:
        return -1
    while True:
        pivot = (start + end) >> 1
        c = cmp(array[pivot])
        if end - start <= 1:
            return pivot - 1 if c == -1 else pivot
        if c == -1:
            end = pivot
        elif c == 0:
            return pivot
        else:
            start = pivot
