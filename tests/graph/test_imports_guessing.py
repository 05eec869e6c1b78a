"""The defects of issue 20 over HTTP: imports decide dates, units and days from the data
or refuse, never guess (docs/imports/index.md, docs/imports/refused.md)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.graph.api import days
from tests.graph.imports_api import report_of

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
