"""Synthetic CSL-JSON items for the order differential test (order_fuzz.py): the shapes sort keys meet.

Names with particles, diacritics, odd case, only a literal, non-Latin scripts; anonymous works; editors, translators
and titles substituted for authors; the same person in different roles; et-al lists of different lengths sharing
their first names; titles with markup, quotes, leading punctuation, digits and articles; missing, ranged, season,
circa, literal and raw dates; numbers in volumes and parts; items equal on every key. Deterministic (seeded).
"""

from __future__ import annotations

import random

FAMILIES = [
    {"family": "Smith", "given": "John"},
    {"family": "Smith", "given": "J."},
    {"family": "smith", "given": "john"},
    {"family": "Smith", "given": "John", "suffix": "Jr."},
    {"family": "Smith-Jones", "given": "Anna"},
    {"family": "Smithson", "given": "Al"},
    {"family": "Müller", "given": "Jürgen"},
    {"family": "Muller", "given": "Jane"},
    {"family": "Mueller", "given": "Hans"},
    {"family": "Dyke", "given": "Zoe", "non-dropping-particle": "van"},
    {"family": "van Dyke", "given": "Zoe"},
    {"family": "Dyke", "given": "Anne"},
    {"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de"},
    {"family": "Humboldt", "given": "Alexander", "dropping-particle": "von"},
    {"family": "Alembert", "given": "Jean", "non-dropping-particle": "d'"},
    {"family": "Alembert", "given": "Jean", "non-dropping-particle": "d’"},
    {"family": "O'Brien", "given": "Pat"},
    {"family": "O’Brien", "given": "Pat"},
    {"family": "Obrien", "given": "Pat"},
    {"family": "McDonald", "given": "Ann"},
    {"family": "MacDonald", "given": "Ann"},
    {"family": "Çelik", "given": "Ayşe"},
    {"family": "Celik", "given": "Ali"},
    {"family": "Şahin", "given": "Mehmet"},
    {"family": "Ölmez", "given": "İlker"},
    {"family": "Özdemir", "given": "Işık"},
    {"family": "Ångström", "given": "Anders"},
    {"family": "Łukasiewicz", "given": "Jan"},
    {"family": "Æbeltoft", "given": "Karen"},
    {"family": "Þórðarson", "given": "Þór"},
    {"family": "Straße", "given": "Otto"},
    {"family": "Strasse", "given": "Otto"},
    {"family": "Ng", "given": "A. Y."},
    {"family": "Ng", "given": "Andrew Y"},
    {"family": "Ng", "given": "AY"},
    {"family": "Cruz", "given": "Juana", "non-dropping-particle": "de la"},
    {"family": "La Cruz", "given": "Juana"},
    {"family": "hooks", "given": "bell"},
    {"family": "Li", "given": "Wei"},
    {"family": "李", "given": "小龙"},
    {"family": "王", "given": "伟"},
    {"family": "山田", "given": "太郎"},
    {"family": "김", "given": "민준"},
    {"family": "Иванов", "given": "Иван"},
    {"family": "Іваненко", "given": "Петро"},
    {"family": "Παπαδόπουλος", "given": "Γιώργος"},
    {"family": "Homer"},
    {"given": "Plato"},
    {"literal": "World Health Organization"},
    {"literal": "The Royal Society"},
    {"literal": "IEEE"},
    {"literal": "3M Company"},
    {"literal": "“Quoted” Collective"},
    {"family": "Doe", "given": "Jane"},
    {"family": "Doe", "given": "John"},
    {"family": "Doe", "given": "J."},
    {"family": "Doe", "given": "Jane", "dropping-particle": "et al."},
    {"family": "Zhang", "given": "San"},
    {"family": "Abc", "given": "Déf"},
    {"family": "[Anonymous]"},
    {"family": "1st Author", "given": "X"},
]

