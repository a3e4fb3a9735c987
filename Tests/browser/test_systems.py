"""Issue 18, the register of AI systems, on the demo committee.

Each journey runs its own server over a fresh `ethics demo` database (small scale, fixed seed), so it depends on no
other file. People are the demo's (password ethics-demo-2026), each in their own browser session.

1. A case decided favourably → its system registered: the secretary opens the decided "Live translation" case, follows
   "Register its system" (the owner field prefilled with the project owner's e-mail), is refused once (no name, a bad
   date, an owner nobody is called) with everything typed kept, then picks the owner among the suggestions and registers
   it in service; the system page shows the approving case, the decision in force and the schedule.
2. The system suspended → on the next agenda → the re-review case shows the changes: the project owner reports a new
   model on her hand-over system (a re-review case opens); the secretary suspends the system (refused first without
   the confirmation box, the reason kept), the re-review goes on the next planned meeting's agenda, and its case page
   shows the model before and after.
3. A missed attestation flagged: the secretary's home page lists the chatbot whose owner missed her attestation; the
   owner attests and the flag goes. The legacy system stays "Never reviewed" while its first re-review runs.
4. A confidential system stays out of reach: the secretary sees the pilot approved through a confidential case in the
   register; an external expert who may not open that case neither finds it in the register nor opens it (404), and
   the project owner does.
"""

import re

from selenium.webdriver.common.by import By

from conftest import (ETHICS_BIN, choose_person, click_and_wait, click_button, click_link, fill, make_driver, nav_link, path_of,
                      sign_in, tick)
from test_member_votes import DemoServer

import pytest

PASSWORD = "ethics-demo-2026"
SECRETARY = "lucas.moreau@acme.example"
SOPHIE = "sophie.laurent@acme.example"
KARIM = "karim.diallo@acme.example"
EXPERT = "thomas.weber@sorbonne.example"
PILOT = "Summaries of complaint calls (pilot)"
LEGACY = "FAQ auto-reply (legacy)"


@pytest.fixture
def demo():
    server = DemoServer(ETHICS_BIN)
    server.start()
    drivers = []

    def browser():
        drivers.append(make_driver())
        return drivers[-1]
    yield server, browser
    for extra in drivers:
        extra.quit()
    server.stop()


def text(driver) -> str:
    return " ".join(driver.find_element(By.TAG_NAME, "main").text.split())


def flash(driver) -> str:
    return " ".join(driver.find_element(By.CSS_SELECTOR, ".flash").text.split())


def open_system(driver, server, name: str) -> None:
    driver.get(server.url("/systems"))
    click_link(driver, name)


def section(driver, heading: str):
    for element in driver.find_elements(By.CSS_SELECTOR, "main section"):
        headings = element.find_elements(By.CSS_SELECTOR, "h2")
        if headings and headings[0].text.strip() == heading:
            return element
    raise AssertionError(f"no section {heading!r}: {text(driver)[:400]}")


