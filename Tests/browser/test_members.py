"""The committee's members: the composition page, inviting an external expert who completes the
welcome page before anything else, declared interests, and seats (one chair at a time).

Runs against the session's server after the other journeys: the figures and the coverage are
read before and after, never assumed. Every page visited goes through check_page.
"""

import math
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from conftest import (flash_with_link, choose, click_and_wait, click_button, click_link, complete_welcome, field,
                      fill, find_button, nav_link, path_of, raw_get, set_date, sign_in, sign_out,
                      text_of, tick)

SECRETARY = {"email": "sam.secretary@example.org", "name": "Sam Secretary",
             "password": "Granite-Harbour-Violin-58"}
NEW_EXPERT = {"email": "nora.expert@example.org", "name": "Nora Expert",
              "password": "Silver-Meadow-Beacon-26",
              "affiliation": "Institute for Information Security, University of Lille",
              "areas": ["Security", "Law"]}
PAUL = {"email": "paul.member@example.org", "name": "Paul Member",
        "password": "Copper-Valley-Anchor-71"}
RITA = {"email": "rita.member@example.org", "name": "Rita Member",
        "password": "Linen-Orchard-Signal-35"}


# --- accounts made with the CLI ------------------------------------------------------------------

def secretary(server, state) -> dict:
    if "secretary" not in state:
        server.add_user(SECRETARY["email"], SECRETARY["name"], "secretary", SECRETARY["password"])
        state["secretary"] = SECRETARY
    return state["secretary"]


def onboarded_member(driver, server, state, who: dict, affiliation: str, areas: list[str],
                     check_page=None) -> dict:
    """A member made with the CLI, who has signed in once and completed the welcome page.
    Leaves the browser signed in as them, on the home page."""
    key = "member:" + who["email"]
    if key not in state:
        server.add_user(who["email"], who["name"], "member", who["password"])
        sign_in(driver, server, who["email"], who["password"])
        assert path_of(driver) == "/welcome", driver.current_url
        complete_welcome(driver, affiliation, areas)
        state[key] = who
    else:
        sign_in(driver, server, who["email"], who["password"])
    assert path_of(driver) == "/", driver.current_url
    if check_page:
        check_page(f"home as {who['name']}")
    return state[key]


# --- reading the Members page --------------------------------------------------------------------

def section(driver, heading: str):
    """The panel whose <h2> reads `heading`, or None."""
    found = driver.find_elements(
        By.XPATH, f"//main//section[h2[normalize-space()='{heading}']]")
    return found[0] if found else None


def figures(driver) -> dict[str, int]:
    """{"members sit": 3, "% are external": 33, "vote": 3} from the figures at the top."""
    result = {}
    for item in driver.find_elements(By.CSS_SELECTOR, "ul.figures li"):
        text = " ".join(item.text.split())
        match = re.fullmatch(r"(\d+)\s*(.+)", text)
        assert match, f"unexpected figure {text!r}"
        result[match.group(2)] = int(match.group(1))
    return result


def seated_count(figs: dict[str, int]) -> int:
    return next(v for k, v in figs.items() if k in ("members sit", "member sits"))


def directory(driver) -> dict[str, list[str]]:
    """The members table: name → the other cells, by the name's link text."""
    rows = {}
    table = driver.find_element(By.CSS_SELECTOR, "main section table")
    for row in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
        cells = [" ".join(c.text.split()) for c in row.find_elements(By.TAG_NAME, "td")]
        name = " ".join(row.find_element(By.CSS_SELECTOR, "td a").text.split())
        rows[name] = cells[1:]
    return rows


def coverage(driver) -> tuple[dict[str, int], str]:
    """({area: members covering it}, the "Nobody covers: …" notice or "")."""
    panel = section(driver, "Expertise coverage")
    assert panel is not None, "no Expertise coverage section"
    counts = {" ".join(li.find_element(By.CLASS_NAME, "area").text.split()):
              int(li.find_element(By.CLASS_NAME, "count").text)
              for li in panel.find_elements(By.CSS_SELECTOR, "ul.coverage li")}
    notices = panel.find_elements(By.CSS_SELECTOR, ".alert-soft")
    return counts, (" ".join(notices[0].text.split()) if notices else "")


def swift_round(value: float) -> int:
    return math.floor(value + 0.5)


def open_member(driver, name: str) -> None:
    """From the Members page, the member's own page."""
    click_and_wait(driver, driver.find_element(
        By.XPATH, f"//main//table//a[normalize-space()='{name}']"))


