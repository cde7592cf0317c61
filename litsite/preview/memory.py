"""The preview's garbage collection: a rebuild runs without the cyclic collector scanning what the builder keeps.

A preview holds hundreds of thousands of long-lived objects between rebuilds (the sources it loaded, the formatting
cache, the last result of each style, page traces). With the collector on, a rebuild's allocations trigger
collections that scan them again and again: about half of a one-note rebuild's time at 2,000 references
(bench/notes.py).
So a rebuild runs with the collector paused; at its end the youngest generation alone is collected (the cycles the
rebuild made and dropped; it scans only the rebuild's own objects, a tenth of a second), and what survives is frozen
(gc.freeze: moved where collections do not look). Frozen objects are still freed when their last reference goes;
only frozen *cycles* would stay, so when the frozen set has grown by a quarter since the last full collection
(counted every eighth rebuild), the next rebuild starts with one (a few tenths of a second, once in a while) and
memory stays bounded.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

GROWTH = 1.25  # a full collection once the frozen objects are this many times as many as after the last one
CHECK_EVERY = 8  # rebuilds between two counts of the frozen objects


class Collections:
    """When a rebuild of the preview lets the cyclic collector run (see the module's docstring)."""

    def __init__(self) -> None:
        self.baseline = 0  # frozen objects right after the last full collection (0: none yet)
        self.full = 0  # full collections made (for tests and benchmarks)
        self.builds = 0

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Run a rebuild: a full collection first when the frozen objects grew too much, the collector paused
        throughout, and what survives frozen afterwards."""
        self.builds += 1
        # (counting the frozen objects walks them all: a few hundredths of a second, so only every CHECK_EVERY)
        if not self.baseline or (self.builds % CHECK_EVERY == 0 and gc.get_freeze_count() > self.baseline * GROWTH):
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.baseline = max(1, gc.get_freeze_count())
            self.full += 1
        enabled = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            gc.collect(0)  # the young: the cycles this build made and dropped (only its own objects are scanned)
            gc.freeze()  # (also after a failed build: what it left is garbage soon, or kept state)
            if enabled:
                gc.enable()
