"""Two copies of one seeded database, one behind the API and one behind the CLI, so that the
same request sent to each meets the same records and must get the same answer.

Each side only ever receives what the other does, in the same order; a command one applies
the other applies too, and the worlds stay alike.
"""

from __future__ import annotations

import json
import sqlite3
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from accord.edge.signed_in import APPLIED, BAD_INPUT, FORBIDDEN, NOT_FOUND, REFUSED
from accord.entrypoints.cli import app
from tests.api_client import ApiUsers
from tests.e2e.test_permission_matrix import BY_KEY, SERBIA_APPLIES, Endpoint, created

#: The answer classes, by the API's status (422: with a ruling or naming fields) and the
#: CLI's exit status: the one mapping the entry points must agree on.
APPLIED_, REFUSED_, BAD_INPUT_ = "applied", "refused by the rules", "bad input"
FORBIDDEN_, NOT_FOUND_ = "not permitted", "not found"
BY_EXIT = {
    APPLIED: APPLIED_,
    REFUSED: REFUSED_,
    BAD_INPUT: BAD_INPUT_,
    FORBIDDEN: FORBIDDEN_,
    NOT_FOUND: NOT_FOUND_,
}
#: The command field each path parameter fills.
PATH_FIELDS = {
    "case_id": "case",
    "session_id": "session",
    "draft_id": "draft",
    "unit_id": "unit",
    "instrument_id": "instrument",
    "application_id": "application",
    "plan_id": "plan",
    "exercise_id": "exercise",
    "operation": "operation",
    "stage_id": "stage",
}
#: Body fields whose command field is named otherwise.
RENAMED = {"record_instrument": {"id": "instrument"}}
#: The ids a request names, for a record the caller may see, one released to KAZ alone and
#: one that does not exist; only these three placeholders name classified records.
VARIANTS = ("visible", "hidden", "missing")
CLASSIFIED_IDS = ("case_id", "session_id", "draft_id")
MISSING_IDS = {"case_id": "case-9999", "session_id": "session-9999", "draft_id": "draft-9999"}


@dataclass(frozen=True)
class Answer:
    kind: str
    message: str = ""
    ruling: dict[str, Any] | None = None


def placeholders(endpoint: Endpoint) -> set[str]:
    texts = [endpoint.path, *(v for v in (endpoint.body or {}).values() if isinstance(v, str))]
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


def variants(endpoint: Endpoint) -> tuple[str, ...]:
    return VARIANTS if placeholders(endpoint) & set(CLASSIFIED_IDS) else ("visible",)


