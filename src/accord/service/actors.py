"""Who is acting: resolving ``by`` to an actor, and the checks of who may do what."""

from __future__ import annotations

import datetime as dt
import re

from accord.kernel.errors import InvalidInput
from accord.kernel.messages import Actor
from accord.rules.chairmanship import chair_in, chair_on, rule_on_chair
from accord.rules.ruling import Because
from accord.service.call import Call
from accord.service.world import World

STATE_CODE = re.compile(r"^[A-Z]{3}$")
CHAIR, SECRETARY_GENERAL = "chair", "secretary_general"


def resolve_actor(world: World, by: str, day: dt.date) -> Actor:
    """``by`` is a state (ISO alpha-3), ``chair``, ``secretary_general`` or a body id."""
    if by == CHAIR:
        return Actor(CHAIR, state=chair_on(world.rulebook(day)), role=CHAIR)
    if by == SECRETARY_GENERAL:
        return Actor(SECRETARY_GENERAL, role=SECRETARY_GENERAL)
    if by in world.charter().bodies:
        return Actor(by, role="body")
    if STATE_CODE.match(by):
        return Actor(by, state=by, role="state")
    raise InvalidInput(
        "by",
        f"{by!r} is not a state (ISO alpha-3), chair, secretary_general or "
        f"a body ({', '.join(sorted(world.charter().bodies))})",
    )


def acting_state(context: Call, because: Because, doing: str) -> str | None:
    """The state the actor speaks for, or a refusal: only a state may do this."""
    if context.actor.role != "state" or context.actor.state is None:
        because.refuse(f"{doing} is done by a state for itself, not by {context.actor.id}")
        return None
    return context.actor.state


def acts_as_chair(context: Call) -> bool:
    actor = context.actor
    if actor.role == CHAIR:
        return True
    chair = chair_on(context.rulebook)
    return actor.role == "state" and chair is not None and actor.state == chair


def require_chair(context: Call, because: Because, doing: str, body: str | None = None) -> bool:
    """The chair acts for a body; so may the body itself (``by: CSC``), for its own business."""
    if acts_as_chair(context) or (body is not None and context.actor.id == body):
        return True
    ruling = rule_on_chair(context.rulebook)
    source = ruling.reasons[0].source if ruling.reasons else None
    chair = chair_in(ruling)
    because.refuse(
        f"only the chair ({chair or 'not recorded'}) {doing}; {context.actor.id} is not the chair",
        source,
    )
    return False


def require_one_of(context: Call, because: Because, roles: set[str], doing: str) -> bool:
    """Refuse unless the actor is the chair, the Secretary General or a body named in roles."""
    actor = context.actor
    if (CHAIR in roles and acts_as_chair(context)) or actor.role in roles or actor.id in roles:
        return True
    because.refuse(f"{doing} is for {', '.join(sorted(roles))}; not for {actor.id}")
    return False
