"""GraphiQL at ``GET /graphql``: our page, GraphiQL's built files from a PyPI package.

Everything the page loads is served here, under ``/graphiql/``, so GraphiQL works with
no network after ``pip install`` (docs/api.md, "GraphiQL offline"):

- GraphiQL and React are the built files that ``graphene-django-graphiql-static``
  ships as package data (only its files are used: its Django view is never imported);
- the page itself (``graphiql_page/``) is ours: it uses the dashboard's token for this
  browser session or asks for one, loads the schema once it can, and keeps GraphiQL's
  tabs and headers in sessionStorage, never localStorage.

The page and these files hold no data: they are served without a token.
"""

from __future__ import annotations

import functools
from importlib.resources import files

from fastapi import FastAPI
from starlette.responses import FileResponse, HTMLResponse
from starlette.staticfiles import StaticFiles

#: Where the page's files are served (graph/http/auth.py serves them without a token).
PREFIX = "/graphiql"
#: The package that ships GraphiQL's and React's built files, and where they are in it.
VENDOR_PACKAGE = "graphene_django_graphiql_static"
VENDOR_DIRECTORY = "static/graphene_django_graphiql_static"
#: Our page's files, beside this module (package data): the HTML, and in ``static/``
#: its script and styles.
PACKAGE = "graph.http"
PAGE_DIRECTORY = "graphiql_page"
#: The browser checks back (a 304 when unchanged) before it reuses a file: after an
#: upgrade the page never runs one GraphiQL's script with another's styles.
_REVALIDATE = {"Cache-Control": "no-cache"}


class _RevalidatedFiles(StaticFiles):
    def file_response(self, *args: object, **kwargs: object) -> FileResponse:
        response = super().file_response(*args, **kwargs)  # type: ignore[arg-type]
        response.headers.update(_REVALIDATE)
        return response  # type: ignore[return-value]


@functools.cache
def page_html() -> str:
    """The page's HTML: it names its scripts and styles, all under ``PREFIX``."""
    return (files(PACKAGE) / PAGE_DIRECTORY / "graphiql.html").read_text(encoding="utf-8")


def page_response() -> HTMLResponse:
    """The answer to a browser's ``GET /graphql`` (graph/http/router.py, which marks it
    ``no-store`` like every answer at ``/graphql``)."""
    return HTMLResponse(page_html())


def mount(app: FastAPI) -> None:
    """Serve GraphiQL's files and ours under ``PREFIX``; ours are looked up first."""
    app.mount(
        PREFIX,
        _RevalidatedFiles(
            packages=[
                (PACKAGE, f"{PAGE_DIRECTORY}/static"),
                (VENDOR_PACKAGE, VENDOR_DIRECTORY),
            ]
        ),
        name="graphiql",
    )
