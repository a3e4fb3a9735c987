"""Sign-in edges seen in the browser: the account page refuses a password made from the person's own
name and a common word with a year, and says why; a crafted `next` never leaves the site.

Runs after test_foundation.py (its administrator, or one made with the CLI when run alone).
"""

from test_foundation import admin_account

from conftest import click_button, fill, path_of, sign_in, sign_out, text_of


def test_account_page_refuses_weak_passwords_and_says_why(driver, server, check_page, state):
    admin = admin_account(server, state)
    sign_in(driver, server, admin["email"], admin["password"])
    driver.get(server.url("/account/password"))
    for weak, message in (("Ada-Admin-2026", "This password is made from your e-mail address or your name."),
                          ("Password2026", "This password is among the most common ones."),
                          ("abcabcabc", "This password is a repetition or a run of characters")):
        fill(driver, "Current password", admin["password"])
        fill(driver, "New password", weak)
        fill(driver, "Repeat the password", weak)
        click_button(driver, "Change the password")
        check_page("password refused: " + weak, expected_status=422)
        assert path_of(driver) == "/account/password"
        assert text_of(driver, "#new-error").startswith(message), text_of(driver, "#new-error")
        assert driver.find_element("id", "new_password").get_attribute("aria-invalid") == "true"
        assert driver.find_element("id", "new_password").get_attribute("value") == ""

    # A link with a TAB after the slash lands on the home page, not on another host.
    driver.get(server.url("/login?next=/%09/evil.example"))
    assert path_of(driver) == "/", driver.current_url
    sign_out(driver)
    driver.get(server.url("/login?next=/%09/evil.example"))
    fill(driver, "Email", admin["email"])
    fill(driver, "Password", admin["password"])
    click_button(driver, "Sign in")
    assert path_of(driver) == "/", driver.current_url
    assert "evil.example" not in driver.current_url
