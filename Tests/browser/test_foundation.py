"""The foundation journeys: first administrator, invitations, sign-in and out, access, language,
and the welcome page every new member or expert completes before anything else.

The tests run in file order against one server: journey 2 signs in with the administrator of
journey 1 (or a CLI-made one when run alone), journey 6 needs the link journey 2 used.
Every page visited goes through check_page (Nu checker, axe-core, console, screenshots).
"""

import re

import pytest
from selenium.webdriver.common.by import By

from conftest import (flash_with_link, click_and_wait, click_button, click_link, choose, complete_welcome, field,
                      fill, path_of, raw_get, sign_in, sign_out, text_of)

ADMIN = {"email": "ada.admin@example.org", "name": "Ada Admin", "password": "Tall-Cedar-Window-42"}
EXPERT = {"email": "eliot.expert@example.org", "name": "Eliot Expert",
          "password": "Quiet-River-Lantern-17"}
MEMBER = {"email": "mia.member@example.org", "name": "Mia Member",
          "password": "Amber-Field-Compass-93"}


def admin_account(server, state) -> dict:
    """The administrator of journey 1; when that journey did not run, one made with the CLI."""
    if "admin" not in state:
        server.add_user(ADMIN["email"], ADMIN["name"], "admin", ADMIN["password"])
        state["admin"] = ADMIN
    return state["admin"]


def nav_link(driver, text: str):
    return driver.find_element(By.XPATH, f"//nav//a[normalize-space()='{text}']")


def assert_signed_in_as(driver, name: str, role_label: str) -> None:
    assert path_of(driver) == "/", f"expected the home page, got {driver.current_url}"
    assert text_of(driver, "h1") == f"Welcome, {name}"
    assert text_of(driver, "header .who-name") == name
    assert text_of(driver, "header .badge") == role_label


def test_first_administrator_through_the_setup_link(driver, server, check_page, state):
    assert server.setup_url and server.setup_url.startswith(server.base_url + "/join/")
    driver.get(server.setup_url)
    check_page("setup link")
    fill(driver, "Email", ADMIN["email"])
    fill(driver, "Full name", ADMIN["name"])
    fill(driver, "New password", ADMIN["password"])
    fill(driver, "Repeat the password", ADMIN["password"])
    click_button(driver, "Create the administrator account")

    check_page("home as admin")
    assert_signed_in_as(driver, ADMIN["name"], "Administrator")
    assert text_of(driver, ".flash").startswith("Your account is ready")
    state["admin"] = ADMIN

    # The administrator's pages, through the navigation.
    for label, name, path in (("Members", "members as admin", "/members"),
                              ("Accounts", "accounts list", "/admin/users"),
                              ("Audit trail", "audit trail", "/admin/audit"),
                              ("Settings", "settings", "/admin/settings"),
                              ("My account", "my account", "/account/password"),
                              ("Home", "home as admin again", "/")):
        click_and_wait(driver, nav_link(driver, label))
        assert path_of(driver) == path
        assert nav_link(driver, label).get_attribute("aria-current") == "page"
        if path != "/":
            check_page(name)


