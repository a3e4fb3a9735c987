"""The figures journey (issue 9): the secretary opens Figures, reads a chart as a table, downloads the
cases as CSV, opens the annual report and prints it with Chromium (checked with pdftotext); an external
expert gets 404 on the figures, the exports and the report.

Runs against the same server as the other journeys: the numbers are whatever they left, so the test
checks that each chart's bars and its table agree rather than fixed counts. Every page goes through check_page.
"""

import re
import urllib.request

from selenium.webdriver.common.by import By

from conftest import (click_and_wait, complete_welcome, nav_link, path_of, raw_get, sign_in, sign_out, text_of)
from test_meetings import print_pdf

SECRETARY = ("rhea.reports@example.org", "Rhea Reports", "Velvet-Harbour-Kite-58")
EXPERT = ("kai.reports@uni.example", "Kai Reports", "Copper-Meadow-Swift-24")
CHARTS = ["chart-status", "chart-decisions", "chart-median", "chart-reviews", "chart-expertise"]


def fetch(driver, server, path: str) -> tuple[int, dict, bytes]:
    """GET with the browser's cookies: status, headers and body (a download the browser would save)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(server.url(path), headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def numbers(driver, chart: str) -> tuple[list[str], list[str]]:
    """The data-value of each bar of the chart and of each cell of its table, in order."""
    return driver.execute_script("""
        const figure = document.querySelector(`figure[aria-labelledby='${arguments[0]}-caption']`);
        return [Array.from(figure.querySelectorAll('svg rect[data-value]'), r => r.dataset.value),
                Array.from(figure.querySelectorAll('table td[data-value]'), c => c.dataset.value)];
    """, chart)


def test_figures_exports_and_printed_annual_report(driver, server, check_page):
    server.add_user(SECRETARY[0], SECRETARY[1], "secretary", SECRETARY[2])
    server.add_user(EXPERT[0], EXPERT[1], "expert", EXPERT[2])
    sign_in(driver, server, SECRETARY[0], SECRETARY[2])
    click_and_wait(driver, nav_link(driver, "Figures"))
    assert path_of(driver) == "/figures"
    check_page("figures")
    for chart in CHARTS:
        svg = driver.find_element(By.CSS_SELECTOR, f"figure[aria-labelledby='{chart}-caption'] svg")
        assert svg.get_attribute("role") == "img"
        assert driver.find_element(By.ID, f"{chart}-desc").get_attribute("textContent").strip()
        assert svg.find_elements(By.CSS_SELECTOR, "rect.bar"), chart
        bars, cells = numbers(driver, chart)
        assert bars == cells, (chart, bars, cells)

    # The table view opens without JavaScript (details/summary) and shows the same numbers as text.
    figure = driver.find_element(By.CSS_SELECTOR, "figure[aria-labelledby='chart-status-caption']")
    table = figure.find_element(By.TAG_NAME, "table")
    assert not table.is_displayed()
    figure.find_element(By.TAG_NAME, "summary").click()
    assert table.is_displayed()
    labels = [text.text for text in figure.find_elements(By.CSS_SELECTOR, "svg text.chart-value")]
    assert labels == [cell.text for cell in table.find_elements(By.CSS_SELECTOR, "td")], labels
    check_page("figures with a table open")

    # The CSV of the cases: a download with the date in its name, a byte-order mark and the header.
    link = driver.find_element(By.LINK_TEXT, "Export cases (CSV)")
    status, headers, body = fetch(driver, server, link.get_attribute("href").replace(server.url(""), "/"))
    assert status == 200
    assert re.fullmatch(r'attachment; filename="cases-\d{4}-\d{2}-\d{2}\.csv"', headers["Content-Disposition"]), headers
    assert body.startswith(b"\xef\xbb\xbf")
    lines = body.decode("utf-8-sig").split("\r\n")
    assert lines[0].startswith("Number,Title,Submitting team,Status,Risk tier"), lines[0]
    status, headers, body = fetch(driver, server, "/cases/export.json")
    assert status == 200 and body.lstrip().startswith(b"{")

    # The annual report, printed by Chromium: its sections, the charts' numbers, the page numbers.
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Annual report (printable)"))
    assert path_of(driver).startswith("/reports/annual?year=")
    check_page("annual report")
    year = path_of(driver).split("=")[-1]
    pdf_text, pages = print_pdf(driver, "annual-report.pdf")
    flat = " ".join(pdf_text.split())
    for expected in [f"Annual report {year}", "1. Cases reviewed", "2. Decisions by outcome", "3. Conditions",
                     "4. Meetings and attendance", "5. Charter and rules: versions published", "6. Deliverables delivered",
                     "Median days from submission to decision"]:
        assert expected in flat, (expected, flat[:3000])
    assert "Show as a table" not in flat  # the table toggles are not printed
    assert 1 <= pages <= 6, pages
    assert re.search(rf"\b{pages} ?/ ?{pages}\b", flat), flat[-400:]

    # An external expert sees no Figures entry, and 404 on the figures, the exports and the report.
    driver.get(server.url("/"))
    sign_out(driver)
    sign_in(driver, server, EXPERT[0], EXPERT[2])
    complete_welcome(driver, "University of Reports", ["Law"])
    assert "Figures" not in text_of(driver, "header.site nav")
    for path in ["/figures", "/cases/export.csv", "/cases/export.json", f"/reports/annual?year={year}"]:
        assert raw_get(driver, server, path)[0] == 404, path
    driver.get(server.url("/figures"))
    check_page("figures refused to an expert", expected_status=404)
