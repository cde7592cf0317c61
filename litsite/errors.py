"""User errors reported as `path:line: message` (exit status 2), collected so one build reports them all."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class UserError(Exception):
    """A mistake in the user's input, located by file and line where known."""

    def __init__(self, path: str | Path | None, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputWarning(UserWarning):
    """Something in the input read past, not an error: the command line prints it as `path:line: warning: …`."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        super().__init__(path, line, message)
        self.path, self.line, self.message = str(path), line, message

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: warning: {self.message}"


class UserErrors(Exception):
    """Several user errors found in one pass, reported together."""

    def __init__(self, errors: Iterable[UserError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


class ErrorCollector:
    """Collects user errors from a stage so that all are reported at once."""

    def __init__(self) -> None:
        self.errors: list[UserError] = []

    def add(self, path: str | Path | None, line: int | None, message: str) -> None:
        """Record one error."""
        self.errors.append(UserError(path, line, message))

    def extend(self, errors: Iterable[UserError]) -> None:
        """Record several errors."""
        self.errors.extend(errors)

    def raise_if_any(self) -> None:
        """Raise UserErrors if anything was recorded."""
        if self.errors:
            raise UserErrors(self.errors)


def flatten(exc: UserError | UserErrors) -> tuple[UserError, ...]:
    """The individual errors of a UserError or UserErrors."""
    return exc.errors if isinstance(exc, UserErrors) else (exc,)
