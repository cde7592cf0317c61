"""Swapping a finished directory in for another in one step, and the checkpoints where tests stop a build."""

from __future__ import annotations

import ctypes
import errno
import os
import signal
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
KILL_AT_ENV = "LITSITE_TEST_KILL_AT"  # tests: "name" or "name:n" makes the build SIGKILL itself at that checkpoint
_passed: dict[str, int] = {}


def _renameat2() -> object | None:
    """libc's renameat2 (glibc 2.28 and later), or None."""
    try:
        func = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


_EXCHANGE = _renameat2()


def exchange(new: Path, current: Path) -> bool:
    """Atomically swap two directories (new takes current's name and the reverse); False when this system cannot
    (no renameat2, or a file system without RENAME_EXCHANGE), and then nothing was moved."""
    if _EXCHANGE is None:
        return False
    done = _EXCHANGE(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(current), _RENAME_EXCHANGE)  # type: ignore[operator]
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(current))


def swap_in(new: Path, current: Path) -> Path | None:
    """Put the directory new in place of current; return where the old current is now (None when there was none).

    One atomic exchange where the system has it (the old output then sits at new's path); elsewhere two renames,
    between which current is missing for an instant (the old output then sits at new's path + ".old"; a build
    interrupted there is repaired by the next one, see Books.clean).
    """
    if not current.exists():
        os.rename(new, current)
        return None
    if exchange(new, current):
        return new
    aside = new.with_name(new.name + ".old")
    os.rename(current, aside)
    checkpoint("renamed-aside")
    os.rename(new, current)
    return aside


def checkpoint(name: str) -> None:
    """A named step of writing the output; a test run can make the process kill itself here (see KILL_AT_ENV),
    to show that a build stopped at any step leaves the old output or the new one."""
    wanted = os.environ.get(KILL_AT_ENV)
    if not wanted:
        return
    _passed[name] = _passed.get(name, 0) + 1
    step, _, count = wanted.partition(":")
    if step == name and _passed[name] == int(count or 1):
        os.kill(os.getpid(), signal.SIGKILL)