def test_a_case_decided_favourably_registers_its_system(demo, page_checker):
    server, browser = demo
    secretary = browser()
    sign_in(secretary, server, SECRETARY, PASSWORD)
    click_and_wait(secretary, nav_link(secretary, "Cases"))
    click_link(secretary, "Live translation in chat for non-French speakers")
    page_checker.check(secretary, "systems: a decided case offers to register its system")
    click_link(secretary, "Register its system")
    page_checker.check(secretary, "systems: register form prefilled from the case")
    assert secretary.find_element(By.ID, "name").get_attribute("value") == "Live translation in chat for non-French speakers"
    assert "Approved through the case" in text(secretary)
    # The owner is a person field, prefilled with the project owner's e-mail
    assert secretary.find_element(By.ID, "owner_id").get_attribute("value") == SOPHIE
    assert secretary.find_element(By.ID, "owner_id").get_attribute("list") == "owner_id-people"

    # Refused: no name, a date that is not one, an owner nobody is called; everything typed comes back with the
    # messages by their fields.
    fill(secretary, "Name", "")
    fill(secretary, "Owner", "Nobody Known")
    fill(secretary, "Model", "LinguaBridge MT 5")
    fill(secretary, "Data sources", "Chat messages")
    secretary.execute_script("document.getElementById('deployed_on').type = 'text'; document.getElementById('deployed_on').value = 'next week';")
    click_button(secretary, "Register the system")
    page_checker.check(secretary, "systems: register form refused, values kept", expected_status=422)
    assert secretary.current_url.endswith("#system-form"), secretary.current_url
    assert secretary.find_element(By.ID, "model").get_attribute("value") == "LinguaBridge MT 5"
    assert secretary.find_element(By.ID, "data_sources").get_attribute("value") == "Chat messages"
    assert "This field is required." in text(secretary) or "required" in text(secretary).lower()
    assert "Enter a date as YYYY-MM-DD." in text(secretary)
    assert secretary.find_element(By.ID, "owner_id").get_attribute("value") == "Nobody Known"
    assert "Nobody who may be chosen here has this name or e-mail address." in text(secretary)

    fill(secretary, "Name", "Live translation in chat")
    assert choose_person(secretary, "Owner", "Sophie Laurent") == SOPHIE
    secretary.execute_script("document.getElementById('deployed_on').value = '2026-11-02';")
    secretary.find_element(By.CSS_SELECTOR, "#status option[value='in_service']").click()
    click_button(secretary, "Register the system")
    page_checker.check(secretary, "systems: the registered system's page")
    assert flash(secretary) == "The system is in the register."
    main = text(secretary)
    assert "Live translation in chat" in main and "LinguaBridge MT 5" in main and "In service" in main
    cases = section(secretary, "Approving cases")
    assert "Live translation in chat for non-French speakers" in cases.text and "In force" in cases.text
    assert "Never reviewed" not in main
    # The register lists it; the case no longer offers to register it
    click_and_wait(secretary, nav_link(secretary, "Systems"))
    page_checker.check(secretary, "systems: the register")
    assert "Live translation in chat" in text(secretary)


def test_a_suspended_system_goes_on_the_next_agenda_with_a_re_review_showing_the_changes(demo, page_checker):
    server, browser = demo
    owner = browser()
    sign_in(owner, server, SOPHIE, PASSWORD)
    open_system(owner, server, "Chatbot hand-over to agents")
    page_checker.check(owner, "systems: the owner's system page")
    fill(owner, "Model", "Parlo Assist 4")
    fill(owner, "What changed and why", "The vendor retires Assist 3 in January; Assist 4 summarises differently.")
    click_button(owner, "Report the change")
    page_checker.check(owner, "systems: a change reported")
    assert flash(owner).startswith("The change is recorded"), flash(owner)

    secretary = browser()
    sign_in(secretary, server, SECRETARY, PASSWORD)
    open_system(secretary, server, "Chatbot hand-over to agents")
    click_link(secretary, "Suspend the approval")
    page_checker.check(secretary, "systems: the suspension form")
    fill(secretary, "Reason", "Critical incident: a customer's order details were shown to another customer.")
    fill(secretary, "Incident number (optional)", "INC-42")
    click_button(secretary, "Suspend the approval")
    page_checker.check(secretary, "systems: suspension refused without the confirmation", expected_status=422)
    assert secretary.find_element(By.ID, "reason").get_attribute("value").startswith("Critical incident")
    assert secretary.find_element(By.ID, "incident").get_attribute("value") == "INC-42"
    tick(secretary, "I understand that the system’s approval is suspended now.")
    click_button(secretary, "Suspend the approval")
    page_checker.check(secretary, "systems: suspended, the re-review on the next agenda")
    assert flash(secretary).startswith("The approval is suspended. The re-review case is on the agenda of"), flash(secretary)
    main = text(secretary)
    assert "Suspended" in main and "Critical incident" in main, main[:400]
    notice = secretary.find_element(By.ID, "re-review")
    assert "On the agenda of" in notice.text, notice.text
    meeting_link = notice.find_elements(By.TAG_NAME, "a")[1].get_attribute("href")

    # The re-review case shows what changed: the model before and after
    click_and_wait(secretary, notice.find_elements(By.TAG_NAME, "a")[0])
    page_checker.check(secretary, "systems: the re-review case with the changes")
    changes = secretary.find_element(By.ID, "system")
    assert "Re-review of a system in the register" in changes.text
    rows = [" ".join(row.text.split()) for row in changes.find_elements(By.CSS_SELECTOR, "table.diff-table tbody tr")]
    assert "model parlo assist 3 parlo assist 4" in [row.lower() for row in rows], rows
    assert "In review" in text(secretary)
    case_path = path_of(secretary)
    # …and it is on the meeting's agenda
    secretary.get(meeting_link)
    page_checker.check(secretary, "systems: the meeting's agenda with the re-review")
    assert secretary.find_elements(By.CSS_SELECTOR, f"main a[href='{case_path}']"), "the re-review is on the agenda"


