"""cs:sort: keys from unrendered values, locale-like collation, name sort options, empty keys last.

CSL 1.0.2 "Sorting": variable keys sort on the variable's value (names as "family given" in sort order with
particles per demote-non-dropping-particle, dates as year/month/day, numbers numerically); macro keys sort on the
macro's output with names in sort order (names-min/-use-first/-use-last override et-al); items with an empty key
come last in both directions. Strings compare like ICU root collation (what citeproc-js gets from Intl): case and
accents only break ties, spaces and punctuation before digits before letters.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import cmp_to_key, lru_cache

from citeproc import NAMES
from citeproc.source import Date, DateRange, LiteralDate
from citeproc.string import String

from litsite.csl.collation import SEPARATOR, contract, primary
from litsite.csl.elements import CSL_NS, extend
from litsite.csl.fixes.groups import implicit_group
from litsite.csl.fixes.name_parse import parse_name, romanesque, strip_markup
from litsite.csl.fixes.sort_numbers import resolve
from litsite.csl.insertion import dotless_language, insertion_order, plain_lower, turkish_lower
from litsite.csl.markup import APOS, PLACEHOLDERS
from litsite.csl.sort_etal import variable_et_al_key
from litsite.csl.sort_levels import macro_dates, strip
from litsite.csl.sort_name_suffix import suffix_form
from litsite.csl.sort_padding import padded_number
from litsite.csl.sort_particles import glue_particles
from litsite.csl.sort_static import static_ordering

DATE_KEY = ("\ue1b0", "\ue1b1")  # around a date's digits in a macro's sort text (see Macro below)
_DATE_RUN = re.compile(DATE_KEY[0] + "([0-9]*)" + DATE_KEY[1])
_STRIP = re.compile("[" + "".join(sorted(PLACEHOLDERS)) + "]")


# CSL.Util.Sort.strip_prepositions: a key starting with "a", "an" or "the" and white space loses them; it runs after
# every U+0020 became the separator "|", so only other white space (no-break, tab, newline) is left to match
_ARTICLE = re.compile(r"^(?:a|an|the)(?:[^\S ]|\ufeff)+", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def collation_key(text: str, lang: str = "") -> tuple:
    """A sort key approximating ICU root collation at base strength, as citeproc-js compares (Intl.Collator,
    sensitivity "base"): only the primary weights, so keys differing in case or accents alone are equal and the
    next cs:key (then the order of the items) decides."""
    # Not trimmed: citeproc-js writes a leading or trailing U+0020 as its separator too (" Title" sorts first).
    text = _STRIP.sub("", text.replace(APOS, "’"))
    if not text:
        return ((),)
    text = _ARTICLE.sub("", text, count=1)  # "A\u00a0" keeps its separator: "|" (strip_prepositions runs after)
    text = contract(text, lang)  # ICU's contractions: Danish and Norwegian "aa" (å), Czech and Slovak "ch"
    # citeproc-js ends every key with its separator ("|"), which sorts below digits and letters but above others
    # symbols: "C++" comes before "C" + "|".
    return ((*primary(text, lang), SEPARATOR),)


def names_sort_text(
    names: list,
    demote: str,
    short: bool = False,
    language: str = "",
    given_form: Callable[[str], str] | None = None,
    levels: Sequence[int] | None = None,
) -> str:
    """Names as a sort key text, comma-separated; `short` (a macro's names of form="short"): the family names only,
    as citeproc-js sorts them; `given_form` writes a given name as the macro does (initialised), when the name has
    a family name (citeproc-js leaves "Homer" alone); `levels` (sort_givens.py), per name, overrides both: 0 the
    family name only, 1 the given name by `given_form`, 2 as written."""
    suffix = suffix_form(given_form)
    if levels is None:
        return _names_key(names, demote, short, language, given_form, suffix)
    parts = []
    for name, level in zip(names, levels, strict=True):
        form = given_form if level == 1 else None
        parts.append(_names_key([name], demote, level == 0, language, form, suffix))
    return ", ".join(part for part in parts if part)


_FIRST_APOSTROPHE = re.compile("['’]")
ET_AL_PARTICLE = re.compile("^et.?al[^a-z]$")  # "et al." written as a name's dropping particle ("L. et al.")


def _names_key(
    names: list,
    demote: str,
    short: bool = False,
    language: str = "",
    given_form: Callable[[str], str] | None = None,
    suffix_of: Callable[[str], str] | None = None,
) -> str:
    parts = []
    for name in names:
        if "literal" in name:
            parts.append(str(name["literal"]))
            continue
        parsed = parse_name(dict(name))
        given, family, suffix = parsed.given, parsed.family, parsed.suffix
        if suffix_of is not None and suffix:
            suffix = suffix_of(
                strip_markup(suffix)
            )  # "Ph.D." is "Ph. D." under initialize-with=". " (sort_name_suffix)
        if given_form is not None and given and family:
            given = given_form(strip_markup(given))  # "<i>Anna</i>" is initialised as "Anna" (citeproc-js)
        # citeproc-js drops a particle's first apostrophe in a sort key ("d’Alembert" sorts as "d Alembert")
        dp = _FIRST_APOSTROPHE.sub("", parsed.dropping_particle, count=1)
        ndp = _FIRST_APOSTROPHE.sub("", parsed.non_dropping_particle, count=1)
        if short or ET_AL_PARTICLE.match(parsed.dropping_particle):
            dp = ""  # an "et al." particle ends the list instead (Name._sort_text)
        if short:
            given = suffix = ""
        level = romanesque(parsed, language)
        if level == 2 and static_ordering(name, language):
            level = 1
        if level == 0:  # no Latin letters: family and given written together ("李小龙")
            parts.append("".join(p for p in (ndp, family, given) if p))
        elif level == 1:  # in the name's own order, without a dropping particle or suffix
            parts.append(" ".join(p for p in (ndp, family, given) if p))
        elif demote == "never":
            parts.append(" ".join(p for p in (ndp, family, dp, given, suffix) if p))
        else:  # particles after the given names (CSL.NameOutput._renderOnePersonalName, sort_key_flag)
            parts.append(" ".join(p for p in (family, given, dp, ndp, suffix) if p))
    return strip_markup(", ".join(parts))


def _date_key(value: object) -> tuple | None:
    """(year, month, day); a range adds its end, so ranges with the same start sort by their end (citeproc-js).
    A season is no month in a sort key, and a date without a year no key (CSL.dateAsSortKey)."""
    if isinstance(value, DateRange):
        end_date = getattr(value, "end", None)
        begin, end = _date_key(value.begin), _date_key(end_date) if end_date is not None else None
        return None if begin is None else begin + (end or ())
    if isinstance(value, Date):
        if not value.get("year"):
            return None
        month = int(value.get("month", 0) or 0)
        month = month if 1 <= month <= 12 else 0  # a season written as month 13-24 sorts as no month (citeproc-js)
        return (int(value["year"]), month, int(value.get("day", 0) or 0))
    return None


NUMERIC_VARIABLES = frozenset(
    "call_number chapter_number collection_number division edition page issue locator number number_of_pages "
    "number_of_volumes part_number printing_number section supplement_number version volume supplement".split()
)  # CSL.NUMERIC_VARIABLES


def _number_key(value: object, lang: str) -> object:
    """citeproc-js's CSL.Util.padding (sort_padding): the first run of digits anywhere in the value ("bk. 3" → 3) as
    a number (collated, so a number sorts before a text without digits), else the text."""
    padded = padded_number(str(value))
    return collation_key(str(value) if padded is None else padded.lstrip("0") or "0", lang)


# A raw sort value is what the key is computed from, in a form that can be stored (JSON): None (empty), an int
# (citation-number) or [kind, payload] with kind "c" (collate the text), "d" (a date's [year, month, day]) or "n"
# (a number, else collate the text). raw_to_key turns it into the comparable key.
Raw = None | int | list


def _kind(raw: Raw) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, int):
        return "i"
    kind = raw[0]
    return "c" if kind == "n" else kind  # _number_key collates numbers too


def _uniform(raws: list[list[Raw]]) -> bool:
    """Whether each key position holds one kind of key (besides empty ones) across all items."""
    seen: dict[int, str] = {}
    for row in raws:
        for n, raw in enumerate(row):
            kind = _kind(raw)
            if kind is not None and seen.setdefault(n, kind) != kind:
                return False
    return True


def raw_to_key(raw: Raw, lang: str = "") -> object:
    """The comparable key of a raw sort value, texts collated in the locale `lang`."""
    if raw is None or isinstance(raw, int):
        return raw
    kind, payload = raw
    if kind == "c":
        return collation_key(payload, lang)
    if kind == "d":
        return tuple(payload)
    return _number_key(payload, lang)


@extend("key")
class Key:
    """cs:key producing raw sort values (None when empty)."""

    def _et_al(self, names: list) -> list:
        """A names variable's key truncated as citeproc-js does: the key's names-min / names-use-first /
        names-use-last, else the et-al options of the enclosing cs:bibliography or cs:citation, then cs:style."""
        holders = [self, *(el for el in (self.getparent().getparent(), self.get_root()) if el is not None)]

        def option(key_name: str, name: str) -> str | None:
            if key_name in self.attrib:
                return self.get(key_name)
            return next((el.get(name) for el in holders[1:] if el.get(name) is not None), None)

        return _truncated(
            names,
            option("names-min", "et-al-min"),
            option("names-use-first", "et-al-use-first"),
            option("names-use-last", "et-al-use-last"),
        )

    def litsite_raw(self, item: object, context: object) -> Raw:
        """The raw sort value of one item."""
        variable = self.get("variable")
        if variable:
            if variable == "citation-number":
                return item.number
            python = variable.replace("-", "_")
            value = item.reference.get(python)
            if value is None or (isinstance(value, str | list) and not str(value).strip()):
                return None
            if python in NAMES:
                demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort")
                names, lang = self._et_al(list(value)), str(item.reference.get("language") or "")
                text = variable_et_al_key(self, names, lambda ns: _names_key(ns, demote, language=lang))
                text = text if text is not None else _names_key(names, demote, language=lang)
                return ["c", glue_particles(text, names, demote, str(getattr(self.get_root(), "litsite_lang", "")))]
            if isinstance(value, Date | DateRange | LiteralDate):
                date = _date_key(value)
                return None if date is None else ["d", list(date)]
            if python in NUMERIC_VARIABLES:
                return ["n", str(value)]
            return ["c", str(value)]
        options = {"name-as-sort-order": "all"}
        for option in ("names-min", "names-use-first", "names-use-last"):
            if option in self.attrib:
                options[option.replace("names", "et-al")] = self.get(option)
        macro = self.get_macro(self.get("macro"))
        layout = context.get_layout()
        saved = getattr(layout, "repressed", {})
        layout.repressed = {}
        used = item.get("_used")
        item["_used"] = set()
        try:
            text = implicit_group(lambda: macro.render(item, context=context, sort_options=options))
        except Exception:
            text = None
        layout.repressed = saved
        item["_used"] = used or set()
        text = _date_runs(resolve(str(text))) if text is not None else ""
        return ["c", text] if text.strip() else None


def _truncated(names: list, et_al_min: str | None, first: str | None, last: str | None) -> list:
    """The names a sort key holds under et-al-min / et-al-use-first / et-al-use-last (no "et al." term)."""
    if not et_al_min or first is None or len(names) < int(et_al_min) or int(first) >= len(names):
        return names  # et-al-min without et-al-use-first truncates nothing (citeproc-js)
    kept = names[: int(first)]
    return kept + names[-1:] if last == "true" and len(names) > int(first) + 1 else kept


def _date_runs(text: str) -> str:
    """A macro's sort text with its dates' digits and without the marks of the levels they left open: what follows
    a date went into its macro's level (sort_levels), so "(1990) 1999" is one number "(19901999)" that sorts after
    "1999", and "1999 (1990)" two numbers."""
    return strip(text).replace(DATE_KEY[0], "").replace(DATE_KEY[1], "")


@extend("macro")
class Macro:
    """cs:macro in a sort key: a macro holding a cs:date of its own gives only its dates' digits (citeproc-js's
    "macro-has-date"), so its terms ("n.d."), affixes and other variables do not sort."""

    def render(self, item: object, context: object = None, sort_options: dict | None = None) -> object:
        """The macro's output; in a sort key, only the digits of its dates when it holds a cs:date itself."""
        text = super().render(item, context=context, sort_options=sort_options)
        if sort_options is None or text is None or not _has_date(self):
            return text
        # a date opens a level it never closes (citeproc-js), what follows goes in it; no date: no output at all
        return String(dates) if (dates := macro_dates(str(text), _DATE_RUN, DATE_KEY)) is not None else None


