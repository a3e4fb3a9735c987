"""Incidents and feedback (issue 18) in a real browser.

- The public feedback form: off by default (404); the administrator turns it on in Settings; a visitor sends a
  report and gets nothing back but a receipt number; the secretary finds it among the incidents, tied to no system
  yet; the administrator turns the form off again and the address answers 404.
- The critical incident chain (needs the register of systems): a case decided favourably, its system registered,
  a critical incident reported by its project owner, the chair notified, the incident triaged through typed system and
  owner fields (nobody found: refused next to the fields, everything kept), the system suspended and put on the next
  agenda, the re-review case opened with the changes shown.

Each person signs in in turn in the session's browser; every page goes through check_page.
"""

import re

import pytest
from selenium.webdriver.common.by import By

from conftest import (ETHICS_BIN, choose, click_and_wait, click_button, click_link, fill, make_driver, nav_link, path_of,
                      person_options, sign_in, sign_out, text_of, tick)
from test_cases import accounts, flash, main_text, switch_to
from test_member_votes import DemoServer

ADMIN = {"email": "ines.incidents@example.org", "name": "Ines Incidents", "password": "Granite-Willow-Orbit-73",
         "role": "admin"}
SECRETARY = {"email": "sami.incidents@example.org", "name": "Sami Triage", "password": "Lantern-Fjord-Maple-19",
             "role": "secretary"}
PUBLIC_TITLE = "The bot told me my parcel was lost"
PUBLIC_TEXT = "I asked where my order was; the chat said it was lost and refused to pass me to a person."


def set_public_feedback(driver, server, state, on: bool, check_page) -> None:
    switch_to(driver, server, state, ADMIN, "/admin/settings", check_page)
    tick(driver, "Public feedback form", on)
    click_button(driver, "Save the settings")
    assert flash(driver) == "The settings have been saved.", flash(driver)
    sign_out(driver)


def test_public_feedback_with_the_setting_on_and_404_with_it_off(driver, server, check_page, state):
    accounts(server, state, ADMIN, SECRETARY)

    # --- Off by default: the address answers 404 to a visitor.
    driver.get(server.url("/feedback"))
    check_page("public feedback form, off", 404)
    assert "Page not found" in driver.title or "not found" in main_text(driver).lower(), driver.title

    # --- The administrator turns it on; a visitor reports a problem.
    set_public_feedback(driver, server, state, True, check_page)
    driver.get(server.url("/feedback"))
    check_page("public feedback form")
    assert not driver.find_element(By.ID, "website").is_displayed(), "the honeypot is out of sight"
    fill(driver, "Which service were you using?", "The chat on the website")
    fill(driver, "In a few words", PUBLIC_TITLE)
    # Sent without saying what happened: refused, with what was typed kept.
    choose(driver, "Type of harm", "Wrong or harmful answer")
    click_button(driver, "Send")
    check_page("public feedback form, refused", 422)
    assert field_value(driver, "title") == PUBLIC_TITLE
    assert driver.find_element(By.CSS_SELECTOR, "#harm_type option:checked").text == "Wrong or harmful answer"
    fill(driver, "What happened", PUBLIC_TEXT)
    click_button(driver, "Send")
    check_page("public feedback receipt")
    receipt = text_of(driver, "#receipt")
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", receipt), receipt
    assert PUBLIC_TITLE not in main_text(driver) and PUBLIC_TEXT not in main_text(driver)

    # --- The secretary finds it among the incidents, not yet tied to a system, with its receipt.
    switch_to(driver, server, state, SECRETARY, "/", check_page)
    click_and_wait(driver, nav_link(driver, "Incidents"))
    check_page("incidents list as the secretary")
    choose(driver, "Source", "Public feedback")
    click_button(driver, "Filter")
    check_page("incidents list, public feedback")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, PUBLIC_TITLE))
    check_page("a public report as the secretary")
    text = main_text(driver)
    assert "Not yet tied to a system" in text and receipt in text and "The chat on the website" in text, text
    assert driver.find_element(By.ID, "triage-form")
    sign_out(driver)

    # --- Turned off again: 404 for the visitor.
    set_public_feedback(driver, server, state, False, check_page)
    driver.get(server.url("/feedback"))
    check_page("public feedback form, off again", 404)


def field_value(driver, field_id: str) -> str:
    return driver.find_element(By.ID, field_id).get_attribute("value")


# ---------------------------------------------------------------------------------------------
# The critical incident chain, on the demo committee (its own server over a fresh `ethics demo` database)
# ---------------------------------------------------------------------------------------------

