"""cs:name: initialize="false", initials, particles, name order, et-al and "and" rules, disambiguation hooks.

CSL 1.0.2 "Name": initialize-with only initializes when initialize is not "false"; particles (dropping and
non-dropping, also lower-case prefixes of family names like "la Berge") follow demote-non-dropping-particle;
delimiter-precedes-last / -et-al (contextual, after-inverted-name, always, never); et-al-use-last.
Disambiguation (add-names, add-givenname) is applied in citations through state the engine puts on the item.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from citeproc.string import MixedString, String

from litsite.csl.elements import extend
from litsite.csl.fixes.particles import split_particles
from litsite.csl.fixes.sorting import names_sort_text

_DEFAULTS = {
    "and": None,
    "delimiter-precedes-et-al": "contextual",
    "delimiter-precedes-last": "contextual",
    "et-al-min": "0",
    "et-al-use-first": "1",
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


_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _glue(*parts: str) -> str:
    """Join name parts with spaces, but not after a particle ending in an apostrophe or hyphen."""
    out = ""
    for part in parts:
        if not part:
            continue
        out = part if not out else out + ("" if out[-1] in "'’-" else " ") + part
    return out


_ABBREVIATION = re.compile(r"^[^\W\d_]{2,}\.$")


@lru_cache(maxsize=1 << 16)
def initialize(given: str, mark: str, hyphen: bool) -> str:
    """Initials of a given name: "John Paul" → "J. P." with mark ". ".

    As citeproc-js: an abbreviated given name written with a period ("Th.", "Kh.", "Chr.") keeps its letters, and
    initials joined by a hyphen ("P.-C.") stay one hyphenated initial ("P.-C.", "P-C" with an empty mark)."""
    given = re.sub(r"\.\s*-\s*", "-", given)
    if not hyphen:
        given = given.replace("-", " ")
    text = ""
    for word in re.sub(r"\.(?=\S)", ". ", given).split():
        if _ABBREVIATION.match(word) and word[0].isupper():
            text += word[:-1] + mark
            continue
        pieces = word.split("-")
        initials = [p[0] + mark for p in pieces if p and p[0].isupper()]
        if initials and (len(initials) == len(pieces) or pieces[0][:1].isupper()):
            joined = "-".join(i.rstrip() for i in initials) + mark[len(mark.rstrip()) :]
            text += joined if len(initials) > 1 else initials[0]
        else:
            text += ("" if not text or text.endswith(" ") else " ") + word + " "
    return text.rstrip()


@lru_cache(maxsize=1 << 16)
def normalize_initials(given: str, mark: str) -> str:
    """initialize="false": full given names stay, initials are written with the mark ("J.P." / "J P" / "P-C" →
    "J. P." / "P. C."), as citeproc-js normalizes them; a run of capitals without separators ("JP") stays."""
    words = []
    for word in given.split():
        letters = [p for p in re.split(r"[.\-]+", word) if p]
        if (
            letters
            and all(len(p) == 1 and p.isupper() for p in letters)
            and (len(letters) == 1 or word != "".join(letters))
        ):
            words.append(mark.join(letters) + mark)
        else:
            words.append(word)
    out = ""
    for word in words:
        out = word if not out else out + ("" if out.endswith(" ") else " ") + word
    return out.rstrip()


@extend("name")
class Name:
    """Our rendering of a list of names."""

    def _opt(self, name: str, context: object, sort_options: dict | None) -> str | None:
        if sort_options and name in sort_options:
            return sort_options[name]
        if name in self.attrib:
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

        def opt(name: str) -> str | None:
            return self._opt(name, context, sort_options)

        names = list(item.reference.get(variable, []) or [])
        in_citation = bool((context if context is not None else self).xpath_search("./ancestor::cs:citation"))
        dis = item.reference.get("_dis") if not sort_options else None
        if dis and not in_citation:  # add-names also holds in the bibliography (as citeproc-js does), not givennames
            dis = {"names": dis.get("names", 0)}
        form = opt("form") or "long"
        et_al_min = int(opt("et-al-min") or 0)
        use_first = int(opt("et-al-use-first") or 1)
        if in_citation and not sort_options and self._subsequent(item, context):
            et_al_min = int(opt("et-al-subsequent-min") or et_al_min)
            use_first = int(opt("et-al-subsequent-use-first") or use_first)
        use_last = (opt("et-al-use-last") or "false") == "true"
        primary_var = "author" if item.reference.get("author") else "editor"
        if dis and dis.get("names") and variable == primary_var:
            use_first = max(use_first, dis["names"])
        truncated = bool(et_al_min) and len(names) >= et_al_min and use_first < len(names)
        shown = names[:use_first] if truncated else names
        if form == "count":
            return len(shown)
        if sort_options:
            keyed = shown + names[-1:] if truncated and use_last and len(names) > use_first + 1 else shown
            return self._sort_text(keyed, form, opt) if shown else None
        given_level = (dis or {}).get("given", 0)
        primary = (dis or {}).get("given_primary", False)
        sort_order = opt("name-as-sort-order")
        rendered = []
        for i, name in enumerate(shown):
            inverted = (sort_order == "all" or (sort_order == "first" and i == 0)) and "literal" not in name
            level = given_level if not (primary and i) else 0
            level = max(level, (dis or {}).get("given_pos", {}).get(i, 0))
            fam = (dis or {}).get("given_fam")
            if fam and not (primary and i) and "literal" not in name:
                _, family_, _, ndp_, _ = split_particles(dict(name))
                level = max(level, fam.get(f"{ndp_} {family_}".strip(), 0))
            rendered.append((self._one(name, form, inverted, opt, level), inverted))
        if not rendered:
            return None
        if not sort_options and not item.get("_names_seen"):
            # subsequent-author-substitute compares the names shown, without "et al." (as citeproc-js does)
            item["_first_person"] = variable + ": " + "; ".join(str(t) for t, _ in rendered)
        delimiter = opt("delimiter") or ", "
        texts = [t for t, _ in rendered]
        if truncated:
            if use_last and len(names) > use_first + 1:
                ellipsis = "\u2026"
                return (
                    self._join(texts, delimiter)
                    + String(delimiter + ellipsis + " ")
                    + self._one(names[-1], form, sort_order == "all", opt, given_level)
                )
            et_al = self.et_al()
            if not et_al:
                return self._join(texts, delimiter)
            rule = opt("delimiter-precedes-et-al") or "contextual"
            use_delim = self._precedes(rule, len(texts), rendered[-1][1])
            return self._join(texts, delimiter) + String(delimiter if use_delim else " ") + et_al
        and_ = opt("and")
        if and_ and len(texts) > 1:
            term = self.get_single_term(name="and") if and_ == "text" else "&"
            rule = opt("delimiter-precedes-last") or "contextual"
            if rule in ("always", "never") and "literal" in shown[-1]:
                # before an institution citeproc-js puts the delimiter from three names on, whatever the rule
                # says ("Smith, J. & Big Corp" under "always", "A, B, & Inst" under "never")
                rule = "contextual"
            use_delim = self._precedes(rule, len(texts), rendered[-2][1], last=True)
            head = self._join(texts[:-1], delimiter)
            return head + String((delimiter if use_delim else " ") + str(term) + " ") + texts[-1]
        return self._join(texts, delimiter)

    def _sort_text(self, keyed: list[dict], form: str, opt: Callable[[str], str | None]) -> String:
        """The sort key of the names a macro shows, initialised as the macro writes them (as citeproc-js sorts)."""
        demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort")
        init_with = opt("initialize-with")
        if init_with is not None and opt("initialize") != "false":
            # "Horvath, S." before "Horvath, S., Erhart"
            hyphen = (opt("initialize-with-hyphen") or "true") == "true"
            keyed = [
                {**n, "given": initialize(str(n["given"]), init_with, hyphen)} if n.get("given") else n for n in keyed
            ]
        return String(names_sort_text(keyed, demote, short=form == "short"))

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
            if i:
                out = out + String(delimiter)
            out = out + text
        return out

    def _one(self, name: object, form: str, inverted: bool, opt: object, given_level: int) -> object:
        if "literal" in name:
            return String(str(name["literal"]).replace("'", "’"))  # as the parts of personal names
        given, family, dp, ndp, suffix = split_particles(dict(name))
        if _CJK.search(family) and (not given or _CJK.search(given)):
            return String(family if form == "short" else family + given)
        init_with = opt("initialize-with")
        if given_level >= 2:
            form = "long"
        elif given_level == 1 and form == "short":
            form = "long"  # without initialize-with, the first expansion step is the full given name
        if given and init_with is not None and (opt("initialize") != "false" or given_level == 1) and given_level < 2:
            given = initialize(given, init_with, (opt("initialize-with-hyphen") or "true") == "true")
        elif given and init_with is not None and given_level < 2:
            given = normalize_initials(given, init_with)
        if form == "short":
            family_text = _glue(ndp, family)
            _, family_fmt = self._parts("", family_text)
            return family_fmt
        demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort")
        if inverted:
            if demote == "display-and-sort":
                fam, giv = family, _glue(given, dp, ndp)
            else:
                fam, giv = _glue(ndp, family), _glue(given, dp)
            giv_f, fam_f = self._parts(giv, fam)
            sep = opt("sort-separator")
            sep = ", " if sep is None else sep
            out = MixedString() + fam_f
            for extra in (giv_f, suffix):
                if str(extra):
                    out = out + String(sep) + extra
            return out
        giv_f, fam_f = self._parts(given, _glue(dp, ndp, family))
        out = MixedString()
        if str(giv_f):
            out = out + giv_f + String(" ")
        out = out + fam_f
        if suffix:
            comma = bool(name.get("comma-suffix")) or self.get("comma-suffix") == "true"
            out = out + String((", " if comma else " ") + suffix)
        return out

    def markup(self, text: object) -> object:
        """Formatting and affixes; a count (form="count") stays a number."""
        if isinstance(text, int):
            return text
        return super().markup(text)

    def _parts(self, given: str, family: str) -> tuple[object, object]:
        g: object = String(given)
        f: object = String(family)
        for part in self.findall("cs:name-part", self.nsmap):
            if part.get("name") == "given" and given:
                g = part.wrap(part.format(part.case(g)))
            elif part.get("name") == "family" and family:
                f = part.wrap(part.format(part.case(f)))
        return g, f
