"""How the exact stages 2 and 3 and the local search rank the states' personnel of an answer:
as a two-column key, compared lexicographically (smaller is better)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from accord.forces.matching.cover_model import Ints

#: The states' personnel, one row per candidate answer -> a two-column key per row, compared
#: lexicographically (smaller is better; infinite: not allowed).
Measure = Callable[[NDArray[np.int64]], NDArray[np.float64]]
Key = NDArray[np.float64]


def lower_largest(loads: NDArray[np.int64]) -> NDArray[np.float64]:
    """Stage 2: the largest state share, then the shares' squares (the more even the better)."""
    return np.column_stack([loads.max(axis=1), (loads * loads).sum(axis=1)]).astype(float)


def fewer_personnel(cap: int) -> Measure:
    """Stage 3: fewer personnel in all, no state above ``cap``."""

    def key(loads: NDArray[np.int64]) -> NDArray[np.float64]:
        total = np.where(loads.max(axis=1) <= cap, loads.sum(axis=1), np.inf)
        return np.column_stack([total, np.zeros(len(loads))])

    return key


def lower(measure: Measure, after: Ints, before: Ints) -> bool:
    """Whether the states' personnel ``after`` are better than ``before`` by ``measure``."""
    keys = measure(np.stack([after, before]))
    return lower_key(keys[0], keys[1])


def lower_key(key: Key, than: Key) -> bool:
    """Whether ``key`` ranks before ``than``."""
    return bool(key[0] < than[0] or (key[0] == than[0] and key[1] < than[1]))
