"""Events near a member's border, outside it: geography.nearest_border and where it is used."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pytest

from accord.monitoring.alerts import alerts
from accord.monitoring.geography import NEIGHBOURHOOD_KM, nearest_border
from accord.monitoring.indicators import Indicator, indicators
from accord.monitoring.ingest.ucdp import read_ucdp
from accord.monitoring.store import SCHEMA, EventStore
from tests.monitoring.reading import SHARED_DATA, read_all

BORDERS = Path(__file__).resolve().parents[2] / "src/accord/monitoring/data/borders.json"
OUTLINES = {
    state: (np.array(outline["lat"]), np.array(outline["lon"]))
    for state, outline in json.loads(BORDERS.read_text(encoding="utf-8")).items()
}
# Kunduz province, about 20 km south of the Panj (the Afghan-Tajik border) near Sherkhan Bandar.
KUNDUZ = (36.87, 68.43)
KABUL = (34.53, 69.17)
YEREVAN = (40.18, 44.51)
# Qazax, Azerbaijan, a few km east of the Armenian border.
QAZAX = (41.09, 45.37)


def haversine_km(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    phi1, phi2 = math.radians(lat), np.radians(lats)
    h = (
        np.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * np.cos(phi2) * np.sin(np.radians(lons - lon) / 2) ** 2
    )
    return 2 * 6371.0088 * np.arcsin(np.sqrt(h))


def brute_force(lat: float, lon: float, own: str | None) -> tuple[str | None, float]:
    """The nearest other state's outline point over every point of the data file."""
    best: tuple[str | None, float] = (None, math.inf)
    for state, (lats, lons) in OUTLINES.items():
        if state == own:
            continue
        km = float(haversine_km(lat, lon, lats, lons).min())
        if km < best[1]:
            best = (state, km)
    return best if best[1] <= NEIGHBOURHOOD_KM else (None, math.inf)


def near(lat: float, lon: float, country: str | None, radius_km: float = NEIGHBOURHOOD_KM):
    states, km = nearest_border(np.array([lat]), np.array([lon]), [country], radius_km)
    return states[0], float(km[0])


def test_an_afghan_event_south_of_the_panj_is_in_tajikistans_neighbourhood():
    lats, lons = OUTLINES["TJK"]
    border_here = lats[(np.abs(lons - KUNDUZ[1]) < 0.05) & (lats < 38)]
    assert border_here.min() > KUNDUZ[0] + 0.15
    state, km = near(*KUNDUZ, "AFG")
    assert state == "TJK"
    assert 15 < km < 25


def test_kabul_is_in_no_members_neighbourhood():
    state, km = near(*KABUL, "AFG")
    assert state is None
    assert math.isnan(km)


def test_an_event_is_never_attributed_to_its_own_state():
    # Yerevan lies 22 km from Armenia's own (Turkish) border and 57 km from Azerbaijan's.
    assert near(*YEREVAN, "ARM") == (None, pytest.approx(math.nan, nan_ok=True))
    assert near(*YEREVAN, None) == ("ARM", pytest.approx(22.4, abs=1))
    assert near(*YEREVAN, "ARM", radius_km=60) == ("AZE", pytest.approx(57.4, abs=1))
    assert near(*QAZAX, "AZE") == ("ARM", pytest.approx(9.5, abs=1))


def test_events_without_coordinates_are_near_nothing():
    states, km = nearest_border(np.array([np.nan, 36.87]), np.array([68.43, np.nan]), ["AFG"] * 2)
    assert states == [None, None]
    assert np.isnan(km).all()


@pytest.mark.parametrize(
    ("lat", "lon", "own"),
    [
        (*KUNDUZ, "AFG"),
        (*QAZAX, "AZE"),
        (47.9, 38.9, "UKR"),
        (41.3, 69.6, "UZB"),
        (50.2, 71.0, None),
    ],
)
def test_the_distance_agrees_with_haversine_over_the_raw_border_points(lat, lon, own):
    expected_state, expected_km = brute_force(lat, lon, own)
    state, km = near(lat, lon, own)
    assert state == expected_state
    assert km == pytest.approx(expected_km, abs=1) if state else math.isnan(km)


