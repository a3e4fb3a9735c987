"""Issue 8's "Done when" with case items: two cases in review (one confidential, reviewed by one
member only), a member recused on case A; the secretary plans a meeting with three items (case A,
case B, a free item), invites the voting members and an external expert, holds it; quorum for case
A is refused (reason shown, vote refused) until enough non-recused members are present; votes with
a dissent; case A becomes "Decided" with its condition; the prefilled minutes are edited, approved by
the chair, then locked (no form, a direct POST refused); the print view printed by Chromium holds the
attendance, the decisions and the dissent; the invited expert, who may not see case B, sees it as
"Confidential item" with no title and no votes, on the meeting page, the minutes and the print view.
The meeting page and the print view once in French.

Accounts are made with the CLI; members and experts complete the welcome page at their first
sign-in (test_cases.switch_to). The chair given here is taken back at the end (test_members.py
gives the chair later in the run). Figures (who votes) are read from the pages, never assumed.
"""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from conftest import (choose, click_and_wait, click_button, click_link, fill, nav_link, path_of,
                      raw_get, set_date, text_of, tick)
from test_cases import (accounts, assign, committee_date, expect, fill_case, flash, main_text, panel,
                        status_of, switch_to)
from test_french import _ENGLISH
from test_meetings import print_pdf
from test_members import open_member

SEC = {"email": "hana.secretary@meet.example", "name": "Hana Sato",
       "password": "Velvet-Compass-Meadow-42", "role": "secretary"}
OWNER = {"email": "pablo.owner@meet.example", "name": "Pablo Owner",
         "password": "Saffron-Kettle-Bridge-17", "role": "submitter"}
CHLOE = {"email": "chloe.moreau@meet.example", "name": "Chloé Moreau", "role": "member",
         "password": "Juniper-Falcon-Ledger-58", "affiliation": "Legal department", "areas": ["Law"]}
DMITRI = {"email": "dmitri.ivanov@meet.example", "name": "Dmitri Ivanov", "role": "member",
          "password": "Topaz-Harvest-Mirror-33", "affiliation": "Finance department",
          "areas": ["Ethics and philosophy"]}
EVA = {"email": "eva.schmidt@meet.example", "name": "Eva Schmidt", "role": "member",
       "password": "Coral-Lantern-Summit-29", "affiliation": "Customer service department",
       "areas": ["Customer relations"]}
FARID = {"email": "farid.benali@meet.example", "name": "Farid Benali", "role": "member",
         "password": "Quartz-Meadow-Signal-84", "affiliation": "IT department",
         "areas": ["Artificial intelligence"]}
ADA = {"email": "ada.lovelace@meet.example", "name": "Ada Lovelace", "role": "expert",
       "password": "Engine-Velvet-Harbour-61", "affiliation": "University of London",
       "areas": ["Artificial intelligence"]}
EVERYONE = (SEC, OWNER, CHLOE, DMITRI, EVA, FARID, ADA)

CASE_A = "Invoice triage assistant"
CASE_B = "Acquisition due-diligence summariser"
FREE_ITEM = "Annual report schedule"
MEETING = "Spring plenary"
DISSENT = "The supplier's error rates on scanned invoices are unknown."
DECISION_A = "A **favourable** opinion on the invoice assistant, once error rates are measured."
DECISION_B = "A favourable opinion on the summariser for the merger team."
DECISION_FREE = "The schedule of the annual report is adopted."
CONDITION_A = "Measure the error rate on a sample of scanned invoices before launch."
CLOSING = "The meeting closed at 17:30."
REFUSED_MAJORITY = ("not reached: more than half of the voting members (not counting those recused) "
                    "must be present.")
# English interface labels that must not be left on the French meeting page or print view.
MEETING_ENGLISH = ["Attendance", "Agenda", "Minutes", "Present", "Absent", "Excused", "Decision",
                   "Dissent", "Recused", "Print view", "Add to my calendar",
                   "Confidential item", "Held", "Planned", "Back to the minutes", "The chair",
                   "The secretary", "Approved by", "Seat", "External", "Internal", "For", "Against",
                   "Abstain", "Favourable", "Adopted", "Date and time", "Place", "Meetings",
                   "Sign out", "Name", "Case", "Item", "Agenda, votes and decisions"]
