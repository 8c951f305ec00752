"""The charter a command or a server runs on: named in the settings or on the command line,
loaded once per process. Here rather than in the composition root, so that a command that only
reads the treaty (`accord treaty check`, `accord members`) loads no database library."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from accord.config import Settings
    from accord.rules.charter import Charter


def charter_folder(name_or_path: str) -> Path:
    """A bundled charter by name (``csto``, ``nato``), or any charter folder by path."""
    from accord.rules.loading import bundled_charter_path

    bundled = bundled_charter_path(name_or_path)
    return bundled if bundled.is_dir() else Path(name_or_path)


@cache
def _load(folder: Path) -> Charter:
    from accord.rules.loading import load_charter

    return load_charter(folder)


def configured_charter(settings: Settings, override: str | None = None) -> Charter:
    """The charter named on the command line, else the one in the settings (loaded once;
    its validation library too, at the first call)."""
    return _load(charter_folder(override or settings.charter).resolve())