def test_a_missed_attestation_is_flagged_on_the_secretarys_home_page(demo, page_checker):
    server, browser = demo
    secretary = browser()
    sign_in(secretary, server, SECRETARY, PASSWORD)
    page_checker.check(secretary, "systems: the secretary's home with a missed attestation")
    missed = section(secretary, "Missed attestations")
    assert "Website chatbot (Parlo AI)" in missed.text, missed.text
    secretary.get(server.url("/systems"))
    row = [r for r in secretary.find_elements(By.CSS_SELECTOR, "main tbody tr") if "Website chatbot (Parlo AI)" in r.text][0]
    assert "Attestation missed" in row.text
    # The legacy system predates the committee: "Never reviewed" until a review of it is decided, also while the
    # re-review the start-up sweep opened for it runs
    legacy = [r for r in secretary.find_elements(By.CSS_SELECTOR, "main tbody tr") if LEGACY in r.text][0]
    assert "Never reviewed" in legacy.text, legacy.text
    click_and_wait(secretary, legacy.find_element(By.LINK_TEXT, LEGACY))
    page_checker.check(secretary, "systems: the legacy system, never reviewed")
    assert "Never reviewed" in text(secretary)

    owner = browser()
    sign_in(owner, server, SOPHIE, PASSWORD)
    due = section(owner, "Attestations due on your systems")
    page_checker.check(owner, "systems: the owner's home with an attestation due")
    click_and_wait(owner, due.find_element(By.LINK_TEXT, "Website chatbot (Parlo AI)"))
    # "Changed" without saying what is refused, the choice kept
    owner.find_element(By.ID, "outcome-changed").click()
    click_button(owner, "Attest")
    page_checker.check(owner, "systems: attestation refused", expected_status=422)
    assert owner.find_element(By.ID, "outcome-changed").is_selected()
    assert "Say what changed." in text(owner)
    owner.find_element(By.ID, "outcome-as_approved").click()
    click_button(owner, "Attest")
    page_checker.check(owner, "systems: attested")
    assert flash(owner) == "Thank you: your attestation is recorded."

    secretary.get(server.url("/"))
    assert not [s for s in secretary.find_elements(By.CSS_SELECTOR, "main section h2") if s.text == "Missed attestations"] \
        or "Website chatbot (Parlo AI)" not in section(secretary, "Missed attestations").text


def test_a_confidential_system_is_hidden_from_an_expert_who_may_not_open_its_case(demo, page_checker):
    server, browser = demo
    secretary = browser()
    sign_in(secretary, server, SECRETARY, PASSWORD)
    open_system(secretary, server, PILOT)
    page_checker.check(secretary, "systems: the confidential pilot as the secretary")
    pilot_path = path_of(secretary)
    cases = section(secretary, "Approving cases")
    assert "Complaint call summaries for the legal team (pilot)" in cases.text, cases.text

    expert = browser()
    sign_in(expert, server, EXPERT, PASSWORD)
    expert.get(server.url("/systems"))
    page_checker.check(expert, "systems: the register as an external expert")
    # An external expert sees the systems of the cases he reviewed or votes on (he reviewed the hand-over), not the pilot
    assert "Chatbot hand-over to agents" in text(expert)
    assert PILOT not in text(expert)
    expert.get(server.url(pilot_path))
    page_checker.check(expert, "systems: the confidential pilot as the expert", expected_status=404)
    assert PILOT not in expert.page_source

    owner = browser()
    sign_in(owner, server, KARIM, PASSWORD)
    owner.get(server.url(pilot_path))
    page_checker.check(owner, "systems: the confidential pilot as its owner")
    assert PILOT in text(owner)
