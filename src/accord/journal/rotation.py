"""Key rotation: a new signing key, the retiring one kept (public half only) in the keyring
with the size at which it retired, and the rotation announced, signed by the retiring key.

Step by step, so that an interruption never leaves a head signed by a key the keyring does
not name: the new key is written beside the old (``<key_file>.next``, mode 0600), then the
keyring, then the new key replaces the old, then the head is signed again with it.
"""

from __future__ import annotations

import os
from pathlib import Path

from accord.journal.keyring import Rotation
from accord.journal.seal import JournalSeal
from accord.journal.signing import SigningKey
from accord.journal.trusted import keyring_of


def rotate_key(seal: JournalSeal, key_file: Path) -> Rotation:
    """Retire the seal's key at the journal's present size for a new one; the announcement."""
    files = seal.files
    with files.locked():
        keyring = keyring_of(files, seal.key)
        new = SigningKey.generate()
        rotated = keyring.rotated(seal.key, new, seal.size, seal.tree.root_hex())
        staged = key_file.with_name(f"{key_file.name}.next")
        staged.unlink(missing_ok=True)
        new.write(staged)
        files.write_keyring(rotated)
        os.replace(staged, key_file)
        seal.rekeyed(new, rotated)
    announcement = rotated.periods[-2].rotation
    assert announcement is not None
    return announcement
