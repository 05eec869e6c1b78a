"""The dashboard for a new user, behind a token, for assistive technology, over ten years."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import expect

from tests.support.server import ServerProcess
from tests.web import expected
from tests.web.accessibility import serious_violations
from tests.web.client import upload
from tests.web.conftest import TOKEN, WatchedPage, token_server


def test_an_empty_database_explains_how_to_load_data(
    empty_server: ServerProcess, watched: WatchedPage
) -> None:
    page = watched.page
    page.goto(f"{empty_server.base_url}/")
    expect(page.locator("#empty")).to_be_visible()
    expect(page.locator("#empty")).to_contain_text("healthhub ingest samples/")
    expect(page.locator("#empty")).to_contain_text("Uploads")
    for section in ("#latest-section", "#charts-section", "#summaries-section"):
        expect(page.locator(section)).to_be_hidden()
    expect(page.locator("#history")).to_have_text("No uploads yet.")
    expect(page.locator("#profile-stepsGoal")).to_be_visible()
    assert serious_violations(page) == []
    watched.assert_clean()


def test_no_serious_accessibility_violations_on_a_full_page(
    seeded_server: ServerProcess, watched: WatchedPage
) -> None:
    page = watched.page
    page.goto(f"{seeded_server.base_url}/")
    expect(page.locator("#charts .chart")).to_have_count(6)
    expect(page.locator("#summaries-table tbody tr").first).to_be_visible()
    page.locator("#history details").first.locator("summary").click()
    assert serious_violations(page) == []
    watched.assert_clean()


def test_the_token_prompt_asks_once_and_keeps_the_token_for_the_session_only(
    tmp_path: Path, watched: WatchedPage
) -> None:
    with token_server(tmp_path) as server:
        page = watched.page
        page.goto(f"{server.base_url}/")
        dialog = page.get_by_role("dialog")
        expect(dialog).to_be_visible()
        expect(page.locator("#token-rejected")).to_be_hidden()
        assert serious_violations(page) == []

        page.get_by_label("API token").fill("not-the-token")
        page.get_by_role("button", name="Use token").click()
        expect(page.locator("#token-rejected")).to_be_visible()

        page.get_by_label("API token").fill(TOKEN)
        page.get_by_role("button", name="Use token").click()
        expect(dialog).to_be_hidden()
        expect(page.locator("#empty")).to_be_visible()
        assert page.evaluate("sessionStorage.getItem('healthhub.token')") == TOKEN
        assert page.evaluate("localStorage.length") == 0
        assert page.evaluate("document.cookie") == ""
        sent = [r["headers"].get("authorization") for r in watched.graphql_requests]
        assert sent[-1] == f"Bearer {TOKEN}"

        page.reload()
        expect(page.locator("#empty")).to_be_visible()
        expect(dialog).to_be_hidden()

        other = page.context.browser.new_context().new_page()
        other.goto(f"{server.base_url}/")
        expect(other.get_by_role("dialog")).to_be_visible()
        other.context.close()
    # The 401s answered before the token was given are the browser's own console lines.
    watched.console_errors[:] = [e for e in watched.console_errors if "401" not in e]
    watched.assert_clean()


def _days_csv(first: date, days: int) -> bytes:
    lines = ["date,weight_kg,kcal_in,steps_n,sleep_hours"]
    for n in range(days):
        day = first + timedelta(days=n)
        lines.append(f"{day},{75 + (n % 50) / 10:.1f},{2000 + n % 400},{6000 + n % 5000},7.5")
    return ("\n".join(lines) + "\n").encode()


def test_all_over_more_than_3660_days_takes_several_requests(
    empty_server: ServerProcess, watched: WatchedPage
) -> None:
    first = date(2014, 1, 1)
    report = upload(empty_server, _days_csv(first, 3700), "long.csv")
    assert report["status"] == "APPLIED"
    data = expected.overview(empty_server)
    last = data["dataRange"]["lastDate"]

    page = watched.page
    page.goto(f"{empty_server.base_url}/#range=all")
    expect(page.locator("#charts")).to_have_attribute(
        "data-range", f"{first}..{last}", timeout=30_000
    )
    series = [r for r in watched.graphql_requests if "query Series" in str(r["json"])]
    assert len(series) == 2
    expect(page.locator("#chart-weight .chart-summary")).to_contain_text("3,700 weigh-ins.")
    # One row per ISO week, none split where one request ends and the next begins.
    end = date.fromisoformat(last)
    last_monday = end - timedelta(days=end.weekday())
    weeks = (last_monday - (first - timedelta(days=first.weekday()))).days // 7 + 1
    rows = page.locator("#summaries-table tbody tr")
    expect(rows).to_have_count(weeks)
    newest = expected.summary_rows(empty_server, last_monday.isoformat(), last, "WEEK")
    expect(rows.first.locator("th, td")).to_have_text(newest[0])
    first_sunday = first + timedelta(days=6 - first.weekday())
    oldest = expected.summary_rows(
        empty_server, first.isoformat(), first_sunday.isoformat(), "WEEK"
    )
    expect(rows.last.locator("th, td")).to_have_text(oldest[0])
    watched.assert_clean()
