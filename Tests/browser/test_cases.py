"""Cases (the issue's "Done when" journey): a project owner submits a customer-facing chatbot that
processes personal data with no fallback plan, so it comes out High; attachments (one PDF
accepted, an .exe and an .html refused); the secretary assigns an internal member and an external
expert whose declared interest names the vendor (flagged, refused without the tick); the expert
recuses and loses access at once; another expert reviews, the member reviews; a question to the
project owner, answered and resubmitted; the decision with two conditions, read by the project
owner without any review, reviewer or discussion; the conditions met, the case closed.
Then access: an expert not assigned sees nothing, a member does not see a confidential case.

Accounts are made with the CLI (members and experts complete the welcome page at their first
sign-in); every page visited goes through check_page (the sign-in form with a return path once).
This file runs first (file order): no charter is published yet, so reviewers need not have
acknowledged one. App behaviour that is wrong but does not block the journey is recorded with `expect`
and fails the test at its end, with the page problems.
"""

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from conftest import (choose_person, person_options, choose, click_and_wait, click_button, click_link, complete_welcome, field,
                      fill, find_button, nav_link, path_of, raw_get, set_date, sign_out, text_of,
                      tick)
from test_meetings import print_pdf
from test_members import SECRETARY

OWNER = {"email": "olivia.owner@example.org", "name": "Olivia Owner",
         "password": "Harbour-Lemon-Quartz-64", "role": "submitter"}
IRIS = {"email": "iris.member@example.org", "name": "Iris Murdoch",
        "password": "Maple-Signal-Orbit-27", "role": "member",
        "affiliation": "Customer service department", "areas": ["Ethics and philosophy"]}
ALAN = {"email": "alan.expert@example.org", "name": "Alan Turing",
        "password": "Bishop-Cloud-Tundra-81", "role": "expert",
        "affiliation": "University of Manchester", "areas": ["Artificial intelligence"]}
GRACE = {"email": "grace.expert@example.org", "name": "Grace Hopper",
         "password": "Cobalt-Runway-Fern-39", "role": "expert",
         "affiliation": "Yale University", "areas": ["Artificial intelligence", "Data"]}
KARL = {"email": "karl.expert@example.org", "name": "Karl Popper",
        "password": "Prism-Walnut-Delta-16", "role": "expert",
        "affiliation": "London School of Economics", "areas": ["Law"]}
EVERYONE = (SECRETARY, OWNER, IRIS, ALAN, GRACE, KARL)

VENDOR = "ChatVendor"
TITLE = "Customer service chatbot"
TEAM = "Customer care"
CONFIDENTIAL_TITLE = "Merger assistant (confidential)"
REVIEW_TEXT = {"grace": "The fallback is missing: customers must reach a human when the bot fails.",
               "iris": "Acceptable once a fallback to human agents exists and is tested."}
COMMENT = "Ask the vendor for their incident history before the meeting."
QUESTION = "What happens to a conversation when the chatbot cannot answer?"
ANSWER = "It is handed over to a human agent within two minutes, with the transcript."
OPINION = "The committee gives a **favourable** opinion, provided the fallback is in place."
CONDITIONS = ["Put a tested fallback to human agents in place before launch.",
              "Publish the notice telling customers they talk to an AI."]
NOT_ACCEPTED = ("This type of file is not accepted: send a PDF, an image, an office document "
                "or plain text.")
REFUSED_CONFLICT = ("This reviewer declared an interest that names the team or the vendor. "
                    "Tick the box to confirm you checked it.")

AREAS = {"governance": ["purpose", "affected", "oversight", "disclosure"],
         "data": ["legal_basis", "dpa", "retention", "dpo"],
         "crisis": ["fallback", "escalation", "feedback", "owner"],
         "quality": ["centralised", "structured", "maintained"],
         "training": ["fundamentals", "practice", "errors", "ethics"],
         "change": ["roles", "communication", "feedback", "champions"]}


# --- small helpers -------------------------------------------------------------------------------

def committee_date(days: int = 0) -> str:
    """The committee's local date (the default time zone setting, Europe/Paris) as YYYY-MM-DD."""
    return (datetime.now(ZoneInfo("Europe/Paris")).date() + timedelta(days=days)).isoformat()


def expect(page_checker, ok: bool, message: str) -> None:
    """A wrong behaviour that does not stop the journey: it fails the test at its end."""
    if not ok:
        page_checker.current_test_problems.append(f"[app behaviour] {message}")


def main_text(driver) -> str:
    return " ".join(driver.find_element(By.TAG_NAME, "main").text.split())


def flash(driver) -> str:
    found = driver.find_elements(By.CSS_SELECTOR, ".flash")
    return " ".join(found[0].text.split()) if found else ""


