"""Memoised style lookups: citeproc-py re-evaluates the same XPath queries and `calls_variable` walks for every
entry (about 40% of its time, mostly `get_macro`'s search of the whole style). A style's tree does not change while
it formats, so each element remembers the answers it gave.

The memo lives on the element's Python proxy; `Style` keeps every proxy of its trees alive (see elements.Style), so
the memo lasts as long as the style. Should a proxy ever be recreated, its memo is simply empty: slower, never wrong.
"""

from __future__ import annotations

from typing import Any

from litsite.csl.elements import extend, tags


class MemoisedLookups:
    """Mixin for every CSL element: remember xpath_search results and calls_variable per element."""

    def xpath_search(self, expression: str) -> Any:
        """citeproc-py's XPath search, once per element and expression."""
        memo = self.__dict__.setdefault("_litsite_xpath", {})
        found = memo.get(expression)
        if found is None:
            found = memo[expression] = super().xpath_search(expression)  # type: ignore[misc]
        return found

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
extend("locale")(MemoisedTerms)