# --- the journeys --------------------------------------------------------------------------------

def test_secretary_invites_an_external_expert_who_signs_the_declaration_first(
        driver, server, check_page, state):
    sec = secretary(server, state)
    sign_in(driver, server, sec["email"], sec["password"])
    assert path_of(driver) == "/"
    click_and_wait(driver, nav_link(driver, "Members"))
    assert path_of(driver) == "/members"
    check_page("members as secretary")
    assert text_of(driver, "h1") == "Members of the committee"

    # The figures before, and the coverage.
    before = figures(driver)
    assert set(before) >= {"% are external"} and len(before) == 3, before
    rows_before = directory(driver)
    seated_before = seated_count(before)
    assert seated_before == len(rows_before), (before, rows_before)
    externals_before = sum(1 for cells in rows_before.values() if cells[2].startswith("External"))
    assert before["% are external"] == (swift_round(externals_before * 100 / seated_before)
                                        if seated_before else 0), (before, rows_before)
    counts_before, uncovered_before = coverage(driver)
    assert set(counts_before) == {"Data", "Artificial intelligence", "Law",
                                  "Ethics and philosophy", "Customer relations", "Security"}
    if counts_before["Security"] == 0:
        assert uncovered_before.startswith("Nobody covers:") and "Security" in uncovered_before
    for heading in ("Terms ending in the next 90 days", "Declarations due"):
        assert section(driver, heading) is not None, f"no {heading!r} section for the secretary"

    # The secretary invites an external expert from the Members page.
    click_link(driver, "Invite a member or expert")
    assert path_of(driver) == "/invitations/new"
    check_page("invitation form as secretary")
    roles = [o.text for o in Select(field(driver, "Role")).options]
    assert roles == ["Member", "External expert", "Project owner"], roles
    fill(driver, "Email", NEW_EXPERT["email"])
    fill(driver, "Full name", NEW_EXPERT["name"])
    choose(driver, "Role", "External expert")
    fill(driver, "Link valid for (days)", "5")
    fill(driver, "Personal message", "The committee would value your view on security.")
    click_button(driver, "Create the invitation link")

    check_page("invitation created by the secretary")
    flash = flash_with_link(driver)
    match = re.search(r"(https?://\S+/join/[A-Za-z0-9_\-]+)", flash)
    assert flash.startswith("Invitation created. Send this link; it works once:") and match, flash
    first_link = match.group(1)
    main = driver.find_element(By.TAG_NAME, "main").text
    assert NEW_EXPERT["email"] in main and "External expert" in main
    assert find_button(driver, "Revoke the invitation")

    # Re-sending makes a new link and the first one stops working.
    click_button(driver, "Re-send with a new link")
    check_page("invitation re-sent")
    match = re.search(r"(https?://\S+/join/[A-Za-z0-9_\-]+)", flash_with_link(driver))
    assert match, text_of(driver, ".flash")
    link = match.group(1)
    assert link != first_link and link.startswith(server.base_url + "/join/")
    invitation_page = path_of(driver)
    assert re.fullmatch(r"/invitations/\d+", invitation_page), invitation_page

    click_and_wait(driver, nav_link(driver, "Members"))
    pending = section(driver, "Pending invitations")
    assert pending is not None and NEW_EXPERT["email"] in pending.text
    sign_out(driver)

    driver.get(first_link)
    check_page("re-sent invitation, old link", expected_status=410)
    assert text_of(driver, "h1") == "This link cannot be used"

    # The expert opens the new link and chooses a password.
    driver.get(link)
    check_page("invitation link from the secretary")
    assert field(driver, "Email").get_attribute("value") == NEW_EXPERT["email"]
    fill(driver, "New password", NEW_EXPERT["password"])
    fill(driver, "Repeat the password", NEW_EXPERT["password"])
    click_button(driver, "Create my account")
    assert path_of(driver) == "/welcome", driver.current_url
    check_page("welcome page as invited expert")

    # Nothing else opens before the welcome page is done: the server redirects there.
    for path in ("/members", "/", "/account/password", invitation_page):
        status, location = raw_get(driver, server, path)
        assert status in (302, 303) and location.endswith("/welcome"), (path, status, location)
    for path in ("/members", "/"):
        driver.get(server.url(path))
        assert path_of(driver) == "/welcome", f"{path} led to {driver.current_url}"

    # Without the tick: refused, with everything typed kept.
    fill(driver, "Affiliation", NEW_EXPERT["affiliation"])
    for area in NEW_EXPERT["areas"]:
        tick(driver, area)
    click_button(driver, "Sign and continue")
    check_page("welcome page without the tick", expected_status=422)
    assert path_of(driver) == "/welcome"
    error = driver.find_element(By.ID, "accept-error")
    assert " ".join(error.text.split()) == "Tick the box to sign the declaration."
    accept = field(driver, "I have read this declaration and I sign it.")
    assert accept.get_attribute("aria-invalid") == "true"
    assert "accept-error" in (accept.get_attribute("aria-describedby") or "")
    assert not accept.is_selected()
    assert field(driver, "Affiliation").get_attribute("value") == NEW_EXPERT["affiliation"]
    for area in ("Data", "Artificial intelligence", "Law", "Ethics and philosophy",
                 "Customer relations", "Security", "Other"):
        assert field(driver, area).is_selected() == (area in NEW_EXPERT["areas"]), area

    tick(driver, "I have read this declaration and I sign it.")
    click_button(driver, "Sign and continue")
    assert path_of(driver) == "/", driver.current_url
    check_page("home as invited expert")
    assert text_of(driver, ".flash") == "Thank you. Your profile is complete and your declaration signed."
    assert text_of(driver, "h1") == f"Welcome, {NEW_EXPERT['name']}"
    assert text_of(driver, "header .badge") == "External expert"
    state["new_expert"] = NEW_EXPERT

    # The expert's view of the Members page: the directory only.
    click_and_wait(driver, nav_link(driver, "Members"))
    check_page("members as expert")
    main = driver.find_element(By.TAG_NAME, "main")
    assert "@" not in main.text, "an expert sees e-mail addresses on /members"
    assert not main.find_elements(By.CSS_SELECTOR, "a[href^='mailto:']")
    for heading in ("Declarations due", "Pending invitations", "Terms ending in the next 90 days"):
        assert section(driver, heading) is None, f"an expert sees {heading!r}"
    assert "Declarations due" not in main.text
    assert not driver.find_elements(By.CSS_SELECTOR, "ul.figures")
    header = [" ".join(th.get_attribute("textContent").split())
              for th in main.find_elements(By.CSS_SELECTOR, "table th")]
    assert header == ["Full name", "Affiliation", "Areas of expertise"], header
    assert NEW_EXPERT["name"] in directory(driver)
    assert not driver.find_elements(By.LINK_TEXT, "Invite a member or expert")

    # Another member's page, as the expert: no e-mail, no interests.
    other = next((name for name in directory(driver) if name != NEW_EXPERT["name"]), None)
    if other:
        open_member(driver, other)
        check_page("another member's page as expert")
        main = driver.find_element(By.TAG_NAME, "main")
        assert "@" not in main.text and "Declared interests" not in main.text
        assert not driver.find_elements(By.ID, "organisation")
    sign_out(driver)

    # The secretary's Members page now lists the expert; the figures and coverage moved.
    sign_in(driver, server, sec["email"], sec["password"])
    driver.get(server.url("/members"))
    check_page("members as secretary, after")
    after = figures(driver)
    rows = directory(driver)
    assert NEW_EXPERT["name"] in rows, rows
    affiliation, expertise, seat = rows[NEW_EXPERT["name"]][:3]
    assert affiliation == NEW_EXPERT["affiliation"]
    assert set(expertise.split(", ")) == set(NEW_EXPERT["areas"]), expertise
    assert seat.startswith("External"), seat
    assert seated_count(after) == seated_before + 1, (before, after)
    expected_share = swift_round((externals_before + 1) * 100 / (seated_before + 1))
    assert after["% are external"] == expected_share, (before, after)
    assert after["% are external"] != before["% are external"] or externals_before == seated_before
    counts_after, uncovered_after = coverage(driver)
    for area in NEW_EXPERT["areas"]:
        assert counts_after[area] == counts_before[area] + 1, (area, counts_before, counts_after)
    assert "Security" not in uncovered_after, uncovered_after
    assert NEW_EXPERT["email"] not in (section(driver, "Pending invitations").text
                                       if section(driver, "Pending invitations") else "")


