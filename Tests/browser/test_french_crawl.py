"""A French crawl of every page (issue 20): each role of the demo committee chooses Français and follows every link
it is offered (GET only, a few pages of each shape); no page may keep an English interface string or miss the
narrow space French puts before a colon.

The English strings looked for are the English catalogue's (`translations/en.json`) whose French differs: a text of the
page that is exactly one of them (placeholders standing for anything) was not translated. The colon rule is checked
on the interface's text only: what people typed (rendered Markdown, form values, names) is theirs.
"""

import html
import html.parser
import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import ARTIFACTS, ETHICS_BIN, REPO
from test_member_votes import DemoServer

PASSWORD = "ethics-demo-2026"
ROLES = {
    "administrator": "claire.fontaine@acme.example",
    "secretary": "lucas.moreau@acme.example",
    "chair": "helene.marchand@univ-lyon.example",
    "project owner": "sophie.laurent@acme.example",
    "external expert": "thomas.weber@sorbonne.example",
}
PER_SHAPE = 2
MAX_PAGES = 160
SKIP = re.compile(r"^/(logout|login|language|css/|img/|js/|healthz|feedback)")
HREF = re.compile(r'href="(/[^"#]*)')
CSRF = re.compile(r'name="_csrf" value="([^"]*)"')
# Elements whose text is what someone typed or a name, not the interface's.
USER_CONTENT_CLASSES = {"markdown", "prose", "user-text", "quote", "diff"}
# Texts the app writes into records in the language of whoever acted (a re-review case's title, the annual
# report deliverable's default title): data once written, like a title someone typed.
DATA = re.compile(r"(Re-review: .+|Annual report of the committee)")
# A sign that ends a word without the narrow (or a no-break) space French puts before it.
MISSING_SPACE = re.compile(r"[^\s\u202f\u00a0][:;!?](?=\s|$)|[ ][:;!?](?=\s|$)")


def catalogue(language: str) -> dict[str, str]:
    return json.loads((REPO / "translations" / f"{language}.json").read_text())


def english_patterns() -> list[re.Pattern]:
    """Every English string whose French differs, as a whole-text pattern; a placeholder matches anything."""
    english, french = catalogue("en"), catalogue("fr")
    french_values = {normalised(value) for value in french.values()}
    patterns = []
    for key, text in english.items():
        text = normalised(text)
        if french.get(key) == english[key] or text in french_values or len(re.sub(r"\{\w+\}|\W", "", text)) < 4:
            continue
        parts = re.split(r"\{\w+\}", text)
        patterns.append(re.compile(".+?".join(map(re.escape, parts)) + r"[\s:.]*"))
    return patterns


def normalised(text: str) -> str:
    return re.sub(r"[\s\u202f\u00a0]+", " ", text).strip()


