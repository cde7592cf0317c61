"""cs:if / cs:else-if: type lists match any type, is-numeric per CSL, disambiguate="true", hyphenated variables.

CSL 1.0.2 "Choose": every value of a condition attribute is a test; match="all" (default), "any" or "none"
combines them. A type list such as type="book report" is one test that any of the types satisfies (as citeproc-js
does). is-numeric: numbers with optional letter affixes, also lists and ranges ("2-4", "1, 3", "12a").
disambiguate="true" holds once disambiguation reaches that step for the item.
"""

from __future__ import annotations

from citeproc import model

from litsite.csl.elements import children, extend
from litsite.csl.fixes.number_text import is_numeric as _numeric


def is_numeric(value: object, variable: str = "") -> bool:
    """CSL is-numeric as citeproc-js decides it (fixes/number_text.py: the first piece of a list or range; a
    locator's Roman numerals are not numbers, a volume's are)."""
    return _numeric(str(value), roman=variable != "locator", variable=variable)


def _present(item: object, reference: dict, variable: str, key: str) -> bool:
    """Whether the item has a non-empty variable (key: its name as citeproc-py stores it)."""
    if variable == "locator":
        return "locator" in item
    value = reference.get(key)
    return value is not None and not (isinstance(value, str | list) and not str(value).strip())


def _value(item: object, reference: dict, variable: str, key: str) -> object:
    """A variable's value; the locator is the cite's (a style asks `is-numeric="locator"`: "Chapter 3" but "3a–c")."""
    if variable == "locator":
        return item.locator.identifier if getattr(item, "has_locator", False) else ""
    return reference.get(key)


def _variables(value: str | None) -> list[tuple[str, str]] | None:
    """(CSL name, citeproc-py's name) of each variable a test names; None without the test."""
    return None if value is None else [(v, v.replace("-", "_")) for v in value.split()]


class Condition:
    """Our evaluation of cs:if and cs:else-if."""

    def _litsite_spec(self) -> tuple:
        """The element's tests, read once (a style does not change while it formats)."""
        spec = self.__dict__.get("_litsite_tests")
        if spec is None:
            attrib = dict(self.attrib)
            types = attrib["type"].split() if "type" in attrib else None
            variables = _variables(attrib.get("variable"))
            numeric = _variables(attrib.get("is-numeric"))
            disambiguate = attrib["disambiguate"] == "true" if "disambiguate" in attrib else None
            others = tuple(k for k in ("is-uncertain-date", "locator", "position") if k in attrib)
            spec = (types, variables, numeric, disambiguate, others, attrib.get("match", "all"))
            self.__dict__["_litsite_tests"] = spec
        return spec

    def litsite_holds(self, item: object, context: object = None) -> bool:
        """Whether the condition holds for the item."""
        types, variables, numeric, disambiguate, others, match = self._litsite_spec()
        reference = item.reference
        results: list[bool] = []
        if types is not None:
            results.append(reference.type in types)
        if variables is not None:
            results += [_present(item, reference, v, key) for v, key in variables]
        if numeric is not None:
            results += [
                _present(item, reference, v, key) and is_numeric(_value(item, reference, v, key), v)
                for v, key in numeric
            ]
        if disambiguate is not None:
            dis = reference.get("_dis") or {}
            results.append(bool(dis.get("cond")) == disambiguate)
        if others:
            if "is-uncertain-date" in others:
                results += self._is_uncertain_date(item)
            if "locator" in others:
                results += self._locator(item)
            if "position" in others:
                results += self._position(item, context)
        return any(results) if match == "any" else (not any(results)) if match == "none" else all(results)

    def render(self, item: object, context: object = None, delimiter: str = "", **kwargs: object) -> object:
        """Render the children if the condition holds, else raise ConditionFailed."""
        if not self.litsite_holds(item, context):
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


@extend("choose")
class Choose:
    """cs:choose: the first branch whose condition holds renders (tested without raising an exception per failed
    branch, as citeproc-py does)."""

    def render(self, item: object, context: object = None, delimiter: str = "", **kwargs: object) -> object:
        """Render the first branch that holds (cs:else always does); None when none does."""
        for child, _ in children(self):
            if isinstance(child, Condition) and not child.litsite_holds(item, context):
                continue
            return child.render_children(item, context=context, delimiter=delimiter, **kwargs)
        return None


extend("if")(type("If", (Condition,), {}))
extend("else-if")(type("ElseIf", (Condition,), {}))
