"""Fitbit: food logs by file name, Fitabase sleep and weight research CSVs."""

from __future__ import annotations

import io
from datetime import date

from domain.imports.pipeline import Limits, read_upload
from domain.imports.records import Options
from domain.model import DailyMetrics, ImportSource, ParseResult

TODAY = date(2026, 3, 18)


def _read(content: bytes, filename: str) -> tuple[ParseResult, ImportSource]:
    return read_upload(
        io.BytesIO(content),
        filename,
        source=ImportSource.AUTO,
        options=Options(),
        today=TODAY,
        limits=Limits(1 << 20, 1 << 20),
    )


def test_food_logs_sum_calories_and_protein_per_day() -> None:
    content = b"""[{"logId": 1, "logDate": "2026-03-01",
      "loggedFood": {"name": "Oatmeal", "calories": 300},
      "nutritionalValues": {"calories": 300, "protein": 10.5, "fat": 5}},
     {"logId": 2, "logDate": "2026-03-01",
      "nutritionalValues": {"calories": 650.25, "protein": 40}}]"""
    parsed, source = _read(content, "Nutrition/food_logs-2026-03-01.json")
    assert source is ImportSource.FITBIT
    assert parsed.days == (DailyMetrics(date(2026, 3, 1), protein_g=50.5, kcal_in=950.2),)


def test_a_json_file_with_another_name_is_not_guessed() -> None:
    parsed, _ = _read(b'[{"dateTime": "03/01/26 07:01:00", "value": "42"}]', "export.json")
    assert parsed.file_error is not None
    assert "supported JSON: Fitbit" in parsed.file_error.message


def test_research_sleep_minutes_become_hours() -> None:
    content = (
        b"Id,SleepDay,TotalSleepRecords,TotalMinutesAsleep,TotalTimeInBed\r\n"
        b"1503960366,3/1/2026 12:00:00 AM,1,327,346\r\n"
    )
    parsed, source = _read(content, "sleepDay_merged.csv")
    assert source is ImportSource.FITBIT
    assert parsed.days == (DailyMetrics(date(2026, 3, 1), sleep_hours=5.45),)


def test_research_weights_keep_the_earliest_of_the_day() -> None:
    content = (
        b"Id,Date,WeightKg,WeightPounds,Fat,BMI,IsManualReport,LogId\r\n"
        b"6962181067,3/1/2026 11:59:59 PM,62.5,137.788,,24.39,True,1\r\n"
        b"6962181067,3/1/2026 7:10:00 AM,61.9,136.465,,24.16,True,2\r\n"
    )
    parsed, _ = _read(content, "weightLogInfo_merged.csv")
    assert parsed.days == (DailyMetrics(date(2026, 3, 1), weight_kg=61.9),)


def test_deeply_nested_json_is_refused_not_a_crash() -> None:
    parsed, _ = _read(b"[" * 100_000 + b"]" * 100_000, "steps-2026-03-01.json")
    assert parsed.file_error is not None
    assert "not valid JSON" in parsed.file_error.message
