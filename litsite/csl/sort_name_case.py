"""The cs:name-part text-case in a names sort key, where the collator can see it.

citeproc-js writes a name's sort key with its name-parts' text-case (the family part's also on an institution's
literal name): ISO 690's `text-case="uppercase"` family names sort as "KIRLI|KAYNAR|Dilsun". Its collator compares
at base strength, so the case is invisible but for a letter whose upper-case form is another base letter: the
Turkish dotless "ı", upper-cased "I", sorts with "i" — "Kırlı" among the "Kirli"s, not after every "Kiz". Only that
change is made here (to "i", not "I", so that the name's particles still read as lower-case words).
"""

from __future__ import annotations

from citeproc.string import String

DOTLESS = "\u0131"
FAMILY_PARTS = ("family", "non-dropping-particle", "literal")
GIVEN_PARTS = ("given", "dropping-particle")


def _cased(node: object, text: str) -> str:
    """The text with the ı that the node's text-case upper-cases written "i"."""
    if DOTLESS not in text:
        return text
    cased = str(node.case(String(text)))  # type: ignore[attr-defined]
    if len(cased) != len(text):  # an expansion elsewhere ("ß" → "SS"): every ı, as "uppercase" gives
        return text.replace(DOTLESS, "i") if node.get("text-case") == "uppercase" else text  # type: ignore[attr-defined]
    return "".join("i" if o == DOTLESS and c == "I" else o for o, c in zip(text, cased, strict=True))


def sort_cased(names: list[dict], given_node: object | None, family_node: object | None) -> list[dict]:
    """The names as the sort key reads them; the same list when no name-part text-case changes a letter's base."""
    nodes = [(n, parts) for n, parts in ((family_node, FAMILY_PARTS), (given_node, GIVEN_PARTS)) if n is not None]
    nodes = [(n, parts) for n, parts in nodes if n.get("text-case")]  # type: ignore[attr-defined]
    if not nodes or not any(DOTLESS in str(v) for name in names for v in name.values()):
        return names
    out = []
    for name in names:
        new = dict(name)
        for node, parts in nodes:
            for part in parts:
                if isinstance(new.get(part), str):
                    new[part] = _cased(node, new[part])
        out.append(new)
    return out
