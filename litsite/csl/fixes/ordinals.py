"""Ordinal suffixes as CSL 1.0.1 defines them and citeproc-js applies them: match and gender-form.

An `ordinal-NN` term matches the whole number (match="whole-number"), its last two digits (the default for
ordinal-10 … ordinal-99) or its last digit (the default for ordinal-00 … ordinal-09); the whole number is tried first,
then the last two digits, then the last digit, else the plain `ordinal` term (so 112 takes ordinal-12's "th", not
ordinal-02's "nd"). Terms with a gender-form apply to a number counting a noun of that gender (the `gender` of the
variable's term, "edition" in fr-FR; a day counts its month), else the neuter ones. citeproc-py looked up
"ordinal-112", then the last digit only, without genders.
"""

from __future__ import annotations

from citeproc import model

from litsite.csl.elements import extend

_Table = dict[str, dict[str, dict[str, str]]]


def _locales(element: object) -> list:
    root = element.get_root()
    if isinstance(root, model.Locale):  # a localized date's part: the style's own cs:locale first
        chain = list(getattr(getattr(root, "style", None), "locales", None) or [])
        return chain[: chain.index(root) + 1] if root in chain else [root]
    return list(root.locales)


def _table(element: object) -> tuple[_Table, str | None]:
    """The ordinal terms of the first locale that has any, by match, stub and gender-form; and the `ordinal` term."""
    for locale in _locales(element):
        terms = locale.find("cs:terms", locale.nsmap)
        if terms is None:
            continue
        table: _Table = {"whole-number": {}, "last-two-digits": {}, "last-digit": {}}
        plain = None
        for term in terms.findall("cs:term", terms.nsmap):
            name = term.get("name", "")
            if not name.startswith("ordinal") or term.get("form"):
                continue
            if name == "ordinal":
                plain = plain if plain is not None else str(term.single)
                continue
            stub = name[8:]
            match = term.get("match") or ("last-digit" if stub.startswith("0") else "last-two-digits")
            stub = stub[1:] if stub.startswith("0") else stub
            forms = table.setdefault(match, {}).setdefault(stub, {})
            forms.setdefault(term.get("gender-form") or "neuter", str(term.single))
        if plain is not None or any(table.values()):
            return table, plain
    return {}, None


def noun_gender(element: object, noun: str | None) -> str | None:
    """The grammatical gender the locale gives the term `noun` ("feminine" for fr-FR's edition), if any."""
    if not noun:
        return None
    for locale in _locales(element):
        try:
            term = locale.get_term(noun)
        except IndexError:
            continue
        if term is not None:
            return term.get("gender")
    return None


def ordinal(number: int, element: object, gender: str | None = None) -> str:
    """The number with its ordinal suffix ("112th", "1ᵉʳ")."""
    memo = element.get_root().__dict__.setdefault("_litsite_ordinals", {})
    key = tuple(id(locale) for locale in _locales(element))
    if key not in memo:
        memo[key] = _table(element)
    table, plain = memo[key]
    text = str(number)
    for trying in [g for g in (gender, "neuter") if g]:
        for match, key in (("whole-number", text), ("last-two-digits", text[-2:]), ("last-digit", text[-1:])):
            found = table.get(match, {}).get(key, {}).get(trying)
            if found is not None:
                return text + found
    return text + (plain or "")


@extend("number")
class OrdinalNumber:
    """cs:number form="ordinal" (and long-ordinal above ten) with CSL 1.0.1 ordinal matching and genders."""

    def format_number(self, number: object) -> object:
        """The number in the element's form."""
        form = self.get("form", "numeric")
        try:
            value = int(str(number))
        except ValueError:
            return super().format_number(number)
        if value == 0:
            return "0"  # citeproc-js writes nought as it is in every form ("0", not "0th" nor an empty roman)
        if form == "ordinal" or (form == "long-ordinal" and value > 10):
            variable = (self.get("variable") or "").replace("_", "-")
            return ordinal(value, self, noun_gender(self, variable))
        return super().format_number(number)
