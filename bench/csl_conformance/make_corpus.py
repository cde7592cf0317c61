"""Generate the conformance corpus tests/data/csl/corpus.json (deterministic; run explicitly to regenerate)."""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "csl" / "corpus.json"

PEOPLE = [
    ("Holley", "Jessica"),
    ("Berry", "Ann Marie"),
    ("Davidson", "Larry"),
    ("Chinman", "Matthew"),
    ("Repper", "Julie"),
    ("Carter", "Tim"),
    ("Solomon", "Phyllis"),
    ("Mead", "Shery"),
    ("Pitt", "Veronica"),
    ("Lloyd-Evans", "Brynmor"),
    ("Mayo-Wilson", "Evan"),
    ("Pistrang", "Nancy"),
    ("Gillard", "Steve"),
    ("Müller", "Jürgen"),
    ("Østergaard", "Søren"),
    ("Kowalski", "Łukasz"),
    ("García Márquez", "Ángel"),
    ("Çelik", "Ayşe"),
    ("Nguyen", "Thi Thu"),
    ("O'Connor", "Siobhán"),
    ("Smith", "John P."),
    ("Smith", "Alice"),
    ("Johnson", "Robert"),
    ("Brown", "Emily"),
    ("Taylor", "Christopher J."),
    ("Wilson", "Sarah"),
    ("Anderson", "Mark"),
    ("Thomas", "Rachel"),
    ("Jackson", "Peter-Paul"),
    ("White", "Hannah"),
    ("Harris", "Daniel"),
    ("Martin", "Claire"),
    ("Thompson", "Kevin"),
    ("Moore", "Laura"),
    ("Clark", "Ian"),
    ("Lewis", "Olivia"),
    ("Walker", "Samuel"),
    ("Hall", "Grace"),
    ("Allen", "Benjamin"),
    ("Young", "Chloe"),
    ("King", "Matthew"),
    ("Wright", "Sophie"),
    ("Scott", "James"),
    ("Green", "Lucy"),
    ("Baker", "Thomas"),
    ("Adams", "Megan"),
    ("Nelson", "Paul"),
    ("Hill", "Zoe"),
    ("Campbell", "Andrew"),
    ("Mitchell", "Eleanor"),
    ("Roberts", "Joseph"),
    ("Carter", "Amelia"),
    ("Phillips", "David"),
    ("Evans", "Charlotte"),
    ("Turner", "William"),
    ("Torres", "María José"),
    ("Parker", "Jack"),
    ("Collins", "Isabel"),
    ("Edwards", "Henry"),
    ("Stewart", "Ruth"),
    ("Sánchez", "Carlos"),
    ("Morris", "Helen"),
    ("Rogers", "Neil"),
    ("Reed", "Fiona"),
    ("Cook", "Simon"),
    ("Morgan", "Anna"),
    ("Bell", "George"),
    ("Murphy", "Niamh"),
    ("Bailey", "Oliver"),
    ("Rivera", "Lucía"),
    ("Cooper", "Edward"),
    ("Richardson", "Kate"),
    ("Cox", "Adam"),
    ("Howard", "Jane"),
    ("Ward", "Luke"),
    ("Peterson", "Ingrid"),
    ("Gray", "Martin"),
    ("Ramírez", "José"),
    ("James", "Victoria"),
    ("Watson", "Harry"),
    ("Brooks", "Emma"),
    ("Kelly", "Sean"),
    ("Sanders", "Rebecca"),
    ("Price", "Alan"),
    ("Bennett", "Alice M."),
    ("Wood", "Richard"),
    ("Barnes", "Sally"),
    ("Ross", "Stuart"),
    ("Henderson", "Lisa"),
    ("Coleman", "Gareth"),
    ("Jenkins", "Paula"),
    ("Perry", "Nigel"),
    ("Powell", "Dawn"),
    ("Long", "Shirley"),
    ("Patterson", "Roy"),
    ("Hughes", "Gwen"),
    ("Flores", "Diego"),
    ("Washington", "Maya"),
    ("Tanaka", "Hiroshi"),
    ("Kim", "Min-jun"),
    ("Li", "Wei"),
    ("Wang", "Fang"),
    ("Zhang", "Yong"),
    ("Dubois", "Émilie"),
    ("Lefèvre", "François"),
    ("Rossi", "Giulia"),
    ("Novák", "Jiří"),
    ("Andersson", "Åsa"),
]
PARTICLES = [
    {"family": "Berg", "given": "Anna", "non-dropping-particle": "van den"},
    {"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de"},
    {"family": "Neumann", "given": "John", "dropping-particle": "von"},
    {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
    {"family": "Vries", "given": "Hugo", "non-dropping-particle": "de"},
    {"family": "Humboldt", "given": "Alexander", "dropping-particle": "von"},
    {"family": "Costa", "given": "Ana", "non-dropping-particle": "da"},
    {"family": "Hoek", "given": "Pieter", "non-dropping-particle": "van der"},
    {"family": "La Fontaine", "given": "Jean", "non-dropping-particle": "de"},
    {"family": "Martin Jr.", "given": "Luther"},
    {"family": "Gates", "given": "Henry Louis", "suffix": "Jr."},
]
INSTITUTIONS = [
    "World Health Organization",
    "National Institute for Health and Care Excellence",
    "Mental Health Foundation",
    "American Psychiatric Association",
    "Office for National Statistics",
    "Department of Health",
    "European Centre for Disease Prevention and Control",
    "Centers for Disease Control and Prevention",
]
JOURNALS = [
    ("Community Mental Health Journal", "Community Ment Health J"),
    ("Psychiatric Services", "Psychiatr Serv"),
    ("BMC Psychiatry", "BMC Psychiatry"),
    ("The Lancet Psychiatry", "Lancet Psychiatry"),
    ("Journal of Mental Health", "J Ment Health"),
    ("Social Science & Medicine", "Soc Sci Med"),
    ("British Journal of Psychiatry", "Br J Psychiatry"),
    ("PLOS ONE", "PLoS One"),
    ("Nature", "Nature"),
    ("Health Affairs", "Health Aff"),
    ("American Journal of Public Health", "Am J Public Health"),
    ("Psychological Medicine", "Psychol Med"),
    ("International Journal of Nursing Studies", "Int J Nurs Stud"),
]
TITLE_WORDS = [
    "Peer support in mental health services: a systematic review",
    "The effectiveness of peer-delivered services",
    "Recovery-oriented practice and the role of lived experience",
    "What happens when service users become staff?",
    "A randomised controlled trial of peer support for people with severe mental illness",
    "Mechanisms of change in peer-led interventions",
    "Stigma, self-esteem and well-being among peer workers",
    "Building a workforce: training and supervision of peer specialists",
    "Cost-effectiveness of community care",
    "Hope, empowerment and recovery: a qualitative study",
    "Evaluating outcomes in long-term follow-up",
    "Patterns of service use before and after discharge",
    "On the measurement of social inclusion",
    "Lived experience and the politics of knowledge",
    "Between care and control: coercion in psychiatry",
    "Mental health in low- and middle-income countries",
    "Telehealth and digital peer support during COVID-19",
    "Self-help groups and mutual aid: a history",
    'The impact of the "recovery" movement on policy',
    "Young people's experiences of early intervention",
    "Doing things differently: co-production in research",
    "Family carers' perspectives on crisis care",
    "Employment outcomes of individual placement and support",
    "Sleep, stress and burnout in nursing staff",
    "Neighbourhood deprivation and psychosis incidence",
    "Gene-environment interaction in <i>Drosophila melanogaster</i> behaviour",
    "Using <i>R</i> for mixed-effects models in clinical trials",
    'A new look at <span class="nocase">mHealth</span> apps',
    "The so-called 'expert patient': a critique",
    "Measuring well-being: the WEMWBS scale revisited",
    "Trauma-informed care in acute inpatient settings",
    "Why do people stop taking antipsychotics?",
    "An overview of the evidence on CO<sub>2</sub> exposure and cognition",
    "Loneliness and social isolation",
    "From asylum to community: fifty years of deinstitutionalisation",
    "Sex differences in depression across the life-course",
]
BOOK_TITLES = [
    "Recovery in mental health: reshaping scientific and clinical responsibilities",
    "Peer support in practice",
    "The sociology of mental disorder",
    "A history of psychiatry",
    "Qualitative research methods for health",
    "Statistical rethinking: a Bayesian course with examples in R and Stan",
    "The body keeps the score",
    "Madness and civilization",
    "On being mad or merely angry",
    "Psychiatry and its discontents",
    "Handbook of community psychology",
    "Research methods in health: foundations for evidence-based practice",
    "Doing qualitative research differently",
    "The wounded storyteller",
    "An introduction to mixed methods",
]
PUBLISHERS = [
    ("Oxford University Press", "Oxford"),
    ("Cambridge University Press", "Cambridge"),
    ("Routledge", "London"),
    ("Wiley-Blackwell", "Chichester"),
    ("Springer", "New York"),
    ("SAGE Publications", "Thousand Oaks, CA"),
    ("Palgrave Macmillan", "Basingstoke"),
    ("Penguin", "London"),
    ("MIT Press", "Cambridge, MA"),
    ("University of Chicago Press", "Chicago"),
    ("Polity", "Cambridge"),
    ("Jessica Kingsley", "London"),
]


def person(rng: random.Random) -> dict:
    family, given = rng.choice(PEOPLE)
    return {"family": family, "given": given}


def people(rng: random.Random, n: int) -> list[dict]:
    out: list[dict] = []
    while len(out) < n:
        p = person(rng)
        if p not in out:
            out.append(p)
    return out


def date(rng: random.Random, detail: int = 1) -> dict:
    parts = [rng.randint(1975, 2024)]
    if detail >= 2:
        parts.append(rng.randint(1, 12))
    if detail >= 3:
        parts.append(rng.randint(1, 28))
    return {"date-parts": [parts]}


def pages(rng: random.Random) -> str:
    first = rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 2999)])
    span = rng.choice([3, 7, 12, 20, 105, 2])
    return f"{first}-{first + span}" if rng.random() < 0.9 else f"e{first}"


