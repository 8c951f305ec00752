"""Use cases of observer and partner status: an application, then every member's consent."""

from __future__ import annotations

from typing import Any

from accord.kernel.errors import InvalidInput, found
from accord.kernel.messages import Command
from accord.membership import events as membership_events
from accord.partners import commands as cmd
from accord.partners import events as ev
from accord.partners.applications import STATUS_APPLICATIONS, StatusApplication
from accord.partners.criteria import criteria_of
from accord.partners.organizations import organizations_of
from accord.partners.parties import checked_party, is_organization, is_secretariat
from accord.rules import parameters as p
from accord.rules.membership import rule_on_third_party_status
from accord.rules.ruling import Because, Ruling
from accord.rules.standing import require_member
from accord.service.actors import acting_state
from accord.service.call import Call

STATUSES = ("observer", "partner")


def apply_for_status(command: cmd.ApplyForStatus, context: Call) -> Ruling:
    """A state (or, through the Secretariat, an organization) applies for a status."""
    _check_names(command, context)
    because = context.because("apply_for_status")
    applicant = _applicant(command, context, because)
    if applicant is None:
        return because.ruling()
    _adopt(because, rule_on_third_party_status(context.rulebook, applicant, command.status))
    if because.refused or _already(command.status, applicant, context, because):
        return because.ruling()
    if not _declares_the_criteria(command, applicant, context, because):
        return because.ruling()
    application_id = f"application-{len(context.world[STATUS_APPLICATIONS]) + 1}"
    context.emit(ev.StatusApplied(application_id, applicant, command.status, context.at))
    members = context.rulebook.members()
    because.note(
        f"{application_id} awaits the consent of every member: {', '.join(members)}",
        context.rulebook.source_of(p.ALL_MEMBERS_CONSENT),
    )
    return because.ruling(application=application_id, must_consent=members)


def consent_to_status(command: cmd.ConsentToStatus, context: Call) -> Ruling:
    """A member consents or objects; one objection refuses, every member's consent grants."""
    if command.consent not in ("yes", "no"):
        raise InvalidInput("consent", "yes or no")
    application = found(
        context.world[STATUS_APPLICATIONS], "status application", command.application
    )
    because = context.because("consent_to_status")
    state = acting_state(context, because, "consenting to a status")
    rulebook = context.rulebook
    if state is None or not require_member(rulebook, state, because, "consent to a status"):
        return because.ruling()
    source = rulebook.source_of(p.ALL_MEMBERS_CONSENT)
    subject = f"{application.applicant}'s application for {application.status} status"
    if not application.pending:
        objector = f", {application.objector} objecting" if application.objector else ""
        because.refuse(f"{subject} was {application.outcome} on {application.decided}{objector}")
    elif state in application.consents:
        because.refuse(f"{state} consented to {subject} on {application.consents[state]}")
    elif command.consent == "no":
        context.emit(ev.StatusApplicationRefused(application.id, state, context.at))
        because.note(f"{state} objects, so {subject} is refused: it needs every member", source)
    else:
        awaiting = [m for m in application.awaiting(rulebook.members()) if m != state]
        if awaiting:
            context.emit(ev.StatusConsentGiven(application.id, state, context.at))
            because.note(f"{state} consents; awaiting {', '.join(awaiting)}", source)
            return because.ruling(application=application.id, awaiting=awaiting)
        grant = rule_on_third_party_status(rulebook, application.applicant, application.status)
        _adopt(because, grant)
        if grant.allowed:
            context.emit(ev.StatusConsentGiven(application.id, state, context.at))
            context.emit(ev.StatusApplicationGranted(application.id, context.at))
            _change_status(application, grant, context)
            because.note(f"with {state}'s consent every member has consented to {subject}", source)
    return because.ruling(application=application.id)


