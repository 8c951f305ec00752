"""What an actor may ask of a body: convene, table a draft, state a position, close it."""

from __future__ import annotations

from dataclasses import dataclass

from accord.kernel.messages import Command
from accord.rules.bounds import Key, Name, State, States, Text


@dataclass(frozen=True)
class ConveneSession(Command):
    body: Key
    extraordinary: bool = False
    format: Key = "in_person"
    #: The case the session is about.
    about: Key | None = None
    requested_by: State | None = None
    venue: Name | None = None


@dataclass(frozen=True)
class TableDraft(Command):
    session: Key
    kind: Key
    case: Key | None = None
    #: The member concerned, when the draft is about a state rather than a case.
    subject: State | None = None
    text: Text = ""
    #: The members in dispute, when the draft is about a dispute between them rather than a
    #: case (a draft about a case takes its case's).
    parties_to_dispute: States = ()


@dataclass(frozen=True)
class StatePosition(Command):
    draft: Key
    #: support, object, stand_aside or absent.
    position: Key


@dataclass(frozen=True)
class CloseDraft(Command):
    draft: Key


@dataclass(frozen=True)
class JoinDecision(Command):
    #: The adopted draft decision the sender's state joins, having stood aside or been absent.
    draft: Key
