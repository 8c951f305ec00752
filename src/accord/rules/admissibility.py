"""Admissibility of a member's request: Art. 2 consultations or Art. 4 assistance."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from accord.rules import parameters as p
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling
from accord.rules.standing import require_member

CONSULTATIONS = "consultations"
COLLECTIVE_DEFENCE = "collective_defence"


@dataclass(frozen=True)
class Request:
    """A member's request, as filed: which article, about what, where, by whom."""

    by: str
    article: str
    where: str
    threat: str = "threat"
    aggressor: str = "unknown"
    threatened: tuple[str, ...] = ("security",)


@dataclass(frozen=True)
class Admissibility:
    """The role of the article a request rests on, and what the treaty then requires."""

    role: str
    obligations: tuple[str, ...] = ()

    @staticmethod
    def of(ruling: Ruling) -> Admissibility | None:
        return ruling.answer if isinstance(ruling.answer, Admissibility) else None

    def details(self) -> Mapping[str, Any]:
        return {"role": self.role, "obligations": list(self.obligations)}


def request_roles(rulebook: Rulebook) -> dict[str, str]:
    """Which article of this charter plays which role, read from the data that cites it."""
    roles = {}
    for role, parameter in (
        (CONSULTATIONS, p.THREAT_OBJECTS_OF_CONSULTATIONS),
        (COLLECTIVE_DEFENCE, p.AGGRESSOR_KINDS_OF_DEFENCE),
    ):
        source = rulebook.source_of(parameter)
        if source is not None and source.article is not None:
            roles[source.article] = role
    return roles


def rule_on_request(rulebook: Rulebook, request: Request) -> Ruling:
    """May this request be filed on this day, and what does the treaty then require?"""
    because = Because("request", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling()
    roles = request_roles(rulebook)
    role = roles.get(request.article)
    if role is None:
        known = ", ".join(f"{article} ({name})" for article, name in sorted(roles.items()))
        because.refuse(
            f"{request.article} is not an article under which a request is filed on "
            f"{rulebook.day}; the charter's are: {known or 'none'}"
        )
        return because.ruling()
    if not require_member(rulebook, request.by, because, "file a request"):
        return because.ruling(role=role)
    if role == CONSULTATIONS:
        obligations = _consultations(rulebook, request, because)
    else:
        obligations = _collective_defence(rulebook, request, because)
    return because.ruling(Admissibility(role, () if because.refused else tuple(obligations)))


def _consultations(rulebook: Rulebook, request: Request, because: Because) -> list[str]:
    objects = rulebook.parameter(p.THREAT_OBJECTS_OF_CONSULTATIONS)
    cited = rulebook.source_of(p.THREAT_OBJECTS_OF_CONSULTATIONS)
    recognised = [o for o in request.threatened if o in objects]
    if not recognised:
        because.refuse(
            f"on {rulebook.day} consultations answer a threat to "
            f"{', '.join(objects)}; {', '.join(request.threatened)} is not "
            "among them",
            cited,
        )
        return []
    because.note(
        f"a threat to {', '.join(recognised)} starts the joint consultations mechanism", cited
    )
    about_another_member = rulebook.is_member(request.where) and request.where != request.by
    requester = p.REQUESTER_OF_CONSULTATIONS
    if rulebook.parameter(requester) == "threatened_party" and about_another_member:
        because.refuse(
            f"only the threatened member may ask for consultations about its own "
            f"territory: {rulebook.name_of(request.where)} has not asked, and its "
            "internal affairs stay its own",
            rulebook.source_of(requester),
        )
        return []
    obligations = [
        "the parties immediately put the joint consultations mechanism into action "
        "and coordinate their positions"
    ]
    if "stability" in objects:
        obligations.append(
            "they work out and take measures to help the threatened party remove the threat"
        )
    return obligations


def _collective_defence(rulebook: Rulebook, request: Request, because: Because) -> list[str]:
    kinds = rulebook.parameter(p.AGGRESSOR_KINDS_OF_DEFENCE)
    cited = rulebook.source_of(p.AGGRESSOR_KINDS_OF_DEFENCE)
    if request.threat != "aggression":
        because.refuse(
            f"{request.article} answers aggression (an armed attack); a threat short "
            "of that calls for consultations instead",
            cited,
        )
        return []
    if request.aggressor not in kinds:
        because.refuse(
            f"on {rulebook.day} aggression means an attack by "
            f"{' or '.join(kinds)}; an attacker of kind '{request.aggressor}' "
            "does not count",
            cited,
        )
        return []
    because.note(
        f"an armed attack by {request.aggressor.replace('_', '-')} actors counts as "
        "aggression on this date",
        cited,
    )
    if not rulebook.is_member(request.where):
        because.refuse(
            f"aggression against a party is an attack on its territory; "
            f"{request.where} is not a member's territory on {rulebook.day}",
            cited,
        )
        return []
    on_request = rulebook.source_of(p.ON_REQUEST_OF_ATTACKED_PARTY)
    if not rulebook.parameter(p.ON_REQUEST_OF_ATTACKED_PARTY) and request.by != request.where:
        because.note("the text names no requester, so another party may ask", on_request)
    if rulebook.parameter(p.ON_REQUEST_OF_ATTACKED_PARTY):
        if request.by != request.where:
            because.refuse(
                f"assistance is given only at the request of the attacked party "
                f"({rulebook.name_of(request.where)}), not of another member",
                on_request,
            )
            return []
        because.note("the attacked party itself asks, as the treaty requires", on_request)
    return _defence_obligations(rulebook, because)


def _defence_obligations(rulebook: Rulebook, because: Because) -> list[str]:
    obligations = ["aggression against one party is aggression against all parties"]
    assistance = rulebook.parameter(p.ASSISTANCE)
    if assistance:
        means = ", ".join(v.replace("_", " ") for v in assistance)
        obligations.append(f"the other parties give the necessary assistance ({means})")
        because.note(f"assistance: {means}", rulebook.source_of(p.ASSISTANCE))
    body = rulebook.parameter(p.DECIDING_BODY)
    if body is not None:
        obligations.append(f"the {body} decides on the use of forces")
        because.note(
            f"the {body} decides on the use of forces", rulebook.source_of(p.DECIDING_BODY)
        )
    if rulebook.parameter(p.REPORT_TO_UN_SECURITY_COUNCIL):
        obligations.append("the measures are reported to the UN Security Council at once")
        because.note(
            "measures are reported to the UN Security Council immediately",
            rulebook.source_of(p.REPORT_TO_UN_SECURITY_COUNCIL),
        )
    return obligations
