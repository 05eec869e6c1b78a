"""Daily use on a phone and a desktop, light and dark: entry, correction, deletion, chart
read-outs by touch, drag and keys, text sizes, and no serious accessibility violation."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.support.server import ServerProcess
from tests.web import expected
from tests.web.accessibility import serious_violations
from tests.web.client import gql, upload
from tests.web.conftest import PHONE, WatchedPage, watch
from tests.web.formatting import number

DAY = """query($day: Date!) { dailyMetrics(start: $day, end: $day) { weightKg steps } }"""
DATES = """query($start: Date!, $end: Date!) { dailyMetrics(start: $start, end: $end) { date } }"""


def _open(page: Any, server: ServerProcess, fragment: str = "") -> None:
    page.goto(f"{server.base_url}/{fragment}")
    expect(page.locator("body")).to_have_attribute("data-loaded", "true")
    expect(page.locator("#charts .chart")).to_have_count(6)
    expect(page.locator("#entry-status")).not_to_be_empty()


def _stored(server: ServerProcess, day: str) -> Any:
    rows = gql(server, DAY, {"day": day})["dailyMetrics"]
    return rows[0] if rows else None


def _expect_latest(page: Any, server: ServerProcess) -> None:
    data = expected.overview(server)
    last, profile = data["dataRange"]["lastDate"], data["profile"]
    expect(page.locator("#headline-day")).to_have_text(last)
    headline = expected.headline(server, last, profile)
    expect(page.locator('[data-figure="weight-trend"] .value')).to_have_text(
        headline["weight-trend"]
    )
    start = (date.fromisoformat(last) - timedelta(days=89)).isoformat()
    expect(page.locator("#charts")).to_have_attribute("data-range", f"{start}..{last}")
    summaries = expected.chart_summaries(server, start, last, profile)
    for chart_id, sentence in summaries.items():
        expect(page.locator(f"#{chart_id} .chart-summary")).to_have_text(sentence)


def test_a_day_is_logged_corrected_and_deleted_from_the_page(
    seeded_server: ServerProcess, device: WatchedPage, request: Any
) -> None:
    page = device.page
    _open(page, seeded_server)
    today = page.input_value("#entry-date")
    # Each device logs its own day, so the runs never meet.
    offset = ["desktop-light", "phone-light", "desktop-dark", "phone-dark"].index(
        request.node.callspec.id
    )
    day = (date.fromisoformat(today) - timedelta(days=offset)).isoformat()
    assert _stored(seeded_server, day) is None
    if day != today:
        page.fill("#entry-date", day)
        page.dispatch_event("#entry-date", "change")
    expect(page.locator("#entry-status")).to_have_text(f"Nothing logged on {day} yet.")

    # Log: the weight is stored, and the first screen moves to the new day and trend.
    page.get_by_role("textbox", name="Weight (kg)").fill("71.3")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#entry-status")).to_have_text(f"Saved {day}.")
    assert _stored(seeded_server, day) == {"weightKg": 71.3, "steps": None}
    _expect_latest(page, seeded_server)
    row = page.locator(f'#recent-table tr[data-date="{day}"]')
    expect(row.locator("td").first).to_have_text("71.3 kg")

    # Correct: opened from the table, the form shows what is stored; a comma is a decimal mark.
    page.get_by_role("textbox", name="Weight (kg)").fill("")
    row.get_by_role("button", name=f"Edit {day}").click()
    expect(page.get_by_role("textbox", name="Weight (kg)")).to_have_value("71.3")
    page.get_by_role("textbox", name="Weight (kg)").fill("70,9")
    page.locator(".entry-more summary").click()
    page.get_by_role("textbox", name="Steps").fill("8123")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#entry-status")).to_have_text(f"Saved {day}.")
    assert _stored(seeded_server, day) == {"weightKg": 70.9, "steps": 8123}
    _expect_latest(page, seeded_server)
    expect(row.locator("td").first).to_have_text("70.9 kg")

    # Delete, after a confirmation.
    page.get_by_role("button", name="Delete this day").click()
    page.get_by_role("button", name=f"Delete {day} and all its values").click()
    expect(page.locator("#entry-status")).to_have_text(f"Deleted {day}.")
    assert _stored(seeded_server, day) is None
    _expect_latest(page, seeded_server)
    expect(row).to_have_count(0)
    assert serious_violations(page) == []
    device.assert_clean()


def test_a_weight_out_of_range_is_refused_by_its_field_and_a_failed_save_keeps_it(
    seeded_server: ServerProcess, device: WatchedPage
) -> None:
    page = device.page
    _open(page, seeded_server)
    today = page.input_value("#entry-date")
    weight = page.get_by_role("textbox", name="Weight (kg)")
    weight.fill("500")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#entry-weightKg-error")).to_have_text(
        "Out of range. Weight must be from 20.0 to 400.0 kg."
    )
    expect(weight).to_have_attribute("aria-invalid", "true")
    assert not [r for r in device.graphql_requests if "SaveDay" in str(r["json"])]
    assert _stored(seeded_server, today) is None
    weight.fill("72.5")
    expect(page.locator("#entry-weightKg-error")).to_be_empty()

    page.context.set_offline(True)
    try:
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.locator("#entry-status")).to_contain_text("Not saved:")
        expect(weight).to_have_value("72.5")
    finally:
        page.context.set_offline(False)
    assert _stored(seeded_server, today) is None
    # The failed request is the only console error a lost network makes.
    device.forgive("ERR_INTERNET_DISCONNECTED")
    device.assert_clean()


def _touch(session: Any, kind: str, x: float, y: float) -> None:
    """A real touch event, through the browser's input pipeline (pointer events follow)."""
    points = [] if kind == "touchEnd" else [{"x": x, "y": y, "id": 1}]
    session.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


