"""The commands of ``healthhub``: each takes its parsed arguments and returns an exit code."""

from __future__ import annotations

import argparse
import contextlib
import errno
import ipaddress
import json
import socket
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cli.errors import CommandError
from cli.output import kpi_row, plain, print_table, write_csv
from domain import accounts, services
from domain.imports.pipeline import Limits, kind_of
from domain.model import (
    KPI_FIELDS,
    DateOrder,
    ImportSource,
    IngestionStatus,
    InvalidRowPolicy,
    NumberFormat,
    WeightUnit,
)
from graph.http.settings import Settings


def serve(args: argparse.Namespace) -> int:
    from graph.server.serving import serve as run_server
    from persistence.migrations import upgrade

    settings = Settings()
    _report_env_file(settings)
    if not _is_loopback(args.host) and not settings.api_token and not _accounts_exist():
        print(
            f"healthhub: refusing to listen on {args.host} without an access token; "
            "set HEALTHHUB_API_TOKEN (e.g. export HEALTHHUB_API_TOKEN=$(openssl rand -hex 32)), "
            "create a user (healthhub users add NAME) or serve on 127.0.0.1",
            file=sys.stderr,
        )
        return 2
    _check_port(args.host, args.port)
    upgrade(settings.database_url)
    run_server(
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        log_format=settings.log_format,
        http=args.http,
    )
    return 0


def ingest(args: argparse.Namespace) -> int:
    path = Path(args.file)
    settings = Settings()
    with _opened(path) as stream:
        size = path.stat().st_size
        head = stream.read(4096)
        stream.seek(0)
        if args.max_bytes is not None:
            limit, name = args.max_bytes, "--max-bytes"
        elif kind_of(head) in ("zip", "xml"):
            limit, name = settings.max_import_bytes, "HEALTHHUB_MAX_IMPORT_BYTES"
        else:
            limit, name = settings.max_upload_bytes, "HEALTHHUB_MAX_UPLOAD_BYTES"
        if size > limit:
            print(
                f"{path.name}: {size:,} bytes is over the limit of {limit:,} bytes ({name}); "
                "--max-bytes N lifts it",
                file=sys.stderr,
            )
            return 2
        options = services.UploadOptions(
            policy=InvalidRowPolicy[args.on_invalid_row.upper().replace("-", "_")],
            date_order=DateOrder[args.date_order.upper()],
            number_format=NumberFormat[args.number_format.upper()],
            source=ImportSource[args.source.upper().replace("-", "_")],
            weight_unit=WeightUnit[args.weight_unit.upper()] if args.weight_unit else None,
            dry_run=args.dry_run,
        )
        with _uow(args, migrate=True) as (uow, user_id):
            report = services.import_file(
                uow,
                user_id,
                stream,
                filename=path.name,
                options=options,
                now=datetime.now(UTC),
                limits=Limits(args.max_bytes or settings.max_upload_bytes, limit),
                progress=_progress(size),
            )
    print(json.dumps(plain(report), indent=2, ensure_ascii=False))
    return 1 if report.status is IngestionStatus.REJECTED else 0


def _progress(total: int) -> Callable[[int], None]:
    """Report how far a long file has been read, on standard error."""

    def show(done: int) -> None:
        # Inside a ZIP the count is of inflated XML, which outgrows the file's size.
        of = f" of {total / 2**20:,.0f}" if done <= total else " of XML"
        print(f"read {done / 2**20:,.0f}{of} MiB", file=sys.stderr)

    return show


def kpis(args: argparse.Namespace) -> int:
    with _uow(args, migrate=False) as (uow, user_id):
        kpis = services.list_kpis(uow, user_id, args.start, args.end)
    rows = [kpi_row(k) for k in kpis]
    columns = ["date", *KPI_FIELDS]
    if args.format == "json":
        print(json.dumps(rows, indent=2))
    elif args.format == "csv":
        write_csv(sys.stdout, columns, rows)
    else:
        print_table(columns, rows)
    return 0


def export(args: argparse.Namespace) -> int:
    target = Path(args.file)
    _check_writable(target)
    with _uow(args, migrate=False) as (uow, user_id):
        data = services.export_days(uow, user_id, args.start, args.end)
    try:
        target.write_bytes(data)
    except OSError as error:
        raise CommandError(
            f"cannot write {target}: {error.strerror}; choose a path you can write"
        ) from error
    rows = data.count(b"\n") - 1
    print(f"wrote {rows} days to {args.file}")
    return 0


def export_schema(args: argparse.Namespace) -> int:
    from graph.schema.build import build_schema

    print(build_schema().as_str())
    return 0


def db_upgrade(args: argparse.Namespace) -> int:
    from persistence.migrations import upgrade

    upgrade(Settings().database_url)
    print("database is at the latest revision")
    return 0


@contextlib.contextmanager
def _database(*, migrate: bool) -> Iterator[Any]:
    """An engine on the configured database at the latest revision: migrated to it for a
    command that writes; a read-only command never migrates, it refuses instead."""
    from persistence.database import create_engine_for
    from persistence.migrations import check_current, upgrade

    settings = Settings()
    if not migrate:
        check_current(settings.database_url)
    else:
        upgrade(settings.database_url)
    engine = create_engine_for(
        settings.database_url, timeout_seconds=settings.database_timeout_seconds
    )
    try:
        yield engine
    finally:
        engine.dispose()


