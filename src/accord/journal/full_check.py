"""The full verification of a stored journal: every entry's content, chain and columns, and the
whole against its signed head (signature, size, root, the hashes the seal kept) and against
``journal_head``. What `accord journal verify` and GET /journal/verification report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from accord.journal.keyring import Keyring
from accord.journal.seal_files import SealFileError, SealFiles
from accord.journal.signing import KeyFileError, SigningKey
from accord.journal.soundness import head_problems, head_row_problems, kept_vouched_for
from accord.journal.stored import StoredJournal
from accord.journal.verify import Verification, verify_rows


def verify_journal(
    journal: StoredJournal,
    files: SealFiles,
    key_file: Path,
    progress: Callable[[int], None] | None = None,
) -> Verification:
    """Every problem found, the first bad entry's first; the head's signature is checked with
    the database's keyring, or the public half of ``key_file`` before any rotation."""
    problems: list[tuple[int, str]] = []
    try:
        signed, kept_hashes = files.signed(), files.hashes()
        keyring = (files.keyring() or _key_alone(key_file)) if signed is not None else None
    except (SealFileError, KeyFileError) as error:
        signed, kept_hashes, keyring = None, b"", None
        problems.append((0, str(error)))
    if signed is not None and (keyring is None or not keyring.verifies(signed[0])):
        problems.append((0, f"{files.head_path}: its signature does not verify"))
    head_row = journal.head_row()
    check = verify_rows(journal.rows(), progress)
    problems.extend(check.problems)
    hashes = b"".join(check.hashes)
    if signed is not None:
        head, kept = signed
        vouched = keyring is not None and kept_vouched_for(kept, head, kept_hashes, keyring)
        problems.extend(head_problems(hashes, head, kept_hashes, vouched))
    problems.extend(head_row_problems(head_row, hashes))
    problems.sort(key=lambda problem: problem[0])
    first_bad = next((seq for seq, _ in problems if seq > 0), None)
    return Verification(len(check.hashes), tuple(text for _, text in problems), first_bad)


def _key_alone(key_file: Path) -> Keyring:
    return Keyring.of(SigningKey.load(key_file).public)
