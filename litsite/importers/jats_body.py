"""A JATS abstract and body as Markdown: sections, paragraphs, lists, tables, captions; bibr xrefs as citations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from litsite.importers.mdtext import escape_inline, escape_line_starts
from litsite.importers.xmltext import attr, first, squash, text_of

_SUP = str.maketrans("0123456789+-−=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ")
_SUB = str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_SEPARATOR = re.compile(r"^[\s,;]*(?:and|&)?[\s,;]*$")
_DASH = re.compile(r"^\s*[–—‒-]\s*$")
_SKIP = {"fn", "graphic", "inline-graphic", "media", "alternatives-image", "object-id", "permissions", "alt-text",
         "long-desc", "attrib", "target", "counts", "processing-meta"}  # fmt: skip
_BLOCKS = {"p", "sec", "list", "table-wrap", "table-wrap-group", "fig", "fig-group", "disp-formula", "disp-quote",
           "boxed-text", "supplementary-material", "preformat", "code", "def-list", "statement", "speech",
           "verse-group", "array", "table", "glossary", "ref-list", "title", "label", "caption",
           "chem-struct-wrap"}  # fmt: skip
MAX_DEPTH = 60  # nesting bound: hostile records cannot recurse without limit


@dataclass(frozen=True)
class Ctx:
    """What rendering a body needs: the record's ref ids → our ids (in list order), and the warnings it collects."""

    ids: dict[str, str]
    warnings: list[str] = field(default_factory=list)

    @cached_property
    def order(self) -> dict[str, int]:
        """Each ref id's place in the reference list."""
        return {rid: i for i, rid in enumerate(self.ids)}

    def between(self, a: str, b: str) -> list[str]:
        """The ref ids from a to b in reference-list order (a "3–5" range), or [a, b] if not a forward range."""
        i, j = self.order.get(a), self.order.get(b)
        if i is None or j is None or j <= i or j - i > 200:
            return [a, b]
        return list(self.ids)[i : j + 1]


def _is_bibr(el: object) -> bool:
    return isinstance(el, etree._Element) and el.tag == "xref" and attr(el, "ref-type") == "bibr"


def _cluster(rids: list[str], ctx: Ctx) -> str:
    keys = list(dict.fromkeys(ctx.ids[r] for r in rids if r in ctx.ids))
    missing = [r for r in rids if r not in ctx.ids]
    if missing:
        ctx.warnings.append(f"citation of {', '.join(missing[:3])}: no such reference in the list")
    return "[" + "; ".join(f"@{k}" for k in keys) + "]" if keys else ""


def _runs(children: list[etree._Element]) -> list[tuple[int, int, list[str]]]:
    """Runs of neighbouring bibr xrefs among children: (first index, last index, rids with ranges expanded)."""
    runs: list[tuple[int, int, list[tuple[str, bool]]]] = []
    i = 0
    while i < len(children):
        if not _is_bibr(children[i]):
            i += 1
            continue
        start, rids = i, [(r, False) for r in attr(children[i], "rid").split()]
        while i + 1 < len(children) and _is_bibr(children[i + 1]):
            tail = children[i].tail or ""
            if _DASH.match(tail):
                rids += [(r, True) for r in attr(children[i + 1], "rid").split()[:1]]
                rids += [(r, False) for r in attr(children[i + 1], "rid").split()[1:]]
            elif _SEPARATOR.match(tail):
                rids += [(r, False) for r in attr(children[i + 1], "rid").split()]
            else:
                break
            i += 1
        runs.append((start, i, rids))  # type: ignore[arg-type]
        i += 1
    return runs  # type: ignore[return-value]


def _expand(rids: list[tuple[str, bool]], ctx: Ctx) -> list[str]:
    out: list[str] = []
    for rid, closes_range in rids:
        if closes_range and out:
            out += ctx.between(out[-1], rid)[1:]
        else:
            out.append(rid)
    return out


def _wrap(text: str, mark: str) -> str:
    inner = text.strip()
    if not inner:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}{mark}{inner}{mark}{trail}"


def _script(el: etree._Element, ctx: Ctx, depth: int) -> str:
    if all(_is_bibr(c) for c in el) and len(el) and _SEPARATOR.match(el.text or "") is not None:
        return inline(el, ctx, depth + 1)  # superscript citation numbers: the cluster replaces them
    text = text_of(el)
    table = _SUP if el.tag == "sup" else _SUB
    mapped = text.translate(table)
    if text and all(c != o or c in " " for c, o in zip(mapped, text, strict=True)):
        return mapped
    return escape_inline(text)


def _link(el: etree._Element, ctx: Ctx, depth: int) -> str:
    href = (attr(el, "href") or text_of(el)).strip()
    label = inline(el, ctx, depth + 1) or escape_inline(href)
    if re.fullmatch(r"https?://[^\s<>]+", href):
        return f"[{label}](<{href.replace('>', '%3E')}>)"
    return label


