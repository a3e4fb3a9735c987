"""Issue 14, members vote themselves in session, and voters read what they decide, on the demo committee.

Each journey runs its own server over a fresh `ethics demo` database (small scale, fixed seed), so it depends on no
other file. People are the demo's (password ethics-demo-2026); each person has their own browser session.

1. Three members vote on their own devices: the secretary opens the planned meeting, records attendance and opens
   the vote on a case item; three members find it flagged on their home page and vote (one with a dissent note, one
   changing her vote); the secretary follows who has voted (not how) — the count refreshes by itself — records a
   show of hands, closes the vote (refused first without the confirmation box, what was typed kept) and the decision
   appears with the dissent; a late ballot from a stale page is refused with its text kept.
2. The chair (Hélène Marchand, an external expert) reads every agenda case of the meeting she chairs.
"""

import re
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from conftest import (ETHICS_BIN, REPO, EthicsServer, click_and_wait, click_button, make_driver, path_of,
                      sign_in, wait_for_http)

PASSWORD = "ethics-demo-2026"
SECRETARY = "lucas.moreau@acme.example"
CHAIR = "helene.marchand@univ-lyon.example"
# Internal members of the demo committee: they vote on their own devices.
VOTERS = {"nadia.haddad@acme.example": "Nadia Haddad", "olivier.martin@acme.example": "Olivier Martin",
          "emma.schneider@acme.example": "Emma Schneider"}
DISSENT = "The fallback to a human agent has not been tested with real customers."
DECISION = "A favourable opinion: the pilot may start in one region."


class DemoServer(EthicsServer):
    """`ethics serve` over a database filled by `ethics demo`: accounts exist, so no setup link is printed."""

    def start(self) -> None:
        result = subprocess.run([self.binary, "demo", "--db", self.db, "--migrations", str(REPO / "migrations")],
                                cwd=REPO, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            raise RuntimeError(f"ethics demo failed:\n{result.stdout}\n{result.stderr}")
        self._stderr = open(self._stderr_path, "wb")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--db", self.db, "--port", str(self.port), "--hostname", "127.0.0.1",
             "--public", str(REPO / "Public"),
             "--migrations", str(REPO / "migrations")],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=self._stderr, stdin=subprocess.DEVNULL)
        if not wait_for_http(self.base_url + "/healthz", timeout=30, process=self.process):
            self.stop()
            raise RuntimeError("ethics serve (demo) did not answer /healthz")


@pytest.fixture
def demo():
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


def text(driver) -> str:
    return " ".join(driver.find_element(By.TAG_NAME, "main").text.split())


def planned_meeting(driver, server) -> str:
    """The path of the demo's planned meeting (the only one with cases on its agenda), from the meetings list."""
    driver.get(server.url("/meetings"))
    for row in driver.find_elements(By.CSS_SELECTOR, "main tbody tr"):
        if "Planned" in row.text:
            return re.sub(r"^https?://[^/]+", "", row.find_element(By.TAG_NAME, "a").get_attribute("href"))
    raise AssertionError("no planned meeting in the demo")


def case_items(driver) -> list:
    return [a for a in driver.find_elements(By.CSS_SELECTOR, "article.agenda-item")
            if a.find_elements(By.XPATH, ".//span[@class='badge' and normalize-space()='Case']")]


