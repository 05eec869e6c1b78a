"""The arguments of ``healthhub``: every option with its format and default in ``--help``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from cli import commands
from domain import accounts
from domain.model import ImportSource

DESCRIPTION = (
    "Health Metrics Hub: import health data, read its KPIs, serve the GraphQL API and "
    "the dashboard. Settings come from HEALTHHUB_* environment variables or a .env file "
    "(docs/operations.md)."
)
_DATE = "YYYY-MM-DD"


class _HelpFormatter(argparse.HelpFormatter):
    """Each option's default after its help, where it has one to show."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        shown = action.option_strings and action.default not in (None, False, argparse.SUPPRESS)
        if shown and "default" not in text:
            text += " (default: %(default)s)"
        return text


def build() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="healthhub", description=DESCRIPTION, formatter_class=_HelpFormatter
    )
    subcommands = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace], int], text: str) -> Any:
        return _subcommand(subcommands, name, run, text)

    serve = command("serve", commands.serve, "apply migrations, then serve the API")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on; another than loopback (e.g. 0.0.0.0) needs "
        "HEALTHHUB_API_TOKEN or a user",
    )
    serve.add_argument("--port", type=int, default=8000, help="TCP port to listen on")
    serve.add_argument(
        "--workers", type=int, default=1, help="worker processes, each with its own connections"
    )
    serve.add_argument(
        "--log-level",
        choices=["critical", "error", "warning", "info", "debug"],
        default="info",
        help="the least severe log lines written",
    )
    serve.add_argument(
        "--http",
        choices=["auto", "h11"],
        default="auto",
        help="auto: uvicorn's httptools protocol on uvloop where installed; "
        "h11: its pure-Python protocol on asyncio (docs/operations.md)",
    )

    ingest = command(
        "ingest", commands.ingest, "import a file (CSV or any app format) and print the report"
    )
    ingest.add_argument("file", help="a CSV file or an app's export (docs/formats.md)")
    ingest.add_argument(
        "--on-invalid-row",
        choices=["reject-file", "skip-row"],
        default="reject-file",
        help="what an invalid row does",
    )
    ingest.add_argument(
        "--date-order",
        choices=["auto", "dmy", "mdy", "ymd"],
        default="auto",
        help="how to read dates like 03/04/2026",
    )
    ingest.add_argument(
        "--number-format",
        choices=["auto", "point", "comma"],
        default="auto",
        help="the decimal separator",
    )
    ingest.add_argument(
        "--source",
        choices=[s.value.lower().replace("_", "-") for s in ImportSource if s.value != "UNKNOWN"],
        default="auto",
        help="the app the file comes from",
    )
    ingest.add_argument(
        "--weight-unit", choices=["kg", "lb"], help="the unit of weights without one"
    )
    ingest.add_argument(
        "--dry-run", action="store_true", help="report what would happen; store nothing"
    )
    ingest.add_argument(
        "--max-bytes",
        type=int,
        metavar="N",
        help="lift the file size limit (HEALTHHUB_MAX_*_BYTES) to N bytes",
    )
    _user_option(ingest)

    kpis = command("kpis", commands.kpis, "print the KPIs of a date range")
    kpis.add_argument("--start", type=_iso_date, required=True, metavar=_DATE, help="first day")
    kpis.add_argument("--end", type=_iso_date, required=True, metavar=_DATE, help="last day")
    kpis.add_argument(
        "--format",
        choices=["table", "csv", "json"],
        default="table",
        help="csv and json carry the API's rounding",
    )
    _user_option(kpis)

    export = command("export", commands.export, "write the stored days as a canonical CSV file")
    export.add_argument("file", help="the CSV file to write (replaced if it exists)")
    export.add_argument(
        "--start", type=_iso_date, metavar=_DATE, help="first day (default: the first stored)"
    )
    export.add_argument(
        "--end", type=_iso_date, metavar=_DATE, help="last day (default: the last stored)"
    )
    _user_option(export)

    command("export-schema", commands.export_schema, "print the GraphQL schema (SDL)")

    db = command("db", lambda a: 0, "database maintenance")
    db_commands = db.add_subparsers(required=True, metavar="ACTION")
    upgrade = db_commands.add_parser(
        "upgrade", help="migrate to the latest revision", formatter_class=_HelpFormatter
    )
    upgrade.set_defaults(run=commands.db_upgrade)

    users = command("users", lambda a: 0, "manage users and their tokens (docs/accounts.md)")
    users_commands = users.add_subparsers(required=True, metavar="ACTION")

    def users_command(name: str, run: Callable[[argparse.Namespace], int], text: str) -> Any:
        return _subcommand(users_commands, name, run, text)

    add = users_command("add", commands.users_add, "create a user and print its first token once")
    add.add_argument("name", help="the user's name")
    add.add_argument(
        "--adopt-local",
        action="store_true",
        help=f"give the new user the data of the implicit user {accounts.LOCAL_USER!r}",
    )
    users_command("list", commands.users_list, "list users: created, token count, last used")
    token = users_command("token", commands.users_token, "issue another token of a user")
    token.add_argument("name", help="the user's name")
    revoke = users_command(
        "revoke", commands.users_revoke, "revoke a user's tokens (all by default)"
    )
    revoke.add_argument("name", help="the user's name")
    revoke.add_argument("--token", metavar="PREFIX", help="only the token starting with PREFIX")
    remove = users_command("remove", commands.users_remove, "delete a user with all its data")
    remove.add_argument("name", help="the user's name")
    remove.add_argument("--yes", action="store_true", help="confirm the deletion")
    return parser


def _subcommand(
    subcommands: Any, name: str, run: Callable[[argparse.Namespace], int], text: str
) -> argparse.ArgumentParser:
    sub: argparse.ArgumentParser = subcommands.add_parser(
        name, help=text, description=text, formatter_class=_HelpFormatter
    )
    sub.set_defaults(run=run)
    return sub


def _user_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--user",
        metavar="NAME",
        help=f"act as this user (default: the implicit user {accounts.LOCAL_USER!r})",
    )


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in YYYY-MM-DD form") from None