PASSWORD = "ethics-demo-2026"
DEMO_SECRETARY = "lucas.moreau@acme.example"
SOPHIE = "sophie.laurent@acme.example"
CHAIR = "helene.marchand@univ-lyon.example"
CASE_TITLE = "Live translation in chat for non-French speakers"
SYSTEM = "Live translation in chat"
CRITICAL = "Translated replies insult customers writing in Arabic"


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


def test_critical_incident_chain_from_a_decided_case_to_the_re_review(demo, page_checker, tmp_path):
    server, browser = demo

    # --- A case decided favourably → its system registered (the secretary, from the decided case).
    secretary = browser()
    sign_in(secretary, server, DEMO_SECRETARY, PASSWORD)
    click_and_wait(secretary, nav_link(secretary, "Cases"))
    click_link(secretary, CASE_TITLE)
    assert "Favourable" in text(secretary), text(secretary)[:300]
    click_link(secretary, "Register its system")
    fill(secretary, "Name", SYSTEM)
    fill(secretary, "Model", "LinguaBridge MT 5")
    secretary.execute_script("document.getElementById('deployed_on').value = '2026-11-02';")
    secretary.find_element(By.CSS_SELECTOR, "#status option[value='in_service']").click()
    click_button(secretary, "Register the system")
    page_checker.check(secretary, "incidents: the registered system, its incidents section empty")
    system_path = path_of(secretary)
    assert "No incident has been reported on this system." in text(secretary)

    # --- The project owner reports a critical incident from the system page; a wrong file is refused first.
    owner = browser()
    sign_in(owner, server, SOPHIE, PASSWORD)
    owner.get(server.url(system_path))
    click_link(owner, "Report an incident")
    page_checker.check(owner, "incidents: the report form")
    fill(owner, "In a few words", CRITICAL)
    fill(owner, "What happened", "Since the vendor's update, replies translated from Arabic contain insults.")
    owner.execute_script("document.getElementById('occurred_on').value = arguments[0];",
                         owner.find_element(By.ID, "occurred_on").get_attribute("max"))
    choose(owner, "Type of harm", "Discrimination")
    choose(owner, "Severity", "Critical")
    fill(owner, "People affected", "120")
    owner.find_element(By.CSS_SELECTOR, "label[for='fallback-yes']").click()
    fill(owner, "Actions already taken", "Translation switched off for Arabic; agents answer instead.")
    bad = tmp_path / "trace.exe"
    bad.write_bytes(b"MZ\x90\x00 not a document")
    owner.find_element(By.ID, "evidence").send_keys(str(bad))
    click_button(owner, "Send the report")
    page_checker.check(owner, "incidents: report refused for its file, the rest kept", expected_status=422)
    assert owner.current_url.endswith("#incident-form"), owner.current_url
    assert "This type of file is not accepted" in text(owner)
    assert owner.find_element(By.ID, "title").get_attribute("value") == CRITICAL
    assert owner.find_element(By.CSS_SELECTOR, "#severity option:checked").text == "Critical"
    assert owner.find_element(By.ID, "fallback-yes").is_selected()
    good = tmp_path / "transcript.txt"
    good.write_text("Customer: ...\nBot (translated): ...\n", encoding="utf-8")
    owner.find_element(By.ID, "evidence").send_keys(str(good))
    click_button(owner, "Send the report")
    page_checker.check(owner, "incidents: the critical incident as its reporter")
    assert flash_of(owner) == "Your report is recorded. The secretary will triage it.", flash_of(owner)
    incident_path = path_of(owner)
    assert "Critical incident." in text(owner) and "transcript.txt" in text(owner)
    assert owner.find_element(By.ID, "art73-deadline")
    # The owner also reports what changed on the system: the vendor's new model.
    owner.get(server.url(system_path))
    assert CRITICAL in text(owner)
    fill(owner, "Model", "LinguaBridge MT 6")
    fill(owner, "What changed and why", "The vendor replaced MT 5 by MT 6 without notice; the incident started then.")
    click_button(owner, "Report the change")

    # --- The chair is notified at once and reads the incident.
    chair = browser()
    sign_in(chair, server, CHAIR, PASSWORD)
    chair.get(server.url("/notifications"))
    page_checker.check(chair, "incidents: the chair's notifications")
    wanted = f"Critical incident on “{SYSTEM}”: “{CRITICAL}”."
    items = chair.find_elements(By.CSS_SELECTOR, "ul.notifications li")
    matching = [item for item in items if wanted in " ".join(item.text.split())]
    assert matching, [item.text for item in items][:5]
    click_and_wait(chair, matching[0].find_element(By.CSS_SELECTOR, "button"))
    assert path_of(chair) == incident_path, chair.current_url
    page_checker.check(chair, "incidents: the critical incident as the chair")

    # --- The secretary triages it: the system and the owner are typed fields with suggestions (issue 19). A system
    #     and an owner matching nobody are refused next to their fields with everything kept; the system's name and
    #     the chair's e-mail, typed, are saved.
    secretary.get(server.url(incident_path))
    page_checker.check(secretary, "incidents: the critical incident as the secretary")
    assert not secretary.find_elements(By.CSS_SELECTOR, "#triage-form select#system_id, #triage-form select#owner_id")
    assert field_value(secretary, "system_id") == SYSTEM, field_value(secretary, "system_id")
    assert SYSTEM in [value for value, _ in person_options(secretary, "System")]
    assert CHAIR in [value for value, _ in person_options(secretary, "Owner")]
    fill(secretary, "System", "Translation bot that does not exist")
    fill(secretary, "Owner", "nobody@acme.example")
    fill(secretary, "Root cause", "The vendor's MT 6 model was deployed without our glossary.")
    click_button(secretary, "Confirm the triage")
    page_checker.check(secretary, "incidents: triage refused, nobody found for the system and the owner", expected_status=422)
    assert secretary.current_url.endswith("#triage-form"), secretary.current_url
    assert text_of(secretary, "#system_id-error").startswith("No system you may see has this name or number.")
    assert text_of(secretary, "#owner_id-error").startswith("Nobody who may be chosen here")
    assert field_value(secretary, "system_id") == "Translation bot that does not exist"
    assert field_value(secretary, "owner_id") == "nobody@acme.example"
    assert field_value(secretary, "root_cause") == "The vendor's MT 6 model was deployed without our glossary."
    fill(secretary, "System", SYSTEM)
    fill(secretary, "Owner", CHAIR.upper())
    click_button(secretary, "Confirm the triage")
    assert flash_of(secretary) == "The triage is saved.", flash_of(secretary)
    assert path_of(secretary) == incident_path, secretary.current_url
    page_checker.check(secretary, "incidents: the critical incident triaged, its owner the chair")
    assert field_value(secretary, "system_id") == SYSTEM and field_value(secretary, "owner_id") == CHAIR

    # --- The secretary follows the incident to the system page and suspends it: it goes on the next agenda.
    click_link(secretary, "Open the system page to suspend it")
    assert path_of(secretary) == system_path, secretary.current_url
    click_link(secretary, "Suspend the approval")
    fill(secretary, "Reason", "Critical incident: insulting translations after an unannounced model change.")
    fill(secretary, "Incident number (optional)", incident_path.rsplit("/", 1)[-1])
    tick(secretary, "I understand that the system’s approval is suspended now.")
    click_button(secretary, "Suspend the approval")
    page_checker.check(secretary, "incidents: the system suspended, its re-review on the next agenda")
    assert flash_of(secretary).startswith("The approval is suspended. The re-review case is on the agenda of"), flash_of(secretary)
    notice = secretary.find_element(By.ID, "re-review")
    links = notice.find_elements(By.TAG_NAME, "a")
    re_review_path, meeting_href = path_of_link(links[0]), links[1].get_attribute("href")

    # --- The next meeting's agenda has the re-review case.
    secretary.get(meeting_href)
    page_checker.check(secretary, "incidents: the next meeting's agenda with the re-review")
    assert secretary.find_elements(By.CSS_SELECTOR, f"main a[href='{re_review_path}']"), "the re-review is on the agenda"

    # --- The re-review case shows what changed.
    secretary.get(server.url(re_review_path))
    page_checker.check(secretary, "incidents: the re-review case with the changes")
    changes = secretary.find_element(By.ID, "system")
    rows = [" ".join(row.text.split()) for row in changes.find_elements(By.CSS_SELECTOR, "table.diff-table tbody tr")]
    # (the row's header may be set in capitals by the style sheet)
    assert "model linguabridge mt 5 linguabridge mt 6" in [row.lower() for row in rows], rows


def flash_of(driver) -> str:
    found = driver.find_elements(By.CSS_SELECTOR, ".flash")
    return " ".join(found[0].text.split()) if found else ""


def path_of_link(link) -> str:
    """The path of a link's target (hrefs read back from the DOM are absolute)."""
    href = link.get_attribute("href")
    return "/" + href.split("/", 3)[3] if href.count("/") >= 3 else href
