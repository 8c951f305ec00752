"""The server's own files outside the database: its signing key, and per database the latest
signed journal head and the read-model snapshots (a copy of the database alone cannot forge
or cut them)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine

from accord.config import Settings


def _data_folder() -> Path:
    return Path(user_data_dir("accord", appauthor=False))


def key_path(settings: Settings) -> Path:
    return settings.key_file or _data_folder() / "journal-signing.key"


def state_folder(settings: Settings, engine: Engine) -> Path:
    """This database's folder (created, owner only): named by its URL, password hidden."""
    url = engine.url.render_as_string(hide_password=True)
    name = hashlib.sha256(url.encode()).hexdigest()[:16]
    folder = (settings.state_dir or _data_folder() / "state") / name
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder
