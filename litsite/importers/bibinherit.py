"""BibTeX `crossref` resolved as biblatex does: a child entry inherits the fields it lacks from its parent.

The rules are biblatex's default data inheritance (biblatex manual, appendix B): every field is inherited under its
own name except a few that identify the parent itself, and for some pairs of entry types the parent's title becomes
the child's booktitle, maintitle or journaltitle (and the parent's author also the child's bookauthor).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

# Fields never inherited (biblatex: \DefaultInheritance{all=true, override=false} minus these).
NOT_INHERITED = frozenset(
    {
        "ids",
        "crossref",
        "xref",
        "xdata",
        "entryset",
        "entrysubtype",
        "execute",
        "label",
        "options",
        "presort",
        "related",
        "relatedoptions",
        "relatedstring",
        "relatedtype",
        "shorthand",
        "shorthandintro",
        "sortkey",
    }
)
# biber's aliases of BibTeX entry types, so that the rules below apply to classic BibTeX files.
TYPE_ALIASES = {"conference": "inproceedings", "electronic": "online", "www": "online"}

_TITLES = ("title", "subtitle", "titleaddon")
_TITLE_ONLY = ("shorttitle", "sorttitle", "indextitle", "indexsorttitle")


def _titles(prefix: str) -> dict[str, str | None]:
    rules: dict[str, str | None] = {t: prefix + t for t in _TITLES}
    rules.update({t: None for t in _TITLE_ONLY})  # \noinherit
    return rules


# (parent types, child types) → {parent field: child field, or None for not inherited}
RULES: tuple[tuple[frozenset[str], frozenset[str], dict[str, str | None]], ...] = (
    (frozenset({"mvbook"}), frozenset({"book", "inbook", "bookinbook", "suppbook"}), _titles("main")),
    (
        frozenset({"mvcollection", "mvreference"}),
        frozenset({"collection", "reference", "incollection", "inreference", "suppcollection"}),
        _titles("main"),
    ),
    (frozenset({"mvproceedings"}), frozenset({"proceedings", "inproceedings"}), _titles("main")),
    (frozenset({"book"}), frozenset({"inbook", "bookinbook", "suppbook"}), _titles("book")),
    (
        frozenset({"collection", "reference"}),
        frozenset({"incollection", "inreference", "suppcollection"}),
        _titles("book"),
    ),
    (frozenset({"proceedings"}), frozenset({"inproceedings"}), _titles("book")),
    (
        frozenset({"periodical"}),
        frozenset({"article", "suppperiodical"}),
        {"title": "journaltitle", "subtitle": "journalsubtitle", **{t: None for t in _TITLE_ONLY}},
    ),
)
# The parent's author is also the child's bookauthor (mvbook/book → inbook and the like).
BOOKAUTHOR = (frozenset({"mvbook", "book"}), frozenset({"inbook", "bookinbook", "suppbook"}))


@dataclass
class BibEntry:
    """One entry as read: key, entry type (lower case), fields (lower-case names → text) and its first line."""

    key: str
    type: str
    fields: dict[str, str]
    line: int
    inherited: list[str] = field(default_factory=list)


def _rules(parent: str, child: str) -> dict[str, str | None]:
    parent, child = TYPE_ALIASES.get(parent, parent), TYPE_ALIASES.get(child, child)
    rules: dict[str, str | None] = {}
    for parents, children, mapping in RULES:
        if parent in parents and child in children:
            rules.update(mapping)
    return rules


def inherit(child: BibEntry, parent: BibEntry) -> None:
    """Copy into child the parent's fields it lacks, under biblatex's names for this pair of types."""
    rules = _rules(parent.type, child.type)
    extra: list[tuple[str, str]] = []
    if TYPE_ALIASES.get(parent.type, parent.type) in BOOKAUTHOR[0] and child.type in BOOKAUTHOR[1]:
        extra.append(("author", "bookauthor"))
    # Explicit mappings first, so that e.g. the parent's title, not its own booktitle, becomes the booktitle.
    pairs = [(src, dst) for src, dst in rules.items() if dst] + extra
    pairs += [(name, name) for name in parent.fields if name not in rules and name not in NOT_INHERITED]
    for src, dst in pairs:
        value = parent.fields.get(src)
        if value and dst not in child.fields:
            child.fields[dst] = value
            child.inherited.append(dst)


def resolve_crossrefs(entries: list[BibEntry], warnings: list[str]) -> None:
    """Resolve every entry's crossref (parents first, to any depth; keys compared ignoring case, as BibTeX does);
    one warning for the crossrefs whose parent is not in the file, one for cycles."""
    by_key: dict[str, BibEntry] = {}
    for entry in entries:
        by_key.setdefault(entry.key.casefold(), entry)
    missing: dict[str, list[BibEntry]] = {}
    done: set[int] = set()
    cycles: list[BibEntry] = []
    for entry in entries:
        # Follow the chain of parents without recursion (a hostile file can chain thousands), then inherit from the
        # top down so that every parent is complete before its children copy from it.
        chain: list[BibEntry] = []
        on_chain: set[int] = set()
        node: BibEntry | None = entry
        while node is not None and id(node) not in done:
            if id(node) in on_chain:
                cycles.append(node)
                node = None
                break
            chain.append(node)
            on_chain.add(id(node))
            target = node.fields.get("crossref", "").strip()
            parent = by_key.get(target.casefold()) if target else None
            if target and parent is None:
                missing.setdefault(target, []).append(node)
            node = parent
        if chain and node is not None:  # the chain ends at an entry already complete
            inherit(chain[-1], node)
        for child, parent in reversed(list(itertools.pairwise(chain))):
            inherit(child, parent)
        done.update(on_chain)
    if missing:
        n = sum(len(v) for v in missing.values())
        shown = "; ".join(f"{key!r} (by {_first(children)})" for key, children in sorted(missing.items())[:5]) + (
            "; …" if len(missing) > 5 else ""
        )
        warnings.append(
            f"crossref to an entry not in the file, in {n} entr{'y' if n == 1 else 'ies'}: {shown}; "
            "their inherited fields (booktitle, year, publisher, editor, …) are missing"
        )
    if cycles:
        warnings.append(f"crossref cycle, followed once around: {', '.join(_first([c]) for c in cycles[:5])}")


def _first(entries: list[BibEntry]) -> str:
    e = entries[0]
    more = f" and {len(entries) - 1} more" if len(entries) > 1 else ""
    return f"{e.key!r} at line {e.line}{more}"
