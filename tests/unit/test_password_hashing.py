"""Password hashing: strong by default, a weaker cost refused unless asked for by name."""

import pytest
from pydantic import ValidationError

from accord.config import PasswordCost, Settings
from accord.identity.secrets import Passwords, passwords


def test_the_default_is_rfc_9106s_low_memory_argon2id(monkeypatch):
    monkeypatch.delenv("ACCORD_PASSWORD_HASH", raising=False)
    settings = Settings()
    assert settings.password_cost() == PasswordCost(time_cost=3, memory_kib=65536, parallelism=4)
    assert passwords(settings).hash("a pass phrase").startswith("$argon2id$v=19$m=65536,t=3,p=4$")


@pytest.mark.parametrize(
    ("field", "value"),
    [("password_time_cost", 1), ("password_memory_kib", 1024), ("password_parallelism", 0)],
)
def test_a_cost_under_the_floor_is_refused_naming_the_setting(monkeypatch, field, value):
    monkeypatch.delenv("ACCORD_PASSWORD_HASH", raising=False)
    monkeypatch.setenv(f"ACCORD_{field.upper()}", str(value))
    with pytest.raises(ValidationError) as refused:
        Settings()
    (error,) = refused.value.errors()
    assert error["loc"] == (field,)


def test_the_refusal_says_how_tests_may_ask_for_a_cheap_cost():
    with pytest.raises(ValidationError, match="ACCORD_PASSWORD_HASH=fast allows it"):
        Settings(password_hash="strong", password_memory_kib=1024)


def test_fast_hashing_allows_a_cheap_cost_and_defaults_to_the_cheapest():
    assert Settings(password_hash="fast").password_cost() == PasswordCost(1, 8, 1)
    cheap = Settings(password_hash="fast", password_memory_kib=1024)
    assert cheap.password_cost() == PasswordCost(1, 1024, 1)


def test_argon2s_memory_for_every_lane_is_checked_when_the_settings_load():
    with pytest.raises(ValidationError, match="password_memory_kib: 8 is under 8 KiB for each"):
        Settings(password_hash="fast", password_parallelism=4)


def test_an_unknown_hashing_mode_is_refused_naming_the_setting():
    with pytest.raises(ValidationError) as refused:
        Settings(password_hash="quick")  # type: ignore[arg-type]
    assert refused.value.errors()[0]["loc"] == ("password_hash",)


def test_a_hash_made_at_another_cost_still_matches():
    older = Passwords(PasswordCost(time_cost=2, memory_kib=19456, parallelism=1)).hash("phrase")
    current = Passwords(PasswordCost(1, 8, 1))
    assert current.matches(older, "phrase")
    assert not current.matches(older, "another phrase")
    assert not current.matches("not a hash", "phrase")
