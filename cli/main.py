"""The ``healthhub`` command line: serve, ingest, kpis, export, export-schema, db upgrade,
users (docs/accounts.md)."""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import ipaddress
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from domain import accounts, services
from domain.errors import InvalidInputError
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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = _parser().parse_args(argv)
    from persistence.migrations import SchemaBehindError

    try:
        result: int = args.run(args)
    except InvalidInputError as error:
        print(f"healthhub: {error.message}", file=sys.stderr)
        return 2
    except SchemaBehindError as error:
        print(f"healthhub: {error}", file=sys.stderr)
        return 2
    except ValidationError as error:
        for problem in error.errors():
            print(f"healthhub: configuration: {problem['msg']}", file=sys.stderr)
        return 2
    return result


def _serve(args: argparse.Namespace) -> int:
    from graph.server.serving import serve
    from persistence.migrations import upgrade

    settings = Settings()
    if not _is_loopback(args.host) and not settings.api_token and not _accounts_exist():
        print(
            f"healthhub: refusing to listen on {args.host} without an access token; "
            "set HEALTHHUB_API_TOKEN (e.g. export HEALTHHUB_API_TOKEN=$(openssl rand -hex 32)), "
            "create a user (healthhub users add NAME) or serve on 127.0.0.1",
            file=sys.stderr,
        )
        return 2
    upgrade(settings.database_url)
    serve(
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        log_format=settings.log_format,
        http=args.http,
    )
    return 0


def _ingest(args: argparse.Namespace) -> int:
    path = Path(args.file)
    settings = Settings()
    with path.open("rb") as stream:
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
    print(json.dumps(_plain(report), indent=2, ensure_ascii=False))
    return 1 if report.status is IngestionStatus.REJECTED else 0


def _progress(total: int) -> Callable[[int], None]:
    """Report how far a long file has been read, on standard error."""

    def show(done: int) -> None:
        # Inside a ZIP the count is of inflated XML, which outgrows the file's size.
        of = f" of {total / 2**20:,.0f}" if done <= total else " of XML"
        print(f"read {done / 2**20:,.0f}{of} MiB", file=sys.stderr)

    return show


def _kpis(args: argparse.Namespace) -> int:
    with _uow(args, migrate=False) as (uow, user_id):
        kpis = services.list_kpis(uow, user_id, args.start, args.end)
    rows = [_plain(k) for k in kpis]
    columns = ["date", *KPI_FIELDS]
    if args.format == "json":
        print(json.dumps(rows, indent=2))
    elif args.format == "csv":
        _write_csv(sys.stdout, columns, rows)
    else:
        _print_table(columns, rows)
    return 0


def _export(args: argparse.Namespace) -> int:
    with _uow(args, migrate=False) as (uow, user_id):
        data = services.export_days(uow, user_id, args.start, args.end)
    Path(args.file).write_bytes(data)
    rows = data.count(b"\n") - 1
    print(f"wrote {rows} days to {args.file}")
    return 0


def _export_schema(args: argparse.Namespace) -> int:
    from graph.schema.build import build_schema

    print(build_schema().as_str())
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
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


def _users_add(args: argparse.Namespace) -> int:
    with _accounts(migrate=True) as store:
        token = accounts.add_user(
            store, args.name, now=datetime.now(UTC), adopt_local=args.adopt_local
        )
    adopted = f", with the data of {accounts.LOCAL_USER!r}" if args.adopt_local else ""
    print(f"created user {args.name!r}{adopted}; its token (shown only now):", file=sys.stderr)
    print(token.token)
    return 0


def _users_list(args: argparse.Namespace) -> int:
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
    _print_table(["name", "created", "tokens", "last used"], rows, align=str.ljust)
    return 0


def _users_token(args: argparse.Namespace) -> int:
    with _accounts(migrate=True) as store:
        token = accounts.issue_token(store, args.name, now=datetime.now(UTC))
    print(f"new token of {args.name!r} (shown only now):", file=sys.stderr)
    print(token.token)
    return 0


def _users_revoke(args: argparse.Namespace) -> int:
    with _accounts(migrate=True) as store:
        revoked = accounts.revoke(store, args.name, args.token)
    print(f"revoked {revoked} token{'s' if revoked != 1 else ''} of {args.name!r}")
    return 0


def _users_remove(args: argparse.Namespace) -> int:
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


