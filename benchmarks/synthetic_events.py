"""Synthetic event data for the monitoring benchmark: normalised events, and a GDELT day file.

``write_events(path, n)`` writes ``n`` events (default 10,000,000) in the normalised schema
(every column ``EVENT_COLUMNS`` names when it runs) to Parquet, one million rows per row group,
so memory stays at one chunk. It is seeded and vectorised with numpy; the distributions follow
what real conflict-event data looks like, because a query's speed depends on skew and nulls:

* countries: 36 ISO3 codes with a Zipf weight ``1 / rank**1.1`` (RUS, UKR, AFG, SYR, ...): in
  GDELT and ACLED a handful of countries carry most of the coverage, with a long tail;
* dates: 2020-2024, five days a week at full news volume and weekends at 75%, rising 30% over
  the five years as coverage grows, plus ten crisis weeks of real crises (Nagorno-Karabakh
  2020, Kabul 2021, Kazakhstan and Ukraine 2022, the Kyrgyz-Tajik border, ...) in which that
  country's rate is 10-50x its usual one: indicators exist to catch exactly such bursts;
* categories: ``other`` (verbal and diplomatic events, GDELT's bulk) and ``unrest`` most
  common, ``mercenaries`` rare; in crisis weeks the mix shifts towards armed clashes;
* sources: GDELT for 60-75% of rows, ACLED and, for violent categories, UCDP for the rest;
  as the readers do, GDELT rows have no fatalities (NULL) and ACLED/UCDP rows no Goldstein;
* fatalities: zero for most counted events, else a discrete Pareto (Lomax, shape 1.3) tail
  up to 10,000, as war and terrorism casualty sizes follow a power law (Richardson; Clauset,
  Young & Gleditsch 2007);
* Goldstein: one decimal in [-10, 10], a Beta law per category: violent ones near -10,
  unrest mildly negative, ``other`` mildly positive (CAMEO's cooperative verbs);
* ``near_iso3`` (if the schema has it): for 2% of located events in a country beside a member
  (15% of violent ones), that member, as ``geography.nearest_border`` would find; else NULL.
  Any other column the schema gains and this module does not know is all NULL.

``write_gdelt_day(path, rows)`` writes a GDELT 2.0 export day file of ``rows`` rows (61 tab-
separated columns, no header) by resampling the real rows of ``../shared/data/gdelt``: real
rows give a realistic mix of empty fields, field lengths and codes. Each row gets a new
GLOBALEVENTID, the day's SQLDATE (5% of rows one of the 30 days before, as GDELT re-reports
older events) and a DATEADDED in the day's 15-minute updates; only rows whose country is in
``fips_iso3.csv`` (or empty) and whose CAMEO code ``taxonomy.csv`` classifies are used.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from accord.monitoring.model import EVENT_COLUMNS
from accord.monitoring.reference import classify_by_prefix, fips_to_iso3, taxonomy
from accord.monitoring.store import SCHEMA

CHUNK_ROWS = 1_000_000
SHARED_GDELT = Path(__file__).resolve().parents[2] / "shared" / "data" / "gdelt"
FIRST_DAY, DAYS = dt.date(2020, 1, 1), 1827
#: ISO3 by rank of coverage, with a rough centre (lat, lon) for coordinates.
COUNTRIES = {
    "RUS": (56, 38), "UKR": (49, 32), "AFG": (34, 66), "SYR": (35, 38), "IRQ": (33, 44),
    "USA": (38, -97), "ISR": (31, 35), "PSE": (32, 35), "IND": (22, 79), "PAK": (30, 70),
    "IRN": (32, 53), "TUR": (39, 35), "CHN": (35, 104), "GBR": (54, -2), "FRA": (46, 2),
    "ARM": (40, 45), "AZE": (40, 48), "GEO": (42, 44), "KAZ": (48, 68), "BLR": (53, 28),
    "KGZ": (41, 75), "TJK": (39, 71), "UZB": (41, 64), "TKM": (39, 59), "MDA": (47, 29),
    "DEU": (51, 10), "POL": (52, 19), "YEM": (15, 48), "SDN": (15, 30), "SOM": (5, 46),
    "NGA": (9, 8), "MLI": (17, -4), "LBY": (27, 17), "EGY": (26, 30), "LBN": (34, 36),
    "MMR": (21, 96),
}  # fmt: skip
#: The member state across the nearest border, for countries beside one (or members).
NEAR_MEMBER = {
    "UKR": "RUS", "GEO": "RUS", "KAZ": "RUS", "BLR": "RUS", "AZE": "ARM", "TUR": "ARM",
    "IRN": "ARM", "AFG": "TJK", "KGZ": "TJK", "UZB": "KGZ", "TJK": "KGZ", "TKM": "KAZ",
    "CHN": "KAZ", "POL": "BLR",
}  # fmt: skip
#: (Monday of the crisis week, country, how many times its usual rate).
CRISES = [
    ("2020-09-28", "ARM", 30), ("2020-09-28", "AZE", 30), ("2021-08-16", "AFG", 40),
    ("2022-01-03", "KAZ", 50), ("2022-02-21", "UKR", 25), ("2022-09-12", "KGZ", 15),
    ("2022-09-12", "TJK", 15), ("2022-09-12", "ARM", 20), ("2023-10-09", "ISR", 20),
    ("2024-03-18", "RUS", 10),
]  # fmt: skip
CATEGORIES = {  # usual share, share in a crisis week, Beta(a, b) of Goldstein on [-10, 10]
    "other": (0.38, 0.20, (4.0, 3.0)),
    "unrest": (0.30, 0.20, (2.5, 5.0)),
    "armed_clash": (0.12, 0.35, (1.3, 6.0)),
    "terrorism": (0.06, 0.10, (1.3, 6.0)),
    "border_incident": (0.05, 0.10, (1.5, 5.0)),
    "drug_trafficking": (0.04, 0.01, (2.0, 4.0)),
    "illegal_migration": (0.04, 0.01, (2.0, 4.0)),
    "mercenaries": (0.01, 0.03, (1.3, 6.0)),
}
VIOLENT = ("armed_clash", "terrorism", "border_incident", "mercenaries")
ACTORS = ["POLICE", "PROTESTER", "MILITARY / REBEL", "GOVERNMENT / OPPOSITION", "MILITANT"]


def cell_weights() -> tuple[np.ndarray, np.ndarray]:
    """Probability of each (country, day) cell, flattened, and which cells are in a crisis."""
    ranks = np.arange(1, len(COUNTRIES) + 1)
    days = np.arange(DAYS)
    weekday = (np.array([FIRST_DAY.weekday()]) + days) % 7
    daily = np.where(weekday >= 5, 0.75, 1.0) * (1 + 0.3 * days / DAYS)
    weights = np.outer(1 / ranks**1.1, daily)
    crisis = np.zeros_like(weights, dtype=bool)
    codes = list(COUNTRIES)
    for monday, country, factor in CRISES:
        first = (dt.date.fromisoformat(monday) - FIRST_DAY).days
        weights[codes.index(country), first : first + 7] *= factor
        crisis[codes.index(country), first : first + 7] = True
    return (weights / weights.sum()).ravel(), crisis.ravel()


def events_chunk(rng: np.random.Generator, first_id: int, n: int) -> pa.Table:
    """``n`` events numbered from ``first_id``, one array per column of ``EVENT_COLUMNS``."""
    p, in_crisis = cell_weights()
    cells = rng.choice(p.size, size=n, p=p)
    country, day = np.divmod(cells, DAYS)
    crisis = in_crisis[cells]
    names = list(CATEGORIES)
    usual, during, beta = (np.array(v) for v in zip(*CATEGORIES.values(), strict=True))
    category = np.where(
        crisis, rng.choice(len(names), n, p=during), rng.choice(len(names), n, p=usual)
    )
    violent = np.isin(category, [names.index(c) for c in VIOLENT])
    draw = rng.random(n)
    source = np.where(draw < np.where(violent, 0.60, 0.75), 0, np.where(draw < 0.85, 1, 2))
    source = np.where(~violent & (source == 2), 1, source)  # UCDP records lethal violence only
    goldstein = np.round(-10 + 20 * rng.beta(beta[category, 0], beta[category, 1]), 1)
    lethal = rng.random(n) < np.where(violent, 0.45, 0.03)
    fatalities = np.where(lethal, np.minimum(np.floor(rng.pareto(1.3, n) * 2) + 1, 10_000), 0)
    centre = np.array(list(COUNTRIES.values()), dtype=float)[country]
    located = rng.random(n) >= 0.02  # GDELT leaves a few events without coordinates
    isos = pa.array(list(COUNTRIES)).take(pa.array(country))
    columns = {
        "event_id": pc.binary_join_element_wise(
            pa.array(["gdelt", "acled", "ucdp"]).take(pa.array(source)),
            pc.cast(pa.array(np.arange(first_id, first_id + n)), pa.string()),
            ":",
        ),
        "source": pa.array(["gdelt", "acled", "ucdp"]).take(pa.array(source)),
        "date": pa.array(np.datetime64(FIRST_DAY, "D") + day, pa.date32()),
        "country_iso3": isos,
        "admin1": _admin1(rng, isos, n),
        "lat": pa.array(np.clip(centre[:, 0] + rng.normal(0, 2, n), -90, 90), mask=~located),
        "lon": pa.array(np.clip(centre[:, 1] + rng.normal(0, 3, n), -180, 180), mask=~located),
        "category": pa.array(names).take(pa.array(category)),
        "subcategory": _subcategories(rng, names, category),
        "actors": pa.array([*ACTORS, None]).take(pa.array(rng.zipf(1.6, n).clip(max=6) - 1)),
        "fatalities": pa.array(fatalities.astype(np.int64), mask=source == 0),
        "goldstein": pa.array(goldstein, mask=source != 0),
        "source_url": pc.if_else(
            pa.array(source == 0),  # only GDELT records the article an event came from
            pc.binary_join_element_wise(
                "https://news.example.org/", pc.cast(pa.array(cells), pa.string()), ""
            ),
            pa.scalar(None, pa.string()),
        ),
        "near_iso3": _near(rng, isos, violent, located),
    }
    schema = SCHEMA.to_pyarrow()
    return pa.table(
        [columns.get(name, pa.nulls(n)).cast(schema.field(name).type) for name in EVENT_COLUMNS],
        schema=schema,
    )


def _admin1(rng: np.random.Generator, isos: pa.Array, n: int) -> pa.Array:
    number = pc.utf8_lpad(pc.cast(pa.array(rng.zipf(1.5, n) % 40), pa.string()), 2, "0")
    admin1 = pc.binary_join_element_wise(isos, number, "")
    return pc.if_else(pa.array(rng.random(n) < 0.1), pa.scalar(None, pa.string()), admin1)


def _subcategories(rng: np.random.Generator, names: list[str], category: np.ndarray) -> pa.Array:
    """A subcategory the taxonomy gives the category (its name, where the taxonomy has none)."""
    found = taxonomy("gdelt", "EventCode").values()
    per = {name: sorted({m.subcategory for m in found if m.category == name}) for name in names}
    per = {name: subs or [name] for name, subs in per.items()}
    flat = [sub for name in names for sub in per[name]]
    counts = np.array([len(per[name]) for name in names])
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
    pick = offsets[category] + (rng.random(category.size) * counts[category]).astype(np.int64)
    return pa.array(flat).take(pa.array(pick))


def _near(
    rng: np.random.Generator, isos: pa.Array, violent: np.ndarray, located: np.ndarray
) -> pa.Array:
    """The member across a nearby border: for a few located events, more often violent ones."""
    member = pc.fill_null(pc.index_in(isos, pa.array(list(NEAR_MEMBER))), len(NEAR_MEMBER))
    near = pa.array([*NEAR_MEMBER.values(), None]).take(member)  # None: no member beside it
    chosen = located & (rng.random(located.size) < np.where(violent, 0.15, 0.02))
    return pc.if_else(pa.array(chosen), near, pa.scalar(None, pa.string()))


def write_events(path: Path, n: int = 10_000_000, seed: int = 20_220_105) -> Path:
    """Write ``n`` synthetic events to the Parquet file ``path``, chunk by chunk."""
    schema = SCHEMA.to_pyarrow()
    with pq.ParquetWriter(path, schema) as writer:
        for first in range(0, n, CHUNK_ROWS):
            rng = np.random.default_rng([seed, first])
            writer.write_table(events_chunk(rng, first, min(CHUNK_ROWS, n - first)))
    return path


def real_gdelt_rows() -> list[list[str]]:
    """The rows of the shared real GDELT files whose country and CAMEO code Accord knows."""
    fips = fips_to_iso3()
    rows = []
    for file in sorted(SHARED_GDELT.glob("*.export.CSV")):
        for line in file.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            known = fields[53] == "" or fields[53] in fips
            if known and classify_by_prefix("gdelt", "EventCode", fields[26]) is not None:
                rows.append(fields)
    return rows


def write_gdelt_day(
    path: Path, rows: int = 200_000, day: dt.date = dt.date(2024, 6, 3), seed: int = 61
) -> Path:
    """Write a GDELT 2.0 export file for ``day`` of ``rows`` rows resampled from real ones."""
    rng = np.random.default_rng(seed)
    real = real_gdelt_rows()
    picks = rng.integers(len(real), size=rows)
    back = np.where(rng.random(rows) < 0.05, rng.integers(1, 31, rows), 0)
    added = np.sort(rng.integers(96, size=rows)) * 15  # minutes: the 15-minute updates
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for i in range(rows):
            when = day - dt.timedelta(days=int(back[i]))
            fraction = f"{when.year + (when.timetuple().tm_yday - 1) / 365:.4f}"
            stamp = f"{day:%Y%m%d}{added[i] // 60:02d}{added[i] % 60:02d}00"
            head = [str(1_100_000_000 + i), f"{when:%Y%m%d}", f"{when:%Y%m}", str(when.year)]
            fields = real[picks[i]]
            out.write("\t".join([*head, fraction, *fields[5:59], stamp, fields[60]]) + "\n")
    return path
