"""Account security (issue 16), on a server of its own where two-factor sign-in is required for staff
(the default) and mail goes to a local SMTP server: the administrator sets up the committee and enrols in
two-factor (the test computes the codes from the secret shown), signs in with a code then with a recovery
code, confirms it is them before publishing a charter version; a member resets a forgotten password through
the link caught from the SMTP server; an administrator resets a member's lost second factor.

Every person uses a browser of their own. Journeys run in file order and share `security`.
"""

from __future__ import annotations

import re
import time

import pytest
from selenium.webdriver.common.by import By

from conftest import (EthicsServer, click_button, click_link, fill, make_driver, path_of, reset_browser,
                      sign_in, sign_out, text_of, tick)
from authenticator import Authenticator
from smtp_catcher import SMTPCatcher

ADMIN = {"email": "irene.admin@example.org", "name": "Irène Admin", "password": "a long admin passphrase"}
MEMBER = {"email": "marc.member@example.org", "name": "Marc Member", "password": "member passphrase one"}


@pytest.fixture(scope="module")
def mail():
    catcher = SMTPCatcher()
    yield catcher
    catcher.stop()


@pytest.fixture(scope="module")
def security(mail):
    app = EthicsServer(two_factor="staff", extra_args=[
        "--smtp-host", "127.0.0.1", "--smtp-port", str(mail.port), "--smtp-from", "ethics@example.org",
        "--reauthentication-window", "3"])
    app.start()
    yield {"server": app}
    app.stop()


@pytest.fixture
def person(browser, security, page_checker):
    """The session's browser as a fresh visitor of this module's server."""
    reset_browser(browser, security["server"])
    page_checker.current_test_problems = []
    return browser


@pytest.fixture
def check(page_checker):
    def run(driver, name: str, expected_status: int = 200):
        return page_checker.check(driver, name, expected_status)
    return run


def enrol(driver, check, name: str) -> tuple[Authenticator, list[str]]:
    """On the set-up page: reads the key, gives a first code, returns the app and the recovery codes."""
    secret = text_of(driver, "#secret")
    assert re.fullmatch(r"[A-Z2-7 ]{32,}", secret), secret
    qr = driver.find_element(By.CSS_SELECTOR, "img.qr")
    assert driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 100", qr)
    app = Authenticator(secret)
    # A wrong code first: refused, the typed value kept.
    fill(driver, "Code", "000000")
    click_button(driver, "Turn on two-factor sign-in")
    check(driver, name + ": wrong code", 422)
    assert "This code is not right" in text_of(driver, "#setup-error")
    assert driver.find_element(By.ID, "code").get_attribute("value") == "000000"
    fill(driver, "Code", app.code())
    click_button(driver, "Turn on two-factor sign-in")
    check(driver, name + ": recovery codes")
    codes = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "ul.recovery-codes code")]
    assert len(codes) == 10 and len(set(codes)) == 10, codes
    return app, codes


def test_admin_sets_up_the_committee_and_must_enrol(person, security, check):
    server = security["server"]
    person.get(server.setup_url)
    fill(person, "Email", ADMIN["email"])
    fill(person, "Full name", ADMIN["name"])
    fill(person, "New password", ADMIN["password"])
    fill(person, "Repeat the password", ADMIN["password"])
    click_button(person, "Create the administrator account")
    # Required for administrators: the set-up page comes first, and nothing else opens meanwhile.
    assert path_of(person) == "/account/two-factor"
    check(person, "two-factor required at setup")
    assert "requires two-factor sign-in for your account" in text_of(person, "main")
    person.get(server.url("/admin/users"))
    assert path_of(person) == "/account/two-factor"
    app, codes = enrol(person, check, "admin enrolment")
    click_link(person, "Continue")
    assert path_of(person) == "/"
    assert "Welcome, Irène Admin" in text_of(person, "main")
    # Already on: the page says so, shows no key, and the QR code is gone.
    person.get(server.url("/account/two-factor"))
    assert "Two-factor sign-in is on for your account." in text_of(person, "main")
    assert not person.find_elements(By.ID, "secret")
    security.update(admin_app=app, admin_codes=codes)


def test_sign_in_with_a_code_then_with_a_recovery_code(person, security, check):
    server = security["server"]
    sign_in(person, server, ADMIN["email"], ADMIN["password"])
    assert path_of(person) == "/login/code"
    check(person, "second step")
    fill(person, "Code", "12345")
    click_button(person, "Sign in")
    check(person, "second step: wrong code", 422)
    assert driver_value(person, "code") == "12345"
    fill(person, "Code", security["admin_app"].code())
    click_button(person, "Sign in")
    assert path_of(person) == "/"
    sign_out(person)

    # The phone is left at home: a recovery code, once.
    recovery = security["admin_codes"][0]
    sign_in(person, server, ADMIN["email"], ADMIN["password"])
    fill(person, "Code", recovery)
    click_button(person, "Sign in")
    assert path_of(person) == "/"
    assert text_of(person, ".flash") == "Signed in with a recovery code. Recovery codes left: 9."
    sign_out(person)
    sign_in(person, server, ADMIN["email"], ADMIN["password"])
    fill(person, "Code", recovery)
    click_button(person, "Sign in")
    check(person, "second step: recovery code used twice", 422)
    assert "This recovery code was already used." in text_of(person, ".alert")


