"""A digest of a value's content, for the caches that key on content (csl/memo.py, reuse/pages.py)."""

from __future__ import annotations

import hashlib
import io
import pickle
from typing import Any

# What pickling a value that holds something unpicklable (a function, a lock, a cycle too deep) raises.
UNPICKLABLE = (pickle.PicklingError, TypeError, AttributeError, RecursionError)


def pickle_digest(value: Any) -> str:
    """The sha1 of a value's pickle, which holds all of it: equal bytes mean equal content (equal content built in a
    different order only costs a cache miss). Raises one of UNPICKLABLE for a value that cannot be pickled."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: the bytes must not depend on which equal strings happen to be one object
    pickler.dump(value)
    return hashlib.sha1(buffer.getbuffer()).hexdigest()
