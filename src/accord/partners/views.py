"""What the Secretariat and the delegations read: an instrument's parties, acts and status on
a day, and why; an application and who has consented."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from accord.adapters.documents import to_document
from accord.kernel.errors import NotFound
from accord.partners.applications import StatusApplication
from accord.partners.model import InstrumentRecord, InstrumentTerms
from accord.partners.organizations import Organization
from accord.rules.charter import Charter, Instrument


def instrument_views(
    charter: Charter, records: Mapping[str, InstrumentRecord], day: dt.date
) -> list[dict[str, Any]]:
    """Every instrument as of ``day``: the charter's, then those recorded in Accord only."""
    ids = [*charter.instruments, *(i for i in records if i not in charter.instruments)]
    views = (instrument_view(charter, records, i, day) for i in ids)
    return [view for view in views if view is not None]


def known_instrument_view(
    charter: Charter, records: Mapping[str, InstrumentRecord], instrument: str, day: dt.date
) -> dict[str, Any]:
    """The instrument as of ``day``; NotFound when neither the charter nor Accord knows it."""
    view = instrument_view(charter, records, instrument, day)
    if view is None:
        raise NotFound(f"no instrument {instrument!r} in the charter or the record")
    return view


def instrument_view(
    charter: Charter, records: Mapping[str, InstrumentRecord], instrument: str, day: dt.date
) -> dict[str, Any] | None:
    """The instrument as of ``day`` (acts after it not yet counted), or None if unknown."""
    known = charter.instruments.get(instrument)
    whole = records.get(instrument)
    if known is None and whole is None:
        return None
    record = _as_of(whole or InstrumentRecord(instrument), day)
    terms = record.terms
    if known is not None and known.in_force is not None:
        since: dt.date | None = known.in_force
        rule = f"the charter records its entry into force on {known.in_force} ({_cites(known)})"
    elif terms is not None:
        since, rule = record.in_force_from(), terms.rule.describe()
    else:
        since = record.in_force_from()
        rule = "no date in the charter: in force on the last signatory's ratification"
    return {
        "id": instrument,
        "title": known.title if known else terms.title if terms else None,
        "kind": known.kind if known else terms.kind if terms else None,
        "recorded_by": "charter" if known else "secretariat" if terms else None,
        "depositary": terms.depositary if terms else None,
        "open_to_accession": bool(terms and terms.open_to_accession),
        "parties": [_party(record, p) for p in record.parties],
        "signed": record.signed,
        "ratified": record.ratified,
        "acceded": record.acceded,
        "in_force": since is not None and since <= day and not _ended(known, day),
        "in_force_since": since if since is not None and since <= day else None,
        "status": _status(known, record, terms, since, day),
        "rule": rule,
    }


def _status(
    known: Instrument | None,
    record: InstrumentRecord,
    terms: InstrumentTerms | None,
    since: dt.date | None,
    day: dt.date,
) -> str:
    if known is not None and _ended(known, day):
        return f"ended on {known.ended}"
    if since is not None and since <= day:
        return f"in force since {since}"
    signed = "signed" if record.signed or (known and known.signed <= day) else "not signed"
    if terms is None:
        return f"{signed}, not yet in force"
    progress = terms.rule.progress(terms.parties, record.signed, record.bound)
    return f"{signed}, not yet in force: {progress}"


def _ended(known: Instrument | None, day: dt.date) -> bool:
    return known is not None and known.ended is not None and known.ended <= day


def _cites(known: Instrument) -> str:
    source = known.in_force_source or known.source
    fact = f"; {source.fact}" if source.fact else ""
    return f"{source.confidence.value}: {', '.join(source.refs)}{fact}"


def _as_of(record: InstrumentRecord, day: dt.date) -> InstrumentRecord:
    def until(dates: dict[str, dt.date]) -> dict[str, dt.date]:
        return {party: date for party, date in dates.items() if date <= day}

    return InstrumentRecord(
        record.id, until(record.signed), until(record.ratified), until(record.acceded), record.terms
    )


def _party(record: InstrumentRecord, party: str) -> dict[str, Any]:
    return {
        "party": party,
        "signed": record.signed.get(party),
        "ratified": record.ratified.get(party),
        "acceded": record.acceded.get(party),
    }


def application_view(application: StatusApplication, members: list[str]) -> dict[str, Any]:
    """An application with each member's consent, and whose is still awaited."""
    awaiting = application.awaiting(members) if application.pending else []
    return {**to_document(application), "awaiting": awaiting}


def organization_view(organization: Organization) -> dict[str, Any]:
    """An organization and each recorded cooperation with its date and source."""
    return {
        "id": organization.id,
        "name": organization.name,
        "note": organization.note,
        "cooperation": [
            {
                "what": c.what,
                "kind": c.kind,
                "date": c.date,
                "when": c.when,
                "confidence": c.source.confidence.value,
                "refs": list(c.source.refs),
                "fact": c.source.fact,
                "note": c.source.note,
            }
            for c in organization.cooperation
        ],
    }
