"""The project's CSL formatter over citeproc-py: bibliographies and citation clusters as text or HTML."""

from __future__ import annotations

import hashlib
import os
import traceback
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from citeproc import Citation, Locator

from litsite.csl import fixes, markup, source, speed  # noqa: F401  (fixes, speed register the layers of elements.LAYERS)
from litsite.csl.disambiguation import Disambiguator
from litsite.csl.elements import Style
from litsite.csl.fixes.positions import PositionTracker
from litsite.csl.insertion import batch_flags, dotless_language, registration
from litsite.csl.memo import Memo, item_digest
from litsite.csl.sort_givens import givens_options, registry_tag
from litsite.csl.sort_persons import raw_and_persons
from litsite.csl.sort_suffix import resort
from litsite.csl.styles import StyleRef, style_ref
from litsite.parallel import Parallel


def _debug(exc: Exception) -> None:
    if os.environ.get("LITSITE_CSL_DEBUG"):
        traceback.print_exception(exc)


_QUOTE_TERMS = ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote")


@dataclass(frozen=True)
class Cite:
    """One cited item inside a cluster."""

    id: str
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    suppress_author: bool = False
    author_only: bool = False
    # A cite outside the document (the reviewer's notes and themes): it numbers nothing — its items are registered
    # after every item — but is formatted like the others, after them.
    aside: bool = False


@dataclass(frozen=True)
class Formatted:
    """Rendered bibliography entries (in bibliography order) and one string per citation cluster.

    second_field_align is the style's value ("flush", "margin" or None). When set, HTML entries are
    `<div class="csl-left-margin">[1]</div><div class="csl-right-inline">…</div>` (as citeproc-js writes them) and
    text entries are "[1] …". `missing` lists cited ids that are not among the items (rendered as "id?").
    """

    entries: tuple[tuple[str, str], ...]
    citations: tuple[str, ...]
    second_field_align: str | None = None
    missing: tuple[str, ...] = ()


class ItemFormatError(Exception):
    """An item citeproc-py cannot format (a defect of the engine, or an input it cannot handle): reported by the
    caller with the item's file and line and the style, never written into an entry. item_id is None when no item
    fails on its own (only the items together)."""

    def __init__(self, item_id: str | None, detail: str) -> None:
        super().__init__(item_id, detail)  # the same args as __init__: it crosses process boundaries by pickling
        self.item_id = item_id
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.item_id or 'the items together'}: {self.detail}"


