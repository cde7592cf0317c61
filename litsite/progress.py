"""Progress of long builds: a bar on a terminal, silence otherwise (pipes, CI, tests)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Draws `label [#####.....] done/total` on one terminal line, at most ten times a second."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._last = 0.0
        self._shown = False

    def __call__(self, label: str, done: int = 0, total: int = 0) -> None:
        """Report that `done` of `total` steps of `label` are finished (total 0: a stage without steps)."""
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.1 and done not in (0, total)):
            return
        self._last = now
        if total:
            filled = 30 * done // total
            line = f"{label} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}"
        else:
            line = f"{label}…"
        self.stream.write(f"\r\033[K{line}")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        """Clear the progress line."""
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False


def quiet(label: str, done: int = 0, total: int = 0) -> None:
    """A progress callback that shows nothing."""
