"""What an event file may be, whoever brings it (the API, the CLI, the demo): the caps, the
rules that stop a file early, and the one error that names the rule a file breaks.

The caps (issue 12): a GDELT day file is 30–60 MB and its longest real line under 4 KiB, so
256 MiB takes several days at once and a line of 1 MiB is no row of any of the three formats.
Every field is bounded too, and a file stops at its first line (GDELT) or its header (UCDP,
ACLED) when that line is not its format's, or at too many bad rows: nothing of it is added.
"""

from __future__ import annotations

import stat
import unicodedata
from pathlib import Path

from accord.kernel.errors import InvalidInput

#: The largest event file, for uploads and for the CLI alike.
MAX_FILE_BYTES = 256 * 1024 * 1024
#: The longest line: bytes in a GDELT file, characters in a CSV file.
MAX_LINE = 1024 * 1024
#: The longest field: a longer one makes its row bad (UCDP's longest real field is ~2,000).
MAX_FIELD_CHARS = 32_768
#: The longest name an ingest records for its file (a file system's NAME_MAX).
MAX_NAME_CHARS = 255
#: Line and paragraph separators, beside the C* categories (control, format, unassigned…).
_UNSEEN = ("Zl", "Zp")
#: More bad rows than this and the file is not a usable file of its format.
MAX_BAD_ROWS = 10_000


class EventFileRefused(InvalidInput):
    """A file that breaks a cap or is not what its format says: nothing of it is added."""

    def __init__(self, rule: str) -> None:
        super().__init__("file", rule)


def regular_file_size(path: Path) -> int:
    """The size of ``path``, a regular file within the cap; a device (``/dev/zero``), a pipe
    or a folder is refused before a byte of it is read."""
    try:
        info = path.stat()
    except OSError as error:
        raise EventFileRefused(f"cannot be read: {error.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise EventFileRefused(
            "not a regular file: a device, a pipe or a folder is never an event file"
        )
    if info.st_size > MAX_FILE_BYTES:
        raise EventFileRefused(too_large(info.st_size))
    return info.st_size


def too_large(size: int | None = None) -> str:
    what = f"{size:,} bytes" if size is not None else "the file"
    return (
        f"{what}: larger than the {MAX_FILE_BYTES >> 20} MiB ({MAX_FILE_BYTES:,} bytes) an "
        "event file may have; split it"
    )


def long_line(number: int, unit: str) -> EventFileRefused:
    return EventFileRefused(f"line {number} is longer than the {MAX_LINE:,} {unit} a line may have")


def too_many_bad_rows(line: int) -> EventFileRefused:
    return EventFileRefused(
        f"more than {MAX_BAD_ROWS:,} bad rows (the last read at line {line}): "
        "not a usable file of this format"
    )


def long_field() -> str:
    return f"a field longer than {MAX_FIELD_CHARS:,} characters"


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be the name the journal records for a file, or None: a plain file
    name, bounded, without a path, and without a character that would not show (a control or
    format character could hide what the journal shows, or end its line)."""
    if not name.strip():
        return "a file name is required (not empty, not only spaces)"
    if len(name) > MAX_NAME_CHARS:
        return f"at most {MAX_NAME_CHARS} characters, not {len(name):,}"
    if name in (".", ".."):
        return f"{name!r} names a folder, not a file"
    if "/" in name or "\\" in name:
        return "a plain file name, without a path (no / or \\)"
    for place, char in enumerate(name, 1):
        if unicodedata.category(char) in _UNSEEN or unicodedata.category(char)[0] == "C":
            return f"no control or invisible character (U+{ord(char):04X} at {place})"
    return None
