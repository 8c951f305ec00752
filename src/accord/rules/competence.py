"""Which body decides what, and on what conditions (a host's request, a UN mandate)."""

from __future__ import annotations

from dataclasses import dataclass

from accord.rules import parameters as p
from accord.rules.charter import Power
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling


@dataclass(frozen=True)
class Proposal:
    """A decision a body is asked to take: its kind, where, about whom, at whose request."""

    body: str
    kind: str
    where: str | None = None
    subject: str | None = None
    requested_by: tuple[str, ...] = ()
    #: The UN Security Council resolution mandating it, by its reference.
    un_mandate: str | None = None


def bodies_deciding(rulebook: Rulebook, kind: str) -> list[tuple[str, Power]]:
    found = []
    for body in rulebook.charter.bodies.values():
        power = body.decides_on(kind, rulebook.day) if body.period.contains(rulebook.day) else None
        if power is not None:
            found.append((body.id, power))
    return found


def rule_on_competence(rulebook: Rulebook, proposal: Proposal) -> Ruling:
    """May this body take a decision of this kind on this day, on these facts?"""
    because = Because("decision", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling()
    body = rulebook.require_body(proposal.body, because)
    if body is None:
        return because.ruling()
    power = body.decides_on(proposal.kind, rulebook.day)
    if power is None:
        deciders = bodies_deciding(rulebook, proposal.kind)
        if deciders:
            names = " or ".join(body_id for body_id, _ in deciders)
            because.refuse(
                f"the {body.name} does not decide on {_words(proposal.kind)} on "
                f"{rulebook.day}; only the {names} does",
                deciders[0][1].source,
            )
        else:
            _no_body_decides(rulebook, proposal.kind, because)
        return because.ruling(deciders=[b for b, _ in deciders])
    because.note(f"the {body.name} decides on {_words(proposal.kind)}", power.source)
    for condition in power.requires:
        _CONDITIONS[condition](rulebook, proposal, power, because)
    _state_concerned_asked(rulebook, proposal, because)
    return because.ruling(deciders=[body.id])


def _state_concerned_asked(rulebook: Rulebook, proposal: Proposal, because: Because) -> None:
    """A measure on a member's territory needs that member's own request."""
    needing = rulebook.parameter(p.ON_REQUEST_OF_STATE_CONCERNED)
    concerned = proposal.where or proposal.subject
    if proposal.kind not in needing or concerned is None:
        return
    if rulebook.is_member(concerned) and concerned not in proposal.requested_by:
        because.refuse(
            f"{_words(proposal.kind)} in {rulebook.name_of(concerned)} is decided only "
            "at its own request, and it has not asked: its internal affairs stay its "
            "own",
            rulebook.source_of(p.ON_REQUEST_OF_STATE_CONCERNED),
        )


def _no_body_decides(rulebook: Rulebook, kind: str, because: Because) -> None:
    """Refuse, citing the power that decides ``kind`` at another time, if any does."""
    elsewhen = [
        (body, power)
        for body in rulebook.charter.bodies.values()
        for power in body.powers
        if kind in power.kinds
    ]
    if not elsewhen:
        because.refuse(
            f"no body decides on {_words(kind)} in {rulebook.founding.title}",
            rulebook.founding.source,
        )
        return
    later = [(b, p) for b, p in elsewhen if p.period.start > rulebook.day]
    body, power = min(later, key=lambda bp: bp[1].period.start) if later else elsewhen[-1]
    because.refuse(
        f"no body decides a {kind} on {rulebook.day}; the {body.id} decides it {power.period}",
        power.source,
    )


def _host_request(rulebook: Rulebook, proposal: Proposal, power: Power, because: Because) -> None:
    host = proposal.where
    if host is None:
        because.refuse(
            f"a decision on {_words(proposal.kind)} names where it takes place ('where')",
            power.source,
        )
    elif rulebook.is_member(host) and host not in proposal.requested_by:
        # PKA Art 3: the mandate is the basis outside the members' territory, never inside it.
        given = proposal.un_mandate
        mandate = f"; a UN mandate ({given}) does not replace it" if given else ""
        because.refuse(
            f"{_words(proposal.kind)} on the territory of {rulebook.name_of(host)} is "
            f"decided only on that state's official request, and it has not asked{mandate}",
            power.source,
        )
    elif rulebook.is_member(host):
        because.note(f"{rulebook.name_of(host)}, the host state, asked officially", power.source)


def _un_mandate(rulebook: Rulebook, proposal: Proposal, power: Power, because: Because) -> None:
    host = proposal.where
    if host is None or rulebook.is_member(host):
        return
    if proposal.un_mandate is None:
        because.refuse(
            f"{_words(proposal.kind)} outside the members' territory ({host}) needs a "
            "decision of the UN Security Council",
            power.source,
        )
    else:
        because.note(
            f"outside the members' territory ({host}) the UN Security Council's mandate "
            f"is the basis: {proposal.un_mandate}",
            power.source,
        )


def _attacked_party(rulebook: Rulebook, proposal: Proposal, power: Power, because: Because) -> None:
    on_request = rulebook.source_of(p.ON_REQUEST_OF_ATTACKED_PARTY)
    if not rulebook.parameter(p.ON_REQUEST_OF_ATTACKED_PARTY):
        if proposal.where is not None and proposal.where not in proposal.requested_by:
            because.note("the text names no requester, so another party may ask", on_request)
        return
    if proposal.where is None or proposal.where not in proposal.requested_by:
        because.refuse(
            f"{_words(proposal.kind)} is given only at the request of the "
            "attacked party, and it has not asked",
            on_request,
        )
    else:
        because.note("the attacked party asked for assistance", on_request)


def _subject_is_member(
    rulebook: Rulebook, proposal: Proposal, power: Power, because: Because
) -> None:
    subject = proposal.subject
    if subject is None or rulebook.status_name(subject) not in ("member", "suspended"):
        because.refuse(
            f"a {_words(proposal.kind)} concerns a member state, and {subject or 'none'} is "
            f"not one on {rulebook.day}",
            power.source,
        )


_CONDITIONS = {
    "request_of_host_state": _host_request,
    "un_mandate_outside_members": _un_mandate,
    "request_of_attacked_party": _attacked_party,
    "subject_is_member": _subject_is_member,
}


def _words(kind: str) -> str:
    return kind.replace("_", " ")
