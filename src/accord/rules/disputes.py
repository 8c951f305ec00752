"""Disputes between parties (CST Art. 1): a request whose named aggressor is itself a party.

``aggressor`` is a kind (state, non_state, unknown) or a named state; a named state that is a
party on the day makes the request a dispute between parties, which Art. 1 answers: force is
renounced among the parties and their disputes settled by peaceful means.
"""

from __future__ import annotations

from typing import Protocol

from accord.kernel.errors import InvalidInput
from accord.rules import parameters as p
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because
from accord.rules.states import known_state
from accord.rules.vocabulary import AGGRESSOR_KINDS

#: Statuses of a state bound by the Treaty: a suspended member is still a party to it.
PARTY_STATUSES = frozenset({"member", "suspended"})


class Filed(Protocol):
    @property
    def by(self) -> str: ...
    @property
    def where(self) -> str: ...
    @property
    def aggressor(self) -> str: ...


def aggressor_code(value: str) -> str:
    """The aggressor as given: a kind, or a state's ISO 3166-1 alpha-3 code in capitals."""
    if value in AGGRESSOR_KINDS:
        return value
    try:
        return known_state(value)
    except ValueError:
        raise InvalidInput(
            "aggressor",
            f"must be one of {', '.join(sorted(AGGRESSOR_KINDS))} or a state's ISO 3166-1 "
            f"alpha-3 code, not {value!r}",
        ) from None


def aggressor_kind(aggressor: str) -> str:
    """A named aggressor is a state."""
    return aggressor if aggressor in AGGRESSOR_KINDS else "state"


def named_party(rulebook: Rulebook, request: Filed) -> str | None:
    """The named aggressor, when it is a party to the Treaty on the day."""
    named = None if request.aggressor in AGGRESSOR_KINDS else request.aggressor
    return named if named is not None and _is_party(rulebook, named) else None


def parties_to_dispute(rulebook: Rulebook, request: Filed) -> tuple[str, ...]:
    """The attacked party and the party it names as aggressor, or none."""
    named = named_party(rulebook, request)
    if named is None:
        return ()
    attacked = request.where if _is_party(rulebook, request.where) else request.by
    return tuple(sorted({attacked, named}))


def check_aggressor(request: Filed) -> None:
    """A state is not the aggressor on its own territory, nor does it accuse itself."""
    if request.aggressor in (request.by, request.where):
        raise InvalidInput(
            "aggressor",
            f"{request.aggressor} is the requester or the state attacked; name another state, "
            f"or a kind ({', '.join(sorted(AGGRESSOR_KINDS))})",
        )


def apply_article_1(rulebook: Rulebook, parties: tuple[str, ...], because: Because) -> list[str]:
    """Note that the request is a dispute between parties, and what Art. 1 requires of them."""
    names = " and ".join(rulebook.name_of(code) for code in parties)
    source = rulebook.source_of(p.PEACEFUL_SETTLEMENT)
    because.note(
        f"a dispute between parties ({names}), both bound by the Treaty on {rulebook.day}: "
        "not aggression from outside",
        source,
    )
    if not rulebook.parameter(p.PEACEFUL_SETTLEMENT):
        return []
    because.note(
        "the parties renounce the threat or use of force among themselves and settle their "
        "disputes by peaceful means",
        source,
    )
    return [f"{names} renounce the use of force between them and settle the dispute peacefully"]


def answered_by_consultations(
    rulebook: Rulebook, request: Filed, instead: str | None, because: Because
) -> bool:
    """Refuse collective defence against a party, where the charter answers it otherwise."""
    if rulebook.parameter(p.DISPUTES_ANSWERED_BY) != "consultations":
        return False
    because.refuse(
        f"{rulebook.name_of(request.aggressor)} is a party on {rulebook.day}: collective "
        "defence of all the parties cannot be against one of them; a dispute between parties "
        "is answered by consultations and peaceful settlement: ask under "
        f"{instead or 'the consultations article'} instead",
        rulebook.source_of(p.DISPUTES_ANSWERED_BY),
    )
    return True


def organization_role(rulebook: Rulebook, because: Because) -> list[str]:
    """What the Organization does in a dispute between parties, as far as the charter says."""
    source = rulebook.source_of(p.DISPUTES_ANSWERED_BY)
    if rulebook.parameter(p.DISPUTES_ANSWERED_BY) != "consultations":
        return []
    because.note(
        "the other parties help settle the dispute through the joint consultations; the "
        "Treaty as read says nothing more of what the Organization must do",
        source,
    )
    return ["the other parties seek a peaceful settlement through the joint consultations"]


def _is_party(rulebook: Rulebook, code: str) -> bool:
    return rulebook.status_name(code) in PARTY_STATUSES