class Twins:
    def __init__(self, folder: Path) -> None:
        self.api = ApiUsers(f"sqlite:///{folder / 'api.db'}")
        self.ids = seed(self.api)
        with sqlite3.connect(folder / "api.db") as source, sqlite3.connect(folder / "cli.db") as to:
            source.backup(to)  # the committed state, write-ahead log included
        self.env = {
            "ACCORD_DATABASE_URL": f"sqlite:///{folder / 'cli.db'}",
            "ACCORD_EVENTS_URL": str(folder / "cli-events.duckdb"),
        }
        self.upload = folder / "upload"  # the API's default name for an ingested file
        self.runner = CliRunner()

    def ids_for(self, variant: str) -> dict[str, str]:
        if variant == "visible":
            return self.ids
        swapped = MISSING_IDS if variant == "missing" else self.hidden_ids()
        return {**self.ids, **swapped}

    def hidden_ids(self) -> dict[str, str]:
        return {name: self.ids[f"secret_{name}"] for name in CLASSIFIED_IDS}

    def by_api(self, caller: str, endpoint: Endpoint, variant: str) -> Answer:
        ids = self.ids_for(variant)
        sent: dict[str, Any] = (
            {"content": endpoint.content}
            if endpoint.content is not None
            else {"json": fill(endpoint.body or {}, ids)}
        )
        response = self.api.client.request(
            endpoint.method,
            endpoint.path.format(**ids),
            params=endpoint.params,
            headers=self.api.headers(caller),
            **sent,
        )
        body = response.json()
        if response.status_code == 201:
            return Answer(APPLIED_, ruling=body)
        if response.status_code == 422:
            if "ruling" in body:
                return Answer(REFUSED_, ruling=body["ruling"])
            return Answer(
                BAD_INPUT_, "; ".join(f"{p['loc'][-1]}: {p['msg']}" for p in body["detail"])
            )
        kinds = {403: FORBIDDEN_, 404: NOT_FOUND_}
        return Answer(kinds.get(response.status_code, str(response.status_code)), body["detail"])

    def by_cli(self, caller: str, endpoint: Endpoint, variant: str) -> Answer:
        if endpoint.access == "record_event_file":
            self.upload.write_bytes(endpoint.content or b"")
            args = ["monitor", "ingest", str(self.upload), "--format", "gdelt", "--json"]
        else:
            args = [
                "send",
                endpoint.access,
                "--json",
                "--data",
                json.dumps(self.fields(endpoint, variant)),
            ]
        result: Result = self.runner.invoke(
            app, args, env={**self.env, "ACCORD_TOKEN": self.api.tokens[caller]}
        )
        kind = BY_EXIT.get(result.exit_code, f"exit {result.exit_code}: {result.output}")
        if kind in (APPLIED_, REFUSED_):
            return Answer(kind, ruling=json.loads(result.stdout))
        return Answer(kind, result.stderr.strip())

    def fields(self, endpoint: Endpoint, variant: str) -> dict[str, Any]:
        ids = self.ids_for(variant)
        renamed = RENAMED.get(endpoint.access, {})
        fields = {renamed.get(k, k): v for k, v in fill(endpoint.body or {}, ids).items()}
        in_path = placeholders(Endpoint(endpoint.method, endpoint.path, endpoint.access))
        return {**fields, **{PATH_FIELDS[name]: ids[name] for name in in_path}}

    def close(self) -> None:
        self.api.close()


def fill(body: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    return {k: v.format(**ids) if isinstance(v, str) else v for k, v in body.items()}


def seed(api: ApiUsers) -> dict[str, str]:
    """A public case with a session and a draft, the same three released to KAZ alone, a
    unit, a prepared request, an application, an exercise plan and an operation stage."""
    ids: dict[str, str] = {"operation": "Channel", "instrument_id": "CHARTER-2002"}
    for prefix, classified in (("", {"classification": "public"}), ("secret_", {
        "classification": "confidential", "releasable_to": ["KAZ"]})):  # fmt: skip
        filed = {"article": "CST-2", "where": "KAZ", "summary": "unrest", **classified}
        case = ids[f"{prefix}case_id"] = created(api.post("KAZ", "/cases", filed), "case")
        convened = {"body": "CSC", "extraordinary": True, "format": "video", "about": case}
        session = created(api.post("secretariat", "/sessions", convened), "session")
        tabled = {"kind": "statement", "case": case, "text": "the Council is concerned"}
        draft = api.post("secretariat", f"/sessions/{session}/drafts", tabled)
        ids[f"{prefix}session_id"], ids[f"{prefix}draft_id"] = session, created(draft, "draft")
    ids["unit_id"] = created(
        api.post("KAZ", "/units", {"unit": "a company", "strength": 120}), "unit"
    )
    prepared = api.post("analyst", "/prepared-requests", {"for_state": "KAZ", "article": "CST-2"})
    ids["prepared_id"] = created(prepared, "prepared_request")
    applied = api.post("SRB", "/status-applications", SERBIA_APPLIES)
    ids["application_id"] = created(applied, "application")
    proposed = api.post("joint_staff", "/exercise-plans", BY_KEY["POST /exercise-plans"].body)
    ids["plan_id"] = created(proposed, "exercise_plan")
    ids["exercise_id"] = proposed.json()["details"]["exercises"][0]
    stage = api.post("secretariat", "/operations/Channel/stages",
                     BY_KEY["POST /operations/{operation}/stages"].body)  # fmt: skip
    ids["stage_id"] = created(stage, "operation_stage")
    return ids
