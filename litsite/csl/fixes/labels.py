"""cs:label and cs:text: a term form the locale lacks falls back to another form, as CSL 1.0.2 "Terms" says.

"verb-short" falls back to "verb", "symbol" to "short", and every form at last to "long" (citeproc-js
CSL.Engine.getField): `<label form="verb-short"/>` of reviewed-author renders "by" (the en-US locale defines only
its verb form), `<text term="legislation" form="short"/>` under de-DE "Gesetz" (no short form there, and en-US's
terms are no fallback for another language). Each form is looked up in the whole locale chain (the style's
cs:locale, then the locale files) before the next form is tried.
"""

from __future__ import annotations

from typing import Any

from litsite.csl.elements import extend

_FALLBACK: dict[str | None, tuple[str | None, ...]] = {
    "verb-short": ("verb-short", "verb", None),
    "symbol": ("symbol", "short", None),
    "verb": ("verb", None),
    "short": ("short", None),
}


@extend("text")
@extend("label")
class TermFormFallback:
    """The label's term in its form, else in the forms it falls back to (None: the long form)."""

    def get_term(self, name: str, form: str | None = None, *args: Any, **kwargs: Any) -> Any:
        """The first of the form's fallbacks the locales define."""
        for candidate in _FALLBACK.get(form, (form,)):
            term = super().get_term(name, candidate, *args, **kwargs)  # type: ignore[misc]
            if term is not None:
                return term
        return None


@extend("locale")
class LongFormTerms:
    """cs:locale: a term written with form="long" is the long form that a lookup without a form asks for, and one
    without a form answers a lookup of "long" (CSL's default form; citeproc-js: CSE's own "editortranslator")."""

    def get_term(self, name: str, form: str | None = None, zero_padded: bool = False) -> Any:
        """The term in this locale; IndexError when it lacks it in that form (and its other spelling)."""
        try:
            return super().get_term(name, form, zero_padded)  # type: ignore[misc]
        except IndexError:
            if form not in (None, "long"):
                raise
            return super().get_term(name, "long" if form is None else None, zero_padded)  # type: ignore[misc]
