"""Incidents and feedback (issue 18) in a real browser.

- The public feedback form: off by default (404); the administrator turns it on in Settings; a visitor sends a
  report and gets nothing back but a receipt number; the secretary finds it among the incidents, tied to no system
  yet; the administrator turns the form off again and the address answers 404.
- The critical incident chain (needs the register of systems): a case decided favourably, its system registered,
  a critical incident reported by its project owner, the chair notified, the system suspended and put on the next
  agenda, the re-review case opened with the changes shown.

Each person signs in in turn in the session's browser; every page goes through check_page.
"""

import re

from selenium.webdriver.common.by import By

from conftest import (choose, click_and_wait, click_button, fill, nav_link, path_of, sign_out, text_of, tick)
from test_cases import accounts, flash, main_text, switch_to

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
    check_page("public feedback form, refused")
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