def driver_value(driver, element_id: str) -> str:
    return driver.find_element(By.ID, element_id).get_attribute("value")


def sign_in_admin(driver, security) -> None:
    server = security["server"]
    sign_in(driver, server, ADMIN["email"], ADMIN["password"])
    fill(driver, "Code", security["admin_app"].code())
    click_button(driver, "Sign in")
    assert path_of(driver) == "/"


def test_publishing_a_charter_version_asks_to_confirm_it_is_you(person, security, check):
    server = security["server"]
    sign_in_admin(person, security)
    time.sleep(3.5)  # the server counts a fresh code for 3 s here (5 minutes by default)
    person.get(server.url("/documents/charter/draft"))
    fill(person, "Text (Markdown)", "# AI ethics charter\n\nWe review every AI project before launch.")
    click_button(person, "Save and preview")
    fill(person, "Change note", "First charter.")
    tick(person, "I understand that the published version can never be changed.")
    # Without the code: refused, everything typed kept.
    click_button(person, "Publish version 1")
    check(person, "publish without confirming", 422)
    assert "confirm it is you" in text_of(person, ".alert")
    assert driver_value(person, "change_note").strip() == "First charter."
    assert "We review every AI project" in driver_value(person, "markdown")
    fill(person, "A code from your authenticator app, to confirm it is you", security["admin_app"].code())
    tick(person, "I understand that the published version can never be changed.")
    click_button(person, "Publish version 1")
    assert text_of(person, ".flash") == "Version 1 has been published."
    check(person, "charter published after confirming")


def test_a_forgotten_password_is_reset_through_the_mailed_link(person, security, mail, check):
    server = security["server"]
    server.add_user(MEMBER["email"], MEMBER["name"], "submitter", MEMBER["password"])
    person.get(server.url("/login"))
    click_link(person, "Forgot your password?")
    check(person, "forgot password form")
    fill(person, "Email", "not an address")
    click_button(person, "Send me a link")
    check(person, "forgot password: bad address", 422)
    assert driver_value(person, "email") == "not an address"
    before = len(mail.messages)
    fill(person, "Email", MEMBER["email"])
    click_button(person, "Send me a link")
    check(person, "forgot password: sent")
    sent_text = text_of(person, "main")
    assert "If an active account uses this address" in sent_text
    # An unknown address gets the very same answer, and no mail.
    person.get(server.url("/login/forgot"))
    fill(person, "Email", "nobody@example.org")
    click_button(person, "Send me a link")
    assert text_of(person, "main") == sent_text

    message = mail.wait_for(before + 1)[before]
    assert message["To"].addresses[0].addr_spec == MEMBER["email"]
    body = SMTPCatcher.body(message)
    link = re.search(r"https?://\S+/reset/[A-Za-z0-9_\-]+", body).group(0)
    time.sleep(1)
    assert len(mail.messages) == before + 1, "a mail went to an address without an account"

    person.get(link)
    check(person, "reset password form")
    fill(person, "New password", "marc-member")
    fill(person, "Repeat the password", "marc-member")
    click_button(person, "Set the new password")
    check(person, "reset password: weak", 422)
    fill(person, "New password", "a fresh member passphrase")
    fill(person, "Repeat the password", "a fresh member passphrase")
    click_button(person, "Set the new password")
    assert path_of(person).startswith("/login")
    assert "Your new password is set." in text_of(person, ".notice")
    sign_in(person, server, MEMBER["email"], "a fresh member passphrase")
    assert path_of(person) == "/"
    sign_out(person)
    person.get(link)
    check(person, "reset link used", 410)
    assert "already used" in text_of(person, "main")
    MEMBER["password"] = "a fresh member passphrase"


def test_an_administrator_resets_a_lost_second_factor(person, security, check):
    server = security["server"]
    # The member turns two-factor on from the account page, in a browser of their own.
    member = make_driver()
    try:
        reset_browser(member, server)
        sign_in(member, server, MEMBER["email"], MEMBER["password"])
        member.get(server.url("/account/password"))
        click_link(member, "Two-factor sign-in")
        enrol(member, check, "member enrolment")
    finally:
        member.quit()

    # The phone is lost: the administrator removes the second factor, after confirming it is them.
    sign_in_admin(person, security)
    time.sleep(3.5)
    click_link(person, "Accounts")
    click_link(person, MEMBER["name"])
    check(person, "member account with two-factor")
    click_link(person, "Reset two-factor sign-in")
    assert path_of(person).startswith("/account/confirm?next=")
    check(person, "confirm it is you")
    fill(person, "Code", "000000")
    click_button(person, "Confirm")
    check(person, "confirm: wrong code", 422)
    fill(person, "Code", security["admin_app"].code())
    click_button(person, "Confirm")
    check(person, "reset two-factor: confirmation")
    click_button(person, "Reset two-factor sign-in")
    assert text_of(person, ".flash").startswith("Two-factor sign-in removed.")
    sign_out(person)

    # The project owner signs in with the password alone again (only staff are required to use it here).
    sign_in(person, server, MEMBER["email"], MEMBER["password"])
    assert path_of(person) == "/"