def article(rng: random.Random, i: int) -> dict:
    journal, short = rng.choice(JOURNALS)
    n = rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 12, 22])
    item = {
        "type": "article-journal",
        "title": rng.choice(TITLE_WORDS),
        "author": people(rng, n),
        "container-title": journal,
        "container-title-short": short,
        "volume": str(rng.randint(1, 120)),
        "page": pages(rng),
        "issued": date(rng, rng.choice([1, 2, 2, 3])),
    }
    if rng.random() < 0.7:
        item["issue"] = str(rng.randint(1, 12)) if rng.random() < 0.9 else f"{rng.randint(1, 5)}-{rng.randint(6, 8)}"
    if rng.random() < 0.6:
        item["DOI"] = f"10.{rng.randint(1000, 9999)}/{rng.choice(['s', 'j.', 'ps.'])}{rng.randint(10000, 99999)}"
    if rng.random() < 0.2:
        item["PMID"] = str(rng.randint(10000000, 39999999))
    return item


def book(rng: random.Random, i: int) -> dict:
    publisher, place = rng.choice(PUBLISHERS)
    item = {
        "type": "book",
        "title": rng.choice(BOOK_TITLES),
        "author": people(rng, rng.choice([1, 1, 2, 3])),
        "publisher": publisher,
        "publisher-place": place,
        "issued": date(rng),
    }
    if rng.random() < 0.3:
        item["edition"] = str(rng.choice([2, 3, 4]))
    if rng.random() < 0.3:
        item["ISBN"] = f"978-0-{rng.randint(100, 999)}-{rng.randint(10000, 99999)}-{rng.randint(0, 9)}"
    return item


