"""Number values of the shapes real humanities, German and Turkish library catalogues write, for number_keys_fuzz.py.

Volumes ("II", "Bd. 3", "3/4", "12.1", "N.F. 12", "Suppl. 1", "volume-1"), pages ("XIII, 172 S.", "123-145 Taf.
12-14", "S. 5-9", "5 ff.", "passim", "12f.", "iv + 320", "A1-A12", "1:23", "6-1 to 6-20"), issues ("3-4",
"Winter", "H. 2", "Sayı 4"), numbers ("Heft 3", "22693-CA, 23002-CA", "800-57 Part 1"), each built from random parts
so that the numbers, numerals and joiners vary: a generator of shapes, not a list of fixtures.
"""

from __future__ import annotations

import random


def _n(rng: random.Random, top: int = 400) -> str:
    return str(rng.randint(1, top))


def _roman(rng: random.Random, upper: bool) -> str:
    text = rng.choice(["ii", "iv", "vii", "ix", "xii", "xiii", "xiv", "xxi", "lx", "cxx"])
    return text.upper() if upper else text


def _range(rng: random.Random) -> str:
    a = rng.randint(1, 900)
    b = a + rng.randint(0, 40) if rng.random() < 0.8 else rng.randint(1, a)  # sometimes an end below its start
    return f"{a}{rng.choice(['-', '-', '–', ' - ', '--'])}{b}"


def volume(rng: random.Random) -> str:
    """A volume as catalogues write it."""
    return rng.choice(
        [
            lambda: _roman(rng, rng.random() < 0.7),
            lambda: f"Bd. {_n(rng, 40)}",
            lambda: f"{_n(rng, 20)}/{_n(rng, 20)}",
            lambda: f"{_n(rng, 60)}.{_n(rng, 9)}",
            lambda: f"N.F. {_n(rng, 60)}",
            lambda: f"Suppl. {_n(rng, 9)}",
            lambda: f"{_n(rng, 9)}-{_n(rng, 9)}",
            lambda: f"e{_n(rng, 9999)}",
            lambda: f"{rng.choice(['volume', 'vol', 'issue', 'Vol', 'WP', 'A', 'x'])}-{_n(rng, 12)}",
            lambda: f"{_roman(rng, True)}-{_n(rng, 5)}",
            lambda: f"{_roman(rng, rng.random() < 0.5)}, {_n(rng, 5)}",
            lambda: f"{_n(rng, 9)}, pt. {_n(rng, 4)}",
            lambda: f"{_n(rng, 9)}, pt. {_n(rng, 4)}, {_n(rng, 9)}",
            lambda: f"Cilt {_n(rng, 30)}",
        ]
    )()


def page(rng: random.Random) -> str:
    """A page or extent as catalogues write it."""
    return rng.choice(
        [
            lambda: f"{_roman(rng, rng.random() < 0.5)}, {_n(rng, 600)} S.",
            lambda: f"{_roman(rng, rng.random() < 0.5)}, {_n(rng, 600)}",
            lambda: f"{_range(rng)} Taf. {_range(rng)}",
            lambda: f"S. {_range(rng)}",
            lambda: f"{_n(rng)} ff.",
            lambda: "passim",
            lambda: f"{_n(rng)}f.",
            lambda: f"{_roman(rng, False)} + {_n(rng, 600)}",
            lambda: f"A{_n(rng, 9)}-A{_n(rng, 30)}",
            lambda: f"{_n(rng, 9)}:{_n(rng, 60)}",
            lambda: f"{_n(rng, 9)}-{_n(rng, 9)} to {_n(rng, 9)}-{_n(rng, 30)}",
            lambda: f"{_roman(rng, False)}-{_roman(rng, False)}, {_range(rng)}",
            lambda: _range(rng),
            lambda: f"{_n(rng, 600)} s.",
        ]
    )()


def issue(rng: random.Random) -> str:
    """An issue (or a number) as catalogues write it."""
    return rng.choice(
        [
            lambda: f"{_n(rng, 6)}-{_n(rng, 6)}",
            lambda: rng.choice(["Winter", "Spring", "Herbst", "Sommer"]),
            lambda: f"H. {_n(rng, 6)}",
            lambda: f"Heft {_n(rng, 6)}",
            lambda: f"Sayı {_n(rng, 60)}",
            lambda: f"{_n(rng, 99999)}-CA, {_n(rng, 99999)}-CA",
            lambda: f"{_n(rng, 900)}-{_n(rng, 99)} Part {_n(rng, 3)}",
            lambda: f"number-{_n(rng, 9)}",
            lambda: f"{_n(rng, 4)}/{_n(rng, 4)}",
        ]
    )()


GENERATORS = {"volume": volume, "page": page, "issue": issue, "number": issue, "edition": volume}


def real_values(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(variable, value) pairs of real shapes."""
    names = sorted(GENERATORS)
    return [(variable, GENERATORS[variable](rng)) for variable in (rng.choice(names) for _ in range(count))]


def number_items(count: int, seed: int = 12) -> list[dict]:
    """`count` items in MLA's shapes (order_items_mla) whose volume, issue, number and page are real catalogue shapes,
    ids "num<n>"; several share all but their numbers, so that the number keys decide their order."""
    from order_items_mla import mla_item

    rng = random.Random(seed)
    items: list[dict] = []
    for n in range(count):
        item = dict(items[rng.randrange(len(items))]) if items and rng.random() < 0.5 else mla_item(rng, "")
        item["id"] = f"num{n}"
        for variable in ("volume", "issue", "number", "page"):
            if rng.random() < 0.4:
                item[variable] = GENERATORS[variable](rng)
        items.append(item)
    return items
