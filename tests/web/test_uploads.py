"""Uploading from the dashboard: the report with its row errors, then the data applied."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from playwright.sync_api import expect

from tests.support.server import ServerProcess
from tests.web import expected
from tests.web.client import gql, upload
from tests.web.conftest import WatchedPage, watch
from tests.web.formatting import timestamp

GOOD = b"date,weight_kg,kcal_in,steps_n,sleep_hours\n" + b"".join(
    f"2026-01-{d:02d},{80 - d / 10:.1f},{2100 + d * 10},{8000 + d * 100},7.{d % 10}\n".encode()
    for d in range(1, 29)
)
BAD = b"date,weight_kg,steps_n\n2026-01-01,80.5,9000\n2026-01-02,8x.5,9100\n2026-01-03,81,-5\n"

LAST_ERRORS = """{ ingestions(limit: 1) { filename status errorCount
                   errors { row column value message } } }"""


def _choose(page: Any, name: str, content: bytes) -> None:
    page.set_input_files(
        "#upload-file", files=[{"name": name, "mimeType": "text/csv", "buffer": content}]
    )


def test_a_preview_shows_each_row_error_and_stores_nothing(
    empty_server: ServerProcess, watched: WatchedPage
) -> None:
    page = watched.page
    page.goto(f"{empty_server.base_url}/")
    expect(page.locator("#empty")).to_be_visible()

    _choose(page, "bad.csv", BAD)
    page.get_by_role("button", name="Preview").click()

    expect(page.locator("#upload-result h3")).to_have_text("Preview: bad.csv would be rejected")
    preview = upload(empty_server, BAD, "bad.csv", dry_run=True)
    assert (preview["status"], preview["dryRun"], preview["errorCount"]) == ("REJECTED", True, 2)
    rows = page.locator("#upload-result table.errors tbody tr")
    expect(rows).to_have_count(len(preview["errors"]))
    for index, error in enumerate(preview["errors"]):
        expect(rows.nth(index).locator("td")).to_have_text(
            [str(error["row"]), error["column"], error["value"], error["message"]]
        )
    expect(page.get_by_role("button", name="Apply")).to_be_disabled()
    # A dry run stores nothing, not even its report.
    assert gql(empty_server, LAST_ERRORS)["ingestions"] == []
    expect(page.locator("#history")).to_have_text("No uploads yet.")
    expect(page.locator("#empty")).to_be_visible()
    watched.assert_clean()


def test_a_preview_then_apply_replaces_the_empty_page_with_figures_and_charts(
    empty_server: ServerProcess, watched: WatchedPage
) -> None:
    page = watched.page
    page.goto(f"{empty_server.base_url}/")
    expect(page.locator("#empty")).to_be_visible()

    _choose(page, "january.csv", GOOD)
    page.get_by_role("button", name="Preview").click()

    expect(page.locator("#upload-result h3")).to_have_text("Preview: january.csv would be applied")
    expect(page.locator("#upload-result")).to_contain_text("Nothing is stored yet.")
    assert gql(empty_server, expected.OVERVIEW)["dataRange"]["daysLogged"] == 0
    page.get_by_role("button", name="Apply").click()

    expect(page.locator("#upload-result h3")).to_have_text("Applied: january.csv")
    expect(page.locator("#empty")).to_be_hidden()
    data = expected.overview(empty_server)
    assert data["dataRange"]["daysLogged"] == 28
    last, profile = data["dataRange"]["lastDate"], data["profile"]
    headline = expected.headline(empty_server, last, profile)
    expect(page.locator('[data-figure="weight-trend"] .value')).to_have_text(
        headline["weight-trend"]
    )
    start = (date.fromisoformat(last) - timedelta(days=89)).isoformat()
    summaries = expected.chart_summaries(empty_server, start, last, profile)
    expect(page.locator("#chart-weight .chart-summary")).to_have_text(summaries["chart-weight"])
    expect(page.locator("#history details summary")).to_have_text(
        expected.history_lines(empty_server)
    )
    uploads = [r for r in watched.graphql_requests if r["json"] is None]
    assert uploads, "the upload went out as multipart"
    assert all(r["headers"].get("apollo-require-preflight") for r in uploads)
    watched.assert_clean()


def test_a_preview_rejected_for_some_rows_offers_to_skip_them_and_import_the_rest(
    empty_server: ServerProcess, watched: WatchedPage
) -> None:
    page = watched.page
    page.goto(f"{empty_server.base_url}/")
    _choose(page, "bad.csv", BAD)
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#upload-result h3")).to_have_text("Preview: bad.csv would be rejected")
    expect(page.locator("#upload-result")).to_contain_text("1 of 3 rows are valid.")

    page.get_by_role("button", name="Skip the 2 invalid rows and preview again").click()
    expect(page.locator("#upload-result h3")).to_have_text("Preview: bad.csv would be applied")
    expect(page.locator("#upload-policy")).to_have_value("SKIP_ROW")
    expect(page.locator("#upload-skip")).to_have_count(0)
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#upload-result h3")).to_have_text("Applied: bad.csv")
    assert expected.overview(empty_server)["dataRange"]["daysLogged"] == 1

    # A file with no valid row is not offered the skip: it would import nothing.
    page.select_option("#upload-policy", "REJECT_FILE")
    _choose(page, "worse.csv", b"date,weight_kg\n2026-01-05,8x.5\n")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#upload-result h3")).to_have_text("Preview: worse.csv would be rejected")
    expect(page.locator("#upload-skip")).to_have_count(0)
    watched.assert_clean()


def test_upload_times_show_in_the_browsers_time_zone(
    seeded_server: ServerProcess, browser: Any
) -> None:
    context = browser.new_context(timezone_id="Asia/Tokyo")
    try:
        tokyo = watch(context)
        tokyo.page.goto(f"{seeded_server.base_url}/")
        created = gql(seeded_server, expected.INGESTIONS)["ingestions"][0]["createdAt"]
        expect(tokyo.page.locator("#history details summary").first).to_contain_text(
            timestamp(created, "Asia/Tokyo", "GMT+9")
        )
        tokyo.assert_clean()
    finally:
        context.close()