def form_error(driver) -> str:
    """The refusal's message: the form's alert, or the message beside the refused field."""
    found = driver.find_elements(By.CSS_SELECTOR, "main .alert[role=alert], main p.error")
    return " ".join(found[0].text.split()) if found else ""


def panel(driver, heading: str):
    """The case page's <section> whose <h2> reads `heading`, or None."""
    found = driver.find_elements(By.XPATH, f"//main//section[h2[normalize-space()=\"{heading}\"]]")
    return found[0] if found else None


def expect_link_to_cases(driver, page_checker, page: str) -> None:
    """The "Cases" link above the title leads back to the list."""
    link = driver.find_element(By.CSS_SELECTOR, "main .eyebrow a")
    href = driver.execute_script("return arguments[0].getAttribute('href')", link)
    expect(page_checker, href == "/cases",
           f"{page} ({path_of(driver)}): the \"{link.get_attribute('textContent').strip()}\" link above the title has "
           f"href={href!r}, so it does not lead to /cases")


def status_of(driver) -> str:
    return text_of(driver, "main .badges .status")


def list_titles(driver) -> list[str]:
    return [" ".join(a.text.split())
            for a in driver.find_elements(By.CSS_SELECTOR, "main table tbody td:first-child a")]


def count_label(driver) -> str:
    return text_of(driver, "main p.count")


def sign_in_to(driver, server, who: dict, path: str) -> None:
    """Signs in through the form, going back to `path` (as after following a link)."""
    driver.get(server.url("/login?next=" + quote(path)))
    fill(driver, "Email", who["email"])
    fill(driver, "Password", who["password"])
    click_button(driver, "Sign in")


def switch_to(driver, server, state, who: dict, path: str, check_page) -> None:
    """Signs the current person out and `who` in, landing on `path`. A member or expert signing
    in for the first time completes the welcome page first, which leads home (checked here)."""
    if driver.find_elements(By.CSS_SELECTOR, "header .who-name"):
        sign_out(driver)
    if "checked: login with a return path" not in state:
        driver.get(server.url("/login?next=" + quote(path)))
        check_page("login with a return path")
        state["checked: login with a return path"] = True
    sign_in_to(driver, server, who, path)
    welcomed = "welcomed:" + who["email"]
    if "areas" in who and welcomed not in state:
        assert path_of(driver) == "/welcome", f"{who['name']} first signs in: {driver.current_url}"
        check_page(f"welcome page as {who['name']}")
        complete_welcome(driver, who["affiliation"], who["areas"])
        state[welcomed] = who
        assert path_of(driver) == "/", driver.current_url
        if path != "/":
            check_page(f"home as {who['name']}, the first time")
            driver.get(server.url(path))
    assert path_of(driver) == path, f"{who['name']}: expected {path}, got {driver.current_url}"


def accounts(server, state, *people: dict) -> None:
    """Makes the accounts not made yet with the CLI, side by side (each one hashes a password).
    The secretary is the one of test_members.py (state["secretary"])."""
    missing = [who for who in people if ("account:" + who["email"]) not in state
               and not (who is SECRETARY and "secretary" in state)]
    with ThreadPoolExecutor(max_workers=len(missing) or 1) as pool:
        for future in [pool.submit(server.add_user, who["email"], who["name"],
                                   who.get("role", "secretary"), who["password"])
                       for who in missing]:
            future.result()
    for who in missing:
        state["account:" + who["email"]] = who
        if who is SECRETARY:
            state["secretary"] = SECRETARY


def answer_readiness(driver, answers: dict[str, str], notes: dict[str, str]) -> None:
    """Ticks one radio per question (by its label, as a person would) and types the notes."""
    for area, questions in AREAS.items():
        for question in questions:
            name = f"answer.{area}.{question}"
            value = answers.get(f"{area}.{question}", "yes")
            radio = driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']")
            driver.find_element(By.CSS_SELECTOR, f"label[for='{radio.get_attribute('id')}']").click()
            assert radio.is_selected(), name
    for question, note in notes.items():
        note_input = driver.find_element(By.CSS_SELECTOR, f"input[name='note.{question}']")
        note_input.clear()
        note_input.send_keys(note)


# The AI Act questions asked of a plain in-scope project used by a deployer (Art. 5, Annex I and III, Art. 50
# answered "no"): it comes out "minimal". Journeys override what their project needs.
AI_ACT_PLAIN = {"scope.ai_system": "yes", "scope.exclusion": "none", "role.operator": "deployer",
                "role.own_name": "no", "role.substantial_modification": "no", "role.new_purpose": "no",
                **{f"art5.{item}": "no" for item in ("manipulation", "vulnerabilities", "social_scoring", "crime_prediction",
                                                     "face_scraping", "emotion_workplace", "biometric_categorisation",
                                                     "remote_biometric_id")},
                "annex1.safety_component": "no", "annex3.use": "none",
                **{f"art50.{item}": "no" for item in ("interacts", "synthetic", "emotion_biometric", "deep_fake", "public_text")},
                "gpai.kind": "none"}


