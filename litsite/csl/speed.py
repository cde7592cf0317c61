"""Memoised style lookups and skipped no-ops: citeproc-py re-evaluates the same XPath queries, child lookups and
`calls_variable` walks for every entry (about 40% of its time, mostly `get_macro`'s search of the whole style), and
applies formatting and affixes that most elements do not set. A style's tree does not change while it formats (it
only gains a missing cs:name), so each element remembers the answers it gave.

The memo lives on the element's Python proxy; `Style` keeps every proxy of its trees alive (see elements.Style), so
the memo lasts as long as the style. Should a proxy ever be recreated, its memo is simply empty: slower, never wrong.
"""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String, join

from litsite.csl.elements import base_classes, children, extend, tags
from litsite.csl.punctuation import unseal
from litsite.csl.sort_levels import has_marks, join_branch, join_level


def _remembered(element: Any, slot: str, key: Any, method: str) -> Any:
    """The answer of the element's next class's `method`(key) (the one MemoisedLookups overrides), asked once per
    element and key; a None answer is asked again (a missing cs:name may be added later)."""
    memo = element.__dict__.setdefault(slot, {})
    found = memo.get(key)
    if found is None:
        found = memo[key] = getattr(super(MemoisedLookups, element), method)(key)
    return found


class MemoisedLookups:
    """Mixin for every CSL element: remember child, xpath_search, get_macro and calls_variable lookups per element."""

    def xpath_search(self, expression: str) -> Any:
        """citeproc-py's XPath search, once per element and expression."""
        return _remembered(self, "_litsite_xpath", expression, "xpath_search")

    def __getattr__(self, name: str) -> Any:
        """citeproc-py's child lookup by attribute (`names.name`, `style.citation`), a found child remembered:
        elements are only ever added to a style's tree while it formats (a missing cs:name), never removed."""
        return _remembered(self, "_litsite_found", name, "__getattr__")

    def get_macro(self, name: str) -> Any:
        """citeproc-py's macro lookup (an XPath search built from the name), once per element and name."""
        return _remembered(self, "_litsite_macros", name, "get_macro")

    def calls_variable(self) -> bool:
        """Whether the element renders a variable (a static property of the style), computed once."""
        memo = self.__dict__
        if "_litsite_calls" not in memo:
            memo["_litsite_calls"] = super().calls_variable()  # type: ignore[misc]
        return memo["_litsite_calls"]


for _tag in tags():
    extend(_tag)(MemoisedLookups)


class RootLookup:
    """Mixin for every CSL element: the root of a style's tree never changes, so find it once."""

    def get_root(self) -> Any:
        """The root element (style or locale)."""
        memo = self.__dict__
        root = memo.get("_litsite_root")
        if root is None:
            root = memo["_litsite_root"] = super().get_root()  # type: ignore[misc]
        return root


def _in_style_locales(locale: Any) -> list[Any]:
    """The cs:locale elements of the style a locale file serves, in the style's order, before that file."""
    style = getattr(locale, "style", None)
    chain = getattr(style, "locales", None) or []
    return [loc for loc in chain[: chain.index(locale)] if loc.getparent() is not None] if locale in chain else []


class LocaleTreeTerms:
    """Mixin for every CSL element: a term asked by an element of a locale's own tree (a date format the style takes
    from the locale) is that locale's term or none. citeproc-py asks the locale directly there, and a term the locale
    lacks (`ordinal-03` in de-DE) raised IndexError out of the whole entry; as everywhere else in citeproc-py (and as
    citeproc-js does), a missing term is no term: the caller falls back (to `ordinal`) or renders nothing."""

    def get_term(
        self, name: str, form: str | None = None, fallback_locale: bool = True, zero_padded: bool = False
    ) -> Any:
        """citeproc-py's CslElement.get_term; None instead of IndexError for a term the locale lacks."""
        root = self.get_root()  # type: ignore[attr-defined]
        if isinstance(root, model.Locale):
            # the style's own cs:locale overrides the locale file's terms here too (citeproc-js merges them)
            for locale in [*_in_style_locales(root), root]:
                try:
                    return locale.get_term(name, form)
                except IndexError:
                    continue
            return None
        return super().get_term(name, form, fallback_locale, zero_padded)  # type: ignore[misc]


