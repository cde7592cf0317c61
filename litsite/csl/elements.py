"""Load CSL styles and locales with our own element classes (subclasses of citeproc-py's) via lxml's lookup.

Corrections register mixins for a CSL element name with :func:`extend`; the class used for an element is the
mixins in the order :data:`LAYERS` gives, followed by citeproc-py's class. Nothing in citeproc-py itself is changed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from citeproc import LANGUAGE_NAMES, LOCALES_PATH, PRIMARY_DIALECTS, model
from citeproc.frontend import CitationStylesStyle
from lxml import etree

CSL_NS = "http://purl.org/net/xbiblio/csl"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# The modules that put mixins on citeproc-py's element classes, from the one nearest citeproc-py's class to the
# outermost: in each element's class (its MRO), a later layer's mixins come before an earlier one's, and within one
# module a mixin registered later comes before one registered earlier (as a later decorator wraps an earlier one).
# The order is this list, not the order in which the modules happen to be imported; tests/csl/test_layers.py pins
# the resulting MRO of every element class. Each layer corrects defects listed in docs/citeproc-py-defects.md.
# Where the order matters:
# - fixes.numbers above fixes.groups: TextNumbers._variable puts en dashes into what TrackedText._variable (which
#   reports the variable to its group and suppresses substituted ones) returns, and TrackedText.process calls
#   self._variable, so the dash fix runs first in the chain and the tracking sees every call; NumberPages (renaming
#   hyphenated variables for citeproc-py) wraps TrackedNumber's report; CountLabel decides the plural before
#   groups.Label drops an empty label.
# - fixes.quotes above fixes.groups: QuotedValue.process answers cs:text value="…" itself and hands every other
#   cs:text to TrackedText.process, which replaces citeproc-py's Text.process without calling it.
# - fixes.sort_numbers above fixes.layout: its render marks and resolves number blobs in macro sort keys around
#   Display's render (which changes nothing in a sort key).
# - speed outermost: it remembers the answers of everything below (lookups, children, terms — labels'
#   TermFormFallback.get_term among them; groups.Group's calls_variable) and skips no-op formatting and affixes;
#   it changes no output (tests/csl/test_speed.py).
# Every other layer overrides methods no other layer overrides on the same element (tests/csl/test_layers.py lists
# the methods two layers share), so its place is free, but fixed here.
LAYERS: tuple[str, ...] = (
    "litsite.csl.fixes.conditions",  # cs:choose / cs:if: type lists, is-numeric, disambiguate, hyphenated variables
    "litsite.csl.fixes.dates",  # localized date delimiters, ranges, implicit year-suffix
    "litsite.csl.fixes.groups",  # empty groups and substituted variables suppressed, tracked while rendering
    "litsite.csl.fixes.labels",  # term forms the locales lack fall back (verb-short → verb → long), labels and texts
    "litsite.csl.fixes.ordinals",  # CSL 1.0.1 ordinals: match, gender forms
    "litsite.csl.fixes.decorations",  # explicit normal/baseline decorations; marks around decorated elements
    "litsite.csl.fixes.layout",  # second-field-align, display, cite order, suppress-author / author-only
    "litsite.csl.fixes.names",  # initialize, particles, delimiters, et-al, disambiguation hooks
    "litsite.csl.fixes.numbers",  # page ranges and en dashes in number ranges; plural counts
    "litsite.csl.fixes.positions",  # positions from note numbers (citeproc-js's rules), near-note distance
    "litsite.csl.fixes.quotes",  # quotes="true" and cs:text value quotes
    "litsite.csl.fixes.sorting",  # sort keys from values, collation, empty keys last
    "litsite.csl.fixes.sort_numbers",  # citeproc-js's "undefined" before number blobs in macro sort keys
    "litsite.csl.fixes.text_case",  # text-case on text, label, number, date-part, name-part
    "litsite.csl.fixes.variables",  # hyphenated variables on cs:names, suppress-author
    "litsite.csl.speed",  # memoised lookups and skipped no-ops, outermost
)

_MIXINS: dict[str, list[type]] = {}


def base_classes() -> dict[str, type]:
    """citeproc-py's class of each CSL element name that has one of its own (before our mixins)."""
    return {cls.__name__.replace("_", "-").lower(): cls for cls in model.CitationStylesElement.__subclasses__()}