def test_three_members_vote_on_their_own_devices_and_the_secretary_closes_the_vote(demo, page_checker):
    server, browser = demo
    secretary = browser()
    sign_in(secretary, server, SECRETARY, PASSWORD)
    meeting = planned_meeting(secretary, server)
    secretary.get(server.url(meeting))
    click_button(secretary, "Open the meeting (it is taking place)")
    # Everyone invited is present
    for select in secretary.find_elements(By.CSS_SELECTOR, "select[id^='attendance_']"):
        Select(select).select_by_visible_text("Present")
    click_button(secretary, "Save the attendance")
    item = case_items(secretary)[0]
    number = item.find_element(By.TAG_NAME, "h3").text.split(".")[0]
    title = item.find_element(By.CSS_SELECTOR, "h3 a").text
    click_and_wait(secretary, item.find_element(By.XPATH, ".//button[normalize-space()='Open the vote to the members']"))
    assert path_of(secretary) == meeting
    assert "The vote is open" in text(secretary)
    page_checker.check(secretary, "meeting with a vote open, as the secretary")

    # Each member, in their own browser, finds the vote on their home page and votes
    members = {}
    for email, name in VOTERS.items():
        member = browser()
        sign_in(member, server, email, PASSWORD)
        assert "Votes open for you" in text(member), f"{name}: {text(member)[:400]}"
        click_and_wait(member, member.find_element(By.PARTIAL_LINK_TEXT, f"— item {number}"))
        form = member.find_element(By.ID, f"ballot-form-{number}")
        assert "Your vote" in form.text
        members[email] = member
    nadia, olivier, emma = (members[e] for e in VOTERS)
    page_checker.check(nadia, "ballot on the meeting page, as a member")

    def cast(member, choice: str, note: str = "") -> None:
        form = member.find_element(By.ID, f"ballot-form-{number}")
        form.find_element(By.XPATH, f".//label[normalize-space()='{choice}']").click()
        box = form.find_element(By.TAG_NAME, "textarea")
        box.clear()
        if note:
            box.send_keys(note)
        click_and_wait(member, form.find_element(By.XPATH, ".//button[@type='submit']"))

    cast(nadia, "Against", DISSENT)
    assert "Your vote is recorded" in text(nadia) and "Your vote: Against" in text(nadia)
    cast(olivier, "For")

    # The secretary sees who has voted, not how; the count refreshes by itself (Public/js/ballot-count.js)
    secretary.get(server.url(meeting))
    count = secretary.find_element(By.ID, f"vote-count-{number}")
    assert re.search(r"\b2 of \d+ entitled voters have voted", count.text), count.text
    assert DISSENT not in secretary.page_source
    cast(emma, "Against")
    cast(emma, "For")  # she changes her mind before the close
    assert "Your vote: For" in text(emma) and "Change my vote" in text(emma)
    WebDriverWait(secretary, 20).until(
        lambda d: re.search(r"\b3 of \d+ entitled voters", d.find_element(By.ID, f"vote-count-{number}").text))
    count = secretary.find_element(By.ID, f"vote-count-{number}")
    for name in VOTERS.values():
        assert f"{name} — has voted" in count.text, count.text
    assert "Against" not in count.text and "For" not in count.text

    # A fourth member votes by show of hands, recorded by the secretary
    hands = secretary.find_element(By.ID, f"hands-form-{number}")
    voter_select = Select(hands.find_element(By.NAME, "voter_id"))
    fourth = next(o.text for o in voter_select.options if o.get_attribute("value") and o.text not in VOTERS.values())
    voter_select.select_by_visible_text(fourth)
    Select(hands.find_element(By.NAME, "choice")).select_by_visible_text("For")
    click_and_wait(secretary, hands.find_element(By.XPATH, ".//button[normalize-space()='Record this vote']"))
    count = secretary.find_element(By.ID, f"vote-count-{number}")
    assert f"{fourth} — has voted (recorded by the secretary)" in count.text, count.text
    page_checker.check(secretary, "the secretary's count of an open vote")

    # Closing without ticking the box is refused, and what was typed stays
    close = secretary.find_element(By.ID, f"close-form-{number}")
    Select(close.find_element(By.NAME, "outcome")).select_by_visible_text("Favourable")
    close.find_element(By.NAME, "decision").send_keys(DECISION)
    click_and_wait(secretary, close.find_element(By.XPATH, ".//button[normalize-space()='Close the vote and record the result']"))
    close = secretary.find_element(By.ID, f"close-form-{number}")
    assert "Tick the box" in close.text
    assert close.find_element(By.NAME, "decision").get_attribute("value") == DECISION
    assert secretary.current_url.endswith(f"#close-form-{number}")
    page_checker.check(secretary, "closing refused without confirmation", expected_status=422)
    close.find_element(By.XPATH, ".//label[contains(normalize-space(), 'I close the vote')]").click()
    assert close.find_element(By.NAME, "confirm").is_selected()
    click_and_wait(secretary, close.find_element(By.XPATH, ".//button[normalize-space()='Close the vote and record the result']"))
    refused = secretary.find_elements(By.ID, f"close-form-{number}")
    assert not refused, refused[0].text if refused else ""
    assert "The vote is closed and the result recorded." in text(secretary)

    # The decision appears, with the dissent and the show of hands marked
    article = next(a for a in case_items(secretary) if title in a.text)
    assert "Decision: Favourable" in article.text, article.text
    assert DISSENT in article.text and "(recorded by the secretary)" in article.text
    page_checker.check(secretary, "meeting item decided by the members' vote")

    # A ballot sent from a page loaded before the close is refused, its text kept
    stale = nadia.find_element(By.ID, f"ballot-form-{number}")
    stale.find_element(By.TAG_NAME, "textarea").send_keys(" Still unconvinced.")
    click_and_wait(nadia, stale.find_element(By.XPATH, ".//button[@type='submit']"))
    form = nadia.find_element(By.ID, f"ballot-form-{number}")
    assert "The vote on this item is closed" in form.text
    assert "Still unconvinced." in form.find_element(By.TAG_NAME, "textarea").get_attribute("value")
    page_checker.check(nadia, "ballot refused after the close", expected_status=422)

    # The case itself is decided
    secretary.get(article.find_element(By.CSS_SELECTOR, "h3 a").get_attribute("href"))
    assert "Decided" in text(secretary)


def test_the_chair_reads_every_agenda_case_of_the_meeting_she_chairs(demo, page_checker):
    server, browser = demo
    chair = browser()
    sign_in(chair, server, CHAIR, PASSWORD)
    meeting = planned_meeting(chair, server)
    chair.get(server.url(meeting))
    page_checker.check(chair, "planned meeting, as the chair")
    assert "Confidential item" not in text(chair), text(chair)
    items = case_items(chair)
    assert items, "the demo's planned meeting has cases on its agenda"
    links = [(a.find_element(By.CSS_SELECTOR, "h3 a").text, a.find_element(By.CSS_SELECTOR, "h3 a").get_attribute("href"))
             for a in items]
    for title, href in links:
        chair.get(href)
        assert chair.find_element(By.TAG_NAME, "h1").text.strip() == title, (title, chair.current_url)
        page_checker.check(chair, f"agenda case as the chair: {title}")
    # The same cases are in her case list
    chair.get(server.url("/cases"))
    listed = text(chair)
    for title, _ in links:
        assert title in listed, f"{title} missing from the chair's case list"
    page_checker.check(chair, "case list, as the chair")
