"""The journal API: entries in order, and the verification of their chain."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from accord.entrypoints.deps import AccordDep, PrincipalDep
from accord.entrypoints.problems import PROBLEMS
from accord.entrypoints.sending import deny
from accord.identity.permissions import may_read_journal
from accord.journal.repository import SqlJournal, page_after
from accord.journal.verify import verify

router = APIRouter(prefix="/journal", tags=["journal"], responses=PROBLEMS)


class EntryOut(BaseModel):
    seq: int
    at: str
    actor: str
    command: str
    payload: dict[str, Any]
    allowed: bool
    articles: list[str]
    reasons: list[str]
    events: list[dict[str, Any]]
    details: dict[str, Any]
    prev: str
    hash: str


#: What a reader is shown of an entry: all but the client's idempotency key.
_SHOWN = tuple(EntryOut.model_fields)


class VerificationOut(BaseModel):
    entries: int
    ok: bool
    problems: list[str]


def _require_reader(accord: AccordDep, principal: PrincipalDep) -> None:
    if not may_read_journal(principal):
        deny(accord, principal, "read the journal")
        raise HTTPException(403, f"a {principal.role} user may not read the journal")


@router.get("", response_model=list[EntryOut])
def read_journal(
    accord: AccordDep,
    principal: PrincipalDep,
    after: Annotated[int, Query(ge=0, le=2**31 - 1, description="The last seq already read")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Any:
    """Entries after ``after``, oldest first (Secretariat and administrators)."""
    _require_reader(accord, principal)
    with accord.engine.connect() as connection:
        page = page_after(connection, after, limit)
    # Entries read back from the database are JSON already: sent as they are, without a deep
    # copy and a validation per field (most of a page's time); the model still documents them.
    return JSONResponse([{name: getattr(entry, name) for name in _SHOWN} for entry in page])


@router.get("/verification", response_model=VerificationOut)
def verify_journal(accord: AccordDep, principal: PrincipalDep) -> Any:
    """Recompute every hash: any edited, removed or reordered entry is reported."""
    _require_reader(accord, principal)
    result = verify(SqlJournal(accord.engine).entries())
    return {"entries": result.entries, "ok": result.ok, "problems": list(result.problems)}
