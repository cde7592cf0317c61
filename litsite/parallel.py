"""Map a function over many items in forked worker processes that inherit the caller's state.

The CSL engine's per-item renderings read a registered bibliography that cannot be pickled; forked workers start
with a copy of it, so only the item keys go to them and only strings come back. The function itself reaches each
worker through fork too (the pool's initializer and its arguments are inherited, not pickled), and is set in the
worker only: the caller's process keeps no state of a map.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

MIN_ITEMS = 64  # fewer items than this are not worth forking for
_TASK: Callable[[Any], Any] | None = None  # set only in a worker process, by _start


def _start(fn: Callable[[Any], Any]) -> None:
    """A worker's initializer: the function it maps (handed over by fork, never pickled)."""
    global _TASK
    _TASK = fn


def _run(chunk: Sequence[Any]) -> list[Any]:
    assert _TASK is not None
    return [_TASK(x) for x in chunk]


class Parallel:
    """Runs `map` in `workers` forked processes when there is enough work, else in this process."""

    def __init__(self, workers: int = 1, min_items: int | None = None) -> None:
        self.workers = workers
        self.min_items = MIN_ITEMS if min_items is None else min_items

    def usable(self, count: int) -> bool:
        """Whether `count` items are worth forking for (and this process may fork)."""
        if self.workers < 2 or count < self.min_items:
            return False  # (decided before importing multiprocessing: a rebuild often needs none)
        import multiprocessing

        return (
            not multiprocessing.current_process().daemon  # daemonic pool workers may not have children
            and "fork" in multiprocessing.get_all_start_methods()
        )

    def map(
        self, fn: Callable[[Any], Any], items: Sequence[Any], progress: Callable[[int], None] | None = None
    ) -> list[Any]:
        """[fn(x) for x in items], in order; progress(n) is told how many are done as pieces finish."""
        if not self.usable(len(items)):
            out = []
            for n, x in enumerate(items, start=1):
                out.append(fn(x))
                if progress and n % 64 == 0:
                    progress(n)
            return out
        import multiprocessing

        pieces = self.workers * (16 if progress else 4)  # small pieces even out uneven items (and show progress)
        size = -(-len(items) // pieces)
        chunks = [items[i : i + size] for i in range(0, len(items), size)]
        results = []
        with multiprocessing.get_context("fork").Pool(self.workers, initializer=_start, initargs=(fn,)) as pool:
            for chunk in pool.imap(_run, chunks):
                results.append(chunk)
                if progress:
                    progress(sum(len(c) for c in results))
        return [value for chunk in results for value in chunk]
