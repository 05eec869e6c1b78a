"""Every app format's fixture, written to the app's real layout, through importFile.

Each test states the per-day values a person would expect from the export, worked
out by hand from the fixture's rows (docs/imports/).
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.graph.api import days
from tests.graph.imports_api import import_fixture

LB = 0.45359237


def _stored(client: TestClient, *fields: str) -> dict[str, dict[str, Any]]:
    return {
        day["date"]: {name: day[name] for name in fields}
        for day in days(client, "2026-02-01", "2026-03-31")
    }


def _applied(report: dict[str, Any], source: str) -> None:
    assert report["status"] == "APPLIED", report
    assert report["source"] == source
    assert report["errorCount"] == 0
    assert report["dryRun"] is False


def test_myfitnesspal_meals_are_summed_per_day(client: TestClient) -> None:
    report = import_fixture(client, "myfitnesspal/Nutrition-Summary-2026-03-01-to-2026-03-02.csv")
    _applied(report, "MYFITNESSPAL")
    assert report["rowsRead"] == 6
    assert report["rowsInserted"] == 2
    assert "12 records were aggregated into 2 days" in report["warnings"]
    assert _stored(client, "kcalIn", "proteinG") == {
        # breakfast + lunch + dinner + snacks
        "2026-03-01": {"kcalIn": 450.0 + 720.3 + 890.0 + 210.0, "proteinG": 99.8},
        "2026-03-02": {"kcalIn": 380.0 + 1050.5, "proteinG": 18.0 + 52.4},
    }


def test_myfitnesspal_weights_take_the_weight_unit(client: TestClient) -> None:
    report = import_fixture(
        client, "myfitnesspal/Measurement-Summary-2026-03-01-to-2026-03-02.csv", weightUnit="LB"
    )
    _applied(report, "MYFITNESSPAL")
    assert _stored(client, "weightKg") == {
        "2026-03-01": {"weightKg": round(176.4 * LB, 3)},  # 80.01369 -> 80.014
        "2026-03-02": {"weightKg": 79.742},  # 175.8 lb = 79.74154 kg
    }


def test_myfitnesspal_exercise_leaves_out_calorie_adjustments(client: TestClient) -> None:
    report = import_fixture(client, "myfitnesspal/Exercise-Summary-2026-03-01-to-2026-03-02.csv")
    _applied(report, "MYFITNESSPAL")
    assert any("2 calorie adjustment rows were left out" in w for w in report["warnings"])
    assert _stored(client, "kcalOutTraining", "steps") == {
        # the run; the adjustment row's 235 kcal is all-day energy, its 9821 steps count
        "2026-03-01": {"kcalOutTraining": 412.0, "steps": 9821},
        # strength 150 + walk 120; steps: the tracker's 11250 beats the walk's 3400
        "2026-03-02": {"kcalOutTraining": 270.0, "steps": 11250},
    }


def test_the_myfitnesspal_export_zip_imports_all_three_summaries(client: TestClient) -> None:
    report = import_fixture(
        client, "myfitnesspal/File-Export-2026-03-01-to-2026-03-02.zip", weightUnit="LB"
    )
    _applied(report, "MYFITNESSPAL")
    stored = _stored(client, "kcalIn", "proteinG", "weightKg", "kcalOutTraining", "steps")
    assert stored["2026-03-01"] == {
        "kcalIn": 2270.3,
        "proteinG": 99.8,
        "weightKg": 80.014,
        "kcalOutTraining": 412.0,
        "steps": 9821,
    }


def test_cronometer_daily_summary_and_servings(client: TestClient) -> None:
    _applied(import_fixture(client, "cronometer/dailysummary.csv"), "CRONOMETER")
    assert _stored(client, "kcalIn", "proteinG") == {
        "2026-03-01": {"kcalIn": 2104.56, "proteinG": 118.27},  # one row a day: as written
        "2026-03-02": {"kcalIn": 1987.1, "proteinG": 102.93},
    }
    _applied(import_fixture(client, "cronometer/servings.csv"), "CRONOMETER")
    assert _stored(client, "kcalIn", "proteinG") == {
        # oats + milk + chicken
        "2026-03-01": {"kcalIn": 303.2 + 128.1 + 247.5, "proteinG": 10.54 + 8.31 + 46.35},
        "2026-03-02": {"kcalIn": 155.0, "proteinG": 12.58},
    }


def test_cronometer_biometrics_in_their_own_units(client: TestClient) -> None:
    report = import_fixture(client, "cronometer/biometrics.csv")
    _applied(report, "CRONOMETER")
    assert any("Heart Rate" in w for w in report["warnings"])
    assert _stored(client, "weightKg", "sleepHours") == {
        "2026-03-01": {"weightKg": 80.014, "sleepHours": 7.5},  # 176.4 lbs
        "2026-03-02": {"weightKg": 80.2, "sleepHours": None},
    }


@pytest.mark.parametrize("path", ["withings/weight.csv", "withings/weight_de.csv"])
def test_withings_keeps_the_earliest_weigh_in_of_each_day(client: TestClient, path: str) -> None:
    _applied(import_fixture(client, path), "WITHINGS")
    assert _stored(client, "weightKg") == {
        "2026-03-01": {"weightKg": 80.9},  # 06:55, not 22:10
        "2026-03-02": {"weightKg": 80.4},  # 07:02, not 21:40
    }


def test_withings_steps_are_known_by_the_file_name(client: TestClient) -> None:
    _applied(import_fixture(client, "withings/aggregates_steps.csv"), "WITHINGS")
    assert _stored(client, "steps") == {
        "2026-03-01": {"steps": 8432},
        "2026-03-02": {"steps": 11020},
    }


def test_withings_sleep_is_light_deep_and_rem_on_the_wake_up_day(client: TestClient) -> None:
    _applied(import_fixture(client, "withings/sleep.csv"), "WITHINGS")
    assert _stored(client, "sleepHours") == {
        "2026-03-02": {"sleepHours": (14400 + 5400 + 6300) / 3600},  # 7.25
        "2026-03-03": {"sleepHours": round((13200 + 6000 + 5400) / 3600, 3)},  # 6.833
    }


def test_garmin_activity_calories_are_training_energy(client: TestClient) -> None:
    report = import_fixture(client, "garmin/Activities.csv")
    _applied(report, "GARMIN")
    assert any("steps were not imported" in w for w in report["warnings"])
    assert _stored(client, "kcalOutTraining", "kcalIn", "steps") == {
        "2026-03-01": {"kcalOutTraining": 215.0, "kcalIn": None, "steps": None},
        # "1,118" is 1118, not 1.118; plus the 402 kcal commute
        "2026-03-02": {"kcalOutTraining": 1118.0 + 402.0, "kcalIn": None, "steps": None},
    }


def test_google_fit_steps_and_weight_without_its_calories(client: TestClient) -> None:
    report = import_fixture(client, "google_fit/Daily activity metrics.csv")
    _applied(report, "GOOGLE_FIT")
    assert any("Calories (kcal) were not imported" in w for w in report["warnings"])
    assert _stored(client, "steps", "weightKg", "kcalIn", "kcalOutTraining") == {
        "2026-03-01": {"steps": 8412, "weightKg": 80.65, "kcalIn": None, "kcalOutTraining": None},
        "2026-03-02": {"steps": 6510, "weightKg": None, "kcalIn": None, "kcalOutTraining": None},
    }


def test_oura_sleep_seconds_and_steps(client: TestClient) -> None:
    _applied(import_fixture(client, "oura/oura_trends.csv"), "OURA")
    assert _stored(client, "sleepHours", "steps") == {
        "2026-03-01": {"sleepHours": 26460 / 3600, "steps": 9120},  # 7.35
        "2026-03-02": {"sleepHours": 24120 / 3600, "steps": 7350},  # 6.7
    }


def test_whoop_asleep_minutes_count_on_the_wake_day(client: TestClient) -> None:
    _applied(import_fixture(client, "whoop/physiological_cycles.csv"), "WHOOP")
    assert _stored(client, "sleepHours") == {
        "2026-03-02": {"sleepHours": round(418 / 60, 3)},  # cycle began 1 March at 23:05
        "2026-03-03": {"sleepHours": 405 / 60},
    }


def test_fitbit_research_steps_for_one_person(client: TestClient) -> None:
    report = import_fixture(client, "fitbit/dailyActivity_merged.csv")
    _applied(report, "FITBIT")
    assert _stored(client, "steps") == {
        "2026-03-01": {"steps": 13162},
        "2026-03-02": {"steps": 10735},
    }


def test_a_fitbit_file_of_several_people_is_refused(client: TestClient) -> None:
    report = import_fixture(client, "fitbit/dailyActivity_two_people.csv")
    assert report["status"] == "REJECTED"
    assert "2 people" in report["errors"][0]["message"]
    assert _stored(client, "steps") == {}


def test_fitbit_json_files_by_name(client: TestClient) -> None:
    _applied(import_fixture(client, "fitbit/steps-2026-03-01.json"), "FITBIT")
    _applied(import_fixture(client, "fitbit/sleep-2026-03-01.json"), "FITBIT")
    _applied(import_fixture(client, "fitbit/weight-2026-03-01.json", weightUnit="LB"), "FITBIT")
    assert _stored(client, "steps", "sleepHours", "weightKg") == {
        "2026-03-01": {"steps": 42 + 108, "sleepHours": None, "weightKg": 80.014},
        # two overlapping sessions of the same night: the longer, 430 min, counts
        "2026-03-02": {"steps": 64, "sleepHours": round(430 / 60, 3), "weightKg": None},
    }
    refused = import_fixture(client, "fitbit/calories-2026-03-01.json")
    assert refused["status"] == "REJECTED"
    assert "all-day energy" in refused["errors"][0]["message"]


@pytest.mark.parametrize("path", ["apple_health/export.xml", "apple_health/export.zip"])
def test_apple_health_records_aggregate_to_days(client: TestClient, path: str) -> None:
    report = import_fixture(client, path)
    _applied(report, "APPLE_HEALTH")
    assert any("active or basal energy" in w for w in report["warnings"])
    assert _stored(
        client, "steps", "weightKg", "kcalIn", "proteinG", "kcalOutTraining", "sleepHours"
    ) == {
        "2026-03-01": {
            "steps": 1300 + 3900,  # the watch's total beats the phone's 4600
            "weightKg": 80.014,  # the 07:04 weigh-in, 176.4 lb
            # Cal = kcal; kJ converted: 720; the breakfast Correlation repeats the 450
            # Cal and 20.5 g records and is not counted twice
            "kcalIn": 450.0 + 3012.48 / 4.184,
            "proteinG": 20.5,
            "kcalOutTraining": 412.5,  # totalEnergyBurned, not also its statistics
            "sleepHours": None,
        },
        "2026-03-02": {
            "steps": None,
            "weightKg": None,
            "kcalIn": None,
            "proteinG": None,
            "kcalOutTraining": 250.0,  # no total: its active-energy statistics
            # asleep 23:30-03:00, 03:20-06:50 and another source 02:00-04:00: union
            # 23:30-06:50 (in bed and awake records do not count)
            "sleepHours": round(7 + 20 / 60, 3),
        },
    }


def test_withings_german_sleep_adds_a_nap_that_does_not_overlap(client: TestClient) -> None:
    _applied(import_fixture(client, "withings/sleep_de.csv"), "WITHINGS")
    assert _stored(client, "sleepHours") == {
        # the night (light + deep + REM) and the afternoon nap's 1500 s
        "2026-03-02": {"sleepHours": round((14400 + 5400 + 6300 + 1500) / 3600, 3)},
    }


def test_oura_older_exports_name_sleep_total_sleep_time(client: TestClient) -> None:
    report = import_fixture(client, "oura/oura_trends_older.csv")
    _applied(report, "OURA")
    assert not any("Total Sleep Time" in w for w in report["warnings"])
    assert _stored(client, "sleepHours", "steps") == {
        "2026-03-01": {"sleepHours": 7.0, "steps": 8040},  # 25200 s
        "2026-03-02": {"sleepHours": 6.65, "steps": 10211},  # 23940 s
        "2026-03-03": {"sleepHours": None, "steps": 4500},  # no night recorded
    }


def test_cronometer_biometrics_with_a_device_in_the_metric_name(client: TestClient) -> None:
    report = import_fixture(client, "cronometer/biometrics_devices.csv")
    _applied(report, "CRONOMETER")
    assert (
        "biometrics not imported: Heart Rate (Garmin), Sleep Score (Garmin)" in (report["warnings"])
    )
    assert any("several devices on 1 day(s)" in w for w in report["warnings"])
    assert _stored(client, "sleepHours", "weightKg") == {
        # Garmin's 7.25 h and the manual 7.0 h are one night: the larger counts
        "2026-03-01": {"sleepHours": 7.25, "weightKg": 80.4},
        "2026-03-02": {"sleepHours": 6.7, "weightKg": None},  # 402 min
    }


def test_cronometer_servings_without_the_group_column(client: TestClient) -> None:
    report = import_fixture(client, "cronometer/servings_no_group.csv")
    _applied(report, "CRONOMETER")
    assert _stored(client, "kcalIn", "proteinG") == {
        "2026-03-01": {"kcalIn": 143.0 + 260.0, "proteinG": 12.6 + 5.4},
        "2026-03-02": {"kcalIn": 93.6, "proteinG": 0.47},
    }


def test_whoop_sleeps_count_main_sleeps_on_the_wake_day_and_leave_naps_out(
    client: TestClient,
) -> None:
    report = import_fixture(client, "whoop/sleeps.csv")
    _applied(report, "WHOOP")
    assert any(w.startswith("1 nap was left out") for w in report["warnings"])
    assert _stored(client, "sleepHours") == {
        "2026-03-02": {"sleepHours": 6.967},  # 418 min; the 35-minute nap that afternoon is out
        "2026-03-03": {"sleepHours": 6.75},  # 405 min
    }


def test_both_whoop_files_give_the_same_hours(client: TestClient) -> None:
    _applied(import_fixture(client, "whoop/physiological_cycles.csv"), "WHOOP")
    report = import_fixture(client, "whoop/sleeps.csv")
    assert report["status"] == "UNCHANGED", report
    assert report["rowsUnchanged"] == 2


@pytest.mark.parametrize("language", ["de", "fr", "es", "it", "pt", "nl"])
def test_garmin_activities_in_other_languages_give_training_energy(
    client: TestClient, language: str
) -> None:
    report = import_fixture(client, f"garmin/Activities_{language}.csv")
    _applied(report, "GARMIN")
    assert _stored(client, "kcalOutTraining") == {
        "2026-03-01": {"kcalOutTraining": 412.0 + 188.0},  # strength at 07:02, ride at 17:20
        "2026-03-02": {"kcalOutTraining": 652.0},
    }


def test_renpho_weight_is_the_day_s_earliest_in_kilograms(client: TestClient) -> None:
    report = import_fixture(client, "renpho/Renpho Health-kg.csv")
    _applied(report, "RENPHO")
    assert report["columns"] == ["weight_kg"]
    [composition] = [w for w in report["warnings"] if "body composition" in w]
    assert "Protein" in composition
    assert _stored(client, "weightKg", "proteinG") == {
        "2026-03-01": {"weightKg": 80.6, "proteinG": None},
        "2026-03-02": {"weightKg": 80.2, "proteinG": None},  # 07:02, not the 21:10 weigh-in
    }


def test_renpho_weight_in_pounds_as_its_header_states(client: TestClient) -> None:
    report = import_fixture(client, "renpho/Renpho Health-lb.csv")
    _applied(report, "RENPHO")
    assert _stored(client, "weightKg") == {
        "2026-03-01": {"weightKg": 80.467},  # 06:55: 177.4 lb x 0.45359237 = 80.46729
        "2026-03-02": {"weightKg": 80.195},  # 176.8 lb = 80.19513 kg
    }


def test_google_fit_per_day_files_sum_their_quarter_hours_into_the_named_day(
    client: TestClient,
) -> None:
    first = import_fixture(client, "google_fit/2026-03-01.csv")
    _applied(first, "GOOGLE_FIT")
    assert any(w.startswith("Calories (kcal) were not imported") for w in first["warnings"])
    assert "kcal_in" not in first["columns"]
    _applied(import_fixture(client, "google_fit/2026-03-02.csv"), "GOOGLE_FIT")
    assert _stored(client, "steps", "weightKg", "kcalIn", "kcalOutTraining") == {
        # 07:15 412 + 07:30 1033 + 12:00 250 + 18:45 2210 + 23:45 95; the 07:15 weigh-in
        "2026-03-01": {"steps": 4000, "weightKg": 80.65, "kcalIn": None, "kcalOutTraining": None},
        # 08:00 1500 + 17:30 3021
        "2026-03-02": {"steps": 4521, "weightKg": None, "kcalIn": None, "kcalOutTraining": None},
    }
