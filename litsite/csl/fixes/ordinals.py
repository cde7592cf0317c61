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
_Terms = dict[str, dict[str, str]]  # term name -> gender form ("neuter" for none) -> text


def _locales(element: object) -> list:
    root = element.get_root()
    if isinstance(root, model.Locale):  # a localized date's part: the style's own cs:locale first
        chain = list(getattr(getattr(root, "style", None), "locales", None) or [])
        return chain[: chain.index(root) + 1] if root in chain else [root]
    return list(root.locales)


def _forms(terms: object, name: str) -> dict[str, str]:
    """A term's long forms by gender form; a term given only in gender forms has the feminine one, else the
    masculine one, as its plain form (citeproc-js's localeSet)."""
    forms: dict[str, str] = {}
    for term in terms.findall("cs:term", terms.nsmap):
        if term.get("name") == name and term.get("form") in (None, "long"):
            forms.setdefault(term.get("gender-form") or "neuter", str(term.single))
    if forms and "neuter" not in forms:
        forms["neuter"] = forms.get("feminine", forms.get("masculine", ""))
    return forms


def _table(element: object) -> tuple[_Table, _Terms]:
    """The ordinal terms of the first locale that has any, as term names by match, stub and gender-form; and the
    texts of those terms (the plain `ordinal` term among them) by gender form."""
    for locale in _locales(element):
        terms = locale.find("cs:terms", locale.nsmap)
        if terms is None:
            continue
        table: _Table = {"whole-number": {}, "last-two-digits": {}, "last-digit": {}}
        names = set()
        for term in terms.findall("cs:term", terms.nsmap):
            name = term.get("name", "")
            if not name.startswith("ordinal") or term.get("form"):
                continue
            names.add(name)
            if name == "ordinal":
                continue
            stub = name[8:]
            match = term.get("match") or ("last-digit" if stub.startswith("0") else "last-two-digits")
            stub = stub[1:] if stub.startswith("0") else stub
            table.setdefault(match, {}).setdefault(stub, {})[term.get("gender-form") or "neuter"] = name
        if names:
            return table, {name: _forms(terms, name) for name in names}
    return {}, {}


def _text(forms: dict[str, str], gender: str | None) -> str:
    """A term's text in a gender form, else its plain form (citeproc-js's getField)."""
    return forms.get(gender or "neuter", forms.get("neuter", ""))


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
    """The number with its ordinal suffix ("112th", "1ᵉʳ"), as citeproc-js's Ordinalizer: the plain `ordinal` term
    in the gender form, unless an ordinal-NN term matches the whole number, else its last two digits, else its last
    digit, in the gender form and then in the neuter one (112 takes ordinal-12's "th", not ordinal-02's "nd")."""
    memo = element.get_root().__dict__.setdefault("_litsite_ordinals", {})
    key = tuple(id(locale) for locale in _locales(element))
    if key not in memo:
        memo[key] = _table(element)
    table, texts = memo[key]
    text = str(number)
    if texts and "ordinal" not in texts and all(f"ordinal-0{j}" in texts for j in range(1, 5)):
        return text + _legacy_suffix(number, texts, gender)
    suffix = _text(texts.get("ordinal", {}), gender)
    for trying in [g for g in (gender, "neuter") if g]:
        for match, digits in (("whole-number", text), ("last-two-digits", text[-2:]), ("last-digit", text[-1:])):
            name = table.get(match, {}).get(digits, {}).get(trying)
            if name is not None:
                suffix = _text(texts.get(name, {}), gender)
                break
        if suffix:  # citeproc-js: a suffix found for the gender (or its plain ordinal term) ends the search
            break
    return text + suffix


def _legacy_suffix(number: int, texts: _Terms, gender: str | None) -> str:
    """CSL 1.0's ordinals, which citeproc-js applies to a locale without a plain `ordinal` term (he-IL):
    ordinal-01, -02, -03 after a last digit 1, 2, 3 (not in 11, 12, 13), ordinal-04 after every other number,
    10 to 19 and every number ending in 10 among them (its Ordinalizer's `(num / 10) % 10 === 1` test)."""
    last = number % 10
    teen = 10 <= number <= 19 or number % 100 == 10
    stub = last if last in (1, 2, 3) and not teen and number % 100 not in (11, 12, 13) else 4
    return _text(texts.get(f"ordinal-0{stub}", {}), gender)


def long_ordinal(number: int, element: object, gender: str | None = None) -> str:
    """The number as a word ("second", "primo" for an Italian volume): the long-ordinal-NN term in the gender
    form, else the ordinal (citeproc-js's LongOrdinalizer)."""
    name = f"long-ordinal-{number:02d}"
    for locale in _locales(element):
        terms = locale.find("cs:terms", locale.nsmap)
        forms = _forms(terms, name) if terms is not None else {}
        if forms:
            return _text(forms, gender)
    return ordinal(number, element, gender)


@extend("number")
class OrdinalNumber:
    """cs:number form="ordinal" and "long-ordinal" with CSL 1.0.1 ordinal matching and genders."""

    def format_number(self, number: object) -> object:
        """The number in the element's form."""
        form = self.get("form", "numeric")
        try:
            value = int(str(number))
        except ValueError:
            return super().format_number(number)
        if value == 0:
            return "0"  # citeproc-js writes nought as it is in every form ("0", not "0th" nor an empty roman)
        variable = (self.get("variable") or "").replace("_", "-")
        if form == "ordinal":
            return ordinal(value, self, noun_gender(self, variable))
        if form == "long-ordinal":
            return long_ordinal(value, self, noun_gender(self, variable))
        return super().format_number(number)
