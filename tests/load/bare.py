"""The baseline: a bare FastAPI endpoint served with `accord serve`'s uvicorn settings.

``python -m tests.load.bare --host 127.0.0.1 --port N`` (the harness starts it like `accord
serve`). A plain ``def`` route, as Accord's routes are, so both pay the same thread hop.
"""

from __future__ import annotations

import argparse
from typing import Any

from fastapi import FastAPI

from accord.entrypoints.serve_cli import run_server

MEMBERS = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]


def bare_app() -> FastAPI:
    app = FastAPI()

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/bare")
    def bare() -> dict[str, Any]:
        return {"id": "case-1", "stage": "consultations", "members": MEMBERS}

    @app.get("/failure")
    def failure() -> None:
        # An exception no handler knows, as a bug in a route raises (tests/integration/
        # test_serve_errors.py): the load never sends this.
        raise RuntimeError("a route's bug")

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    options = parser.parse_args()
    run_server(bare_app(), options.host, options.port)


if __name__ == "__main__":
    main()
