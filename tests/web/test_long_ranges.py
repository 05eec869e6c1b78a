"""Long ranges stay readable: weekly averages beyond 400 days, years on the axes, and a
deficit coloured unlike a surplus."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from playwright.sync_api import expect

from tests.support.server import ServerProcess
from tests.web import expected
from tests.web.client import gql
from tests.web.conftest import WatchedPage
from tests.web.formatting import number

WEIGHTS = """query($start: Date!, $end: Date!) {
  dailyMetrics(start: $start, end: $end) { date weightKg } }"""


def test_beyond_400_days_each_point_is_a_weeks_average_and_says_so(
    seeded_server: ServerProcess, watched: WatchedPage
) -> None:
    data = expected.overview(seeded_server)
    first, last = data["dataRange"]["firstDate"], data["dataRange"]["lastDate"]
    assert (date.fromisoformat(last) - date.fromisoformat(first)).days + 1 > 400
    # The weeks worked out here from the dates, independently of the page's day numbers.
    weeks: dict[tuple[int, int], list[float]] = defaultdict(list)
    for day in gql(seeded_server, WEIGHTS, {"start": first, "end": last})["dailyMetrics"]:
        if day["weightKg"] is not None:
            iso = date.fromisoformat(day["date"]).isocalendar()
            weeks[(iso.year, iso.week)].append(day["weightKg"])

    page = watched.page
    page.goto(f"{seeded_server.base_url}/#range=all")
    expect(page.locator("#charts")).to_have_attribute("data-range", f"{first}..{last}")
    expect(page.locator("#chart-weight .chart-note")).to_have_text(
        "Weekly averages: over 400 days, each point is one week."
    )
    dots = page.locator("#chart-weight path.dots").get_attribute("d") or ""
    assert dots.count("h0") == len(weeks)

    newest = weeks[max(weeks)]
    page.locator("#chart-weight svg").focus()
    page.keyboard.press("End")
    readout = page.locator("#chart-weight .readout-text")
    last_day = date.fromisoformat(last)
    monday = (last_day - timedelta(days=last_day.weekday())).isoformat()
    expect(readout).to_contain_text(f"Week of {monday}: ")
    expect(readout).to_contain_text(f"Weigh-ins: {number(sum(newest) / len(newest), 'kg')} kg")

    # Ninety days are drawn day by day.
    page.get_by_label("90 days").check()
    expect(page.locator("#chart-weight .chart-note")).to_have_count(0)
    watched.assert_clean()


def test_an_axis_that_crosses_a_year_shows_it_and_deficits_differ_from_surpluses(
    seeded_server: ServerProcess, watched: WatchedPage
) -> None:
    last = expected.overview(seeded_server)["dataRange"]["lastDate"]
    page = watched.page
    page.goto(f"{seeded_server.base_url}/#range=365")
    expect(page.locator("#charts .chart")).to_have_count(6)
    labels = page.locator("#chart-weight .tick-x").all_text_contents()
    years = {label[-4:] for label in labels if re.search(r"\b\d{4}$", label)}
    start_year, end_year = int(last[:4]) - 1, int(last[:4])
    assert years == {str(start_year), str(end_year)}, labels
    # The year stands on the first tick and on the first tick of the new year only.
    assert re.search(r"\d{4}$", labels[0])
    assert sum(bool(re.search(r"\d{4}$", label)) for label in labels) == 2

    fills = page.evaluate(
        """() => ['c-deficit', 'c-surplus'].map((name) =>
             getComputedStyle(document.querySelector(`#chart-balance path.${name}`)).fill)"""
    )
    assert fills[0] != fills[1]
    expect(page.locator("#chart-balance .legend li")).to_contain_text(
        ["Deficit", "Surplus", "7-day average"]
    )
    watched.assert_clean()
