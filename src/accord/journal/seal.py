"""The journal's seal in a running Accord: its Merkle tree, checked at start against the
signed head kept outside the database, and a new signed head after each commit.

Opened before anything is served: a journal that fails the check raises JournalUnsound,
naming its first bad entry. After each of the writer's commits the tree takes the new entries
(its own and any another process wrote, each chained onto the last) and the head is signed and
written, after the commit: a crash between leaves the head behind the journal (its tail is
checked by its chain at the next start), never ahead of it.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import Any

from accord.journal.heads import TreeHead
from accord.journal.keyring import Keyring
from accord.journal.seal_files import SealFileError, SealFiles
from accord.journal.signing import SigningKey
from accord.journal.soundness import (
    Checked,
    JournalUnsound,
    check_against_head,
    check_whole_chain,
)
from accord.journal.stored import SnapshotJournal, StoredJournal
from accord.journal.tree import JournalTree
from accord.journal.verify import verify_rows

log = logging.getLogger(__name__)


class JournalSeal:
    def __init__(
        self,
        files: SealFiles,
        key: SigningKey,
        journal: StoredJournal,
        checked: Checked,
        head: TreeHead | None,
    ) -> None:
        self.files, self.key, self.journal = files, key, journal
        self.tree: JournalTree = checked.tree
        self._hashes = checked.hashes
        #: The latest head signed for this tree (by this process or another).
        self.head = head
        #: Why the journal stopped being trusted while running (a tail that does not chain).
        self.unsound: str | None = None
        self._lock = threading.Lock()

    @classmethod
    def opened(cls, files: SealFiles, key: SigningKey, journal: SnapshotJournal) -> JournalSeal:
        """The seal of ``journal``, checked: JournalUnsound if the journal fails the check."""
        with files.locked(), journal.snapshot() as view:
            keyring = keyring_of(files, key)
            head = _signed_head(files, keyring)
            if head is None:
                # The first start since the seal came (or of a new database): nothing vouches
                # for the journal yet, so its whole chain is checked once, then signed.
                checked = check_whole_chain(view)
            else:
                checked = check_against_head(view, head, files.hashes())
            seal = cls(files, key, journal, checked, head)
            if checked.kept_hashes_stale:
                files.write_hashes(checked.hashes)
            if head is None and checked.hashes:
                log.warning(
                    "journal: no signed head for this database yet; its whole chain of %d "
                    "entries verifies, and is signed now",
                    len(checked.hashes),
                )
            if head is None:
                seal._sign(keyring)
        return seal

    @property
    def size(self) -> int:
        return int(self.tree.get_size())

    def entry_hash(self, seq: int) -> str:
        return self._hashes[seq - 1].hex()

    def keyring(self) -> Keyring:
        return keyring_of(self.files, self.key)

    def after_commit(self) -> None:
        """Take the entries committed since (chained onto the last), then sign the new head."""
        with self._lock:
            if self.unsound is not None:
                return
            previous = self._hashes[-1].hex() if self._hashes else None
            rows = list(self.journal.rows(after=self.size))
            if not rows:
                return
            check = verify_rows(rows, **_after(previous, self.size))
            if check.problems:
                self.unsound = str(JournalUnsound(*check.problems[0]))
                log.error("journal: %s; no head is signed from now on", self.unsound)
                return
            self._hashes.extend(check.hashes)
            self.tree.append_entries(check.hashes)
            with self.files.locked():
                self._sign(keyring_of(self.files, self.key))

    def rekeyed(self, key: SigningKey, keyring: Keyring) -> TreeHead:
        """This journal's head signed with ``key``, the current one of ``keyring`` (a rotation),
        written even though the head on file vouches for as much; inside the files' lock."""
        self.key = key
        self._sign(keyring, replace_same_size=True)
        assert self.head is not None
        return self.head

    def _sign(self, keyring: Keyring, replace_same_size: bool = False) -> None:
        """Sign this tree's head and write it, unless the file already vouches for as much
        (never moving it backwards); inside the files' lock."""
        if keyring.current != self.key.public:
            log.error("journal: key %s was rotated away; restart to sign", self.key.public.key_id)
            return
        on_file = self.files.head()
        if replace_same_size and on_file is not None and on_file.size == self.size:
            on_file = None
        if on_file is not None and on_file.size >= self.size:
            if on_file.size == self.size and keyring.verifies(on_file):
                self.head = on_file  # another process signed this very journal
            return
        head = TreeHead.signed(self.key, self.size, self.tree.root_hex(), dt.datetime.now(dt.UTC))
        self.files.extend_hashes(self.files.hashes_kept(), self._hashes)
        self.files.write_head(head)
        self.head = head


def keyring_of(files: SealFiles, key: SigningKey) -> Keyring:
    """The database's keyring: the one on file (after a rotation), else the key alone."""
    try:
        keyring = files.keyring()
    except SealFileError as error:
        raise JournalUnsound(None, str(error)) from None
    if keyring is None:
        return Keyring.of(key.public)
    if keyring.current != key.public:
        raise JournalUnsound(
            None,
            f"the key file holds key {key.public.key_id}, but {files.keys_path} names "
            f"{keyring.current.key_id} as this database's signing key: replace a key with "
            "`accord journal rotate-key`, never by hand (a rotation cut short leaves the new "
            "key beside the key file, as <key file>.next: move it over the key file)",
        )
    return keyring


def _signed_head(files: SealFiles, keyring: Keyring) -> TreeHead | None:
    try:
        head = files.head()
    except SealFileError as error:
        raise JournalUnsound(None, str(error)) from None
    if head is not None and not keyring.verifies(head):
        raise JournalUnsound(
            None,
            f"{files.head_path}: its signature does not verify with key {head.key_id} at size "
            f"{head.size} (keys: {', '.join(p.public.key_id for p in keyring.periods)})",
        )
    return head


def _after(previous: str | None, size: int) -> dict[str, Any]:
    return {"expected_seq": size + 1} | ({"previous_hash": previous} if previous else {})
