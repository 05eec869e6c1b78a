"""Prometheus metrics of a server, served at ``GET /metrics`` (docs/api.md, "Metrics").

Labels are bounded: an operation is named by its first root field (a schema name,
or ``invalid`` when none was parsed), an outcome is ``ok`` or the first error code.

A server of several worker processes (``serve --workers N``) sets
``PROMETHEUS_MULTIPROC_DIR`` to a private directory before its workers start
(graph/server/serving.py): prometheus_client's multiprocess mode then keeps each
process's values in files there, and whichever worker answers ``/metrics`` sums them
all. The pool gauges are then counted from the pool's events and summed over the
workers alive (``livesum``); a worker that is gone no longer counts.
"""

from __future__ import annotations

import glob
import os
import re
import time
from collections.abc import Iterator
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Engine, event
from starlette.responses import Response
from strawberry.extensions import SchemaExtension

from domain import model

_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
#: Where the workers of one server keep their values (set by graph/server/serving.py).
MULTIPROC_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
_LIVE_GAUGE_FILE = re.compile(r"gauge_live\w+?_(\d+)\.db$")


class Metrics:
    """The metrics of one app, in their own registry (with the other workers' values in
    multiprocess mode)."""

    def __init__(self, engine: Engine) -> None:
        self.directory = os.environ.get(MULTIPROC_DIR_ENV) or None
        self.registry = CollectorRegistry(auto_describe=True)
        self.operations = Counter(
            "healthhub_graphql_operations",
            "GraphQL operations by operation (first root field) and outcome (ok or error code).",
            ["operation", "outcome"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "healthhub_graphql_operation_seconds",
            "Time to answer a GraphQL operation, by operation.",
            ["operation"],
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.uploads = Counter(
            "healthhub_uploads",
            "Uploads by status (APPLIED, REJECTED, UNCHANGED) and source format.",
            ["status", "source"],
            registry=self.registry,
        )
        self.rows = Counter(
            "healthhub_rows_applied",
            "Days written: inserted and updated by uploads, deleted by deleteDailyMetrics.",
            ["change"],
            registry=self.registry,
        )
        self.lock_wait = Histogram(
            "healthhub_lock_wait_seconds",
            "Time a write waited for the user's write lock.",
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.token_refusals = Counter(
            "healthhub_token_refusals",
            "Requests refused for a missing or wrong token, by status (401; 429 past the "
            "failed-token limit of an address).",
            ["status"],
            registry=self.registry,
        )
        if self.directory is None:
            self.registry.register(_PoolCollector(engine))
        else:
            _count_pool_events(engine, self.registry)

    def observe_upload(self, report: model.Ingestion) -> None:
        source = getattr(report, "source", None)
        self.uploads.labels(report.status.value, getattr(source, "value", source or "HUB")).inc()
        self.rows.labels("inserted").inc(report.rows_inserted)
        self.rows.labels("updated").inc(report.rows_updated)

    def observe_token_refusal(self, status: int) -> None:
        self.token_refusals.labels(str(status)).inc()

    def observe_delete(self, deleted: int) -> None:
        self.rows.labels("deleted").inc(deleted)

    def observe_lock_wait(self, seconds: float) -> None:
        self.lock_wait.observe(seconds)

    def response(self) -> Response:
        if self.directory is None:
            return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)
        _forget_dead_workers(self.directory)
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=self.directory)  # type: ignore[no-untyped-call]
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    def close(self) -> None:
        """At the process's end: its pool gauges no longer count (its counters do)."""
        if self.directory is not None:
            multiprocess.mark_process_dead(os.getpid(), self.directory)  # type: ignore[no-untyped-call]


def _forget_dead_workers(directory: str) -> None:
    """Drop the live gauges of workers that died without closing (killed, crashed)."""
    for path in glob.glob(os.path.join(directory, "gauge_live*.db")):
        found = _LIVE_GAUGE_FILE.search(path)
        if found is None:
            continue
        pid = int(found.group(1))
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            multiprocess.mark_process_dead(pid, directory)  # type: ignore[no-untyped-call]
        except PermissionError:  # alive, another user's: not a worker of ours either way
            continue


def _count_pool_events(engine: Engine, registry: CollectorRegistry) -> None:
    """The pool gauges of a worker, kept by the pool's events and summed over the
    live workers (one app per worker process, so the listeners are added once)."""

    def gauge(name: str, description: str) -> Gauge:
        return Gauge(name, description, registry=registry, multiprocess_mode="livesum")

    checked_out = gauge("healthhub_db_pool_checked_out", "Connections in use.")
    idle = gauge("healthhub_db_pool_idle", "Idle connections in the pool.")
    size = gauge("healthhub_db_pool_size", "Configured pool size.")
    pool_size = getattr(engine.pool, "size", None)
    size.set(float(pool_size()) if callable(pool_size) else 0.0)
    checked_out.set(0)
    idle.set(0)

    def on_connect(*_args: Any) -> None:
        idle.inc()

    def on_checkout(*_args: Any) -> None:
        checked_out.inc()
        idle.dec()

    def on_checkin(*_args: Any) -> None:
        checked_out.dec()
        idle.inc()

    def on_close(*_args: Any) -> None:
        idle.dec()

    for name, listener in (
        ("connect", on_connect),
        ("checkout", on_checkout),
        ("checkin", on_checkin),
        ("close", on_close),
    ):
        event.listen(engine, name, listener)


class _PoolCollector(Collector):
    """The database connection pool at scrape time."""

    def __init__(self, engine: Engine) -> None:
        self._pool = engine.pool

    def collect(self) -> Iterator[GaugeMetricFamily]:
        for name, description, method in (
            ("healthhub_db_pool_checked_out", "Connections in use.", "checkedout"),
            ("healthhub_db_pool_idle", "Idle connections in the pool.", "checkedin"),
            ("healthhub_db_pool_size", "Configured pool size.", "size"),
        ):
            read = getattr(self._pool, method, None)
            if callable(read):
                yield GaugeMetricFamily(name, description, value=float(read()))


class OperationMetrics(SchemaExtension):
    """Counts each operation by name and outcome and times it (``context.metrics``)."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        context: Any = self.execution_context.context
        metrics = getattr(context, "metrics", None)
        if not isinstance(metrics, Metrics):
            return
        operation = _operation_label(self.execution_context)
        result = self.execution_context.result
        errors = getattr(result, "errors", None) or []
        outcome = "ok"
        if errors:
            outcome = str((errors[0].extensions or {}).get("code", "ERROR"))
        metrics.operations.labels(operation, outcome).inc()
        metrics.latency.labels(operation).observe(time.perf_counter() - started)


def _operation_label(execution_context: Any) -> str:
    document = execution_context.graphql_document
    if document is None:
        return "invalid"
    try:
        operation = str(execution_context.operation_type.value)
    except Exception:
        return "invalid"
    root = execution_context.schema._schema.get_root_type(execution_context.operation_type)
    known = root.fields if root is not None else {}
    for definition in document.definitions:
        selection_set = getattr(definition, "selection_set", None)
        if getattr(definition, "operation", None) is not None and selection_set is not None:
            for selection in selection_set.selections:
                name = getattr(getattr(selection, "name", None), "value", None)
                if name in known or name in ("__schema", "__type", "__typename"):
                    return f"{operation}:{name}"
    return operation
