"""cs:name: initialize="false", initials, particles, name order, et-al and "and" rules, disambiguation hooks.

CSL 1.0.2 "Name": initialize-with only initializes when initialize is not "false"; particles (dropping and
non-dropping, also lower-case prefixes of family names like "la Berge") follow demote-non-dropping-particle;
delimiter-precedes-last / -et-al (contextual, after-inverted-name, always, never); et-al-use-last.
Disambiguation (add-names, add-givenname) is applied in citations through state the engine puts on the item.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from citeproc.string import MixedString, String, normalize_seam

from litsite.csl.disambig_item import alike_in_item, registry_family
from litsite.csl.elements import extend
from litsite.csl.fixes.dates import COMPARING
from litsite.csl.fixes.name_parse import STARTS_ROMANESQUE as _STARTS_ROMANESQUE
from litsite.csl.fixes.name_parse import (
    ParsedName,
    has_markup,
    initialize_marked,
    initialize_with,
    markup_placeholders,
    parse_name,
    split_particles,
)
from litsite.csl.fixes.sorting import names_sort_text
from litsite.csl.markup import KEPT
from litsite.csl.name_quotes import name_quotes
from litsite.csl.names_limit import area_limit, bibliography_adds_names, cut, et_al_cut, printed_names, printing
from litsite.csl.sort_etal import et_al_key
from litsite.csl.sort_etal import written_et_al as _written_et_al
from litsite.csl.sort_givens import initials_terminator, sort_levels
from litsite.csl.sort_name_case import sort_cased
from litsite.csl.sort_particles import glue_particles
from litsite.csl.sort_persons import note_sort_names
from litsite.csl.sort_static import name_order
from litsite.csl.substitute_author import compared_names

_DEFAULTS = {
    "and": None,
    "delimiter-precedes-et-al": "contextual",
    "delimiter-precedes-last": "contextual",
    "et-al-min": "0",
    "et-al-use-last": "false",
    "initialize": "true",
    "initialize-with": None,
    "initialize-with-hyphen": "true",
    "name-as-sort-order": None,
    "sort-separator": ", ",
    "form": "long",
    "delimiter": ", ",
}
_INHERITED = {"form": "name-form", "delimiter": "name-delimiter"}


def initialize(given: str, mark: str, hyphen: bool) -> str:
    """Initials of a given name: "John Paul" → "J. P." with mark ". " (citeproc-js initializeWith)."""
    return initialize_with(given, mark, False, hyphen)


def given_pair(name: dict) -> tuple[str, str]:
    """(initials, full given name) of a person; periods do not make another person ("David R." is "David R"),
    as citeproc-js's name registry strips them."""
    given = " ".join(split_particles(dict(name))[0].replace(".", " ").split())
    return (initialize(given, ".", True), given)


def normalize_initials(given: str, mark: str) -> str:
    """initialize="false": full given names stay, initials written in the name take the mark ("M.E" → "M. E.")."""
    return initialize_with(given, mark, True)


