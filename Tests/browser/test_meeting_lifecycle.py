"""The meeting lifecycle (issue 14), each person in their own browser session:

1. the secretary plans a meeting, reschedules it (a past date is refused, values kept) and cancels it with a
   reason; an invitee reads the notifications (with the meeting pack's link) and downloads the calendar file,
   whose SEQUENCE rises with the change and which becomes a METHOD:CANCEL;
2. invitees answer the invitation in their own sessions, the quorum forecast of an item turns red for the
   secretary (meeting page and home page), an answer changes it back, and the answers prefill attendance
   when the meeting opens.

Runs against the session's server whatever other journeys left: the committee's size is read from the page.
"""

import re
import urllib.request
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By

from conftest import (click_and_wait, click_button, complete_welcome, fill, make_driver, path_of, sign_in,
                      sign_out, text_of)

PASSWORD = "Harbour-Quill-Meadow-58"
SEC = {"email": "lea.secretary@lifecycle.example", "name": "Léa Lifecycle", "role": "secretary"}
ANA = {"email": "ana.invitee@lifecycle.example", "name": "Ana Invitee", "role": "member"}
VOTERS = [{"email": f"voter{n}@lifecycle.example", "name": f"Voter {name}", "role": "member"}
          for n, name in enumerate(["Alder", "Birch", "Cedar", "Dogwood"], start=1)]


def accounts(server, state, *people):
    for who in people:
        if "account:" + who["email"] not in state:
            server.add_user(who["email"], who["name"], who["role"], PASSWORD)
            state["account:" + who["email"]] = who


def local(days: int, hour: str) -> str:
    """A datetime-local value in the committee's time zone (default Europe/Paris)."""
    return (datetime.now(ZoneInfo("Europe/Paris")).date() + timedelta(days=days)).isoformat() + "T" + hour


def set_start(driver, value: str) -> None:
    driver.execute_script("document.getElementById('starts_at').value = arguments[0];", value)


def flash(driver) -> str:
    found = driver.find_elements(By.CSS_SELECTOR, ".flash")
    return " ".join(found[0].text.split()) if found else ""


def main_text(driver) -> str:
    return " ".join(driver.find_element(By.TAG_NAME, "main").text.split())


def person_session(server, state, who, page_checker, name):
    """A browser of this person's own, signed in (the welcome page completed the first time)."""
    other = make_driver()
    sign_in(other, server, who["email"], PASSWORD)
    if path_of(other) == "/welcome":
        complete_welcome(other, "Lifecycle department", ["Ethics and philosophy"])
    page_checker.check(other, f"home as {name}")
    return other


