"""What one process knows of the kept previous site (books.py's `stage/`) from its own last build: the preview
checks that tree on disk once, then trusts it while the ledger file it wrote for the tree is still the one there.

Every build, of any process, removes that ledger file (`stage.ledger`) before it changes the kept tree, and writes
a new file only after it has checked what it lists; so while the file this process wrote is in place (same inode,
size and times) and the tree's folder is the one it swapped out, no build has touched the tree since. The output
itself is still checked on disk by every build (`writer.intact_ledger`): a file edited in the output may be a hard
link into the kept tree, and then the kept tree is not used (the site is staged afresh).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

Ledger = dict[str, tuple[str, int, int]]  # rel -> (digest, size, mtime_ns), as reuse.books reads it


def _identity(path: Path) -> tuple[int, ...]:
    st = os.stat(path, follow_symlinks=False)
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


@dataclass
class KeptTree:
    """The kept tree's ledger as this process last wrote it, with the identity of that file and of the tree."""

    ledger: Ledger = field(default_factory=dict)
    stamp: tuple[tuple[int, ...], tuple[int, ...]] | None = None

    def vouched(self, ledger_file: Path, tree: Path) -> Ledger:
        """The ledger of the kept tree when this process wrote ledger_file and it is still in place, and so is the
        tree's folder ({}: check the tree on disk)."""
        if self.stamp is None:
            return {}
        try:
            now = (_identity(ledger_file), _identity(tree))
        except OSError:
            return {}
        return self.ledger if now == self.stamp else {}

    def wrote(self, ledger_file: Path, tree: Path, ledger: Ledger) -> None:
        """Remember the ledger just written into ledger_file for the kept tree."""
        try:
            self.stamp = (_identity(ledger_file), _identity(tree))
            self.ledger = ledger
        except OSError:
            self.forget()

    def forget(self) -> None:
        """Trust nothing: the next build checks the tree on disk."""
        self.ledger, self.stamp = {}, None
