"""What a page offers is exactly what the server allows (issue 13): irreversible acts ask first, without
JavaScript (withdrawing a case, deactivating an account), and a home page lists nothing of a case its reader
may not open (a condition owned by a project owner on someone else's confidential case, a deliverable linked
to a confidential case owned by a member).

Runs after test_foundation.py on the shared server; makes its own accounts with the CLI.
"""
import re
import sqlite3

from selenium.webdriver.common.by import By

from conftest import (choose_person, choose, click_and_wait, click_button, click_link, fill, path_of, raw_get, set_date,
                      sign_in, sign_out, text_of, tick)

PASSWORD = "Silver-Harbour-Meadow-58"
ADMIN = {"email": "ada.admin@example.org", "name": "Ada Admin", "password": "Tall-Cedar-Window-42"}
SEC = {"email": "sofia.sec@edges.example", "name": "Sofia Secretary", "role": "secretary"}
PRIYA = {"email": "priya.owner@edges.example", "name": "Priya Owner", "role": "submitter"}
QUENTIN = {"email": "quentin.owner@edges.example", "name": "Quentin Owner", "role": "submitter"}
MONA = {"email": "mona.member@edges.example", "name": "Mona Member", "role": "member",
        "affiliation": "Legal department", "areas": ["Law"]}

DRAFT_TITLE = "Edges: draft assistant to withdraw"
SECRET_TITLE = "Edges: confidential payroll assistant"
SECRET_CONDITION = "Edges: payroll data never leaves the EU"
OWN_CONDITION = "Edges: Quentin's own condition on his own case"
OPEN_TITLE = "Edges: Quentin's open triage bot"
DELIVERABLE = "Edges: report on the payroll pilot"


def who(driver, server, state, person: dict, path: str = "/") -> None:
    """Signs the current person out and `person` in (a member completes the welcome page the first time)."""
    if driver.find_elements(By.CSS_SELECTOR, "header .who-name"):
        sign_out(driver)
    sign_in(driver, server, person["email"], person.get("password", PASSWORD))
    if path_of(driver) == "/welcome":
        from conftest import complete_welcome
        complete_welcome(driver, person["affiliation"], person["areas"])
    driver.get(server.url(path))


def accounts(server, state) -> None:
    if "admin" not in state:
        server.add_user(ADMIN["email"], ADMIN["name"], "admin", ADMIN["password"])
        state["admin"] = ADMIN
    for person in (SEC, PRIYA, QUENTIN, MONA):
        if "edges:" + person["email"] not in state:
            server.add_user(person["email"], person["name"], person["role"], PASSWORD)
            state["edges:" + person["email"]] = True


def new_draft(driver, server, title: str, confidential: bool = False) -> str:
    driver.get(server.url("/cases/new"))
    fill(driver, "Title", title)
    fill(driver, "Submitting team", "Payroll")
    choose(driver, "Kind of project", "A tool to deploy")
    if confidential:
        tick(driver, "Confidential (only the secretary, the administrator and the assigned reviewers see it)")
    fill(driver, "Description", "An assistant for the payroll team.")
    click_button(driver, "Save the draft")
    path = path_of(driver)
    assert re.fullmatch(r"/cases/\d+", path), driver.current_url
    return path


def section(driver, heading: str) -> str:
    """The text of the home page's section under `heading` ('' when there is none)."""
    found = driver.find_elements(By.XPATH, f"//main//section[h2[normalize-space()=\"{heading}\"]]")
    return found[0].text if found else ""