def test_member_declares_an_interest_and_withdraws_it(driver, server, check_page, state):
    onboarded_member(driver, server, state, PAUL, "Customer service department",
                     ["Customer relations", "Other"], check_page)
    click_and_wait(driver, nav_link(driver, "Members"))
    check_page("members as member")
    assert section(driver, "Declarations due") is not None
    open_member(driver, PAUL["name"])
    own_page = path_of(driver)
    assert re.fullmatch(r"/members/\d+", own_page), own_page
    check_page("own member page")
    assert PAUL["email"] in driver.find_element(By.TAG_NAME, "main").text
    interests = section(driver, "Declared interests")
    assert interests is not None and "No interest declared." in interests.text
    assert find_button(driver, "Sign the declaration")
    assert not driver.find_elements(By.ID, "position"), "a member sees the seat form"

    fill(driver, "Organisation", "Acme Chatbots SAS")
    fill(driver, "Nature of the interest", "Shareholder")
    set_date(driver, "Since", "2023-04-01")
    click_button(driver, "Add the interest")
    assert path_of(driver) == own_page
    check_page("interest declared")
    assert text_of(driver, ".flash") == "The interest has been declared."
    row = section(driver, "Declared interests").find_element(
        By.XPATH, ".//tr[td[normalize-space()='Acme Chatbots SAS']]")
    assert "Shareholder" in row.text and "Withdraw" in row.text

    click_and_wait(driver, row.find_element(By.XPATH, ".//button[normalize-space()='Withdraw']"))
    assert path_of(driver) == own_page
    check_page("interest withdrawn")
    assert text_of(driver, ".flash") == "The interest has been withdrawn."
    row = section(driver, "Declared interests").find_element(
        By.XPATH, ".//tr[td[normalize-space()='Acme Chatbots SAS']]")
    assert "Withdrawn on" in row.text, row.text
    assert not row.find_elements(By.TAG_NAME, "button")

    # Editing one's own profile.
    click_link(driver, "Edit the profile")
    assert path_of(driver) == own_page + "/profile"
    check_page("own profile form")
    assert field(driver, "Affiliation").get_attribute("value") == "Customer service department"
    assert field(driver, "Customer relations").is_selected()
    fill(driver, "Affiliation", "Customer service, Paris")
    click_button(driver, "Save the profile")
    assert path_of(driver) == own_page
    assert text_of(driver, ".flash") == "The profile has been saved."
    assert "Customer service, Paris" in driver.find_element(By.TAG_NAME, "main").text


