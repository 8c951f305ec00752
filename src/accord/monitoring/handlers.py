"""Use cases of monitoring that enter the journal: the record of each event file ingested."""

from __future__ import annotations

from accord.kernel.errors import InvalidInput
from accord.monitoring import commands as cmd
from accord.monitoring import events as ev
from accord.rules.ruling import Ruling
from accord.service.call import Call


def record_event_file(command: cmd.RecordEventFile, context: Call) -> Ruling:
    """The journal's line for an ingest; the events themselves live in the event store."""
    for field in ("rows_read", "rows_added", "bad_rows"):
        if getattr(command, field) < 0:
            raise InvalidInput(field, "a count cannot be negative")
    because = context.because("record_event_file")
    context.emit(
        ev.EventFileIngested(
            command.file,
            command.format,
            command.sha256,
            command.rows_read,
            command.rows_added,
            command.bad_rows,
            context.actor.id,
            context.at,
        )
    )
    because.note(
        f"{command.file} ({command.format}): {command.rows_added} events added of "
        f"{command.rows_read} rows, {command.bad_rows} bad rows reported"
    )
    return because.ruling()


COMMAND_HANDLERS = {cmd.RecordEventFile: record_event_file}
