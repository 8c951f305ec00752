"""GDELT 2.0 Event export: tab-separated, no header, 61 columns; FIPS 10-4 country codes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from accord.monitoring.ingest.lines import Progress
from accord.monitoring.ingest.normalise import (
    OLDEST,
    Normalised,
    normalise_batch,
    whole_file_rules,
)
from accord.monitoring.ingest.tabs import tab_batches
from accord.monitoring.reference import classify_by_prefix, fips_to_iso3

FORMAT = "a GDELT 2.0 event export"
WIDTH = 61
#: 0-based positions in the GDELT 2.0 Event Codebook's column order.
KEEP = {
    "id": 0,
    "day": 1,
    "actor1": 6,
    "actor2": 16,
    "code": 26,
    "goldstein": 30,
    "geo_type": 51,
    "country": 53,
    "adm1": 54,
    "lat": 56,
    "lon": 57,
    "url": 60,
}

# No join and no ORDER BY: ``raw`` comes with its codes looked up (``looked_up``), and a plain
# projection of one scan keeps the rows in the order of their lines.
SELECT = f"""
WITH typed AS (SELECT raw.*, TRY_STRPTIME(day, '%Y%m%d')::DATE AS d FROM raw)
SELECT line, 'gdelt:' || id AS event_id, 'gdelt' AS source, d AS date, iso3 AS country_iso3,
       NULLIF(adm1, '') AS admin1,
       -- ActionGeo_Type 1 places an event at its country's centre, which says nothing about
       -- where in the country it happened: such a point is dropped, not measured to a border.
       CASE WHEN geo_type <> '1' THEN TRY_CAST(NULLIF(lat, '') AS DOUBLE) END AS lat,
       CASE WHEN geo_type <> '1' THEN TRY_CAST(NULLIF(lon, '') AS DOUBLE) END AS lon,
       category, subcategory,
       NULLIF(concat_ws(' / ', NULLIF(actor1, ''), NULLIF(actor2, '')), '') AS actors,
       CAST(NULL AS BIGINT) AS fatalities, TRY_CAST(goldstein AS DOUBLE) AS goldstein,
       NULLIF(url, '') AS source_url,
  CASE
    WHEN TRY_CAST(id AS BIGINT) IS NULL THEN 'GLOBALEVENTID ' || id || ' is not a number'
    WHEN d IS NULL THEN 'SQLDATE ' || day || ' is not a date (YYYYMMDD)'
    WHEN d < DATE '{OLDEST}' OR d > current_date + 1 THEN 'SQLDATE ' || day || ' out of range'
    WHEN country <> '' AND NOT known THEN 'unknown FIPS 10-4 country code ' || country
    WHEN category IS NULL THEN 'unknown CAMEO event code ' || code
    WHEN lat <> '' AND TRY_CAST(lat AS DOUBLE) IS NULL THEN 'ActionGeo_Lat ' || lat
         || ' is not a number'
    WHEN TRY_CAST(goldstein AS DOUBLE) IS NULL THEN 'GoldsteinScale ' || goldstein
         || ' is not a number'
  END AS problem
FROM typed
"""


def read_gdelt(path: Path, progress: Progress | None = None) -> Iterator[Normalised]:
    """Batches of (events, bad rows, rows read) from one GDELT 2.0 export file; raises
    EventFileRefused for a file that is none or breaks a cap (``limits``)."""
    yield from whole_file_rules(_normalised(path, progress))


def _normalised(path: Path, progress: Progress | None) -> Iterator[Normalised]:
    fips = fips_to_iso3()
    countries = (pa.array(list(fips), pa.string()), pa.array(list(fips.values()), pa.string()))
    for batch in tab_batches(path, WIDTH, KEEP, FORMAT, progress):
        batch.table = looked_up(batch.table, countries)
        yield normalise_batch(batch, {}, SELECT)


def looked_up(raw: pa.Table, countries: tuple[pa.Array, pa.Array]) -> pa.Table:
    """``raw`` with ``known``, ``iso3``, ``category`` and ``subcategory`` of its codes.

    Looked up in Arrow rather than joined in SQL: after a join the rows would need sorting by
    line again, which took half the time of the query.
    """
    fips, iso3 = countries
    country = pc.index_in(raw.column("country"), value_set=fips)
    codes = raw.column("code").unique().to_pylist()
    found = {code: classify_by_prefix("gdelt", "EventCode", code) for code in codes}
    classified = {code: row for code, row in found.items() if row is not None}
    cameo = pc.index_in(raw.column("code"), value_set=pa.array(list(classified), pa.string()))
    looked = {
        "known": pc.is_valid(country),
        "iso3": pc.take(iso3, country),
        "category": pc.take(
            pa.array([r.category for r in classified.values()], pa.string()), cameo
        ),
        "subcategory": pc.take(
            pa.array([r.subcategory for r in classified.values()], pa.string()), cameo
        ),
    }
    for name, column in looked.items():
        raw = raw.append_column(name, column)
    return raw
