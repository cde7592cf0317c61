"""Small text helpers for the record importers: cleaning, link markers, keywords, names, dates, DOIs."""

from __future__ import annotations

import re
import unicodedata

_SPACES_RE = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def clean(text: str) -> str:
    """Collapse every kind of space to one plain space, drop invisible characters, strip."""
    return _SPACES_RE.sub(" ", _INVISIBLE_RE.sub("", text)).strip()


def fold(text: str) -> str:
    """Lower-case letters and digits only, accents removed: for loose comparisons."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z0-9]+", " ", "".join(c for c in decomposed if not unicodedata.combining(c))).strip()


# --- publisher link markers ("CrossRefPubMedGoogle Scholar", "Article  PubMed  Google Scholar")
_MARKERS = {
    "PubMed Central": "PubMed Central",
    "PubMedCentral": "PubMed Central",
    "Google Scholar": "Google Scholar",
    "CrossRef": "CrossRef",
    "Crossref": "CrossRef",
    "PubMed": "PubMed",
    "MathSciNet": "MathSciNet",
    "zbMATH": "zbMATH",
    "MATH": "MATH",
    "CAS": "CAS",
    "ADS": "ADS",
    "Article": "Article",
    "Web of Science": "Web of Science",
    "Scopus": "Scopus",
}
_ALT = "|".join(re.escape(m) for m in sorted(_MARKERS, key=len, reverse=True))
MARKERS_LINE_RE = re.compile(rf"^(?:(?:{_ALT})[\s\u00a0]*)+$")
MARKERS_TAIL_RE = re.compile(rf"(?<=[^\s\u00a0])((?:{_ALT})(?:[\s\u00a0]*(?:{_ALT}))*)[\s\u00a0]*$")
_MARKER_RE = re.compile(_ALT)


def marker_list(text: str) -> list[str]:
    """The normalised marker names in a run of markers."""
    return [_MARKERS[m] for m in _MARKER_RE.findall(text)]


def split_markers(text: str) -> tuple[str, list[str]]:
    """A reference line without its glued trailing link markers, and those markers."""
    text = clean(text)
    m = MARKERS_TAIL_RE.search(text)
    if not m:
        return text, []
    return text[: m.start()].rstrip(), marker_list(m.group(1))


# --- keywords
_KW_SEP_RE = re.compile(r"\s*(?:\u00a0|\t|\s{2,}|·|•|;|\|)\s*")


def split_keywords(raw: str, warnings: list[str] | None = None) -> list[str]:
    """Keywords from one line: split on no-break spaces, runs of spaces, ·, ;, | or commas, else at capitals."""
    raw = re.sub(r"^\s*(?:[•◦*]\s*)?(?:key ?words?\s*[:\u00a0]?)?\s*", "", raw, flags=re.IGNORECASE)
    raw = _INVISIBLE_RE.sub("", raw).strip(" \u00a0\t")
    if not raw:
        return []
    if _KW_SEP_RE.search(raw):
        parts = _KW_SEP_RE.split(raw)
    elif "," in raw:
        parts = raw.split(",")
    else:
        parts = []
        for word in raw.split():
            if parts and not word[:1].isupper():
                parts[-1] += " " + word
            else:
                parts.append(word)
        if len(parts) > 1 and warnings is not None:
            warnings.append("keywords split at capital letters (the record has no separators): check them")
    return list(dict.fromkeys(k for k in (clean(p).strip(" .,;") for p in parts) if k))


# --- affiliations
ORG_RE = re.compile(
    r"\b(?:Universit\w*|Univ\.|Department|Dept\.?|Division|Institut\w*|School|College|Hospital|Cent(?:re|er)|"
    r"Faculty|Laborator\w*|Lab|Trust|Foundation|Clinic|Unit|Section|Academy|Ministry|Council|Agency|"
    r"Organi[sz]ation|Society|Inc\.?|Ltd\.?|GmbH|NHS|Research|Service[s]?)\b"
)
_NO_SPLIT_PREFIXES = {"Mc", "Mac", "Ph", "De", "Di", "La", "Le", "Du", "Van", "Von", "O", "e", "i"}


def unglue(text: str) -> str:
    """Separate affiliation parts the page glued together ('HealthSt George’s' → 'Health, St George’s')."""
    text = clean(text)
    out: list[str] = []
    word_start = 0
    for i, ch in enumerate(text):
        if ch == " ":
            word_start = i + 1
        prev = text[i - 1] if i else ""
        if ch.isupper() and (prev.islower() or prev == ")") and text[word_start:i] not in _NO_SPLIT_PREFIXES:
            out.append(", ")
            word_start = i
        out.append(ch)
    return re.sub(r"\s*,(?:\s*,)+\s*", ", ", "".join(out)).strip(" ,")


# --- dates
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}


def month_number(text: str) -> int | None:
    """1–12 for a month name, abbreviation or number, else None."""
    t = text.strip().strip(".").lower()
    if t.isdigit() and 1 <= int(t) <= 12:
        return int(t)
    return _MONTHS.get(t)


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    if not 1000 <= y <= 2999 or (m is not None and not 1 <= m <= 12) or (d is not None and not 1 <= d <= 31):
        return None
    return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else "")


def parse_date(text: str) -> str | None:
    """An ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) from '18 February 2015', 'May 2015', '2015-02-18' …"""
    t = clean(text).strip(" .,")
    if m := re.match(r"^(\d{4})(?!\d)(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?/?", t):
        return _iso(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
    if (m := re.match(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})\b", t)) and (mon := month_number(m[2])):
        return _iso(int(m[3]), mon, int(m[1]))
    if (m := re.match(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b", t)) and (mon := month_number(m[1])):
        return _iso(int(m[3]), mon, int(m[2]))
    if (m := re.match(r"^([A-Za-z]+)\.?,?\s+(\d{4})\b", t)) and (mon := month_number(m[1])):
        return _iso(int(m[2]), mon)
    return None


# --- DOIs
DOI_RE = re.compile(r"10\.\d{4,9}/[^\s\"<>]+")


def clean_doi(text: str) -> str:
    """A bare DOI from a DOI, doi: or https://doi.org/ string, without trailing punctuation."""
    text = clean(text)
    m = DOI_RE.search(text)
    return (m.group(0) if m else text).rstrip(".,;)]")


