"""The EU AI Act section (issue 17): a project owner files a customer-service chatbot, answers the AI Act
questions but one, and is refused the submission with that question named; the answers given are still
on the form; once complete, the case is submitted and its page shows the class beside the risk tier and
the "Transparency obligations — Art. 50(1)" label with the answers and articles behind it, and the
obligation with the date from which it applies. A contradiction (profiling and the Art. 6(3) derogation)
is refused with every answer kept. The secretary finds the case with the list's AI Act filter.

On the demo committee (a server of its own per journey, each person in their own browser session):
2. The committee decides a chatbot in a meeting: the vote form offers the Art. 50(1) obligation as a condition with
   its own owner and due date; ticked without a due date it is refused with everything kept; dated, it is recorded,
   and the project owner reads it among the conditions of the decision.
3. A prohibited practice (emotion recognition of call-centre staff, Art. 5(1)(f)) is refused a favourable vote,
   the article named at the outcome and the decision's text kept; an unfavourable vote is recorded.

Accounts are made with the CLI (addresses unique to this file). Every page goes through check_page.
"""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from conftest import (ETHICS_BIN, choose, click_and_wait, click_button, click_link, fill, make_driver, nav_link, path_of,
                      sign_in, text_of, tick)
from test_member_votes import DemoServer
from test_cases import (AI_ACT_PLAIN, TEAM, accounts, answer_ai_act, answer_readiness, assign, committee_date, fill_case, flash,
                        form_error, list_titles, main_text, panel, switch_to)

SEC = {"email": "sacha.secretary@aiact.example", "name": "Sacha Secretary", "role": "secretary",
       "password": "Quartz-Meadow-Lantern-62"}
OWNER = {"email": "oscar.owner@aiact.example", "name": "Oscar Owner", "role": "submitter",
         "password": "Velvet-Harbor-Pepper-19"}
TITLE = "Customer-service chatbot for parcel tracking"
READY = {}  # every readiness question "yes"


def radio_checked(driver, question: str, value: str) -> bool:
    return driver.find_element(By.CSS_SELECTOR, f"input[name='aiact.{question}'][value='{value}']").is_selected()


def test_a_project_owner_classifies_a_chatbot(driver, server, check_page, state):
    accounts(server, state, SEC, OWNER)
    switch_to(driver, server, state, OWNER, "/", check_page)

    # --- A contradiction is refused at once, with every answer kept.
    click_and_wait(driver, nav_link(driver, "Cases"))
    click_link(driver, "New case")
    check_page("AI Act: new case form")
    fill_case(driver, "CV ranking for call-centre hiring", customer_facing=False, personal_data=True, confidential=False,
              description="Ranks applications for agent positions.", answers=READY,
              ai_act={"annex3.use": "4a", "art6_3.profiling": "yes", "art6_3.derogation": "yes"})
    driver.find_element(By.NAME, "aiact.art6_3.justification").send_keys("It only sorts the applications.")
    click_button(driver, "Save the draft")
    check_page("AI Act: contradiction refused", expected_status=422)
    assert "never applies to a system that profiles natural persons" in main_text(driver), main_text(driver)[:500]
    assert radio_checked(driver, "art6_3.profiling", "yes") and radio_checked(driver, "art6_3.derogation", "yes")
    assert Select(driver.find_element(By.NAME, "aiact.annex3.use")).first_selected_option.get_attribute("value") == "4a"
    assert driver.find_element(By.NAME, "aiact.art6_3.justification").get_attribute("value") == "It only sorts the applications."

    # --- The chatbot, one question forgotten: saved as a draft, refused at submission with the question named.
    click_and_wait(driver, nav_link(driver, "Cases"))
    click_link(driver, "New case")
    forgotten = {key: value for key, value in AI_ACT_PLAIN.items() if key != "art5.social_scoring"}
    fill(driver, "Title", TITLE)
    fill(driver, "Submitting team", TEAM)
    choose(driver, "Kind of project", "A tool to deploy")
    tick(driver, "The project faces customers", True)
    fill(driver, "Description", "Answers customers' questions about their parcels on the website.")
    answer_readiness(driver, READY, {})
    answer_ai_act(driver, {**forgotten, "art50.interacts": "yes", "gpai.kind": "system"})
    click_button(driver, "Save the draft")
    case_path = path_of(driver)
    check_page("AI Act: chatbot draft, one question unanswered")
    assert "Not classified yet: 1 question(s) to answer." in main_text(driver)
    click_button(driver, "Submit to the committee")
    check_page("AI Act: submission refused", expected_status=422)
    assert form_error(driver).startswith("Answer the AI Act question before submitting: Does it score people"), form_error(driver)
    assert "(Art. 5(1)(c))" in form_error(driver)

    # --- The answers given are on the form; the owner completes it and submits.
    click_link(driver, "Edit the case")
    check_page("AI Act: editing the chatbot")
    assert radio_checked(driver, "art50.interacts", "yes")
    assert Select(driver.find_element(By.NAME, "aiact.gpai.kind")).first_selected_option.get_attribute("value") == "system"
    answer_ai_act(driver, {"art5.social_scoring": "no"})
    click_button(driver, "Save the draft")
    assert path_of(driver) == case_path
    click_button(driver, "Submit to the committee")
    check_page("AI Act: chatbot submitted")
    assert flash(driver) == "The case has been submitted to the committee.", flash(driver)

    # --- The labels beside the risk tier, with reasons, articles and the obligation's date.
    assert text_of(driver, "#ai-act-class") == "AI Act: Transparency"
    labels = panel(driver, "AI Act labels")
    items = [" ".join(li.find_element(By.TAG_NAME, "p").text.split()) for li in labels.find_elements(By.CSS_SELECTOR, "li.aiact-label")]
    assert items == ["Deployer", "Transparency obligations — Art. 50(1)", "Built on a general-purpose AI model"], items
    transparency = labels.find_elements(By.CSS_SELECTOR, "li.aiact-label")[1]
    assert "Articles: Art. 50(1)" in transparency.text
    transparency.find_element(By.TAG_NAME, "summary").click()
    assert "Does the system interact directly with people" in transparency.text and "— Yes" in transparency.text
    obligations = " ".join(labels.find_element(By.CSS_SELECTOR, "ul.aiact-obligations").text.split())
    assert "Tell people they are interacting with an AI system, unless it is obvious (Art. 50(1))." in obligations
    assert "2 August 2026" in obligations and "Art. 113" in obligations, obligations
    check_page("AI Act: labels on the case page")

    # --- The secretary finds it with the AI Act filter.
    switch_to(driver, server, state, SEC, "/", check_page)
    click_and_wait(driver, nav_link(driver, "Cases"))
    Select(driver.find_element(By.ID, "ai_act")).select_by_visible_text("Transparency obligations")
    click_button(driver, "Filter")
    check_page("AI Act: cases filtered by label")
    assert TITLE in list_titles(driver), list_titles(driver)
    assert "CV ranking for call-centre hiring" not in list_titles(driver)