def _element(el: etree._Element, ctx: Ctx, depth: int) -> str:
    tag = el.tag
    if tag in _SKIP or depth > MAX_DEPTH:
        return ""
    if tag in ("italic", "em"):
        return _wrap(inline(el, ctx, depth + 1), "*")
    if tag in ("bold", "strong"):
        return _wrap(inline(el, ctx, depth + 1), "**")
    if tag in ("sup", "sub"):
        return _script(el, ctx, depth)
    if tag in ("ext-link", "uri"):
        return _link(el, ctx, depth)
    if tag in ("inline-formula", "disp-formula"):
        tex = first(el, ".//tex-math")
        return escape_inline(text_of(tex) if tex is not None and not len(el.xpath(".//math")) else text_of(el))
    if tag == "break":
        return " "
    if tag == "xref" and attr(el, "ref-type") == "bibr":
        return _cluster(attr(el, "rid").split(), ctx)
    return inline(el, ctx, depth + 1)


def inline(el: etree._Element, ctx: Ctx, depth: int = 0, skip: tuple[str, ...] = ()) -> str:
    """An element's content as one line of Markdown: emphasis kept, citations as pandoc clusters."""
    children = [c for c in el if isinstance(c.tag, str) and c.tag not in skip]
    parts = [escape_inline(el.text or "")]
    runs = {start: (end, rids) for start, end, rids in _runs(children)}
    i = 0
    while i < len(children):
        child = children[i]
        if i in runs:
            end, rids = runs[i]
            cluster = _cluster(_expand(rids, ctx), ctx)  # type: ignore[arg-type]
            if not cluster:
                cluster = "".join(escape_inline(text_of(c)) for c in children[i : end + 1])
            before = parts[-1] if parts else ""
            tail = children[end].tail or ""
            # Brackets printed around the numbers belong to the citation: "[<xref/>–<xref/>]" → "[@a; @b; @c]".
            m = re.search(r"(\\\[|\\?\()\s*$", before)
            close = {"\\[": "]", "(": ")", "\\(": ")"}.get(m.group(1)) if m else None
            if m and close and tail.lstrip().startswith(close):
                parts[-1] = before[: m.start()]
                tail = tail.lstrip()[1:]
            parts.append(cluster)
            parts.append(_after_cluster(escape_inline(tail)))
            i = end + 1
            continue
        parts.append(_element(child, ctx, depth))
        parts.append(escape_inline(child.tail or ""))
        i += 1
    return squash("".join(parts)) if depth == 0 else re.sub(r"\s+", " ", "".join(parts))


def _after_cluster(text: str) -> str:
    # "[@a](" would read as a link: escape an opening parenthesis right after a cluster.
    return "\\" + text if text.startswith("(") else text


def _paragraph(text: str) -> str:
    return escape_line_starts(squash(text))


def _caption(el: etree._Element, ctx: Ctx, depth: int) -> list[str]:
    label = text_of(first(el, "label"))
    cap = first(el, "caption")
    title = inline(first(cap, "title"), ctx, depth + 1) if cap is not None and first(cap, "title") is not None else ""
    head = " ".join(x for x in (f"**{escape_inline(label)}**" if label else "", title) if x)
    paras = [inline(p, ctx, depth + 1) for p in (cap.xpath("p") if cap is not None else [])]
    if head and paras:
        return [_paragraph(f"{head} {paras[0]}"), *[_paragraph(p) for p in paras[1:] if p]]
    return [_paragraph(x) for x in ([head] if head else []) + paras if x.strip()]


def _table(table: etree._Element, ctx: Ctx, depth: int) -> list[str]:
    rows = []
    for tr in table.xpath(".//tr")[:2000]:
        cells = []
        for cell in tr.xpath("th | td"):
            text = inline(cell, ctx, depth + 1).replace("\n", " ").strip() or " "
            span = attr(cell, "colspan")
            cells += [text] + [" "] * (min(int(span), 50) - 1 if span.isdigit() and int(span) > 1 else 0)
        if cells:
            rows.append(cells)
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [" "] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return ["\n".join(lines)]


def _list(el: etree._Element, ctx: Ctx, depth: int, indent: str = "") -> list[str]:
    ordered = attr(el, "list-type") in ("order", "arabic", "alpha-lower", "alpha-upper", "roman-lower", "roman-upper")
    lines = []
    for n, item in enumerate(el.xpath("list-item"), start=1):
        mark = f"{n}. " if ordered else "- "
        text = " ".join(inline(p, ctx, depth + 1) for p in item.xpath("p | title") if len(p) or p.text) or inline(
            item, ctx, depth + 1, skip=("list", "label")
        )
        lines.append(indent + mark + escape_line_starts(squash(text)).lstrip())
        for sub in item.xpath(".//list")[:1]:
            lines += _list(sub, ctx, depth + 1, indent + " " * len(mark))
    return ["\n".join(lines)] if lines else []


