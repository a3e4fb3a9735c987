"""Issue 14's written procedure, each person in their own browser session, on a server of this file's own (the
eligible voters are the committee's voting members: a shared database would count every other journey's members).

1. A written procedure to a decision: the secretary opens a written vote on a low-risk case with the proposed
   decision and its condition (a deadline in the past is refused first, everything typed kept); three members
   vote on their own devices (one against, with a reason); the last ballot closes it; the case is decided with
   its condition, exactly as a meeting's vote decides it.
2. Another taken to a meeting by one objection: a motion (adopting a deliverable) is opened; one member asks for
   a meeting instead, confirms without JavaScript; the written vote ends and the motion is on the agenda of the
   next planned meeting.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from conftest import (choose_person, person_options, EthicsServer, choose, click_and_wait, click_button, click_link, complete_welcome, fill,
                      make_driver, nav_link, path_of, sign_in, text_of)
from test_cases import fill_case, flash, form_error, main_text, status_of, write_review

SEC = {"email": "wanda.secretary@written.example", "name": "Wanda Writ", "role": "secretary",
       "password": "Amber-Quill-Harbour-63"}
OWNER = {"email": "oscar.owner@written.example", "name": "Oscar Owner", "role": "submitter",
         "password": "Linen-Compass-Orchard-27"}
MEMBERS = [
    {"email": "mila.jones@written.example", "name": "Mila Jones", "role": "member", "password": "Cobalt-Meadow-Lantern-14",
     "affiliation": "Legal department", "areas": ["Law"]},
    {"email": "noah.klein@written.example", "name": "Noah Klein", "role": "member", "password": "Saffron-Ridge-Pillar-38",
     "affiliation": "Finance department", "areas": ["Ethics and philosophy"]},
    {"email": "rosa.diaz@written.example", "name": "Rosa Diaz", "role": "member", "password": "Harbor-Violet-Summit-52",
     "affiliation": "Customer service department", "areas": ["Customer relations"]},
]
CASE = "Parcel tracking answers"
OPINION = "The assistant may answer parcel questions.\n\nEvery answer names the carrier's source."
CONDITION = "Show the carrier's source under every answer."
TEXT = "Decided in writing: the next meeting is six weeks away and the team is ready."
REASON = "Carrier data is sometimes a day late."
MOTION = "Adopt the benchmark of parcel carriers' APIs"


def local(days: int, hour: int = 12) -> str:
    """A `datetime-local` value in the committee's time zone (Europe/Paris by default)."""
    moment = datetime.now(ZoneInfo("Europe/Paris")) + timedelta(days=days)
    return moment.strftime("%Y-%m-%d") + f"T{hour:02d}:00"


@pytest.fixture(scope="module")
def own_server():
    app = EthicsServer()
    app.start()
    for who in [SEC, OWNER] + MEMBERS:
        app.add_user(who["email"], who["name"], who["role"], who["password"])
    yield app
    app.stop()


@pytest.fixture(scope="module")
def people(own_server):
    """One browser per person, signed in (members complete the welcome page once)."""
    drivers = {}
    try:
        for who in [SEC, OWNER] + MEMBERS:
            browser = make_driver()
            drivers[who["email"]] = browser
            sign_in(browser, own_server, who["email"], who["password"])
            if "areas" in who:
                assert path_of(browser) == "/welcome", browser.current_url
                complete_welcome(browser, who["affiliation"], who["areas"])
        yield drivers
    finally:
        for browser in drivers.values():
            browser.quit()


def set_value(driver, element_id: str, value: str) -> None:
    driver.execute_script("document.getElementById(arguments[0]).value = arguments[1];", element_id, value)


def open_procedure_from_home(driver, server, title: str) -> None:
    driver.get(server.url("/"))
    section = driver.find_element(By.XPATH, "//main//section[h2[normalize-space()='Written procedures awaiting your vote']]")
    click_and_wait(driver, section.find_element(By.LINK_TEXT, title))


def vote(driver, choice: str, reasoning: str = "") -> None:
    driver.find_element(By.XPATH, f"//form[@id='ballot-form']//label[normalize-space()='{choice}']").click()
    if reasoning:
        fill(driver, "Reasoning (optional)", reasoning)
    click_button(driver, "Cast my vote")


