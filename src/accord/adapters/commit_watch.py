"""Has anyone committed since I last looked? The check a server makes before serving a read.

Other processes (``accord send``, the CLIs) write the same database; the server's read model
must show their commits to the very next request, not after its own next command.

SQLite: ``PRAGMA data_version`` on one dedicated connection. It changes whenever another
connection (of any process, this one included) has committed, and reading it touches only the
shared-memory index of the WAL: no query, no table. PostgreSQL: the journal head's seq (one row
by primary key) on one dedicated autocommit connection; it moves with every journal entry, and
only journal entries change the read model. Either way the caller is told the head seq.
Polling, not LISTEN/NOTIFY: a notification arrives
asynchronously, so a read right after a commit could still miss it.
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Callable

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from accord.adapters.storage_guard import sqlite_file
from accord.journal import repository as journal
from accord.journal.tables import journal_head

# Straight through the sqlite3 connection: a pooled SQLAlchemy connection costs ten times it.
_SQLITE_HEAD = f"SELECT seq FROM {journal_head.name} WHERE id = 1"


class CommitWatch:
    """``sync(refresh)`` calls ``refresh(head)`` if anything was committed since the last sync,
    with the journal's head seq as committed then."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        # Readers in order of arrival, and the last arrival the latest look covered.
        self._tickets = itertools.count(1)
        self._looked_for = 0
        #: How many times it has looked at the database (a round trip each on PostgreSQL).
        self.looks = 0
        path = sqlite_file(engine)
        self._sqlite = sqlite3.connect(path, check_same_thread=False) if path else None
        if self._sqlite is not None:
            self._sqlite.isolation_level = None  # autocommit: never hold a read transaction
        self._connection: Connection | None = None
        self._in_memory = path is None and engine.url.get_backend_name() == "sqlite"
        self._seen = self._mark()

    def sync(self, refresh: Callable[[int], None]) -> None:
        """Run ``refresh`` when something was committed since the last sync, and only then.

        It is given the journal's head seq, read on the watch's own connection: SQLite's data
        version moves with any commit (the writer's own included, through its connection), so
        the caller compares the head with what it has before doing anything dear.

        The mark is taken before ``refresh`` and kept only after it returns, all under the
        lock: a concurrent reader waits for the catch-up instead of seeing "nothing moved"
        while the read model is still behind.
        """
        arrived = next(self._tickets)
        with self._lock:
            # A look that began after this reader arrived saw every commit made before: the
            # readers that waited for it need no look of their own (one round trip for all).
            if self._looked_for >= arrived:
                return
            covering = next(self._tickets)
            mark = self._mark()
            if mark != self._seen:
                refresh(self._head() if self._sqlite is not None else mark)
                self._seen = mark
            self._looked_for = covering

    def close(self) -> None:
        with self._lock:
            if self._sqlite is not None:
                self._sqlite.close()
            if self._connection is not None:
                self._connection.close()

    def _mark(self) -> int:
        self.looks += 1
        if self._sqlite is not None:
            return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])
        if self._in_memory:
            return 0  # an in-memory database has no other writer
        try:
            return self._head_seq()
        except DBAPIError:
            # The dedicated connection died (server restarted, backend terminated): once more
            # on a fresh one; a second failure is the caller's.
            if self._connection is not None:
                self._connection.invalidate()
                self._connection = None
            return self._head_seq()

    def _head(self) -> int:
        assert self._sqlite is not None, "only SQLite's mark is not the head itself"
        row = self._sqlite.execute(_SQLITE_HEAD).fetchone()
        return int(row[0]) if row else 0

    def _head_seq(self) -> int:
        if self._connection is None:
            self._connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        return journal.head_seq(self._connection)
