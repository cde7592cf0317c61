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
