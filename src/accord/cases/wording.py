"""The words of a request, checked before any rule is asked: each refusal names its field."""

from __future__ import annotations

from accord.cases import commands as cmd
from accord.kernel.errors import InvalidInput
from accord.kernel.ids import state_code
from accord.rules.disputes import aggressor_code
from accord.rules.vocabulary import THREAT_KINDS, THREAT_OBJECTS

CLASSIFICATIONS = ("public", "restricted", "confidential")


def check_request_words(command: cmd.FileRequest | cmd.PrepareRequest) -> None:
    if isinstance(command, cmd.FileRequest):
        _check_release(command)
    if command.threat not in THREAT_KINDS:
        raise InvalidInput("threat", f"must be one of {', '.join(sorted(THREAT_KINDS))}")
    aggressor_code(command.aggressor)
    unknown = set(command.threatened) - THREAT_OBJECTS
    if unknown:
        raise InvalidInput("threatened", f"unknown: {', '.join(sorted(unknown))}")
    named = [("where", command.where)]
    if isinstance(command, cmd.PrepareRequest):
        named.append(("for_state", command.for_state))
    for field, state in named:
        if state is not None:
            try:
                state_code(state)
            except ValueError as error:
                raise InvalidInput(field, str(error)) from None


def _check_release(command: cmd.FileRequest) -> None:
    if command.classification not in CLASSIFICATIONS:
        raise InvalidInput("classification", f"must be one of {', '.join(CLASSIFICATIONS)}")
    for state in command.releasable_to:
        try:
            state_code(state)
        except ValueError as error:
            raise InvalidInput("releasable_to", str(error)) from None