def test_irreversible_acts_ask_first_and_home_pages_list_only_what_opens(driver, server, check_page, state):
    accounts(server, state)

    # --- Withdrawing a case asks first: the button leads to a page that says what happens.
    who(driver, server, state, PRIYA)
    draft = new_draft(driver, server, DRAFT_TITLE)
    check_page("edges: draft case")
    link = driver.find_element(By.XPATH, "//main//a[normalize-space()='Withdraw the case']")
    assert link.get_attribute("href").endswith(draft + "/move/withdraw"), link.get_attribute("href")
    click_and_wait(driver, link)
    assert path_of(driver) == draft + "/move/withdraw"
    check_page("edges: withdraw confirmation")
    assert text_of(driver, "main h1") == f"Withdraw the case “{DRAFT_TITLE}”?"
    assert "cannot be undone" in text_of(driver, "main .alert-soft")
    # Cancelling leads back, and nothing changed
    click_link(driver, "Cancel")
    assert path_of(driver) == draft
    assert text_of(driver, "main .badges .status") == "Draft"
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//a[normalize-space()='Withdraw the case']"))
    click_button(driver, "Withdraw the case")
    assert path_of(driver) == draft
    check_page("edges: case withdrawn")
    assert text_of(driver, ".flash") == "The case has been withdrawn."
    assert text_of(driver, "main .badges .status") == "Withdrawn"
    # Nothing left to confirm: the confirmation page of a withdrawn case answers 404
    assert raw_get(driver, server, draft + "/move/withdraw")[0] == 404

    # --- Priya's confidential case; Quentin's own open case.
    confidential = new_draft(driver, server, SECRET_TITLE, confidential=True)
    case_id = int(confidential.rsplit("/", 1)[1])
    who(driver, server, state, QUENTIN)
    own = new_draft(driver, server, OPEN_TITLE)
    own_id = int(own.rsplit("/", 1)[1])
    assert raw_get(driver, server, confidential)[0] == 404

    # A condition owned by Quentin on Priya's confidential case, as the meeting's vote form used to allow
    # (it no longer offers him), and one on his own case: written as the store would have written them.
    with sqlite3.connect(server.db, timeout=10) as db:
        quentin_id = db.execute("SELECT id FROM users WHERE email = ?", (QUENTIN["email"],)).fetchone()[0]
        db.executemany("INSERT INTO case_conditions (case_id, text, owner_id, due_on) VALUES (?, ?, ?, '2030-06-30')",
                       [(case_id, SECRET_CONDITION, quentin_id), (own_id, OWN_CONDITION, quentin_id)])

    # --- Quentin's home lists his own condition, not the one on a case he may not open.
    driver.get(server.url("/"))
    check_page("edges: project owner's home")
    conditions = section(driver, "Conditions I must meet")
    assert OPEN_TITLE in conditions, conditions
    assert SECRET_TITLE not in driver.page_source and SECRET_CONDITION not in driver.page_source, conditions
    assert raw_get(driver, server, confidential)[0] == 404

    # --- The secretary links a deliverable owned by Mona (a member) to the confidential case.
    who(driver, server, state, SEC, "/deliverables/new")
    check_page("edges: new deliverable")
    fill(driver, "Title", DELIVERABLE)
    choose_person(driver, "Owner", MONA["name"])
    choose_person(driver, "Case", SECRET_TITLE)
    set_date(driver, "Due", "2030-06-30")
    click_button(driver, "Save")
    # Mona may not open the case, so she may not own a deliverable linked to it (she could not open it): refused
    # beside the owner field, every value kept.
    check_page("edges: deliverable owner refused", expected_status=422)
    assert "may not open the linked case" in text_of(driver, "main"), text_of(driver, "main")
    assert driver.find_element(By.NAME, "title").get_attribute("value") == DELIVERABLE

    # Nothing was made: Mona's home page and the list show neither the case nor a deliverable.
    who(driver, server, state, MONA)
    check_page("edges: member's home")
    assert DELIVERABLE not in driver.page_source and SECRET_TITLE not in driver.page_source
    driver.get(server.url("/deliverables"))
    check_page("edges: member's deliverables")
    assert DELIVERABLE not in driver.page_source

    # --- Deactivating an account asks first.
    who(driver, server, state, ADMIN, "/admin/users")
    click_link(driver, QUENTIN["name"])
    user_page = path_of(driver)
    check_page("edges: account page")
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//a[normalize-space()='Deactivate the account']"))
    assert path_of(driver) == user_page + "/deactivate"
    check_page("edges: deactivate confirmation")
    assert text_of(driver, "main h1") == f"Deactivate the account of {QUENTIN['name']}?"
    assert "every open session of the account ends now" in text_of(driver, "main .lead")
    click_button(driver, "Deactivate the account")
    assert path_of(driver) == user_page
    check_page("edges: account deactivated")
    assert text_of(driver, ".flash") == "The account has been deactivated and its sessions ended."
    assert "Deactivated" in text_of(driver, "main")
    sign_out(driver)