@extend("name")
class Name:
    """Our rendering of a list of names."""

    def _opt(self, name: str, context: object, sort_options: dict | None, own: bool = True) -> str | None:
        if sort_options and name in sort_options:
            return sort_options[name]
        if own and name in self.attrib:
            return self.get(name)
        if sort_options and name == "form" and "name-form" in sort_options:
            return sort_options["name-form"]
        inherited = _INHERITED.get(name, name)
        node = context if context is not None else self
        found = node.xpath_search("./ancestor-or-self::*[self::cs:citation or self::cs:bibliography][1]")
        for holder in (*found, self.get_root()):
            if inherited in holder.attrib:
                return holder.get(inherited)
        return _DEFAULTS.get(name)

    def process(self, item: object, variable: str, context: object = None, sort_options: dict | None = None,
                **kwargs: object) -> object:  # fmt: skip
        """Render the names of `variable` (a string, or an int for form="count")."""

        def opt(name: str, own: bool = True) -> str | None:
            return self._opt(name, context, sort_options, own)

        every = list(item.reference.get(variable, []) or [])
        in_citation = bool((context if context is not None else self).xpath_search("./ancestor::cs:citation"))
        names = cut(every, area_limit(self.get_root(), in_citation))  # over 50 names: names_limit.py
        dis = item.reference.get("_dis") if not sort_options else None
        if dis and not in_citation:
            dis = _in_bibliography(dis, bibliography_adds_names(self.get_root()))
        form = opt("form") or "long"
        et_al_min = int(opt("et-al-min") or 0)
        first = opt("et-al-use-first")
        if in_citation and not sort_options and self._subsequent(item, context):
            et_al_min = int(opt("et-al-subsequent-min") or et_al_min)
            first = opt("et-al-subsequent-use-first") or first
        if first is None:
            et_al_min = 0  # et-al-min without et-al-use-first (here or inherited) truncates nothing (citeproc-js)
        use_first = int(first or 1)
        use_last = (opt("et-al-use-last") or "false") == "true"
        primary_var = "author" if item.reference.get("author") else "editor"
        # names added count for the author (editor) list, or the first list the cite shows (a composer…)
        if dis and dis.get("names") and (variable == primary_var or not item.get("_names_seen")):
            use_first = max(use_first, dis["names"])
        truncated = bool(et_al_min) and len(every) >= et_al_min and use_first < len(every)
        shown = names[:use_first] if truncated else names
        if form == "count":
            return len(shown)
        if sort_options:
            keyed = printing(shown + names[-1:] if truncated and use_last and len(every) > use_first + 1 else shown)
            lang = str(item.reference.get("language") or "")
            note_sort_names(item, shown)  # citeproc-js registers them (sort_persons.py)
            return self._sort_text(keyed, form, opt, lang, item, names) if keyed else None
        count = et_al_cut(len(every), et_al_min, int(first or 1), use_first, use_last, bool(COMPARING))
        shown = names[:count]  # (the sort keys' own rule above: sort_etal.py); no et-al after no name printed:
        truncated = count < len(every) and bool(printing(shown))  # citeproc-js prints nothing
        given_level = (dis or {}).get("given", 0)
        primary = (dis or {}).get("given_primary", False)
        sort_order = opt("name-as-sort-order")
        lang = str(item.reference.get("language") or "")
        rendered, alike = [], alike_in_item(item.reference, variable, shown, form, self.get_root())
        for i, name in enumerate(shown):
            inverted = (sort_order == "all" or (sort_order == "first" and i == 0)) and "literal" not in name
            level = given_level if not (primary and i) else 0
            level = max(level, (dis or {}).get("given_pos", {}).get(i, 0) or alike.get(i, 0))  # disambig_item.py
            fam = (dis or {}).get("given_fam")
            if fam and not (primary and i) and "literal" not in name:
                level = max(level, fam.get(registry_family(name), {}).get(given_pair(name)[0], 0))
            rendered.append((self._one(name, form, inverted, opt, level, lang) or String(""), inverted))
        rendered, shown = printed_names(rendered, shown)  # names that print nothing are not joined
        if not rendered:
            return None
        if not sort_options and not item.get("_names_seen"):
            # subsequent-author-substitute: the shown names' input parts, any role, no "et al." (citeproc-js)
            item["_first_person"] = "; ".join(str(t) for t, _ in rendered) if in_citation else compared_names(shown)
            item["_first_role"] = variable
            count, substitute = item.get("_substitute_count") or 0, item.get("_author_substitute")
            if count and substitute is not None:  # subsequent-author-substitute-rule partial-* / complete-each
                rendered = [(String(substitute), inv) if i < count else (t, inv) for i, (t, inv) in enumerate(rendered)]
        delimiter = opt("delimiter") or ", "
        texts = [t for t, _ in rendered]
        if str(texts[0]).startswith(" "):  # a lower-case given name opens the list: citeproc-js keeps its space
            texts[0] = MixedString([String(KEPT)]) + normalize_seam(String(" "), texts[0])
        # "et al." written as a name's dropping particle ("L. et al."): the list ends in et-al (citeproc-js)
        written = not truncated and not use_last and any(_written_et_al(n) for n in shown)
        if truncated or written:
            if use_last:
                last = self._one(names[-1], form, sort_order == "all", opt, given_level, lang) or String("")
                return self._join(texts, delimiter) + String(delimiter + "\u2026 ") + last
            et_al = self.et_al()
            if not et_al:
                return self._join(texts, delimiter)
            rule = opt("delimiter-precedes-et-al") or "contextual"
            use_delim = self._precedes(rule, len(texts), rendered[-1][1])
            space = " " if _STARTS_ROMANESQUE.match(_PLACEHOLDERS.sub("", str(et_al))) else ""  # "Zither等"
            return self._join(texts, delimiter) + String(delimiter if use_delim else space) + et_al
        return self._join_last(texts, [inv for _, inv in rendered], shown, opt, delimiter)

    def _join_last(
        self, texts: list, inverted: list[bool], shown: list[dict], opt: Callable[..., str | None], delimiter: str
    ) -> object:
        """The names joined, the last one after the `and` term or symbol where the style asks for one."""
        and_ = opt("and")
        if and_ and len(texts) > 1:
            term = self.get_single_term(name="and") if and_ == "text" else "&"
            rule = opt("delimiter-precedes-last") or "contextual"
            if "literal" in shown[-1]:
                # before an institution citeproc-js follows only a rule cs:style, cs:citation or cs:bibliography
                # give (its cs:institution does not copy cs:name's), and only always or never; else the delimiter
                # from three names on ("Smith, J. & Big Corp", "A, B, & Inst" under cs:name's always / never)
                inherited = opt("delimiter-precedes-last", False)
                if rule != "after-inverted-name" or not inverted[-2]:  # (that one still adds the delimiter)
                    rule = inherited if inherited in ("always", "never") else "contextual"
            use_delim = self._precedes(rule, len(texts), inverted[-2], last=True)
            head = self._join(texts[:-1], delimiter)
            if not _STARTS_ROMANESQUE.match(str(term)):  # a term in another script is written without spaces
                # and without the delimiter, but for "always" between two names or after an inverted name
                # (citeproc-js's and_prefix_single, _getAfterInvertedName): "A, B, CוD", "A, וB"
                lead = (rule == "always" and len(texts) == 2) or (rule == "after-inverted-name" and inverted[-2])
                return head + String((delimiter if lead else "") + str(term)) + texts[-1]
            return _append(head, (delimiter if use_delim else " ") + str(term) + " ", texts[-1])
        return self._join(texts, delimiter)

    def _sort_text(self, keyed: list[dict], form: str, opt: Callable[[str], str | None], lang: str,
                   item: object = None, names: list | None = None) -> String:  # fmt: skip
        """The sort key of the names a macro shows, initialised as the macro writes them (as citeproc-js sorts), given
        names raised as citeproc-js's name registry asks (sort_givens.py)."""
        demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort")
        init_with = opt("initialize-with")
        levels = sort_levels(self.get_root(), item, names or keyed, keyed, form, init_with, demote) if item else None
        given_form = None
        keyed = sort_cased(keyed, *self._part_nodes())  # after the levels, which compare the names as given
        if levels is not None:
            init_with = initials_terminator(self.get_root(), init_with)
        if init_with is not None:
            # "Horvath, S." before "Horvath, S., Erhart"; under initialize="false" the initials written in the name
            # are normalised ("Duncan A.H." sorts as "Duncan A. H.")
            hyphen = (opt("initialize-with-hyphen") or "true") == "true"
            only = opt("initialize") == "false"
            given_form = partial(initialize_with, terminator=init_with, normalize_only=only, hyphen=hyphen)
        text = names_sort_text(keyed, demote, short=form == "short", language=lang, given_form=given_form,
                               levels=levels)  # fmt: skip
        text = glue_particles(text, keyed, demote, str(getattr(self.get_root(), "litsite_lang", "") or ""))
        et_al = self.et_al() if any(_written_et_al(n) for n in keyed) else None
        if not et_al:
            return String(text)
        if (opt("et-al-use-last") or "false") == "true":  # the names with an ellipsis before the last (sort_etal)
            level = dict(zip(map(id, keyed), levels or [None] * len(keyed), strict=True))

            def one(names: list) -> str:
                lv = level[id(names[0])]
                return names_sort_text(names, demote, form == "short", lang, given_form, None if lv is None else [lv])

            return String(et_al_key(keyed, one, "", True, opt("delimiter") or ", "))
        # "et al." written as a particle ends the list, joined as in the entry ("Born L., et al." under "always")
        rule = opt("delimiter-precedes-et-al") or "contextual"
        join = (opt("delimiter") or ", ") if self._precedes(rule, len(keyed), True) else " "
        return String(f"{text}{join}{et_al}")

    def _subsequent(self, item: object, context: object) -> bool:
        """Whether the item was cited before (et-al-subsequent-* apply)."""
        where = context if context is not None else self
        found = where.xpath_search("./ancestor-or-self::cs:citation[1]")
        cites = getattr(found[0], "cites", None) if found else None
        return bool(cites) and any(getattr(c, "key", None) == item.key for c in cites)

    @staticmethod
    def _precedes(rule: str, count: int, inverted: bool, last: bool = False) -> bool:
        if rule == "always":
            return True
        if rule == "never":
            return False
        if rule == "after-inverted-name":
            return inverted
        return count > 2 if last else count >= 2

    @staticmethod
    def _join(texts: list, delimiter: str) -> object:
        out = MixedString()
        for i, text in enumerate(texts):
            out = _append(out, delimiter, text) if i else out + text
        return out

    def _one(self, name: object, form: str, inverted: bool, opt: Callable[[str], str | None], given_level: int,
             language: str = "") -> object:  # fmt: skip
        """One name, its parts formatted and joined as citeproc-js does (NameOutput._renderOnePersonalName)."""
        if "literal" in name:  # the family name-part's formatting, not its affixes (citeproc-js)
            return _fmt(self._part_nodes()[1], name_quotes(str(name["literal"]))) or String("")
        p = parse_name(dict(name))
        if given_level >= 1:
            form = "long"  # without initialize-with, the first expansion step is the full given name
        given = p.given if form != "short" else ""
        init_with = opt("initialize-with")
        if given and p.family and init_with is not None and given_level < 2:
            # citeproc-js (_givenName): a disambiguation level of 1 initialises as the name's own settings do, so
            # under initialize="false" it only normalises written initials ("Percy L." stays, not "P. L.")
            normalize_only = opt("initialize") == "false"
            hyphen = (opt("initialize-with-hyphen") or "true") == "true"
            initializer = initialize_marked if has_markup(given) else initialize_with
            given = initializer(given, init_with, normalize_only, hyphen)
        if has_markup(given) or has_markup(p.family):  # a name's rich text ("<b>Doe</b>"), as citeproc-js keeps it
            given = markup_placeholders(given)
            p = replace(p, family=markup_placeholders(p.family))
        else:
            given, p = name_quotes(given), replace(p, family=name_quotes(p.family))
        g_node, f_node = self._part_nodes()
        giv = _fmt(g_node, given)
        fam, ndp = _fmt(f_node, p.family), _fmt(f_node, p.non_dropping_particle)
        long = form != "short"  # the short form drops dropping particle and suffix; a name without a given name not
        dp = _fmt(g_node, p.dropping_particle) if long and not _ET_AL.match(p.dropping_particle) else None
        suffix_text = p.suffix
        if suffix_text and init_with is not None and not has_markup(suffix_text):
            # citeproc-js (_nameSuffix): under initialize-with the suffix's abbreviations are normalised as written
            # initials are ("Jr." is "Jr" under initialize-with="", "Jr.M.D." is "Jr. M. D." under ". ")
            hyphen = (opt("initialize-with-hyphen") or "true") == "true"
            suffix_text = initialize_with(suffix_text, init_with, True, hyphen)
        suffix = String(suffix_text) if suffix_text and long else None
        order = name_order(dict(name), p, language)
        if order == 0:
            return _cat([ndp, fam, giv], "")
        nbsp = "\u00a0" if str(getattr(self.get_root(), "litsite_lang", "") or "")[:2] in ("fr", "ru", "cs") else " "
        if order == 1 or language in ("vi", "hu"):
            return _cat([_cat([ndp, fam], nbsp), giv], " ")
        hyphenated = p.non_dropping_particle[-1:] in ("\u2019", "'", "-", " ")
        if inverted:
            return self._inverted(p, (giv, fam, dp, ndp, suffix), opt, hyphenated, nbsp)
        elided = p.dropping_particle[-1:] in ("'", "\u02bc", "\u2019", "-") and p.dropping_particle[:-1] != "de"
        if elided and p.family and not p.non_dropping_particle and dp is not None:
            fam, dp = _cat([dp, fam], ""), None  # "d’Aubignac"
        second = _cat([dp, _cat([ndp, fam], "")], nbsp) if hyphenated else _cat([dp, ndp, fam], nbsp)
        comma = p.comma_suffix or self.get("comma-suffix") == "true"
        second = _affix(f_node, _cat([second, suffix], ", " if comma else " "))
        comma_dp = "" if (f_node is not None and f_node.get("prefix")) or dp is None else p.comma_dropping_particle
        space = nbsp if init_with and re.search("[\u00a0\ufeff]", init_with) and given_level < 2 else " "
        return _cat([_affix(g_node, giv), second], comma_dp + space)

    def _inverted(self, p: ParsedName, parts: tuple, opt: Callable[[str], str | None], hyphenated: bool,
                  nbsp: str) -> object:  # fmt: skip
        """Family first ("Doe, John"): the non-dropping particle goes after the given name unless the style's
        demote-non-dropping-particle is "never" or "sort-only"."""
        giv, fam, dp, ndp, suffix = parts
        g_node, f_node = self._part_nodes()
        sep = opt("sort-separator")
        sep = ", " if sep is None else sep
        if p.given in ("Lord", "Lady"):
            sep = ", "
        comma_dp = p.comma_dropping_particle + " "
        demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort")
        if demote in ("always", "display-and-sort"):
            second = _affix(g_node, _cat([_cat([giv, dp], comma_dp), ndp], " "))
            merged = _cat([_affix(f_node, fam), second], sep)
        else:
            first = _affix(f_node, _cat([ndp, fam], "" if hyphenated else nbsp))
            merged = _cat([first, _affix(g_node, _cat([giv, dp], comma_dp))], sep)
        return _cat([merged, suffix], sep)

    def markup(self, text: object) -> object:
        """Formatting and affixes; a count (form="count") stays a number."""
        if isinstance(text, int):
            return text
        return super().markup(text)

    def _part_nodes(self) -> tuple[object | None, object | None]:
        """The cs:name-part elements for the given and the family name (None when the style has none)."""
        nodes = {part.get("name"): part for part in self.findall("cs:name-part", self.nsmap)}
        return nodes.get("given"), nodes.get("family")