def test_ucdp_events_near_a_member_match_a_brute_force_search():
    table = pa.concat_tables(read_all(read_ucdp, SHARED_DATA / "ucdp" / "ged-sample.csv")[0])
    found = table.column("near_iso3").to_pylist()
    expected = [
        brute_force(lat, lon, own)[0]
        for lat, lon, own in zip(
            table.column("lat").to_pylist(),
            table.column("lon").to_pylist(),
            table.column("country_iso3").to_pylist(),
            strict=True,
        )
    ]
    assert found == expected
    # 7 in Ukraine near Russia, 6 in Afghanistan near Tajikistan, 6 more in the region.
    assert sum(state is not None for state in found) == 19
    assert found.count("TJK") == 6


def events(*rows: tuple[str, str | None, tuple[float, float]]) -> pa.Table:
    """Armed clashes on 6 May 2024, each (event_id, country, (lat, lon)), as a reader gives them."""
    lat, lon = (np.array([row[2][axis] for row in rows]) for axis in (0, 1))
    near_iso3, _ = nearest_border(lat, lon, [row[1] for row in rows])
    return pa.Table.from_pylist(
        [
            {"event_id": event_id, "source": "test", "date": dt.date(2024, 5, 6)}
            | {"country_iso3": country, "lat": at[0], "lon": at[1], "category": "armed_clash"}
            | {"fatalities": 1, "near_iso3": near}
            for (event_id, country, at), near in zip(rows, near_iso3, strict=True)
        ],
        schema=SCHEMA.to_pyarrow(),
    )


def weekly(store: EventStore, members: list[str]) -> dict[str, tuple[int, int]]:
    rows = store.weekly(members, dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    return {r["country"]: (r["events"], r["across_border"]) for r in rows}


def test_afghan_events_near_tajikistan_count_for_it_unless_afghanistan_is_asked_about(
    tmp_path: Path,
):
    store = EventStore(str(tmp_path / "events.duckdb"))
    store.add(
        [
            events(
                ("a", "AFG", KUNDUZ),
                ("b", "AFG", KUNDUZ),
                ("c", "TJK", (38.56, 68.77)),
                ("d", "AFG", KABUL),
                ("e", None, KUNDUZ),
            )
        ]
    )
    assert weekly(store, ["TJK", "KGZ"]) == {"TJK": (4, 3)}
    assert weekly(store, ["TJK", "AFG"]) == {"AFG": (3, 0), "TJK": (2, 1)}


def test_an_old_store_gets_near_iso3_for_the_events_it_holds(tmp_path: Path):
    path = tmp_path / "old.duckdb"
    written_before = events(("a", "AFG", KUNDUZ), ("b", "AFG", KABUL)).drop_columns("near_iso3")
    with duckdb.connect(str(path)) as connection:
        connection.register("written_before", written_before)
        connection.execute("CREATE TABLE events AS SELECT * FROM written_before")
    store = EventStore(str(path))
    rows = store.events.order_by("event_id").to_pyarrow()
    assert rows.column("near_iso3").to_pylist() == ["TJK", None]


def test_an_alert_says_how_many_of_its_events_were_across_the_border():
    week = dt.date(2024, 5, 6)
    surge = Indicator("TJK", "armed_clash", week, 9, 0, 0.0, 1.0, 0.0, across_border=4)
    calm = Indicator("TJK", "armed_clash", week, 9, 0, 0.0, 1.0, 0.0)
    assert alerts([surge], "Article 2", {})[0].reason.endswith(", 4 of them across the border")
    assert "across" not in alerts([calm], "Article 2", {})[0].reason


def test_indicators_carry_across_border_from_the_weekly_rows():
    row = {"country": "TJK", "category": "armed_clash", "week": dt.date(2024, 5, 6), "events": 3}
    found = indicators(
        [row | {"across_border": 2}, row | {"category": "unrest"}], *[row["week"]] * 2
    )
    assert [point.across_border for point in found] == [2, 0]
