"""The defects of issue 20 over HTTP: imports decide dates, units and days from the data
or refuse, never guess (docs/imports/index.md, docs/imports/refused.md)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient

from domain.model import DEFAULT_PROFILE, WeightUnit
from persistence.uow import SqlUnitOfWork
from tests.graph.api import days, upload
from tests.graph.imports_api import FIXTURES, report_of

_NUTRITION_HEADER = (
    "Date,Meal,Calories,Fat (g),Saturated Fat,Polyunsaturated Fat,Monounsaturated Fat,"
    "Trans Fat,Cholesterol,Sodium (mg),Potassium,Carbohydrates (g),Fiber,Sugar,Protein (g),"
    "Vitamin A,Vitamin C,Calcium,Iron,Note"
)


def _stored(client: TestClient, start: str, end: str, *fields: str) -> dict[str, Any]:
    return {day["date"]: {f: day[f] for f in fields} for day in days(client, start, end)}


def _mfp_january(last_day: int) -> bytes:
    """A Nutrition-Summary re-saved by a US spreadsheet: M/D/YYYY, one dinner a day
    of 1,000 + the day of the month kcal."""
    rows = [
        f"1/{day}/2023,Dinner,{1000 + day}.0,20.0,5.0,2.0,8.0,0.0,50.0,800.0,600.0,90.0,"
        f"6.0,10.0,{30 + day}.0,5.0,10.0,8.0,12.0,"
        for day in range(1, last_day + 1)
    ]
    return ("\r\n".join([_NUTRITION_HEADER, *rows]) + "\r\n").encode()


def test_a_month_first_myfitnesspal_january_is_refused_showing_both_readings(
    client: TestClient,
) -> None:
    content = _mfp_january(12)
    report = report_of(client, content, "Nutrition-Summary-2023-01-01-to-2023-01-12.csv")
    assert report["status"] == "REJECTED"
    assert report["source"] == "MYFITNESSPAL"
    [error] = report["errors"]
    # The first date that fits both orders is 1/2/2023 (1/1/2023 reads the same).
    assert '"1/2/2023" (row 3) is 2023-02-01 read day first' in error["message"]
    assert "2023-01-02 read month first" in error["message"]
    assert "dateOrder" in error["message"]
    assert days(client, "2023-01-01", "2023-12-31") == []


def test_the_month_first_january_with_date_order_mdy_lands_on_its_own_days(
    client: TestClient,
) -> None:
    content = _mfp_january(12)
    report = report_of(
        client, content, "Nutrition-Summary-2023-01-01-to-2023-01-12.csv", dateOrder="MDY"
    )
    assert report["status"] == "APPLIED", report
    assert _stored(client, "2023-01-01", "2023-12-31", "kcalIn") == {
        f"2023-01-{day:02}": {"kcalIn": 1000.0 + day} for day in range(1, 13)
    }


def test_a_month_first_file_with_a_13th_decides_month_first_by_itself(client: TestClient) -> None:
    content = _mfp_january(13)
    report = report_of(client, content, "Nutrition-Summary.csv")
    assert report["status"] == "APPLIED", report
    stored = _stored(client, "2023-01-01", "2023-12-31", "kcalIn")
    assert stored == {f"2023-01-{day:02}": {"kcalIn": 1000.0 + day} for day in range(1, 14)}


def _fitbit_weights(*entries: tuple[str, float]) -> bytes:
    """A Fitbit account export's weight-*.json: MM/DD/YY dates, the account's unit."""
    items = [
        f'{{\n  "logId" : {1772348400000 + n},\n  "weight" : {weight},\n  "bmi" : 21.3,\n'
        f'  "date" : "{day}",\n  "time" : "07:00:00",\n  "source" : "Aria"\n}}'
        for n, (day, weight) in enumerate(entries)
    ]
    return ("[" + ",".join(items) + "]").encode()


def _sixty_kilos_in_february(client: TestClient) -> None:
    rows = "".join(f"2026-02-{day:02},{60 + (day % 3) / 10}\n" for day in range(1, 28))
    assert upload(client, ("date,weight_kg\n" + rows).encode())["status"] == "APPLIED"


def test_pounds_read_as_kilograms_are_refused_showing_both_readings(client: TestClient) -> None:
    _sixty_kilos_in_february(client)
    content = _fitbit_weights(("03/01/26", 132.3), ("03/02/26", 132.0), ("03/03/26", 131.8))
    for dry_run in (True, False):
        report = report_of(client, content, "weight-2026-03-01.json", dryRun=dry_run)
        assert report["status"] == "REJECTED", report
        assert report["dryRun"] is dry_run
        [error] = report["errors"]
        # Median of the file 132.0 "kg"; February's stored median 60.1 kg: 2.2 times.
        assert "median 132 kg as read" in error["message"]
        assert "median 60.1 kg over the 60 days before 2026-03-01" in error["message"]
        assert "read as pounds they would be 59.9 kg" in error["message"]  # 132 x 0.4536
        assert "weightUnit LB" in error["message"]
    assert days(client, "2026-03-01", "2026-03-31") == []


def test_pounds_sent_with_weight_unit_lb_are_stored_as_kilograms(client: TestClient) -> None:
    _sixty_kilos_in_february(client)
    content = _fitbit_weights(("03/01/26", 132.3), ("03/02/26", 132.0))
    report = report_of(client, content, "weight-2026-03-01.json", weightUnit="LB")
    assert report["status"] == "APPLIED", report
    assert _stored(client, "2026-03-01", "2026-03-31", "weightKg") == {
        "2026-03-01": {"weightKg": 60.01},  # 132.3 x 0.45359237 = 60.0103
        "2026-03-02": {"weightKg": 59.874},  # 132.0 x 0.45359237 = 59.8742
    }


def test_weights_without_stored_history_or_within_the_factor_are_not_questioned(
    client: TestClient,
) -> None:
    _sixty_kilos_in_february(client)
    # 1.9 times the stored median: a wrong file perhaps, but not pounds for kilograms.
    content = _fitbit_weights(("03/01/26", 114.0))
    report = report_of(client, content, "weight-2026-03-01.json")
    assert report["status"] == "APPLIED", report


def test_a_pounds_profile_reads_unstated_weights_as_pounds(
    client: TestClient, uow_factory: Callable[[], SqlUnitOfWork]
) -> None:
    _set_profile(uow_factory, weight_unit=WeightUnit.LB)
    _sixty_kilos_in_february(client)
    content = _fitbit_weights(("03/01/26", 132.3))
    report = report_of(client, content, "weight-2026-03-01.json")
    assert report["status"] == "APPLIED", report
    assert any("read as pounds, your profile's weight unit" in w for w in report["warnings"])
    assert _stored(client, "2026-03-01", "2026-03-31", "weightKg") == {
        "2026-03-01": {"weightKg": 60.01}
    }


def _set_profile(uow_factory: Callable[[], SqlUnitOfWork], **fields: Any) -> None:
    with uow_factory() as uow:
        profile = dataclasses.replace(DEFAULT_PROFILE, is_default=False, **fields)
        uow.profiles.save("local", profile, updated_at=datetime(2026, 3, 1, tzinfo=UTC))
        uow.commit()


def _fitbit_minutes(*entries: tuple[str, int]) -> bytes:
    """A Fitbit account export's steps-*.json: a minute per entry, MM/DD/YY HH:MM:SS in UTC."""
    items = [f'{{\n  "dateTime" : "{at}",\n  "value" : "{n}"\n}}' for at, n in entries]
    return ("[" + ",".join(items) + "]").encode()


