"""Issue 13, "Nothing typed is lost": a refused form comes back with every value typed or chosen,
the message next to the field, and the page scrolled to the form (the form's action carries its
fragment; no JavaScript in the app). Journeys: the secretary's reviewer assignment refused for a
due date in the past keeps the chosen reviewer (not the first of the list); a member's review and
the secretary's comment, refused for being too long, keep their text and land on their form; a
decision with conditions missing their due dates keeps its opinion and every condition row.

The long texts are put in the text areas by script: `maxlength` stops typing at the limit, so this
stands for a browser or a paste that does not honour it. Own accounts, made with the CLI.
"""

from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from conftest import (choose_person, person_options, choose, click_and_wait, click_button, click_link, field, fill, nav_link, path_of,
                      set_date)
from test_cases import accounts, answer_readiness, committee_date, fill_case, switch_to

SEC = {"email": "sol.secretary@forms.example", "name": "Sol Secretary",
       "password": "Amber-Falcon-Ledger-73", "role": "secretary"}
OWNER = {"email": "otto.owner@forms.example", "name": "Otto Owner",
         "password": "Cinder-Maple-Rocket-58", "role": "submitter"}
RUTH = {"email": "ruth.member@forms.example", "name": "Ruth Benedict", "role": "member",
        "password": "Garnet-Orchid-Valley-46", "affiliation": "Research department",
        "areas": ["Ethics and philosophy"]}
TITLE = "Meeting notes summariser"
LIMIT = 20_000
ARTIFACTS = Path(__file__).parent / "artifacts" / "forms"

# Where the page is: scrolled, and is the form (its top or its invalid field) in the viewport?
LANDED = """
var form = document.getElementById(arguments[0]);
var focus = form.querySelector('[aria-invalid=true]') || form;
var box = focus.getBoundingClientRect();
return {scrollY: window.scrollY, top: box.top, bottom: box.bottom, height: window.innerHeight,
        hash: location.hash, active: document.activeElement ? document.activeElement.id : null};
"""


def put_text(driver, element, text: str) -> None:
    """Sets a text area's value the way a paste that ignores maxlength would."""
    driver.execute_script("arguments[0].value = arguments[1];"
                          "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", element, text)


def expect_landed(driver, form_id: str) -> dict:
    where = driver.execute_script(LANDED, form_id)
    assert where["hash"] == "#" + form_id, where
    assert where["scrollY"] > 0, f"the page is not scrolled: {where}"
    assert 0 <= where["top"] < where["height"], f"the form is not in view: {where}"
    return where


def message_next_to(driver, element) -> str:
    """The error message the field points to (aria-describedby), checked to be shown below it."""
    assert element.get_attribute("aria-invalid") == "true", element.get_attribute("outerHTML")[:200]
    ids = (element.get_attribute("aria-describedby") or "").split()
    errors = [driver.find_element(By.ID, i) for i in ids if i.endswith("-error")]
    assert errors, f"no message tied to {element.get_attribute('id')}"
    error = errors[0]
    assert error.is_displayed()
    field_box, error_box = element.rect, error.rect
    assert 0 <= error_box["y"] - (field_box["y"] + field_box["height"]) < 80, (field_box, error_box)
    return " ".join(error.text.split())


