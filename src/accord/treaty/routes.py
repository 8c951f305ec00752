"""The treaty API: rulings, the chair, article wordings as of a date; and health."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import JSONResponse
from pydantic import AfterValidator, BaseModel, Field

from accord.edge.deps import AccordDep, PrincipalDep
from accord.edge.problems import PROBLEMS
from accord.edge.queries import AsOf, RecordId
from accord.kernel.errors import StorageUnavailable
from accord.rules.bounds import MAX_FACT_CHARS, MAX_FACTS, Key, printable
from accord.rules.questions import QUESTIONS, ask, given_facts
from accord.rules.summaries import article_summary

router = APIRouter(tags=["treaty"], responses=PROBLEMS)
#: A fact of a question: a key and its value, as long as a list of states can be.
Fact = Annotated[str, Field(max_length=MAX_FACT_CHARS), AfterValidator(printable)]
health_router = APIRouter(tags=["health"])


class RulingOut(BaseModel):
    question: str
    as_of: dt.date
    allowed: bool
    articles: list[str]
    confidence: str
    reasons: list[dict[str, Any]]
    model_config = {"extra": "allow"}


class ArticleOut(BaseModel):
    article: str
    title: str
    text: str
    wording_from: dt.date
    confidence: str
    note: str | None


@health_router.get(
    "/health", responses={503: {"description": "The database cannot keep writes, and why"}}
)
def health(accord: AccordDep) -> Any:
    """Liveness and the storage's state: the only endpoint that needs no token."""
    try:
        accord.uow.guard.check()
    except StorageUnavailable as error:
        return JSONResponse(
            status_code=503, content={"status": "unavailable", "detail": str(error)}
        )
    if accord.read_only:
        return {"status": "read-only", "detail": accord.read_only}
    return {"status": "ok"}


@router.get("/treaty/explain", response_model=RulingOut)
async def explain(
    accord: AccordDep,
    principal: PrincipalDep,
    question: Annotated[
        Key, Query(description=f"One of {', '.join(sorted(QUESTIONS))}", examples=["request"])
    ],
    fact: Annotated[
        list[Fact],
        Query(
            max_length=MAX_FACTS,
            description=f"key=value, repeated (at most {MAX_FACTS})",
            examples=[
                ["by=KAZ", "article=CST-4", "where=KAZ", "threat=aggression", "aggressor=non_state"]
            ],
        ),
    ] = [],  # noqa: B006 - FastAPI copies query defaults
    as_of: AsOf = None,
) -> Any:
    """What the treaty says on a date, and why: a ruling with its articles."""
    given = given_facts(fact)
    return ask(accord.world.rulebook(as_of or accord.now().date()), question, given).to_dict()


@router.get("/chair", response_model=RulingOut)
async def chair(accord: AccordDep, principal: PrincipalDep, as_of: AsOf = None) -> Any:
    """Who chairs the Council on a date, recorded or projected, and why."""
    return ask(accord.world.rulebook(as_of or accord.now().date()), "chair", {}).to_dict()


@router.get("/treaty/articles/{article_id}", response_model=ArticleOut)
async def article(
    article_id: RecordId, accord: AccordDep, principal: PrincipalDep, as_of: AsOf = None
) -> Any:
    """An article's wording in force on a date, with its confidence."""
    found = article_summary(accord.world.rulebook(as_of or accord.now().date()), article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in force on that date")
    return found
