"""ACLED CSV export: one row per political violence, demonstration or strategic event."""

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
from accord.monitoring.reference import iso_numeric_to_iso3, taxonomy

FORMAT = "an ACLED CSV export"
KEEP = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "iso",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "fatalities",
)

# Current exports write event_date as YYYY-MM-DD, older ones as "12 September 2022".
# The sub-event type is the more specific code, so its taxonomy row wins over the event type's.
SELECT = f"""
WITH typed AS (
  SELECT raw.*,
         COALESCE(TRY_CAST(event_date AS DATE),
                  CAST(TRY_STRPTIME(event_date, '%d %B %Y') AS DATE)) AS d,
         countries.iso3,
         COALESCE(sub.category, kind.category) AS category,
         COALESCE(sub.subcategory, kind.subcategory) AS subcategory
  FROM raw LEFT JOIN countries ON TRY_CAST(raw.iso AS INTEGER) = countries.numeric
           LEFT JOIN sub ON raw.sub_event_type = sub.code
           LEFT JOIN kind ON raw.event_type = kind.code
)
SELECT line, 'acled:' || event_id_cnty AS event_id, 'acled' AS source, d AS date,
       iso3 AS country_iso3, NULLIF(admin1, '') AS admin1,
       TRY_CAST(latitude AS DOUBLE) AS lat, TRY_CAST(longitude AS DOUBLE) AS lon,
       category, subcategory,
       NULLIF(concat_ws(' / ', NULLIF(actor1, ''), NULLIF(actor2, '')), '') AS actors,
       TRY_CAST(fatalities AS BIGINT) AS fatalities, CAST(NULL AS DOUBLE) AS goldstein,
       CAST(NULL AS VARCHAR) AS source_url,
  CASE
    WHEN event_id_cnty = '' THEN 'event_id_cnty is empty'
    WHEN d IS NULL THEN 'event_date ' || event_date
         || ' is not a date (YYYY-MM-DD or DD Month YYYY)'
    WHEN d < DATE '{OLDEST}' OR d > current_date + 1 THEN 'event_date ' || event_date
         || ' out of range'
    WHEN iso3 IS NULL THEN 'unknown country ' || country || ' (iso ' || iso || ')'
    WHEN category IS NULL THEN 'unknown event_type ' || event_type
         || ' and sub_event_type ' || sub_event_type
    WHEN TRY_CAST(fatalities AS BIGINT) IS NULL THEN 'fatalities ' || fatalities
         || ' is not a number'
  END AS problem
FROM typed ORDER BY line
"""


def read_acled(path: Path, progress: Progress | None = None) -> Iterator[Normalised]:
    """Batches of (events, bad rows, rows read) from one ACLED CSV export; raises
    EventFileRefused for a file that is none or breaks a cap (``limits``)."""
    countries = lookup(iso_numeric_to_iso3(), ("numeric", pa.int32()), "iso3")
    sub = categories(taxonomy("acled", "sub_event_type"))
    kind = categories(taxonomy("acled", "event_type"))
    tables = {"countries": countries, "sub": sub, "kind": kind}
    batches = csv_batches(path, KEEP, FORMAT, progress)
    yield from whole_file_rules(normalise_batch(b, tables, SELECT) for b in batches)