def _plain(obj: Any) -> Any:
    """A dataclass or named tuple as JSON-ready values (dates ISO, enums by name)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return {name: _plain(getattr(obj, name)) for name in obj._fields}
    if isinstance(obj, tuple | list):
        return [_plain(item) for item in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    if hasattr(obj, "value") and hasattr(obj, "name"):
        return obj.name
    return obj


def _write_csv(out: IO[str], columns: list[str], rows: list[dict[str, Any]]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in columns])


def _print_table(
    columns: list[str],
    rows: list[dict[str, Any]],
    align: Callable[[str, int], str] = str.rjust,
) -> None:
    def cell(value: object) -> str:
        if value is None:
            return "-"
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    cells = [[cell(row[c]) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    print("  ".join(align(c, w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for r in cells:
        print("  ".join(align(v, w) for v, w in zip(r, widths, strict=True)).rstrip())


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in YYYY-MM-DD form") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="healthhub", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace], int], text: str) -> Any:
        return _subcommand(commands, name, run, text)

    serve = command("serve", _serve, "apply migrations, then serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--log-level", default="info")
    serve.add_argument(
        "--http",
        choices=["auto", "h11"],
        default="auto",
        help="auto: uvicorn's httptools protocol on uvloop where installed; "
        "h11: its pure-Python protocol on asyncio (docs/operations.md)",
    )

    ingest = command(
        "ingest", _ingest, "import a file (CSV or any app format) and print the report"
    )
    ingest.add_argument("file")
    ingest.add_argument(
        "--on-invalid-row", choices=["reject-file", "skip-row"], default="reject-file"
    )
    ingest.add_argument("--date-order", choices=["auto", "dmy", "mdy", "ymd"], default="auto")
    ingest.add_argument("--number-format", choices=["auto", "point", "comma"], default="auto")
    ingest.add_argument(
        "--source",
        choices=[s.value.lower().replace("_", "-") for s in ImportSource if s.value != "UNKNOWN"],
        default="auto",
    )
    ingest.add_argument("--weight-unit", choices=["kg", "lb"])
    ingest.add_argument(
        "--dry-run", action="store_true", help="report what would happen; store nothing"
    )
    ingest.add_argument(
        "--max-bytes", type=int, help="lift the file size limit (HEALTHHUB_MAX_*_BYTES) to N bytes"
    )
    _user_option(ingest)

    kpis = command("kpis", _kpis, "print the KPIs of a date range")
    kpis.add_argument("--start", type=_iso_date, required=True)
    kpis.add_argument("--end", type=_iso_date, required=True)
    kpis.add_argument("--format", choices=["table", "csv", "json"], default="table")
    _user_option(kpis)

    export = command("export", _export, "write the stored days as a canonical CSV file")
    export.add_argument("file")
    export.add_argument("--start", type=_iso_date)
    export.add_argument("--end", type=_iso_date)
    _user_option(export)

    command("export-schema", _export_schema, "print the GraphQL schema (SDL)")

    db = command("db", lambda a: 0, "database maintenance")
    db_commands = db.add_subparsers(required=True, metavar="ACTION")
    upgrade = db_commands.add_parser("upgrade", help="migrate to the latest revision")
    upgrade.set_defaults(run=_db_upgrade)

    users = command("users", lambda a: 0, "manage users and their tokens (docs/accounts.md)")
    users_commands = users.add_subparsers(required=True, metavar="ACTION")

    def users_command(name: str, run: Callable[[argparse.Namespace], int], text: str) -> Any:
        return _subcommand(users_commands, name, run, text)

    add = users_command("add", _users_add, "create a user and print its first token once")
    add.add_argument("name")
    add.add_argument(
        "--adopt-local",
        action="store_true",
        help=f"give the new user the data of the implicit user {accounts.LOCAL_USER!r}",
    )
    users_command("list", _users_list, "list users: created, token count, last used")
    token = users_command("token", _users_token, "issue another token of a user")
    token.add_argument("name")
    revoke = users_command("revoke", _users_revoke, "revoke a user's tokens (all by default)")
    revoke.add_argument("name")
    revoke.add_argument("--token", metavar="PREFIX", help="only the token starting with PREFIX")
    remove = users_command("remove", _users_remove, "delete a user with all its data")
    remove.add_argument("name")
    remove.add_argument("--yes", action="store_true", help="confirm the deletion")
    return parser


def _subcommand(
    commands: Any, name: str, run: Callable[[argparse.Namespace], int], text: str
) -> argparse.ArgumentParser:
    sub: argparse.ArgumentParser = commands.add_parser(name, help=text, description=text)
    sub.set_defaults(run=run)
    return sub


def _user_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--user",
        metavar="NAME",
        help=f"act as this user (default: the implicit user {accounts.LOCAL_USER!r})",
    )


if __name__ == "__main__":
    raise SystemExit(main())