@contextlib.contextmanager
def _uow(args: argparse.Namespace, *, migrate: bool) -> Iterator[tuple[Any, str]]:
    """A unit of work on the configured database, and the user ``--user`` names."""
    from persistence.accounts import SqlAccountStore
    from persistence.uow import SqlUnitOfWork

    with _database(migrate=migrate) as engine:
        user_id = accounts.resolve_user(SqlAccountStore(engine), args.user)
        yield SqlUnitOfWork(engine), user_id


@contextlib.contextmanager
def _accounts(*, migrate: bool) -> Iterator[Any]:
    from persistence.accounts import SqlAccountStore

    with _database(migrate=migrate) as engine:
        yield SqlAccountStore(engine)


def _accounts_exist() -> bool:
    """Whether the configured database holds a user, without creating or migrating it."""
    from sqlalchemy import inspect
    from sqlalchemy.engine import make_url

    from persistence.accounts import SqlAccountStore
    from persistence.database import create_engine_for

    settings = Settings()
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        return False
    engine = create_engine_for(
        settings.database_url, timeout_seconds=settings.database_timeout_seconds
    )
    try:
        return inspect(engine).has_table("users") and SqlAccountStore(engine).any_users()
    finally:
        engine.dispose()


def users_add(args: argparse.Namespace) -> int:
    with _accounts(migrate=True) as store:
        token = accounts.add_user(
            store, args.name, now=datetime.now(UTC), adopt_local=args.adopt_local
        )
    adopted = f", with the data of {accounts.LOCAL_USER!r}" if args.adopt_local else ""
    print(f"created user {args.name!r}{adopted}; its token (shown only now):", file=sys.stderr)
    print(token.token)
    return 0


def users_list(args: argparse.Namespace) -> int:
    with _accounts(migrate=False) as store:
        users = store.list_users()
    rows = [
        {
            "name": user.name,
            "created": _stamp(user.created_at),
            "tokens": user.token_count,
            "last used": _stamp(user.last_used_at) if user.last_used_at else "never",
        }
        for user in users
    ]
    print_table(["name", "created", "tokens", "last used"], rows, align=str.ljust)
    return 0


def users_token(args: argparse.Namespace) -> int:
    with _accounts(migrate=True) as store:
        token = accounts.issue_token(store, args.name, now=datetime.now(UTC))
    print(f"new token of {args.name!r} (shown only now):", file=sys.stderr)
    print(token.token)
    return 0


def users_revoke(args: argparse.Namespace) -> int:
    with _accounts(migrate=True) as store:
        revoked = accounts.revoke(store, args.name, args.token)
    print(f"revoked {revoked} token{'s' if revoked != 1 else ''} of {args.name!r}")
    return 0


def users_remove(args: argparse.Namespace) -> int:
    if not args.yes:
        print(
            f"healthhub: this deletes user {args.name!r} with all its data and tokens; "
            "add --yes to do it",
            file=sys.stderr,
        )
        return 2
    with _accounts(migrate=True) as store:
        accounts.remove_user(store, args.name)
    print(f"removed user {args.name!r} and all its data")
    return 0


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _opened(path: Path) -> Any:
    """``path`` opened for reading, or the command error that says why it cannot be."""
    if path.is_dir():
        raise CommandError(f"{path} is a folder; give the path of a file (docs/formats.md)")
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise CommandError(
            f"{path}: no such file; give the path of a CSV file or an app's export "
            "(docs/formats.md)"
        ) from None
    except OSError as error:
        raise CommandError(
            f"cannot read {path}: {error.strerror}; check the file's permissions"
        ) from None


def _check_writable(target: Path) -> None:
    """Refuse a path the export could not be written to before reading the data."""
    if target.is_dir():
        raise CommandError(
            f"{target} is a folder; give a file name, such as {target / 'export.csv'}"
        )
    folder = target.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise CommandError(
            f"cannot write {target}: {folder} {what}; create the folder or choose another path"
        )


def _check_port(host: str, port: int) -> None:
    """Refuse a port that cannot be listened on before migrating (uvicorn would log the
    failure after start-up work and exit)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As uvicorn binds: a port whose last connections linger in TIME_WAIT is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except socket.gaierror:
            raise CommandError(
                f"{host} is not a host name or address of this machine; choose another "
                "with --host (default 127.0.0.1)"
            ) from None
        except OSError as error:
            raise CommandError(f"port {port} on {host} {_bind_problem(error)}") from None


def _bind_problem(error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return "is in use; stop what listens there, or choose another with --port N"
    if error.errno == errno.EACCES:
        return "needs privileges; choose a port from 1024 up with --port N"
    if error.errno == errno.EADDRNOTAVAIL:
        return "is not on an address of this machine; choose another with --host"
    return f"cannot be listened on ({error.strerror}); choose another --host or --port"


def _report_env_file(settings: Settings) -> None:
    """Say that ./.env was read, and whether it is what turns token mode on: a stray
    .env would otherwise make a local server refuse the dashboard without a token."""
    env_file = Path(".env")
    if not env_file.is_file():
        return
    if settings.api_token is None:
        mode = "it sets no HEALTHHUB_API_TOKEN (token mode is off unless users exist)"
    elif Settings(_env_file=None).api_token is None:
        mode = "its HEALTHHUB_API_TOKEN turns token mode on: requests need that token"
    else:
        mode = "token mode is on (HEALTHHUB_API_TOKEN from the environment)"
    print(f"healthhub: read settings from {env_file.resolve()}; {mode}", file=sys.stderr)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