_MINUTES = _fitbit_minutes(
    ("02/28/26 20:00:00", 50),  # Sydney (UTC+11 in March): 1 March 07:00
    ("03/01/26 12:59:00", 100),  # 1 March 23:59
    ("03/01/26 13:00:00", 200),  # 2 March 00:00
    ("03/01/26 22:30:00", 300),  # 2 March 09:30
)


def test_fitbit_minute_steps_count_on_their_date_in_the_profile_time_zone(
    client: TestClient, uow_factory: Callable[[], SqlUnitOfWork]
) -> None:
    _set_profile(uow_factory, time_zone="Australia/Sydney")
    report = report_of(client, _MINUTES, "steps-2026-03-01.json")
    assert report["status"] == "APPLIED", report
    assert any("Australia/Sydney" in w for w in report["warnings"])
    assert _stored(client, "2026-02-01", "2026-03-31", "steps") == {
        "2026-03-01": {"steps": 50 + 100},
        "2026-03-02": {"steps": 200 + 300},
    }


def test_fitbit_minute_steps_under_the_default_utc_profile_count_on_their_utc_date(
    client: TestClient,
) -> None:
    assert report_of(client, _MINUTES, "steps-2026-03-01.json")["status"] == "APPLIED"
    assert _stored(client, "2026-02-01", "2026-03-31", "steps") == {
        "2026-02-28": {"steps": 50},
        "2026-03-01": {"steps": 100 + 200 + 300},
    }


def test_records_with_their_own_offset_keep_it_whatever_the_profile_time_zone(
    client: TestClient, uow_factory: Callable[[], SqlUnitOfWork]
) -> None:
    _set_profile(uow_factory, time_zone="Pacific/Kiritimati")  # UTC+14
    content = (FIXTURES / "withings/sleep.csv").read_bytes()
    assert report_of(client, content, "sleep.csv")["status"] == "APPLIED"
    # As under UTC (tests/graph/test_imports_fixtures.py): the nights end on 2 and 3 March.
    assert _stored(client, "2026-02-01", "2026-03-31", "sleepHours") == {
        "2026-03-02": {"sleepHours": 7.25},
        "2026-03-03": {"sleepHours": 6.833},
    }


def _apple_step(start: str, value: int) -> str:
    return (
        ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone" '
        'sourceVersion="17.3" unit="count" '
        f'creationDate="{start}" startDate="{start}" endDate="{start}" value="{value}"/>\n'
    )


def test_apple_health_records_dated_in_the_future_or_before_1900_are_left_out_with_a_warning(
    client: TestClient,
) -> None:
    body = (
        _apple_step("2026-03-01 09:00:00 +0100", 1200)
        + _apple_step("2030-01-05 09:00:00 +0100", 700)  # a phone's wrong clock
        + _apple_step("2030-01-05 10:00:00 +0100", 800)
        + _apple_step("1899-12-31 10:00:00 +0100", 90)
        + _apple_step("2026-03-02 09:00:00 +0100", 3400)
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n'
        ' <ExportDate value="2026-03-03 08:00:00 +0100"/>\n' + body + "</HealthData>\n"
    ).encode()
    report = report_of(client, content, "export.xml")
    assert report["status"] == "APPLIED", report
    assert report["errorCount"] == 0
    [warning] = [w for w in report["warnings"] if "left out" in w]
    assert warning.startswith("3 records were left out: dated 1899-12-31, 2030-01-05, outside")
    assert (report["firstDate"], report["lastDate"], report["rowsInserted"]) == (
        "2026-03-01",
        "2026-03-02",
        2,
    )
    assert _stored(client, "2026-01-01", "2026-12-31", "steps") == {
        "2026-03-01": {"steps": 1200},
        "2026-03-02": {"steps": 3400},
    }
