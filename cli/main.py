"""The ``healthhub`` command line: parse, run the command, word its errors in one line."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from pydantic import ValidationError
from pydantic_settings import SettingsError
from sqlalchemy.exc import DBAPIError

from cli import parser
from cli.errors import CommandError, database_problem, settings_problems
from domain.errors import InvalidInputError
from persistence.settings import DatabaseSettings


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code (2 for a command error)."""
    args = parser.build().parse_args(argv)
    from persistence.migrations import SchemaBehindError

    try:
        result: int = args.run(args)
    except (CommandError, SchemaBehindError) as error:
        return _fail(str(error))
    except InvalidInputError as error:
        return _fail(error.message)
    except ValidationError as error:
        return _fail(*settings_problems(error))
    except SettingsError as error:
        return _fail(f"{error}; fix it in the environment or in .env (docs/operations.md)")
    except DBAPIError as error:
        return _fail(database_problem(error, DatabaseSettings().database_url))
    return result


def _fail(*lines: str) -> int:
    for line in lines:
        print(f"healthhub: {line}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
