"""Synthetic TeX-heavy BibTeX for the order differential test (order_fuzz.py --tex N), read by litsite's importer.

The shapes of mathematicians' and linguists' libraries (the tex-spde and tex-langsci dev sources): MathSciNet names
with accents as macros ("Le Gall, Jean-Fran\\c{c}ois", "Hitczenko, Pawe\\l", "Kwapie\\'{n}"), hyphenated initials
("Eckmann, J.-P."), particles written given-first ("Elly van Gelderen") or family-first ("van der Hofstad, Remco"),
suffixes ("Jones, Jr., B. Frank"), corporate names in braces; titles that start with math ("$L^p$ estimates",
"{$\\Phi^4_3$}"), with every letter case-protected ("{{A}}n {I}ntroduction"), TeX quotes left unbalanced
(``toolbox"), accents first ("{\\'E}quations", "\\"Uber"), the same title with and without markup; page ranges with
doubled dashes. Few authors and titles, and near-ties (one field changed), so that later sort keys decide.
Deterministic (seeded).
"""

from __future__ import annotations

import random

from order_items import imported_bibtex

NAMES = [
    "Le Gall, Jean-Fran\\c{c}ois",
    "Le~Gall, J.-F.",
    "Eckmann, J.-P.",
    "Eckmann, Jean-Pierre",
    "Hitczenko, Pawe\\l",
    "Kwapie\\'{n}, Stanis\\l aw",
    "Aar{\\~a}o Reis, Fabio D. A.",
    "Elly van Gelderen",
    "van Gelderen, Elly",
    "van der Hofstad, Remco",
    'M{\\"u}ller, Stefan',
    'M\\"uller, S.',
    "Mueller, Carl",
    "Jones, Jr., B. Frank",
    "Jones, B. Frank",
    "{\\'E}mile Borel",
    "Borel, {\\'E}.",
    "{\\O}ksendal, Bernt",
    "Oksendal, Bernt",
    "{Institute of Mathematical Statistics}",
    "{The {SPDE} Working Group}",
]
TITLES = [
    "$L^p$ estimates for parabolic equations",
    "{$L^p$} estimates for parabolic equations",
    "L^p estimates for parabolic equations",
    "{$\\Phi^4_3$} measure via {G}irsanov's theorem",
    "The {$\\Phi^4_3$} measure",
    "On the blow-up set for $u_t=\\Delta u^m+u^m$, $m>1$",
    "{{A}}n {I}ntroduction to the {G}rammar of {E}nglish",
    "An introduction to the grammar of English",
    '{E}inf{\\"u}hrung in die germanistische {L}inguistik',
    '\\"Uber die {L}\\"osungen',
    "{\\'E}quations aux d{\\'e}riv{\\'e}es partielles",
    "Equations aux derivees partielles",
    "An ESL teachers' pronunciation ``toolbox\"",
    "Aushandlung von ,,Dialekt'' auf {YouTube}",
    "``Quoted'' first",
    "{\\em Italic} first",
    "Sur la mesure de sortie du super mouvement brownien",
    "{Sur la mesure}",
    "{KPZ} equation",
    "{\\relax KPZ} equation",
]
CONTAINERS = ["Ann. Probab.", "Probab. Theory Related Fields", "{J}ournal of {L}inguistics", "Deutsche Sprache"]
PAGES = ["285--300", "285-–300", "45--6", "xii+647", "Paper 3, 20 pp.", "101--7", "e1003"]
YEARS = ["1994", "1994", "1998", "2012", "{2012}", "2012--2013", ""]
TYPES = ["article", "book", "incollection", "inproceedings", "phdthesis", "misc", "unpublished"]


def _entry(rng: random.Random, n: int) -> dict[str, str]:
    """The fields of one random entry (with its type under "@")."""
    fields = {"@": rng.choice(TYPES), "title": rng.choice(TITLES)}
    names = " and ".join(rng.choice(NAMES) for _ in range(rng.choice([1, 1, 2, 3])))
    fields["author" if rng.random() < 0.85 else "editor"] = names + (" and others" if rng.random() < 0.1 else "")
    year = rng.choice(YEARS)
    if year:
        fields["year"] = year
    if fields["@"] == "article":
        fields["journal"] = rng.choice(CONTAINERS)
    if fields["@"] in ("incollection", "inproceedings"):
        fields["booktitle"] = rng.choice(TITLES)
    if rng.random() < 0.5:
        fields["pages"] = rng.choice(PAGES)
    if rng.random() < 0.3:
        fields["volume"] = rng.choice(["1", "2", "41", "394"])
    return fields


def tex_bibtex(count: int, seed: int = 21) -> str:
    """BibTeX text of `count` entries; a third are copies of an earlier one with one field changed (near-ties)."""
    rng = random.Random(seed)
    entries: list[dict[str, str]] = []
    for n in range(count):
        if entries and rng.random() < 0.35:
            fields = dict(rng.choice(entries))
            key = rng.choice([k for k in fields if k != "@"])
            fresh = _entry(rng, n)
            if key in fresh and rng.random() < 0.7:
                fields[key] = fresh[key]
            elif key != "title":
                fields.pop(key)
        else:
            fields = _entry(rng, n)
        entries.append(fields)
    out = []
    for n, fields in enumerate(entries):
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if k != "@")
        out.append(f"@{fields['@']}{{tex{n},\n{body}\n}}\n")
    return "\n".join(out)


def tex_items(count: int, seed: int = 21) -> list[dict]:
    """The entries as litsite's importer reads them (CSL-JSON), ids prefixed "tex:"."""
    if not count:
        return []
    return imported_bibtex(tex_bibtex(count, seed), "tex.bib", "tex")
