"""Settings read the ACCORD_ variables beneath what the code gives them, and name a bad one."""

import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from accord.config import Settings


@pytest.fixture
def environment(monkeypatch):
    for name in [name for name in os.environ if name.upper().startswith("ACCORD_")]:
        monkeypatch.delenv(name)
    return monkeypatch


def test_each_setting_is_read_from_its_variable(environment, tmp_path):
    environment.setenv("ACCORD_DATABASE_URL", "sqlite:///elsewhere.db")
    environment.setenv("ACCORD_MAX_BATCH", "8")
    environment.setenv("ACCORD_KEY_FILE", str(tmp_path / "key"))
    settings = Settings()
    assert settings.database_url == "sqlite:///elsewhere.db"
    assert settings.max_batch == 8
    assert settings.key_file == tmp_path / "key"
    assert isinstance(settings.key_file, Path)


def test_a_value_given_in_code_wins_over_the_environment(environment):
    environment.setenv("ACCORD_DATABASE_URL", "sqlite:///from-the-environment.db")
    environment.setenv("ACCORD_CHARTER", "nato")
    settings = Settings(database_url="sqlite:///given.db")
    assert settings.database_url == "sqlite:///given.db"
    assert settings.charter == "nato"


def test_names_are_matched_whatever_their_case(environment):
    environment.setenv("accord_Snapshot_Every", "5")
    assert Settings().snapshot_every == 5


def test_an_unknown_accord_variable_is_left_alone(environment):
    environment.setenv("ACCORD_NOT_A_SETTING", "anything")
    assert Settings().charter == "csto"


def test_a_bad_value_is_refused_naming_the_setting_and_its_bound(environment):
    environment.setenv("ACCORD_MAX_BATCH", "0")
    with pytest.raises(ValidationError) as refused:
        Settings()
    (error,) = refused.value.errors()
    assert error["loc"] == ("max_batch",)
    assert "greater than or equal to 1" in error["msg"]


def test_a_setting_misnamed_in_code_is_refused(environment):
    with pytest.raises(ValidationError) as refused:
        Settings(databse_url="sqlite:///typo.db")  # type: ignore[call-arg]
    assert refused.value.errors()[0]["loc"] == ("databse_url",)


def test_settings_cannot_change_once_made(environment):
    settings = Settings()
    with pytest.raises(ValidationError):
        settings.charter = "nato"  # type: ignore[misc]