_MEETING_ENGLISH = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, MEETING_ENGLISH)) + r")(?![\w-])")
# The interface text of a page, without what people wrote (Markdown rendered in .prose) and the
# names and titles of the test data.
UI_TEXT = """
var body = document.body.cloneNode(true);
body.querySelectorAll('script, style, template, .prose').forEach(function (e) { e.remove(); });
return document.title + '\\n' + body.textContent;
"""


# --- helpers -------------------------------------------------------------------------------------

def item(driver, number: int):
    """The meeting page's agenda <article> numbered `number`."""
    return driver.find_element(
        By.XPATH, f"//main//article[contains(@class, 'agenda-item')][h3[starts-with(normalize-space(), '{number}.')]]")


def heading(article) -> str:
    return " ".join(article.find_element(By.TAG_NAME, "h3").text.split())


def control(scope, label: str, starts: bool = False):
    """The control whose <label> (text content, visible or not) reads `label`, inside `scope`."""
    test = f"starts-with(normalize-space(), \"{label}\")" if starts else f"normalize-space()=\"{label}\""
    found = scope.find_element(By.XPATH, f".//label[{test}]")
    return scope.find_element(By.ID, found.get_attribute("for"))


def roll(article) -> list[str]:
    """The names on an item's roll call (the vote form's labels that have a vote select)."""
    names = []
    for select in article.find_elements(By.CSS_SELECTOR, "form.vote select[name^='vote_']"):
        label = article.find_element(By.CSS_SELECTOR, f"label[for='{select.get_attribute('id')}']")
        names.append(" ".join(label.get_attribute("textContent").split()))
    return names


def attendance_rows(driver) -> dict[str, list[str]]:
    rows = {}
    for row in panel(driver, "Attendance").find_elements(By.CSS_SELECTOR, "tbody tr"):
        cells = []
        for cell in row.find_elements(By.TAG_NAME, "td"):
            select = cell.find_elements(By.TAG_NAME, "select")  # the secretary's form: the choice made
            cells.append(Select(select[0]).first_selected_option.text if select
                         else " ".join(cell.get_attribute("textContent").split()))
        rows[cells[0]] = cells[1:]
    return rows


def record_attendance(driver, present: set[str]) -> None:
    """Present for the names given (the attendance label starts with "Attendance — Name"), absent for
    everyone else invited."""
    table = panel(driver, "Attendance")
    for select in table.find_elements(By.CSS_SELECTOR, "select[id^='attendance_']"):
        label = table.find_element(By.CSS_SELECTOR, f"label[for='{select.get_attribute('id')}']")
        name = " ".join(label.get_attribute("textContent").split()).removeprefix("Attendance — ")
        name = re.sub(r" \(Chair\)$", "", name)
        Select(select).select_by_visible_text("Present" if name in present else "Absent")
    click_button(driver, "Save the attendance")


def vote(driver, number: int, choices: dict[str, str], default: str, outcome: str, decision: str,
         dissents: dict[str, str] | None = None, condition: tuple[str, str, str] | None = None) -> None:
    article = item(driver, number)
    for name in roll(article):
        Select(control(article, name)).select_by_visible_text(choices.get(name, default))
    for name, note in (dissents or {}).items():
        control(article, f"Dissent — {name}").send_keys(note)
    Select(control(article, "Proposed decision")).select_by_visible_text(outcome)
    control(article, "Decision text").send_keys(decision)
    if condition:
        text, owner, due = condition
        control(article, "Condition 1").send_keys(text)
        owner_field = control(article, "Owner of condition 1")  # a person field: a name or an e-mail address
        owner_field.clear()
        owner_field.send_keys(owner)
        due_input = control(article, "Due 1")
        driver.execute_script("arguments[0].value = arguments[1];", due_input, due)
    click_and_wait(driver, article.find_element(
        By.XPATH, ".//button[normalize-space()='Record the votes and the decision']"))


