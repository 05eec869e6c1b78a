"""The first screen answers "how am I doing and when will I get there" with the API's own
numbers, in kg and in lb, at a phone and a desktop viewport, without scrolling
(docs/dashboard.md, "The first screen")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.support.server import ServerProcess, running_server
from tests.web.accessibility import serious_violations
from tests.web.client import gql, upload
from tests.web.conftest import WatchedPage
from tests.web.formatting import KG_PER_LB, MISSING, number, quantity, rate, weight

#: The generated history: 73 days from a Monday to a Wednesday, so the last week has
#: three days so far; its day 14 days before the last is left out.
FIRST = date(2026, 1, 5)
LAST = date(2026, 3, 18)
GAP = LAST - timedelta(days=14)
#: A goal below the trend, near enough that the projection reaches it within the chart's
#: 90 days (a farther one is cut at the range's length past its end).
GOAL_KG = 84.0

DAY = """query($day: Date!, $since: Date!, $monday: Date!) {
  kpis(start: $day, end: $day) { weightTrend weightTrendChange7d weightRateKgPerWeek
    goalEtaDate targetKcalIn
    energyBalanceKcal energyBalance7dAvg expenditureKcal expenditureLowKcal
    expenditureHighKcal balance7dAvg }
  dailyMetrics(start: $day, end: $day) { weightKg }
  trends: kpis(start: $since, end: $day) { date weightTrend }
  week: dailyMetrics(start: $monday, end: $day) { kcalIn }
  summary: kpiSummary(start: $monday, end: $day, period: WEEK) { kcalInAvg targetKcalIn }
}"""
SERIES = """query($start: Date!, $end: Date!) {
  kpis(start: $start, end: $end) { date targetKcalIn }
  dailyMetrics(start: $start, end: $end) { date kcalIn }
}"""
PROFILE = """mutation($input: ProfileInput!) { updateProfile(input: $input) { weightUnit } }"""

#: What must show without scrolling, by ``data-figure`` key.
FIRST_SCREEN = [
    "scale-weight",
    "weight-trend",
    "rate",
    "changes",
    "to-go",
    "eta",
    "intake",
    "expenditure",
    "energy-balance",
]


def _history() -> bytes:
    """A steady loss with a daily wobble, intake on most days (made here, not a sample)."""
    lines = ["date,weight_kg,kcal_in"]
    day, i = FIRST, 0
    while day <= LAST:
        if day != GAP:
            wobble = ((i * 7) % 5 - 2) * 0.15
            weighed = f"{92 - 0.065 * i + wobble:.1f}" if i % 11 != 5 else ""
            kcal = str(2050 + (i * 37) % 260) if i % 9 != 4 else ""
            lines.append(f"{day.isoformat()},{weighed},{kcal}")
        day += timedelta(days=1)
        i += 1
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture(scope="module")
def plan_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    directory = tmp_path_factory.mktemp("plan")
    with running_server(
        f"sqlite:///{directory / 'healthhub.db'}", directory / "server.log"
    ) as server:
        assert upload(server, _history(), "plan.csv")["status"] == "APPLIED"
        yield server


def _plan(server: ServerProcess, goal_kg: float, unit: str) -> dict[str, Any]:
    gql(
        server,
        PROFILE,
        {"input": {"goalWeightKg": goal_kg, "goalRateKgPerWeek": -0.5, "weightUnit": unit}},
    )
    last = LAST.isoformat()
    monday = (LAST - timedelta(days=LAST.weekday())).isoformat()
    since = (LAST - timedelta(days=30)).isoformat()
    return gql(server, DAY, {"day": last, "since": since, "monday": monday})  # type: ignore[no-any-return]


def _open(page: Any, server: ServerProcess) -> None:
    page.goto(f"{server.base_url}/")
    expect(page.locator("body")).to_have_attribute("data-loaded", "true")
    expect(page.locator("#headline-day")).to_have_text(LAST.isoformat())
    expect(page.locator('[data-figure="eta"] .value')).to_be_visible()


def _value(page: Any, key: str) -> Any:
    return page.locator(f'[data-figure="{key}"] .value')


def _detail(page: Any, key: str) -> Any:
    return page.locator(f'[data-figure="{key}"] .detail')


@pytest.mark.parametrize("unit", ["KG", "LB"])
def test_the_first_screen_shows_the_apis_plan_without_scrolling(
    plan_server: ServerProcess, phone_or_desktop: WatchedPage, unit: str
) -> None:
    data = _plan(plan_server, GOAL_KG, unit)
    kpi, metric = data["kpis"][0], data["dailyMetrics"][0]
    # The generated history has what every figure needs.
    for field in ("weightRateKgPerWeek", "goalEtaDate", "targetKcalIn", "expenditureKcal"):
        assert kpi[field] is not None, field
    page = phone_or_desktop.page
    _open(page, plan_server)

    expect(_value(page, "scale-weight")).to_have_text(weight(metric["weightKg"], unit))
    expect(_value(page, "weight-trend")).to_have_text(weight(kpi["weightTrend"], unit))
    expect(_value(page, "rate")).to_have_text(rate(kpi["weightRateKgPerWeek"], unit))
    expect(_detail(page, "rate")).to_have_text(f"over 14 days; plan {rate(-0.5, unit)}")

    trends = {k["date"]: k["weightTrend"] for k in data["trends"]}
    assert GAP.isoformat() not in trends
    for days in (1, 7, 14, 30):
        then = trends.get((LAST - timedelta(days=days)).isoformat())
        change = None if then is None else kpi["weightTrend"] - then
        if days == 7:  # the API's own weekly change, the same figure as the trend's
            assert change == pytest.approx(kpi["weightTrendChange7d"], abs=0.0015)
            change = kpi["weightTrendChange7d"]
        shown = MISSING if change is None else weight(change, unit, signed=True).split(" ")[0]
        expect(page.locator(f'[data-since="{days}"] .amount')).to_have_text(shown)
    expect(page.locator('[data-since="14"] .amount')).to_have_text(MISSING)

    to_go = GOAL_KG - kpi["weightTrend"]
    assert to_go < 0
    expect(_value(page, "to-go")).to_have_text(weight(-to_go, unit))
    expect(_detail(page, "to-go")).to_have_text(f"to lose, to {weight(GOAL_KG, unit)}")
    expect(_value(page, "eta")).to_have_text(kpi["goalEtaDate"])

    # This week: the target a day against the average eaten a day over its days so far,
    # worked out here from the days themselves.
    eaten = [d["kcalIn"] for d in data["week"] if d["kcalIn"] is not None]
    mean = sum(eaten) / len(eaten)
    assert data["summary"][0]["kcalInAvg"] == pytest.approx(mean, abs=0.05)
    target = kpi["targetKcalIn"]
    assert data["summary"][0]["targetKcalIn"] == target
    expect(_value(page, "intake")).to_have_text(quantity(target, "kcal"))
    expect(_detail(page, "intake")).to_have_text(
        f"a day; eaten {quantity(data['summary'][0]['kcalInAvg'], 'kcal')} a day over "
        f"{len(eaten)} days since Monday "
        f"({quantity(data['summary'][0]['kcalInAvg'] - target, 'kcal', signed=True)})"
    )

    expect(_value(page, "expenditure")).to_have_text(quantity(kpi["expenditureKcal"], "kcal"))
    expect(_detail(page, "expenditure")).to_have_text(
        f"a day; 80 % interval {number(kpi['expenditureLowKcal'], 'kcal')}–"
        f"{quantity(kpi['expenditureHighKcal'], 'kcal')}"
    )
    expect(_value(page, "energy-balance")).to_have_text(
        quantity(kpi["energyBalance7dAvg"], "kcal", signed=True)
    )
    expect(_detail(page, "energy-balance")).to_have_text(
        "a day, 7-day average of intake − expenditure; "
        f"{quantity(kpi['energyBalanceKcal'], 'kcal', signed=True)} on the day"
    )
    # The profile-formula balance is there too, and says which balance it is.
    expect(page.locator('[data-figure="balance"] dt')).to_have_text("Profile-formula balance")
    expect(_value(page, "balance")).to_have_text(quantity(kpi["balance7dAvg"], "kcal", signed=True))

    # All of it without scrolling; on a phone the form opens from "Log a day".
    viewport = page.viewport_size
    assert page.evaluate("scrollY") == 0
    for key in FIRST_SCREEN:
        box = page.locator(f'[data-figure="{key}"]').bounding_box()
        assert box is not None, key
        assert box["y"] >= 0, key
        assert box["y"] + box["height"] <= viewport["height"], key
        assert box["x"] >= 0, key
        assert box["x"] + box["width"] <= viewport["width"], key
    if viewport["width"] < 900:
        page.get_by_role("link", name="Log a day").click()
        expect(page.locator("#entry-weightKg")).to_be_focused()
        expect(page.locator("#entry-weightKg")).to_be_in_viewport()
    else:
        expect(page.get_by_role("link", name="Log a day")).to_be_hidden()
        box = page.locator("#entry-form").bounding_box()
        assert box is not None
        assert box["y"] + box["height"] <= viewport["height"]
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert date.fromisoformat(kpi["goalEtaDate"]) <= LAST + timedelta(days=89)
    _expect_goal_drawn(page, GOAL_KG, kpi["goalEtaDate"], unit)
    _expect_intake_chart(page, plan_server)
    assert serious_violations(page) == []
    phone_or_desktop.assert_clean()


def _path_ys(d: str) -> list[float]:
    """The y of each point of a path of M, L and H commands (``M52 80.5H343``, ``M52 80L90 81``)."""
    return [float(point.split(" ")[1]) for point in re.split("[MLH]", d) if " " in point]


def _expect_goal_drawn(page: Any, goal_kg: float, eta: str, unit: str) -> None:
    """The goal line sits where the y axis puts the goal in ``unit``, and the projection
    ends on it at the goal date."""
    chart = page.locator("#chart-weight")
    chart.scroll_into_view_if_needed()
    expect(chart.locator(".legend")).to_contain_text(f"Goal {weight(goal_kg, unit)}")
    expect(chart.locator(".legend")).to_contain_text(f"Projection to {eta}")
    expect(chart.locator(".chart-summary")).to_contain_text(
        f"Goal {weight(goal_kg, unit)}, projected for {eta}."
    )
    ticks = chart.locator("text.tick-y").evaluate_all(
        "(ts) => ts.map((t) => [t.textContent, parseFloat(t.getAttribute('y'))])"
    )
    (v1, y1), (v2, y2) = [(float(text), y - 4) for text, y in ticks[:2]]
    goal = goal_kg / KG_PER_LB if unit == "LB" else goal_kg
    expected_y = y1 + (goal - v1) * (y2 - y1) / (v2 - v1)
    rule = _path_ys(chart.locator("path.rule.c-goal").get_attribute("d") or "")
    assert rule[0] == pytest.approx(expected_y, abs=0.6)
    projection = _path_ys(chart.locator("path.segment.c-projection").get_attribute("d") or "")
    assert len(projection) == 2
    assert projection[1] == pytest.approx(expected_y, abs=0.6)


def _expect_intake_chart(page: Any, server: ServerProcess) -> None:
    """Intake against the week's target over the default 90 days, in words."""
    start = (LAST - timedelta(days=89)).isoformat()
    data = gql(server, SERIES, {"start": start, "end": LAST.isoformat()})
    eaten = [m["kcalIn"] for m in data["dailyMetrics"] if m["kcalIn"] is not None]
    last = [k for k in data["kpis"] if k["targetKcalIn"] is not None][-1]
    expect(page.locator("#chart-intake .chart-summary")).to_have_text(
        f"{len(eaten)} days with intake, average {quantity(sum(eaten) / len(eaten), 'kcal')}. "
        f"Target: {quantity(last['targetKcalIn'], 'kcal')} on {last['date']}."
    )
    steps = page.locator("#chart-intake path.step.c-target").get_attribute("d") or ""
    # One level per day that has a target.
    assert steps.count("H") == sum(k["targetKcalIn"] is not None for k in data["kpis"])


