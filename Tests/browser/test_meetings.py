"""The meetings journey (issue 8): the secretary plans a meeting, builds the agenda, opens it,
records attendance and a vote with a dissent, writes the prefilled minutes, and prints them:
Chromium prints the print view headless to a PDF whose text is checked with pdftotext.

Runs after the other journeys against the same server (whoever sits on the committee then is
invited); it makes its own secretary with the CLI. Every page goes through check_page.
"""

import base64
from datetime import datetime, timedelta
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from conftest import (ARTIFACTS, click_and_wait, click_button, fill, nav_link, path_of, sign_in,
                      text_of)

MEMBERS = [("iris.meetings@example.org", "Iris Member", "member"), ("omar.member@example.org", "Omar Member", "member"),
           ("lena.expert@uni.example", "Lena Expert", "expert")]
SECRETARY = {"email": "mina.secretary@example.org", "name": "Mina Secretary", "password": "Amber-Forest-Lantern-71"}


def print_pdf(driver, name: str = "minutes.pdf") -> tuple[str, int]:
    """Prints the current page with the session's headless Chromium (Page.printToPDF, the engine behind
    --print-to-pdf, using the page's own @page size and margins); returns the PDF's text (pdftotext)
    and its page count. The PDF is kept in the artifacts."""
    result = driver.execute_cdp_cmd("Page.printToPDF", {
        "printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False})
    folder = Path(tempfile.mkdtemp(prefix="ethics-pdf-"))
    try:
        pdf = folder / "minutes.pdf"
        pdf.write_bytes(base64.b64decode(result["data"]))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(pdf, ARTIFACTS / name)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        return text, pages
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def select_all(driver, css: str, text: str) -> None:
    for element in driver.find_elements(By.CSS_SELECTOR, css):
        Select(element).select_by_visible_text(text)


def test_meeting_from_agenda_to_printed_minutes(driver, server, check_page):
    server.add_user(SECRETARY["email"], SECRETARY["name"], "secretary", SECRETARY["password"])
    for email, name, role in MEMBERS:
        server.add_user(email, name, role, "Quiet-River-Orchard-39")
    sign_in(driver, server, SECRETARY["email"], SECRETARY["password"])
    click_and_wait(driver, nav_link(driver, "Meetings"))
    assert path_of(driver) == "/meetings"
    check_page("meetings list")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Plan a meeting"))
    check_page("meeting form")

    # A form without date nor place is refused, values kept.
    fill(driver, "Title", "Quarterly plenary")
    click_button(driver, "Plan the meeting")
    check_page("meeting form refused", expected_status=422)
    assert "Give the date and time of the meeting." in text_of(driver, "main")
    assert field_value(driver, "title") == "Quarterly plenary"

    # Planned meetings are in the future: a week from now.
    driver.execute_script("document.getElementById('starts_at').value = arguments[0];",
                          (datetime.now() + timedelta(days=7)).strftime("%Y-%m-%dT14:00"))
    fill(driver, "Place", "Room 4, Paris")
    click_button(driver, "Plan the meeting")
    check_page("meeting planned")
    meeting = path_of(driver)
    assert text_of(driver, ".flash") == "The meeting is planned."

    # Two free items, the second moved up.
    for title, note in [("Annual report planning", "Draft due in **March**."), ("Training programme review", "Agents' module 3.")]:
        fill(driver, "Other item (title)", title)
        fill(driver, "Note", note)
        click_button(driver, "Add")
    headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".agenda-item h3")]
    assert headings[0].startswith("1. Annual report planning"), headings
    click_and_wait(driver, driver.find_elements(By.XPATH, "//button[normalize-space()='Move up']")[1])
    headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".agenda-item h3")]
    assert headings[0].startswith("1. Training programme review"), headings
    check_page("agenda")

    # The meeting is held: everyone present, the first item voted with one dissent.
    click_button(driver, "Open the meeting (it is taking place)")
    check_page("meeting held")
    select_all(driver, "select[id^='attendance_']", "Present")
    click_button(driver, "Save the attendance")
    check_page("attendance recorded")
    form = driver.find_elements(By.CSS_SELECTOR, "form.vote")[0]
    votes = form.find_elements(By.CSS_SELECTOR, "select[name^='vote_']")
    assert votes, "no voter on the roll"
    for select in votes:
        Select(select).select_by_visible_text("For")
    if len(votes) > 2:
        Select(votes[-1]).select_by_visible_text("Against")
        dissent = form.find_elements(By.CSS_SELECTOR, "input[name^='dissent_']")[-1]
        dissent.send_keys("The training budget is too small.")
    Select(form.find_element(By.NAME, "outcome")).select_by_visible_text("Adopted")
    form.find_element(By.NAME, "decision").send_keys("The review of the training programme is **adopted**.")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check_page("item decided")
    assert text_of(driver, ".flash") == "Votes and decision recorded."

    # The minutes come prefilled; the secretary adds a line and saves.
    driver.get(server.url(meeting + "/minutes"))
    check_page("minutes draft")
    text = driver.find_element(By.ID, "markdown").get_attribute("value")
    # Only headings to write under: attendance, votes and decisions come from the record in the print.
    assert "## 1. Training programme review" in text and "## 2. Annual report planning" in text
    assert "Attendance" not in text and "Votes" not in text
    driver.find_element(By.ID, "markdown").send_keys("\n\nThe meeting closed at 16:00.")
    click_button(driver, "Save the draft")
    check_page("minutes saved")

    # The print view, printed by Chromium: attendance, the decision and the dissent are in the PDF.
    driver.get(server.url(meeting + "/minutes/print"))
    check_page("minutes print view")
    pdf_text, pages = print_pdf(driver)
    flat = " ".join(pdf_text.split())
    for expected in ["Quarterly plenary", "Attendance", "Present", "Training programme review",
                     "The review of the training programme is adopted.", "Resolution 1 — Adopted", "Votes:", "Quorum:",
                     "The meeting closed at 16:00.", "Draft: not yet approved.", "DRAFT", "The chair", "The secretary",
                     SECRETARY["name"]]:
        assert expected in flat, (expected, flat[:3000])
    # Said once: the decision text is printed in its resolution only.
    assert flat.count("The review of the training programme is adopted.") == 1, flat[:3000]
    if len(votes) > 2:
        assert "The training budget is too small." in flat
    assert 1 <= pages <= 3, pages
    # Page numbers from the @page margin box, in the reader's language: "Page 1 of 2" … "Page 2 of 2".
    assert re.search(rf"Page {pages} of {pages}\b", flat), flat[-400:]

    # The secretary's home page now lists these minutes as waiting for the chair, with a link to the meeting.
    driver.get(server.url("/"))
    check_page("secretary home with minutes waiting")
    waiting = driver.find_element(By.XPATH, "//section[h2[normalize-space()=\"Minutes waiting for the chair's approval\"]]")
    link = waiting.find_element(By.LINK_TEXT, "Quarterly plenary")
    assert link.get_attribute("href").endswith(meeting)


def field_value(driver, element_id: str) -> str:
    return driver.find_element(By.ID, element_id).get_attribute("value")