def tags() -> tuple[str, ...]:
    """The CSL element names that have classes of their own."""
    return tuple(sorted(base_classes()))


def extend(tag: str) -> Callable[[type], type]:
    """Class decorator: add a mixin to the class of CSL element `tag` (e.g. "text", "names")."""

    def register(mixin: type) -> type:
        if mixin.__module__ not in LAYERS:
            raise RuntimeError(f"{mixin.__module__} extends cs:{tag}: give it its place in elements.LAYERS")
        _MIXINS.setdefault(tag, []).append(mixin)
        _element_classes.cache_clear()
        return mixin

    return register


@cache
def _element_classes() -> dict[str, type]:
    classes = base_classes()
    for tag, mixins in _MIXINS.items():
        base = classes[tag]
        ordered = sorted(mixins, key=lambda mixin: LAYERS.index(mixin.__module__))  # stable: registration order kept
        classes[tag] = type(base.__name__, (*reversed(ordered), base), {})
    return classes


def _parser() -> etree.XMLParser:
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = model.CitationStylesElement
    namespace.update(_element_classes())
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
    parser.set_element_class_lookup(lookup)
    return parser


def parse(path: Path | str) -> etree._ElementTree:
    """Parse a CSL style or locale file into our element classes."""
    return etree.parse(str(path), _parser())


@cache
def _locale_bytes(name: str) -> bytes | None:
    path = Path(LOCALES_PATH) / f"locales-{name}.xml"
    return path.read_bytes() if path.is_file() else None


def _locale_root(name: str) -> model.Locale | None:
    data = _locale_bytes(name)
    if data is None:
        return None
    return etree.fromstring(data, _parser())


class Style(CitationStylesStyle):
    """A citeproc-py style whose elements are our classes; the locale chain is built the way CSL 1.0.2 says."""

    def __init__(self, path: Path | str, locale: str | None = None) -> None:
        self.xml = parse(path)
        self.root = self.xml.getroot()
        if locale is None:
            locale = self.root.get("default-locale", "en-US")
        self.root.locales = self._locale_chain(locale)
        self.root.litsite_lang = locale  # which items are title-cased depends on it (fixes/text_case.py)
        for loc in self.root.locales:
            loc.style = self.root
        # Keep every element's Python proxy alive, so that what the elements remember (speed.py) lasts.
        self._proxies = [el for tree in (self.root, *self.root.locales) for el in tree.iter()]

    def _locale_chain(self, locale: str) -> list[model.Locale]:
        """In-style locales (dialect, language, none) then locale files (dialect, primary dialect, en-US)."""
        language = locale.split("-")[0]
        chain: list[model.Locale] = []
        in_style = {el.get(XML_LANG): el for el in self.root.findall(f"{{{CSL_NS}}}locale")}
        for key in (locale, language, None):
            if key in in_style and in_style[key] not in chain:
                chain.append(in_style[key])
        files: list[str] = []
        for name in (locale if locale in LANGUAGE_NAMES else None, PRIMARY_DIALECTS.get(language), "en-US"):
            if name and name not in files and (name != "en-US" or not files):
                files.append(name)  # citeproc-js: en-US's terms are no fallback for another language's locale
        for name in files:
            root = _locale_root(name)
            if root is not None:
                chain.append(root)
        return chain


def children(element: Any) -> list[tuple[Any, bool]]:
    """(child, whether it is a cs:choose) for each child of an element, found once: citeproc-py looks them up on every
    rendering. Only for elements whose children never change while a style formats (not cs:names, whose missing
    cs:name is added on first use); the list lives on the element's proxy, which Style keeps alive."""
    memo = element.__dict__
    found = memo.get("_litsite_children")
    if found is None:
        found = memo["_litsite_children"] = [
            (child, isinstance(child, model.Choose)) for child in element.iterchildren()
        ]
    return found
