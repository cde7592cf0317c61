"""The browsable site around the study: author and keyword pages, downloads, per-style data, search index."""

from __future__ import annotations

import html
import json
import operator
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote_plus

from markupsafe import Markup

from litsite.cite.stage import Cited
from litsite.csl.memo import Memo, item_digest
from litsite.load.config import SiteConfig
from litsite.load.content import Content
from litsite.parallel import Parallel
from litsite.safety import doi_url, pmcid_url, pmid_url, web_url
from litsite.site import charts, exports, metadata
from litsite.site.authors import (
    Author,
    Keyword,
    author_key,
    coauthored,
    collect_authors,
    collect_keywords,
    fold,
    item_keywords,
    names_of,
)
from litsite.site.citedwhere import CitedWhere, WhereCited
from litsite.site.routes import Route, SiteParts, route_table, style_data_path
from litsite.site.searchindex import doc_data, index_json, note_search, tokens

# Browse's local calls (see reuse/pages.py): each result is a function of the call's arguments, the references it
# is given or returns, and what Browse.scope() holds. tests/site/test_browse.py checks that each reads of Browse
# only LOCAL_READS, other local calls, and (SCOPE_CALLS, whose whole result scope() holds) what it likes.
LOCAL_CALLS = frozenset(
    {"coins", "ref_authors", "related", "ref_keywords", "links", "cited_in", "exports_of", "refs_of", "style_options"}
)
LOCAL_READS = frozenset(
    {
        "by_id",  # the references (a local call's references are recorded: RefViews by id)
        "by_key",  # the authors (scope)
        "keywords",  # scope
        "where",  # made of the contexts, the default citations and their pages (scope)
        "_texts",  # what is made of one reference alone (by its item's digest)
    }
)
SCOPE_CALLS = frozenset({"style_options"})
RELATED_LIMIT = 20  # a reference page lists at most this many works by the same authors (author pages list all)


@dataclass(frozen=True)
class Link:
    """An outbound link of a reference page."""

    label: str
    url: str