def _detail(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _locale_quotes(root: object) -> tuple[str, str, str, str]:
    """The rendering locale's quote marks (open, close, inner open, inner close), English ones where it has none."""
    return tuple(  # type: ignore[return-value]
        str(root.get_single_term(name)) or default  # type: ignore[attr-defined]
        for name, default in zip(_QUOTE_TERMS, markup.EN_QUOTES, strict=True)
    )


class Formatter:
    """Formats CSL-JSON items and citation clusters with one CSL style."""

    def __init__(self, style: StyleRef | Path | str, locale: str | None = "en-US") -> None:
        self.style_path = Path(style.path if isinstance(style, StyleRef) else style)
        self.locale = locale  # None: the style's default-locale
        if not self.style_path.is_file():
            raise FileNotFoundError(f"CSL style {self.style_path} does not exist")
        # Resolved once (load.config does it for a site's styles); a bare path is read here.
        self.style = style if isinstance(style, StyleRef) else style_ref(self.style_path.stem, self.style_path, "")

    def format(
        self,
        items: list[dict],
        clusters: list[list[Cite]],
        fmt: str = "html",
        memo: Memo | None = None,
        workers: int = 1,
        digests: list[str] | None = None,
        notes: Sequence[int] | None = None,
    ) -> Formatted:
        """Render the bibliography of `items` and every cluster of `clusters` in format "html" or "text".

        notes: the note number of each cluster (0: in the running text), which decides positions (ibid, near-note)
        and first-reference-note-number; by default note_numbers(style's class, clusters).
        memo: per-item renderings of earlier formattings with the same style, locale, format and engine (see
        memo.py); workers: processes that render items the memo lacks; digests: item_digest of each item, if known.
        Raises ItemFormatError naming the item that cannot be formatted.
        """
        if notes is not None and len(notes) != len(clusters):
            raise ValueError(f"{len(notes)} note numbers for {len(clusters)} clusters")
        try:
            return self._format(items, clusters, fmt, memo, workers, digests, notes)
        except ItemFormatError:
            raise
        except Exception as exc:  # a step over all items (sorting, disambiguation) failed: find the item alone
            _debug(exc)
            raise self._blame(items, fmt, exc) from exc

    def _blame(self, items: list[dict], fmt: str, exc: Exception) -> ItemFormatError:
        """The first item that fails when formatted alone (entry and citation); None when each works alone or the
        style fails without any item."""
        try:
            self._format([], [], fmt, None, 1, None)
        except Exception as failed:
            return ItemFormatError(None, _detail(failed))
        for item in items:
            try:
                self._format([item], [[Cite(str(item["id"]))]], fmt, None, 1, None)
            except ItemFormatError as alone:
                return alone
            except Exception as failed:
                return ItemFormatError(str(item["id"]), _detail(failed))
        return ItemFormatError(None, _detail(exc))

    def _format(
        self,
        items: list[dict],
        clusters: list[list[Cite]],
        fmt: str,
        memo: Memo | None,
        workers: int,
        digests: list[str] | None,
        notes: Sequence[int] | None = None,
    ) -> Formatted:
        memo = memo if memo is not None else Memo()
        parallel = Parallel(workers)
        form = markup.formatter(fmt)
        keys = {str(item["id"]): f"k{i}" for i, item in enumerate(items)}
        ids = {key: id_ for id_, key in keys.items()}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            src = source.Source(items, keys, fmt)
            style = Style(self.style_path, self.locale)
            bib = source.Bibliography(style, src, form)
            root = style.root  # its locale's quote marks are known once the bibliography set it up
            src.quotes = quotes = _locale_quotes(root)  # items are parsed when first looked up, after this
            missing: list[str] = []
            citations = [Citation([self._item(cite, keys, missing, fmt) for cite in cluster]) for cluster in clusters]
            notes = _place_in_notes(style, citations, _note_numbers(style, clusters, notes))
            asides = [any(c.aside for c in cluster) for cluster in clusters]
            for citation, aside in zip(citations, asides, strict=True):
                if not aside:
                    bib.register(citation)
            for key in keys.values():
                bib.register(Citation([source.Item(key)]))
            for citation, aside in zip(citations, asides, strict=True):
                if aside:
                    bib.register(citation)
            positional = self.style.uses_position
            tags = {}
            for n, item in enumerate(items):
                key = keys[str(item["id"])]
                digest = digests[n] if digests is not None else item_digest(item)
                tags[key] = digest + (f"#{bib.position(key)}" if positional else "")
            registered = {key: n for n, key in enumerate(bib.keys)}  # first cited first, as citeproc-js meets them
            if style.has_bibliography():
                self._sort(bib, style, memo, tags, parallel, registration(clusters, asides, keys, items))
            Disambiguator(bib, style, memo, tags, parallel).run(list(bib.keys), registered)
            resort(bib, style, registration(clusters, asides, keys, items)[0])  # keys with a year-suffix
            piq = (root.get_locale_option("punctuation-in-quote") or "false").lower() == "true"

            def finish(text: object) -> str:
                return markup.finish(str(text or ""), fmt, quotes, piq)

            # A cluster's text depends on its cites and on every cluster before it (ibid, subsequent forms): the
            # texts of all clusters are kept together, under a digest of every cite's item, state and options.
            digest = hashlib.sha1()
            for cluster, note in zip(clusters, notes, strict=True):
                digest.update(f"note {note}\n".encode())
                for c in cluster:
                    key = keys.get(c.id, "")
                    state = bib.source.state_key(key) if key else "missing"
                    digest.update(f"{tags.get(key, c.id)}|{state}|{c!r}\n".encode())
                digest.update(b"\0")
            sequence = f"t|{digest.hexdigest()}"
            texts = memo.get(sequence)
            if texts is None:
                texts = []
                for citation in citations:
                    try:
                        text = bib.cite(citation, lambda item: f"{ids.get(item.key, item.key)}?")
                    except Exception as exc:  # never written into the page: the caller reports the item
                        _debug(exc)
                        known = [ids[c.key] for c in citation.cites if c.key in ids]
                        raise ItemFormatError(known[0] if known else None, _detail(exc)) from exc
                    texts.append(finish(text))
                memo.put(sequence, texts)
            entries: list[tuple[str, str]] = []
            align = None
            if style.has_bibliography():
                align = style.root.bibliography.get("second-field-align")
                entries = self._entries(bib, style, memo, tags, parallel, finish, ids)
        return Formatted(tuple(entries), tuple(texts), align, tuple(missing))

    @staticmethod
    def _sort(
        bib: source.Bibliography,
        style: Style,
        memo: Memo,
        tags: dict[str, str],
        parallel: Parallel,
        registration: tuple[list[list[str]], object],
    ) -> None:
        """Sort the bibliography, taking each item's raw sort values from the memo when known; `registration`: the
        keys of each cluster and the language of the last item, which decide how citeproc-js lower-cases the keys
        of the items it inserts (insertion.batch_flags)."""
        bibliography = style.root.bibliography
        sort = bibliography.find("cs:sort", bibliography.nsmap)
        if sort is None:
            return
        layout = bibliography.layout
        by_key = {item.key: item for item in bib.items}
        # names in sort keys are raised as citeproc-js's name registry asks (sort_givens.py): under a shared
        # registry an item's keys depend on the other items' names too, which its tag then says
        root = style.root
        root.litsite_givens = givens = givens_options(root, [item.reference for item in bib.items])
        demote = root.get("demote-non-dropping-particle", "display-and-sort")
        tags = {item.key: tags[item.key] + registry_tag(givens, item.reference, demote) for item in bib.items}
        raws = {item.key: memo.get(f"s|{tags[item.key]}") for item in bib.items}
        todo = [key for key, raw in raws.items() if raw is None]
        for key, raw in zip(todo, parallel.map(lambda k: raw_and_persons(sort, by_key[k], layout), todo), strict=True):
            raws[key] = memo.put(f"s|{tags[key]}", raw)
        root.litsite_sort_persons = {key: raw[1] for key, raw in raws.items()}  # sort_persons.py
        root.litsite_sort_raws = {key: raw[0] for key, raw in raws.items()}  # sort_suffix.py
        rows = [raws[item.key][0] for item in bib.items]
        registered = [tags[item.key] for item in bib.items]
        previous = memo.get("o|")
        lang = sort._lang()
        languages = {item.key: item.reference.get("language") for item in bib.items}
        flags = batch_flags([item.key for item in bib.items], languages, *registration, lang)
        turkish = any(flag != dotless_language("", lang) for flag in flags)  # an insertion order, not one sort
        insert = None if turkish else Formatter._insert(sort, rows, registered, previous)
        dis = Disambiguator(bib, style, memo, tags, parallel) if turkish else None
        options = ("disambiguate-add-names", "disambiguate-add-givenname", "disambiguate-add-year-suffix")
        alike = dis is not None and (dis.has_condition or any(map(dis.option, options)))  # cites that change
        cites = [dis.unmemoised(item.key) for item in bib.items] if alike else None
        order = insert or sort.litsite_order(rows, flags, cites)
        now = {"order": [registered[i] for i in order], "registered": registered}
        if now != previous:
            memo.put("o|", now)
        bib.set_order([bib.items[i] for i in order])

    @staticmethod
    def _insert(sort: object, rows: list, registered: list[str], previous: dict | None) -> list[int] | None:
        """The order from the previous formatting's (kept in the memo), when it differs by a few new items: the
        others keep their relative order (their sort values and their relative registration order are the same) and
        the new ones are inserted where a full sort would put them. None when a full sort is needed."""
        if not previous:
            return None
        place = {tag: i for i, tag in enumerate(registered)}
        before = set(previous["registered"])
        new = [i for i, tag in enumerate(registered) if tag not in before]
        if len(new) > 64 or [t for t in previous["registered"] if t in place] != [t for t in registered if t in before]:
            return None
        return sort.litsite_insert([place[t] for t in previous["order"] if t in place], rows, new)

    @staticmethod
    def _entries(
        bib: source.Bibliography,
        style: Style,
        memo: Memo,
        tags: dict[str, str],
        parallel: Parallel,
        finish: Callable[[object], str],
        ids: dict[str, str],
    ) -> list[tuple[str, str]]:
        """The bibliography entries in order: [id, text] for each item that renders something."""
        layout = style.root.bibliography.layout
        by_key = {item.key: item for item in bib.items}

        def memo_key(key: str, substituted: bool) -> str:
            return f"e|{tags[key]}|{bib.source.state_key(key)}|{int(substituted)}"

        def render(job: tuple[str, bool]) -> list:
            key, substituted = job
            try:
                text, names = layout.litsite_entry(by_key[key], substituted)
            except Exception as exc:  # never written into the page: the caller reports the item
                _debug(exc)
                raise ItemFormatError(ids[key], _detail(exc)) from exc
            return [finish(text) if str(text) else "", names]

        def entry(item: object, substituted: bool = False) -> tuple[str, str | None]:
            key = item.key
            mk = memo_key(key, substituted)
            found = memo.get(mk)
            text, names = memo.put(mk, render((key, substituted))) if found is None else found
            return text, names

        todo = {memo_key(key, False): (key, False) for key in bib.keys}
        todo = {mk: job for mk, job in todo.items() if memo.get(mk) is None}
        for mk, value in zip(todo, parallel.map(render, list(todo.values())), strict=True):
            memo.put(mk, value)
        texts = layout.render_bibliography(bib.items, entry)  # the order and author substitution, from the memo
        return [(ids[item.key], text) for item, text in zip(bib.items, texts, strict=True) if text]

    @staticmethod
    def _item(cite: Cite, keys: dict[str, str], missing: list[str], fmt: str = "text") -> source.Item:
        key = keys.get(cite.id)
        if key is None:
            missing.append(cite.id)
            key = f"missing-{cite.id}"
        extra: dict = {}
        if cite.locator:
            # rich text like a field's: its quotes typographic, punctuation moved into them (citeproc-js)
            label = (cite.label or "page").replace("sub verbo", "sub-verbo")  # CSL 1.0's spelling, still written
            extra["locator"] = Locator(label, str(markup.parse_rich_text(cite.locator, fmt)))
        if cite.prefix:
            extra["prefix"] = markup.affix_text(cite.prefix, fmt)
        if cite.suffix:
            extra["suffix"] = markup.affix_text(cite.suffix, fmt)
        if cite.suppress_author:
            extra["suppress_author"] = True
        if cite.author_only:
            extra["author_only"] = True
        return source.Item(key, **extra)


def note_numbers(note_style: bool, clusters: Sequence[Sequence[Cite]]) -> list[int]:
    """The note numbers of one document's clusters as pandoc places them: in a note style each cluster is a note of
    its own (1, 2, …) but an author-only one (the names of a narrative citation) stands in the text (0); in an
    in-text style every cluster stands in the text."""
    out = []
    count = 0
    for cluster in clusters:
        if not note_style or (cluster and all(c.author_only for c in cluster)):
            out.append(0)
        else:
            count += 1
            out.append(count)
    return out


def _place_in_notes(style: Style, citations: list[Citation], notes: list[int]) -> list[int]:
    """Give each citation its note number and the document's position tracker (read when it renders)."""
    tracker = PositionTracker(style.root.get_option("near-note-distance"))
    for citation, note in zip(citations, notes, strict=True):
        citation["litsite_positions"] = tracker
        citation["litsite_note"] = note
    return notes


def _note_numbers(style: Style, clusters: list[list[Cite]], notes: Sequence[int] | None) -> list[int]:
    """The note number of each cluster: the given ones, or the default for the style's class."""
    if notes is None:
        return note_numbers(style.root.get("class") == "note", clusters)
    return [max(0, int(n)) for n in notes]


def format_bibliography(items: list[dict], style: Path | str, fmt: str = "text", locale: str = "en-US") -> list[str]:
    """The bibliography entries of all items, in bibliography order."""
    result = Formatter(style, locale).format(items, [], fmt)
    return [entry for _, entry in result.entries]


def format_bibliography_ids(
    items: list[dict], style: Path | str, fmt: str = "text", locale: str = "en-US"
) -> list[tuple[str, str]]:
    """The bibliography as (id, entry) pairs, in bibliography order."""
    return list(Formatter(style, locale).format(items, [], fmt).entries)


def format_first_citations(items: list[dict], style: Path | str, fmt: str = "text", locale: str = "en-US") -> list[str]:
    """Every item cited once in file order, each as its own cluster; the final text of each cluster."""
    clusters = [[Cite(str(item["id"]))] for item in items]
    return list(Formatter(style, locale).format(items, clusters, fmt).citations)
