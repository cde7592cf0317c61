"""One group of identical cites made distinct as citeproc-js does it (its CSL.Disambiguation: lists, clashes).

The items of a group share one configuration (names shown, given-name level per name position) that is pushed
forward one step at a time: expand the given name at the current position (by-cite add-givenname, up to the full
name), else show one more name (add-names). The first item of a list is compared with the others at each step; a
step that lessens its clashes is kept ("better" configuration), and the list is split between the items that still
render like the first one and the others, which go on from there. What cannot be told apart by names gets year
suffixes (all the items of the list, in bibliography order) or, last, the disambiguate="true" condition.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

# The most names a cite is made to show to tell it apart (add-names, and given names expanded up to that position):
# each name tried renders every item of the group again, showing one more name, so a group of works with hundreds of
# authors each (collaborations) would cost time quadratic in their names. citeproc-js renders at most 50 names of a
# longer list (names_limit.py: first and last ones) when the style's et-al-min is small, which is the usual case;
# past this bound, the group goes on to the next way (year suffixes, the disambiguate condition) as when names run out.
NAMES_TRIED = 50


@dataclass
class Config:
    """What a cite shows: how many names, the given-name level of each position, suffix and condition."""

    names: int
    givens: list[int]
    suffix: int | None = None
    cond: bool = False


@dataclass
class Options:
    """The style's disambiguation options as they bear on one group."""

    add_names: bool
    by_cite_givens: bool  # disambiguate-add-givenname with givenname-disambiguation-rule="by-cite"
    year_suffix: bool
    condition: bool  # the style tests disambiguate="true"


@dataclass
class _Run:
    lists: list[tuple[Config, list[str]]]
    base: Config
    better: Config
    modes: list[str]
    mode: int = 0
    gname: int = 0
    names_max: int = 0
    init_givens: bool = True
    clashes: list[int] = field(default_factory=lambda: [1, 0])
    registered: dict[str, Config] = field(default_factory=dict)


def settle(
    group: list[str],
    options: Options,
    start: Config,
    name_counts: dict[str, int],
    ids: dict[str, str],
    render: Callable[[str, Config], str],
) -> dict[str, Config]:
    """The configuration each item of `group` (in bibliography order) ends with; items left out keep their own.
    `name_counts`: the number of names each cite could show; `ids`: the items' ids (citeproc-js's tie-break)."""
    modes = (["names"] if options.add_names or options.by_cite_givens else []) + (
        ["years"] if options.year_suffix else []
    )
    modes += ["cond"] if options.condition else []
    if not modes:
        return {}
    # citeproc-js takes the items with the fewest names first (counts compared as strings, as it compares arrays)
    order = {k: i for i, k in enumerate(group)}
    items = sorted(group, key=lambda k: (str(name_counts[k]), ids[k]))
    run = _Run([(start, items)], copy.deepcopy(start), copy.deepcopy(start), modes)
    run.names_max = min(name_counts[items[0]], NAMES_TRIED)
    steps = 0
    while run.lists:
        run.gname, run.clashes = 0, [1, 0]
        while run.lists[0][1]:
            steps += 1
            if steps > 64 * (len(group) + run.names_max + 4):  # a guard: each step moves forward, but bound it
                return run.registered
            maxed = _increment(run, options)
            partners, others = _scan(run, run.lists[0][1], render)
            _evaluate(run, partners, others, maxed, order)
        run.lists = run.lists[1:]
    return run.registered


def _increment(run: _Run, options: Options) -> bool:
    """Push the configuration one step forward; whether the names mode has nothing left to try."""
    if run.init_givens:
        run.init_givens = False
        return False
    if run.modes[run.mode] != "names":
        return False
    base = run.base
    more_names = not options.by_cite_givens
    if options.by_cite_givens:
        if run.gname < len(base.givens) and base.givens[run.gname] < 2:
            base.givens[run.gname] += 1
        else:
            more_names = True
    if more_names and options.add_names and run.gname < run.names_max:
        base.names += 1
        run.gname += 1
    names_done = not options.add_names or run.gname == run.names_max
    givens_done = not options.by_cite_givens or run.gname >= len(base.givens) or base.givens[run.gname] == 2
    return names_done and givens_done


def _scan(run: _Run, items: list[str], render: Callable[[str, Config], str]) -> tuple[list[str], list[str]]:
    """The items that render like the first one under the current configuration (with it), and the others."""
    first = render(items[0], run.base)
    partners, others = [items[0]], []
    for key in items[1:]:
        (partners if render(key, run.base) == first else others).append(key)
    run.clashes = [run.clashes[1], len(partners) - 1]
    return partners, others


def _capture(run: _Run) -> None:
    """Keep the step just made (the current position's given level and the names count) in the better config."""
    if run.gname < len(run.base.givens):
        while len(run.better.givens) <= run.gname:
            run.better.givens.append(0)
        run.better.givens[run.gname] = run.base.givens[run.gname]
    run.better.names = run.base.names


def _register(run: _Run, keys: list[str], config: Config) -> None:
    for key in keys:
        run.registered[key] = copy.deepcopy(config)


def _evaluate(run: _Run, partners: list[str], others: list[str], maxed: bool, order: dict[str, int]) -> None:
    mode = run.modes[run.mode]
    if mode == "names":
        _names(run, partners, others, maxed)
    elif mode == "years":
        _years(run, partners, order)
    else:
        _condition(run)
    if maxed:
        if run.mode < len(run.modes) - 1:
            run.mode += 1
        elif len(run.lists) > 1:
            run.lists[1] = (run.base, [])
        else:
            run.lists.append((run.base, []))


def _names(run: _Run, partners: list[str], others: list[str], maxed: bool) -> None:
    """citeproc-js's disNames: register what is resolved, split the list where the clashes lessened."""
    better = run.better
    if run.clashes[1] == 0 and len(others) == 1:
        _capture(run)
        _register(run, [others[0], partners[0]], better)
        run.lists[0] = (better, [])
    elif run.clashes[1] == 0:
        _capture(run)
        _register(run, [partners[0]], better)
        run.lists[0] = (better, others)
        run.init_givens = bool(others)
    elif len(others) == 1:
        _capture(run)
        _register(run, [others[0]], better)
        run.lists[0] = (better, partners)
    elif run.clashes[1] < run.clashes[0]:
        _capture(run)
        run.lists[0] = (better, partners)
        run.lists.append((better, others))
    elif maxed:
        run.lists[0] = (better, others)
        run.lists.append((better, partners))
        if run.mode == len(run.modes) - 1:
            _register(run, partners, better)
            run.lists[0] = (better, [])


def _years(run: _Run, partners: list[str], order: dict[str, int]) -> None:
    """citeproc-js's disYears: when the first item clashes, every item of the list gets a suffix, in
    bibliography order."""
    config, items = run.lists[0]
    if run.clashes[1]:
        for n, key in enumerate(sorted(items, key=order.__getitem__)):
            _register(run, [key], Config(config.names, list(config.givens), n, config.cond))
    run.lists[0] = (run.better, [])


def _condition(run: _Run) -> None:
    """The disambiguate="true" condition, the last resort: every item of the list gets it."""
    config, items = run.lists[0]
    _register(run, items, Config(config.names, list(config.givens), config.suffix, True))
    run.lists[0] = (run.better, [])