def path_of_url(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def alert(driver) -> str:
    found = driver.find_elements(By.CSS_SELECTOR, "main .alert[role=alert]")
    return " ".join(found[0].text.split()) if found else ""


def quorum_line(article) -> str:
    found = article.find_elements(By.XPATH, ".//p[starts-with(normalize-space(), 'Quorum')]")
    return " ".join(found[0].text.split()) if found else ""


def new_case(driver, title: str, confidential: bool, description: str) -> str:
    click_and_wait(driver, nav_link(driver, "Cases"))
    click_link(driver, "New case")
    fill_case(driver, title, customer_facing=False, personal_data=True, confidential=confidential,
              description=description, answers={})
    click_button(driver, "Save the draft")
    path = path_of(driver)
    assert re.fullmatch(r"/cases/\d+", path), driver.current_url
    click_button(driver, "Submit to the committee")
    assert status_of(driver) == "Submitted", status_of(driver)
    return path


def french_left(driver) -> list[str]:
    """English interface labels left on a French page (what people wrote is not looked at)."""
    text = driver.execute_script(UI_TEXT)
    return sorted(set(_MEETING_ENGLISH.findall(text)) | set(_ENGLISH.findall(text)))


def post_form(driver, action: str, fields: dict[str, str]) -> None:
    """A direct POST (as a crafted or replayed request would be) with the page's CSRF token."""
    driver.execute_script("""
        var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];
        var fields = arguments[1];
        fields._csrf = document.querySelector('input[name=_csrf]').value;
        Object.keys(fields).forEach(function (k) {
          var i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = fields[k];
          f.appendChild(i); });
        document.body.appendChild(f); window.__posted = true; f.submit();""", action, fields)
    WebDriverWait(driver, 10).until(lambda d: not d.execute_script("return window.__posted === true")
                                    and d.execute_script("return document.readyState") == "complete")


# --- the journey ---------------------------------------------------------------------------------

def test_meeting_decides_a_case_with_a_recusal_and_redacts_the_confidential_one(
        driver, server, check_page, page_checker, state):
    accounts(server, state, *EVERYONE)
    due = committee_date(21)

    # --- Members and the expert complete the welcome page; the secretary seats the chair.
    # If a charter is published by then (test_governance.py), reviewers acknowledge it first.
    for who in (CHLOE, DMITRI, EVA, FARID, ADA):
        switch_to(driver, server, state, who, "/", check_page)
        if driver.find_elements(By.LINK_TEXT, "Read and acknowledge"):
            click_link(driver, "Read and acknowledge")
            click_and_wait(driver, driver.find_element(
                By.XPATH, "//button[starts-with(normalize-space(), 'I have read and accept version')]"))
            assert flash(driver) == "Thank you: your acknowledgement has been recorded.", flash(driver)
    switch_to(driver, server, state, SEC, "/", check_page)
    click_and_wait(driver, nav_link(driver, "Members"))
    open_member(driver, CHLOE["name"])
    chloe_page = path_of(driver)
    choose(driver, "Position", "Chair")
    tick(driver, "Votes in meetings (untick for an observer)", True)
    set_date(driver, "Term starts", "2025-01-01")
    set_date(driver, "Term ends", "2028-12-31")
    click_button(driver, "Save the seat")
    check_page("chair seated for the meeting")
    assert flash(driver) == "The seat has been saved.", flash(driver)

    try:
        _journey(driver, server, check_page, page_checker, state, due)
    finally:
        # Give the chair back (test_members.py seats its own chair later in the run).
        driver.get(server.url("/healthz"))
        driver.delete_all_cookies()
        switch_to(driver, server, state, SEC, chloe_page, check_page)
        if driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != "en":
            Select(driver.find_element(By.ID, "language-switch")).select_by_visible_text("English")
            click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.language button[type=submit]"))
        choose(driver, "Position", "No position")
        click_button(driver, "Save the seat")
        assert flash(driver) == "The seat has been saved.", flash(driver)


def _journey(driver, server, check_page, page_checker, state, due):
    # --- The project owner files two cases through the UI; B is confidential.
    switch_to(driver, server, state, OWNER, "/", check_page)
    case_a = new_case(driver, CASE_A, False, "Sorts incoming invoices and flags anomalies.")
    check_page("case A submitted")
    case_b = new_case(driver, CASE_B, True, "Summarises the data room of an acquisition target.")
    check_page("case B submitted (confidential)")

    # --- The secretary assigns reviewers: A to Dmitri, Eva and the expert; B to Farid only.
    switch_to(driver, server, state, SEC, case_a, check_page)
    for who in (DMITRI, EVA, ADA):
        assign(driver, who["name"], due)
        assert flash(driver) == "The reviewer has been assigned.", flash(driver)
    check_page("case A, three reviewers")
    assert status_of(driver) == "In review"
    driver.get(server.url(case_b))
    assign(driver, FARID["name"], due)
    check_page("case B, one reviewer")
    assert status_of(driver) == "In review"

    # --- Dmitri, a voting member, declares a conflict on case A.
    switch_to(driver, server, state, DMITRI, case_a, check_page)
    check_page("case A as Dmitri")
    fill(driver, "Reason", "My brother-in-law sells the invoice software.")
    tick(driver, "I understand that I lose access to this case at once, and that this cannot be undone.")
    click_button(driver, "Declare a conflict and recuse myself")
    check_page("Dmitri recused from case A")
    assert flash(driver) == "You are recused from that case; it no longer appears in your lists."

    # --- The secretary plans the meeting: voting members ticked by default, the expert invited.
    switch_to(driver, server, state, SEC, "/", check_page)
    click_and_wait(driver, nav_link(driver, "Meetings"))
    click_link(driver, "Plan a meeting")
    check_page("meeting form (case journey)")
    fill(driver, "Title", MEETING)
    starts = committee_date(1) + "T14:00"
    driver.execute_script("arguments[0].value = arguments[1];", control(driver, "Date and time"), starts)
    fill(driver, "Place", "Board room, 3rd floor")
    invitees = {}
    for box in driver.find_elements(By.CSS_SELECTOR, "input[name=invitees]"):
        label = driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")
        invitees[" ".join(label.text.split())] = box
    voting_labels = [label for label in invitees if "non-voting" not in label]
    assert all(invitees[label].is_selected() for label in voting_labels), "voting members not ticked by default"
    ada_label = next(label for label in invitees if label.startswith(ADA["name"] + " ("))
    assert ada_label == f"{ADA['name']} (External)", ada_label
    tick(driver, ada_label, True)
    click_button(driver, "Plan the meeting")
    meeting = path_of(driver)
    assert re.fullmatch(r"/meetings/\d+", meeting), driver.current_url
    assert flash(driver) == "The meeting is planned.", flash(driver)

    # --- Three items: case A, case B, a free item (only cases in review are suggested; the field takes a ready case's
    #     number or title, typed).
    offered = [o.get_attribute("label") or o.get_attribute("textContent") for o in driver.find_elements(By.CSS_SELECTOR, "#case_id-cases option")]
    assert CASE_A in offered and CASE_B in offered, offered
    for title in (CASE_A, CASE_B):
        fill(driver, "A case ready for a decision", title)
        click_and_wait(driver, driver.find_element(
            By.XPATH, "//form[.//input[@id='case_id']]//button[normalize-space()='Add']"))
        assert flash(driver) == "Added to the agenda.", flash(driver)
    fill(driver, "Other item (title)", FREE_ITEM)
    fill(driver, "Note", "Draft due in **March**.")
    click_and_wait(driver, driver.find_element(
        By.XPATH, "//form[.//input[@id='item_title']]//button[normalize-space()='Add']"))
    check_page("agenda with two cases and a free item")
    assert [heading(item(driver, n)) for n in (1, 2, 3)] == \
        [f"1. {CASE_A} Case", f"2. {CASE_B} Case", f"3. {FREE_ITEM} Item"]

    # --- Held: Chloé, Dmitri and Eva present, everyone else absent.
    click_button(driver, "Open the meeting (it is taking place)")
    check_page("meeting held (case journey)")
    assert flash(driver) == "The meeting is open: record attendance, then the votes.", flash(driver)
    rows = attendance_rows(driver)
    voters = [name for name, cells in rows.items() if "non-voting" not in cells[0]]
    assert f"{CHLOE['name']} (Chair)" in rows, rows
    assert ADA["name"] in rows and rows[ADA["name"]][0].startswith("External"), rows
    record_attendance(driver, {CHLOE["name"], DMITRI["name"], EVA["name"]})
    check_page("attendance: three present")
    assert flash(driver) == "Attendance saved.", flash(driver)
    assert attendance_rows(driver)[DMITRI["name"]][-1] == "Present"  # the last column (the answer to the invitation comes before it)

    # Case A: Dmitri is recused, so 2 of the others; case B: 3 of all the voting members.
    a, b = item(driver, 1), item(driver, 2)
    assert f"Recused: {DMITRI['name']}" in a.text, a.text
    assert quorum_line(a) == "Quorum: " + REFUSED_MAJORITY, (quorum_line(a), len(voters))
    reached_b = 3 * 2 > len(voters)
    assert quorum_line(b) == ("Quorum: reached for this item." if reached_b else "Quorum: " + REFUSED_MAJORITY), \
        (quorum_line(b), len(voters))
    assert sorted(roll(a)) == sorted([CHLOE["name"], EVA["name"]]), roll(a)
    assert DMITRI["name"] in roll(b), roll(b)

    # A vote on case A without quorum is refused with the reason.
    vote(driver, 1, {}, "For", "Favourable", "Too early.")
    check_page("vote on case A refused: no quorum", expected_status=422)
    refusal = alert(driver)
    assert refusal.endswith(REFUSED_MAJORITY), refusal
    expect(page_checker, "quorum" in refusal.lower(),
           f"{meeting}: a vote on an item without quorum is refused with the alert {refusal!r}, "
           "which does not say that the quorum is what is missing")
    driver.get(server.url(case_a))
    assert status_of(driver) == "In review", "a refused vote changed the case"

    # Everyone invited is present: quorum reached on case A (Dmitri still not on the roll).
    driver.get(server.url(meeting))
    record_attendance(driver, {re.sub(r" \(Chair\)$", "", name) for name in rows})
    check_page("attendance: all present")
    a = item(driver, 1)
    assert quorum_line(a) == "Quorum: reached for this item.", quorum_line(a)
    assert DMITRI["name"] not in roll(a) and FARID["name"] in roll(a), roll(a)

    # --- Votes: case A favourable with a condition, Farid against with a dissent.
    vote_form = a.find_element(By.CSS_SELECTOR, "form.vote")
    vote_action = path_of_url(vote_form.get_attribute("action"))
    replay = {e.get_attribute("name"): "for" for e in vote_form.find_elements(By.CSS_SELECTOR, "select[name^='vote_']")}
    replay.update(outcome="favourable", decision="Replayed.")
    vote(driver, 1, {FARID["name"]: "Against"}, "For", "Favourable with conditions", DECISION_A,
         dissents={FARID["name"]: DISSENT}, condition=(CONDITION_A, OWNER["name"], committee_date(60)))
    check_page("case A decided in the meeting")
    assert flash(driver) == "Votes and decision recorded.", flash(driver) + alert(driver)
    a = item(driver, 1)
    assert "Decision: Favourable with conditions" in a.text, a.text
    vote_rows = {c[0]: c[1:] for c in ([" ".join(td.text.split()) for td in tr.find_elements(By.TAG_NAME, "td")]
                                        for tr in a.find_elements(By.CSS_SELECTOR, "table tbody tr"))}
    assert vote_rows[FARID["name"]] == ["Against", DISSENT], vote_rows
    assert DMITRI["name"] not in vote_rows, vote_rows
    assert f"{len(vote_rows) - 1} For · 1 Against · 0 Abstain" in a.text, a.text

    # A second vote on the same item is refused: the form is gone, and a replay of it is refused.
    assert not a.find_elements(By.CSS_SELECTOR, "form.vote")
    post_form(driver, vote_action, replay)
    check_page("second vote on case A refused", expected_status=422)
    assert alert(driver) == "The votes on this item are already recorded.", alert(driver)
    assert "Replayed." not in main_text(driver)
    driver.get(server.url(meeting))
    vote(driver, 2, {}, "For", "Favourable", DECISION_B)
    check_page("case B decided in the meeting")
    assert flash(driver) == "Votes and decision recorded.", flash(driver) + alert(driver)
    vote(driver, 3, {}, "For", "Adopted", DECISION_FREE)
    check_page("free item adopted")
    assert flash(driver) == "Votes and decision recorded.", flash(driver) + alert(driver)

    # --- Case A is decided, with its condition.
    driver.get(server.url(case_a))
    check_page("case A decided, as secretary")
    assert status_of(driver) == "Decided", status_of(driver)
    opinion = panel(driver, "The committee's opinion")
    assert opinion is not None and "Favourable with conditions" in opinion.text, main_text(driver)[:800]
    assert CONDITION_A in opinion.text, opinion.text

    # --- The minutes come with one heading per item; the secretary writes under them and saves.
    driver.get(server.url(meeting))
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//ul[@class='actions']//a[normalize-space()='Minutes']"))
    minutes = path_of(driver)
    assert minutes == meeting + "/minutes", minutes
    check_page("minutes prefilled (case journey)")
    text = control(driver, "Minutes").get_attribute("value")
    for expected in (f"## 1. {CASE_A}", f"## 2. {CASE_B}", f"## 3. {FREE_ITEM}", "## Other business and closing"):
        assert expected in text, (expected, text)
    # The record (attendance, votes, decisions) is not copied into the text: the printed minutes take it once.
    for absent in ("Attendance", "Present", DISSENT, "Decision"):
        assert absent not in text, (absent, text)
    control(driver, "Minutes").send_keys("\n\n" + CLOSING)
    click_button(driver, "Save the draft")
    check_page("minutes edited and saved")
    assert flash(driver) == "The minutes were saved.", flash(driver)
    assert CLOSING in main_text(driver)
    assert "Draft: not yet approved." in main_text(driver)
    assert not driver.find_elements(By.XPATH, "//*[normalize-space()='Approve the minutes (chair)']"), \
        "the secretary may approve the minutes"

    # --- The chair approves them.
    switch_to(driver, server, state, CHLOE, minutes, check_page)
    check_page("minutes as the chair")
    click_link(driver, "Approve the minutes (chair)")
    check_page("minutes approval: confirmation")
    assert "can never be changed again" in text_of(driver, "main"), text_of(driver, "main")
    click_button(driver, "Approve the minutes")
    check_page("minutes approved")
    assert flash(driver) == "The minutes are approved and locked.", flash(driver)
    approval = " ".join(driver.find_element(
        By.XPATH, "//main//p[starts-with(normalize-space(), 'Approved by')]").text.split())
    assert approval.startswith(f"Approved by {CHLOE['name']} on "), approval

    # --- Locked: no form for the secretary, and a direct POST is refused.
    switch_to(driver, server, state, SEC, minutes, check_page)
    check_page("approved minutes as secretary")
    assert not driver.find_elements(By.ID, "markdown") and not driver.find_elements(
        By.XPATH, "//button[normalize-space()='Save the draft']"), "approved minutes still offer the edit form"
    post_form(driver, minutes, {"markdown": "# Rewritten"})
    check_page("direct POST on approved minutes refused", expected_status=422)
    assert alert(driver) == "Approved minutes cannot be changed.", alert(driver)
    driver.get(server.url(minutes))
    assert CLOSING in main_text(driver) and "Rewritten" not in main_text(driver)

    # --- The print view, printed by Chromium: attendance, the declaration of interest, numbered resolutions with
    # the condition, the tally, the dissent and the quorum, each once.
    driver.get(server.url(minutes + "/print"))
    check_page("minutes print view (case journey)")
    pdf_text, pages = print_pdf(driver)
    flat = " ".join(pdf_text.split())
    for expected in (MEETING, "Attendance", "Present", CHLOE["name"], DMITRI["name"], ADA["name"], CASE_A, CASE_B,
                     FREE_ITEM, "Resolution 1 — Favourable with conditions", "A favourable opinion on the invoice assistant",
                     DECISION_B, DECISION_FREE, DISSENT, f"{DMITRI['name']} declared a conflict of interest on item 1",
                     "Votes:", "Quorum:", CLOSING, f"Approved by {CHLOE['name']} on", "The chair", "The secretary"):
        assert expected in flat, (expected, flat[:3000])
    assert flat.count(DISSENT) == 1 and "DRAFT" not in flat, flat[:3000]
    # No resolution is split across two pages: each page has as many quorum statements as resolution heads.
    for page in (" ".join(p.split()) for p in pdf_text.split("\f") if p.strip()):
        assert page.count("Resolution ") == page.count("Quorum:"), page
    print(f"minutes PDF: {pages} page(s)")
    # Its length follows the committee's size (other journeys add members); every page is numbered.
    assert pages >= 1 and re.search(rf"Page {pages} of {pages}\b", flat), (pages, flat[-300:])

    # --- The invited expert: case A (assigned) in full, case B as a confidential item.
    driver.get(server.url(minutes))  # the print view has no header: back to sign out
    switch_to(driver, server, state, ADA, "/", check_page)
    click_and_wait(driver, nav_link(driver, "Meetings"))
    check_page("meetings as the invited expert")
    click_link(driver, MEETING)
    assert path_of(driver) == meeting
    check_page("meeting as the invited expert")
    a, b = item(driver, 1), item(driver, 2)
    assert heading(a).startswith(f"1. {CASE_A}") and a.find_elements(By.CSS_SELECTOR, "table tbody tr")
    assert heading(b) == "2. Confidential item Case", heading(b)
    assert not b.find_elements(By.TAG_NAME, "a") and not b.find_elements(By.TAG_NAME, "table"), b.text
    html = driver.page_source
    for secret in (CASE_B, DECISION_B, case_b):
        assert secret not in html, f"the expert's meeting page shows {secret!r}"
    assert raw_get(driver, server, case_b)[0] == 404
    driver.get(server.url(minutes))
    check_page("approved minutes as the invited expert")
    page = driver.page_source
    leaked = [s for s in (CASE_B, DECISION_B) if s in page]
    # Item 2's section (up to the next heading) must be empty: no votes, no decision.
    section_2 = re.search(r"<h2>2\. Confidential item</h2>(.*?)<h2>", page, re.S)
    if section_2 is None or "Votes" in section_2.group(1):
        leaked.append("the votes of item 2")
    expect(page_checker, not leaked and "2. Confidential item" in main_text(driver),
           f"{minutes} as the invited expert {ADA['name']}, who may not see case B ({case_b} answers 404): "
           f"the minutes text (saved from the browser's form) shows {leaked} under the heading "
           f"\"2. {CASE_B}\" instead of \"2. Confidential item\"")
    driver.get(server.url(minutes + "/print"))
    check_page("print view as the invited expert")
    section = driver.find_element(By.XPATH, "//section[contains(@class, 'item')][h3[starts-with(normalize-space(), '2.')]]")
    assert " ".join(section.text.split()) == "2. Confidential item", section.text
    printed = driver.page_source
    leaked = [s for s in (CASE_B, DECISION_B) if s in printed]
    expect(page_checker, not leaked,
           f"{minutes}/print as the invited expert {ADA['name']}: item 2 is redacted, but the document shows {leaked}")
    # Text tied to no item may speak of any: it is not shown to a reader who may not see every item.
    assert CLOSING not in printed, "the closing text is shown to a reader who may not see every item"
    assert DISSENT in driver.page_source, "the expert does not see the dissent on case A"

    # --- The meeting pack, printed: the invited expert gets case A's papers and "Not in your pack" for case B
    # (no title), with her name at the foot of every page.
    driver.get(server.url(meeting))
    click_link(driver, "Meeting pack (print)")
    check_page("meeting pack as the invited expert")
    pack_text, pack_pages = print_pdf(driver, "pack-expert.pdf")
    flat = " ".join(pack_text.split())
    assert CASE_A in flat and "Readiness assessment" in flat and "Not in your pack" in flat, flat[:2000]
    assert CASE_B not in flat and DECISION_B not in flat, "the expert's pack shows case B"
    pages = [" ".join(page.split()) for page in pack_text.split("\f") if page.strip()]
    assert len(pages) == pack_pages and all(f"Prepared for {ADA['name']} on" in page for page in pages), pages
    assert re.search(rf"Page {pack_pages} of {pack_pages}", flat), flat[-300:]

    # --- Dmitri, recused from case A, gets no papers for it.
    driver.get(server.url(meeting))
    switch_to(driver, server, state, DMITRI, meeting + "/pack", check_page)
    check_page("meeting pack after a recusal")
    recused_text, _ = print_pdf(driver, "pack-recused.pdf")
    recused_flat = " ".join(recused_text.split())
    assert "1. Not in your pack" in recused_flat and CASE_A not in recused_flat, recused_flat[:2000]
    assert f"Prepared for {DMITRI['name']} on" in recused_flat
    driver.get(server.url(meeting))

    # --- The meeting page and the print view in French, once.
    driver.get(server.url(minutes))
    switch_to(driver, server, state, SEC, meeting, check_page)
    choose(driver, "Language", "Français")
    click_button(driver, "Change")
    driver.get(server.url(meeting))
    check_page("meeting page in French")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    left = french_left(driver)
    expect(page_checker, not left, f"{meeting} in French: English left: {left}")
    driver.get(server.url(minutes + "/print"))
    check_page("minutes print view in French")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    left = french_left(driver)
    expect(page_checker, not left, f"{minutes}/print in French: English left: {left}")
    driver.get(server.url(meeting))
    Select(driver.find_element(By.ID, "language-switch")).select_by_visible_text("English")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.language button[type=submit]"))