def answer_ai_act(driver, answers: dict[str, str]) -> None:
    """Answers the AI Act section as a person would: a radio by its label, a list by its option."""
    for question, value in answers.items():
        name = f"aiact.{question}"
        elements = driver.find_elements(By.CSS_SELECTOR, f"select[name='{name}']")
        if elements:
            Select(elements[0]).select_by_value(value)
            continue
        radio = driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']")
        label = driver.find_element(By.CSS_SELECTOR, f"label[for='{radio.get_attribute('id')}']")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", label)
        label.click()
        assert radio.is_selected(), name


def fill_case(driver, title: str, *, vendor: str = "", customer_facing: bool, personal_data: bool,
              confidential: bool, description: str, answers: dict[str, str],
              notes: dict[str, str] | None = None, ai_act: dict[str, str] | None = None) -> None:
    fill(driver, "Title", title)
    fill(driver, "Submitting team", TEAM)
    fill(driver, "Vendor (if any)", vendor)
    choose(driver, "Kind of project", "A tool to deploy")
    tick(driver, "The project faces customers", customer_facing)
    tick(driver, "The project processes personal data", personal_data)
    tick(driver, "Confidential (only the secretary, the administrator and the assigned reviewers "
                 "see it)", confidential)
    fill(driver, "Description", description)
    answer_readiness(driver, answers, notes or {})
    answer_ai_act(driver, {**AI_ACT_PLAIN, **(ai_act or {})})


def decide_in_meeting(driver, title: str, outcome: str, decision: str,
                      conditions: tuple[tuple[str, str, str], ...]) -> list[str]:
    """A high-risk case is decided only in a meeting: the secretary plans one for tomorrow (the voting members
    invited by default), puts the case on its agenda, opens it with everyone present and records the vote
    (everyone for), the decision and its conditions. Returns the owners the vote form offered."""
    click_and_wait(driver, nav_link(driver, "Meetings"))
    click_link(driver, "Plan a meeting")
    fill(driver, "Title", f"Meeting on {title}")
    driver.execute_script("document.getElementById('starts_at').value = arguments[0];", committee_date(1) + "T10:00")
    fill(driver, "Place", "Room 1")
    click_button(driver, "Plan the meeting")
    fill(driver, "A case ready for a decision", title)  # a searchable field: a ready case's number or title
    click_and_wait(driver, driver.find_element(By.XPATH, "//form[.//input[@id='case_id']]//button[normalize-space()='Add']"))
    click_button(driver, "Open the meeting (it is taking place)")
    for select in driver.find_elements(By.CSS_SELECTOR, "select[id^='attendance_']"):
        Select(select).select_by_visible_text("Present")
    click_button(driver, "Save the attendance")
    form = driver.find_element(By.CSS_SELECTOR, "form.vote")
    for select in form.find_elements(By.CSS_SELECTOR, "select[name^='vote_']"):
        Select(select).select_by_visible_text("For")
    Select(form.find_element(By.NAME, "outcome")).select_by_visible_text(outcome)
    form.find_element(By.NAME, "decision").send_keys(decision)
    def suggestions(name):
        """(e-mail, name) suggested by a condition-owner field (`<input list>`)."""
        listed = driver.find_element(By.ID, form.find_element(By.NAME, name).get_attribute("list"))
        return [(o.get_attribute("value"), o.get_attribute("textContent")) for o in listed.find_elements(By.TAG_NAME, "option")]
    owners = [label for _, label in suggestions("condition_owner_1")]
    for index, (text, owner, due) in enumerate(conditions, start=1):
        form.find_element(By.NAME, f"condition_text_{index}").send_keys(text)
        email = next(value for value, label in suggestions(f"condition_owner_{index}") if label == owner)
        owner_field = form.find_element(By.NAME, f"condition_owner_{index}")
        owner_field.clear()
        owner_field.send_keys(email)
        driver.execute_script("arguments[0].value = arguments[1];", form.find_element(By.NAME, f"condition_due_{index}"), due)
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert flash(driver) == "Votes and decision recorded.", (flash(driver), text_of(driver, "main"))
    return owners


