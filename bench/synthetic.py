"""Realistic synthetic literature reviews (CSL items and whole projects) for benchmarks, deterministic by seed."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

FAMILIES = """Smith Jones Williams Brown Taylor Davies Evans Wilson Thomas Roberts Johnson Lewis Walker Robinson Wood
Thompson White Watson Jackson Wright Green Harris Cooper King Lee Martin Clarke James Morgan Hughes Edwards
Hill Moore Clark Harrison Scott Young Morris Hall Ward Turner Carter Phillips Mitchell Patel Adams Campbell
Anderson Allen Cook Müller Schäfer Gößling Ødegård Łukasiewicz Núñez García Fernández Çelik Öztürk Nakamura
Kim Nguyen Chen Wang O’Connell McGuire Lloyd-Evans Shawe-Taylor Jamieson-Craig""".split()
PARTICLES = [
    ("van", "Dijk"),
    ("de", "Vries"),
    ("von", "Neumann"),
    ("da", "Silva"),
    ("van der", "Berg"),
    ("de la", "Cruz"),
]
GIVEN = """A. B. C. D. E. F. G. H. J. K. L. M. N. P. R. S. T. V. W. A. J. M. S. L. R.""".split()
WORDS = """peer support recovery mental health services risk management qualitative study community care
workers outcomes evaluation randomised trial wellbeing stigma employment housing crisis inpatient psychiatric nursing
experience lived knowledge training supervision organisational change policy practice framework review
systematic meta-analysis cohort adolescents adults older people depression anxiety psychosis schizophrenia
bipolar disorder self-harm suicide prevention intervention implementation fidelity engagement therapeutic
alliance satisfaction coproduction involvement empowerment""".split()
JOURNALS = [
    "Journal of Mental Health",
    "Psychiatric Services",
    "Psychiatric Rehabilitation Journal",
    "Community Mental Health Journal",
    "BMC Psychiatry",
    "Social Psychiatry and Psychiatric Epidemiology",
    "The British Journal of Psychiatry",
    "PLoS One",
    "Journal of Psychiatric and Mental Health Nursing",
    "Health & Social Care in the Community",
    "Qualitative Health Research",
    "International Journal of Mental Health Nursing",
    "Schizophrenia Bulletin",
    "The Lancet Psychiatry",
]
PUBLISHERS = [
    ("Sage", "London"),
    ("Routledge", "New York"),
    ("Oxford University Press", "Oxford"),
    ("John Wiley & Sons", "Chichester"),
    ("Springer", "Cham"),
    ("Department of Health", "London"),
]
INSTITUTIONS = [
    "Department of Health",
    "World Health Organization",
    "Royal College of Psychiatrists",
    "National Institute for Health and Care Excellence",
    "Mental Health Foundation",
]


def _name(rng: random.Random) -> dict[str, str]:
    if rng.random() < 0.05:
        particle, family = rng.choice(PARTICLES)
        return {"family": family, "given": rng.choice(GIVEN), "non-dropping-particle": particle}
    given = rng.choice(GIVEN) + (" " + rng.choice(GIVEN) if rng.random() < 0.3 else "")
    return {"family": rng.choice(FAMILIES), "given": given}


def _title(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    text = " ".join(words)
    if rng.random() < 0.4:
        text += ": " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7)))
    return text[0].upper() + text[1:]


def make_item(rng: random.Random, i: int) -> dict:
    """One realistic CSL item of a common type."""
    kind = rng.choices(["article-journal", "book", "chapter", "report", "thesis", "webpage"], [60, 15, 8, 10, 3, 4])[0]
    authors = [_name(rng) for _ in range(rng.choices([1, 2, 3, 4, 6, 9], [20, 25, 20, 15, 12, 8])[0])]
    if kind == "report" and rng.random() < 0.6:
        authors = [{"literal": rng.choice(INSTITUTIONS)}]
    item: dict = {
        "id": f"r{i:05d}",
        "type": kind,
        "author": authors,
        "issued": {"date-parts": [[rng.randint(1985, 2024)]]},
        "title": _title(rng, rng.randint(4, 12)),
    }
    if kind == "article-journal":
        first = rng.randint(1, 900)
        item.update(
            {
                "container-title": rng.choice(JOURNALS),
                "volume": str(rng.randint(1, 70)),
                "issue": str(rng.randint(1, 12)),
                "page": f"{first}-{first + rng.randint(5, 20)}",
            }
        )
        if rng.random() < 0.6:
            item["DOI"] = f"10.{rng.randint(1000, 9999)}/j.{rng.randint(100000, 999999)}"
    elif kind in ("book", "report", "chapter"):
        pub, place = rng.choice(PUBLISHERS)
        item.update({"publisher": pub, "publisher-place": place})
        if kind == "chapter":
            item["container-title"] = _title(rng, 5)
            item["editor"] = [_name(rng) for _ in range(rng.randint(1, 3))]
            first = rng.randint(1, 300)
            item["page"] = f"{first}-{first + rng.randint(10, 30)}"
    elif kind == "thesis":
        item.update({"genre": "Doctoral dissertation", "publisher": "University of London"})
    else:
        item.update({"URL": f"https://example.org/{i}", "accessed": {"date-parts": [[2024, 1, 15]]}})
    return item


def make_items(n: int, seed: int = 1) -> list[dict]:
    """n items; about one in ten shares its first author and year with another (disambiguation)."""
    rng = random.Random(seed)
    items = [make_item(rng, i) for i in range(n)]
    for i in range(0, n - 1, 10):
        items[i + 1]["author"] = list(items[i]["author"])
        items[i + 1]["issued"] = items[i]["issued"]
    return items


class _PlainDumper(yaml.SafeDumper):
    """Repeated values written out in full, as a person or `build.py import` writes them (no &id001 anchors)."""

    def ignore_aliases(self, data: object) -> bool:
        """No anchors."""
        return True


def make_project(dest: Path, n: int, styles: list[str] | None = None, seed: int = 1) -> Path:
    """A whole project (site.yaml, content/, templates/) with n synthetic references, cited in the study."""
    repo = Path(__file__).resolve().parents[1]
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copytree(repo / "templates", dest / "templates", dirs_exist_ok=True)
    (dest / "content").mkdir(exist_ok=True)
    items = make_items(n, seed)
    styles = styles or ["apa"]
    (dest / "site.yaml").write_text(
        yaml.safe_dump({"title": f"Synthetic review of {n}", "style": styles[0], "styles": styles}), encoding="utf-8"
    )
    (dest / "content" / "references.yaml").write_text(
        yaml.dump(items, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    cites = " ".join(f"[@{it['id']}]" for it in items[:: max(1, n // 50)])
    (dest / "content" / "study.md").write_text(
        f"---\ntype: article-journal\ntitle: A synthetic review\n---\nWe reviewed {n} studies {cites}.\n",
        encoding="utf-8",
    )
    return dest
