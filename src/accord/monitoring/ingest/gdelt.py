"""GDELT 2.0 Event export: tab-separated, no header, 61 columns; FIPS 10-4 country codes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from accord.monitoring.ingest.lines import Progress, tab_batches
from accord.monitoring.ingest.normalise import (
    OLDEST,
    Normalised,
    categories,
    lookup,
    normalise_batch,
)
from accord.monitoring.reference import classify_by_prefix, fips_to_iso3

WIDTH = 61
#: 0-based positions in the GDELT 2.0 Event Codebook's column order.
KEEP = {
    "id": 0,
    "day": 1,
    "actor1": 6,
    "actor2": 16,
    "code": 26,
    "goldstein": 30,
    "country": 53,
    "adm1": 54,
    "lat": 56,
    "lon": 57,
    "url": 60,
}

SELECT = f"""
WITH typed AS (
  SELECT raw.*, TRY_STRPTIME(day, '%Y%m%d')::DATE AS d, fips.fips AS known, fips.iso3,
         cameo.category,
         cameo.subcategory
  FROM raw LEFT JOIN fips ON raw.country = fips.fips LEFT JOIN cameo ON raw.code = cameo.code
)
SELECT line, 'gdelt:' || id AS event_id, 'gdelt' AS source, d AS date, iso3 AS country_iso3,
       NULLIF(adm1, '') AS admin1, TRY_CAST(NULLIF(lat, '') AS DOUBLE) AS lat,
       TRY_CAST(NULLIF(lon, '') AS DOUBLE) AS lon, category, subcategory,
       NULLIF(concat_ws(' / ', NULLIF(actor1, ''), NULLIF(actor2, '')), '') AS actors,
       CAST(NULL AS BIGINT) AS fatalities, TRY_CAST(goldstein AS DOUBLE) AS goldstein,
       NULLIF(url, '') AS source_url,
  CASE
    WHEN TRY_CAST(id AS BIGINT) IS NULL THEN 'GLOBALEVENTID ' || id || ' is not a number'
    WHEN d IS NULL THEN 'SQLDATE ' || day || ' is not a date (YYYYMMDD)'
    WHEN d < DATE '{OLDEST}' OR d > current_date + 1 THEN 'SQLDATE ' || day || ' out of range'
    WHEN country <> '' AND known IS NULL THEN 'unknown FIPS 10-4 country code ' || country
    WHEN category IS NULL THEN 'unknown CAMEO event code ' || code
    WHEN lat <> '' AND TRY_CAST(lat AS DOUBLE) IS NULL THEN 'ActionGeo_Lat ' || lat
         || ' is not a number'
    WHEN TRY_CAST(goldstein AS DOUBLE) IS NULL THEN 'GoldsteinScale ' || goldstein
         || ' is not a number'
  END AS problem
FROM typed ORDER BY line
"""


def read_gdelt(path: Path, progress: Progress | None = None) -> Iterator[Normalised]:
    """Batches of (events, bad rows, rows read) from one GDELT 2.0 export file."""
    fips = lookup(fips_to_iso3(), ("fips", pa.string()), "iso3")
    for batch in tab_batches(path, WIDTH, KEEP, progress):
        codes = batch.table.column("code").unique().to_pylist()
        found = {code: classify_by_prefix("gdelt", "EventCode", code) for code in codes}
        cameo = categories({code: row for code, row in found.items() if row is not None})
        yield normalise_batch(batch, {"fips": fips, "cameo": cameo}, SELECT)
