"""cs:layout: second-field-align, cite order in clusters, suppress-author and author-only cites.

CSL 1.0.2 "Whitespace": with second-field-align the first field (e.g. the citation number) is set apart from the
rest of the entry (text: separated by a space; HTML: csl-left-margin / csl-right-inline blocks).
CSL 1.0.2 "Sorting": without cs:sort in cs:citation, cites keep the order the author gave.
"""

from __future__ import annotations

from collections.abc import Callable

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import MixedString, String, join

from litsite.csl.elements import extend
from litsite.csl.fixes.collapse import collapse_numbers, collapse_years
from litsite.csl.markup import CLOSE, OPEN


def _render_child(child: model.CitationStylesElement, item: object, delimiter: str = "") -> object:
    try:
        if isinstance(child, model.Choose):
            return child.render(item, delimiter=delimiter)
        return child.render(item)
    except VariableError:
        return None


NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"


@extend("layout")
class Layout:
    """Our bibliography entry and citation cluster rendering."""

    def render_bibliography(self, citation_items: list, entry: Callable[..., tuple] | None = None) -> list:
        """Render entries in order, substituting repeated authors (subsequent-author-substitute).

        entry(item, substituted=False) -> (text, names) renders one entry (default: litsite_entry; the engine
        passes one that takes renderings from its memo).
        """
        entry = entry or self.litsite_entry
        substitute = self.getparent().get("subsequent-author-substitute")
        out = []
        previous = None
        for item in citation_items:
            text, names = entry(item)
            if substitute is not None:
                if names and names == previous:
                    text, _ = entry(item, substituted=True)
                previous = names
            out.append(text)
        return out

    def litsite_entry(self, item: object, substituted: bool = False) -> tuple[object, str | None]:
        """One entry and the names it starts with (compared with the next entry's for substitution).

        With second-field-align the first field is kept apart.
        """
        align = self.getparent().get("second-field-align")
        delimiter = self.get("delimiter", "")
        substitute = self.getparent().get("subsequent-author-substitute") if substituted else None
        parts = self._entry_parts(item, delimiter, substitute)
        names = item.get("_first_names")
        parts = [p for p in parts if p is not None and str(p) != ""]
        if not parts:
            return String(""), names
        if align and len(parts) > 1:
            # as citeproc-js's text output: the first field with its affixes, a space, the rest
            left = str(parts[0]).lstrip()
            right = str(self.format(self.wrap(join(parts[1:], delimiter)))).strip()
            fmt = getattr(self.get_formatter(), "fmt", "text")
            if fmt == "html":  # as citeproc-js: the fields keep their own affixes and spaces
                left, right = str(parts[0]), str(self.format(self.wrap(join(parts[1:], delimiter))))
                return String(f"{OPEN['lm']}{left}{CLOSE['lm']}{OPEN['ri']}{right}{CLOSE['ri']}"), names
            return String(f"{left} {right}"), names
        return self.format(self.wrap(join(parts, delimiter))), names

    def _entry_parts(self, item: object, delimiter: str, substitute: str | None = None) -> list:
        self.repressed = {}
        item["_used"] = set()
        item["_names_seen"] = False
        item["_first_names"] = None
        item["_first_person"] = None
        item["_suffix_done"] = False
        item["_author_substitute"] = substitute
        return [_render_child(child, item, delimiter) for child in self.iterchildren()]

    def render_citation(self, citation: object, callback: object) -> object:
        """Render a cluster: cites in the given order (or the style's citation sort)."""
        cites = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        if self.getparent().sort is not None and len(cites) > 1:  # one cite needs no sorting (its keys are costly)
            cites = self.getparent().sort.sort(cites, self)
        out = []
        rendered = []
        for cite in cites:
            self.repressed = {}
            cite.pop("_names_done", None)
            cite["_used"] = set()
            cite["_names_seen"] = False
            cite["_first_names_obj"] = None
            cite["_first_names"] = None
            cite["_suffix_done"] = False
            text = self.render_children(cite, delimiter="")
            if cite.get("author_only"):
                names = cite.get("_first_names_obj")
                if names is not None:
                    out.append(names)
                    self.getparent().cites.append(cite)
                continue
            if text is None or not str(text).strip():
                text = String(NO_PRINTED_FORM)  # what citeproc-js prints for a cite that renders nothing
            if text is not None:
                text = MixedString([cite.get("prefix") or String("")]) + text + (cite.get("suffix") or String(""))
                out.append(text)
                rendered.append((cite, text))
                self.getparent().cites.append(cite)
        for cite in bad:
            out.append(callback(cite) or f"{cite.key}?")
        if not out:
            return String("")
        if all(cite.get("author_only") for cite in cites):
            return self.join(out)
        collapse = self.getparent().get("collapse")
        if collapse and len(rendered) > 1 and not bad:
            joined = self._collapsed(rendered, collapse)
            if joined is not None:
                return self.format(self.wrap(joined))
        return self.format(self.wrap(self.join(out)))

    def _collapsed(self, rendered: list, collapse: str) -> object:
        delimiter = self.get("delimiter", "")
        citation = self.getparent()
        after = citation.get("after-collapse-delimiter", delimiter)
        if collapse == "citation-number":
            pieces = collapse_numbers(rendered, delimiter, after)
        else:
            # as citeproc-js: ", " for collapse="year", the layout delimiter for the year-suffix modes
            group = citation.get("cite-group-delimiter", ", " if collapse == "year" else delimiter)
            opts = {
                "delimiter": delimiter,
                "after": after,
                "group": group,
                "year_suffix": citation.get("year-suffix-delimiter", group),
            }
            pieces = collapse_years(self, rendered, collapse, opts)
        out = MixedString()
        for n, (text, delim) in enumerate(pieces):
            out = out + text
            if n + 1 < len(pieces):
                out = out + String(delim)
        return out

    def litsite_render_short(self, cite: object) -> object:
        """A cite rendered again without its names (for collapsing)."""
        self.repressed = {}
        cite["suppress_author"] = True
        cite["_suffix_done"] = False
        cite.pop("_names_done", None)
        cite["_used"] = set()
        try:
            return self.render_children(cite, delimiter="") or String("")
        finally:
            cite.pop("suppress_author", None)
