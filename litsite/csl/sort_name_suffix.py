"""A name's suffix in sort keys, its abbreviations normalised as citeproc-js writes them under initialize-with.

citeproc-js (CSL.NameOutput._nameSuffix) passes a suffix through CSL.Util.Names.initializeWith whenever the name's
initialize-with is set (inherited from the style too, as in MLA), whether or not the given names are initialised:
"Ph.D." is written "Ph. D." under initialize-with=". " in entries and in the keys it sorts by.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial


def suffix_form(given_form: Callable[[str], str] | None) -> Callable[[str], str] | None:
    """How a key writes a suffix, from how it writes given names (fixes/names.py's initialize_with partial): the
    same initials' terminator, normalising only."""
    if not isinstance(given_form, partial) or "terminator" not in given_form.keywords:
        return None
    return partial(given_form.func, **{**given_form.keywords, "normalize_only": True})
