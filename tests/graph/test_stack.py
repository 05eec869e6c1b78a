"""The app is wrapped in the layers of graph/http/stack.py, in its order."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from starlette.middleware.exceptions import ExceptionMiddleware

from graph.http.app import create_app
from graph.http.auth import Authentication
from graph.http.cors import Cors
from graph.http.draining import ABANDON
from graph.http.guards import BodyLimit, IdentityEncodingOnly, MultipartPreflightGuard
from graph.http.pacing import BodyPace
from graph.http.perimeter import HttpOnly, LoopbackHostOnly
from graph.http.router import KeptQueries
from graph.http.settings import Settings
from graph.http.slots import UploadSlots
from graph.http.stack import middleware_stack
from graph.schema.context import utc_now
from persistence.accounts import SqlAccountStore


def _built_layers(settings: Settings, engine: Engine) -> list[str]:
    """Our classes a request meets, outermost first, read from the app as FastAPI built it
    (its own error, telemetry and body-size layers stand outside them)."""
    app = create_app(settings, engine=engine)
    layer: Any = app.build_middleware_stack()
    names = []
    while not isinstance(layer, ExceptionMiddleware):
        if type(layer).__module__.startswith("graph."):
            names.append(type(layer).__name__)
        else:
            assert not names, f"{type(layer).__name__} stands among the stack's layers"
        layer = layer.app
    return names


def test_the_built_app_wraps_the_layers_of_the_stack_in_its_order(
    settings: Settings, engine: Engine
) -> None:
    listed = middleware_stack(
        settings, store=SqlAccountStore(engine), clock=utc_now, reads=None, abandon=ABANDON
    )

    built = _built_layers(settings, engine)

    assert built == [getattr(layer.cls, "__name__", "") for layer in listed]


def test_the_security_guards_stand_where_the_perimeter_needs_them(
    settings: Settings, engine: Engine
) -> None:
    built = _built_layers(settings, engine)
    position = {name: index for index, name in enumerate(built)}

    # Nothing but HTTP reaches any layer that does work.
    assert built[0] == HttpOnly.__name__
    # A preflight is answered without a token, and a refusal carries the CORS headers.
    assert position[Cors.__name__] < position[Authentication.__name__]
    # The token is checked before any header or body is looked at.
    for inner in (
        LoopbackHostOnly,
        BodyLimit,
        IdentityEncodingOnly,
        MultipartPreflightGuard,
        UploadSlots,
        BodyPace,
    ):
        assert position[Authentication.__name__] < position[inner.__name__], inner.__name__
    # An upload holds a slot only after the cheap checks, and its body is paced last.
    assert position[MultipartPreflightGuard.__name__] < position[UploadSlots.__name__]
    assert built[-2] == BodyPace.__name__
    # A kept query is answered directly only after every check, its body paced.
    assert built[-1] == KeptQueries.__name__
