"""The audit page (issue 9): filters, the chain verified on demand, the view log, the CSV export,
unreadable filters explained, and the page in French.

Shares the server with the other journeys: it makes its own administrator and reads what is there
rather than assuming what earlier journeys left.
"""

import csv
import io
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait, click_button, field, fill, nav_link, sign_in, sign_out, text_of

ADMIN = {"email": "audra.auditor@example.org", "name": "Audra Auditor", "password": "Granite-Lantern-Orchid-73"}
VIEW_ACTIONS = {"case.viewed", "meeting.minutes_viewed", "case.attachment_downloaded"}


def codes_in_table(driver) -> list[str]:
    return [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "table.compact tbody td code")]


def fetch(driver, server, path: str) -> tuple[int, dict, bytes]:
    """GET with the browser's cookies: status, headers and body (a download the browser would save)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(server.url(path), headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def test_the_administrator_filters_verifies_and_exports_the_trail(driver, server, check_page):
    server.add_user(ADMIN["email"], ADMIN["name"], "admin", ADMIN["password"])
    sign_in(driver, server, ADMIN["email"], ADMIN["password"])
    click_and_wait(driver, nav_link(driver, "Audit trail"))
    check_page("audit trail")
    assert text_of(driver, "h1") == "Audit trail"

    # Only her sign-ins: choose the action and the person in the filters, as she would.
    Select(field(driver, "Action")).select_by_visible_text("Signed in")
    fill(driver, "Who", ADMIN["email"])
    click_button(driver, "Filter")
    check_page("audit trail filtered by action and person")
    codes = codes_in_table(driver)
    assert codes and set(codes) == {"auth.sign_in"}
    assert text_of(driver, ".count") == f"{len(codes)} entr{'y' if len(codes) == 1 else 'ies'}"
    export_href = driver.find_element(By.LINK_TEXT, "Export as CSV").get_attribute("href")
    assert "action=auth.sign_in" in export_href

    # The export is what the filters select, as a spreadsheet reads it.
    status, headers, body = fetch(driver, server, "/" + export_href.split("/", 3)[3])
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
    assert headers["Content-Disposition"].startswith('attachment; filename="audit-')
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert rows[0][:5] == ["id", "at", "actor_id", "actor", "action"]
    assert len(rows) - 1 == len(codes)
    assert {row[4] for row in rows[1:]} == {"auth.sign_in"} and {row[3] for row in rows[1:]} == {ADMIN["email"]}

    # The chain verified on demand: the result is shown and recorded.
    click_button(driver, "Verify the chain now")
    check_page("audit trail after verification")
    assert text_of(driver, ".flash").startswith("The chain holds:")
    assert codes_in_table(driver)[0] == "audit.verified"

    # The view log lists reads only.
    Select(field(driver, "Entries")).select_by_visible_text("View log only")
    click_button(driver, "Filter")
    check_page("view log")
    assert text_of(driver, "h1") == "View log"
    assert set(codes_in_table(driver)) <= VIEW_ACTIONS

    # A filter typed into the address that cannot be read is explained, with the value kept.
    driver.get(server.url("/admin/audit?from=2026-02-30&to=2026-01-01"))
    check_page("audit trail with unreadable filters", expected_status=422)
    assert "Enter a date as YYYY-MM-DD." in text_of(driver, "main")
    assert field(driver, "To").get_attribute("value") == "2026-01-01"
    assert not codes_in_table(driver)

    # In French.
    driver.get(server.url("/admin/audit"))
    Select(driver.find_element(By.ID, "language-switch")).select_by_value("fr")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.language button[type=submit]"))
    check_page("audit trail in French")
    assert text_of(driver, "h1") == "Journal d’audit"
    assert field(driver, "Type d’objet") is not None
    assert driver.find_element(By.LINK_TEXT, "Exporter en CSV")
    Select(driver.find_element(By.ID, "language-switch")).select_by_value("en")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.language button[type=submit]"))
    sign_out(driver)