# --- On the demo committee: the meeting's vote ---------------------------------------------------------------

DEMO_PASSWORD = "ethics-demo-2026"
DEMO_SECRETARY = "lucas.moreau@acme.example"
DEMO_OWNER = ("sophie.laurent@acme.example", "Sophie Laurent")
ART50 = "Tell people they are interacting with an AI system, unless it is obvious (Art. 50(1))."


@pytest.fixture
def demo_committee():
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


def file_case(owner, server, title: str, description: str, ai_act: dict[str, str]) -> str:
    """The project owner files and submits a case; returns its path."""
    owner.get(server.url("/cases/new"))
    fill_case(owner, title, customer_facing=True, personal_data=True, confidential=False, description=description,
              answers={}, ai_act=ai_act)
    click_button(owner, "Save the draft")
    path = path_of(owner)
    click_button(owner, "Submit to the committee")
    assert flash(owner) == "The case has been submitted to the committee.", flash(owner)
    return path


def put_to_a_meeting(secretary, server, case_path: str, title: str) -> None:
    """The secretary starts the review (a reviewer assigned), plans a meeting with the voting members invited,
    puts the case on its agenda, opens the meeting and records everyone present."""
    secretary.get(server.url(case_path))
    assign(secretary, "Thomas Weber", committee_date(14))
    secretary.get(server.url("/meetings/new"))
    fill(secretary, "Title", f"Meeting on {title}")
    secretary.execute_script("document.getElementById('starts_at').value = arguments[0];", committee_date(1) + "T10:00")
    fill(secretary, "Place", "Room 1")
    click_button(secretary, "Plan the meeting")
    fill(secretary, "A case ready for a decision", title)  # a searchable field: a ready case's number or title
    click_and_wait(secretary, secretary.find_element(By.XPATH, "//form[.//input[@id='case_id']]//button[normalize-space()='Add']"))
    click_button(secretary, "Open the meeting (it is taking place)")
    for select in secretary.find_elements(By.CSS_SELECTOR, "select[id^='attendance_']"):
        Select(select).select_by_visible_text("Present")
    click_button(secretary, "Save the attendance")


def roll(secretary, outcome: str, decision: str):
    """Fills the roll form: everyone for, the proposal and the decision's text. Returns the form."""
    form = secretary.find_element(By.CSS_SELECTOR, "form.vote")
    for select in form.find_elements(By.CSS_SELECTOR, "select[name^='vote_']"):
        Select(select).select_by_visible_text("For")
    Select(form.find_element(By.NAME, "outcome")).select_by_visible_text(outcome)
    box = form.find_element(By.NAME, "decision")
    box.clear()
    box.send_keys(decision)
    return form


