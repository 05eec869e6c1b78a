"""Each view of the dashboard shows the numbers the API holds, in a real browser."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from playwright.sync_api import expect

from tests.support.server import ServerProcess
from tests.web import expected
from tests.web.client import gql
from tests.web.conftest import WatchedPage
from tests.web.expected import js_number
from tests.web.formatting import number

CHARTS = ["chart-weight", "chart-expenditure", "chart-balance", "chart-steps", "chart-sleep"]


def _minus(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) - timedelta(days=days)).isoformat()


def _expect_charts(page: Any, server: ServerProcess, start: str, end: str, profile: Any) -> None:
    expect(page.locator("#charts")).to_have_attribute("data-range", f"{start}..{end}")
    summaries = expected.chart_summaries(server, start, end, profile)
    for chart_id in CHARTS:
        expect(page.locator(f"#{chart_id} .chart-summary")).to_have_text(summaries[chart_id])


def test_each_view_shows_the_numbers_the_api_holds(
    seeded_server_on_each_database: ServerProcess, watched: WatchedPage
) -> None:
    seeded_server = seeded_server_on_each_database
    page = watched.page
    page.goto(f"{seeded_server.base_url}/")
    data = expected.overview(seeded_server)
    first, last = data["dataRange"]["firstDate"], data["dataRange"]["lastDate"]
    profile = data["profile"]

    headline = expected.headline(seeded_server, last, profile)
    expect(page.locator("#headline-day")).to_have_text(last)
    for key in ("weight-trend", "expenditure", "balance", "steps", "sleep", "protein"):
        expect(page.locator(f'[data-figure="{key}"] .value')).to_have_text(headline[key])
    expect(page.locator('[data-figure="expenditure"] .detail')).to_have_text(
        headline["expenditure-interval"]
    )
    expect(page.locator('[data-figure="weight-trend"] .detail')).to_have_text(
        headline["weight-change"]
    )

    # The default range is 90 days ending on the last logged day.
    start = _minus(last, 89)
    _expect_charts(page, seeded_server, start, last, profile)
    weigh_ins = expected.chart_summaries(seeded_server, start, last, profile)["chart-weight"]
    dots = page.locator("#chart-weight path.dots").get_attribute("d") or ""
    assert f"{dots.count('h0'):,} weigh-ins." == weigh_ins.split(" Trend")[0]

    rows = expected.summary_rows(seeded_server, start, last, "WEEK")
    expect(page.locator("#summaries-table tbody tr")).to_have_count(len(rows))
    for index, cells in enumerate(rows):
        expect(page.locator("#summaries-table tbody tr").nth(index).locator("th, td")).to_have_text(
            cells
        )

    expect(page.locator("#history details summary")).to_have_text(
        expected.history_lines(seeded_server)
    )

    for key in ("heightCm", "activityFactor", "stepsGoal", "proteinTargetGPerKg"):
        expect(page.locator(f"#profile-{key}")).to_have_value(js_number(profile[key]))
    expect(page.locator("#profile-birthDate")).to_have_value(profile["birthDate"])
    expect(page.locator("#profile-sex")).to_have_value(profile["sex"])
    assert first < start
    watched.assert_clean()


def test_the_range_controls_redraw_the_charts_and_summaries(
    seeded_server: ServerProcess, watched: WatchedPage
) -> None:
    page = watched.page
    page.goto(f"{seeded_server.base_url}/")
    data = expected.overview(seeded_server)
    first, last = data["dataRange"]["firstDate"], data["dataRange"]["lastDate"]
    profile = data["profile"]

    page.get_by_label("30 days").check()
    _expect_charts(page, seeded_server, _minus(last, 29), last, profile)
    page.get_by_label("1 year").check()
    _expect_charts(page, seeded_server, _minus(last, 364), last, profile)
    page.get_by_label("All", exact=True).check()
    _expect_charts(page, seeded_server, first, last, profile)

    page.get_by_label("Months").check()
    months = expected.summary_rows(seeded_server, first, last, "MONTH")
    expect(page.locator("#summaries-table tbody tr th")).to_have_text([row[0] for row in months])

    page.get_by_label("Custom").check()
    custom_start, custom_end = _minus(last, 200), _minus(last, 100)
    page.get_by_label("From", exact=True).fill(custom_start)
    page.get_by_label("To", exact=True).fill(custom_end)
    page.get_by_role("button", name="Show").click()
    _expect_charts(page, seeded_server, custom_start, custom_end, profile)
    assert page.evaluate("location.hash") == f"#range={custom_start}..{custom_end}"

    page.reload()
    _expect_charts(page, seeded_server, custom_start, custom_end, profile)
    watched.assert_clean()


def test_pointing_at_a_chart_reads_out_the_nearest_days_values(
    seeded_server: ServerProcess, watched: WatchedPage
) -> None:
    page = watched.page
    page.goto(f"{seeded_server.base_url}/#range=30")
    data = expected.overview(seeded_server)
    last = data["dataRange"]["lastDate"]
    kpi = gql(seeded_server, expected.SERIES, {"start": last, "end": last})["kpis"][0]

    chart = page.locator("#chart-weight svg")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + box["height"] / 2)
    readout = page.locator("#chart-weight .cursor-text tspan")
    expect(readout.first).to_have_text(last)
    expect(page.locator("#chart-weight .cursor-text")).to_contain_text(
        f"Trend: {number(kpi['weightTrend'], 'kg')}"
    )
    watched.assert_clean()


def test_the_profile_is_saved_from_its_form_and_the_views_follow_it(
    seeded_server: ServerProcess, watched: WatchedPage
) -> None:
    page = watched.page
    page.goto(f"{seeded_server.base_url}/")
    before = expected.overview(seeded_server)["profile"]
    goal = before["stepsGoal"] + 1234

    page.get_by_label("Steps goal (steps a day)").fill(str(goal))
    page.get_by_label("Sleep target (hours)").fill("7.5")
    page.get_by_role("button", name="Save profile").click()

    expect(page.locator("#profile-status")).to_have_text("Saved.")
    data = expected.overview(seeded_server)
    after, last = data["profile"], data["dataRange"]["lastDate"]
    assert (after["stepsGoal"], after["sleepTargetHours"], after["isDefault"]) == (goal, 7.5, False)
    expect(page.locator("#profile-stepsGoal")).to_have_value(str(goal))
    expect(page.locator("#profile .note")).to_have_count(0)
    summaries = expected.chart_summaries(seeded_server, _minus(last, 89), last, after)
    for chart_id in ("chart-steps", "chart-sleep"):
        expect(page.locator(f"#{chart_id} .chart-summary")).to_have_text(summaries[chart_id])
    watched.assert_clean()
