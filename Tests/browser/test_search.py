"""Search (issue 9): a project owner files two cases sharing a word, one of them confidential; the
secretary assigns an external expert to the open one and writes the minutes of a meeting. The expert
searches the shared word and finds only their case (the count says 1), and nothing for a word of the
confidential case; a member finds a line of the minutes and opens them, then searches in French.

Accounts are made with the CLI (addresses unique to this file); members and experts complete the
welcome page at their first sign-in (test_cases.switch_to). Every page goes through check_page.
"""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from conftest import click_and_wait, click_button, click_link, fill, nav_link, path_of
from test_cases import accounts, assign, committee_date, flash, main_text, switch_to
from test_meeting_cases import control, new_case

SEC = {"email": "sara.secretary@search.example", "name": "Sara Search", "role": "secretary",
       "password": "Maple-Harbour-Quill-53"}
OWNER = {"email": "otto.owner@search.example", "name": "Otto Owner", "role": "submitter",
         "password": "Cobalt-Willow-Tiger-28"}
EXPERT = {"email": "elena.expert@search.example", "name": "Elena Expert", "role": "expert",
          "password": "Silver-Badger-Canyon-46", "affiliation": "University of Lyon",
          "areas": ["Artificial intelligence"]}
MEMBER = {"email": "marc.member@search.example", "name": "Marc Member", "role": "member",
          "password": "Amber-Otter-Valley-75", "affiliation": "Legal department", "areas": ["Law"]}

OPEN_CASE = "Heliotrope reply assistant"
HIDDEN_CASE = "Merger summariser"
SHARED = "heliotrope"
HIDDEN_WORD = "ocelot"
MINUTES_LINE = "The tamarind budget was discussed and postponed."


def search(driver, words: str, label: str = "Words to find", button: str = "Search") -> None:
    fill(driver, label, words)
    click_button(driver, button)


def results(driver) -> list[tuple[str, str, str]]:
    """(kind, title, link) of each result shown."""
    found = []
    for item in driver.find_elements(By.CSS_SELECTOR, "main li.search-result"):
        link = item.find_element(By.CSS_SELECTOR, "h3 a")
        kind = " ".join(item.find_element(By.CSS_SELECTOR, ".badge").text.split())
        found.append((kind, " ".join(link.text.split()), driver.execute_script("return arguments[0].getAttribute('href')", link)))
    return found


def count(driver) -> str:
    found = driver.find_elements(By.CSS_SELECTOR, "main p.count")
    return " ".join(found[0].text.split()) if found else ""


def acknowledge_if_asked(driver) -> None:
    """Reviewers must have acknowledged the current charter when one is published (test_governance.py)."""
    if driver.find_elements(By.LINK_TEXT, "Read and acknowledge"):
        click_link(driver, "Read and acknowledge")
        click_and_wait(driver, driver.find_element(
            By.XPATH, "//button[starts-with(normalize-space(), 'I have read and accept version')]"))


def test_search_finds_only_what_each_person_may_open(driver, server, check_page, state):
    accounts(server, state, SEC, OWNER, EXPERT, MEMBER)
    for who in (EXPERT, MEMBER):
        switch_to(driver, server, state, who, "/", check_page)
        acknowledge_if_asked(driver)

    # --- The project owner files two cases sharing a word; the second is confidential.
    switch_to(driver, server, state, OWNER, "/", check_page)
    open_case = new_case(driver, OPEN_CASE, False, f"The {SHARED} assistant drafts replies to customers.")
    check_page("search: open case submitted")
    hidden_case = new_case(driver, HIDDEN_CASE, True,
                           f"A {SHARED} summariser for the merger team, codename {HIDDEN_WORD}.")
    check_page("search: confidential case submitted")

    # --- The secretary assigns the expert to the open case only, and writes a meeting's minutes.
    switch_to(driver, server, state, SEC, open_case, check_page)
    assign(driver, EXPERT["name"], committee_date(14))
    assert flash(driver) == "The reviewer has been assigned.", flash(driver)
    click_and_wait(driver, nav_link(driver, "Meetings"))
    click_link(driver, "Plan a meeting")
    fill(driver, "Title", "Search session")
    driver.execute_script("arguments[0].value = arguments[1];", control(driver, "Date and time"),
                          committee_date(2) + "T10:00")
    fill(driver, "Place", "Room 2")
    click_button(driver, "Plan the meeting")
    meeting = path_of(driver)
    assert re.fullmatch(r"/meetings/\d+", meeting), driver.current_url
    click_button(driver, "Open the meeting (it is taking place)")
    driver.get(server.url(meeting + "/minutes"))
    driver.find_element(By.ID, "markdown").send_keys("\n\n" + MINUTES_LINE)
    click_button(driver, "Save the draft")
    check_page("search: minutes saved")

    # The secretary finds both cases.
    click_and_wait(driver, nav_link(driver, "Search"))
    check_page("search page, empty")
    search(driver, SHARED)
    check_page("search results as the secretary")
    assert count(driver) == "2 results", count(driver)
    assert {title for _, title, _ in results(driver)} == {OPEN_CASE, HIDDEN_CASE}, results(driver)

    # --- The expert finds their case only: in the results, in the count, in the snippets.
    switch_to(driver, server, state, EXPERT, "/", check_page)
    click_and_wait(driver, nav_link(driver, "Search"))
    search(driver, SHARED)
    check_page("search results as the expert")
    assert count(driver) == "1 result", count(driver)
    assert results(driver) == [("Case", OPEN_CASE, open_case)], results(driver)
    text = main_text(driver)
    assert HIDDEN_CASE not in text and HIDDEN_WORD not in text.lower(), text
    marks = [m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, "main mark")]
    assert marks and set(marks) == {SHARED}, f"the word found is highlighted, in the title and the text: {marks}"
    search(driver, HIDDEN_WORD)
    check_page("search: nothing for the expert")
    assert count(driver) == "" and results(driver) == []
    assert "No result" in main_text(driver), main_text(driver)
    assert HIDDEN_CASE not in main_text(driver)
    # A query made of FTS syntax is only words: a message, never an error page.
    search(driver, 'NEAR("( * zzqx')
    check_page("search: syntax typed as words")
    assert "No result" in main_text(driver), main_text(driver)

    # --- A member finds the minutes and opens them, then searches in French.
    switch_to(driver, server, state, MEMBER, "/", check_page)
    click_and_wait(driver, nav_link(driver, "Search"))
    search(driver, "tamarind postpon")
    check_page("search: minutes found by a member")
    assert count(driver) == "1 result", count(driver)
    assert results(driver) == [("Minutes", "Search session", meeting + "/minutes")], results(driver)
    click_link(driver, "Search session")
    check_page("search: minutes opened from the results")
    assert path_of(driver) == meeting + "/minutes"
    assert MINUTES_LINE in main_text(driver)

    click_and_wait(driver, nav_link(driver, "Search"))
    Select(driver.find_element(By.ID, "language-switch")).select_by_visible_text("Français")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.language button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    search(driver, "TAMARIND", label="Mots à chercher", button="Rechercher")
    check_page("search results in French")
    assert count(driver) == "1 résultat", count(driver)
    assert results(driver)[0][0] == "Procès-verbal", results(driver)
    assert nav_link(driver, "Rechercher") is not None
    search(driver, "introuvablexyz", label="Mots à chercher", button="Rechercher")
    check_page("search: no result in French")
    assert "Aucun résultat" in main_text(driver), main_text(driver)