@dataclass
class Browse:
    """Everything the browsing pages need, computed once per build."""

    config: SiteConfig
    content: Content
    cited: Cited
    refs: list[Any]
    authors: list[Author] = field(default_factory=list)
    keywords: list[Keyword] = field(default_factory=list)
    export_memo: Memo = field(default_factory=Memo)  # export texts by item digest, kept between builds
    static: tuple[str, ...] = ()  # the static files' paths
    # What the last build of this process made of the same item objects (the preview's; items are never changed).
    kept: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        items = [r.item for r in self.refs]
        self.by_id = {r.id: r for r in self.refs}
        self.authors, self.keywords = self._people(items, list(self.content.study.keywords))
        self.by_key = {a.key: a for a in self.authors}
        styles = tuple(s.name for s in self.cited.styles)
        parts = SiteParts(self.config, self.content, self.refs, self.authors, self.keywords, styles, self.static)
        self.routes = route_table(parts)
        # (URL from the root, title) of each page that shows a Markdown document, as the route table says.
        self.page_urls = {route.source: (route.url, route.title) for route in self.routes.all if route.source}
        self._digests: dict[str, str] = {}
        study = self.content.study
        # The study's body is its full text when the abstract is in the front matter (study.html shows it so).
        self.full_text = study.present and "abstract" in study.page.meta and bool(study.page.body.strip())
        abstract = "Abstract" if study.present and not self.full_text else ""  # the heading study.html gives it
        cited = self.cited
        # Where the study and its pages cite a work (the reviewer's notes and themes are remarks, not citations of it).
        texts = {path: url for path, url in self.page_urls.items() if path in cited.docs}
        self.where = WhereCited(
            cited.clusters, cited.contexts, cited.default.citations, texts, study.page.path, abstract
        )

    def _people(self, items: list[dict[str, Any]], study: list[str]) -> tuple[list[Author], list[Keyword]]:
        """The authors and keywords of the items (those of the last build when made of the same item objects in the
        same order and the same study keywords: the same Author and Keyword objects, digested once)."""
        last = self.kept.get("people")
        same = last is not None and last[1] == study and len(last[0]) == len(items)
        if same and all(a is b for a, b in zip(last[0], items, strict=True)):
            return last[2], last[3]
        people = collect_authors(items), collect_keywords(study, items)
        self.kept["people"] = (items, study, *people)
        return people

    def scope(self) -> tuple[Any, ...]:
        """What the local calls read besides their references: authors, keywords, citations and their pages, styles."""
        docs = [(str(path), doc.spans) for path, doc in self.cited.docs.items()]
        urls = sorted((str(path), url) for path, url in self.page_urls.items())
        clusters = [[c.id for c in cluster.cites] for cluster in self.cited.clusters]
        # Where each work is cited: the contexts and the texts of the citations they show.
        where = (self.cited.contexts, self.cited.default.citations, self.full_text)
        return (self.authors, self.keywords, docs, urls, clusters, self.style_options(), where)

    def refs_of(self, ids: list[str]) -> list[Any]:
        """The RefViews of these ids, in that order."""
        return [self.by_id[i] for i in ids]

    # ----- per reference -----
    def coins(self, ref: Any) -> str:
        """The COinS title text of a reference."""
        return self._texts(ref)["coins"]

    def ref_authors(self, ref: Any) -> list[Author]:
        """The authors and editors of a reference, as Author records."""
        return list(dict.fromkeys(self.by_key[author_key(n)[0]] for n in names_of(ref.item)))

    def related(self, ref: Any, limit: int = RELATED_LIMIT) -> tuple[list[Any], int]:
        """Other references sharing an author or editor with this one (at most limit), and how many in all."""
        ids = coauthored(ref.id, ref.item, self.by_key)
        return [self.by_id[i] for i in ids[:limit]], len(ids)

    def ref_keywords(self, ref: Any) -> list[Keyword]:
        """The keyword records of a reference."""
        wanted = {fold(k) for k in item_keywords(ref.item)}
        return [k for k in self.keywords if fold(k.name) in wanted]

    def links(self, ref: Any) -> list[Link]:
        """DOI, the web page, the link types recorded at import (x-links), and PubMed / Google Scholar searches.

        Only links the site can vouch for: http(s) URLs and DOI/PMID/PMCID links made from checked identifiers
        (a `javascript:` URL or a PMCID `../../x` links nowhere; the fields table shows them as text)."""
        item = ref.item
        q = quote_plus(str(item.get("title", "")))
        doi, pmid, pmcid = (
            doi_url(item.get("DOI", "")),
            pmid_url(item.get("PMID", "")),
            pmcid_url(item.get("PMCID", "")),
        )
        known = {
            "CrossRef": Link("Crossref", doi or f"https://search.crossref.org/?q={q}"),
            "PubMed": Link("PubMed", pmid or f"https://pubmed.ncbi.nlm.nih.gov/?term={q}"),
            "PubMedCentral": Link("PubMed Central", pmcid or f"https://www.ncbi.nlm.nih.gov/pmc/?term={q}"),
            "Google Scholar": Link("Google Scholar", f"https://scholar.google.com/scholar?q={q}"),
        }
        out: list[Link] = []
        if doi:
            out.append(Link("DOI", doi))
        web = web_url(item.get("URL", ""))
        if web:
            out.append(Link("Web page", web))
        x_links = item.get("x-links") if isinstance(item.get("x-links"), list) else []
        for kind in [*x_links, "PubMed", "Google Scholar"]:
            link = known.get(str(kind))
            if link and link.url not in {o.url for o in out}:
                out.append(link)
        return out

    def cited_in(self, ref: Any) -> CitedWhere:
        """Every place the study and the pages cite this reference: how often, in which sections, and (at most
        citedwhere.MAX_PLACES of) the places with their sentences and links."""
        return self.where.of(ref.id)

    def exports_of(self, ref: Any) -> dict[str, str]:
        """The reference as BibTeX, RIS and CSL-JSON text (made once: the page and the downloads both use it)."""
        texts = self._texts(ref)
        return {"bib": texts["bib"], "json": texts["json"], "ris": texts["ris"]}

    def search_data(self, ref: Any) -> list[Any]:
        """The reference's search index data (searchindex.doc_data), with the words of the places it is cited."""
        data = self._texts(ref)["search"]
        words = self.where.words(ref.id)
        if not words:
            return data
        return [data[0], data[1], list(dict.fromkeys([*data[2], *tokens(words)])), data[3]]

    def prefetch_exports(self, parallel: Parallel) -> None:
        """Make the export texts of every reference the memo lacks, in parallel."""
        todo = [ref for ref in self.refs if self.export_memo.get(self._digest_of(ref)) is None]
        for ref, texts in zip(todo, parallel.map(self._make_texts, todo), strict=True):
            self.export_memo.put(self._digest_of(ref), texts)

    def _digest_of(self, ref: Any) -> str:
        key = self._digests.get(ref.id)
        if key is None:
            last = self.kept.setdefault("item-digests", {}).get(id(ref.item))  # (the last build's, by identity)
            key = last[1] if last is not None and last[0] is ref.item else item_digest(ref.item)
            self._digests[ref.id] = key
        return key

    def keep_digests(self) -> None:
        """Keep this build's item digests by item object for the next build of this process (only these)."""
        digests = self._digests
        self.kept["item-digests"] = {id(r.item): (r.item, digests[r.id]) for r in self.refs if r.id in digests}

    @staticmethod
    def _make_texts(ref: Any) -> dict[str, Any]:
        item = ref.item
        return {
            "bib": exports.bibtex([item]),
            "coins": exports.coins(item),
            "json": exports.csl_json([item]),
            "ris": exports.ris([item]),
            "scholar": metadata.citation_reference(item),
            "schema": metadata.work_json(item),
            "search": doc_data(item, ref.year),
        }

    def _texts(self, ref: Any) -> dict[str, Any]:
        """What is made of each reference alone (export texts, COinS, Scholar and schema.org metadata, search
        data), kept between builds by the item's digest."""
        key = self._digest_of(ref)
        found = self.export_memo.get(key)
        return self.export_memo.put(key, self._make_texts(ref)) if found is None else found

    # ----- the study and the lists -----
    def study_meta(self, canonical: str) -> list[metadata.MetaTag]:
        """Highwire, Dublin Core and OpenGraph tags of the study page."""
        item, keywords = self.content.study.item, list(self.content.study.keywords)
        scholar = [self._texts(r)["scholar"] for r in self.refs]
        return [
            *metadata.highwire_tags(item, keywords, canonical, scholar),
            *metadata.dublin_core_tags(item, keywords),
            *metadata.opengraph_tags(item, canonical, self.config.title, self.config.description or ""),
        ]

    def study_json_ld(self, canonical: str) -> Markup:
        """The study's schema.org JSON-LD."""
        study = self.content.study
        works = [self._texts(r)["schema"] for r in self.refs]
        return metadata.json_ld(study.item, list(study.keywords), canonical, works)

    def year_chart(self) -> Markup:
        """The works-per-year SVG."""
        return charts.year_histogram(r.year for r in self.refs)

    def year_table(self) -> list[tuple[str, int]]:
        """Works per year, for the chart's data table (years with works only)."""
        counts = Counter(str(r.year) if r.year else "n.d." for r in self.refs)
        return sorted(counts.items())

    def type_counts(self) -> list[tuple[str, int]]:
        """Works per type, most first."""
        return sorted(Counter(r.type_label for r in self.refs).items(), key=lambda c: (-c[1], c[0]))

    def type_chart(self) -> Markup:
        """The works-per-type SVG."""
        return charts.type_breakdown(self.type_counts())

    def style_options(self) -> list[tuple[str, str, str]]:
        """(name, the menu's label, data file from the root) of each offered style; the label is the one site.yaml
        gives the style, else its title."""
        return [(s.name, self.config.style_label(s.name, s.title), style_data_path(s.name)) for s in self.cited.styles]

    def nav_pages(self) -> list[tuple[str, str]]:
        """(title, URL from the root) of each extra page, for the navigation: by nav_order (pages without one last),
        then by title."""
        pages = self.content.pages

        def order(page: Any) -> tuple[int, int, str, str]:
            nav_order = page.meta.get("nav_order")
            title = self.page_urls[page.path][1]
            return (nav_order is None, nav_order or 0, title.casefold(), title)

        return [(self.page_urls[p.path][1], self.page_urls[p.path][0]) for p in sorted(pages, key=order)]

    def file(self, route: Route) -> str:
        """The text of a download or data route: the whole list as BibTeX, RIS or CSL-JSON, a reference's own,
        a style's data for the switcher, the search index."""
        if route.kind == "export":
            return self.exports_of(route.context["ref"])[route.context["ext"]]
        if route.kind == "download":
            ext = route.context["ext"]
            parts = [self.exports_of(ref)[ext] for ref in self.refs]
            last = self.kept.get(f"download-{ext}")  # the same texts as the last build's: the same joined text
            if last is not None and len(last[0]) == len(parts) and all(map(operator.is_, last[0], parts)):
                return str(last[1])
            join = {"bib": exports.join_bibtex, "ris": exports.join_ris, "json": exports.join_csl_json}
            self.kept[f"download-{ext}"] = (parts, join[ext](parts))
            return str(self.kept[f"download-{ext}"][1])
        if route.kind == "style-data":
            return style_json(next(s for s in self.cited.styles if s.name == route.context["style"]))
        if route.kind == "search-index":
            return index_json(self.refs, self.search_data, note_search(self.content.notes, self.content.themes))
        raise ValueError(f"no file of kind {route.kind!r}")


MARGIN_RE = re.compile(r'<div class="csl-left-margin">(.*?)</div>', re.S)
TAG_RE = re.compile(r"<[^>]*>")
MAX_MARGIN = 8  # the stylesheet sizes the number column for 1 to 8 characters (lm-1 … lm-8)


def margin_chars(entries: Iterable[str]) -> int:
    """The width, in characters, of a numbered style's widest first field ("[12]", "12."): the width of the column
    the numbers hang in (citeproc-js's maxoffset); 0 when the entries have none (second-field-align not set)."""
    widest = 0
    for entry in entries:
        m = MARGIN_RE.match(entry)
        if m:
            widest = max(widest, len(html.unescape(TAG_RE.sub("", m.group(1))).strip()))
    return min(widest, MAX_MARGIN)


def style_json(style: Any) -> str:
    """One style's rendering for the switcher: entries, order and citation-cluster texts."""
    data = {
        "name": style.name,
        "title": style.title,
        "numbered": style.second_field_align,
        "margin": margin_chars(style.entries.values()),
        "order": list(style.order),
        "entries": style.entries,
        "citations": list(style.citations),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