def test_a_goal_the_trend_moves_away_from_says_so_instead_of_a_date(
    plan_server: ServerProcess, watched: WatchedPage
) -> None:
    data = _plan(plan_server, 100.0, "KG")
    kpi = data["kpis"][0]
    # Losing, with the goal above: no date, and the page says why.
    assert kpi["weightRateKgPerWeek"] < 0 < 100.0 - kpi["weightTrend"]
    assert kpi["goalEtaDate"] is None
    page = watched.page
    _open(page, plan_server)
    expect(_value(page, "eta")).to_have_text("Moving away")
    expect(_detail(page, "eta")).to_have_text("the trend moves away from the goal")
    expect(_detail(page, "to-go")).to_have_text(f"to gain, to {weight(100.0, 'KG')}")
    watched.assert_clean()


def test_without_a_goal_the_first_screen_says_there_is_none(
    plan_server: ServerProcess, watched: WatchedPage
) -> None:
    gql(plan_server, PROFILE, {"input": {"goalWeightKg": None, "weightUnit": "KG"}})
    page = watched.page
    _open(page, plan_server)
    expect(_value(page, "to-go")).to_have_text("No goal")
    expect(_value(page, "eta")).to_have_text("No goal")
    expect(_detail(page, "eta")).to_have_text("set one under Profile")
    watched.assert_clean()
