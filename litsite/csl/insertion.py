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

_LEADING_LETTERS = re.compile("^([a-zA-Z]+)")
_DOTLESS = frozenset(("tr", "az", "tur", "aze"))  # the languages ICU lower-cases "I" to "ı" in
_UPPER_I = str.maketrans({"I": "ı", "İ": "i"})
_PLAIN_I = str.maketrans({"I": "i", "İ": "i"})


def dotless_language(language: object, locale: str = "") -> bool:
    """Whether citeproc-js lower-cases an item's keys the Turkish way (CSL.citeStart, toLocaleLowerCase): by the
    leading letters of its `language` ("tr", "az"; letters of no valid length make JavaScript's plain lower case),
    else, without such letters, by the formatting `locale` ("tr-TR")."""
    found = _LEADING_LETTERS.match(str(language or ""))
    if found is None:
        found = _LEADING_LETTERS.match(locale)
        return bool(found) and found.group(1).lower() in _DOTLESS
    first = found.group(1).lower()
    return (len(first) in (2, 3) or 5 <= len(first) <= 8) and first in _DOTLESS


def turkish_lower(text: str) -> str:
    """`text` with "I" and "İ" lower-cased as Turkish does (the other letters the collation folds anyway)."""
    return text.translate(_UPPER_I)


def plain_lower(text: str) -> str:
    """`text` with "I" and "İ" lower-cased as other languages do (the dotted "i", also under a Turkish collation)."""
    return text.translate(_PLAIN_I)


def registration(
    clusters: Sequence[Sequence[object]], asides: Sequence[bool], keys: dict[str, str], items: Sequence[dict]
) -> tuple[list[list[str]], object]:
    """What batch_flags reads of a document: the keys each cluster cites (not those outside the document) and the
    language of the last item (render.js registers all the items first, in their order)."""
    cited = [[keys[c.id] for c in cluster if c.id in keys] for cluster, aside in zip(clusters, asides, strict=True)]
    cited = [cluster for cluster, aside in zip(cited, asides, strict=True) if not aside]
    return cited, items[-1].get("language") if items else None


def batch_flags(
    registered: Sequence[str],
    languages: dict[str, object],
    clusters: Sequence[Sequence[str]],
    last_language: object,
    locale: str,
) -> list[bool]:
    """Per registered item, whether citeproc-js lower-cases the Turkish way while inserting it, in the sequence
    bench/citeproc_js/render.js runs: every item registered at once (the last one, `last_language`, rendered
    last), then each cluster registering its new items together (the first cluster keeps the order of its items
    from that first sort; a later one inserts its new items as its last new item's language does), then the items
    no cluster cites, together, as the last of them does."""
    flag_of: dict[str, bool] = {}
    for cluster in clusters:
        new = [key for key in dict.fromkeys(cluster) if key not in flag_of]
        if new:
            language = languages.get(new[-1]) if flag_of else last_language
            flag = dotless_language(language, locale)
            flag_of.update(dict.fromkeys(new, flag))
    rest = [key for key in registered if key not in flag_of]
    if rest:
        flag = dotless_language(languages.get(rest[-1]) if flag_of else last_language, locale)
        flag_of.update(dict.fromkeys(rest, flag))
    return [flag_of[key] for key in registered]


def insertion_order(
    count: int, dotless: Sequence[bool], compare: Callable[[int, int, bool], int], cites: Sequence[str] | None = None
) -> list[int]:
    """Positions 0..count-1 in the order citeproc-js's registry builds: each inserted in turn by binary search,
    `compare(new, old, dotless)` comparing their keys lower-cased as the new item's language does. With each item's
    cite (`cites`), the items registered before with the same cite (an ambiguous cite: disambiguation changes them,
    which taints them) are taken out and inserted again after the new one, lower-cased as it is (sorttokens)."""
    order: list[int] = []
    alike: dict[str, list[int]] = {}
    for new in range(count):
        flag = dotless[new]
        moved = alike.setdefault(cites[new], []) if cites is not None else []
        for old in moved:
            order.remove(old)
        for item in [new, *moved]:

            def cmp(old: int, item: int = item, flag: bool = flag) -> int:
                found = compare(item, old, flag)
                return found or (1 if item > old else -1)  # equal keys: by registration (seq)

            order.insert(_location(cmp, order, 0, len(order)) + 1, item)
        moved.append(new)
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