def screenshot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def test_refused_forms_keep_what_was_typed_and_land_on_the_form(driver, server, check_page, state):
    accounts(server, state, SEC, OWNER, RUTH)

    # A project owner files a small case and submits it.
    switch_to(driver, server, state, OWNER, "/", check_page)
    click_and_wait(driver, nav_link(driver, "Cases"))
    click_link(driver, "New case")
    fill_case(driver, TITLE, customer_facing=False, personal_data=False, confidential=False,
              description="Summarises the notes of internal meetings.", answers={})
    click_button(driver, "Save the draft")
    case_path = path_of(driver)
    click_button(driver, "Submit to the committee")

    # Ruth completes the welcome page once, so she is among the candidates.
    switch_to(driver, server, state, RUTH, "/", check_page)

    # The secretary picks a reviewer who is not first in the list, with a due date in the past.
    switch_to(driver, server, state, SEC, case_path, check_page)
    names = [label for _, label in person_options(driver, "Reviewer")]
    assert any(name.startswith(RUTH["name"] + " (") for name in names), names
    chosen = choose_person(driver, "Reviewer", RUTH["name"] + " (")
    set_date(driver, "Due", committee_date(-1))
    click_button(driver, "Assign a reviewer")
    assert field(driver, "Reviewer").get_attribute("value") == chosen
    assert field(driver, "Due").get_attribute("value") == committee_date(-1)
    assert message_next_to(driver, field(driver, "Due")) == "Enter a due date from today on."
    expect_landed(driver, "assign-form")
    screenshot(driver, "assignment-refused")
    # The page checks resize the window for their screenshots: after the landing is checked.
    check_page("reviewer assignment refused", expected_status=422)
    set_date(driver, "Due", committee_date(14))
    click_button(driver, "Assign a reviewer")
    assert path_of(driver) == case_path

    # The secretary's comment, too long: the text stays and the page lands on the form.
    comment = "Ask the vendor for its error rates.\n" + "é" * LIMIT
    box = field(driver, "Comment")
    assert box.get_attribute("maxlength") == str(LIMIT)
    assert "Up to 20,000 characters." in driver.find_element(By.ID, "body-hint").text
    put_text(driver, box, comment)
    click_button(driver, "Add the comment")
    box = field(driver, "Comment")
    assert box.get_attribute("value") == comment
    assert message_next_to(driver, box) == "This text is too long."
    expect_landed(driver, "comment-form")
    screenshot(driver, "comment-refused")
    # The page checks resize the window for their screenshots: after the landing is checked.
    check_page("comment refused", expected_status=422)

    # Ruth's review, too long: recommendation and reasoning stay, the page lands on the form.
    switch_to(driver, server, state, RUTH, case_path, check_page)
    Select(field(driver, "Recommendation")).select_by_index(2)
    recommendation = Select(field(driver, "Recommendation")).first_selected_option.text
    reasoning = "The summaries leave out who said what.\n\n" + "a" * LIMIT
    put_text(driver, field(driver, "Reasoning"), reasoning)
    click_button(driver, "Submit the review")
    assert Select(field(driver, "Recommendation")).first_selected_option.text == recommendation
    box = field(driver, "Reasoning")
    assert box.get_attribute("value") == reasoning
    assert message_next_to(driver, box) == "This text is too long."
    expect_landed(driver, "review-form")
    screenshot(driver, "review-refused")
    # The page checks resize the window for their screenshots: after the landing is checked.
    check_page("review refused", expected_status=422)
    # Shortened, it goes through.
    fill(driver, "Reasoning", "The summaries leave out who said what.")
    click_button(driver, "Submit the review")
    assert path_of(driver) == case_path

    # The secretary's proposed decision with conditions (a written vote), two of them without a due date: the
    # opinion, the outcome, the procedure's text and every condition row stay, each message beside its row.
    # Then the written vote opens (the case is decided by the voters' ballots, test_written_procedure.py).
    switch_to(driver, server, state, SEC, case_path, check_page)
    opinion = "Favourable, provided speakers are named in the summaries."
    conditions = ["Name the speakers in every summary.", "Keep the recordings for thirty days only."]
    choose(driver, "Decision", "Favourable with conditions")
    fill(driver, "The committee's opinion", opinion)
    fill(driver, "Text of the procedure", "Decided in writing.")
    driver.execute_script("document.getElementById('deadline').value = arguments[0];", committee_date(7) + "T12:00")
    fill(driver, "Condition 1", conditions[0])
    fill(driver, "Condition 2", conditions[1])
    click_button(driver, "Open the written vote")
    assert field(driver, "Text of the procedure").get_attribute("value") == "Decided in writing."
    assert Select(field(driver, "Decision")).first_selected_option.text == "Favourable with conditions"
    assert field(driver, "The committee's opinion").get_attribute("value") == opinion
    assert [field(driver, f"Condition {n}").get_attribute("value") for n in (1, 2)] == conditions
    for n in (1, 2):
        assert message_next_to(driver, field(driver, f"Due {n}")) == "Give this condition a due date."
    expect_landed(driver, "decision-form")
    screenshot(driver, "decision-refused")
    check_page("decision refused", expected_status=422)
    set_date(driver, "Due 1", committee_date(30))
    set_date(driver, "Due 2", committee_date(30))
    click_button(driver, "Open the written vote")
    assert path_of(driver).startswith("/written-procedures/"), driver.current_url
    assert "Vote running" in driver.find_element(By.ID, "written-status").text
