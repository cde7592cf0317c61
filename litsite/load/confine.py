"""Sources are read only from inside the project: a symbolic link that leads out of it is an error, not followed.

A link under content/ or templates/ (static files included) pointing at /proc/self/environ, ~/.ssh or another
project would otherwise be read and published with the site. Links that stay inside the project are fine.
"""

from __future__ import annotations

import os
from pathlib import Path

from litsite.errors import UserError

SOURCE_ROOTS = ("site.yaml", "content", "templates")


def is_inside(path: Path, root: Path) -> bool:
    """Whether path, all links resolved, is root or lies under it (root resolved already)."""
    real = path.resolve()
    return real == root or root in real.parents


def outside_links(project: Path) -> list[UserError]:
    """An error for every source file or folder (site.yaml, content/, templates/) that resolves outside the project,
    found by walking the sources through the links that stay inside (each real folder once, so loops end)."""
    root = project.resolve()
    errors: list[UserError] = []
    seen: set[Path] = set()
    # (path, whether it may lead elsewhere): a file or folder that is no link, in a folder that lies inside, lies
    # inside too, so only the roots and the links are resolved (a resolve per file was most of this walk's time).
    todo = [(project / name, True) for name in SOURCE_ROOTS]
    while todo:
        path, linked = todo.pop()
        if linked and not os.path.lexists(path):
            continue
        if linked and not is_inside(path, root):
            errors.append(_error(path, project))
            continue
        if path.is_dir():
            real = path.resolve()
            if real in seen:
                continue
            seen.add(real)
            with os.scandir(path) as entries:
                for entry in entries:
                    if entry.is_symlink() or entry.is_dir(follow_symlinks=False):
                        todo.append((Path(entry.path), entry.is_symlink()))
    return sorted(errors, key=lambda e: e.path or "")


def _error(path: Path, project: Path, line: int | None = None, what: str = "") -> UserError:
    target = path.resolve()
    shown = f"{what} " if what else ""
    return UserError(
        path,
        line,
        f"{shown}leads outside the project (to {target}); sources are read only from inside the project folder",
    )
