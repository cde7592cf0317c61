"""A name's own static-ordering flag in sort keys and entries: family first, as citeproc-js writes names it does not
invert.

citeproc-js (CSL.NameOutput.getStaticOrder, _renderOnePersonalName) writes a name whose CSL-JSON "static-ordering"
is any true JavaScript value (true, "true", "false", 1) as it writes a name of mixed scripts: the non-dropping
particle and family name, then the given name — no dropping particle, no suffix, particles not demoted — in
entries and in the keys it sorts by. Only for an item without a language: with one, it takes a name's parameters
from that language's locale options instead (getNameParams), which drop the flag — in keys; its entries keep it.
"""

from __future__ import annotations

from litsite.csl.fixes.name_parse import ParsedName, romanesque


def static_ordering(name: dict, language: str) -> bool:
    """Whether citeproc-js writes `name` (of an item in `language`, "" for none) in its static order."""
    flag = name.get("static-ordering")
    # JavaScript's truth: every string but "" (also "false"), every number but 0
    return not language and flag is not None and flag is not False and flag != 0 and flag != ""


def name_order(name: dict, parsed: ParsedName, language: str) -> int:
    """romanesque()'s level of a name in an entry, 1 (family first, no dropping particle or suffix) for a
    static-ordering one of Latin letters (citeproc-js getStaticOrder, _renderOnePersonalName)."""
    level = romanesque(parsed, language)
    # entries keep the flag whatever the item's language (citeproc-js 2.4.63 prints "van Berg A." under "de" too)
    return 1 if level == 2 and static_ordering(name, "") else level
