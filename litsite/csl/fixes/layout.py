"""cs:layout: second-field-align, cite order in clusters, suppress-author and author-only cites.

CSL 1.0.2 "Whitespace": with second-field-align the first field (e.g. the citation number) is set apart from the
rest of the entry (text: separated by a space; HTML: csl-left-margin / csl-right-inline blocks).
CSL 1.0.2 "Sorting": without cs:sort in cs:citation, cites keep the order the author gave.
"""

from __future__ import annotations

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String, join

from litsite.csl.elements import CSL_NS, extend


def _render_child(child: model.CitationStylesElement, item: object, delimiter: str = "") -> object:
    try:
        if isinstance(child, model.Choose):
            return child.render(item, delimiter=delimiter)
        return child.render(item)
    except VariableError:
        return None


def first_names(element: model.CitationStylesElement) -> model.CitationStylesElement | None:
    """The first cs:names an element renders, following macros."""
    for el in element.iter(f"{{{CSL_NS}}}names", f"{{{CSL_NS}}}text"):
        if el.tag.endswith("}names"):
            return el
        if el.get("macro"):
            found = first_names(el.get_macro(el.get("macro")))
            if found is not None:
                return found
    return None


@extend("layout")
class Layout:
    """Our bibliography entry and citation cluster rendering."""

    def render_bibliography(self, citation_items: list) -> list:
        """Render entries; with second-field-align the first field is kept apart."""
        align = self.getparent().get("second-field-align")
        delimiter = self.get("delimiter", "")
        out = []
        for item in citation_items:
            self.repressed = {}
            item["_used"] = set()
            parts = [_render_child(child, item, delimiter) for child in self.iterchildren()]
            parts = [p for p in parts if p is not None and str(p) != ""]
            if not parts:
                continue
            if align and len(parts) > 1:
                left = str(parts[0]).strip()
                right = str(self.format(self.wrap(join(parts[1:], delimiter)))).strip()
                fmt = getattr(self.get_formatter(), "fmt", "text")
                if fmt == "html":
                    out.append(
                        String(f'<div class="csl-left-margin">{left}</div><div class="csl-right-inline">{right}</div>')
                    )
                else:
                    out.append(String(f"{left} {right}"))
            else:
                out.append(self.format(self.wrap(join(parts, delimiter))))
        return out

    def render_citation(self, citation: object, callback: object) -> object:
        """Render a cluster: cites in the given order (or the style's citation sort)."""
        cites = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        if self.getparent().sort is not None:
            cites = self.getparent().sort.sort(cites, self)
        out = []
        for cite in cites:
            self.repressed = {}
            cite.pop("_names_done", None)
            cite["_used"] = set()
            if cite.get("author_only"):
                names = first_names(self)
                text = _render_child(names, cite) if names is not None else None
            else:
                text = self.render_children(cite, delimiter="")
            if text is not None:
                text = String(cite.get("prefix", "")) + text + String(cite.get("suffix", ""))
                out.append(text)
                self.getparent().cites.append(cite)
        for cite in bad:
            out.append(callback(cite) or f"{cite.key}?")
        if not out:
            return String("")
        return self.format(self.wrap(self.join(out)))
