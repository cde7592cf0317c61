"""CSL-JSON items as a citeproc-py source: unique ids, rich text in fields, tolerant of extra keys."""

from __future__ import annotations

import re

from citeproc import DATES, NAMES, VARIABLES, CitationItem, CitationStylesBibliography
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String

from litsite.csl import markup
from litsite.csl.fixes.variables import input_rules
from litsite.csl.memo import state_text
from litsite.csl.number_labels import NUMBER_LABEL, PAGE_LABEL
from litsite.csl.rawdate import parse_raw
from litsite.csl.rich_tags import trim_leading
from litsite.csl.trigraph import citation_label

_KNOWN = {v.replace("_", "-") for v in VARIABLES} | {"type", "id", "shortTitle", NUMBER_LABEL, PAGE_LABEL}
_LEGACY = {"journalAbbreviation": "container-title-short", "shortTitle": "title-short"}
_ISO_DATE = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
# Marks that meet inside one field value are text: citeproc-js merges the pairs of markup's _MERGE ("?" + ":" is "?")
# only where two blobs join ("Abuse or Reuse?: Public Space" keeps its colon), so HOLD goes between them; the same
# for a field's own doubled period ("test data.. 1", "2021wfc..rept"), which markup.resolve_quotes would drop
_FIELD_MARKS = re.compile(r"[!?;:](?=(?:<[^<>]*>)*[!?;:])|(?<!\.)\.(?=\.(?!\.))")  # also across the field's markup


def _date(value: object) -> dict | None:
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if parts and parts[0] and str(parts[0][0]).strip():  # empty month or day ("2000", "", ""): the year
            clean = [[int(p) for p in part if str(p).strip().lstrip("-").isdigit()] for part in parts if part]
            clean = [part for part in clean if part]
            if clean and clean[0][0] != 0:  # year 0 is no date in citeproc-js (`if (dp.year)`): "n.d." branches
                return {**value, "date-parts": clean}
        if value.get("literal"):
            return {"literal": str(value["literal"])}
        if value.get("raw"):
            return _date(parse_raw(str(value["raw"])))
        return None
    if isinstance(value, int):
        return {"date-parts": [[value]]} if value else None
    if isinstance(value, str):
        ranges = value.split("/")
        parts = []
        for piece in ranges:
            match = _ISO_DATE.match(piece.strip())
            if not match:
                return {"literal": value} if value.strip() else None
            parts.append([int(g) for g in match.groups() if g])
        return {"date-parts": parts} if parts[0][0] else None
    if hasattr(value, "year"):  # datetime.date from YAML
        return {"date-parts": [[value.year, value.month, value.day]]}
    return None


def clean_item(item: dict, key: str) -> dict:
    """A CSL-JSON item reduced to what citeproc-py understands, with our internal key as id."""
    item = input_rules(item)
    out: dict = {"id": key, "type": item.get("type") or "document"}
    for name, value in item.items():
        if name in ("id", "type") or value is None or value == "" or value == []:
            continue
        if name in _LEGACY and _LEGACY[name] not in item:
            name = _LEGACY[name]  # Zotero's names, which citeproc-js reads as the CSL variables
        python = name.replace("-", "_")
        if name not in _KNOWN and python not in VARIABLES:
            continue
        if python in NAMES:
            value = [n for n in value if isinstance(n, dict)]
            value = [{k: v for k, v in n.items() if k in _NAME_PARTS} for n in value]
            if not value:
                continue
        elif python in DATES:
            value = _date(value)
            if value is None:
                continue
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out[name] = value
    if not str(out.get("citation-label") or "").strip():
        out["citation-label"] = citation_label(item)  # generated as citeproc-js does (trigraph.py)
    return out


# the variables citeproc-js reads as numbers (cs:text of these, cs:number), without rich-text markup
_NUMBER_FIELDS = frozenset(
    "page page-first chapter-number collection-number edition issue number number-of-pages number-of-volumes "
    "volume".split()
)
_NAME_PARTS = {"family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal", "comma-suffix"}
_NAME_PARTS |= {"static-ordering", "parse-names", "static-particles"}  # flags citeproc-js reads (sort_static.py)


