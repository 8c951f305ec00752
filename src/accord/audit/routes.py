"""The journal API: entries in order and their verification (the Secretariat and administrators),
and what lets anyone signed in audit it (the signed head, inclusion and consistency proofs,
the keys): hashes only, never an entry's content."""

from __future__ import annotations

import asyncio
import time
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from accord.adapters.local_state import key_path, state_folder
from accord.edge.deps import AccordDep, PrincipalDep
from accord.edge.problems import PROBLEMS
from accord.edge.sending import deny
from accord.edge.views import view_of
from accord.identity.permissions import may_read_journal
from accord.journal.background import BackgroundVerification
from accord.journal.full_check import verify_journal
from accord.journal.model import Entry
from accord.journal.repository import SqlJournal, page_after
from accord.journal.seal import JournalSeal
from accord.journal.seal_files import SealFiles
from accord.journal.tree import ProofRefused, leaf_hash
from accord.kernel.errors import NotFound, StorageUnavailable
from accord.service.runtime import Accord

router = APIRouter(prefix="/journal", tags=["journal"], responses=PROBLEMS)
Size = Annotated[int, Query(ge=1, le=2**31 - 1)]


#: A reader is shown every field of an entry but the client's idempotency key and the stored
#: bytes (the hash covers them: the fields are what they say).
@view_of(Entry, exclude=("request_key", "body"))
class EntryOut(BaseModel):
    pass


_SHOWN = tuple(EntryOut.model_fields)


class HeadOut(BaseModel):
    size: int
    root: str
    key_id: str
    at: str
    signature: str


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


@router.get("/verification")
async def verify(
    request: Request,
    accord: AccordDep,
    principal: PrincipalDep,
    wait: Annotated[
        float, Query(ge=0, le=300, description="Seconds to wait for the run to finish")
    ] = 0,
) -> Any:
    """The full verification (every entry's content, chain and columns; the whole against the
    signed head), run in the background: this starts a run unless one is running or the last
    one covered the journal as it is, and reports its progress, or its result once done."""
    # The journal reads (and a denial's write) on a worker thread: this route is async only
    # so that a client waiting for the result holds no worker while it waits.
    await run_in_threadpool(_require_reader, accord, principal)
    verification = _verification(request, accord)
    await run_in_threadpool(verification.request)
    deadline = time.monotonic() + wait
    # Polled, not waited on in a thread: a waiting client holds no worker.
    while verification.running and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return verification.state()


@router.get("/head", response_model=HeadOut)
def signed_head(accord: AccordDep, principal: PrincipalDep) -> Any:
    """The latest signed tree head: the journal of ``size`` entries has Merkle root ``root``,
    signed with key ``key_id`` (GET /journal/keys)."""
    head = _seal(accord).head
    if head is None:
        raise StorageUnavailable("no head is signed yet")
    return head.to_dict()


@router.get("/proofs/inclusion")
def inclusion(
    accord: AccordDep, principal: PrincipalDep, seq: Size, size: Size | None = None
) -> Any:
    """Entry ``seq`` is in the journal of ``size`` entries (default: the signed head's):
    pymerkle's inclusion proof of its leaf (SHA-256 of 0x00 and the entry's hash)."""
    seal = _seal(accord)
    size = size or (seal.head.size if seal.head else seal.size)
    try:
        proof = seal.tree.inclusion(seq, size)
    except ProofRefused as error:
        raise NotFound(str(error)) from None
    entry = seal.entry_hash(seq)
    return {
        "seq": seq,
        "size": size,
        "entry_hash": entry,
        "leaf": leaf_hash(entry).hex(),
        "proof": proof,
    }


@router.get("/proofs/consistency")
def consistency(
    accord: AccordDep,
    principal: PrincipalDep,
    first: Annotated[int, Query(alias="from", ge=1, le=2**31 - 1)],
    second: Annotated[int, Query(alias="to", ge=1, le=2**31 - 1)],
) -> Any:
    """The journal of ``to`` entries extends the one of ``from`` entries: pymerkle's proof."""
    try:
        proof = _seal(accord).tree.consistency(first, second)
    except ProofRefused as error:
        raise NotFound(str(error)) from None
    return {"from": first, "to": second, "proof": proof}


@router.get("/keys")
def keys(accord: AccordDep, principal: PrincipalDep) -> Any:
    """The keys that sign the heads: the current one, and each retired one with the size at
    which it retired and its announcement of the next (signed by the key it retires)."""
    return _seal(accord).keyring().to_dict()


def _seal(accord: Accord) -> JournalSeal:
    accord.world  # noqa: B018  # whatever others committed first, so the tree is current
    if accord.seal is None or accord.read_only:
        raise StorageUnavailable(f"the journal is not vouched for: {accord.read_only}")
    accord.seal.catch_up()  # the head signed in the background may be a commit behind
    return accord.seal


def _verification(request: Request, accord: Accord) -> BackgroundVerification:
    state = request.app.state
    if getattr(state, "journal_verification", None) is None:
        journal, files = (
            SqlJournal(accord.engine),
            SealFiles(state_folder(accord.settings, accord.engine)),
        )

        def check(progress: Any) -> Any:
            with journal.snapshot() as view:
                return verify_journal(view, files, key_path(accord.settings), progress)

        state.journal_verification = BackgroundVerification(check, lambda: journal.head_row()[0])
    verification: BackgroundVerification = state.journal_verification
    return verification
