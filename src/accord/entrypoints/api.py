"""The REST API: ``create_app(settings)`` builds everything; nothing happens at import time."""

from __future__ import annotations

from fastapi import FastAPI

from accord import __version__
from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.contexts import routers
from accord.dashboard.web import install as install_dashboard
from accord.edge.body_limit import BodyLimit
from accord.edge.problems import install_handlers
from accord.edge.read_only import ReadOnlyNotice
from accord.edge.settling import JournalSeesDenials
from accord.identity.throttle import LoginThrottle
from accord.service.runtime import Accord
from accord.treaty import routes as treaty_routes

DESCRIPTION = """
Accord, the collective security system of a treaty organization (bundled: the CSTO).

Every endpoint but `/health` needs an API token: `Authorization: Bearer <token>`.
Commands are POSTs: `201` with the journal entry when the rules allow them, `422` with the
ruling (reasons and article ids) when they refuse them, `403` when the caller's role may not
send them (journaled too), `404` for records that do not exist or are not released to the
caller. Send an `Idempotency-Key` header to retry a POST without applying it twice.
"""


def create_app(settings: Settings | None = None, accord: Accord | None = None) -> FastAPI:
    """The application on the configured database and charter (or on a given ``accord``)."""
    app = FastAPI(title="Accord", version=__version__, description=DESCRIPTION)
    app.state.accord = accord or sql_accord(settings or Settings())
    app.add_middleware(ReadOnlyNotice, accord=app.state.accord)
    # A denied reader is answered at once; its denial joins the writer's next group commit.
    app.state.accord.refusals_wait = False
    install_handlers(app)
    app.state.login_throttle = LoginThrottle()
    app.add_middleware(JournalSeesDenials)
    app.add_middleware(BodyLimit)
    app.include_router(treaty_routes.health_router)
    for router in routers():
        app.include_router(router)
    install_dashboard(app)
    return app