def test_admin_invites_an_external_expert_who_joins_and_signs_in_again(
        driver, server, check_page, state):
    admin = admin_account(server, state)
    sign_in(driver, server, admin["email"], admin["password"])
    assert_signed_in_as(driver, admin["name"], "Administrator")

    click_and_wait(driver, nav_link(driver, "Accounts"))
    click_link(driver, "Invite someone")
    assert path_of(driver) == "/invitations/new"
    check_page("invitation form")
    fill(driver, "Email", EXPERT["email"])
    fill(driver, "Full name", EXPERT["name"])
    choose(driver, "Role", "External expert")
    fill(driver, "Link valid for (days)", "7")
    fill(driver, "Personal message", "Welcome aboard: the committee looks forward to your views.")
    click_button(driver, "Create the invitation link")

    check_page("invitation created")
    flash = flash_with_link(driver)
    assert flash.startswith("Invitation created. Send this link; it works once:"), flash
    match = re.search(r"(https?://\S+/join/[A-Za-z0-9_\-]+)", flash)
    assert match, f"no link in the flash: {flash!r}"
    link = match.group(1)
    assert link.startswith(server.base_url + "/join/"), link
    assert EXPERT["email"] in driver.find_element(By.TAG_NAME, "main").text

    sign_out(driver)
    check_page("after sign out")
    assert driver.find_elements(By.ID, "password"), "signing out should lead to the sign-in form"

    # The expert opens the link.
    driver.get(link)
    check_page("invitation link")
    email = field(driver, "Email")
    assert email.get_attribute("value") == EXPERT["email"]
    assert email.get_attribute("readonly") is not None
    fill(driver, "Full name", EXPERT["name"])
    fill(driver, "New password", EXPERT["password"])
    fill(driver, "Repeat the password", EXPERT["password"])
    click_button(driver, "Create my account")

    # A new expert completes the welcome page before anything else.
    assert path_of(driver) == "/welcome", driver.current_url
    check_page("welcome page")
    assert text_of(driver, "h1") == "Welcome to the committee"
    assert text_of(driver, "header .who-name") == EXPERT["name"]
    complete_welcome(driver, "University of Lyon, philosophy department",
                     ["Ethics and philosophy", "Artificial intelligence"])

    check_page("home as expert")
    assert_signed_in_as(driver, EXPERT["name"], "External expert")
    assert text_of(driver, ".flash") == "Thank you. Your profile is complete and your declaration signed."
    assert not driver.find_elements(By.XPATH, "//nav//a[normalize-space()='Accounts']")
    state["used_link"] = link

    sign_out(driver)
    sign_in(driver, server, EXPERT["email"], EXPERT["password"])
    assert_signed_in_as(driver, EXPERT["name"], "External expert")


def test_wrong_password_shows_the_error_and_keeps_the_email(driver, server, check_page, state):
    admin = admin_account(server, state)
    driver.get(server.url("/login"))
    check_page("login")
    fill(driver, "Email", admin["email"])
    fill(driver, "Password", "not-the-right-password")
    click_button(driver, "Sign in")

    check_page("login, wrong password", expected_status=422)
    assert text_of(driver, "[role=alert]") == "The e-mail address or the password is incorrect."
    assert field(driver, "Email").get_attribute("value") == admin["email"]
    assert field(driver, "Password").get_attribute("value") == ""
    assert not driver.find_elements(By.CSS_SELECTOR, "header .who-name")


def test_member_gets_not_found_on_admin_pages(driver, server, check_page):
    server.add_user(MEMBER["email"], MEMBER["name"], "member", MEMBER["password"])
    sign_in(driver, server, MEMBER["email"], MEMBER["password"])
    # An account made with the CLI goes through the welcome page at its first sign-in, and no
    # other page opens until it is done.
    assert path_of(driver) == "/welcome", driver.current_url
    check_page("welcome page as member")
    for path in ("/", "/members", "/account/password", "/admin/users"):
        status, location = raw_get(driver, server, path)
        assert status in (302, 303) and location.endswith("/welcome"), (path, status, location)
    complete_welcome(driver, "Customer service department", ["Customer relations", "Data"])
    check_page("home as member")
    assert_signed_in_as(driver, MEMBER["name"], "Member")

    driver.get(server.url("/admin/users"))
    check_page("admin page as member", expected_status=404)
    assert text_of(driver, "h1") == "Page not found"
    assert MEMBER["email"] not in driver.find_element(By.TAG_NAME, "main").text


def test_language_switch_to_french_on_the_login_page(driver, server, check_page):
    driver.get(server.url("/login"))
    assert field(driver, "Password")
    choose(driver, "Language", "Français")
    click_button(driver, "Change")

    check_page("login in French")
    assert path_of(driver).startswith("/login")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    assert field(driver, "Mot de passe")
    assert field(driver, "E-mail")
    assert driver.find_elements(By.XPATH, "//button[normalize-space()='Se connecter']")


def test_used_invitation_link_cannot_be_used_again(driver, check_page, state):
    if "used_link" not in state:
        pytest.skip("needs the invitation link used by the invitation journey")
    driver.get(state["used_link"])
    check_page("used invitation link", expected_status=410)
    assert text_of(driver, "h1") == "This link cannot be used"
    assert not driver.find_elements(By.ID, "password")
