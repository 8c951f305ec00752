"""Composition root: settings -> charter -> (later) adapters, handlers and the bus."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from accord.config import Settings
from accord.rules.charter import Charter
from accord.rules.loading import bundled_charter_path, load_charter


def charter_folder(name_or_path: str) -> Path:
    """A bundled charter by name (``csto``, ``nato``), or any charter folder by path."""
    bundled = bundled_charter_path(name_or_path)
    return bundled if bundled.is_dir() else Path(name_or_path)


@cache
def _load(folder: Path) -> Charter:
    return load_charter(folder)


def configured_charter(settings: Settings, override: str | None = None) -> Charter:
    """The charter named on the command line, else the one in the settings (loaded once)."""
    return _load(charter_folder(override or settings.charter).resolve())