_ET_AL = re.compile("^et.?al[^a-z]$")
_PLACEHOLDERS = re.compile("[\ue000-\uf8ff]")  # markup placeholders of formatted text (markup.py)


def _in_bibliography(dis: dict, names: bool) -> dict:
    """What of a cite's disambiguation holds in the bibliography: the names added (when the style adds given names
    too: names_limit.py), the by-cite given-name level the cite rendered with where it raises the name above its own
    ("Abadi, Martin" when the cites needed the given name; _givenName), and the global rules' levels (its name
    registry is read there too)."""
    return {
        "names": dis.get("names", 0) if names else 0,
        "given_pos": dis.get("given_bib", {}),
        "given_fam": dis.get("given_fam"),
        "given_primary": dis.get("given_primary", False),
    }


def _fmt(node: object | None, text: str) -> object | None:
    """A name part with its cs:name-part's text-case and formatting, not yet its affixes; None when empty."""
    if not text:
        return None
    out: object = String(text)
    return node.format(node.case(out)) if node is not None else out


def _affix(node: object | None, text: object | None) -> object | None:
    """The prefix and suffix of a cs:name-part around a (joined) part."""
    return node.wrap(text) if node is not None and text is not None else text


def _cat(pieces: list, delimiter: str) -> object | None:
    """Join the non-empty pieces; a whitespace delimiter is dropped after a piece ending in whitespace (a
    name-part suffix "&#160;" stands for the space)."""
    out = None
    for piece in pieces:
        if piece is None or not str(piece):
            continue
        if out is None:
            out = MixedString() + piece
        elif delimiter.isspace() and str(out)[-1:].isspace():
            out = out + piece
        else:
            out = _append(out, delimiter, piece)
    return out


def _append(out: object, delimiter: str, piece: object) -> object:
    """out + delimiter + piece, keeping a space the piece starts with: citeproc-js writes "Li,  shuang" for a
    lower-case given name it cannot initialise, a double space citeproc-py's string seams would collapse."""
    if delimiter.endswith(" ") and str(piece).startswith(" "):
        return out + String(delimiter + " ") + normalize_seam(String(" "), piece)
    return out + String(delimiter) + piece
