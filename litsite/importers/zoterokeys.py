"""Zotero's, Juris-M's and Mendeley's names for CSL variables, item types and creator roles (Zotero's schema and
citeproc-js's aliases), for importing their exports (cslmap.py)."""

from __future__ import annotations

import re

from litsite.csl.schema import ITEM_TYPES, NAME_VARIABLES, VARIABLES


def loose(key: str) -> str:
    """A key compared ignoring case, '-', '_' and spaces: 'journalAbbreviation' → 'journalabbreviation'."""
    return re.sub(r"[-_ ]", "", key).casefold()


# Zotero's field names (also in Juris-M's and Better BibTeX's JSON, and in old Zotero/Mendeley CSL-JSON) → CSL.
ALIASES = {
    loose(k): v
    for k, v in {
        "journalAbbreviation": "container-title-short",
        "shortTitle": "title-short",
        "publicationTitle": "container-title",
        "bookTitle": "container-title",
        "proceedingsTitle": "container-title",
        "websiteTitle": "container-title",
        "blogTitle": "container-title",
        "forumTitle": "container-title",
        "encyclopediaTitle": "container-title",
        "dictionaryTitle": "container-title",
        "programTitle": "container-title",
        "seriesTitle": "collection-title",
        "series": "collection-title",
        "seriesNumber": "collection-number",
        "abstractNote": "abstract",
        "accessDate": "accessed",
        "date": "issued",
        "dateEnacted": "issued",
        "dateDecided": "issued",
        "issueDate": "issued",
        "filingDate": "submitted",
        "originalDate": "original-date",
        "pages": "page",
        "numPages": "number-of-pages",
        "numberOfVolumes": "number-of-volumes",
        "place": "publisher-place",
        "archiveLocation": "archive_location",
        "libraryCatalog": "source",
        "callNumber": "call-number",
        "rights": "license",
        "extra": "note",
        "university": "publisher",
        "institution": "publisher",
        "company": "publisher",
        "label": "publisher",
        "studio": "publisher",
        "network": "publisher",
        "distributor": "publisher",
        "reportNumber": "number",
        "billNumber": "number",
        "patentNumber": "number",
        "episodeNumber": "number",
        "docketNumber": "number",
        "reportType": "genre",
        "thesisType": "genre",
        "websiteType": "genre",
        "manuscriptType": "genre",
        "letterType": "genre",
        "presentationType": "genre",
        "postType": "genre",
        "mapType": "genre",
        "meetingName": "event-title",
        "conferenceName": "event-title",
        "eventPlace": "event-place",
        "event": "event-title",
        "court": "authority",
        "legislativeBody": "authority",
        "citationKey": "citation-key",
        "itemType": "type",
        "tags": "keyword",
        "keywords": "keyword",
    }.items()
}
# CSL variables and item fields by their loose spelling ('url' → 'URL', 'Container_Title' → 'container-title').
CANONICAL = {loose(v): v for v in (*VARIABLES, "id", "type")}

ZOTERO_TYPES = {
    "journalArticle": "article-journal",
    "magazineArticle": "article-magazine",
    "newspaperArticle": "article-newspaper",
    "bookSection": "chapter",
    "conferencePaper": "paper-conference",
    "blogPost": "post-weblog",
    "forumPost": "post",
    "webpage": "webpage",
    "encyclopediaArticle": "entry-encyclopedia",
    "dictionaryEntry": "entry-dictionary",
    "letter": "personal_communication",
    "email": "personal_communication",
    "instantMessage": "personal_communication",
    "film": "motion_picture",
    "videoRecording": "motion_picture",
    "tvBroadcast": "broadcast",
    "radioBroadcast": "broadcast",
    "audioRecording": "song",
    "podcast": "song",
    "artwork": "graphic",
    "presentation": "speech",
    "computerProgram": "software",
    "statute": "legislation",
    "case": "legal_case",
    "preprint": "article",
    "journal article": "article-journal",
    "article_journal": "article-journal",
}
ZOTERO_TYPES = {loose(k): v for k, v in ZOTERO_TYPES.items()} | {loose(t): t for t in ITEM_TYPES}
# Zotero items that are not references: skipped.
NOT_REFERENCES = frozenset({"note", "attachment", "annotation"})
CREATOR_ROLES = {
    loose(k): v
    for k, v in {
        "bookAuthor": "container-author",
        "seriesEditor": "collection-editor",
        "reviewedAuthor": "reviewed-author",
        "castMember": "performer",
        "cosponsor": "contributor",
        "counsel": "contributor",
        "sponsor": "author",
        "inventor": "author",
        "artist": "author",
        "cartographer": "author",
        "programmer": "author",
        "podcaster": "author",
        "presenter": "author",
        "scriptwriter": "script-writer",
        "wordsBy": "author",
        "attorneyAgent": "contributor",
        "commenter": "contributor",
        "guest": "guest",
    }.items()
} | {loose(v): v for v in NAME_VARIABLES}
