""" "et al." written into a name (its dropping particle, or ", et al." after the given name) in a sort key.

citeproc-js takes a written "et al." as the end of the list: the particle leaves the name and the key ends like a
list cut by et-al — the names, then the et-al term (after the delimiter from two names on: "Doe J., Roe R., et al.",
"Doe J. et al."). Under et-al-use-last it writes what a list cut that way shows instead: the names with an ellipsis
before the last ("Doe J. … Roe R.", "Doe J., Roe R., … Poe P."), a single name alone ("Doe J."). Both for variable
keys (the names as "family given") and macro keys; only the names the key keeps after its own et-al cut count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from litsite.csl.fixes.name_parse import parse_name

_ET_AL = re.compile("^et.?al[^a-z]$")
ELLIPSIS = "\u2026"


def written_et_al(name: object) -> bool:
    """Whether a personal name carries "et al." as its dropping particle."""
    return "literal" not in name and bool(_ET_AL.match(parse_name(dict(name)).dropping_particle))


def et_al_key(
    names: Sequence[object], render: Callable[[list], str], et_al: str, use_last: bool, delimiter: str = ", "
) -> str | None:
    """The key text of `names` when one of them has "et al." written in it (else None): `render` writes a list of
    names as the key does (without the particle)."""
    if not any(written_et_al(name) for name in names):
        return None
    if not use_last:
        return render(list(names)) + (delimiter if len(names) > 1 else " ") + et_al
    parts = [render([name]) for name in names]
    if len(parts) < 2:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} {ELLIPSIS} {parts[1]}"
    return delimiter.join(parts[:-1]) + f"{delimiter}{ELLIPSIS} " + parts[-1]


def variable_et_al_key(key: object, names: Sequence[object], render: Callable[[list], str]) -> str | None:
    """et_al_key for a cs:key of a names variable: the locale's "et al." term (the list has no cs:et-al of its own),
    the key's names-use-last, else the et-al-use-last of the cs:bibliography (or cs:citation) or cs:style."""
    if not any(written_et_al(name) for name in names):
        return None
    use_last = key.get("names-use-last")
    if use_last is None:
        holders = (key.getparent().getparent(), key.get_root())
        use_last = next((el.get("et-al-use-last") for el in holders if el is not None and el.get("et-al-use-last")), "")
    term = str(key.get_single_term(name="et-al") or "et al.")
    return et_al_key(names, render, term, use_last == "true")