class InterfaceText(html.parser.HTMLParser):
    """The page's text nodes and the labels given to assistive technologies, each marked as interface or not."""

    SKIPPED = {"script", "style", "textarea", "pre", "code", "template"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[tuple[str, bool]] = []
        self.lang = None

    def _user(self) -> bool:
        return any(user for _, user in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        classes = set((attributes.get("class") or "").split())
        user = tag in self.SKIPPED or bool(classes & USER_CONTENT_CLASSES)
        for name in ("aria-label", "title", "placeholder", "alt"):
            if attributes.get(name):
                self.texts.append((attributes[name], self._user() or user))
        if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
            self.texts.append((attributes["value"], self._user()))
        if tag not in self.VOID:
            self.stack.append((tag, user))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] in self.SKIPPED:
            return
        text = re.sub(r"[ \t\r\n]+", " ", data).strip()
        if text:
            self.texts.append((text, self._user()))


def texts_of(page: str) -> tuple[str | None, list[tuple[str, bool]]]:
    parser = InterfaceText()
    parser.feed(page)
    return parser.lang, parser.texts


def problems_of(french: str, english: str, patterns: list[re.Pattern]) -> list[str]:
    """What is wrong on the French page. The same page in English tells data from interface: a colon that the
    English page has with the same words before it belongs to a title or a name someone typed."""
    lang, texts = texts_of(french)
    english_text = "\n".join(text for text, _ in texts_of(english)[1])
    found = [] if lang == "fr" else [f'<html lang="{lang}">']
    for text, user in texts:
        if user:
            continue
        if any(pattern.fullmatch(normalised(text)) for pattern in patterns) and not DATA.fullmatch(normalised(text)):
            found.append(f"English: {text!r}")
        for match in MISSING_SPACE.finditer(text):
            # The word before the sign, with the sign: "Wording:" on both pages is a title someone typed.
            context = (text[:match.start() + 1].split() or [""])[-1] + match.group()[-1]
            if "://" not in text[max(0, match.start() - 6):match.end() + 3] and context not in english_text:
                found.append(f"no space before {match.group()[-1]!r}: {text!r}")
                break
    return found


def shape(path: str) -> str:
    parts = urllib.parse.urlsplit(path)
    query = sorted((key, re.sub(r"\d+", "N", value)) for key, value in urllib.parse.parse_qsl(parts.query))
    return re.sub(r"\d+", "N", parts.path) + ("?" + urllib.parse.urlencode(query) if query else "")


def in_language(opener, server, path: str, page: str, language: str) -> str:
    """The same page in another language (the person's choice changed, the page read, the choice put back)."""
    def choose(language, token):
        opener.open(server.url("/language"), data=urllib.parse.urlencode(
            {"language": language, "next": "/healthz", "_csrf": token}).encode()).read()
    token = CSRF.search(opener.open(server.url("/")).read().decode()).group(1)
    choose(language, token)
    other = opener.open(server.url(path)).read().decode()
    choose("fr", token)
    return other


def signed_in_in_french(server, email: str):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    login = opener.open(server.url("/login")).read().decode()
    token = CSRF.search(login).group(1)
    opener.open(server.url("/login"), data=urllib.parse.urlencode(
        {"email": email, "password": PASSWORD, "_csrf": token}).encode()).read()
    home = opener.open(server.url("/")).read().decode()
    token = CSRF.search(home).group(1)
    opener.open(server.url("/language"), data=urllib.parse.urlencode(
        {"language": "fr", "next": "/", "_csrf": token}).encode()).read()
    return opener


@pytest.fixture(scope="module")
def demo_server():
    server = DemoServer(ETHICS_BIN)
    server.start()
    yield server
    server.stop()


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_a_role_reaches_is_in_french(demo_server, role):
    patterns = english_patterns()
    opener = signed_in_in_french(demo_server, ROLES[role])
    queue, seen, per_shape, report = [("/", None)], set(), {}, {}
    while queue and len(seen) < MAX_PAGES:
        path, linked_from = queue.pop(0)
        if path in seen or per_shape.get(shape(path), 0) >= PER_SHAPE:
            continue
        seen.add(path)
        per_shape[shape(path)] = per_shape.get(shape(path), 0) + 1
        try:
            response = opener.open(demo_server.url(path))
        except urllib.error.HTTPError as error:
            # A page offers only what the server allows: a link that answers an error is a bug too.
            report[path] = [f"HTTP {error.code} for a link on {linked_from}"]
            continue
        if "text/html" not in response.headers.get("Content-Type", ""):
            continue
        page = response.read().decode()
        if problems := problems_of(page, in_language(opener, demo_server, path, page, "en"), patterns):
            report[path] = problems
        queue += [(html.unescape(link), path) for link in HREF.findall(page) if not SKIP.match(link)]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"french-crawl-{role.replace(' ', '-')}.json").write_text(
        json.dumps({"pages": sorted(seen), "problems": report}, ensure_ascii=False, indent=1))
    assert len(seen) >= 10, f"the crawl reached only {sorted(seen)}"
    assert not report, "\n".join(f"{path}: {problems[:5]}" for path, problems in report.items())