def edited_book(rng: random.Random, i: int) -> dict:
    item = book(rng, i)
    item["editor"] = item.pop("author")
    return item


def chapter(rng: random.Random, i: int) -> dict:
    publisher, place = rng.choice(PUBLISHERS)
    return {
        "type": "chapter",
        "title": rng.choice(TITLE_WORDS),
        "author": people(rng, rng.choice([1, 2, 3])),
        "editor": people(rng, rng.choice([1, 2, 3])),
        "container-title": rng.choice(BOOK_TITLES),
        "publisher": publisher,
        "publisher-place": place,
        "page": pages(rng),
        "issued": date(rng),
    }


def report(rng: random.Random, i: int) -> dict:
    org = rng.choice(INSTITUTIONS)
    item = {
        "type": "report",
        "title": rng.choice(TITLE_WORDS),
        "author": [{"literal": org}] if rng.random() < 0.6 else people(rng, 2),
        "publisher": org,
        "publisher-place": rng.choice(["Geneva", "London", "Atlanta, GA", "Stockholm"]),
        "issued": date(rng, rng.choice([1, 2])),
    }
    if rng.random() < 0.5:
        item["number"] = f"{rng.choice(['WHO/MSD/', 'CG', ''])}{rng.randint(10, 200)}"
        item["genre"] = rng.choice(["Technical report", "Policy brief", "Working paper"])
    if rng.random() < 0.4:
        item["URL"] = f"https://www.example.org/reports/{i}"
        item["accessed"] = date(rng, 3)
    return item


