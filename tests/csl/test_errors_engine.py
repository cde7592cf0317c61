"""An item the engine cannot format is an ItemFormatError naming it, never an error text inside an entry; a term the
locale lacks is no term (citeproc-js's behaviour), not a crash."""

from __future__ import annotations

from typing import Any

import pytest
from citeproc import model

from litsite.csl import speed
from litsite.csl.engine import Cite, Formatter, ItemFormatError
from litsite.csl.fixes import dates
from litsite.csl.styles import resolve_style

MLA = resolve_style("modern-language-association").path
WEB = {
    "id": "web",
    "type": "webpage",
    "title": "Page",
    "URL": "https://example.org/",
    "accessed": {"date-parts": [[2020, 3, 3]]},
}
BOOK = {"id": "book", "type": "book", "title": "Fine", "issued": {"date-parts": [[2001]]}}


def old_get_term(self: Any, *args: Any, **kwargs: Any) -> Any:
    """citeproc-py's own lookup, which raises out of a locale's own tree for a term the locale lacks."""
    return model.CitationStylesElement.get_term(self, *args, **kwargs)


@pytest.mark.parametrize(("locale", "day"), [("de-DE", "3. März 2020"), ("fr-FR", "3 mars 2020")])
def test_a_term_the_locale_lacks_is_no_term(locale: str, day: str):
    # de-DE's text dates ask for `ordinal-03`, which de-DE does not define: CSL falls back to `ordinal` (".").
    result = Formatter(MLA, locale).format([WEB, BOOK], [[Cite("web")]], "text")
    (entry,) = [text for id_, text in result.entries if id_ == "web"]
    assert day in entry


def crash(*args: Any, **kwargs: Any) -> Any:
    """citeproc-py's old crash on a term the locale lacks."""
    raise IndexError("ordinal-03")


def test_an_item_that_fails_is_named_never_written(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(speed.LocaleTreeTerms, "get_term", old_get_term)
    monkeypatch.setattr(dates, "ordinal", crash)  # the day's ordinal (our lookup no longer asks for ordinal-03)
    with pytest.raises(ItemFormatError) as info:
        Formatter(MLA, "de-DE").format([BOOK, WEB], [], "html")
    assert info.value.item_id == "web"
    assert "IndexError" in info.value.detail and "ordinal-03" in info.value.detail


def test_a_citation_that_fails_names_its_item(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(speed.LocaleTreeTerms, "get_term", old_get_term)
    monkeypatch.setattr(dates, "ordinal", crash)
    chicago = resolve_style("chicago-notes-bibliography").path  # a note style: the citation renders the date too
    with pytest.raises(ItemFormatError) as info:
        Formatter(chicago, "de-DE").format([BOOK, WEB], [[Cite("book")], [Cite("web")]], "text")
    assert info.value.item_id == "web"


def test_the_error_crosses_processes():
    import pickle

    error = pickle.loads(pickle.dumps(ItemFormatError("x", "IndexError: ordinal-03")))
    assert (error.item_id, error.detail) == ("x", "IndexError: ordinal-03")
