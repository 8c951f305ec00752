"""Composition root: settings -> charter -> world, database, unit of work, handlers, bus."""

from __future__ import annotations

import logging
from functools import partial

from sqlalchemy import Engine

from accord.adapters.commit_watch import CommitWatch
from accord.adapters.db import default_database_url, make_engine
from accord.adapters.local_state import key_path, state_folder
from accord.adapters.migrate import upgrade
from accord.adapters.storage_guard import StorageGuard
from accord.config import Settings
from accord.contexts import assembly, empty_world, storages
from accord.identity.token_cache import TokenCache
from accord.journal import repository as journal_repository
from accord.journal.repository import SqlJournal
from accord.journal.seal import JournalSeal
from accord.journal.seal_files import SealFiles
from accord.journal.signing import KeyFileError, SigningKey
from accord.journal.soundness import JournalUnsound
from accord.journal.store import Journal
from accord.kernel.messages import Command
from accord.kernel.time import SystemClock
from accord.rules.charter import Charter
from accord.rules.configured import configured_charter
from accord.service.bus import MessageBus
from accord.service.runtime import Accord
from accord.service.sql_unit_of_work import SqlUnitOfWork
from accord.service.unit_of_work import InMemoryUnitOfWork, UnitOfWork
from accord.service.writer import Writer
from accord.snapshots.binding import binding_for
from accord.snapshots.keeper import SnapshotKeeper
from accord.snapshots.store import SnapshotStore, snapshot_folder

log = logging.getLogger(__name__)


def command_types() -> dict[str, type[Command]]:
    """Every command Accord handles, by its name."""
    return assembly().commands


def build_bus(uow: UnitOfWork) -> MessageBus:
    """Every context's command handlers, policies and roles on one bus."""
    return MessageBus(uow, assembly())


def in_memory_bus(charter: Charter, journal: Journal | None = None) -> MessageBus:
    """A fresh Accord in memory on ``charter``: the scenario runner's and the tests' bus."""
    return build_bus(InMemoryUnitOfWork(empty_world(charter), journal))


def database_engine(settings: Settings) -> Engine:
    """The configured database (a SQLite file by default), its schema brought up to date."""
    engine = make_engine(settings.database_url or default_database_url())
    upgrade(engine)
    return engine


def sql_unit_of_work(
    engine: Engine, charter: Charter, snapshots: SnapshotStore | None = None
) -> SqlUnitOfWork:
    """The database unit of work, each context writing its own tables; durable or refused.
    Its read model starts from the newest usable snapshot, if any: only the tail is replayed."""
    projectors = [storage.project for storage in storages() if storage.project is not None]
    start = None
    if snapshots is not None:
        with engine.connect() as connection:
            at = partial(journal_repository.hash_at, connection)
            found = snapshots.newest_usable(empty_world(charter), at)
        start = None if found is None else (found.world, found.seq, found.hash)
    return SqlUnitOfWork(engine, empty_world(charter), projectors, StorageGuard(engine), start)


def snapshot_store(settings: Settings, engine: Engine, charter: Charter) -> SnapshotStore | None:
    """The database's read-model snapshots, signed with the server's key; None if they are
    turned off (snapshot_every 0) or the key cannot be used (a warning says why)."""
    if settings.snapshot_every == 0:
        return None
    try:
        key = SigningKey.load_or_create(key_path(settings))
    except KeyFileError as error:
        log.warning("read-model snapshots off: %s", error)
        return None
    folder = snapshot_folder(state_folder(settings, engine))
    return SnapshotStore(folder, key, binding_for(charter))


def seal_files(settings: Settings, engine: Engine) -> SealFiles:
    """Where this database's signed journal head is kept, outside it."""
    return SealFiles(state_folder(settings, engine))


def open_seal(settings: Settings, engine: Engine) -> JournalSeal:
    """The journal's seal, once the journal passed its check (JournalUnsound otherwise)."""
    key = SigningKey.load_or_create(key_path(settings))
    return JournalSeal.opened(seal_files(settings, engine), key, SqlJournal(engine))


def sql_accord(
    settings: Settings, engine: Engine | None = None, *, read_only_if_unsound: bool = False
) -> Accord:
    """A running Accord on the configured database: the API's and the demo's. Its journal is
    checked first: JournalUnsound if it fails, or, with ``read_only_if_unsound``, an Accord
    that serves it read-only and says why."""
    engine = engine or database_engine(settings)
    seal, unsound = None, None
    try:
        seal = open_seal(settings, engine)
    except JournalUnsound as error:
        if not read_only_if_unsound:
            engine.dispose()
            raise
        unsound = str(error)
    charter = configured_charter(settings)
    # A journal that failed its check is replayed whole, and no snapshot is made of it.
    snapshots = snapshot_store(settings, engine, charter) if unsound is None else None
    uow = sql_unit_of_work(engine, charter, snapshots)
    bus = build_bus(uow)
    keeper = None
    if snapshots is not None:
        keeper = SnapshotKeeper(snapshots, settings.snapshot_every, uow.started_from)
        keeper.published(uow.world, uow.journal.seq, uow.journal.last_hash)  # a long tail
    writer = Writer(
        bus,
        settings.max_batch,
        seal.after_commit if seal else None,
        keeper.published if keeper else None,
    )
    tokens, watch = TokenCache(engine), CommitWatch(engine)
    return Accord(
        settings, engine, uow, bus, writer, SystemClock(), tokens, watch, keeper, seal, unsound
    )