def thesis(rng: random.Random, i: int) -> dict:
    return {
        "type": "thesis",
        "title": rng.choice(TITLE_WORDS),
        "author": [person(rng)],
        "genre": rng.choice(["PhD thesis", "Doctoral dissertation", "Master's thesis"]),
        "publisher": rng.choice(["University of London", "King's College London", "University of Manchester"]),
        "publisher-place": rng.choice(["London", "Manchester"]),
        "issued": date(rng),
    }


def webpage(rng: random.Random, i: int) -> dict:
    item = {
        "type": "webpage",
        "title": rng.choice(TITLE_WORDS),
        "container-title": rng.choice(["Mind", "NHS Choices", "The Conversation", "Rethink Mental Illness"]),
        "URL": f"https://www.example.com/articles/{i}",
        "accessed": date(rng, 3),
    }
    if rng.random() < 0.6:
        item["author"] = [person(rng)] if rng.random() < 0.6 else [{"literal": rng.choice(INSTITUTIONS)}]
    if rng.random() < 0.6:
        item["issued"] = date(rng, 3)
    return item


def newspaper(rng: random.Random, i: int) -> dict:
    item = {
        "type": rng.choice(["article-newspaper", "article-newspaper", "article-magazine"]),
        "title": rng.choice(TITLE_WORDS),
        "container-title": rng.choice(["The Guardian", "The New York Times", "The Economist", "New Scientist"]),
        "issued": date(rng, 3),
    }
    if rng.random() < 0.8:
        item["author"] = [person(rng)]
    if rng.random() < 0.5:
        item["page"] = str(rng.randint(1, 40))
    if rng.random() < 0.4:
        item["URL"] = f"https://news.example.com/{i}"
    return item


def conference(rng: random.Random, i: int) -> dict:
    return {
        "type": "paper-conference",
        "title": rng.choice(TITLE_WORDS),
        "author": people(rng, rng.choice([1, 2, 3, 4])),
        "container-title": f"Proceedings of the {rng.randint(3, 30)}th Annual Conference on Mental Health Research",
        "event-place": rng.choice(["Vienna", "Boston, MA", "Melbourne"]),
        "publisher": rng.choice(["ACM", "IEEE", "Springer"]),
        "page": pages(rng),
        "issued": date(rng),
    }


