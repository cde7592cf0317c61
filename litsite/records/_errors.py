"""The project's UserError, or a stand-in with the same shape until litsite/errors.py lands on main."""

from __future__ import annotations

from pathlib import Path

try:  # pragma: no cover - depends on whether main's litsite/errors.py is merged
    from litsite.errors import UserError
except ImportError:  # pragma: no cover

    class UserError(Exception):  # type: ignore[no-redef]
        """A problem in the user's input, reported as `path:line: message`."""

        def __init__(self, path: str | Path | None, line: int | None, message: str):
            self.path = path
            self.line = line
            self.message = message
            where = ":".join(str(p) for p in (path, line) if p is not None)
            super().__init__(f"{where}: {message}" if where else message)


__all__ = ["UserError"]
