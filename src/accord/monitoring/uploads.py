"""An uploaded event file: streamed to a temporary file with its SHA-256, never past the cap
(``limits.MAX_FILE_BYTES``), refused at once when its declared length is already over it."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path

from accord.kernel.errors import AccordError
from accord.monitoring.ingest.limits import MAX_FILE_BYTES, too_large

#: An ACLED export's header and one event: the smallest file the readers accept.
EXAMPLE = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp\n"
    "KAZ9001,2022-01-05,2022,1,Demonstrations,Riots,Violent demonstration,Rioters (Kazakhstan),"
    ",5,Police Forces of Kazakhstan (2019-),,1,15,,398,Central Asia,Kazakhstan,Almaty,,,Almaty,"
    "43.2567,76.9286,1,Example,National,An invented event for the documentation,0,,1641600000\n"
)
_FILE = {"schema": {"type": "string", "format": "binary"}, "example": EXAMPLE}
#: The request body of ``POST /monitor/ingest`` in the OpenAPI document: the file as exported.
UPLOAD = {
    "requestBody": {
        "required": True,
        "content": {
            "text/csv": _FILE,
            "text/tab-separated-values": _FILE,
            "application/octet-stream": _FILE,
        },
    }
}


class UploadTooLarge(AccordError):
    """An upload over the cap: the API's 413, nothing kept of it."""


async def save_upload(chunks: AsyncIterator[bytes], path: Path, declared: str | None) -> str:
    """Write the upload to ``path``; its SHA-256. ``declared`` is its Content-Length, if any."""
    if declared is not None and declared.strip().isdigit() and int(declared) > MAX_FILE_BYTES:
        raise UploadTooLarge(too_large(int(declared)))
    digest, size = hashlib.sha256(), 0
    with path.open("wb") as sink:
        async for chunk in chunks:
            size += len(chunk)
            if size > MAX_FILE_BYTES:
                raise UploadTooLarge(too_large())
            digest.update(chunk)
            sink.write(chunk)
    return digest.hexdigest()
