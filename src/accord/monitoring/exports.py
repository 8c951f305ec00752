"""Alerts for other systems: OASIS CAP 1.2 messages and STIX 2.1 bundles.

Both carry the alert's reason and its recommendation to people; neither orders anything.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping

import stix2

from accord.monitoring.alerts import Alert

CAP = "urn:oasis:names:tc:emergency:cap:1.2"
SENDER = "crisis-response-centre@accord"
SENDER_NAME = "Accord Crisis Response Centre"
#: Alerts go to the member delegations and the Secretariat, not to the public.
RESTRICTION = "member delegations and Secretariat staff"
#: Stable ids: the same alert exported twice is the same STIX object.
NAMESPACE = uuid.UUID("6f1d0e4c-2b1a-5c55-9a53-7d0d8f6d3a10")
#: A z this far above the baseline is severe; below it, moderate.
SEVERE_Z = 6.0


def alert_id(alert: Alert) -> str:
    point = alert.indicator
    return f"{point.country}-{point.category}-{point.week.isoformat()}"


def cap_time(moment: dt.datetime) -> str:
    """CAP 1.2 §3.3.2: an explicit offset, and UTC written -00:00, never Z."""
    text = moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()
    return text.replace("+00:00", "-00:00")


def cap_message(alert: Alert, country_name: str, sent: dt.datetime) -> str:
    """One CAP 1.2 ``alert`` with one English ``info`` block for one Accord alert."""
    point = alert.indicator
    ET.register_namespace("", CAP)
    root = ET.Element(f"{{{CAP}}}alert")

    def add(parent: ET.Element, name: str, text: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{CAP}}}{name}")
        element.text = text
        return element

    for name, text in (
        ("identifier", f"accord-{alert_id(alert)}"),
        ("sender", SENDER),
        ("sent", cap_time(sent)),
        ("status", "Actual"),
        ("msgType", "Alert"),
        ("scope", "Restricted"),
        ("restriction", RESTRICTION),
    ):
        add(root, name, text)
    info = ET.SubElement(root, f"{{{CAP}}}info")
    onset = dt.datetime.combine(point.week, dt.time(), dt.UTC)
    what = point.category.replace("_", " ")
    for name, text in (
        ("language", "en"),
        ("category", "Security"),
        ("event", what),
        ("responseType", "Assess"),
        ("urgency", "Expected"),
        ("severity", "Severe" if point.z >= SEVERE_Z else "Moderate"),
        ("certainty", "Observed"),
        ("onset", cap_time(onset)),
        ("expires", cap_time(onset + dt.timedelta(days=14))),
        ("senderName", SENDER_NAME),
        ("headline", f"{what} in {country_name}, week of {point.week}"[:160]),
        ("description", alert.reason),
        ("instruction", alert.recommendation),
    ):
        add(info, name, text)
    for name, value in (
        ("events", str(point.events)),
        ("baseline", f"{point.baseline:.2f}"),
        ("z", f"{point.z:.2f}"),
        ("fatalities", str(point.fatalities)),
    ):
        parameter = ET.SubElement(info, f"{{{CAP}}}parameter")
        add(parameter, "valueName", name)
        add(parameter, "value", value)
    area = ET.SubElement(info, f"{{{CAP}}}area")
    add(area, "areaDesc", country_name)
    geocode = ET.SubElement(area, f"{{{CAP}}}geocode")
    add(geocode, "valueName", "ISO 3166-1 alpha-3")
    add(geocode, "value", point.country)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


def stix_bundle(
    alerts: Iterable[Alert],
    names: Mapping[str, str],
    alpha2: Mapping[str, str],
    published: dt.datetime,
) -> stix2.Bundle:
    """A STIX 2.1 bundle: Accord's identity, one location per country, one report per alert."""
    producer = stix2.Identity(
        id=f"identity--{uuid.uuid5(NAMESPACE, SENDER)}",
        name=SENDER_NAME,
        identity_class="organization",
        created=dt.datetime(2016, 10, 14, tzinfo=dt.UTC),
        modified=dt.datetime(2016, 10, 14, tzinfo=dt.UTC),
    )
    objects: list[object] = [producer]
    locations: dict[str, stix2.Location] = {}
    for alert in alerts:
        point = alert.indicator
        if point.country not in locations:
            locations[point.country] = stix2.Location(
                id=f"location--{uuid.uuid5(NAMESPACE, point.country)}",
                name=names.get(point.country, point.country),
                country=alpha2[point.country],
                created_by_ref=producer.id,
            )
            objects.append(locations[point.country])
        objects.append(
            stix2.Report(
                id=f"report--{uuid.uuid5(NAMESPACE, alert_id(alert))}",
                name=alert.reason,
                description=f"{alert.reason}. {alert.recommendation}.",
                report_types=["threat-report"],
                published=published,
                labels=[point.category],
                object_refs=[locations[point.country].id],
                created_by_ref=producer.id,
            )
        )
    return stix2.Bundle(objects=objects, allow_custom=False)
