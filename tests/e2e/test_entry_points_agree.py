"""Every command, sent by every role through the API and through the CLI, on a record the
caller may see, one released to KAZ alone, and one that does not exist: both entry points give
the same answer (201 / exit 0 applied, 422 with a ruling / 1 refused by the rules, 422 naming
fields / 2 bad input, 403 / 3 not permitted, 404 / 4 not found) with the same message, and a
record hidden from the caller answers exactly as a missing one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.bootstrap import command_types
from tests.e2e.test_permission_matrix import BY_KEY, COMMANDS, Endpoint
from tests.e2e.twin_worlds import (
    APPLIED_,
    BAD_INPUT_,
    FORBIDDEN_,
    NOT_FOUND_,
    REFUSED_,
    Answer,
    Twins,
    variants,
)

#: Each role; KAZ may see the confidential case; ARM may not, but reads the CSC draft about it
#: (a participant of the decision); AZE, a delegation of no member, reads neither.
CALLERS = (
    "admin",
    "secretariat",
    "joint_staff",
    "analyst",
    "observer_liaison",
    "KAZ",
    "ARM",
    "AZE",
)
#: The callers neither the confidential case nor its draft and session are released to.
UNSEEING = ("joint_staff", "analyst", "observer_liaison", "AZE")
RULED = ("command", "allowed", "reasons", "articles", "created")
WITH_RECORDS = [e for e in COMMANDS if len(variants(e)) > 1]


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Twins]:
    folder: Path = tmp_path_factory.mktemp("agree")
    twins = Twins(folder)
    yield twins
    twins.close()


def test_the_matrix_sends_every_command_accord_handles():
    assert sorted(e.access for e in COMMANDS) == sorted(command_types())


def test_the_answer_classes_tell_the_five_outcomes_apart():
    assert len({APPLIED_, REFUSED_, FORBIDDEN_, NOT_FOUND_, "bad input"}) == 5


def assert_same(api: Answer, cli: Answer) -> None:
    assert api.kind == cli.kind, f"API: {api}\nCLI: {cli}"
    if api.ruling is not None and cli.ruling is not None:
        assert {k: api.ruling[k] for k in RULED} == {k: cli.ruling[k] for k in RULED}
    else:
        assert api.message, api
        assert api.message in cli.message, f"API: {api}\nCLI: {cli}"


MATRIX = [
    pytest.param(endpoint, variant, caller, id=f"{endpoint.access} {variant} as {caller}")
    for endpoint in COMMANDS
    for variant in variants(endpoint)
    for caller in CALLERS
]


@pytest.mark.parametrize(("endpoint", "variant", "caller"), MATRIX)
def test_the_api_and_the_cli_give_the_same_answer(twins, endpoint, variant, caller):
    api = twins.by_api(caller, endpoint, variant)
    cli = twins.by_cli(caller, endpoint, variant)
    assert_same(api, cli)
    if variant == "missing" or (variant == "hidden" and caller in UNSEEING):
        assert api.kind == NOT_FOUND_


def as_missing(answer: Answer, twins: Twins) -> Answer:
    """The answer with the hidden records' ids written as the missing ones'."""
    message = answer.message
    for name, hidden in twins.hidden_ids().items():
        message = message.replace(repr(hidden), repr(twins.ids_for("missing")[name]))
    return Answer(answer.kind, message, answer.ruling)


@pytest.mark.parametrize("caller", UNSEEING)
@pytest.mark.parametrize("endpoint", WITH_RECORDS, ids=lambda e: e.access)
def test_a_hidden_record_answers_like_a_missing_one_on_the_api_and_the_cli(twins, endpoint, caller):
    for side in (twins.by_api, twins.by_cli):
        hidden = as_missing(side(caller, endpoint, "hidden"), twins)
        assert hidden == side(caller, endpoint, "missing")
        assert hidden.kind == NOT_FOUND_


def test_a_position_on_a_hidden_draft_names_the_draft_not_its_case(twins):
    (endpoint,) = [e for e in COMMANDS if e.access == "state_position"]
    cli = twins.by_cli("AZE", endpoint, "hidden")
    assert cli.message == f"error: draft {twins.ids['secret_draft_id']!r} does not exist"
    assert twins.ids["secret_case_id"] not in cli.message


def test_closing_a_hidden_case_on_the_cli_says_neither_who_filed_it_nor_that_it_exists(twins):
    (endpoint,) = [e for e in COMMANDS if e.access == "close_case"]
    cli = twins.by_cli("ARM", endpoint, "hidden")
    assert cli == Answer(NOT_FOUND_, f"error: case {twins.ids['secret_case_id']!r} does not exist")
    assert "KAZ" not in cli.message


VIEWS = ("/cases/{case_id}", "/sessions/{session_id}", "/drafts/{draft_id}",
         "/cases/{case_id}/force-proposal")  # fmt: skip


@pytest.mark.parametrize("caller", UNSEEING)
@pytest.mark.parametrize("path", VIEWS)
def test_a_hidden_record_reads_like_a_missing_one(twins, path, caller):
    hidden = twins.api.get(caller, path.format(**twins.ids_for("hidden")))
    missing = twins.api.get(caller, path.format(**twins.ids_for("missing")))
    assert (hidden.status_code, missing.status_code) == (404, 404)
    answer = Answer(NOT_FOUND_, hidden.json()["detail"])
    assert as_missing(answer, twins).message == missing.json()["detail"]


#: Bodies past a bound, each on a command's route, with the caller that may send it: the API
#: and `accord send` refuse each as bad input (422 / exit 2) with the same message, and
#: nothing is written on either side.
OUT_OF_BOUNDS = [
    ("POST /units", "KAZ", {"unit": "a company", "strength": 2**63}),
    ("POST /units", "KAZ", {"unit": "", "strength": 120}),
    ("POST /units", "KAZ", {"unit": "a company", "strength": 120, "readiness_days": 10**12}),
    ("POST /units", "KAZ", {"unit": "a company", "strength": 120, "available_from": "9999-12-31"}),
    ("POST /cases", "KAZ", {"article": "CST-2", "where": "KAZ", "summary": "un\x00rest"}),
    ("POST /cases", "KAZ", {"article": "CST-2", "where": "KAZ", "releasable_to": ["XXX"]}),
    ("POST /cases", "KAZ", {"article": "CST-2", "where": "KAZ", "releasable_to": ["ARM", "ARM"]}),
    ("POST /cases", "KAZ", {"article": "CST-2", "where": "XXX"}),
    ("POST /cases/{case_id}/deployments", "joint_staff", {"contingents": {"KAZ": 10**9}}),
    ("POST /operation-stages/{stage_id}/results", "KAZ", {"state": "KAZ", "detentions": -1}),
    ("POST /exercise-plans/{plan_id}/adoption", "joint_staff", {"decision": "d" * 101}),
    (
        "POST /operation-stages/{stage_id}/results",
        "KAZ",
        {"state": "KAZ", "seizures": {"heroin": 1e300}},
    ),
]


@pytest.mark.parametrize(("key", "caller", "body"), OUT_OF_BOUNDS, ids=lambda v: str(v)[:40])
def test_input_past_a_bound_is_bad_input_with_one_message_on_the_api_and_the_cli(
    twins, key, caller, body
):
    valid = BY_KEY[key]
    endpoint = Endpoint(valid.method, valid.path, valid.access, body, valid.params)
    before = twins.api.get("admin", "/journal", limit=1000).json()
    api = twins.by_api(caller, endpoint, "visible")
    cli = twins.by_cli(caller, endpoint, "visible")
    assert (api.kind, cli.kind) == (BAD_INPUT_, BAD_INPUT_), f"API: {api}\nCLI: {cli}"
    assert api.message in cli.message, f"API: {api}\nCLI: {cli}"
    assert twins.api.get("admin", "/journal", limit=1000).json() == before
