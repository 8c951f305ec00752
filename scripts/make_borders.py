"""Write src/accord/monitoring/data/borders.json from Natural Earth's countries as TopoJSON.

Usage: python scripts/make_borders.py path/to/countries-50m.json

The input is ``countries-50m.json`` of the npm package ``world-atlas`` 2.0.2 (Natural Earth
1:50m Admin 0 countries, public domain): ``cd /tmp && npm pack world-atlas@2 && tar xzf
world-atlas-2.0.2.tgz``. Each state's outline is written as points at most ``STEP_KM`` apart,
because the monitor measures an event's distance to a state by its nearest outline point.
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path
from typing import Any

#: Every state that has ever been a CSTO member, by the ISO 3166-1 numeric code Natural Earth uses.
REGION = {
    "051": "ARM",
    "031": "AZE",
    "112": "BLR",
    "268": "GEO",
    "398": "KAZ",
    "417": "KGZ",
    "643": "RUS",
    "762": "TJK",
    "860": "UZB",
}
#: The nearest point then lies at most 1 km farther than the outline itself.
STEP_KM = 2.0
EARTH_KM = 6371.0088
OUTPUT = Path(__file__).resolve().parents[1] / "src/accord/monitoring/data/borders.json"

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Every arc as (lon, lat) points: TopoJSON quantizes positions and stores them as deltas."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"].values()
    arcs = []
    for deltas in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in deltas:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def arc_indices(geometry: dict[str, Any]) -> set[int]:
    """The arcs a Polygon or MultiPolygon uses; ``~i`` is arc ``i`` walked backwards."""
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return {i if i >= 0 else ~i for polygon in polygons for ring in polygon for i in ring}


def haversine_km(a: Point, b: Point) -> float:
    (lon1, lat1), (lon2, lat2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


def densify(points: list[Point]) -> list[Point]:
    """The arc's points with points in between wherever two lie more than ``STEP_KM`` apart."""
    dense = points[:1]
    for a, b in itertools.pairwise(points):
        pieces = math.ceil(haversine_km(a, b) / STEP_KM)
        # Russia's outline crosses the antimeridian: step the short way round and wrap.
        east = (b[0] - a[0] + 180) % 360 - 180
        dense += [
            ((a[0] + east * k / pieces + 180) % 360 - 180, a[1] + (b[1] - a[1]) * k / pieces)
            for k in range(1, pieces + 1)
        ]
    return dense


def outlines(topology: dict[str, Any]) -> dict[str, list[Point]]:
    """Each region state's outline as (lat, lon) points rounded to 4 decimals (about 11 m)."""
    arcs = decode_arcs(topology)
    found: dict[str, list[Point]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso3 = REGION.get(geometry.get("id", ""))
        if iso3 is None:
            continue
        # Arc by arc in order, each point once: a ring's arcs share their end points.
        points = {
            (round(lat, 4), round(lon, 4)): None
            for index in sorted(arc_indices(geometry))
            for lon, lat in densify(arcs[index])
        }
        found[iso3] = list(points)
    missing = set(REGION.values()) - set(found)
    if missing:
        raise SystemExit(f"no outline for {sorted(missing)} in the input")
    return found


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    # Separate lat and lon lists keep the file under 1 MB: a row per point repeats the name.
    columns = {
        iso3: {"lat": [lat for lat, _ in points], "lon": [lon for _, lon in points]}
        for iso3, points in sorted(outlines(topology).items())
    }
    OUTPUT.write_text(json.dumps(columns, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