def download(driver, server, path: str) -> str:
    """GET with this browser's cookies, as the download link does."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(server.url(path), headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers.get("Content-Type", "").startswith("text/calendar")
        return response.read().decode("utf-8")


def ics_lines(text: str) -> list[str]:
    return [line for line in text.replace("\r\n ", "").split("\r\n") if line]


def plan(driver, server, check_page, title: str, when: str, name: str) -> str:
    driver.get(server.url("/meetings/new"))
    fill(driver, "Title", title)
    set_start(driver, when)
    fill(driver, "Place", "Room 7, Lyon")
    click_button(driver, "Plan the meeting")
    check_page(name)
    assert flash(driver) == "The meeting is planned.", flash(driver)
    return path_of(driver)


def test_plan_change_and_cancel_reach_the_invitee_and_the_calendar(driver, server, check_page, page_checker, state):
    accounts(server, state, SEC, ANA)
    sign_in(driver, server, SEC["email"], PASSWORD)
    meeting = plan(driver, server, check_page, "Lifecycle plenary", local(10, "14:00"), "lifecycle: meeting planned")

    # The secretary reschedules it; a past date first comes back with what was typed.
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Change or reschedule"))
    check_page("lifecycle: change form")
    fill(driver, "Title", "Lifecycle plenary (moved)")
    set_start(driver, local(-3, "09:30"))
    click_button(driver, "Save and tell the invitees")
    check_page("lifecycle: change refused (past date)", expected_status=422)
    assert "A planned meeting must be in the future" in main_text(driver)
    assert driver.find_element(By.ID, "title").get_attribute("value") == "Lifecycle plenary (moved)"
    assert driver.find_element(By.ID, "starts_at").get_attribute("value") == local(-3, "09:30")
    set_start(driver, local(11, "09:30"))
    click_button(driver, "Save and tell the invitees")
    check_page("lifecycle: meeting rescheduled")
    assert flash(driver) == "The meeting was rescheduled; the invitees are told.", flash(driver)

    # The invitee, in her own browser, reads both notifications and the calendar file.
    ana = person_session(server, state, ANA, page_checker, "Ana (invitee)")
    try:
        ana.get(server.url("/notifications"))
        page_checker.check(ana, "lifecycle: invitee's notifications")
        texts = [" ".join(b.text.split()) for b in ana.find_elements(By.CSS_SELECTOR, "ul.notifications button.link")]
        assert any(t.startswith("You are invited to “Lifecycle plenary”") for t in texts), texts
        assert any(t.startswith("“Lifecycle plenary (moved)” changed") for t in texts), texts
        packs = [a.get_attribute("href") for a in ana.find_elements(By.LINK_TEXT, "Meeting pack")]
        assert packs and all(href.endswith(meeting + "/pack") for href in packs), packs
        changed = ics_lines(download(ana, server, meeting + ".ics"))
        uid = next(line for line in changed if line.startswith("UID:"))
        assert "SEQUENCE:1" in changed and "METHOD:PUBLISH" in changed, changed

        # The secretary cancels it: the page asks for a reason first.
        driver.get(server.url(meeting))
        click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Cancel the meeting"))
        check_page("lifecycle: cancel page")
        click_button(driver, "Cancel the meeting")
        check_page("lifecycle: cancel refused (no reason)", expected_status=422)
        assert "Say why the meeting is cancelled." in main_text(driver)
        fill(driver, "Reason for the cancellation", "The chair is ill; the items go to January.")
        click_button(driver, "Cancel the meeting")
        check_page("lifecycle: meeting cancelled")
        assert "This meeting is cancelled. The chair is ill; the items go to January." in main_text(driver)
        assert not driver.find_elements(By.LINK_TEXT, "Change or reschedule")

        # The invitee is told, and her calendar file now cancels the same event.
        ana.get(server.url("/notifications"))
        page_checker.check(ana, "lifecycle: invitee told of the cancellation")
        texts = [" ".join(b.text.split()) for b in ana.find_elements(By.CSS_SELECTOR, "ul.notifications button.link")]
        assert texts[0].startswith("“Lifecycle plenary (moved)” (planned on") and texts[0].endswith("is cancelled."), texts
        cancelled = ics_lines(download(ana, server, meeting + ".ics"))
        assert uid in cancelled and "SEQUENCE:2" in cancelled, cancelled
        assert "METHOD:CANCEL" in cancelled and "STATUS:CANCELLED" in cancelled, cancelled
        ana.get(server.url(meeting))
        page_checker.check(ana, "lifecycle: cancelled meeting as the invitee")
        assert "This meeting is cancelled." in main_text(ana)
    finally:
        ana.quit()


def forecast_line(driver, number: int) -> tuple[str, bool]:
    for element in driver.find_elements(By.CSS_SELECTOR, "p.forecast"):
        text = " ".join(element.text.split())
        if text.startswith(f"Item {number} "):
            return text, "forecast-red" in element.get_attribute("class")
    raise AssertionError(f"no forecast for item {number}")


COUNTS = re.compile(r"(\d+) voters, (\d+) recused or in conflict, (\d+) excused: (\d+) can attend \((\d+) confirmed\), quorum (\d+)")


def answer(server, state, who, meeting, choice, page_checker, name):
    """The invitee answers in a browser of their own."""
    own = person_session(server, state, who, page_checker, name)
    try:
        own.get(server.url(meeting))
        page_checker.check(own, f"lifecycle: invitation as {name}")
        own.find_element(By.CSS_SELECTOR, f"#rsvp input[value='{choice}']").click()
        click_and_wait(own, own.find_element(By.XPATH, "//button[normalize-space()='Save my answer']"))
        page_checker.check(own, f"lifecycle: answered as {name}")
        assert flash(own) == "Your answer is saved. You can change it until the meeting opens.", flash(own)
    finally:
        own.quit()


def test_answers_turn_the_quorum_forecast_red(driver, server, check_page, page_checker, state):
    accounts(server, state, SEC, *VOTERS)
    sign_in(driver, server, SEC["email"], PASSWORD)
    meeting = plan(driver, server, check_page, "Forecast plenary", local(12, "10:00"), "forecast: meeting planned")
    fill(driver, "Other item (title)", "Annual report")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#agenda-item-form button[type=submit]"))
    text, red = forecast_line(driver, 1)
    voters, _, _, _, _, quorum = map(int, COUNTS.search(text).groups())
    assert not red and text.startswith("Item 1 can be quorate"), text
    assert quorum == voters // 2 + 1 and quorum >= 3, text

    # A small meeting: exactly the quorum invited, three of our voters among them.
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Change or reschedule"))
    mine = {v["name"] for v in VOTERS[:3]}
    others = 0
    for box in driver.find_elements(By.CSS_SELECTOR, "input[name='invitees']"):
        label = driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").text
        voting = "non-voting" not in label
        keep = voting and (label.split(" (")[0] in mine or (label.split(" (")[0] not in {v["name"] for v in VOTERS}
                                                             and others < quorum - 3))
        if keep and label.split(" (")[0] not in mine:
            others += 1
        if box.is_selected() != keep:
            driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").click()
    click_button(driver, "Save and tell the invitees")
    check_page("forecast: a meeting of the quorum")
    text, red = forecast_line(driver, 1)
    assert not red and f"{quorum} can attend (0 confirmed), quorum {quorum}" in text, text

    # Each invitee answers in their own browser: two attend, one is excused.
    answer(server, state, VOTERS[0], meeting, "attending", page_checker, "Voter Alder")
    answer(server, state, VOTERS[1], meeting, "attending", page_checker, "Voter Birch")
    answer(server, state, VOTERS[2], meeting, "excused", page_checker, "Voter Cedar")

    # The secretary sees every answer, and item 1 in red.
    driver.get(server.url(meeting))
    check_page("forecast: red for the secretary")
    text, red = forecast_line(driver, 1)
    assert red and text.startswith("Item 1 will not be quorate:"), text
    assert f"1 excused: {quorum - 1} can attend (2 confirmed), quorum {quorum}" in text, text
    rows = {" ".join(r.text.split()) for r in driver.find_elements(By.CSS_SELECTOR, "table tbody tr")}
    assert any(r.startswith("Voter Alder") and "Attending" in r for r in rows), rows
    assert any(r.startswith("Voter Cedar") and "Excused" in r for r in rows), rows
    assert "Item 1 will not be quorate" in text_of(driver, ".forecast-problems")
    driver.get(server.url("/"))
    check_page("forecast: flagged on the secretary's home")
    assert "Forecast plenary" in main_text(driver) and "Item 1 will not be quorate" in main_text(driver)

    # Cedar can come after all: the forecast is green again; the answers prefill attendance at the opening.
    answer(server, state, VOTERS[2], meeting, "attending", page_checker, "Voter Cedar again")
    driver.get(server.url(meeting))
    text, red = forecast_line(driver, 1)
    assert not red and "(3 confirmed)" in text, text
    click_button(driver, "Open the meeting (it is taking place)")
    check_page("forecast: meeting opened, attendance prefilled")
    for voter in VOTERS[:3]:
        row = driver.find_element(By.XPATH, f"//tr[td[1][normalize-space()='{voter['name']}']]")
        selected = row.find_element(By.CSS_SELECTOR, "select option:checked").text
        assert selected == "Present", (voter["name"], selected)
    sign_out(driver)
