"""Error bodies of the API: one shape for 401, 403, 404 and 422, documented on every route."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import InterfaceError, OperationalError
from starlette.exceptions import HTTPException

from accord.kernel.errors import InvalidInput, NotFound, StorageUnavailable
from accord.service.unit_of_work import WriteFailed


class CommandOut(BaseModel):
    """A command as the journal recorded it: allowed or refused, why, and what it created."""

    journal_seq: int = Field(examples=[42])
    journal_hash: str = Field(
        "",
        description="The entry's hash: GET /journal/proofs/inclusion?seq= proves it is in the "
        "journal a signed head vouches for",
    )
    command: str = Field(examples=["file_request"])
    allowed: bool
    articles: list[str] = Field(examples=[["CST-4"]])
    reasons: list[str] = Field(
        examples=[["the attacked party itself asks, as the treaty requires"]]
    )
    details: dict[str, Any] = Field(default_factory=dict, examples=[{"confidence": "secondary"}])
    created: dict[str, str] = Field(default_factory=dict, examples=[{"case": "case-7"}])
    replayed: bool = Field(False, description="True when an Idempotency-Key found this command")


class Problem(BaseModel):
    """Why a request failed: a message, or the fields at fault, or the ruling that refused it."""

    detail: str | list[dict[str, Any]] = Field(examples=["case 'case-9' does not exist"])
    ruling: CommandOut | None = None


def problem(
    status: int, detail: str | list[dict[str, Any]], ruling: CommandOut | None = None
) -> JSONResponse:
    body = Problem(detail=detail, ruling=ruling).model_dump(mode="json", exclude_none=True)
    return JSONResponse(status_code=status, content=body)


PROBLEMS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "No valid API token"},
    403: {"model": Problem, "description": "The caller's role may not do this"},
    404: {"model": Problem, "description": "No such record (or not released to the caller)"},
    413: {"model": Problem, "description": "The request body is larger than 1 MiB"},
    422: {
        "model": Problem,
        "description": "Malformed input (the fields at fault), or refused "
        "by the rules (the ruling, with its articles)",
    },
    503: {
        "model": Problem,
        "description": "The database cannot keep writes (removed, replaced, read-only, "
        "unreachable): nothing was applied; retry with the same Idempotency-Key",
    },
}


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def malformed(_: Request, error: RequestValidationError) -> JSONResponse:
        fields = [
            {"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in error.errors()
        ]
        return problem(422, fields)

    @app.exception_handler(HTTPException)
    async def unreadable(request: Request, error: HTTPException) -> Response:
        # The app raises no 400: FastAPI does, for a body it cannot decode (not UTF-8).
        # That is malformed input, answered 422 like a body that is not JSON.
        if error.status_code == 400:
            return problem(
                422, [{"loc": ["body"], "msg": str(error.detail), "type": "json_invalid"}]
            )
        return await http_exception_handler(request, error)

    @app.exception_handler(InvalidInput)
    async def invalid(_: Request, error: InvalidInput) -> JSONResponse:
        return problem(422, [{"loc": ["body", error.field], "msg": error.rule, "type": "rule"}])

    @app.exception_handler(NotFound)
    async def missing(_: Request, error: NotFound) -> JSONResponse:
        return problem(404, str(error))

    @app.exception_handler(StorageUnavailable)
    async def unavailable(_: Request, error: StorageUnavailable) -> JSONResponse:
        # Never acknowledged: the client may retry with its Idempotency-Key once repaired.
        return problem(503, f"storage unavailable: {error}")

    @app.exception_handler(WriteFailed)
    async def unwritable(_: Request, error: WriteFailed) -> JSONResponse:
        # The database refused this command's values (a constraint, a character it cannot
        # store): nothing was kept, and its neighbours in the same group commit were.
        return problem(422, str(error))

    @app.exception_handler(OperationalError)
    @app.exception_handler(InterfaceError)
    async def unreachable(_: Request, error: Exception) -> JSONResponse:
        # A read that met a dead connection or an unusable file: the database's fault, not
        # the request's, and never a 500 with a traceback.
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        return problem(503, f"storage unavailable: the database cannot be read: {reason}")