def blocks(el: etree._Element, ctx: Ctx, level: int, depth: int = 0) -> list[str]:
    """Markdown blocks for a container element (body, sec, boxed-text, list-item …)."""
    if depth > MAX_DEPTH:
        return []
    out: list[str] = []
    for child in el:
        if not isinstance(child.tag, str) or child.tag in _SKIP:
            continue
        out += _block(child, ctx, level, depth + 1)
    return out


def _block(child: etree._Element, ctx: Ctx, level: int, depth: int) -> list[str]:
    tag = child.tag
    if tag == "sec":
        label, title_el = escape_inline(text_of(first(child, "label"))), first(child, "title")
        title = " ".join(x for x in (label, inline(title_el, ctx) if title_el is not None else "") if x)
        return ([f"{'#' * min(level, 6)} {title}"] if title else []) + blocks(child, ctx, level + 1, depth)
    if tag in ("title", "label", "caption"):
        return []
    if tag == "p":
        return _p_blocks(child, ctx, level, depth)
    if tag == "list":
        return _list(child, ctx, depth)
    if tag in ("table-wrap", "fig", "chem-struct-wrap", "supplementary-material"):
        out = _caption(child, ctx, depth)
        for table in child.xpath(".//table")[:5]:
            out += _table(table, ctx, depth)
        for foot in child.xpath("table-wrap-foot"):
            out += [_paragraph(inline(p, ctx, depth)) for p in foot.xpath(".//p") if text_of(p)]
        return out
    if tag in ("table-wrap-group", "fig-group", "boxed-text", "statement", "glossary", "speech", "verse-group"):
        return _caption(child, ctx, depth) + blocks(child, ctx, level, depth)
    if tag == "disp-quote":
        inner = blocks(child, ctx, level, depth) or [_paragraph(inline(child, ctx, depth))]
        return ["\n".join("> " + line for block in inner for line in block.split("\n"))]
    if tag == "def-list":
        pairs = [(first(d, "term"), first(d, "def")) for d in child.xpath("def-item")]
        pairs = [(t, d) for t, d in pairs if t is not None and d is not None]
        return [_paragraph(f"**{inline(t, ctx)}** {inline(d, ctx)}") for t, d in pairs]
    text = inline(child, ctx, depth)
    return [_paragraph(text)] if text.strip() else []


def _p_blocks(p: etree._Element, ctx: Ctx, level: int, depth: int) -> list[str]:
    """A paragraph; block elements inside it (lists, tables, figures, quotes) become blocks of their own."""
    if not any(isinstance(c.tag, str) and c.tag in _BLOCKS - {"title", "label", "caption"} for c in p):
        text = inline(p, ctx)
        return [_paragraph(text)] if text else []
    out: list[str] = []
    holder = etree.Element("p")
    holder.text = p.text
    for child in p:
        if isinstance(child.tag, str) and child.tag in _BLOCKS:
            if text := inline(holder, ctx):
                out.append(_paragraph(text))
            out += _block(child, ctx, level, depth + 1)
            holder = etree.Element("p")
            holder.text = child.tail
        else:
            holder.append(_copy(child))
    if text := inline(holder, ctx):
        out.append(_paragraph(text))
    return out


def _copy(el: etree._Element) -> etree._Element:
    import copy

    return copy.deepcopy(el)


def body_markdown(body: etree._Element, ids: dict[str, str], warnings: list[str]) -> str:
    """The article's body as Markdown (top-level sections as `##` headings), citations as [@id] clusters."""
    ctx = Ctx(ids)
    out = blocks(body, ctx, 2)
    warnings += list(dict.fromkeys(ctx.warnings))
    return "\n\n".join(b for b in out if b.strip()) + "\n" if out else ""


def abstract_markdown(abstract: etree._Element | None) -> tuple[str, str]:
    """(Markdown with section titles bold, plain text with 'Title: ' labels) of an abstract; ('', '') if none."""
    if abstract is None:
        return "", ""
    ctx = Ctx({})
    md: list[str] = []
    plain: list[str] = []
    secs = abstract.xpath("sec")
    for part in secs or [abstract]:
        title = text_of(first(part, "title"), ("xref",)) if secs else ""
        paras = part.xpath(".//p") or [part]
        texts = [text_of(p, ("xref",)) for p in paras]
        texts = [t for t in texts if t]
        if not texts and not title:
            continue
        lead = f"**{escape_inline(title)}** " if title else ""
        md.append(_paragraph(lead + inline(paras[0], ctx, skip=("title",))) if texts else f"**{escape_inline(title)}**")
        md += [_paragraph(inline(p, ctx)) for p in paras[1:] if text_of(p)]
        label = f"{title}{'' if title.endswith((':', '.')) else ':'} " if title else ""
        plain.append(label + " ".join(texts))
    return "\n\n".join(md), "\n\n".join(plain)