def _applicant(command: cmd.ApplyForStatus, context: Call, because: Because) -> str | None:
    """A state applies for itself; the Secretariat records a partner organization's letter."""
    charter, actor = context.world.charter(), context.actor
    named = checked_party(charter, command.applicant, "applicant") if command.applicant else None
    if actor.role == "state":
        state = acting_state(context, because, "applying for a status")
        if state is not None and (is_organization(charter, state) or named not in (None, state)):
            because.refuse(
                f"{state} applies for itself only; an organization applies through the Secretariat"
            )
            return None
        return state
    if not is_secretariat(actor):
        because.refuse(
            f"a state applies itself, the Secretariat for an organization; not {actor.id}"
        )
    elif named is None or named not in organizations_of(charter):
        known = ", ".join(sorted(organizations_of(charter))) or "none"
        because.refuse(
            f"the Secretariat records the application of a partner organization ({known}); "
            "a state applies through its delegation"
        )
    else:
        return named
    return None


def _already(status: str, applicant: str, context: Call, because: Because) -> bool:
    held = context.rulebook.status(applicant)
    if held is not None and held.status == status:
        because.refuse(f"{applicant} holds {status} status since {held.period.start}", held.source)
        return True
    pending = next(
        (
            a
            for a in context.world[STATUS_APPLICATIONS].values()
            if a.pending and a.applicant == applicant and a.status == status
        ),
        None,
    )
    if pending is not None:
        because.refuse(
            f"{applicant} applied for {status} status on {pending.applied} ({pending.id}), "
            "which awaits the members' consent"
        )
    return pending is not None


def _declares_the_criteria(
    command: cmd.ApplyForStatus, applicant: str, context: Call, because: Because
) -> bool:
    """Every criterion of the regulation that applies to the applicant is declared; a partner
    names its areas. Whether the declarations are true, the members judge."""
    charter = context.world.charter()
    regulation = criteria_of(charter).get(command.status)
    if regulation is None:
        return True
    kind = "organization" if is_organization(charter, applicant) else "state"
    for criterion in regulation.for_applicant(kind):
        if criterion.id not in command.meets:
            because.refuse(
                f"{applicant} does not declare that it meets '{criterion.id}' "
                f"({criterion.source.fact}, {regulation.regulation}): {criterion.text}",
                criterion.source,
            )
    if regulation.areas and not command.areas:
        because.refuse(
            f"a partner names its areas of partnership, one or more of: "
            f"{', '.join(regulation.areas)}",
            regulation.areas_source,
        )
    return not because.refused


def _check_names(command: cmd.ApplyForStatus, context: Call) -> None:
    """Bad input, before any rule: a status, criteria and areas the regulation does not name."""
    if command.status not in STATUSES:
        raise InvalidInput("status", "observer or partner")
    regulation = criteria_of(context.world.charter()).get(command.status)
    criteria = {c.id for c in regulation.criteria} if regulation else set()
    if unknown := sorted(set(command.meets) - criteria):
        raise InvalidInput("meets", f"not a {command.status} criterion: {', '.join(unknown)}")
    if unknown := sorted(set(command.areas) - set(regulation.areas if regulation else ())):
        raise InvalidInput("areas", f"not an area of partnership: {', '.join(unknown)}")


def _change_status(application: StatusApplication, grant: Ruling, context: Call) -> None:
    """The roll shows the status from today, as a decision of the competent body would."""
    if context.rulebook.status_name(application.applicant) == application.status:
        return  # already granted another way (a CSC decision): no second effect
    context.emit(
        membership_events.StatusChanged(
            application.applicant,
            application.status,
            context.day,
            grant.articles[0] if grant.articles else None,
            f"granted with every member's consent ({application.id})",
            context.at,
        )
    )


def _adopt(because: Because, ruling: Ruling) -> None:
    """Take another ruling's reasons as this one's: as refusals if it refused."""
    for reason in ruling.reasons:
        (because.note if ruling.allowed else because.refuse)(reason.text, reason.source)


COMMAND_HANDLERS: dict[type[Command], Any] = {
    cmd.ApplyForStatus: apply_for_status,
    cmd.ConsentToStatus: consent_to_status,
}
