"""The charter journey (issue 6): draft, preview, publish v1 and a substantive v2, a member's banner
and acknowledgement, the diff, the history, the print view, the public page and its switch.

Runs after test_foundation.py (file order) against the same server; it makes its own accounts with the
CLI, and reuses the administrator of the foundation journey when there is one.
Every page visited goes through check_page (Nu checker, axe-core, console, screenshots).
"""

import re

from selenium.webdriver.common.by import By

from conftest import (click_and_wait, click_button, click_link, complete_welcome, field, fill, sign_in,
                      sign_out, text_of, tick)

ADMIN = {"email": "gwen.admin@example.org", "name": "Gwen Admin", "password": "Silver-Harbor-Kettle-58"}
MEMBER = {"email": "nora.member@example.org", "name": "Nora Member", "password": "Copper-Meadow-Violin-24"}

V1 = """# AI ethics charter

## Commitments

- Customers are told when they talk to an AI.
- Personal data is kept for 5 years at most.

The committee meets monthly.
"""
V2 = V1.replace("5 years", "2 years").replace("meets monthly", "meets every quarter") + "\nSigned by the chair.\n"


def path_of(driver) -> str:
    return re.sub(r"^https?://[^/]+", "", driver.current_url)


def nav_link(driver, text: str):
    return driver.find_element(By.XPATH, f"//nav//a[normalize-space()='{text}']")


def admin_account(server, state) -> dict:
    if "admin" not in state:
        server.add_user(ADMIN["email"], ADMIN["name"], "admin", ADMIN["password"])
        state["admin"] = ADMIN
    return state["admin"]


def save_draft(driver, text: str) -> None:
    fill(driver, "Text (Markdown)", text)
    click_button(driver, "Save and preview")


def test_charter_from_draft_to_public_page(driver, server, check_page, state):
    admin = admin_account(server, state)
    server.add_user(MEMBER["email"], MEMBER["name"], "member", MEMBER["password"])

    # The admin writes the draft, previews it, publishes version 1.
    sign_in(driver, server, admin["email"], admin["password"])
    click_and_wait(driver, nav_link(driver, "Charter"))
    assert path_of(driver) == "/charter"
    check_page("charter, nothing published")
    assert "No version has been published yet." in text_of(driver, "main")
    click_link(driver, "Edit the draft")
    check_page("charter draft, empty")
    save_draft(driver, V1)
    check_page("charter draft with preview")
    assert text_of(driver, ".flash") == "The draft has been saved."
    assert text_of(driver, ".preview h1") == "AI ethics charter"
    fill(driver, "Change note", "First charter.")
    tick(driver, "I understand that the published version can never be changed.")
    click_button(driver, "Publish version 1")
    check_page("charter version 1")
    assert text_of(driver, ".flash") == "Version 1 has been published."

    # Edits, sees what would change, publishes version 2 as substantive.
    click_link(driver, "Edit the draft")
    save_draft(driver, V2)
    check_page("charter draft with changes")
    assert [e.text for e in driver.find_elements(By.CSS_SELECTOR, "table.diff del")] == ["5", "monthly"]
    fill(driver, "Change note", "Shorter retention; quarterly meetings.")
    field(driver, "Substantive change").click()
    tick(driver, "I understand that the published version can never be changed.")
    click_button(driver, "Publish version 2")
    assert text_of(driver, ".flash") == "Version 2 has been published."
    sign_out(driver)

    # A member sees the banner, reads version 2 and acknowledges it.
    sign_in(driver, server, MEMBER["email"], MEMBER["password"])
    # A member made with the CLI completes the welcome page first (see test_members.py).
    assert path_of(driver) == "/welcome", driver.current_url
    complete_welcome(driver, "Quality department", ["Data"])
    assert path_of(driver) == "/", driver.current_url
    check_page("home with the charter banner")
    assert text_of(driver, ".reminder p") == "AI ethics charter: version 2 is waiting for your acknowledgement."
    click_link(driver, "Read and acknowledge")
    check_page("charter to acknowledge")
    click_button(driver, "I have read and accept version 2")
    check_page("charter acknowledged")
    assert text_of(driver, ".flash") == "Thank you: your acknowledgement has been recorded."
    assert not driver.find_elements(By.CSS_SELECTOR, ".reminder")

    # The diff between versions 1 and 2 shows exactly what changed, side by side and inline.
    click_link(driver, "Compare with the previous version")
    check_page("charter diff, side by side")
    assert [e.text for e in driver.find_elements(By.CSS_SELECTOR, "table.diff del")] == ["5", "monthly"]
    assert [e.text for e in driver.find_elements(By.CSS_SELECTOR, "table.diff ins")][:2] == ["2", "every quarter"]
    click_link(driver, "Inline")
    check_page("charter diff, inline")
    click_link(driver, "History")
    check_page("charter history")
    sign_out(driver)

    # The admin sees who has acknowledged, prints version 2, and makes the charter public.
    sign_in(driver, server, admin["email"], admin["password"])
    driver.get(server.url("/documents/charter/acknowledgements"))
    check_page("charter acknowledgements")
    assert MEMBER["name"] not in text_of(driver, "main table")  # the first table: those still behind
    driver.get(server.url("/documents/charter/versions/2/print"))
    check_page("charter print view")
    assert "Version 2 · Published on" in text_of(driver, "header.title .version")
    driver.get(server.url("/admin/settings"))
    field(driver, "Show the charter on a public page").click()
    click_button(driver, "Save the settings")
    check_page("settings, charter public")
    sign_out(driver)

    # A visitor reads it without signing in; older versions are linked.
    driver.get(server.url("/charter"))
    check_page("public charter")
    assert "Version 2" in text_of(driver, ".version-line")
    click_link(driver, "Version 1 · " + driver.find_element(By.PARTIAL_LINK_TEXT, "Version 1").text.split(" · ")[1])
    check_page("public charter, version 1")

    # Switched off again: 404 to visitors.
    sign_in(driver, server, admin["email"], admin["password"])
    driver.get(server.url("/admin/settings"))
    field(driver, "Show the charter on a public page").click()
    click_button(driver, "Save the settings")
    sign_out(driver)
    driver.get(server.url("/charter"))
    check_page("charter not public", expected_status=404)
    assert text_of(driver, "h1") == "Page not found"
