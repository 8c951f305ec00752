import os
import stat

import pytest

from accord.journal.signing import KeyFileError, PublicKey, SigningKey


def test_a_key_is_created_owner_only_and_read_back_the_same(tmp_path):
    path = tmp_path / "keys" / "journal.key"
    key = SigningKey.load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = SigningKey.load_or_create(path)
    assert again.public == key.public
    signature = key.sign(b"size=3 root=ab")
    assert again.public.verifies(b"size=3 root=ab", signature)
    assert not again.public.verifies(b"size=4 root=ab", signature)


def test_a_signature_is_checked_with_the_public_key_alone(tmp_path):
    key = SigningKey.generate()
    public = PublicKey.from_text(key.public.to_text())
    assert public.verifies(b"data", key.sign(b"data"))
    assert not public.verifies(b"data", SigningKey.generate().sign(b"data"))
    assert not public.verifies(b"data", "not hex")
    assert len(public.key_id) == 16


def test_a_key_others_may_read_is_refused_naming_the_file_and_its_mode(tmp_path):
    path = tmp_path / "journal.key"
    SigningKey.load_or_create(path)
    os.chmod(path, 0o644)
    with pytest.raises(KeyFileError, match=r"journal.key: mode 0644 lets others read"):
        SigningKey.load_or_create(path)


def test_a_file_that_is_no_key_is_refused_without_a_traceback(tmp_path):
    path = tmp_path / "journal.key"
    path.write_text("not a key")
    os.chmod(path, 0o600)
    with pytest.raises(KeyFileError, match="not a readable private key"):
        SigningKey.load_or_create(path)