def test_a_written_procedure_decides_a_case_with_its_condition(own_server, people, page_checker):
    server = own_server
    owner, secretary = people[OWNER["email"]], people[SEC["email"]]
    mila, noah, rosa = (people[m["email"]] for m in MEMBERS)

    # The project owner submits a low-risk case (decided in writing: it needs one review)
    owner.get(server.url("/cases/new"))
    fill_case(owner, CASE, vendor="ParcelCo", customer_facing=False, personal_data=False, confidential=False,
              description="Answers to *where is my parcel* questions.", answers={})
    click_button(owner, "Save the draft")
    click_button(owner, "Submit to the committee")
    case_path = path_of(owner)

    # The secretary assigns Mila, who reviews
    secretary.get(server.url(case_path))
    choose_person(secretary, "Reviewer", "Mila Jones")
    set_value(secretary, "due_on", local(10)[:10])
    click_button(secretary, "Assign a reviewer")
    mila.get(server.url(case_path))
    write_review(mila, "Favourable with conditions", "Fine if the source is shown.")

    # The secretary opens a written vote: first with a deadline in the past, refused with everything kept
    secretary.get(server.url(case_path))
    choose(secretary, "Decision", "Favourable with conditions")
    fill(secretary, "The committee's opinion", OPINION)
    fill(secretary, "Text of the procedure", TEXT)
    set_value(secretary, "deadline", local(-1))
    fill(secretary, "Condition 1", CONDITION)
    fill(secretary, "Owner of condition 1", OWNER["email"])
    set_value(secretary, "condition_due_1", local(60)[:10])
    click_button(secretary, "Open the written vote")
    assert "The deadline must lie in the future." in main_text(secretary)
    assert secretary.find_element(By.ID, "written_text").get_attribute("value") == TEXT
    assert secretary.find_element(By.ID, "condition_text_1").get_attribute("value") == CONDITION
    assert secretary.find_element(By.ID, "opinion").get_attribute("value") == OPINION
    secretary.save_screenshot(str(screenshot_dir() / "written-refused-deadline.png"))
    page_checker.check(secretary, "written procedure form refused", 422)
    set_value(secretary, "deadline", local(7))
    click_button(secretary, "Open the written vote")
    assert flash(secretary) == "The written vote is open; the voters have been told.", main_text(secretary)
    procedure_path = path_of(secretary)
    assert "0 of 3 voted" in main_text(secretary)

    # Each member votes on their own device, from the home page
    for driver, choice, reasoning in [(mila, "For", ""), (noah, "Against", REASON), (rosa, "For", "")]:
        open_procedure_from_home(driver, server, CASE)
        assert path_of(driver) == procedure_path
        assert CONDITION in main_text(driver) and "Every answer names the carrier" in main_text(driver)
        if driver is noah:
            driver.save_screenshot(str(screenshot_dir() / "written-ballot.png"))
            page_checker.check(driver, "written procedure with the ballot form")
        vote(driver, choice, reasoning)
    # The last ballot closed it: adopted, with the tally and the reasons
    assert flash(rosa) == "Your vote is recorded. Everyone has voted: the result is in.", main_text(rosa)
    rosa.get(server.url(procedure_path))
    result = text_of(rosa, "#written-result")
    assert "Adopted" in result and "2 for, 1 against, 0 abstaining" in result, result
    assert REASON in main_text(rosa)
    rosa.save_screenshot(str(screenshot_dir() / "written-closed.png"))
    page_checker.check(rosa, "written procedure closed")

    # The case is decided exactly as a meeting's vote decides it: the decision and its condition
    secretary.get(server.url(case_path))
    assert status_of(secretary) == "Decided"
    text = main_text(secretary)
    assert "Favourable with conditions" in text and CONDITION in text and "Every answer names the carrier" in text
    # and the project owner is told
    owner.get(server.url("/notifications"))
    assert CASE in main_text(owner)


def test_a_written_procedure_taken_to_a_meeting_by_one_objection(own_server, people, page_checker):
    server = own_server
    secretary, noah = people[SEC["email"]], people[MEMBERS[1]["email"]]

    # A meeting is planned next week
    secretary.get(server.url("/meetings/new"))
    fill(secretary, "Title", "Written journey plenary")
    set_value(secretary, "starts_at", local(7, 10))
    fill(secretary, "Place", "Room 2")
    click_button(secretary, "Plan the meeting")
    meeting_path = path_of(secretary)

    # The secretary opens a written vote on a motion
    secretary.get(server.url("/written-procedures"))
    click_link(secretary, "Open a written procedure on a motion")
    fill(secretary, "Title", MOTION)
    fill(secretary, "Text of the procedure", "The benchmark compares four carriers' tracking APIs.")
    set_value(secretary, "deadline", local(5))
    click_button(secretary, "Open the written vote")
    procedure_path = path_of(secretary)

    # Noah asks for a meeting instead: a confirmation page, without JavaScript
    open_procedure_from_home(noah, server, MOTION)
    click_link(noah, "Ask for a meeting instead")
    assert "Take “" + MOTION + "” to a meeting instead?" in main_text(noah)
    noah.save_screenshot(str(screenshot_dir() / "written-objection-confirm.png"))
    page_checker.check(noah, "objection confirmation")
    click_button(noah, "End the written vote and ask for a meeting")
    assert flash(noah) == "The written vote ended: the item is on the agenda of the next planned meeting.", main_text(noah)
    assert path_of(noah) == procedure_path
    assert "Taken to a meeting" in main_text(noah)
    assert not noah.find_elements(By.ID, "ballot-form")

    # The motion is on the meeting's agenda; the list shows the procedure taken to a meeting
    secretary.get(server.url(meeting_path))
    assert MOTION in main_text(secretary)
    secretary.get(server.url("/written-procedures"))
    page_checker.check(secretary, "written procedures list")
    row = secretary.find_element(By.XPATH, f"//table[@id='written-list']//tr[.//a[normalize-space()=\"{MOTION}\"]]")
    assert "Taken to a meeting" in row.text


def screenshot_dir():
    from conftest import ARTIFACTS
    path = ARTIFACTS / "written"
    path.mkdir(parents=True, exist_ok=True)
    return path