def _has_date(macro: object) -> bool:
    """Whether a cs:date is among the macro's own descendants (not those of the macros it calls)."""
    found = getattr(macro, "_litsite_has_date", None)
    if found is None:
        found = bool(macro.xpath(".//cs:date", namespaces={"cs": CSL_NS}))
        macro._litsite_has_date = found
    return found


@extend("sort")
class Sort:
    """cs:sort with our keys and comparison."""

    def litsite_raw(self, item: object, context: object) -> list[Raw]:
        """One raw sort value per cs:key for an item."""
        return [key.litsite_raw(item, context) for key in self.findall("cs:key", self.nsmap)]

    def litsite_order(
        self, raws: list[list[Raw]], dotless: Sequence[bool] = (), cites: Sequence[str] | None = None
    ) -> list[int]:
        """Positions of the items (given by their raw values) in sorted order (stable; empty keys last); with whether
        each is inserted lower-cased the Turkish way (insertion.batch_flags) and their cites, citeproc-js's insertion
        order when Turkish or Azeri change its lower-casing."""
        lang = self._lang()
        keys = [[raw_to_key(raw, lang) for raw in row] for row in raws]
        default = dotless_language("", lang)  # how the collation itself lower-cases "I" (collation.weights)
        if any(f != default for f in dotless) and any("I" in str(r) or "İ" in str(r) for row in raws for r in row):
            turkish = [[raw_to_key(_lowered_raw(raw, turkish_lower), lang) for raw in row] for row in raws]
            plain = [[raw_to_key(_lowered_raw(raw, plain_lower), lang) for raw in row] for row in raws]
            compare = self._compare()
            pick = lambda a, b, flag: compare(*((turkish if flag else plain)[i] for i in (a, b)))  # noqa: E731
            return insertion_order(len(raws), dotless, pick, cites)
        rows = list(range(len(raws)))
        if not any(self._descending()):
            # All ascending: the same order from plain tuples (empty keys last), sorted in C, unless some position
            # mixes kinds of keys (e.g. a number and a text), which only the comparison handles.
            try:
                rows.sort(key=lambda i: tuple((x is None, x) for x in keys[i]))
                return rows
            except TypeError:
                rows = list(range(len(raws)))
        compare = self._compare()
        rows.sort(key=cmp_to_key(lambda a, b: compare(keys[a], keys[b])))
        return rows

    def litsite_insert(self, order: list[int], raws: list[list[Raw]], new: list[int]) -> list[int] | None:
        """The sorted order of all items, given the sorted order of all but `new` (positions into raws): each new
        item is put where a full stable sort would put it. None when some key position mixes kinds of keys (then
        the comparison is not a consistent order and only a full sort gives the reference result)."""
        if not _uniform(raws):
            return None
        compare = self._compare()
        lang = self._lang()
        keys: dict[int, list[object]] = {}

        def key_of(i: int) -> list[object]:
            found = keys.get(i)
            if found is None:
                found = keys[i] = [raw_to_key(raw, lang) for raw in raws[i]]
            return found

        # A stable sort orders equal keys by position: the order is that of (keys, position).
        rank = cmp_to_key(lambda a, b: compare(key_of(a), key_of(b)) or (a > b) - (a < b))
        out = list(order)
        for i in sorted(new):
            bisect.insort(out, i, key=rank)
        return out

    def _lang(self) -> str:
        """The locale the keys are collated in: the formatting locale (citeproc-js's default-locale-sort)."""
        root = self.get_root()
        return str(getattr(root, "litsite_lang", None) or root.get("default-locale") or "en-US")

    def _descending(self) -> list[bool]:
        return [key.get("sort", "ascending") == "descending" for key in self.findall("cs:key", self.nsmap)]

    def _compare(self) -> Callable[[list[object], list[object]], int]:
        flags = self._descending()

        def compare(ka: list[object], kb: list[object]) -> int:
            for x, y, descending in zip(ka, kb, flags, strict=True):
                if x is None and y is None:
                    continue
                if x is None:
                    return 1
                if y is None:
                    return -1
                if type(x) is not type(y):
                    x, y = str(x), str(y)
                if x != y:
                    result = -1 if x < y else 1  # type: ignore[operator]
                    return -result if descending else result
            return 0

        return compare

    def sort(self, items: list, context: object) -> list:
        """Items (a cluster's cites) sorted by the keys, lower-cased as the language of the last of them, which
        citeproc-js renders last before it sorts (insertion.py)."""
        raws = [self.litsite_raw(item, context) for item in items]
        language = items[-1].reference.get("language") if items else None
        dotless = [dotless_language(language, self._lang())] * len(items)
        return [items[i] for i in self.litsite_order(raws, dotless=dotless)]


def _lowered_raw(raw: Raw, lower: Callable[[str], str]) -> Raw:
    """A raw sort value with its "I" lower-cased the Turkish or the plain way (insertion.py)."""
    return [raw[0], lower(str(raw[1]))] if isinstance(raw, list) and raw[0] in ("c", "n") else raw