TITLES = [
    "Same title",
    "Same Title",
    "same title",
    "The Same Title",
    "A Same Title",
    "An Introduction",
    "Introduction",
    "<i>Italic</i> start",
    "Italic start",
    "<b>Bold</b> words",
    '<span class="nocase">iPhone</span> studies',
    "iPhone studies",
    "“Quoted” title",
    '"Straight quoted" title',
    "'Single quoted' title",
    "‘Curly single’ title",
    "[Untitled]",
    "Untitled",
    "(Parenthesised) title",
    "...and then",
    "¿Qué pasa?",
    "¡Hola!",
    "'Tis the season",
    "1984",
    "2001: A Space Odyssey",
    "20,000 leagues",
    "10 things",
    "9 lives",
    "Part 2",
    "Part 10",
    "Chapter II",
    "C++ primer",
    "C primer",
    "C# in depth",
    "$100 startup",
    "#hashtag studies",
    "@mentions",
    "Über alles",
    "Uber alles",
    "Éducation",
    "Education",
    "Ωmega",
    "Война и мир",
    "中文标题",
    "日本語のタイトル",
    "한국어 제목",
    "العربية",
    "עברית",
    "Title: with subtitle",
    "Title - with dash",
    "Title—with em dash",
    "Title with\ttab",
    "Title with  double space",
    " Leading space",
    "Title.",
    "x",
    "X-ray crystallography",
    "X ray",
    "Xray",
    "α-helix",
    "β-carboline",
    "The",
    "Zebra",
    "e-Learning",
    "E-learning",
]

DATES: list[dict | None] = [
    None,
    None,
    {"date-parts": [[2000]]},
    {"date-parts": [[2000]]},
    {"date-parts": [[2000, 5]]},
    {"date-parts": [[2000, 5, 17]]},
    {"date-parts": [[2000, 12]]},
    {"date-parts": [[2000], [2002]]},
    {"date-parts": [[2000, 3], [2000, 7]]},
    {"date-parts": [[1999]]},
    {"date-parts": [[1999]], "circa": True},
    {"date-parts": [[2000]], "season": "Spring"},
    {"date-parts": [[2000, 21]]},
    {"date-parts": [[-500]]},
    {"date-parts": [[50]]},
    {"date-parts": [[2024]]},
    {"literal": "forthcoming"},
    {"literal": "n.d."},
    {"raw": "2000-05"},
    {"raw": "Spring 2001"},
    {"date-parts": [["2000"]]},
]

TYPES = [
    "book",
    "book",
    "article-journal",
    "article-journal",
    "chapter",
    "paper-conference",
    "report",
    "thesis",
    "webpage",
    "article-newspaper",
    "manuscript",
    "legal_case",
    "motion_picture",
    "personal_communication",
    "dataset",
    "entry-encyclopedia",
]

CONTAINERS = [None, None, "Journal of Things", "The Journal", "journal of things", "<i>Nature</i>", "Zeitschrift"]
NUMBERS = [None, None, None, "2", "10", "3-4", "II", "bk. 3", "S1", "0", "12a", "vol. 7"]


def _names(rng: random.Random) -> list[dict]:
    """A name list: often sharing its first names with others, of varying length."""
    n = rng.choice([1, 1, 1, 2, 2, 3, 4, 6, 8])
    head = rng.choice(FAMILIES[:12]) if rng.random() < 0.5 else rng.choice(FAMILIES)
    return [dict(head)] + [dict(rng.choice(FAMILIES)) for _ in range(n - 1)]


