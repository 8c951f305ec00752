"""The journal's seal in a running Accord: its Merkle tree, checked at start against the
signed head kept outside the database, and a new signed head after the writer's commits.

Opened before anything is served: a journal that fails the check raises JournalUnsound,
naming its first bad entry. After the writer's commits the tree takes the new entries (its own
and any another process wrote, each chained onto the last) and the head is signed and written
(journal.signer: off the commit's path, one head for the groups committed meanwhile), after
the commit: a crash between leaves the head behind the journal (its tail is checked by its
chain at the next start), never ahead of it. The tree itself is built when
first needed (a commit, a proof), not at start: a start that finds the kept hashes needs none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading

from accord.journal.heads import KeptHashes, TreeHead
from accord.journal.keyring import Keyring
from accord.journal.model import GENESIS
from accord.journal.seal_files import SealFiles
from accord.journal.signer import Coalesced
from accord.journal.signing import SigningKey
from accord.journal.soundness import (
    JournalUnsound,
    check_against_head,
    check_whole_chain,
)
from accord.journal.stored import SnapshotJournal, StoredJournal
from accord.journal.tree import HASH_BYTES, JournalTree, split
from accord.journal.trusted import kept_hashes, keyring_of, signed_head
from accord.journal.verify import verify_rows

log = logging.getLogger(__name__)


class JournalSeal:
    def __init__(
        self, files: SealFiles, key: SigningKey, journal: StoredJournal, hashes: bytes
    ) -> None:
        self.files, self.key, self.journal = files, key, journal
        self._hashes = bytearray(hashes)
        self._digest = hashlib.sha256(hashes)  # of every hash so far: the kept file's, signed
        self._tree: JournalTree | None = None
        #: The latest head signed for this journal (by this process or another).
        self.head: TreeHead | None = None
        #: Why the journal stopped being trusted while running (a tail that does not chain).
        self.unsound: str | None = None
        self._lock = threading.RLock()
        self._signing = Coalesced(self.catch_up, "accord-journal-seal")

    @classmethod
    def opened(cls, files: SealFiles, key: SigningKey, journal: SnapshotJournal) -> JournalSeal:
        """The seal of ``journal``, checked: JournalUnsound if the journal fails the check."""
        with files.locked(), journal.snapshot() as view:
            keyring = keyring_of(files, key)
            signed = signed_head(files, keyring)
            if signed is None:
                # The first start since the seal came (or of a new database): nothing vouches
                # for the journal yet, so its whole chain is checked once, then signed.
                checked = check_whole_chain(view)
            else:
                checked = check_against_head(view, *signed, kept_hashes(files), keyring)
            seal = cls(files, key, journal, checked.hashes)
            seal.head = signed[0] if signed else None
            if signed is None and checked.hashes:
                log.warning(
                    "journal: no signed head for this database yet; its whole chain of %d "
                    "entries verifies, and is signed now",
                    seal.size,
                )
            if checked.kept_stale:
                files.write_hashes(checked.hashes)
            if signed is None:
                seal._sign(keyring)
            elif checked.kept_stale and keyring.current == key.public:
                seal._write(signed[0])  # the same head, with the kept hashes signed anew
        return seal

    @property
    def size(self) -> int:
        return len(self._hashes) // HASH_BYTES

    @property
    def tree(self) -> JournalTree:
        """The Merkle tree over every entry (built on first use)."""
        with self._lock:
            if self._tree is None:
                self._tree = JournalTree(split(bytes(self._hashes)))
            return self._tree

    def entry_hash(self, seq: int) -> str:
        return self._hashes[(seq - 1) * HASH_BYTES : seq * HASH_BYTES].hex()

    def keyring(self) -> Keyring:
        return keyring_of(self.files, self.key)

    def after_commit(self) -> None:
        """Called by the writer after each commit: the new head is signed in the background."""
        self._signing.notify()

    def close(self) -> None:
        """Sign whatever was committed last, and stop signing in the background."""
        self._signing.close()

    def catch_up(self) -> None:
        """Take the entries committed since (chained onto the last), then sign the new head."""
        with self._lock:
            if self.unsound is not None:
                return
            rows = list(self.journal.rows(after=self.size))
            if not rows:
                return
            previous = self.entry_hash(self.size) if self.size else GENESIS
            check = verify_rows(rows, previous_hash=previous, expected_seq=self.size + 1)
            if check.problems:
                self.unsound = str(JournalUnsound(*check.problems[0]))
                log.error("journal: %s; no head is signed from now on", self.unsound)
                return
            added = b"".join(check.hashes)
            self.tree.append_entries(check.hashes)
            self._hashes += added
            self._digest.update(added)
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
        """Sign this journal's head and write it, unless the file already vouches for as much
        (never moving it backwards); inside the files' lock."""
        if keyring.current != self.key.public:
            log.error("journal: key %s was rotated away; restart to sign", self.key.public.key_id)
            return
        on_file = self.files.head()
        vouches = on_file is not None and on_file.size >= self.size
        if (
            on_file is not None
            and vouches
            and not (replace_same_size and on_file.size == self.size)
        ):
            if on_file.size == self.size and keyring.verifies(on_file):
                self.head = on_file  # another process signed this very journal
            return
        now = dt.datetime.now(dt.UTC)
        self._write(TreeHead.signed(self.key, self.size, self.tree.root_hex(), now))

    def _write(self, head: TreeHead) -> None:
        end = head.size * HASH_BYTES
        digest = (
            self._digest.hexdigest()
            if end == len(self._hashes)
            else hashlib.sha256(self._hashes[:end]).hexdigest()
        )
        kept = KeptHashes.signed(self.key, head.size, head.root, digest)
        self.files.extend_hashes(bytes(self._hashes))
        self.files.write_head(head, kept)
        self.head = head
