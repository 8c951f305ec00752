"""What a state may do with an instrument."""

from __future__ import annotations

from dataclasses import dataclass

from accord.kernel.messages import Command


@dataclass(frozen=True)
class SignInstrument(Command):
    instrument: str


@dataclass(frozen=True)
class Ratify(Command):
    instrument: str
