"""CAP 1.2 and STIX 2.1 exports of the alerts found in the real GDELT files."""

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import stix2
import xmlschema
from typer.testing import CliRunner

from accord.entrypoints.cli import app
from accord.monitoring.exports import CAP, alert_id, cap_message, cap_time, stix_bundle
from accord.monitoring.reference import iso3_to_iso2
from tests.monitoring.conftest import FIRST, LAST, gdelt_store

CAP_SCHEMA = xmlschema.XMLSchema(Path(__file__).parents[1] / "fixtures" / "cap" / "CAP-v1.2.xsd")
SENT = dt.datetime(2020, 11, 15, 9, 30, tzinfo=dt.UTC)


def test_the_ceasefire_week_raises_the_alerts_an_analyst_expects(gdelt_watch):
    found = {alert_id(a): a for a in gdelt_watch.alerts}
    assert set(found) == {"ARM-armed_clash-2020-11-09", "RUS-armed_clash-2020-11-09"}
    armenia = found["ARM-armed_clash-2020-11-09"].indicator
    assert armenia.baseline == 0.0
    assert armenia.events >= 5


def test_every_alert_is_a_cap_message_the_oasis_schema_accepts(gdelt_watch):
    for alert in gdelt_watch.alerts:
        name = gdelt_watch.names[alert.indicator.country]
        message = cap_message(alert, name, SENT)
        CAP_SCHEMA.validate(message)
        root = ET.fromstring(message)
        text = {e.tag.split("}")[1]: e.text for e in root.iter() if e.text and e.text.strip()}
        assert text["sent"] == "2020-11-15T09:30:00-00:00"
        assert text["scope"] == "Restricted"
        assert text["description"] == alert.reason
        assert text["instruction"] == alert.recommendation
        assert root.find(f"{{{CAP}}}info/{{{CAP}}}area/{{{CAP}}}areaDesc").text == name


def test_the_oasis_schema_would_refuse_a_broken_message(gdelt_watch):
    message = cap_message(gdelt_watch.alerts[0], "Armenia", SENT)
    broken = message.replace("<status>Actual</status>", "<status>Rumour</status>")
    assert not CAP_SCHEMA.is_valid(broken)


def test_cap_times_carry_an_offset_and_never_z():
    assert cap_time(dt.datetime(2022, 1, 6, 4, 5, 6, 789, tzinfo=dt.UTC)) == (
        "2022-01-06T04:05:06-00:00"
    )
    almaty = dt.timezone(dt.timedelta(hours=5))
    assert cap_time(dt.datetime(2022, 1, 6, 9, 0, tzinfo=almaty)) == "2022-01-06T04:00:00-00:00"


def test_the_stix_bundle_parses_back_with_a_report_per_alert(gdelt_watch):
    bundle = stix_bundle(gdelt_watch.alerts, gdelt_watch.names, iso3_to_iso2(), SENT)
    parsed = stix2.parse(bundle.serialize(), allow_custom=False)
    kinds = [obj.type for obj in parsed.objects]
    assert kinds.count("report") == len(gdelt_watch.alerts) == 2
    assert kinds.count("identity") == 1
    locations = {obj.country: obj.name for obj in parsed.objects if obj.type == "location"}
    assert locations == {"AM": "Armenia", "RU": "Russia"}
    for report in (obj for obj in parsed.objects if obj.type == "report"):
        [location_ref] = report.object_refs
        assert location_ref.startswith("location--")
        assert report.labels == ["armed_clash"]


def test_the_same_alert_keeps_its_stix_id_from_one_export_to_the_next(gdelt_watch):
    def report_ids(at: dt.datetime) -> set[str]:
        bundle = stix_bundle(gdelt_watch.alerts, gdelt_watch.names, iso3_to_iso2(), at)
        return {o["id"] for o in json.loads(bundle.serialize())["objects"]}

    assert report_ids(SENT) == report_ids(SENT + dt.timedelta(days=1))


def test_the_cli_writes_a_cap_file_per_alert_and_one_stix_bundle(tmp_path: Path, monkeypatch):
    gdelt_store(tmp_path / "events.duckdb").con.disconnect()
    monkeypatch.setenv("ACCORD_EVENTS_URL", str(tmp_path / "events.duckdb"))
    period = ["--from", FIRST.isoformat(), "--to", LAST.isoformat()]
    result = CliRunner().invoke(
        app,
        [
            "monitor",
            "alerts",
            *period,
            "--cap",
            str(tmp_path / "cap"),
            "--stix",
            str(tmp_path / "a.json"),
        ],
    )
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "cap").iterdir())
    assert written == [
        "ARM-armed_clash-2020-11-09.cap.xml",
        "RUS-armed_clash-2020-11-09.cap.xml",
    ]
    for path in (tmp_path / "cap").iterdir():
        CAP_SCHEMA.validate(path.read_text(encoding="utf-8"))
    bundle = stix2.parse((tmp_path / "a.json").read_text(encoding="utf-8"), allow_custom=False)
    assert sum(o.type == "report" for o in bundle.objects) == 2
    assert "armed clash in Armenia" in result.output

    backwards = CliRunner().invoke(
        app, ["monitor", "alerts", "--from", "2020-11-20", "--to", "2020-09-01"]
    )
    assert backwards.exit_code == 2
    assert "--from: 2020-11-20 is after to: 2020-09-01" in backwards.output
