"""UCDP Georeferenced Event Dataset (GED) CSV: one row per lethal event."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from accord.monitoring.ingest.commas import csv_batches
from accord.monitoring.ingest.lines import Progress
from accord.monitoring.ingest.normalise import (
    OLDEST,
    Normalised,
    categories,
    lookup,
    normalise_batch,
    whole_file_rules,
)
from accord.monitoring.reference import gwno_to_iso3, taxonomy

FORMAT = "a UCDP GED CSV file"
KEEP = (
    "id",
    "type_of_violence",
    "side_a",
    "side_b",
    "country",
    "country_id",
    "adm_1",
    "latitude",
    "longitude",
    "date_start",
    "best",
)

SELECT = f"""
WITH typed AS (
  SELECT raw.*, TRY_CAST(left(date_start, 10) AS DATE) AS d, gw.iso3,
         violence.category, violence.subcategory
  FROM raw LEFT JOIN gw ON TRY_CAST(raw.country_id AS INTEGER) = gw.gwno
           LEFT JOIN violence ON raw.type_of_violence = violence.code
)
SELECT line, 'ucdp:' || id AS event_id, 'ucdp' AS source, d AS date, iso3 AS country_iso3,
       NULLIF(adm_1, '') AS admin1, TRY_CAST(latitude AS DOUBLE) AS lat,
       TRY_CAST(longitude AS DOUBLE) AS lon, category, subcategory,
       NULLIF(concat_ws(' / ', NULLIF(side_a, ''), NULLIF(side_b, '')), '') AS actors,
       TRY_CAST(best AS BIGINT) AS fatalities, CAST(NULL AS DOUBLE) AS goldstein,
       CAST(NULL AS VARCHAR) AS source_url,
  CASE
    WHEN id = '' THEN 'id is empty'
    WHEN d IS NULL THEN 'date_start ' || date_start || ' is not a date'
    WHEN d < DATE '{OLDEST}' OR d > current_date + 1 THEN 'date_start ' || date_start
         || ' out of range'
    WHEN iso3 IS NULL THEN 'unknown country ' || country || ' (country_id ' || country_id || ')'
    WHEN category IS NULL THEN 'unknown type_of_violence ' || type_of_violence
    WHEN TRY_CAST(best AS BIGINT) IS NULL THEN 'best (fatalities) ' || best || ' is not a number'
  END AS problem
FROM typed ORDER BY line
"""


def read_ucdp(path: Path, progress: Progress | None = None) -> Iterator[Normalised]:
    """Batches of (events, bad rows, rows read) from one UCDP GED CSV file; raises
    EventFileRefused for a file that is none or breaks a cap (``limits``)."""
    tables = {
        "gw": lookup(gwno_to_iso3(), ("gwno", pa.int32()), "iso3"),
        "violence": categories(taxonomy("ucdp", "type_of_violence")),
    }
    batches = csv_batches(path, KEEP, FORMAT, progress)
    yield from whole_file_rules(normalise_batch(b, tables, SELECT) for b in batches)
