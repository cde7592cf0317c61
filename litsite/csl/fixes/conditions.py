"""cs:if / cs:else-if: type lists match any type, is-numeric per CSL, disambiguate="true", hyphenated variables.

CSL 1.0.2 "Choose": every value of a condition attribute is a test; match="all" (default), "any" or "none"
combines them. A type list such as type="book report" is one test that any of the types satisfies (as citeproc-js
does). is-numeric: numbers with optional letter affixes, also lists and ranges ("2-4", "1, 3", "12a").
disambiguate="true" holds once disambiguation reaches that step for the item.
"""

from __future__ import annotations

import re

from citeproc import model

from litsite.csl.elements import extend

_NUM = re.compile(r"^[A-Za-z]*\d+[A-Za-z]*$")


def is_numeric(value: object) -> bool:
    """CSL is-numeric: every piece of a list or range is a number with optional letter affixes."""
    text = str(value).strip()
    if not text:
        return False
    pieces = [p.strip() for p in re.split(r"\s*(?:[,&\-–]|\band\b)\s*", text)]
    return all(p and _NUM.match(p) for p in pieces)


def _has(item: object, variable: str) -> bool:
    if variable == "locator":
        return "locator" in item
    value = item.reference.get(variable.replace("-", "_"))
    return value is not None and not (isinstance(value, str | list) and not str(value).strip())


class Condition:
    """Our evaluation of cs:if and cs:else-if."""

    def render(self, item: object, context: object = None, delimiter: str = "", **kwargs: object) -> object:
        """Render the children if the condition holds, else raise ConditionFailed."""
        results: list[bool] = []
        if "type" in self.attrib:
            results.append(item.reference.type in self.get("type").split())
        if "variable" in self.attrib:
            results += [_has(item, v) for v in self.get("variable").split()]
        if "is-numeric" in self.attrib:
            results += [
                _has(item, v) and is_numeric(item.reference.get(v.replace("-", "_")) if v != "locator" else "")
                for v in self.get("is-numeric").split()
            ]
        if "disambiguate" in self.attrib:
            dis = item.reference.get("_dis") or {}
            results.append(bool(dis.get("cond")) == (self.get("disambiguate") == "true"))
        if "is-uncertain-date" in self.attrib:
            results += self._is_uncertain_date(item)
        if "locator" in self.attrib:
            results += self._locator(item)
        if "position" in self.attrib:
            results += self._position(item, context)
        match = self.get("match", "all")
        ok = any(results) if match == "any" else (not any(results)) if match == "none" else all(results)
        if not ok:
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


extend("if")(type("If", (Condition,), {}))
extend("else-if")(type("ElseIf", (Condition,), {}))