class MemoisedTerms:
    """Mixin for cs:locale: a term lookup is an XPath search of the locale's terms; remember each answer."""

    def get_term(self, name: str, form: str | None = None, zero_padded: bool = False) -> Any:
        """citeproc-py's get_term, once per (name, form, zero_padded); IndexError when the locale lacks it."""
        memo = self.__dict__.setdefault("_litsite_terms", {})
        key = (name, form, zero_padded)
        if key not in memo:
            try:
                memo[key] = super().get_term(name, form, zero_padded)  # type: ignore[misc]
            except IndexError:
                memo[key] = None
        found = memo[key]
        if found is None:
            raise IndexError(name)
        return found


for _tag in tags():
    extend(_tag)(RootLookup)
    if _tag != "locale":
        extend(_tag)(LocaleTreeTerms)
extend("locale")(MemoisedTerms)


# Formatting attributes and the value that leaves the text as it is (citeproc-py's Formatted.format applies them).
_PLAIN = (
    ("font-style", "normal"),
    ("font-variant", "normal"),
    ("font-weight", "normal"),
    ("text-decoration", "none"),
    ("vertical-align", "baseline"),
)


class PlainFormat:
    """Mixin for formatting elements: most set no formatting attribute, and citeproc-py's format then returns the
    text as it is (after five attribute reads per call)."""

    def format(self, string: Any) -> Any:
        """citeproc-py's Formatted.format, skipped when the element sets no formatting attribute."""
        memo = self.__dict__
        plain = memo.get("_litsite_plain")
        if plain is None:
            plain = memo["_litsite_plain"] = all(self.get(name) is None for name, _ in _PLAIN)  # type: ignore[attr-defined]
        if plain:
            return str(string) if isinstance(string, int | float) else string
        return super().format(string)  # type: ignore[misc]


class NoAffixes:
    """Mixin for affixed elements: most have neither prefix nor suffix nor formatting, and citeproc-py's wrap then
    returns the text as it is (after two attribute reads and two seam checks per call)."""

    def wrap(self, string: Any) -> Any:
        """citeproc-py's Affixed.wrap, skipped when the element has neither prefix nor suffix."""
        memo = self.__dict__
        bare = memo.get("_litsite_bare")
        if bare is None:
            # a formatting attribute counts too: fixes/decorations seals what a decorated element writes
            bare = not self.get("prefix") and not self.get("suffix")  # type: ignore[attr-defined]
            bare = memo["_litsite_bare"] = bare and all(self.get(name) is None for name, _ in _PLAIN)  # type: ignore[attr-defined]
        return string if bare else super().wrap(string)  # type: ignore[misc]


_BRANCHES = ("if", "else-if", "else")


class KnownChildren:
    """Mixin for the elements that only arrange their children (layout, macro, group, cs:choose's branches): their
    children as elements.children remembers them."""

    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        """citeproc-py's Parent.render_children over the remembered children."""
        output = []
        for child, choose in children(self):
            try:
                text = child.render(item, delimiter=delimiter, **kwargs) if choose else child.render(item, **kwargs)
            except VariableError:
                continue
            if text is not None:
                output.append(text)
        if not output:
            return None
        # a choose branch is transparent: the marks after its last child are its parent's business
        branch = self.tag.rsplit("}", 1)[-1] in _BRANCHES
        pieces = unseal(output, delimiter, not branch)
        if has_marks(pieces):  # a date's level left open in a sort key (sort_levels)
            return String(join_branch(pieces, delimiter) if branch else join_level(pieces, delimiter))
        return join(pieces, delimiter)


for _tag, _base in base_classes().items():
    if issubclass(_base, model.Formatted):
        extend(_tag)(PlainFormat)
    if issubclass(_base, model.Affixed):
        extend(_tag)(NoAffixes)
for _tag in ("layout", "macro", "group", "if", "else-if", "else"):
    extend(_tag)(KnownChildren)
