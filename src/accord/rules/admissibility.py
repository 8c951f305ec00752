"""Admissibility of a member's request: Art. 2 consultations or Art. 4 assistance."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from accord.rules import disputes as d
from accord.rules import parameters as p
from accord.rules.defence import defence_obligations
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling
from accord.rules.sources import Source
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
    #: A kind (state, non_state, unknown) or a named state (its alpha-3 code).
    aggressor: str = "unknown"
    threatened: tuple[str, ...] = ("security",)


@dataclass(frozen=True)
class Admissibility:
    """The role of the article a request rests on, and what the treaty then requires."""

    role: str
    obligations: tuple[str, ...] = ()
    #: The attacked party and the party named as aggressor (CST Art. 1), or none.
    parties_to_dispute: tuple[str, ...] = ()

    @staticmethod
    def of(ruling: Ruling) -> Admissibility | None:
        return ruling.answer if isinstance(ruling.answer, Admissibility) else None

    def details(self) -> Mapping[str, Any]:
        disputing = list(self.parties_to_dispute)
        return {
            "role": self.role,
            "obligations": list(self.obligations),
            "parties_to_dispute": disputing,
        }


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
    d.check_aggressor(request)
    parties = d.parties_to_dispute(rulebook, request)
    if role == CONSULTATIONS:
        obligations = _consultations(rulebook, request, because)
        if parties and not because.refused:
            obligations += d.apply_article_1(rulebook, parties, because)
            obligations += d.organization_role(rulebook, because)
    else:
        obligations = _collective_defence(rulebook, request, parties, because)
    kept = () if because.refused else tuple(obligations)
    return because.ruling(Admissibility(role, kept, parties))


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


def _collective_defence(
    rulebook: Rulebook, request: Request, parties: tuple[str, ...], because: Because
) -> list[str]:
    kinds = rulebook.parameter(p.AGGRESSOR_KINDS_OF_DEFENCE)
    cited = rulebook.source_of(p.AGGRESSOR_KINDS_OF_DEFENCE)
    if request.threat != "aggression":
        because.refuse(
            f"{request.article} answers aggression (an armed attack); a threat short "
            "of that calls for consultations instead",
            cited,
        )
        return []
    kind = d.aggressor_kind(request.aggressor)
    if kind not in kinds:
        because.refuse(
            f"on {rulebook.day} aggression means an attack by "
            f"{' or '.join(kinds)}; an attacker of kind '{kind}' "
            "does not count",
            cited,
        )
        return []
    article_1 = d.apply_article_1(rulebook, parties, because) if parties else []
    roles = request_roles(rulebook)
    instead = next((a for a, role in roles.items() if role == CONSULTATIONS), None)
    if parties and d.answered_by_consultations(rulebook, request, instead, because):
        return []
    return article_1 + _attack_on_party(rulebook, request, kind, cited, because)


def _attack_on_party(
    rulebook: Rulebook, request: Request, kind: str, cited: Source | None, because: Because
) -> list[str]:
    because.note(
        f"an armed attack by {kind.replace('_', '-')} actors counts as aggression on this date",
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
    return defence_obligations(rulebook, because)