# --- personal names
PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "da", "das", "dos", "du", "la", "le", "di", "ten", "ter"}
_SUFFIXES = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"}
_NOT_NAME_WORDS = {
    "journal",
    "health",
    "research",
    "review",
    "science",
    "sciences",
    "study",
    "studies",
    "community",
    "mental",
    "services",
    "service",
    "social",
    "medicine",
    "medical",
    "international",
    "quarterly",
    "annals",
    "bulletin",
    "proceedings",
    "letters",
    "psychology",
    "psychiatry",
    "nursing",
    "policy",
    "care",
    "education",
    "analysis",
    "systems",
    "theory",
    "management",
    "support",
    "applied",
    "clinical",
    "peer",
    "risk",
    "the",
    "of",
    "a",
    "an",
    "in",
    "on",
    "for",
    "with",
    "to",
    "paper",
    "article",
    "original",
    "abstract",
    "keywords",
    "references",
    "university",
    "open",
    "access",
    "springer",
    "published",
    "online",
    "download",
    "pdf",
    "email",
    "author",
    "authors",
    "affiliations",
    "copyright",
    "information",
    "volume",
    "issue",
    "cite",
    "new",
    "york",
}
_SIGNAL_RE = re.compile(
    r"Email author|ORCID|\p{L}\d|[a-z](?:\d+(?:,\d+)*|\*)\s*(?:,|&|$)".replace(r"\p{L}", "[^\\W\\d_]")
)
_NAME_TOKEN_RE = re.compile(r"^(?:[^\W\d_][.’'\-]?)+$")


_ORCID_RE = re.compile(
    r"\s*(?:ORCID(?: iD)?:?\s*)?(?:https?://)?orcid\.org/[\dX-]+|\s*\b(?:show (?:all|authors|fewer)|na\d)\b",
    re.IGNORECASE,
)


def has_author_signal(text: str) -> bool:
    """True if a line carries marks only author lines have ('Email author', footnote digits, ORCID)."""
    return bool(_SIGNAL_RE.search(text))


