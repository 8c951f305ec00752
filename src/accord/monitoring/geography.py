"""Which member state's border an event lies near, by great-circle distance to its outline."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from scipy.spatial import cKDTree

#: Wide enough to take in the districts along a border (Imam Sahib, Afghanistan: 13 km from
#: Tajikistan), narrow enough to leave out the provincial capitals beyond it (Kunduz: 55 km;
#: Mazar-i-Sharif: 58 km from Uzbekistan), whose events are that state's own affairs.
NEIGHBOURHOOD_KM = 50.0
#: The mean Earth radius (IUGG), as in scripts/make_borders.py.
EARTH_KM = 6371.0088


@dataclass(frozen=True)
class Borders:
    """Every region state's outline points (data/borders.json, Natural Earth 1:50m) as trees."""

    states: tuple[str, ...]
    by_state: tuple[cKDTree, ...]
    anywhere: cKDTree


def unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Points on the unit sphere: straight-line (chord) distance there grows with arc length."""
    phi, lam = np.radians(lat), np.radians(lon)
    return np.column_stack((np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)))


def chord_for_km(km: float) -> float:
    return float(2 * np.sin(km / (2 * EARTH_KM)))


def km_for_chord(chord: np.ndarray) -> np.ndarray:
    return np.asarray(2 * EARTH_KM * np.arcsin(np.minimum(chord, 2.0) / 2))


@cache
def borders() -> Borders:
    text = (resources.files("accord.monitoring") / "data" / "borders.json").read_text("utf-8")
    outlines: dict[str, dict[str, list[float]]] = json.loads(text)
    states = tuple(sorted(outlines))
    points = {
        state: unit_vectors(np.array(outlines[state]["lat"]), np.array(outlines[state]["lon"]))
        for state in states
    }
    return Borders(
        states,
        tuple(cKDTree(points[state]) for state in states),
        cKDTree(np.concatenate(list(points.values()))),
    )


def nearest_border(
    lat: np.ndarray,
    lon: np.ndarray,
    country: Sequence[str | None],
    radius_km: float = NEIGHBOURHOOD_KM,
) -> tuple[list[str | None], np.ndarray]:
    """Per event, the region state nearest within ``radius_km`` other than its own, and the km.

    An event inside a state near its border has that state as ``country``, so it is never
    attributed to it; events without coordinates, or near no other state, get None and NaN.
    """
    lat, lon = np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)
    own = np.asarray(country, dtype=object)
    near: list[str | None] = [None] * len(lat)
    km = np.full(len(lat), np.nan)
    located = np.flatnonzero(np.isfinite(lat) & np.isfinite(lon))
    if not len(located):
        return near, km
    found = borders()
    limit = chord_for_km(radius_km)
    points = unit_vectors(lat[located], lon[located])
    # Most events lie far from every region state: one query sets them aside.
    anything, _ = found.anywhere.query(points, distance_upper_bound=limit, workers=-1)
    close = np.isfinite(anything)
    located, points = located[close], points[close]
    chords = np.full((len(located), len(found.states)), np.inf)
    for column, (state, tree) in enumerate(zip(found.states, found.by_state, strict=True)):
        chords[:, column], _ = tree.query(points, distance_upper_bound=limit, workers=-1)
        chords[own[located] == state, column] = np.inf
    best = np.argmin(chords, axis=1)
    nearest = chords[np.arange(len(located)), best]
    hit = np.isfinite(nearest)
    km[located[hit]] = km_for_chord(nearest[hit])
    for event, column in zip(located[hit], best[hit], strict=True):
        near[event] = found.states[column]
    return near, km