def tiny_pdf() -> bytes:
    """A minimal valid one-page PDF (correct cross-reference offsets)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def attach(driver, path) -> None:
    field(driver, "File").send_keys(str(path))
    click_button(driver, "Attach the file")


def reviewer_option(driver, name: str) -> str:
    """The suggestion of the "Reviewer" field that starts with `name`."""
    options = [label for _, label in person_options(driver, "Reviewer")]
    matching = [o for o in options if o.startswith(name + " (")]
    assert len(matching) == 1, (name, options)
    return matching[0]


def assign(driver, name: str, due: str, checked: bool = False) -> None:
    choose_person(driver, "Reviewer", name + " (")
    set_date(driver, "Due", due)
    tick(driver, "I checked the declared interests flagged above for this reviewer.", checked)
    click_button(driver, "Assign a reviewer")


def reviewers_table(driver) -> dict[str, list[str]]:
    section = panel(driver, "Reviewers")
    assert section is not None, "no Reviewers section"
    rows = {}
    for row in section.find_elements(By.CSS_SELECTOR, "table tbody tr"):
        cells = [" ".join(c.text.split()) for c in row.find_elements(By.TAG_NAME, "td")]
        rows[cells[0]] = cells[1:]
    return rows


def write_review(driver, recommendation: str, reasoning: str) -> None:
    choose(driver, "Recommendation", recommendation)
    fill(driver, "Reasoning", reasoning)
    click_button(driver, "Submit the review")


def condition_item(driver, text: str):
    return driver.find_element(
        By.XPATH, f"//main//ul[contains(@class, 'conditions')]/li[.//strong[normalize-space()=\"{text}\"]]")


# --- the journeys --------------------------------------------------------------------------------

def test_a_high_risk_chatbot_case_from_submission_to_closure(
        driver, server, check_page, page_checker, state, tmp_path):
    accounts(server, state, *EVERYONE)
    owner, sec = OWNER, state["secretary"]
    # The external expert joins (the welcome page) and declares an interest that names the
    # vendor, on his own member page. The other reviewers complete the welcome page when they
    # first sign in, to review.
    switch_to(driver, server, state, ALAN, "/", check_page)
    check_page("home as Alan Turing")
    click_and_wait(driver, nav_link(driver, "Members"))
    check_page("members as Alan Turing")
    click_and_wait(driver, driver.find_element(
        By.XPATH, f"//main//table//a[normalize-space()='{ALAN['name']}']"))
    check_page("own member page as Alan Turing")
    fill(driver, "Organisation", VENDOR)
    fill(driver, "Nature of the interest", "Paid adviser to its research team")
    set_date(driver, "Since", "2024-02-01")
    click_button(driver, "Add the interest")
    check_page("interest naming the vendor declared")
    assert flash(driver) == "The interest has been declared.", flash(driver)

    # --- The project owner: a new case, saved as a draft.
    switch_to(driver, server, state, owner, "/", check_page)
    check_page("home as project owner")
    click_and_wait(driver, nav_link(driver, "Cases"))
    assert path_of(driver) == "/cases"
    check_page("cases as project owner")
    tabs = [" ".join(a.text.split()) for a in driver.find_elements(By.CSS_SELECTOR, "main nav.tabs a")]
    assert tabs == ["My cases"], tabs
    click_link(driver, "New case")
    assert path_of(driver) == "/cases/new"
    check_page("new case form as project owner")
    expect_link_to_cases(driver, page_checker, "new case form")
    assert not driver.find_elements(By.ID, "submitter_id"), "a project owner sees the owner select"
    legends = [" ".join(e.text.split()) for e in driver.find_elements(By.CSS_SELECTOR, "fieldset.area > legend")]
    assert legends == ["Governance and ethics", "Data protection and compliance", "Crisis management",
                       "Input data quality", "Training of the agents", "Change management"], legends
    fill_case(driver, TITLE, vendor=VENDOR, customer_facing=True, personal_data=True,
              confidential=False,
              description="A chatbot answers customers on the website.\n\n- *Vendor*: ChatVendor\n"
                          "- Trained on our knowledge base",
              answers={"crisis.fallback": "no"},
              notes={"crisis.fallback": "Planned for the second release."})
    click_button(driver, "Save the draft")
    case_path = path_of(driver)
    assert re.fullmatch(r"/cases/\d+", case_path), driver.current_url
    check_page("case draft as project owner")
    expect_link_to_cases(driver, page_checker, "case page")
    state["case"] = {"path": case_path, "title": TITLE}
    assert flash(driver) == "The case has been created as a draft.", flash(driver)
    assert text_of(driver, "main h1") == TITLE
    assert status_of(driver) == "Draft"
    assert text_of(driver, "main .badges .tier") == "Risk tier: High"

    # Readiness: the chart, the scores, the one gap, the tier's reasons and the review path.
    readiness = panel(driver, "Readiness assessment")
    chart = readiness.find_element(By.CSS_SELECTOR, "svg.chart[role=img]")
    summary = " ".join(chart.find_element(By.TAG_NAME, "title").get_attribute("textContent").split())
    assert "Crisis management: 75%" in summary and "Governance and ethics: 100%" in summary, summary
    assert len(chart.find_elements(By.CSS_SELECTOR, "rect.chart-bar")) == 6
    scores = {}
    for row in readiness.find_elements(By.XPATH, ".//table[caption]/tbody/tr"):
        cells = [" ".join(c.text.split()) for c in row.find_elements(By.TAG_NAME, "td")]
        scores[cells[0]] = cells[1]
    # The table writes percentages as the chart's summary does (the one number formatter: "75%" in English)
    assert scores == {"Governance and ethics": "100%", "Data protection and compliance": "100%",
                      "Crisis management": "75%", "Input data quality": "100%",
                      "Training of the agents": "100%", "Change management": "100%"}, scores
    gaps = [[" ".join(c.text.split()) for c in row.find_elements(By.TAG_NAME, "td")]
            for row in readiness.find_elements(By.XPATH, ".//h3[normalize-space()='Gaps']"
                                                         "/following-sibling::table[1]/tbody/tr")]
    assert gaps == [["Crisis management", "There is a fallback when the AI fails.", "No",
                     "Planned for the second release."]], gaps
    assert text_of(driver, "main .readiness h3") == "Risk tier: High"
    reasons = [" ".join(li.text.split()) for li in readiness.find_elements(
        By.XPATH, ".//h3[starts-with(normalize-space(), 'Risk tier')]/following-sibling::ul[1]/li")]
    assert reasons[0] == ("It faces customers, processes personal data and has no fallback plan "
                          "when the AI fails."), reasons
    path_lines = [" ".join(li.text.split()) for li in readiness.find_elements(
        By.XPATH, ".//h3[normalize-space()='Review path']/following-sibling::ul[1]/li")]
    assert path_lines == ["At least 2 reviews.", "One of the reviewers is external.",
                          "The decision is taken in a meeting."], path_lines

    # Attachments: a PDF is accepted; an executable and an HTML page are refused.
    pdf = tmp_path / "chatbot-dpia.pdf"
    pdf.write_bytes(tiny_pdf())
    attach(driver, pdf)
    assert path_of(driver) == case_path
    check_page("case with a PDF attached")
    assert flash(driver) == "The file has been attached.", flash(driver)
    links = panel(driver, "Attachments").find_elements(By.CSS_SELECTOR, "p.attachment a")
    assert [a.text for a in links] == ["chatbot-dpia.pdf"], [a.text for a in links]
    attachment_path = re.sub(r"^https?://[^/]+", "", links[0].get_attribute("href"))
    status, _ = raw_get(driver, server, attachment_path)
    assert status == 200, (attachment_path, status)
    for name, content, page in (
            ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64,
             "executable refused"),
            ("notes.html", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
             "HTML file refused")):
        refused = tmp_path / name
        refused.write_bytes(content)
        attach(driver, refused)
        check_page(page, expected_status=422)
        assert form_error(driver) == NOT_ACCEPTED, form_error(driver)
        names = [a.text for a in panel(driver, "Attachments").find_elements(By.CSS_SELECTOR, "p.attachment a")]
        assert names == ["chatbot-dpia.pdf"], names

    click_button(driver, "Submit to the committee")
    assert path_of(driver) == case_path
    check_page("case submitted as project owner")
    assert flash(driver) == "The case has been submitted to the committee.", flash(driver)
    assert status_of(driver) == "Submitted"
    assert not driver.find_elements(By.LINK_TEXT, "Edit the case")

    # --- The secretary finds it, filters, and assigns the reviewers.
    switch_to(driver, server, state, sec, "/", check_page)
    check_page("home as secretary, a case to triage")
    click_and_wait(driver, nav_link(driver, "Cases"))
    check_page("cases as secretary")
    choose(driver, "Status", "Submitted")
    choose(driver, "Risk tier", "High")
    click_button(driver, "Filter")
    assert path_of(driver).startswith("/cases?")
    check_page("cases filtered: submitted, high")
    assert TITLE in list_titles(driver), list_titles(driver)
    assert re.fullmatch(r"\d+ cases?", count_label(driver)), count_label(driver)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, TITLE))
    assert path_of(driver) == case_path
    check_page("submitted case as secretary")
    assert reviewers_table(driver) == {}
    flagged = reviewer_option(driver, ALAN["name"])
    assert flagged == f"{ALAN['name']} (External) — declared interest: {VENDOR}", flagged
    assert reviewer_option(driver, IRIS["name"]) == f"{IRIS['name']} (Internal)"
    assert reviewer_option(driver, GRACE["name"]) == f"{GRACE['name']} (External)"
    warnings = [" ".join(p.text.split()) for p in panel(driver, "Reviewers").find_elements(
        By.CSS_SELECTOR, ".alert-soft")]
    assert f"{ALAN['name']}: declared interest: {VENDOR}" in warnings, warnings

    due = committee_date(14)
    assign(driver, IRIS["name"], due)
    assert path_of(driver) == case_path
    check_page("internal member assigned")
    assert flash(driver) == "The reviewer has been assigned.", flash(driver)
    assert status_of(driver) == "In review", "the first assignment starts the review"

    assign(driver, ALAN["name"], due, checked=False)
    check_page("flagged expert refused without the tick", expected_status=422)
    assert form_error(driver) == REFUSED_CONFLICT, form_error(driver)
    assert ALAN["name"] not in reviewers_table(driver)
    assign(driver, ALAN["name"], due, checked=True)
    check_page("flagged expert assigned with the tick")
    assert flash(driver) == "The reviewer has been assigned.", flash(driver)
    rows = reviewers_table(driver)
    assert rows[IRIS["name"]][0] == "Internal" and rows[ALAN["name"]][0] == "External", rows
    assert rows[ALAN["name"]][2] == "Review pending", rows

    # --- The flagged expert declares a conflict and loses access at once.
    switch_to(driver, server, state, ALAN, "/", check_page)
    check_page("home as Alan Turing, a review due")
    click_and_wait(driver, driver.find_element(By.XPATH, f"//main//ul[@class='work']//a[normalize-space()='{TITLE}']"))
    assert path_of(driver) == case_path
    check_page("case as assigned expert")
    assert panel(driver, "Conflict of interest") is not None
    assert not driver.find_elements(By.ID, "reviewer_id"), "an expert may assign reviewers"
    fill(driver, "Reason", f"I advise {VENDOR}, the vendor of this chatbot.")
    tick(driver, "I understand that I lose access to this case at once, and that this cannot be undone.")
    click_button(driver, "Declare a conflict and recuse myself")
    assert path_of(driver) == "/cases", driver.current_url
    check_page("cases after recusal")
    assert flash(driver) == "You are recused from that case; it no longer appears in your lists."
    assert TITLE not in list_titles(driver) and TITLE not in main_text(driver)
    driver.get(server.url(case_path))
    check_page("case after recusal", expected_status=404)
    assert text_of(driver, "main h1") == "Page not found"
    assert TITLE not in main_text(driver)
    assert raw_get(driver, server, attachment_path)[0] == 404
    assert raw_get(driver, server, case_path)[0] == 404

    # --- Another expert is assigned and reviews; she comments in the discussion.
    switch_to(driver, server, state, sec, case_path, check_page)
    check_page("case as secretary, expert recused")
    assert reviewers_table(driver)[ALAN["name"]][2] == "Recused", reviewers_table(driver)
    options = [label for _, label in person_options(driver, "Reviewer")]
    assert not any(o.startswith(ALAN["name"]) for o in options), options
    assign(driver, GRACE["name"], due)
    check_page("second expert assigned")
    assert flash(driver) == "The reviewer has been assigned.", flash(driver)

    switch_to(driver, server, state, GRACE, "/", check_page)
    check_page("home as Grace Hopper, a review due")
    click_and_wait(driver, nav_link(driver, "Cases"))
    check_page("cases to review as Grace Hopper")
    tabs = [" ".join(a.text.split()) for a in driver.find_elements(By.CSS_SELECTOR, "main nav.tabs a")]
    assert tabs == ["All cases", "To review"], tabs
    assert list_titles(driver) == [TITLE], list_titles(driver)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, TITLE))
    check_page("case to review as expert")
    assert find_button(driver, "Submit the review")
    write_review(driver, "Favourable with conditions", REVIEW_TEXT["grace"])
    assert path_of(driver) == case_path
    check_page("expert's review recorded")
    assert flash(driver) == "Your review has been recorded.", flash(driver)
    reviews = panel(driver, "Reviews")
    assert f"{GRACE['name']} — Favourable with conditions" in reviews.text, reviews.text
    assert not reviews.find_elements(By.TAG_NAME, "form"), "the review form is still offered"
    fill(driver, "Comment", COMMENT)
    click_button(driver, "Add the comment")
    check_page("expert's comment added")
    assert flash(driver) == "Your comment has been added.", flash(driver)
    assert COMMENT in panel(driver, "Internal discussion").text

    # --- The member reviews, from her dashboard.
    switch_to(driver, server, state, IRIS, "/", check_page)
    check_page("home as Iris Murdoch, a review due")
    click_and_wait(driver, driver.find_element(By.XPATH, f"//main//ul[@class='work']//a[normalize-space()='{TITLE}']"))
    check_page("case to review as member")
    assert COMMENT in panel(driver, "Internal discussion").text
    write_review(driver, "Favourable with conditions", REVIEW_TEXT["iris"])
    check_page("member's review recorded")
    assert flash(driver) == "Your review has been recorded.", flash(driver)

    # --- The secretary asks the project owner a question.
    switch_to(driver, server, state, sec, case_path, check_page)
    check_page("case as secretary, two reviews")
    rows = reviewers_table(driver)
    assert rows[IRIS["name"]][2] == "Reviewed" and rows[GRACE["name"]][2] == "Reviewed", rows
    fill(driver, "Question to the project owner", QUESTION)
    click_button(driver, "Send the question")
    check_page("question sent to the project owner")
    assert flash(driver) == "The question has been sent; the case is back with the project owner."
    assert status_of(driver) == "Information requested"

    # --- The project owner answers and resubmits.
    switch_to(driver, server, state, owner, case_path, check_page)
    check_page("case with a question, as project owner")
    assert QUESTION in panel(driver, "Questions to the project owner").text
    fill(driver, "Your answer", ANSWER)
    click_button(driver, "Answer and resubmit")
    check_page("answered and resubmitted")
    assert flash(driver) == "Your answers have been sent; the case is back with the committee."
    assert status_of(driver) == "Submitted"
    assert ANSWER in panel(driver, "Questions to the project owner").text

    # --- The secretary starts the review again and records the decision.
    switch_to(driver, server, state, sec, case_path, check_page)
    check_page("resubmitted case as secretary")
    click_button(driver, "Start the review")
    check_page("review started again")
    assert flash(driver) == "The review has started.", flash(driver)
    assert status_of(driver) == "In review"
    assert not panel(driver, "Readiness assessment").find_elements(By.CSS_SELECTOR, ".alert-soft"), \
        "the review path still says something is missing"
    # A high-risk case is decided only in a meeting: no decision form here, the vote decides it.
    assert panel(driver, "Record the decision") is not None
    assert "decided only in a meeting" in panel(driver, "Record the decision").text
    assert not driver.find_elements(By.XPATH, "//button[normalize-space()='Record the decision']")
    owners = decide_in_meeting(driver, TITLE, "Favourable with conditions", OPINION,
                               ((CONDITIONS[0], OWNER["name"], committee_date(30)),
                                (CONDITIONS[1], sec["name"], committee_date(45))))
    assert OWNER["name"] in owners and sec["name"] in owners, owners
    assert GRACE["name"] in owners and ALAN["name"] not in owners, owners  # who may open the case: not the recused
    driver.get(server.url(case_path))
    check_page("decision recorded")
    assert status_of(driver) == "Decided"
    opinion = panel(driver, "The committee's opinion")
    assert opinion is not None and "Favourable with conditions" in opinion.text
    assert [" ".join(e.text.split()) for e in opinion.find_elements(By.CSS_SELECTOR, "ul.conditions li > p > strong")] == CONDITIONS

    # --- The project owner reads the opinion and the conditions, and nothing internal.
    switch_to(driver, server, state, owner, case_path, check_page)
    check_page("decided case as project owner")
    opinion = panel(driver, "The committee's opinion")
    assert opinion is not None, "the project owner does not see the opinion"
    assert "Favourable with conditions" in opinion.text
    assert opinion.find_element(By.CSS_SELECTOR, ".prose strong").text == "favourable"
    assert [" ".join(e.text.split()) for e in opinion.find_elements(By.CSS_SELECTOR, "ul.conditions li > p > strong")] == CONDITIONS
    assert f"Owner: {OWNER['name']}" in opinion.text
    seen = main_text(driver)
    html = driver.page_source
    for secret in (REVIEW_TEXT["grace"], REVIEW_TEXT["iris"], COMMENT, IRIS["name"], GRACE["name"],
                   ALAN["name"]):
        assert secret not in seen and secret not in html, f"the project owner sees {secret!r}"
    for heading in ("Reviewers", "Record the decision", "Ask the project owner", "Conflict of interest"):
        assert panel(driver, heading) is None, f"the project owner sees {heading!r}"
    for heading, empty in (("Reviews", "No review yet."), ("Internal discussion", "No comment yet.")):
        shown = panel(driver, heading)
        expect(page_checker, shown is None,
               f"{case_path} as the project owner (role submitter, case decided after two reviews "
               f"and one comment): the section <h2>{heading}</h2> is shown"
               + (f" and says {empty!r}" if shown is not None and empty in shown.text else "")
               + "; submitters never see internal reviews or the discussion")
    for name in ("Submit the review", "Add the comment", "Record the decision"):
        assert not driver.find_elements(By.XPATH, f"//button[normalize-space()=\"{name}\"]"), name

    # --- The project owner prints the opinion letter: the decision, the conditions with their owner and due
    # date, and the chair's signature block, on one A4 page, with nothing internal.
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Print the opinion letter"))
    check_page("opinion letter as project owner")
    conditions = [" ".join(row.text.split()) for row in driver.find_elements(By.CSS_SELECTOR, "section.conditions tbody tr")]
    assert len(conditions) == len(CONDITIONS) and all(text in row for text, row in zip(CONDITIONS, conditions)), conditions
    letter_text, letter_pages = print_pdf(driver, "opinion-letter.pdf")
    flat = " ".join(letter_text.split())
    # (Condition texts wrap inside their table cells in the PDF's text: they are checked on the page above.)
    for expected in ["OPINION OF THE COMMITTEE", "Favourable with conditions", OWNER["name"], "Conditions", "Owner",
                     "Due by", "For the committee,", "Chair of the committee"]:
        assert expected in flat, (expected, flat[:2000])
    for secret in (REVIEW_TEXT["grace"], REVIEW_TEXT["iris"], COMMENT):
        assert secret not in flat, f"the opinion letter shows {secret!r}"
    assert letter_pages == 1, letter_pages
    driver.get(server.url(case_path))  # the letter has no header: back to the case to sign out

    # --- The secretary marks each condition met; the last one closes the case.
    switch_to(driver, server, state, sec, case_path, check_page)
    check_page("decided case as secretary")
    for index, text in enumerate(CONDITIONS):
        item = condition_item(driver, text)
        evidence = item.find_element(By.CSS_SELECTOR, "input[name=evidence]")
        label = item.find_element(By.CSS_SELECTOR, f"label[for='{evidence.get_attribute('id')}']")
        assert label.text == "Evidence"
        evidence.send_keys(f"Evidence {index + 1}: checked by the secretary on {committee_date()}.")
        click_and_wait(driver, item.find_element(By.XPATH, ".//button[normalize-space()='Mark as met']"))
        if index == 0:
            check_page("first condition met")
            assert flash(driver) == "The condition is met.", flash(driver)
            assert status_of(driver) == "Decided"
        else:
            check_page("last condition met, case closed")
            assert flash(driver) == "The last condition is met: the case is closed.", flash(driver)
            assert status_of(driver) == "Closed"
        assert "Met on" in condition_item(driver, text).text
    assert not driver.find_elements(By.CSS_SELECTOR, "ul.conditions form")


def test_an_unassigned_expert_sees_nothing_and_a_member_no_confidential_case(
        driver, server, check_page, state):
    accounts(server, state, *EVERYONE)
    sec = state["secretary"]

    # The secretary files a confidential case on behalf of the project owner, and submits it.
    switch_to(driver, server, state, sec, "/cases/new", check_page)
    check_page("new case form as secretary")
    choose_person(driver, "Project owner", OWNER["name"])
    fill_case(driver, CONFIDENTIAL_TITLE, customer_facing=False, personal_data=True, confidential=True,
              description="An assistant that summarises due-diligence documents.",
              answers={"training.ethics": "partly"})
    click_button(driver, "Save the draft")
    confidential_path = path_of(driver)
    assert re.fullmatch(r"/cases/\d+", confidential_path), driver.current_url
    check_page("confidential case draft as secretary")
    assert "Confidential" in text_of(driver, "main .badges")
    assert OWNER["name"] in main_text(driver)
    click_button(driver, "Submit to the committee")
    check_page("confidential case submitted")
    assert status_of(driver) == "Submitted"

    # The member's list does not show it, and its page is not found.
    switch_to(driver, server, state, IRIS, "/cases", check_page)
    check_page("cases as member")
    titles = list_titles(driver)
    assert CONFIDENTIAL_TITLE not in titles and CONFIDENTIAL_TITLE not in main_text(driver), titles
    if "case" in state:
        assert state["case"]["title"] in titles, titles
    driver.get(server.url(confidential_path))
    check_page("confidential case as member", expected_status=404)
    assert text_of(driver, "main h1") == "Page not found"
    assert CONFIDENTIAL_TITLE not in main_text(driver)

    # An expert assigned to nothing: an empty list, whichever tab is asked for, and 404s.
    switch_to(driver, server, state, KARL, "/", check_page)
    check_page("home as Karl Popper")
    click_and_wait(driver, nav_link(driver, "Cases"))
    check_page("cases as unassigned expert")
    assert list_titles(driver) == [] and count_label(driver) == "0 cases", count_label(driver)
    assert "No case here." in main_text(driver)
    driver.get(server.url("/cases?scope=all"))
    check_page("all cases asked by unassigned expert")
    assert list_titles(driver) == [] and count_label(driver) == "0 cases", count_label(driver)
    target = state["case"]["path"] if "case" in state else confidential_path
    driver.get(server.url(target))
    check_page("case as unassigned expert", expected_status=404)
    assert text_of(driver, "main h1") == "Page not found"
    for path in (confidential_path, target):
        assert raw_get(driver, server, path)[0] == 404, path