class Source(CiteProcJSON):
    """citeproc-py's CSL-JSON source over cleaned items; strings are parsed as rich text.

    An item is parsed into citeproc-py's Reference when first looked up: a rebuild that takes most renderings from
    the memo never needs most of them (peek and set_field read and set an item's state without parsing it).
    """

    def __init__(self, items: list[dict], keys: dict[str, str], fmt: str) -> None:
        self.fmt = fmt
        self.quotes = markup.EN_QUOTES  # the rendering locale's quote marks (the engine sets them): a field's quotes
        self._items = {keys[str(item["id"])]: item for item in items}
        self._pending: dict[str, dict[str, object]] = {}  # fields set on items not parsed yet
        super().__init__([])

    def __missing__(self, key: str) -> object:
        item = self._items.get(key)
        if item is None:
            raise KeyError(key)
        cleaned = clean_item(item, key)
        CiteProcJSON.__init__(self, [cleaned])
        ref = dict.__getitem__(self, key)
        for name in _NUMBER_FIELDS.intersection(cleaned):
            if "<" in str(cleaned[name]):  # citeproc-js reads a number field as written, markup included
                ref[name.replace("-", "_")] = String(str(cleaned[name]))
        for name, value in self._pending.pop(key, {}).items():
            ref[name] = value
        return ref

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def peek(self, key: str, name: str, default: object = None) -> object:
        """A field of an item's Reference (e.g. its disambiguation state) without parsing the item."""
        ref = dict.get(self, key)
        if ref is None and name.replace("_", "-") in self._items.get(key, ()):
            ref = self[key]  # the item's data sets it (e.g. a year-suffix of its own)
        if ref is None:
            return self._pending.get(key, {}).get(name, default)
        return ref.get(name, default)

    def item_id(self, key: str) -> object:
        """The id an item has in its data."""
        return self._items.get(key, {}).get("id", key)

    def state_key(self, key: str) -> str:
        """An item's disambiguation state and year suffix as text: with the item's digest, what its renderings are
        kept under (memo.py)."""
        return f"{state_text(self.peek(key, '_dis'))}|{self.peek(key, 'year_suffix') or ''}"  # None: no suffix

    def set_field(self, key: str, name: str, value: object) -> None:
        """Set a field of an item's Reference, now or when it is parsed."""
        ref = dict.get(self, key)
        if ref is None:
            self._pending.setdefault(key, {})[name] = value
        else:
            ref[name] = value

    def parse_string(self, string: object) -> MixedString:
        """A field value as citeproc-py strings, with its rich-text markup parsed."""
        text = _FIELD_MARKS.sub(lambda m: m[0] + markup.HOLD, trim_leading(str(string), self.quotes))
        return markup.parse_rich_text(text, self.fmt, self.quotes)


class Bibliography(CitationStylesBibliography):
    """citeproc-py's bibliography with a position index (it searches its list of keys, O(n) per lookup)."""

    def register(self, citation: object, callback: object = None) -> None:
        """Register a citation's items (as citeproc-py does, without its O(n) search of the keys)."""
        citation.bibliography = self
        known = self.__dict__.get("_registered")
        if known is None:
            known = self._registered = set(self.keys)
        for item in citation.cites:
            if item.key in self.source:
                if item.key not in known:
                    known.add(item.key)
                    self.keys.append(item.key)
                    self.items.append(item)
            elif callback is not None:
                callback(item)
        self._positions: dict[str, int] | None = None

    def sort(self) -> None:
        """Sort the items by the style's bibliography sort."""
        super().sort()
        self._positions = None

    def set_order(self, items: list) -> None:
        """Put the registered items in a new order (e.g. sorted by the engine)."""
        self.items = items
        self.keys = [item.key for item in items]
        self._positions = None

    def position(self, key: str) -> int | None:
        """The 0-based place of a registered key, None when it is not registered."""
        if getattr(self, "_positions", None) is None:
            self._positions = {k: i for i, k in enumerate(self.keys)}
        return self._positions.get(key)


class Item(CitationItem):
    """citeproc-py's CitationItem with constant-time reference, number and is_bad lookups."""

    @property
    def reference(self) -> object:
        """The item's reference in the source (remembered: it is looked up hundreds of times per entry)."""
        try:
            return dict.__getitem__(self, "_litsite_ref")
        except KeyError:
            ref = dict.__getitem__(self, "citation").bibliography.source[dict.__getitem__(self, "key")]
            dict.__setitem__(self, "_litsite_ref", ref)
            return ref

    @property
    def number(self) -> int:
        """The citation number: the place among registered items, from 1."""
        return self.bibliography.position(self.key) + 1

    def is_bad(self) -> bool:
        """Whether the item has no reference in the bibliography."""
        return self.bibliography.position(self.key) is None
