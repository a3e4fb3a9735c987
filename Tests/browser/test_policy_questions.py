"""One "may I" for everything a page offers (issue 20): the case list's tabs are the scopes the list answers (a scope
typed in the address that the page does not offer starts from the first tab), and the case page offers a file
upload and its moves only while the policy allows them, to the project owner and to the secretary alike.

Makes its own accounts with the CLI; each person in their own browser session.
"""
from selenium.webdriver.common.by import By

from conftest import click_and_wait, click_button, complete_welcome, fill, choose, path_of, sign_in, sign_out

PASSWORD = "Quiet-Lantern-Orchard-73"
OWNER = {"email": "pia.owner@questions.example", "name": "Pia Owner", "role": "submitter"}
SEC = {"email": "seb.sec@questions.example", "name": "Seb Secretary", "role": "secretary"}
MEMBER = {"email": "marc.member@questions.example", "name": "Marc Member", "role": "member",
          "affiliation": "Research", "areas": ["Law"]}
TITLE = "Questions: a draft the owner withdraws"


def as_person(driver, server, person: dict, path: str) -> None:
    if driver.find_elements(By.CSS_SELECTOR, "header .who-name"):
        sign_out(driver)
    driver.delete_all_cookies()
    sign_in(driver, server, person["email"], PASSWORD)
    if path_of(driver) == "/welcome":
        complete_welcome(driver, person["affiliation"], person["areas"])
    driver.get(server.url(path))


def tabs(driver) -> list[tuple[str, str, bool]]:
    """The case list's tabs: (label, href, current)."""
    return [(a.text.strip(), a.get_attribute("href").split("/cases", 1)[1], a.get_attribute("aria-current") == "page")
            for a in driver.find_elements(By.CSS_SELECTOR, "main nav.tabs a")]


def offers(driver) -> tuple[bool, list[str]]:
    """Whether the case page offers the upload form, and the labels of its move buttons."""
    upload = bool(driver.find_elements(By.CSS_SELECTOR, "main form[action$='/attachments']"))
    moves = [e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, "main a[href*='/move/'], main form[action*='/move/'] button")]
    return upload, moves


def test_pages_offer_what_the_policy_allows(driver, server, check_page, state):
    for person in (OWNER, SEC, MEMBER):
        if "questions:" + person["email"] not in state:
            server.add_user(person["email"], person["name"], person["role"], PASSWORD)
            state["questions:" + person["email"]] = True

    # The project owner's list has one tab, "My cases", also when "all" is typed in the address
    as_person(driver, server, OWNER, "/cases?scope=all")
    check_page("questions: owner's list asked for all cases")
    assert tabs(driver) == [("My cases", "?scope=mine", True)], tabs(driver)

    # Her draft offers a file upload, submitting and withdrawing
    driver.get(server.url("/cases/new"))
    fill(driver, "Title", TITLE)
    fill(driver, "Submitting team", "Payroll")
    choose(driver, "Kind of project", "A tool to deploy")
    fill(driver, "Description", "A draft to withdraw.")
    click_button(driver, "Save the draft")
    draft = path_of(driver)
    check_page("questions: owner's draft")
    upload, moves = offers(driver)
    assert upload and "Submit to the committee" in moves and "Withdraw the case" in moves, (upload, moves)

    # A member's list starts from "All cases" when "mine", which it does not offer, is typed
    as_person(driver, server, MEMBER, "/cases?scope=mine")
    check_page("questions: member's list asked for 'mine'")
    assert tabs(driver) == [("All cases", "?scope=all", True), ("To review", "?scope=to_review", False)], tabs(driver)

    # The secretary may add a file to the draft and sees her two tabs
    as_person(driver, server, SEC, draft)
    check_page("questions: secretary on the draft")
    assert offers(driver)[0]
    driver.get(server.url("/cases"))
    assert tabs(driver) == [("All cases", "?scope=all", True), ("My cases", "?scope=mine", False)], tabs(driver)

    # Once the owner withdraws it, nobody is offered a file upload or a move any more
    as_person(driver, server, OWNER, draft)
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//a[normalize-space()='Withdraw the case']"))
    click_button(driver, "Withdraw the case")
    assert path_of(driver) == draft
    check_page("questions: withdrawn case, owner")
    assert offers(driver) == (False, []), offers(driver)
    as_person(driver, server, SEC, draft)
    check_page("questions: withdrawn case, secretary")
    assert offers(driver) == (False, []), offers(driver)
