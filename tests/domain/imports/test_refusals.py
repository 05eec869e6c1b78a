"""Every refusal the import path gives, with the input that produces it, and the page
that explains them (docs/imports/refused.md): each says what the file looks like,
what the hub supports and what to change."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from domain import services
from domain.imports.pipeline import Limits
from domain.model import ImportSource, InvalidRowPolicy, NumberFormat
from domain.services import UploadOptions
from tests.domain.fakes import FakeUnitOfWork

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
PAGE = Path(__file__).parents[3] / "docs" / "imports" / "refused.md"
FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports"


@dataclass(frozen=True)
class Case:
    """An input and how it is sent."""

    content: bytes
    filename: str
    source: ImportSource = ImportSource.AUTO
    csv_only: bool = False
    stored: str = ""  # a canonical CSV stored first
    options: dict[str, object] = field(default_factory=dict)


def _zip(*members: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


_WHOOP_WORKOUTS = (FIXTURES / "whoop/workouts.csv").read_bytes()
_GARMIN = (FIXTURES / "garmin/Activities.csv").read_bytes()
_FEBRUARY = "date,weight_kg\n" + "".join(f"2026-02-{d:02},60.0\n" for d in range(1, 28))

#: Each refusal, by a name the page does not show, with the input that produces it.
CASES: dict[str, Case] = {
    "not UTF-8": Case(b"date,steps\n2026-03-01,5\xff\n", "days.csv"),
    "no header": Case(b"\n ,;\n", "days.csv"),
    "header not CSV": Case(b'date,"' + b"x" * 131_073 + b'"\n', "days.csv"),
    "no date column": Case(b"Datum,Schritte\n2026-03-01,5000\n", "days.csv"),
    "no metric column": Case(b"date,mood\n2026-03-01,good\n", "days.csv"),
    "bare calories": Case(b"date,calories\n2026-03-01,2000\n", "days.csv"),
    "unit hint": Case(b"date,steps (kg)\n2026-03-01,5\n", "days.csv"),
    "two columns": Case(b"date,steps,steps_n\n2026-03-01,5,5\n", "days.csv"),
    "two date orders": Case(b"date,steps\n13/1/2026,1\n1/14/2026,2\n", "days.csv"),
    "ambiguous dates": Case(b"date,steps\n1/2/2026,1\n1/3/2026,2\n", "days.csv"),
    "pounds as kilograms": Case(
        b"date,weight\n2026-03-01,132.3\n2026-03-02,132.0\n", "days.csv", stored=_FEBRUARY
    ),
    "binary": Case(b"%PDF-1.7\n", "report.pdf"),
    "uploadCsv gets a ZIP": Case(_zip(("export.xml", b"<HealthData/>")), "e.zip", csv_only=True),
    "source contradicted": Case(_GARMIN, "Activities.csv", source=ImportSource.WHOOP),
    "source HUB contradicted": Case(_GARMIN, "Activities.csv", source=ImportSource.HUB),
    "two apps": Case(
        b"date,Total Sleep Duration,Cycle start time,Asleep duration (min)\n", "mixed.csv"
    ),
    "unknown JSON": Case(b'{"activities": []}', "summary.json"),
    "XML for another source": Case(
        b'<?xml version="1.0"?><HealthData/>', "export.xml", source=ImportSource.GARMIN
    ),
    "XML root": Case(b'<?xml version="1.0"?><gpx version="1.1"></gpx>', "track.gpx"),
    "XML entities": Case(
        b'<?xml version="1.0"?><!DOCTYPE HealthData [<!ENTITY a "b">]><HealthData/>', "e.xml"
    ),
    "unknown ZIP": Case(_zip(("photos/cat.jpg", b"\xff\xd8")), "photos.zip"),
    "Excel workbook": Case(_zip(("xl/workbook.xml", b"<workbook/>")), "book.xlsx"),
    "Fitbit calories": Case(b"[]", "calories-2026-03-01.json"),
    "Fitbit not a list": Case(b'{"dateTime": "03/01/26"}', "steps-2026-03-01.json"),
    "Fitbit two people": Case(
        b"Id,ActivityDate,TotalSteps\n1503960366,3/1/2026,13162\n1624580081,3/1/2026,8163\n",
        "dailyActivity_merged.csv",
    ),
    "WHOOP workouts": Case(_WHOOP_WORKOUTS, "workouts.csv"),
    "WHOOP journal": Case(
        b"Cycle start time,Cycle end time,Cycle timezone,Question text,Answered yes,Notes\n",
        "journal_entries.csv",
    ),
    "Garmin without calories": Case(
        (FIXTURES / "garmin/Activities_pt_no_calories.csv").read_bytes(), "Activities.csv"
    ),
    "Google Fit day without its name": Case(
        (FIXTURES / "google_fit/2026-03-01.csv").read_bytes(), "fit.csv"
    ),
    "too many rows": Case(b"date,steps\n", "days.csv", options={"max_rows": 0}),
}


def _message(case: Case) -> str:
    uow = FakeUnitOfWork()
    if case.stored:
        services.upload_csv(
            uow,
            services.LOCAL_USER,
            case.stored.encode(),
            filename="stored.csv",
            policy=InvalidRowPolicy.REJECT_FILE,
            date_order=UploadOptions().date_order,
            now=NOW,
        )
    content = case.content
    if case.options.get("max_rows") == 0:
        content += b"".join(b"2026-03-01,1\n" for _ in range(100_001))
    report = services.import_file(
        uow,
        services.LOCAL_USER,
        io.BytesIO(content),
        filename=case.filename,
        options=UploadOptions(source=case.source, number_format=NumberFormat.AUTO),
        now=NOW,
        limits=Limits(max_csv_bytes=50 << 20, max_archive_bytes=50 << 20),
        csv_only=case.csv_only,
    )
    assert report.status.value == "REJECTED", report
    assert report.error_count == 1, report.errors
    [error] = report.errors
    assert error.row is None
    return error.message


def _page_messages() -> list[str]:
    return [line[2:] for line in PAGE.read_text().splitlines() if line.startswith("> ")]


@pytest.mark.parametrize("name", list(CASES))
def test_each_refusal_is_explained_word_for_word_on_the_refused_page(name: str) -> None:
    assert _message(CASES[name]) in _page_messages()


def test_the_refused_page_quotes_no_message_the_code_no_longer_gives() -> None:
    produced = {_message(case) for case in CASES.values()}
    assert sorted(set(_page_messages()) - produced) == []
    assert len(_page_messages()) == len(CASES)


@pytest.mark.parametrize("name", [n for n in CASES if n != "bare calories"])
def test_no_refusal_asks_to_rename_a_column(name: str) -> None:
    assert not re.search(r"\brename\b", _message(CASES[name]))


@pytest.mark.parametrize("name", list(CASES))
def test_each_refusal_says_what_to_do(name: str) -> None:
    message = _message(CASES[name])
    assert re.search(
        r"\b(send|save|write|use|export|split|name|rename|keep|import|fix|lists?)\b", message
    ), message
