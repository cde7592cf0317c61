"""A name's "literal" as citeproc-js reads it: only a true JavaScript value makes the name a literal one.

citeproc-js (NameOutput._normalizeNameInput, `if (name.literal)`) ignores an empty literal ("", null, false, 0):
{"family": "Berg", "literal": ""} is the personal name Berg; litsite's name code takes any "literal" key as one.
"""

from __future__ import annotations

from litsite.csl.schema import NAME_VARIABLES


def falsy_literals_removed(item: dict) -> dict:
    """The item with the false-valued "literal" of each of its names dropped."""
    out = item
    for variable in NAME_VARIABLES:
        names = item.get(variable)
        if not isinstance(names, list) or not any(_falsy_literal(n) for n in names):
            continue
        if out is item:
            out = dict(item)
        out[variable] = [{k: v for k, v in n.items() if k != "literal"} if _falsy_literal(n) else n for n in names]
    return out


def _falsy_literal(name: object) -> bool:
    return isinstance(name, dict) and "literal" in name and not name["literal"]
