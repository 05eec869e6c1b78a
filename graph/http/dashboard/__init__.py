"""The dashboard: ``GET /`` serves its page and ``/assets/`` its files, shipped as package data.

The files in ``static/`` are built from ``web/`` (see docs/dashboard.md) and committed,
so a plain ``pip install .`` serves the dashboard without Node.js or a network.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI
from starlette.responses import FileResponse
from starlette.staticfiles import StaticFiles

#: Where the built files live inside the installed package.
STATIC = "static"

#: The browser checks back (a 304 when unchanged) before it reuses a file: after an
#: upgrade the page and its script never come from two different builds.
_REVALIDATE = {"Cache-Control": "no-cache"}
#: The service worker is served from /assets/ but controls the whole page (scope "/").
_WORKER = "sw.js"
_WORKER_SCOPE = {"Service-Worker-Allowed": "/"}


class _RevalidatedFiles(StaticFiles):
    def file_response(self, *args: object, **kwargs: object) -> FileResponse:
        response = super().file_response(*args, **kwargs)  # type: ignore[arg-type]
        response.headers.update(_REVALIDATE)
        if str(args[0] if args else kwargs.get("full_path", "")).endswith(_WORKER):
            response.headers.update(_WORKER_SCOPE)
        return response  # type: ignore[return-value]


def mount(app: FastAPI) -> None:
    """Serve the dashboard page at ``GET /`` and its assets under ``/assets/``."""
    root = files(__name__) / STATIC
    index = str(root / "index.html")

    async def dashboard() -> FileResponse:
        return FileResponse(index, media_type="text/html", headers=_REVALIDATE)

    app.add_api_route("/", dashboard, methods=["GET"], include_in_schema=False)
    app.mount("/assets", _RevalidatedFiles(packages=[(__name__, STATIC)]), name="assets")
