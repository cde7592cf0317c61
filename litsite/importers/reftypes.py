"""What a reference without a journal or book container is, from its publisher, link and title: a book, a report,
a thesis, a web page, or an article published before it got a volume."""

from __future__ import annotations

import re

from litsite.importers.refwords import (
    BOOK_PUBLISHER,
    INSTITUTION,
    JOURNAL_NAME,
    PUBLISHERISH,
    REPORT_SERIES,
    REPORTISH,
)


def guess_book_type(fields: dict, warnings: list[str]) -> str:
    """The CSL type of a book-like reference; a journal or site named as its publisher becomes container-title
    (fields changed in place), and every guess beyond a book is explained in warnings."""
    publisher = fields.get("publisher", "")
    url = fields.get("URL")
    no_place = "publisher-place" not in fields
    doi = fields.get("DOI", "")
    if doi and publisher and not PUBLISHERISH.search(publisher) and no_place and not doi.startswith("10.1007/978"):
        # "Title. Journal Name. doi:…" is an article published online before it got a volume.
        fields["container-title"] = fields.pop("publisher")
        warnings.append("type guessed: article without volume (DOI, no publisher)")
        return "article-journal"
    if no_place and re.search(r"\bUniversit", publisher) and not re.search(r"Press|Publish", publisher):
        warnings.append("type guessed: thesis (a university and no place)")
        return "thesis"
    institutional = bool(publisher) and (
        bool(INSTITUTION.search(publisher)) or bool(re.fullmatch(r"[A-Z]{2,}[a-z]?|[A-Z]\w*[A-Z]{2,}\w*", publisher))
    )
    if url and "publisher-place" not in fields and "DOI" not in fields:
        return _linked(fields, warnings, publisher, url, institutional)
    if not publisher:
        warnings.append("type guessed: report (no publisher)")
        return "report"
    if no_place and JOURNAL_NAME.search(publisher) and not PUBLISHERISH.search(publisher):
        # "Title. Advances in Psychiatric Treatment." (in press, no volume yet) names a journal.
        fields["container-title"] = fields.pop("publisher")
        warnings.append("type guessed: article without volume (journal-like name)")
        return "article-journal"
    if BOOK_PUBLISHER.search(publisher) or "edition" in fields:
        # Reports seldom have editions; publishers' names settle the rest.
        return "book"
    if REPORTISH.search(fields["title"]) or REPORT_SERIES.search(fields["title"]) or institutional:
        warnings.append("type guessed: report (report-like title or institutional publisher)")
        return "report"
    return "book"


def _linked(fields: dict, warnings: list[str], publisher: str, url: str, institutional: bool) -> str:
    """A report or a web page, for a reference with a link and neither place nor DOI."""
    # Institutions publish both; a link to a document store or a PDF marks a report.
    if (institutional or not publisher) and re.search(
        r"\.pdf\b|publication|/handle/|report|/docs?/|/files/|uploads|library", url, re.I
    ):
        kind = "report"
    else:
        kind = "webpage"
        if publisher:
            fields["container-title"] = fields.pop("publisher")
    warnings.append(f"type guessed: {kind} (a link and no place)")
    return kind