def test_chart_read_outs_follow_a_tap_a_drag_and_the_arrow_keys(
    seeded_server: ServerProcess, device: WatchedPage
) -> None:
    page = device.page
    _open(page, seeded_server, "#range=30")
    last = expected.overview(seeded_server)["dataRange"]["lastDate"]
    start = (date.fromisoformat(last) - timedelta(days=29)).isoformat()
    logged = gql(seeded_server, DATES, {"start": start, "end": last})["dailyMetrics"]
    days = [d["date"] for d in logged]
    trend = gql(seeded_server, expected.SERIES, {"start": last, "end": last})["kpis"][0]
    chart = page.locator("#chart-weight svg")
    readout = page.locator("#chart-weight .readout-text")
    cursor = page.locator("#chart-weight g.cursor")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box is not None
    right, middle = box["x"] + box["width"] - 12, box["y"] + box["height"] / 2
    left = box["x"] + 60

    touch = bool(page.evaluate("navigator.maxTouchPoints > 0"))
    session = page.context.new_cdp_session(page)
    if touch:
        _touch(session, "touchStart", right, middle)
    else:
        page.mouse.move(right, middle)
        page.mouse.down()
    expect(readout).to_contain_text(f"{last}: ")
    expect(readout).to_contain_text(f"Trend: {number(trend['weightTrend'], 'kg')} kg")
    # A drag that wanders above the chart keeps its read-out, on the day under the finger.
    if touch:
        _touch(session, "touchMove", left, box["y"] - 30)
    else:
        page.mouse.move(left, box["y"] - 30)
    expect(readout).to_contain_text(f"{days[0]}: ")
    expect(cursor).to_have_attribute("visibility", "visible")
    if touch:  # a finger lifted leaves the read-out in place (a mouse that left hides it)
        _touch(session, "touchEnd", 0, 0)
        expect(cursor).to_have_attribute("visibility", "visible")
    else:
        page.mouse.up()

    # Keys: the last logged day, then the one before it, with units.
    chart.focus()
    page.keyboard.press("End")
    expect(readout).to_contain_text(f"{days[-1]}: ")
    page.keyboard.press("ArrowLeft")
    expect(readout).to_contain_text(f"{days[-2]}: Weigh-ins: ")
    expect(readout).to_contain_text(" kg")
    page.keyboard.press("Enter")
    expect(page.locator("#entry-date")).to_have_value(days[-2])

    # No text under 11 px as drawn, SVG scaling included; nothing wider than the screen.
    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll('svg text')].map((t) =>
            parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a),
          ...[...document.querySelectorAll('body *')].filter((e) =>
            [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
            && e.getClientRects().length > 0 && !e.closest('svg'))
            .map((e) => parseFloat(getComputedStyle(e).fontSize)))"""
    )
    assert smallest >= 11
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert serious_violations(page) == []
    device.assert_clean()


@pytest.mark.parametrize("width", [390, 360, 320])
@pytest.mark.parametrize("unit", ["KG", "LB"])
def test_on_a_phone_the_recent_weigh_ins_fit_the_screen_edit_buttons_included(
    empty_server: ServerProcess, browser: Any, unit: str, width: int
) -> None:
    # Heavy weights that swing by 20 kg: the widest cells the table can hold.
    rows = "".join(
        f"2026-02-{d:02d},{(195.5 if d % 2 else 175.5) - d / 10:.1f}\n" for d in range(1, 15)
    )
    report = upload(empty_server, f"date,weight_kg\n{rows}".encode(), "heavy.csv")
    assert report["status"] == "APPLIED", report
    phone = {**PHONE, "viewport": {"width": width, "height": 844}}
    context = browser.new_context(**phone, color_scheme="light")
    try:
        device = watch(context)
        page = device.page
        _open(page, empty_server)
        if unit == "LB":
            page.get_by_label("Weight unit").select_option("LB")
            page.get_by_role("button", name="Save profile").click()
            expect(page.locator("#profile-status")).to_have_text("Saved.")
        table = page.locator("#recent-table")
        expect(table.locator("tbody tr")).to_have_count(14)
        expect(table.locator("caption")).to_contain_text(f"({unit.lower()})")
        region = page.locator("#recent-section .table-scroll")
        assert region.evaluate("(e) => e.scrollWidth <= e.clientWidth"), region.evaluate(
            "(e) => [e.scrollWidth, e.clientWidth]"
        )
        box = region.bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= width
        for button in table.get_by_role("button").all():
            edge = button.bounding_box()
            assert edge is not None
            assert edge["x"] + edge["width"] <= box["x"] + box["width"]
        # The date and the column's name are still read out whole.
        expect(table.get_by_role("columnheader", name="Difference", exact=True)).to_have_count(1)
        assert table.get_by_role("rowheader").first.text_content() == "2026-02-14"
        table.get_by_role("button", name="Edit 2026-02-14").click()
        expect(page.locator("#entry-date")).to_have_value("2026-02-14")
        assert serious_violations(page) == []
        device.assert_clean()
    finally:
        context.close()
