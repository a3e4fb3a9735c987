"""The EU AI Act section (issue 17): a project owner files a customer-service chatbot, answers the AI Act
questions but one, and is refused the submission with that question named; the answers given are still
on the form; once complete, the case is submitted and its page shows the class beside the risk tier and
the "Transparency obligations — Art. 50(1)" label with the answers and articles behind it, and the
obligation with the date from which it applies. A contradiction (profiling and the Art. 6(3) derogation)
is refused with every answer kept. The secretary finds the case with the list's AI Act filter.

Accounts are made with the CLI (addresses unique to this file). Every page goes through check_page.
"""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from conftest import choose, click_and_wait, click_button, click_link, fill, nav_link, path_of, text_of, tick
from test_cases import (AI_ACT_PLAIN, TEAM, accounts, answer_ai_act, answer_readiness, fill_case, flash, form_error,
                        list_titles, main_text, panel, switch_to)

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