KINDS = [
    (article, 62),
    (book, 18),
    (edited_book, 6),
    (chapter, 15),
    (report, 12),
    (thesis, 7),
    (webpage, 10),
    (newspaper, 10),
    (conference, 8),
]


def special(rng: random.Random) -> list[dict]:
    """Items built to exercise disambiguation, particles, missing dates and odd fields."""
    out: list[dict] = []
    # same author, same year: year suffixes
    for author, year, n in ((("Davidson", "Larry"), 2006, 3), (("Repper", "Julie"), 2011, 2)):
        for k in range(n):
            item = article(rng, 0)
            item["author"] = [{"family": author[0], "given": author[1]}]
            item["issued"] = {"date-parts": [[year]]}
            item["title"] = TITLE_WORDS[(k * 7 + year) % len(TITLE_WORDS)]
            out.append(item)
    # same family, different given, same year: add-givenname
    for given in ("John P.", "Alice"):
        item = article(rng, 0)
        item["author"] = [{"family": "Smith", "given": given}]
        item["issued"] = {"date-parts": [[2018]]}
        out.append(item)
    # same first author, same year, different co-authors: add-names
    for co in (("Pitt", "Veronica"), ("Mead", "Shery")):
        item = article(rng, 0)
        item["author"] = [
            {"family": "Chinman", "given": "Matthew"},
            {"family": co[0], "given": co[1]},
            {"family": "Clark", "given": "Ian"},
            {"family": "Ross", "given": "Stuart"},
        ]
        item["issued"] = {"date-parts": [[2014]]}
        out.append(item)
    for p in PARTICLES:
        item = rng.choice([article, book])(rng, 0)
        item["author"] = [dict(p)] + (people(rng, 1) if rng.random() < 0.4 else [])
        out.append(item)
    for kind in (article, book, report):
        item = kind(rng, 0)
        item.pop("issued", None)
        out.append(item)
    item = book(rng, 0)
    item["title"] = 'Cats & dogs: <b>bold</b> claims about <sup>13</sup>C and the "new" ecology'
    out.append(item)
    item = article(rng, 0)
    item["title"] = 'The <span style="font-variant:small-caps;">nhs</span> at 70: what\'s next?'
    out.append(item)
    item = article(rng, 0)
    item["author"] = [{"literal": "The Schizophrenia Commission"}]
    out.append(item)
    item = chapter(rng, 0)
    item["container-author"] = [person(rng)]
    out.append(item)
    item = book(rng, 0)
    item["translator"] = [person(rng)]
    item["original-date"] = {"date-parts": [[1961]]}
    out.append(item)
    item = article(rng, 0)
    item["issued"] = {"date-parts": [[2012, 3], [2012, 4]]}
    out.append(item)
    return out


def main() -> None:
    """Write the corpus."""
    rng = random.Random(20240611)
    items: list[dict] = []
    for kind, n in KINDS:
        items += [kind(rng, i) for i in range(n)]
    items += special(rng)
    rng.shuffle(items)
    used: dict[str, int] = {}
    for item in items:
        names = item.get("author") or item.get("editor") or [{"literal": "anon"}]
        base = (names[0].get("family") or names[0].get("literal", "anon")).split()[0].lower().strip(".'")
        year = item.get("issued", {}).get("date-parts", [["nd"]])[0][0]
        stem = f"{base}{year}"
        used[stem] = used.get(stem, 0) + 1
        item["id"] = stem if used[stem] == 1 else f"{stem}{'abcdefgh'[used[stem] - 2]}"
    ordered = [{"id": it["id"], **{k: v for k, v in it.items() if k != "id"}} for it in items]
    OUT.write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(ordered)} items to {OUT}")


if __name__ == "__main__":
    main()
