"""The CSL item type meant by the type names of other systems (Crossref, BibTeX/BibLaTeX, RIS, Zotero), for the hint
of an unknown `type:`. A name is looked up folded: lower case, without hyphens, underscores or spaces.

The importers (records/bibtex.py, records/ris.py) have tables of their own that convert a record; this one only
suggests, so it also holds names that no importer reads (Zotero's, Crossref's)."""

from __future__ import annotations

import difflib
import re

from litsite.csl.schema import ITEM_TYPES

# CSL type -> (system, names) pairs that mean it.
_MEANS: dict[str, tuple[tuple[str, str], ...]] = {
    "article-journal": (
        ("Crossref", "journal-article"),
        ("BibLaTeX", "suppperiodical"),
        ("Zotero", "journalArticle"),
        ("RIS", "JOUR JFULL EJOUR ABST INPR"),
    ),
    "paper-conference": (
        ("Crossref", "proceedings-article"),
        ("BibTeX", "inproceedings conference"),
        ("Zotero", "conferencePaper"),
        ("RIS", "CONF CPAPER"),
    ),
    "chapter": (
        ("Crossref", "book-chapter book-section book-part book-track"),
        ("BibTeX", "incollection inbook bookinbook suppbook suppcollection"),
        ("Zotero", "bookSection"),
        ("RIS", "CHAP ECHAP"),
    ),
    "book": (
        ("Crossref", "edited-book monograph reference-book book-set book-series proceedings proceedings-series"),
        ("BibTeX", "mvbook mvcollection mvproceedings reference mvreference"),
        ("RIS", "EBOOK EDBOOK SER CTLG"),
    ),
    "thesis": (("Crossref", "dissertation"), ("BibTeX", "phdthesis mastersthesis"), ("RIS", "THES")),
    "report": (
        ("Crossref", "report-series report-component"),
        ("BibTeX", "techreport manual"),
        ("RIS", "RPRT GOVDOC"),
    ),
    "article": (("Crossref", "posted-content"), ("Zotero", "preprint")),
    "entry-encyclopedia": (
        ("Crossref", "reference-entry"),
        ("BibTeX", "inreference"),
        ("Zotero", "encyclopediaArticle"),
        ("RIS", "ENCYC"),
    ),
    "entry-dictionary": (("Zotero", "dictionaryEntry"), ("RIS", "DICT")),
    "periodical": (("Crossref", "journal journal-issue journal-volume"),),
    "review": (("Crossref", "peer-review"),),
    "document": (("Crossref", "other component"), ("BibTeX", "misc"), ("RIS", "GEN")),
    "webpage": (("BibTeX", "online electronic www"), ("RIS", "ELEC WEB MULTI")),
    "manuscript": (("BibTeX", "unpublished"), ("RIS", "UNPB MANSCPT")),
    "pamphlet": (("BibTeX", "booklet"), ("RIS", "PAMP")),
    "article-magazine": (("Zotero", "magazineArticle"), ("RIS", "MGZN")),
    "article-newspaper": (("Zotero", "newspaperArticle"), ("RIS", "NEWS")),
    "post-weblog": (("Zotero", "blogPost"), ("RIS", "BLOG")),
    "post": (("Zotero", "forumPost"),),
    "software": (("Zotero", "computerProgram"), ("RIS", "COMP")),
    "dataset": (("Crossref", "database"), ("RIS", "DATA DBASE AGGR")),
    "motion_picture": (("Zotero", "film videoRecording"), ("BibLaTeX", "movie video"), ("RIS", "MPCT VIDEO ADVS")),
    "song": (("Zotero", "audioRecording podcast"), ("BibLaTeX", "audio music"), ("RIS", "SOUND MUSIC")),
    "broadcast": (("Zotero", "radioBroadcast tvBroadcast"),),
    "speech": (("Zotero", "presentation"), ("RIS", "SLIDE")),
    "graphic": (("Zotero", "artwork"), ("BibLaTeX", "image"), ("RIS", "ART")),
    "figure": (("RIS", "FIGURE CHART"),),
    "classic": (("RIS", "ANCIENT CLSWK"),),
    "personal_communication": (("Zotero", "letter email instantMessage"), ("RIS", "PCOMM ICOMM")),
    "legal_case": (("Zotero", "case"), ("BibLaTeX", "jurisdiction"), ("RIS", "CASE")),
    "legislation": (("Zotero", "statute"), ("RIS", "STAT")),
    "regulation": (("BibLaTeX", "legal"), ("RIS", "LEGAL")),
    "standard": (("Crossref", "standard"), ("RIS", "STAND")),
    "patent": (("RIS", "PAT"),),
    "map": (("RIS", "MAP"),),
    "bill": (("RIS", "BILL UNBILL"),),
    "hearing": (("RIS", "HEAR"),),
}


def fold(name: str) -> str:
    """A type name compared loosely: lower case, without hyphens, underscores or spaces."""
    return re.sub(r"[-_\s]+", "", name).casefold()


# folded name -> (CSL type, "Crossref's 'journal-article'"); CSL's own names too, so that case slips are caught
ALIASES: dict[str, tuple[str, str]] = {fold(t): (t, "") for t in ITEM_TYPES}
EXACT: dict[str, tuple[str, str]] = {}  # as the system spells it: Zotero's journalArticle, not Crossref's
for _csl, _systems in _MEANS.items():
    for _system, _names in _systems:
        for _name in _names.split():
            EXACT.setdefault(_name, (_csl, f"{_system}'s {_name!r}"))
            ALIASES.setdefault(fold(_name), EXACT[_name])


def suggest_type(value: object) -> str:
    """The hint after "unknown CSL type …": the CSL type another system's name means, else the closest CSL type."""
    text = str(value)[:100]  # bound the work a long value causes
    found = EXACT.get(text) or ALIASES.get(fold(text))
    if found:
        csl, meaning = found
        return f"; did you mean {csl!r}?" + (f" (the CSL type for {meaning})" if meaning else "")
    close = difflib.get_close_matches(text, sorted(ITEM_TYPES), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""
