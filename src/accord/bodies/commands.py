"""What an actor may ask of a body: convene, table a draft, state a position, close it."""

from __future__ import annotations

from dataclasses import dataclass

from accord.kernel.messages import Command


@dataclass(frozen=True)
class ConveneSession(Command):
    body: str
    extraordinary: bool = False
    format: str = "in_person"
    about: str | None = None
    requested_by: str | None = None
    venue: str | None = None


@dataclass(frozen=True)
class TableDraft(Command):
    session: str
    kind: str
    case: str | None = None
    subject: str | None = None
    text: str = ""


@dataclass(frozen=True)
class StatePosition(Command):
    draft: str
    position: str


@dataclass(frozen=True)
class CloseDraft(Command):
    draft: str