def test_secretary_gives_the_chair_and_a_second_chair_is_refused(
        driver, server, check_page, state):
    for who, affiliation, areas in ((PAUL, "Customer service department",
                                     ["Customer relations", "Other"]),
                                    (RITA, "Legal department", ["Law"])):
        onboarded_member(driver, server, state, who, affiliation, areas)
        sign_out(driver)
    sec = secretary(server, state)
    sign_in(driver, server, sec["email"], sec["password"])
    click_and_wait(driver, nav_link(driver, "Members"))
    open_member(driver, PAUL["name"])
    paul_page = path_of(driver)
    check_page("member page as secretary")
    assert section(driver, "Seat on the committee") is not None
    assert section(driver, "Declared interests") is not None
    positions = [o.text for o in Select(field(driver, "Position")).options]
    assert positions == ["Chair", "Vice-chair", "No position"], positions

    choose(driver, "Position", "Chair")
    tick(driver, "External member (independent of the company)", False)
    tick(driver, "Votes in meetings (untick for an observer)", True)
    set_date(driver, "Term starts", "2025-01-01")
    set_date(driver, "Term ends", "2027-12-31")
    click_button(driver, "Save the seat")
    assert path_of(driver) == paul_page
    check_page("seat saved")
    assert text_of(driver, ".flash") == "The seat has been saved."
    assert text_of(driver, "h1 .badge") == "Chair"
    assert Select(field(driver, "Position")).first_selected_option.text == "Chair"

    # A second chair is refused, with the holder's name.
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, ".eyebrow a"))
    assert path_of(driver) == "/members"
    badge = driver.find_element(By.XPATH, f"//main//td[a[normalize-space()='{PAUL['name']}']]"
                                          "/span[contains(@class, 'badge')]")
    assert badge.text == "Chair"
    open_member(driver, RITA["name"])
    choose(driver, "Position", "Chair")
    click_button(driver, "Save the seat")
    check_page("second chair refused", expected_status=422)
    error = driver.find_element(By.ID, "position-error")
    assert " ".join(error.text.split()) == (f"{PAUL['name']} already holds this position. "
                                            "Give them another position first.")
    assert field(driver, "Position").get_attribute("aria-invalid") == "true"
    assert not driver.find_elements(By.CSS_SELECTOR, "h1 .badge"), "Rita became chair"
    print("position shown after the refusal:",
          Select(field(driver, "Position")).first_selected_option.text)
