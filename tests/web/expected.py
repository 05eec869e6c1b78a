"""What each view must show, worked out from the API's own answers (no numbers written in).

The wording mirrors the views in web/src/views/; the numbers come from the API and are
formatted by tests/web/formatting.py.
"""

from __future__ import annotations

from typing import Any

from tests.support.server import ServerProcess
from tests.web.client import gql
from tests.web.formatting import number, quantity, timestamp

OVERVIEW = """{
  dataRange { firstDate lastDate daysLogged }
  profile { sex birthDate heightCm activityFactor stepsGoal proteinTargetGPerKg
            balanceGoalKcal sleepTargetHours isDefault }
}"""

LATEST = """query($day: Date!) {
  kpis(start: $day, end: $day) { weightTrend weightTrendChange7d balance7dAvg balance7dDays
                                 proteinPerKg steps7dAvg sleep7dAvg expenditureKcal
                                 expenditureLowKcal expenditureHighKcal }
  dailyMetrics(start: $day, end: $day) { steps sleepHours }
}"""

SERIES = """query($start: Date!, $end: Date!) {
  kpis(start: $start, end: $end) { date weightTrend balanceKcal balance7dAvg expenditureKcal }
  dailyMetrics(start: $start, end: $end) { date weightKg steps sleepHours }
}"""

SUMMARIES = """query($start: Date!, $end: Date!, $period: Period!) {
  kpiSummary(start: $start, end: $end, period: $period) {
    periodStart periodEnd daysLogged weightAvg weightTrendEnd balanceAvg stepsAvg
    stepsGoalRate proteinPerKgAvg sleepAvg
  }
}"""

INGESTIONS = """{ ingestions(limit: 20) { filename status createdAt rowsRead errorCount } }"""

STATUS_WORDS = {"APPLIED": "Applied", "REJECTED": "Rejected", "UNCHANGED": "Unchanged"}


def overview(server: ServerProcess, token: str | None = None) -> Any:
    return gql(server, OVERVIEW, token=token)


def headline(server: ServerProcess, day: str, profile: dict[str, Any]) -> dict[str, str]:
    """The value shown for each headline figure, by its ``data-figure`` key."""
    data = gql(server, LATEST, {"day": day})
    kpi, metric = data["kpis"][0], data["dailyMetrics"][0]
    return {
        "weight-trend": quantity(kpi["weightTrend"], "kg"),
        "balance": quantity(kpi["balance7dAvg"], "kcal", signed=True),
        "steps": quantity(metric["steps"], "steps"),
        "sleep": quantity(metric["sleepHours"], "hours"),
        "protein": quantity(kpi["proteinPerKg"], "perKg"),
        "weight-change": f"{quantity(kpi['weightTrendChange7d'], 'kg', signed=True)} in 7 days",
        "expenditure": "No estimate"
        if kpi["expenditureKcal"] is None
        else quantity(kpi["expenditureKcal"], "kcal"),
        "expenditure-interval": "Too little intake and weight data yet, or too uncertain"
        if kpi["expenditureKcal"] is None
        else f"a day; 80 % interval {number(kpi['expenditureLowKcal'], 'kcal')}–"
        f"{quantity(kpi['expenditureHighKcal'], 'kcal')}",
    }


def _latest(days: list[str], values: list[float | None], kind: str) -> str:
    for day, value in zip(reversed(days), reversed(values), strict=True):
        if value is not None:
            return f"{quantity(value, kind)} on {day}"
    return "none in this range"


def chart_summaries(
    server: ServerProcess, start: str, end: str, profile: dict[str, Any]
) -> dict[str, str]:
    """The sentence under each chart, by chart id, for the range [start, end]."""
    data = gql(server, SERIES, {"start": start, "end": end})
    metrics = {m["date"]: m for m in data["dailyMetrics"]}
    days = [k["date"] for k in data["kpis"]]
    column = {
        "weight": [metrics[d]["weightKg"] for d in days],
        "steps": [metrics[d]["steps"] for d in days],
        "sleep": [metrics[d]["sleepHours"] for d in days],
        "trend": [k["weightTrend"] for k in data["kpis"]],
        "balance": [k["balanceKcal"] for k in data["kpis"]],
        "balance7d": [k["balance7dAvg"] for k in data["kpis"]],
        "expenditure": [k["expenditureKcal"] for k in data["kpis"]],
    }

    def count(name: str) -> int:
        return sum(v is not None for v in column[name])

    goal, target = profile["stepsGoal"], profile["sleepTargetHours"]
    nights = [v for v in column["sleep"] if v is not None]
    mean = sum(nights) / len(nights) if nights else None
    met = sum(s is not None and s >= goal for s in column["steps"])
    return {
        "chart-weight": f"{count('weight'):,} weigh-ins. "
        f"Trend: {_latest(days, column['trend'], 'kg')}.",
        "chart-expenditure": f"{count('expenditure'):,} days with an estimate. "
        f"Latest: {_latest(days, column['expenditure'], 'kcal')}.",
        "chart-balance": f"{count('balance'):,} days with a balance. "
        f"7-day average: {_latest(days, column['balance7d'], 'kcal')}.",
        "chart-steps": f"{count('steps'):,} days with steps, {met:,} at or above the goal of "
        f"{quantity(goal, 'steps')}.",
        "chart-sleep": f"{len(nights):,} nights logged, average {quantity(mean, 'hours')} "
        f"against the target of {quantity(target, 'hours')}.",
    }


def summary_rows(server: ServerProcess, start: str, end: str, period: str) -> list[list[str]]:
    """The summaries table's rows, newest first, each as its cells' texts."""
    rows = gql(server, SUMMARIES, {"start": start, "end": end, "period": period})["kpiSummary"]
    return [
        [
            f"{r['periodStart']} – {r['periodEnd']}",
            f"{r['daysLogged']:,}",
            quantity(r["weightAvg"], "kg"),
            quantity(r["weightTrendEnd"], "kg"),
            quantity(r["balanceAvg"], "kcal", signed=True),
            quantity(r["stepsAvg"], "steps"),
            quantity(r["stepsGoalRate"], "percent"),
            quantity(r["proteinPerKgAvg"], "perKg"),
            quantity(r["sleepAvg"], "hours"),
        ]
        for r in reversed(rows)
    ]


def history_lines(server: ServerProcess) -> list[str]:
    """The one-line summary of each report in the upload history, newest first."""
    return [
        f"{timestamp(i['createdAt'])} · {i['filename']} · {STATUS_WORDS[i['status']]} · "
        f"{i['rowsRead']:,} rows read, {i['errorCount']:,} errors"
        for i in gql(server, INGESTIONS)["ingestions"]
    ]


def js_number(value: float | int) -> str:
    """A number as JavaScript's String(value) writes it (``180``, ``1.2``)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