def synthetic_item(rng: random.Random, ident: str) -> dict:
    """One random item."""
    item: dict = {"id": ident, "type": rng.choice(TYPES)}
    roll = rng.random()
    names = _names(rng)
    if roll < 0.55:
        item["author"] = names
    elif roll < 0.65:
        item["editor"] = names
    elif roll < 0.7:
        item["translator"] = names
    elif roll < 0.75:
        item["editor"] = names
        item["translator"] = [dict(n) for n in names]
    elif roll < 0.8:
        item["author"] = names
        item["editor"] = _names(rng)
    elif roll < 0.85:
        item["container-author"] = names
    # else: anonymous
    if rng.random() < 0.93:
        item["title"] = rng.choice(TITLES)
    if rng.random() < 0.3:
        item["title-short"] = rng.choice(TITLES)
    date = rng.choice(DATES)
    if date is not None:
        item["issued"] = date
    container = rng.choice(CONTAINERS)
    if container:
        item["container-title"] = container
    for variable in ("volume", "issue", "page", "part-number", "edition", "number"):
        value = rng.choice(NUMBERS)
        if value and rng.random() < 0.4:
            item[variable] = value if variable != "page" else f"{value}-{rng.randint(20, 99)}"
    if rng.random() < 0.1:
        item["event-date"] = rng.choice([d for d in DATES if d])
    if rng.random() < 0.2:
        item["publisher"] = rng.choice(["Springer", "springer", "MIT Press", "Éditions du Seuil", "[s.n.]"])
    if rng.random() < 0.1:
        item["language"] = rng.choice(["en", "de", "fr", "tr", "zh", "en-GB"])
    if rng.random() < 0.1:
        item["URL"] = "https://example.org/" + ident
    if rng.random() < 0.1:
        item["genre"] = rng.choice(["PhD thesis", "Technical report", "Film"])
    return item


def synthetic_items(count: int, seed: int = 14) -> list[dict]:
    """`count` random items, a few of them exact copies of others under another id (equal on every key)."""
    rng = random.Random(seed)
    items: list[dict] = []
    for n in range(count):
        if items and rng.random() < 0.08:
            items.append({**rng.choice(items), "id": f"syn{n}"})
        else:
            items.append(synthetic_item(rng, f"syn{n}"))
    return items


BIB_AUTHORS = [
    "Knuth, Donald E.",
    "Donald E. Knuth",
    "D. E. Knuth",
    "Knuth, D.E.",
    'M{\\"u}ller, J{\\"u}rgen',
    'M\\"uller, Hans',
    "Muller, Jean",
    '{M\\"{u}ller}, Anna',
    "van der Berg, Jan",
    "Jan van der Berg",
    "Van der Berg, Piet",
    "von Neumann, John",
    "de la Vall{\\'e}e Poussin, Charles",
    "{\\c{C}}elik, Ay{\\c{s}}e",
    '{\\"O}zt{\\"u}rk, {\\.I}smail',
    "{\\O}stergaard, Lars",
    '{\\AA}str{\\"o}m, Karl',
    "Ba{\\v{s}}i{\\'c}, Ivan",
    "{\\L}ukasiewicz, Jan",
    "Gau{\\ss}, Carl Friedrich",
    "Smith, Jr., John",
    "Smith, John",
    "{Smith and Sons}",
    "{World Health Organization}",
    "{IEEE}",
    "{{IEEE} Computer Society}",
    "{\\relax Ch}ebyshev, Pafnuty",
    "Tschebyscheff, P.",
    "d'Alembert, Jean",
    "D'Alembert, J.",
    "O'Brien, Pat",
    "{\\'E}mile Zola",
    "Zola, {\\'E}mile",
    "Ritchie, Dennis M.",
    "Kernighan, Brian W.",
    "others",
]
BIB_TITLES = [
    "The {C} Programming Language",
    "{The C Programming Language}",
    "The C Programming Language",
    "{UNIX} Time-Sharing System",
    "The {UNIX} {Time-Sharing} System",
    "{\\em Emphasis} first",
    "{\\textit{Italic}} first",
    "``Quoted'' title",
    "`Single' quoted",
    '{\\"U}ber die Theorie',
    "Uber die Theorie",
    "{\\'E}tude",
    "Etude",
    "{$\\alpha$}-Helices",
    "$\\beta$-Carboline",
    "{TeX}: the program",
    "\\TeX: the program",
    "{\\TeX} and {\\LaTeX}",
    "{[Untitled]}",
    "{1984}",
    "2nd Workshop",
    "10th Workshop",
    "The Art of Computer Programming",
    "The Art of Computer Programming, Volume 2",
    "Zur {Geschichte} des {Orients}",
    "T{\\\"u}rkiye'de Arkeoloji",
    "Proceedings of the {USENIX} Conference",
    "Proceedings of the USENIX Conference",
    "--- a dash first",
    "{\\ldots} and more",
]
BIB_TYPES = ["article", "book", "inproceedings", "incollection", "techreport", "phdthesis", "misc", "manual"]
BIB_YEARS = ["1978", "1978", "1988", "{1988}", "2000", "2000/2002", "2000--2001", "", "forthcoming", "19xx"]