def _strip_author_marks(text: str) -> str:
    text = re.sub(
        r"\s*(?:Email author|View author's OrcID profile|\(?corresponding author\)?|ORCID:?\s*\S*)",
        " ",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"(?<=[^\W\d_])(?:\d+(?:\s*,\s*\d+)*|\*+|[†‡§]+)(?=\s*(?:,|&|\band\b|$))", "", text)
    return clean(text).strip(" ,&;")


def person(name: str) -> dict:
    """A CSL name from 'Given Family', 'Given van Family', 'Family, Given' or 'Family, Jr., Given'."""
    name = clean(name)
    if "," in name:
        parts = [p.strip() for p in name.split(",")]
        family, rest = parts[0], [p for p in parts[1:] if p]
        out: dict = {}
        if len(rest) >= 2 and rest[0] in _SUFFIXES:
            out["suffix"], rest = rest[0], rest[1:]
        fam_tokens = family.split()
        particles = []
        while len(fam_tokens) > 1 and fam_tokens[0] in PARTICLES:
            particles.append(fam_tokens.pop(0))
        out = {"family": " ".join(fam_tokens), "given": ", ".join(rest), **out}
        if particles:
            out["non-dropping-particle"] = " ".join(particles)
        return {k: v for k, v in out.items() if v}
    tokens = name.split()
    suffix = tokens.pop() if len(tokens) > 2 and tokens[-1] in _SUFFIXES else ""
    if len(tokens) == 1:
        return {"literal": tokens[0]}
    family = [tokens.pop()]
    particles = []
    while len(tokens) > 1 and tokens[-1] in PARTICLES:
        particles.insert(0, tokens.pop())
    out = {"family": family[0], "given": " ".join(tokens)}
    if particles:
        out["non-dropping-particle"] = " ".join(particles)
    if suffix:
        out["suffix"] = suffix
    return out


def name_list(text: str, strict: bool = True) -> list[dict] | None:
    """Names from a line like 'Jessica Holley1, Steve Gillard & Sarah Gibson', or None if it is not one."""
    text = _ORCID_RE.sub(" ", text)
    if not text or len(text) > 400 or re.search(r"[:;!?()\[\]/@|]|\d{3}", text):
        return None
    signal = has_author_signal(text)
    cleaned = _strip_author_marks(text)
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b)\s*", cleaned) if p]
    if not parts:
        return None
    names = []
    for part in parts:
        tokens = part.split()
        if not 2 <= len(tokens) <= 5:
            return None
        for tok in tokens:
            if tok in PARTICLES or tok in _SUFFIXES:
                continue
            if not (tok[0].isupper() and _NAME_TOKEN_RE.match(tok)) or tok.lower() in _NOT_NAME_WORDS:
                return None
            if len(tok) > 3 and tok.isupper():
                return None
        if tokens[-1] in PARTICLES:
            return None
        names.append(person(part))
    if strict and len(names) < 2 and not signal:
        return None
    return names


# --- CSL values


def pages(value: str) -> str:
    """A page range with an en dash: '477--490' or '477-490' → '477–490'."""
    return re.sub(r"\s*(?:--+|—|‐|-)\s*", "–", clean(value))


def date_parts(year: str, month: str = "", day: str = "") -> dict | None:
    """A CSL date from BibTeX-like year, month and day fields; a literal date if there is no year."""
    ym = re.search(r"(?<!\d)\d{4}(?!\d)", year or "")
    if not ym:
        return {"literal": year} if year else None
    parts = [int(ym.group(0))]
    if month and (mon := month_number(month)):
        parts.append(mon)
        if day and day.strip().isdigit() and 1 <= int(day) <= 31:
            parts.append(int(day))
    return {"date-parts": [parts]}


def long_year(*texts: str) -> str | None:
    """The first date text holding a number of five or more digits (no year: such a date is kept as text), if any."""
    return next((t for t in texts if t and re.search(r"\d{5,}", str(t))), None)


def iso_date_parts(text: str) -> dict | None:
    """A CSL date from an ISO or written date ('2020-05-14', 'May 2020'), else a literal date."""
    iso = parse_date(text)
    if not iso:
        return {"literal": text} if text.strip() else None
    return {"date-parts": [[int(x) for x in iso.split("-")]]}
