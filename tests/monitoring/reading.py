"""Reading a whole event file in tests: all batches' events, bad rows and rows read."""

from pathlib import Path

#: The real event files lie in ../shared/data beside the repository, as in CI.
SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def read_all(reader, path: Path):
    events, bad, read = [], [], 0
    for table, rows, count in reader(path):
        events.append(table)
        bad += rows
        read += count
    return events, bad, read


# Named, not globbed, so a missing file fails the tests instead of leaving nothing to run.
GDELT_DAYS = [
    SHARED_DATA / "gdelt" / "20201113.export.CSV",
    SHARED_DATA / "gdelt" / "20201114.export.CSV",
]
