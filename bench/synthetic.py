"""A deterministic synthetic project: the example site's study, templates and styles with N generated references."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]

_SURNAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez "
    "Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark "
    "Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green "
    "Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner "
    "Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper "
    "Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes "
    "Price Sanders Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Fisher Gillard Slade "
    "Repper Davidson Chinman Mead Rogers Salzer Solomon Boardman Rinaldi Trachtenberg Walker Bryant "
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Rossi Russo Ferrari "
    "Esposito Bianchi Dubois Durand Lefebvre Moreau Laurent Kowalski Nowak Wiśniewski Tanaka Suzuki "
    "Takahashi Watanabe Kim Park Choi Chen Wang Li Zhang Liu Yang Huang Zhao Singh Kumar Sharma Patel "
    "Gupta Okafor Mensah Haddad Cohen Levi "
)
_WORDS = (
    "peer support recovery mental health services workers roles risk qualitative study outcomes community "
    "randomised trial evaluation participants experiences staff organisational culture implementation "
    "policy wellbeing stigma employment training supervision professional boundaries lived experience "
    "hospital intervention evidence review systematic meta-analysis cohort people severe illness "
    "care practice model "
)
SURNAMES = _SURNAMES.split()
WORDS = _WORDS.split()
JOURNALS = (
    "Psychiatric Services",
    "Community Mental Health Journal",
    "Journal of Mental Health",
    "Psychiatric Rehabilitation Journal",
    "BMC Psychiatry",
    "Social Psychiatry and Psychiatric Epidemiology",
    "British Journal of Psychiatry",
    "Administration and Policy in Mental Health",
    "International Journal of Social Psychiatry",
    "Health & Social Care in the Community",
)
PUBLISHERS = (("Oxford University Press", "Oxford"), ("Routledge", "London"), ("Springer", "New York"))


def title(rng: random.Random, n: int) -> str:
    """A plausible title of n words."""
    words = [rng.choice(WORDS) for _ in range(n)]
    text = " ".join(words)
    return (
        text[0].upper()
        + text[1:]
        + (": " + " ".join(rng.choice(WORDS) for _ in range(3)) if rng.random() < 0.4 else "")
    )


def reference(rng: random.Random, i: int) -> dict:
    """One realistic CSL item."""
    authors = [
        {"family": rng.choice(SURNAMES), "given": f"{rng.choice('ABCDEFGHJKLMNPRST')}. {rng.choice('ABCDEJKLMR')}."}
        for _ in range(rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6)))
    ]
    year = rng.randint(1985, 2024)
    kind = rng.random()
    item: dict = {"id": f"ref{i:05d}", "author": authors, "issued": year, "title": title(rng, rng.randint(4, 12))}
    if kind < 0.75:
        vol = rng.randint(1, 80)
        start = rng.randint(1, 900)
        item |= {
            "type": "article-journal",
            "container-title": rng.choice(JOURNALS),
            "volume": str(vol),
            "issue": str(rng.randint(1, 12)),
            "page": f"{start}–{start + rng.randint(5, 25)}",
            "DOI": f"10.{rng.randint(1000, 9999)}/{rng.randint(10**6, 10**7)}",
        }
    elif kind < 0.87:
        publisher, place = rng.choice(PUBLISHERS)
        item |= {"type": "book", "publisher": publisher, "publisher-place": place}
    elif kind < 0.95:
        publisher, place = rng.choice(PUBLISHERS)
        start = rng.randint(1, 300)
        item |= {
            "type": "chapter",
            "container-title": title(rng, 5),
            "editor": [{"family": rng.choice(SURNAMES), "given": "E."}],
            "publisher": publisher,
            "publisher-place": place,
            "page": f"{start}–{start + 20}",
        }
    else:
        item |= {"type": "report", "publisher": "Department of Health", "publisher-place": "London"}
    return item


def make_project(dest: Path, count: int, seed: int = 2015) -> Path:
    """Create (or replace) a project at dest with count synthetic references; return dest."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy(REPO / "site.yaml", dest / "site.yaml")
    shutil.copytree(REPO / "templates", dest / "templates")
    (dest / "content").mkdir()
    shutil.copy(REPO / "content" / "study.md", dest / "content" / "study.md")
    rng = random.Random(seed)
    refs = [reference(rng, i) for i in range(count)]
    text = yaml.safe_dump(refs, allow_unicode=True, sort_keys=False, width=200)
    (dest / "content" / "references.yaml").write_text(text, encoding="utf-8")
    return dest