def synthetic_bibtex(count: int, seed: int = 15) -> str:
    """BibTeX text of `count` random entries (LaTeX accents, braces, particles, institutions, "and others")."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        kind = rng.choice(BIB_TYPES)
        names = [rng.choice(BIB_AUTHORS[:-1])] + [rng.choice(BIB_AUTHORS) for _ in range(rng.choice([0, 0, 1, 2, 4]))]
        if "others" in names[:-1]:
            names = [x for x in names if x != "others"] + ["others"]
        fields = {"title": rng.choice(BIB_TITLES)}
        role = "author" if rng.random() < 0.8 else ("editor" if rng.random() < 0.7 else "")
        if role:
            fields[role] = " and ".join(names)
        year = rng.choice(BIB_YEARS)
        if year:
            fields["year"] = year
        if rng.random() < 0.4:
            fields["month"] = rng.choice(["jan", "{Jan.}", "mar", "dec", "{Spring}"])
        if kind in ("article",):
            fields["journal"] = rng.choice(["Comm. {ACM}", "Communications of the ACM", '{\\"O}sterr. Z.'])
        if kind in ("inproceedings", "incollection"):
            fields["booktitle"] = rng.choice(BIB_TITLES)
        if rng.random() < 0.4:
            fields["volume"] = rng.choice(["1", "2", "10", "3--4", "II", "S1"])
        if rng.random() < 0.3:
            fields["number"] = rng.choice(["1", "4", "12", "TR-7"])
        if rng.random() < 0.4:
            fields["pages"] = rng.choice(["1--10", "33--45", "101--7", "e1003", "x+300"])
        if rng.random() < 0.3:
            fields["publisher"] = rng.choice(["Addison-Wesley", "{Springer}", "Prentice-{Hall}"])
        if rng.random() < 0.1:
            fields["language"] = rng.choice(["german", "english", "turkish"])
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
        out.append(f"@{kind}{{bib{n},\n{body}\n}}\n")
    return "\n".join(out)


def imported_bibtex(text: str, name: str, prefix: str) -> list[dict]:
    """BibTeX text as litsite's importer reads it from a file `name` (CSL-JSON), ids prefixed `prefix`:."""
    import tempfile
    from pathlib import Path

    from litsite.importers.bibtex import load_bibtex

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        refs = load_bibtex(text, path).references
    return [{**ref, "id": f"{prefix}:{ref['id']}"} for ref in refs]


def bibtex_items(count: int, seed: int = 15) -> list[dict]:
    """The synthetic BibTeX entries as litsite's importer reads them (CSL-JSON), ids prefixed "bib:"."""
    return imported_bibtex(synthetic_bibtex(count, seed), "synthetic.bib", "bib")


def mutant(item: dict, donor: dict, rng: random.Random, ident: str) -> dict:
    """A copy of `item` with one variable changed: removed, or taken from `donor` — items equal on their first sort
    keys, so that the later keys decide."""
    out = {**item, "id": ident}
    keys = [k for k in out if k not in ("id", "type")]
    roll = rng.random()
    if roll < 0.25 and keys:
        out.pop(rng.choice(keys))
    else:
        other = [k for k in donor if k not in ("id",)]
        if other:
            k = rng.choice(other)
            out[k] = donor[k]
    return out
