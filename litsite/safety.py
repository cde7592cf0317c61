"""What data may become: links only to http(s) and to identifiers the site checks itself; text without control or
private-use characters; and the limits on what one value can make the build do (see README, "Security model")."""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import quote, urlsplit

# Years a date may have: four digits either side of year 0, as ISO 8601 and EDTF write them without their
# "Y"-prefixed long-year form. A reference outside is a typing mistake or an attack, never a real work.
MIN_YEAR, MAX_YEAR = -9999, 9999
# How deep YAML may nest (a CSL item needs 5: list → item → date → date-parts → parts).
MAX_YAML_DEPTH = 64
# One reference is listed on the pages of at most this many of its authors/editors and of its keywords, and its
# COinS names at most this many authors: a work with 10,000 authors must not make 10,000 pages that each repeat it.
FANOUT_LIMIT = 50

# C0 controls except tab and newline, DEL and C1 controls (ESC, BEL, NEL, ...): never meaningful in a reference.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Private-use characters have no meaning shared between fonts, and the formatter uses some as internal markers.
_PRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_UNWANTED_RE = re.compile(f"[{_CONTROL}{_PRIVATE}]")


def clean_text(text: str, keep_cr: bool = False) -> str:
    """Text without control characters (except tab and newline) or private-use characters."""
    if not _UNWANTED_RE.search(text):
        return text
    if keep_cr:  # Markdown bodies keep their CRLF line ends
        return _UNWANTED_RE.sub(lambda m: m.group() if m.group() == "\r" else "", text)
    return _UNWANTED_RE.sub("", text)


def clean_data(value: Any) -> Any:
    """Every string value in a YAML/JSON value cleaned by clean_text (keys stay: an odd key is reported as such)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    if isinstance(value, dict):
        return {k: clean_data(v) for k, v in value.items()}
    return value


def normal_id(text: str) -> str:
    """A reference id as the site compares it: NFC-normalised, so composed and decomposed accents are one id."""
    return unicodedata.normalize("NFC", text)


# What a citation key, a BibTeX key or an RIS ID cannot hold without ending or breaking its record.
_BAD_ID_RE = re.compile(r"[\s{}(),\"\\]")


def bad_id(text: str) -> bool:
    """Whether an id holds a space or a character that would break a citation key or an exported record."""
    return bool(_BAD_ID_RE.search(text))


def web_url(value: Any) -> str | None:
    """The value as a link target when it is an absolute http(s) URL with a host (or an address starting `www.`);
    else None (show it as text)."""
    text = str(value).strip()
    # Browsers drop tabs and newlines inside a URL ("java\tscript:"), so any whitespace or control refuses it.
    if not text or any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in text):
        return None
    # A web address written without its scheme, as reference libraries often keep them.
    if text[:4].lower() == "www." and text[4:5].isalnum():
        text = "http://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or not text[len(parts.scheme) :].startswith("://")
    ):
        return None
    return text


_DOI_RE = re.compile(r"10\.\d{4,9}(?:\.\d+)*/\S+")
_DOI_PREFIX_RE = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)


def doi_of(value: Any) -> str | None:
    """The DOI in a value (bare, `doi:` or a doi.org URL), or None when it is not one."""
    text = _DOI_PREFIX_RE.sub("", str(value).strip())
    if not _DOI_RE.fullmatch(text) or _UNWANTED_RE.search(text):
        return None
    return text


def doi_url(value: Any) -> str | None:
    """The https://doi.org/ link of a DOI, its path percent-encoded; None when the value is not a DOI."""
    doi = doi_of(value)
    # Characters a DOI may hold but a URL path may not carry as they are ("#", "?", "%", quotes, brackets).
    return None if doi is None else "https://doi.org/" + quote(doi, safe="/:;()._-~!$*+,=@")


def pmid_url(value: Any) -> str | None:
    """The PubMed link of a PMID (digits only), or None."""
    text = str(value).strip()
    return f"https://pubmed.ncbi.nlm.nih.gov/{text}/" if text.isascii() and text.isdigit() else None


_PMCID_RE = re.compile(r"(?:PMC)?(\d{1,12})", re.IGNORECASE)


def pmcid_url(value: Any) -> str | None:
    """The PubMed Central link of a PMCID (PMC followed by digits), or None."""
    m = _PMCID_RE.fullmatch(str(value).strip())
    return f"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC{m.group(1)}/" if m else None
