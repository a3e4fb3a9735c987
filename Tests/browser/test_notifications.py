"""Notifications: reviewers assigned through the UI see the unread count in the header, open the
list, follow the link to the case, and the count drops; the e-mail choice on the account page is
saved; the same in French (list, mark all read, choice).

Runs against the session's server after the other journeys: a charter may be published by then,
so reviewers acknowledge it first. Every page visited goes through check_page.
"""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from conftest import click_and_wait, click_button, click_link, nav_link, path_of
from test_cases import accounts, assign, committee_date, flash, main_text, switch_to
from test_meeting_cases import new_case

SEC = {"email": "iris.secretary@notify.example", "name": "Iris Secretary",
       "password": "Amber-Lantern-Harbour-19", "role": "secretary"}
OWNER = {"email": "omar.owner@notify.example", "name": "Omar Owner",
         "password": "Cobalt-Meadow-Tiller-64", "role": "submitter"}
NINA = {"email": "nina.reviewer@notify.example", "name": "Nina Reviewer", "role": "member",
        "password": "Walnut-Signal-Orchard-27", "affiliation": "Quality department",
        "areas": ["Customer relations"]}
LEO = {"email": "leo.rapporteur@notify.example", "name": "Léo Rapporteur", "role": "member",
       "password": "Granite-Willow-Ember-83", "affiliation": "Direction juridique",
       "areas": ["Law"]}
CASE = "Complaint summariser"


def unread(driver) -> int:
    """The figure in the header's notifications link; 0 when none is shown."""
    found = driver.find_elements(By.CSS_SELECTOR, "header a.notifications-link .unread-count")
    return int(found[0].text) if found else 0


def open_notifications(driver) -> None:
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "header a.notifications-link"))
    assert path_of(driver) == "/notifications", driver.current_url


def notification_texts(driver) -> list[str]:
    return [" ".join(b.text.split()) for b in driver.find_elements(By.CSS_SELECTOR, "ul.notifications button.link")]


def set_language(driver, label: str) -> None:
    Select(driver.find_element(By.ID, "language-switch")).select_by_visible_text(label)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.language button[type=submit]"))


def choose_email(driver, label: str, save: str) -> None:
    driver.find_element(By.XPATH, f"//label[contains(@class, 'choice')][normalize-space()=\"{label}\"]/input").click()
    click_button(driver, save)


def test_an_assigned_reviewer_is_notified_and_chooses_about_email(driver, server, check_page, state):
    accounts(server, state, SEC, OWNER, NINA, LEO)
    due = committee_date(10)

    # --- The reviewers complete the welcome page and, if a charter is published, acknowledge it.
    for who in (NINA, LEO):
        switch_to(driver, server, state, who, "/", check_page)
        if driver.find_elements(By.LINK_TEXT, "Read and acknowledge"):
            click_link(driver, "Read and acknowledge")
            click_and_wait(driver, driver.find_element(
                By.XPATH, "//button[starts-with(normalize-space(), 'I have read and accept version')]"))
        assert unread(driver) == 0, unread(driver)

    # --- The project owner files a case; the secretary assigns both reviewers through the form.
    switch_to(driver, server, state, OWNER, "/", check_page)
    case = new_case(driver, CASE, False, "Summarises customer complaints for the quality team.")
    switch_to(driver, server, state, SEC, case, check_page)
    for who in (NINA, LEO):
        assign(driver, who["name"], due)
        assert flash(driver) == "The reviewer has been assigned.", flash(driver)
    assert unread(driver) == 0, "the secretary is not told of her own assignment"

    # --- Nina sees the count in the header, opens the list, follows the link: the count drops.
    switch_to(driver, server, state, NINA, "/", check_page)
    assert unread(driver) == 1, unread(driver)
    open_notifications(driver)
    check_page("notifications, one unread")
    texts = notification_texts(driver)
    assert len(texts) == 1 and texts[0].startswith(f"You are asked to review “{CASE}” by "), texts
    assert "1 unread" in main_text(driver)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "ul.notifications button.link"))
    assert path_of(driver) == case, driver.current_url
    check_page("the case, reached from the notification")
    assert unread(driver) == 0, unread(driver)
    open_notifications(driver)
    assert "0 unread" in main_text(driver)
    assert not driver.find_elements(By.CSS_SELECTOR, "li.notification.unread")

    # --- Her e-mail choice is saved on her account page.
    click_and_wait(driver, nav_link(driver, "My account"))
    check_page("account page with the e-mail choice")
    assert driver.find_element(By.CSS_SELECTOR, "input[name=email][value=on]").is_selected()
    choose_email(driver, "No, in the app only", "Save my choice")
    assert flash(driver) == "You will receive notifications in the app only.", flash(driver)
    assert driver.find_element(By.CSS_SELECTOR, "input[name=email][value=off]").is_selected()
    check_page("account page, e-mail off")

    # --- Léo reads French: the same list, "mark all read", and his choice.
    switch_to(driver, server, state, LEO, "/", check_page)
    set_language(driver, "Français")
    try:
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
        assert unread(driver) == 1, unread(driver)
        open_notifications(driver)
        check_page("notifications in French")
        texts = notification_texts(driver)
        assert len(texts) == 1 and texts[0].startswith(f"Vous êtes invité à étudier « {CASE} » d’ici le "), texts
        assert "1 non lue" in main_text(driver)
        click_button(driver, "Tout marquer comme lu")
        assert flash(driver) == "Toutes les notifications sont marquées comme lues.", flash(driver)
        assert unread(driver) == 0
        check_page("notifications in French, all read")
        click_and_wait(driver, nav_link(driver, "Mon compte"))
        choose_email(driver, "Non, dans l’application seulement", "Enregistrer mon choix")
        assert flash(driver) == "Vous ne recevrez les notifications que dans l’application.", flash(driver)
        check_page("account page in French, e-mail off")
        choose_email(driver, "Oui, aussi par e-mail", "Enregistrer mon choix")
        assert flash(driver) == "Vous recevrez aussi les notifications par e-mail.", flash(driver)
        assert driver.find_element(By.CSS_SELECTOR, "input[name=email][value=on]").is_selected()
    finally:
        set_language(driver, "English")