def test_the_committee_decides_a_chatbot_in_a_meeting_with_the_art_50_condition(demo_committee, page_checker):
    server, browser = demo_committee
    title = "Parcel-tracking chatbot on the website"
    owner = browser()
    sign_in(owner, server, DEMO_OWNER[0], DEMO_PASSWORD)
    case_path = file_case(owner, server, title, "Answers customers' questions about their parcels.",
                          {"art50.interacts": "yes", "gpai.kind": "system"})

    secretary = browser()
    sign_in(secretary, server, DEMO_SECRETARY, DEMO_PASSWORD)
    put_to_a_meeting(secretary, server, case_path, title)
    meeting_path = path_of(secretary)

    # The vote form offers the chatbot's obligations, each with its own owner and due date
    form = roll(secretary, "Favourable with conditions", "Favourable: people are told they talk to a bot.")
    offer = form.find_element(By.CSS_SELECTOR, "fieldset.aiact-offer")
    assert ART50 in offer.text, offer.text
    page_checker.check(secretary, "meeting vote offering the AI Act obligations")
    box = offer.find_element(By.CSS_SELECTOR, "input[value='art50_1_inform']")
    secretary.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
    offer.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").click()
    assert box.is_selected()
    owner_field = offer.find_element(By.NAME, "aiact_owner_art50_1_inform")  # a person field: the project owner typed in first
    assert owner_field.get_attribute("value") == DEMO_OWNER[0], owner_field.get_attribute("value")
    owner_field.clear()
    owner_field.send_keys(DEMO_OWNER[1])  # her name, typed

    # Ticked without a due date: refused, with everything kept and the message beside the date
    click_and_wait(secretary, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    page_checker.check(secretary, "meeting vote refused: obligation without a due date", expected_status=422)
    form = secretary.find_element(By.CSS_SELECTOR, "form.vote")
    offer = form.find_element(By.CSS_SELECTOR, "fieldset.aiact-offer")
    assert offer.find_element(By.CSS_SELECTOR, "input[value='art50_1_inform']").is_selected()
    assert offer.find_element(By.NAME, "aiact_owner_art50_1_inform").get_attribute("value") == DEMO_OWNER[1]
    due = offer.find_element(By.NAME, "aiact_due_art50_1_inform")
    assert "Give this condition a due date." in offer.text and due.get_attribute("aria-invalid") == "true", offer.text
    assert form.find_element(By.NAME, "decision").get_attribute("value") == "Favourable: people are told they talk to a bot."
    assert Select(form.find_element(By.NAME, "outcome")).first_selected_option.text == "Favourable with conditions"

    # Dated, the vote is recorded with the obligation as a condition
    for select in form.find_elements(By.CSS_SELECTOR, "select[name^='vote_']"):
        assert Select(select).first_selected_option.text == "For"
    secretary.execute_script("arguments[0].value = arguments[1];", due, committee_date(60))
    click_and_wait(secretary, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert flash(secretary) == "Votes and decision recorded.", main_text(secretary)[:600]
    assert path_of(secretary) == meeting_path

    # The project owner reads the condition, its owner and its due date, on the decided case
    owner.get(server.url(case_path))
    conditions = owner.find_element(By.CSS_SELECTOR, "section.opinion")
    assert ART50 in conditions.text, conditions.text
    assert DEMO_OWNER[1] in conditions.text
    page_checker.check(owner, "decided chatbot with the Art. 50(1) condition, as its owner")


def test_a_prohibited_practice_is_refused_a_favourable_vote(demo_committee, page_checker):
    server, browser = demo_committee
    title = "Mood monitor for call-centre agents"
    owner = browser()
    sign_in(owner, server, DEMO_OWNER[0], DEMO_PASSWORD)
    case_path = file_case(owner, server, title, "Infers the agents' emotions from their voice during calls.",
                          {"art5.emotion_workplace": "yes", "art5.emotion_medical_safety": "no"})
    assert text_of(owner, "#ai-act-class") == "AI Act: Prohibited"

    secretary = browser()
    sign_in(secretary, server, DEMO_SECRETARY, DEMO_PASSWORD)
    put_to_a_meeting(secretary, server, case_path, title)
    form = roll(secretary, "Favourable", "We accept the pilot.")
    # No obligation is offered for a prohibited practice
    assert not form.find_elements(By.CSS_SELECTOR, "fieldset.aiact-offer")
    click_and_wait(secretary, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    page_checker.check(secretary, "favourable vote refused on a prohibited practice", expected_status=422)
    form = secretary.find_element(By.CSS_SELECTOR, "form.vote")
    error = " ".join(form.find_element(By.CSS_SELECTOR, "p.error[id^='outcome-']").text.split())
    assert "prohibited practice under Art. 5 of the AI Act (Art. 5(1)(f))" in error, error
    assert form.find_element(By.NAME, "decision").get_attribute("value") == "We accept the pilot."

    form = roll(secretary, "Unfavourable", "Unfavourable: emotion recognition at work is prohibited (Art. 5(1)(f)).")
    click_and_wait(secretary, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert flash(secretary) == "Votes and decision recorded.", main_text(secretary)[:600]
    owner.get(server.url(case_path))
    assert "Unfavourable" in main_text(owner)
    page_checker.check(owner, "prohibited case decided unfavourably, as its owner")
