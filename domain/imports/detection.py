"""Recognising an app's export by its signature (docs/imports/index.md, "Detection").

The signature of a CSV is its header names, and, where an app puts a file's meaning
only in its name (Withings ``aggregates_steps.csv`` is ``date,value``), the file
name too. A file that matches no app is canonical: canonical is the fallback,
never a candidate.
"""

from __future__ import annotations

from domain.imports import (
    cronometer,
    fitbit,
    garmin,
    google_fit,
    myfitnesspal,
    oura,
    renpho,
    whoop,
    withings,
)
from domain.model import ImportSource

#: What each app's CSV files are called in messages.
DESCRIPTIONS: dict[ImportSource, str] = {
    ImportSource.MYFITNESSPAL: "MyFitnessPal Nutrition/Measurement/Exercise-Summary CSV",
    ImportSource.CRONOMETER: "Cronometer dailysummary, servings or biometrics CSV",
    ImportSource.WITHINGS: "Withings weight.csv, aggregates_steps.csv or sleep.csv",
    ImportSource.GARMIN: "Garmin Connect Activities CSV",
    ImportSource.GOOGLE_FIT: "Google Fit Daily activity metrics CSV or a per-day YYYY-MM-DD.csv",
    ImportSource.FITBIT: "Fitbit research CSV or account-export JSON",
    ImportSource.OURA: "Oura trends CSV",
    ImportSource.WHOOP: "WHOOP physiological_cycles.csv or sleeps.csv",
    ImportSource.RENPHO: "Renpho body-scale CSV",
    ImportSource.APPLE_HEALTH: "Apple Health export.zip or export.xml",
}


def csv_candidates(names: list[str], filename: str) -> set[ImportSource]:
    """The app formats whose signature a CSV header (lower-case names) matches."""
    present = set(names)
    lower_name = filename.lower()
    found: set[ImportSource] = set()
    if (
        present >= myfitnesspal.NUTRITION
        or present >= myfitnesspal.EXERCISE
        or (present >= myfitnesspal.MEASUREMENT and "measurement-summary" in lower_name)
    ):
        found.add(ImportSource.MYFITNESSPAL)
    if (
        (present >= cronometer.DAILY and any(e in present for e in cronometer.ENERGY))
        or present >= cronometer.SERVINGS
        or present >= cronometer.BIOMETRICS
    ):
        found.add(ImportSource.CRONOMETER)
    if (
        withings.is_weight(names)
        or withings.is_sleep(names)
        or (present == withings.STEPS and "aggregates_steps" in lower_name)
    ):
        found.add(ImportSource.WITHINGS)
    if garmin.language_of(present) is not None:
        found.add(ImportSource.GARMIN)
    if google_fit.matches(present):
        found.add(ImportSource.GOOGLE_FIT)
    if present >= fitbit.ACTIVITY or present >= fitbit.SLEEP_DAY or present >= fitbit.WEIGHT_LOG:
        found.add(ImportSource.FITBIT)
    if oura.matches(present):
        found.add(ImportSource.OURA)
    if whoop.matches(present):
        found.add(ImportSource.WHOOP)
    if renpho.matches(names):
        found.add(ImportSource.RENPHO)
    return found


def names_of(sources: set[ImportSource]) -> str:
    return " and ".join(f"{s.value} ({DESCRIPTIONS[s]})" for s in sorted(sources, key=str))
