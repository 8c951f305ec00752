import os
from pathlib import Path

import pytest

from accord.kernel.errors import CharterError
from accord.rules.loading import load_charter
from accord.rules.yamlfiles import MAX_YAML_BYTES


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refusal(folder: Path) -> CharterError:
    with pytest.raises(CharterError) as caught:
        load_charter(folder)
    return caught.value


def test_the_bundled_charters_load(csto, nato):
    assert csto.id == "csto"
    assert len(csto.states) == 9
    assert nato.id == "nato"
    assert len(nato.states) == 32


def test_a_value_without_a_source_is_refused_naming_the_file_and_key(nato_copy: Path):
    file = nato_copy / "parameters/membership/withdrawal_notice_months.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text[: text.index("    source:")], encoding="utf-8")
    error = refusal(nato_copy)
    assert error.file == "parameters/membership/withdrawal_notice_months.yaml"
    assert "source" in error.key
    assert "required" in error.problem.lower()


def test_a_source_naming_an_unknown_reference_is_refused(nato_copy: Path):
    rewrite(nato_copy / "members/FIN.yaml", "refs: [", "refs: [SRC-NOWHERE, ")
    error = refusal(nato_copy)
    assert error.file == "members/FIN.yaml"
    assert "SRC-NOWHERE" in error.problem


def test_an_unknown_article_id_is_refused(nato_copy: Path):
    rewrite(
        nato_copy / "parameters/consultations/requester.yaml", "article: NAT-4", "article: NAT-44"
    )
    error = refusal(nato_copy)
    assert error.file == "parameters/consultations/requester.yaml"
    assert error.key.endswith("source.article")
    assert "NAT-44" in error.problem


def test_an_unknown_body_is_refused(nato_copy: Path):
    rewrite(
        nato_copy / "parameters/membership/admission_body.yaml", "value: NAC", "value: POLITBURO"
    )
    error = refusal(nato_copy)
    assert "unknown body 'POLITBURO'" in error.problem


def test_overlapping_status_periods_are_refused(nato_copy: Path):
    file = nato_copy / "members/USA.yaml"
    rewrite(file, "to: 1949-08-24", "to: 1950-01-01")
    error = refusal(nato_copy)
    assert error.file == "members/USA.yaml"
    assert "overlap" in error.problem


def test_a_history_that_contradicts_itself_is_refused(nato_copy: Path):
    rewrite(nato_copy / "members/USA.yaml", "status: signatory", "status: suspended")
    error = refusal(nato_copy)
    assert "contradicts itself" in error.problem
    assert "suspended" in error.problem


def test_a_duplicated_key_is_refused_not_overwritten(nato_copy: Path):
    file = nato_copy / "charter.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "id: other\n", encoding="utf-8")
    error = refusal(nato_copy)
    assert error.file == "charter.yaml"
    assert "duplicate key 'id'" in error.problem


def test_an_unknown_key_is_refused(nato_copy: Path):
    file = nato_copy / "instruments/nat-1949.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "ratified_by_all: true\n", encoding="utf-8")
    error = refusal(nato_copy)
    assert error.key == "ratified_by_all"
    assert "not permitted" in error.problem


def test_an_unknown_confidence_word_is_refused(nato_copy: Path):
    rewrite(nato_copy / "members/FIN.yaml", "confidence: unverified", "confidence: certain")
    error = refusal(nato_copy)
    assert error.key.endswith("confidence")


def test_an_unknown_parameter_is_refused(nato_copy: Path):
    source = nato_copy / "parameters/voting/restricted_format.yaml"
    (nato_copy / "parameters/voting/majority_voting.yaml").write_text(
        source.read_text(encoding="utf-8"), encoding="utf-8"
    )
    error = refusal(nato_copy)
    assert "unknown parameter 'voting/majority_voting'" in error.problem


def test_a_value_of_the_wrong_type_is_refused(nato_copy: Path):
    rewrite(
        nato_copy / "parameters/membership/withdrawal_notice_months.yaml",
        "value: 12",
        "value: twelve",
    )
    error = refusal(nato_copy)
    assert "whole number of months" in error.problem


def test_a_date_range_that_ends_before_it_starts_is_refused(nato_copy: Path):
    rewrite(nato_copy / "members/USA.yaml", "to: 1949-08-24", "to: 1949-01-01")
    assert "ends before it starts" in refusal(nato_copy).problem


def test_a_folder_without_charter_yaml_is_refused(tmp_path: Path):
    assert "charter.yaml" in str(refusal(tmp_path))


def test_invalid_yaml_names_the_file(nato_copy: Path):
    (nato_copy / "members/FIN.yaml").write_text("code: [FIN\n", encoding="utf-8")
    error = refusal(nato_copy)
    assert error.file == "members/FIN.yaml"
    assert "not valid YAML" in error.problem


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(nato_copy: Path):
    with (nato_copy / "members/FIN.yaml").open("wb") as sparse:
        sparse.truncate(MAX_YAML_BYTES + 1)
    error = refusal(nato_copy)
    assert (error.file, error.problem) == (
        "members/FIN.yaml",
        f"{MAX_YAML_BYTES + 1:,} bytes, more than the {MAX_YAML_BYTES:,} allowed",
    )


def test_an_alias_bomb_is_refused_before_it_is_built(nato_copy: Path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n"
        for p, n in zip("abcdefg", "bcdefgh", strict=True)
    )
    (nato_copy / "members/FIN.yaml").write_text(bomb, encoding="utf-8")
    assert "more than 100,000 values once its aliases are expanded" in refusal(nato_copy).problem


def test_a_pipe_among_the_files_is_refused_without_waiting_for_a_writer(nato_copy: Path):
    (nato_copy / "members/FIN.yaml").unlink()
    os.mkfifo(nato_copy / "members/FIN.yaml")
    assert refusal(nato_copy).problem == "not a regular file (a device, a pipe, a folder)"


def test_sources_that_are_a_list_are_refused_naming_the_file(nato_copy: Path):
    (nato_copy / "sources.yaml").write_text("- SRC-1\n- SRC-2\n", encoding="utf-8")
    error = refusal(nato_copy)
    assert (error.file, error.problem) == (
        "sources.yaml",
        "a mapping of reference keys to references",
    )


def test_a_list_where_the_parameter_takes_one_word_is_refused(nato_copy: Path):
    rewrite(nato_copy / "parameters/consultations/requester.yaml", "value: any_party", "value: [a]")
    error = refusal(nato_copy)
    assert error.file == "parameters/consultations/requester.yaml"
    assert "one of ['any_party', 'threatened_party']" in error.problem
