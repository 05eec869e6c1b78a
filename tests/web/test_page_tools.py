"""The page's tools: profile errors by their fields, a custom range limited to the data,
the data downloaded as CSV, and a print that keeps charts and drops controls."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.support.server import ServerProcess
from tests.web import expected
from tests.web.client import gql, upload
from tests.web.conftest import WatchedPage, watch
from tests.web.formatting import KG_PER_LB, number, weight


def test_a_refused_profile_value_is_marked_by_its_field_until_it_is_fixed(
    seeded_server: ServerProcess, watched: WatchedPage
) -> None:
    before = expected.overview(seeded_server)["profile"]
    page = watched.page
    page.goto(f"{seeded_server.base_url}/")
    height = page.get_by_label("Height (cm)")
    height.fill("10")
    page.get_by_role("button", name="Save profile").click()
    error = page.locator("#profile-heightCm-error")
    # The API's own message, which names the allowed range.
    expect(error).to_contain_text("50")
    expect(error).to_contain_text("300")
    expect(height).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#profile-status")).to_have_text("Not saved: correct the marked field.")
    assert expected.overview(seeded_server)["profile"] == before
    height.fill("181")
    expect(error).to_be_empty()
    expect(height).not_to_have_attribute("aria-invalid", "true")
    watched.assert_clean()


def test_a_custom_range_is_limited_to_the_logged_days(
    seeded_server: ServerProcess, watched: WatchedPage
) -> None:
    data = expected.overview(seeded_server)
    first, last = data["dataRange"]["firstDate"], data["dataRange"]["lastDate"]
    page = watched.page
    page.goto(f"{seeded_server.base_url}/")
    page.get_by_label("Custom").check()
    expect(page.get_by_label("From", exact=True)).to_have_attribute("min", first)
    expect(page.get_by_label("To", exact=True)).to_have_attribute("max", last)
    before = (date.fromisoformat(first) - timedelta(days=400)).isoformat()
    page.get_by_label("From", exact=True).fill(before)
    page.get_by_label("To", exact=True).fill(last)
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#charts")).to_have_attribute("data-range", f"{first}..{last}")

    page.get_by_label("Custom").check()
    page.get_by_label("From", exact=True).fill(before)
    page.get_by_label("To", exact=True).fill((date.fromisoformat(first) - timedelta(1)).isoformat())
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#range-custom-form .form-error")).to_have_text(
        f"Nothing is logged then: choose days from {first} to {last}."
    )
    watched.assert_clean()


def test_the_downloaded_csv_imports_back_unchanged(
    seeded_server: ServerProcess, watched: WatchedPage, tmp_path: Path
) -> None:
    data = expected.overview(seeded_server)
    first, last = data["dataRange"]["firstDate"], data["dataRange"]["lastDate"]
    page = watched.page
    page.goto(f"{seeded_server.base_url}/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download all days as CSV").click()
    assert download.value.suggested_filename == f"healthhub-{first}-to-{last}.csv"
    path = tmp_path / "export.csv"
    download.value.save_as(path)
    content = path.read_bytes()
    assert content.count(b"\n") == data["dataRange"]["daysLogged"] + 1
    # Every day the file holds is already stored exactly so: a dry run changes nothing.
    report = upload(seeded_server, content, "export.csv", dry_run=True)
    assert (report["status"], report["errorCount"]) == ("UNCHANGED", 0), report
    watched.assert_clean()


def test_a_print_keeps_charts_with_their_titles_and_legends_and_drops_controls(
    seeded_server: ServerProcess, browser: Any
) -> None:
    # Printed from a dark screen: the paper still gets dark ink on white.
    context = browser.new_context(color_scheme="dark")
    try:
        dark = watch(context)
        page = dark.page
        page.goto(f"{seeded_server.base_url}/")
        expect(page.locator("#charts .chart")).to_have_count(6)
        ink = "getComputedStyle(document.body).color"
        assert page.evaluate(ink) != "rgb(29, 35, 41)"
        page.emulate_media(media="print")
        assert page.evaluate(ink) == "rgb(29, 35, 41)"
        expect(page.locator("button:visible, input:visible, select:visible")).to_have_count(0)
        for chart in page.locator("#charts .chart").all():
            expect(chart.locator("h3")).to_be_visible()
            expect(chart.locator(".legend")).to_be_visible()
            assert chart.evaluate("(e) => getComputedStyle(e).breakInside") == "avoid"
        dark.assert_clean()
    finally:
        context.close()


LATEST_WEIGHT = """query($day: Date!) {
  kpis(start: $day, end: $day) { weightTrend weightTrendChange7d }
  dailyMetrics(start: $day, end: $day) { weightKg } }"""


def _lb(kg: float | None, *, signed: bool = False) -> str:
    return weight(kg, "LB", signed=signed)


def test_switched_to_pounds_every_weight_shows_and_is_typed_in_pounds(
    empty_server: ServerProcess, phone_or_desktop: WatchedPage
) -> None:
    device = phone_or_desktop
    content = b"date,weight_kg,kcal_in\n" + b"".join(
        f"2026-02-{d:02d},{82 - d / 7:.1f},{2200 + d}\n".encode() for d in range(1, 21)
    )
    assert upload(empty_server, content, "february.csv")["status"] == "APPLIED"
    page = device.page
    page.goto(f"{empty_server.base_url}/")
    expect(page.locator("#charts .chart")).to_have_count(6)
    page.get_by_label("Weight unit").select_option("LB")
    page.get_by_role("button", name="Save profile").click()
    expect(page.locator("#profile-status")).to_have_text("Saved.")
    assert expected.overview(empty_server)["profile"]["isDefault"] is False

    last = "2026-02-20"
    day = gql(empty_server, LATEST_WEIGHT, {"day": last})
    kpi, metric = day["kpis"][0], day["dailyMetrics"][0]
    value = page.locator('[data-figure="weight-trend"] .value')
    expect(value).to_have_text(_lb(kpi["weightTrend"]))
    expect(page.locator('[data-figure="weight-trend"] .detail')).to_have_text(
        f"{_lb(kpi['weightTrendChange7d'], signed=True)} in 7 days"
    )
    expect(page.locator('[data-figure="scale-weight"] .value')).to_have_text(
        _lb(metric["weightKg"])
    )
    expect(page.locator(f'#recent-table tr[data-date="{last}"] td').first).to_have_text(
        _lb(metric["weightKg"])
    )
    expect(page.locator("#chart-weight h3")).to_have_text("Weight (lb)")
    expect(page.locator("#summaries-table thead")).to_be_attached()
    page.locator("#chart-weight svg").focus()
    page.keyboard.press("End")
    expect(page.locator("#chart-weight .readout-text")).to_contain_text(
        f"Trend: {_lb(kpi['weightTrend'])}"
    )

    # Typed in pounds, stored in kg to the API's 3 decimals; the range is given in pounds.
    weight = page.get_by_role("textbox", name="Weight (lb)")
    page.fill("#entry-date", last)
    page.dispatch_event("#entry-date", "change")
    expect(weight).to_have_value(number(metric["weightKg"] / KG_PER_LB, "kg"))
    weight.fill("900")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#entry-weightKg-error")).to_have_text(
        "Out of range. Weight must be from 44.1 to 881.8 lb."
    )
    weight.fill("165.3")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#entry-status")).to_have_text(f"Saved {last}.")
    # 165.3 lb = 74.978818... kg, worked out by hand.
    stored = gql(empty_server, LATEST_WEIGHT, {"day": last})["dailyMetrics"][0]["weightKg"]
    assert stored == 74.979
    expect(page.locator('[data-figure="scale-weight"] .value')).to_have_text("165.3 lb")
    device.assert_clean()


def test_every_view_fits_a_360_pixel_screen(seeded_server: ServerProcess, browser: Any) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True
    )
    try:
        phone = watch(context)
        page = phone.page
        page.goto(f"{seeded_server.base_url}/")
        expect(page.locator("#charts .chart")).to_have_count(6)
        page.locator(".entry-more summary").click()
        page.locator("#history details").first.locator("summary").click()
        page.set_input_files(
            "#upload-file",
            files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": b"date,weight_kg\nx,1\n"}],
        )
        page.get_by_role("button", name="Preview").click()
        expect(page.locator("#upload-result h3")).to_be_visible()
        # Wide tables scroll inside their own box; nothing makes the page wider.
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        first_column = page.locator("#summaries-table tbody th").first
        page.locator("#summaries-table").evaluate("(t) => t.parentElement.scrollBy(400, 0)")
        box = first_column.bounding_box()
        assert box is not None
        assert box["x"] >= 0
        phone.assert_clean()
    finally:
        context.close()
