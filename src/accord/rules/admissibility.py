"""Admissibility of a member's request: Art. 2 consultations or Art. 4 assistance."""

from __future__ import annotations

from dataclasses import dataclass

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


def request_roles(rulebook: Rulebook) -> dict[str, str]:
    """Which article of this charter plays which role, read from the data that cites it."""
    roles = {}
    for role, parameter in (
        (CONSULTATIONS, "consultations/threat_objects"),
        (COLLECTIVE_DEFENCE, "collective_defence/aggressor_kinds"),
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
    return because.ruling(role=role, obligations=obligations if not because.refused else [])


def _consultations(rulebook: Rulebook, request: Request, because: Because) -> list[str]:
    objects = rulebook.parameter("consultations/threat_objects")
    assert objects is not None, "request_roles found this parameter"
    recognised = [o for o in request.threatened if o in objects.value]
    if not recognised:
        because.refuse(
            f"on {rulebook.day} consultations answer a threat to "
            f"{', '.join(objects.value)}; {', '.join(request.threatened)} is not "
            "among them",
            objects.source,
        )
        return []
    because.note(
        f"a threat to {', '.join(recognised)} starts the joint consultations mechanism",
        objects.source,
    )
    requester = rulebook.parameter("consultations/requester")
    about_another_member = rulebook.is_member(request.where) and request.where != request.by
    if requester is not None and requester.value == "threatened_party" and about_another_member:
        because.refuse(
            f"only the threatened member may ask for consultations about its own "
            f"territory: {rulebook.name_of(request.where)} has not asked, and its "
            "internal affairs stay its own",
            requester.source,
        )
        return []
    obligations = [
        "the parties immediately put the joint consultations mechanism into action "
        "and coordinate their positions"
    ]
    if "stability" in objects.value:
        obligations.append(
            "they work out and take measures to help the threatened party remove the threat"
        )
    return obligations


def _collective_defence(rulebook: Rulebook, request: Request, because: Because) -> list[str]:
    kinds = rulebook.parameter("collective_defence/aggressor_kinds")
    assert kinds is not None, "request_roles found this parameter"
    if request.threat != "aggression":
        because.refuse(
            f"{request.article} answers aggression (an armed attack); a threat short "
            "of that calls for consultations instead",
            kinds.source,
        )
        return []
    if request.aggressor not in kinds.value:
        because.refuse(
            f"on {rulebook.day} aggression means an attack by "
            f"{' or '.join(kinds.value)}; an attacker of kind '{request.aggressor}' "
            "does not count",
            kinds.source,
        )
        return []
    because.note(
        f"an armed attack by {request.aggressor.replace('_', '-')} actors counts as "
        "aggression on this date",
        kinds.source,
    )
    if not rulebook.is_member(request.where):
        because.refuse(
            f"aggression against a party is an attack on its territory; "
            f"{request.where} is not a member's territory on {rulebook.day}",
            kinds.source,
        )
        return []
    on_request = rulebook.parameter("collective_defence/on_request_of_attacked_party")
    if on_request is not None and on_request.value and request.by != request.where:
        because.refuse(
            f"assistance is given only at the request of the attacked party "
            f"({rulebook.name_of(request.where)}), not of another member",
            on_request.source,
        )
        return []
    if on_request is not None and on_request.value:
        because.note("the attacked party itself asks, as the treaty requires", on_request.source)
    return _defence_obligations(rulebook, because)


def _defence_obligations(rulebook: Rulebook, because: Because) -> list[str]:
    obligations = ["aggression against one party is aggression against all parties"]
    assistance = rulebook.parameter("collective_defence/assistance")
    if assistance is not None:
        means = ", ".join(v.replace("_", " ") for v in assistance.value)
        obligations.append(f"the other parties give the necessary assistance ({means})")
        because.note(f"assistance: {means}", assistance.source)
    body = rulebook.parameter("collective_defence/deciding_body")
    if body is not None:
        obligations.append(f"the {body.value} decides on the use of forces")
        because.note(f"the {body.value} decides on the use of forces", body.source)
    report = rulebook.parameter("collective_defence/report_to_un_security_council")
    if report is not None and report.value:
        obligations.append("the measures are reported to the UN Security Council at once")
        because.note("measures are reported to the UN Security Council immediately", report.source)
    return obligations
