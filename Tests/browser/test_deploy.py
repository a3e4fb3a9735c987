"""docs/deploy.md, run as written: the environment file and the service's command line start the app, the
nginx server blocks serve it over HTTPS on 127.0.0.1 with a certificate made here, the cookies are Secure and
the links the app prints use the public address; then the backup service's command, a wipe, the restore
procedure, a sign-in and `ethics audit verify`.

Each block the guide marks `<!-- deploy-test: NAME -->` is read from the guide; only machine-specific paths and
ports are replaced, and every replacement must find its text, so a guide that changes shape fails here."""
from __future__ import annotations

import os
import re
import shutil
import ssl
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from authenticator import Authenticator
from conftest import (ARTIFACTS, ETHICS_BIN, REPO, click_button, fill, free_port, make_driver, stop_process,
                      wait_for_http)

GUIDE = REPO / "docs" / "deploy.md"
BLOCK = re.compile(r"<!-- deploy-test: (\w+) -->\n```\w*\n(.*?)\n```", re.S)
ADMIN = {"email": "admin@deploy.example", "name": "Dana Admin", "password": "deploy-admin-passphrase-2026"}
MEMBER = {"email": "member@deploy.example", "name": "Milo Member", "password": "deploy-member-passphrase-2026"}


def guide_blocks() -> dict[str, str]:
    blocks = dict(BLOCK.findall(GUIDE.read_text()))
    assert set(blocks) >= {"env", "unit", "nginx", "backup", "restore"}, f"deploy.md lost a tested block: {set(blocks)}"
    return blocks


def replace(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        assert old in text, f"docs/deploy.md no longer contains {old!r}: update the guide and this test together"
        text = text.replace(old, new)
    return text


def systemd_unescape(value: str) -> str:
    """systemd's own escapes in a unit's command line: %% is a percent sign, $$ a dollar sign."""
    return value.replace("%%", "%").replace("$$", "$")


def unit_value(unit: str, key: str) -> str:
    match = re.search(rf"^{key}=(.*)$", unit, re.M)
    assert match, f"the unit has no {key}="
    return match.group(1)


class Deployment:
    """The guide's layout under a temporary root: /var/lib/ethics, /var/backups/ethics, /etc/ethics/ethics.env."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="ethics-deploy-"))
        self.lib, self.backups = self.root / "lib", self.root / "backups"
        for folder in (self.lib, self.backups, self.root / "nginx-temp"):
            folder.mkdir(parents=True)
        self.https_port, self.http_port, self.app_port = free_port(), free_port(), free_port()
        self.public_url = f"https://127.0.0.1:{self.https_port}"
        self.blocks = guide_blocks()
        self.paths = [("/opt/ethics/ethics", ETHICS_BIN), ("/opt/ethics/", str(REPO) + "/"),
                      ("/var/lib/ethics", str(self.lib)), ("/var/backups/ethics", str(self.backups)),
                      ("/etc/ethics/ethics.env", str(self.root / "ethics.env"))]
        self.app: subprocess.Popen | None = None
        self.nginx: subprocess.Popen | None = None
        self.setup_url: str | None = None

    # The app, as the unit starts it ------------------------------------------------------------

    def environment(self) -> dict[str, str]:
        text = self.local(replace(self.blocks["env"], [
            ("ETHICS_PORT=8080", f"ETHICS_PORT={self.app_port}"),
            ("ETHICS_PUBLIC_URL=https://ethics.example.org", f"ETHICS_PUBLIC_URL={self.public_url}")]))
        (self.root / "ethics.env").write_text(text + "\n")
        values = dict(line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#"))
        assert values["ETHICS_HOSTNAME"] == "127.0.0.1"
        return values

    def local(self, text: str) -> str:
        """The guide's system paths turned into this deployment's."""
        for old, new in self.paths:
            text = text.replace(old, new)
        assert not re.search(r"/(opt|var|etc)/", text.replace(str(self.root), "")), text
        return text

    def command(self, line: str) -> list[str]:
        return replace(line, self.paths[:1]).split()

    def start_app(self) -> None:
        unit = self.blocks["unit"]
        assert unit_value(unit, "EnvironmentFile") == "/etc/ethics/ethics.env"
        env = {**os.environ, **self.environment()}
        self.app_log = open(self.root / "app.log", "w")
        self.app = subprocess.Popen(self.command(unit_value(unit, "ExecStart")), cwd=self.lib, env=env, text=True,
                                    stdout=subprocess.PIPE, stderr=self.app_log, stdin=subprocess.DEVNULL, bufsize=1)
        seen = threading.Event()

        def read():
            for line in self.app.stdout:
                match = re.search(r"(https?://\S+/join/\S+)", line)
                if match and not self.setup_url:
                    self.setup_url = match.group(1)
                    seen.set()
        threading.Thread(target=read, daemon=True).start()
        assert wait_for_http(f"http://127.0.0.1:{self.app_port}/healthz", 30, self.app), (self.root / "app.log").read_text()
        seen.wait(5)

    def stop_app(self) -> None:
        stop_process(self.app)
        self.app = None

    def run(self, script: str) -> subprocess.CompletedProcess:
        """A shell line of the guide, with the environment file's values, as `sudo -u ethics sh -c` would."""
        env = {**os.environ, **self.environment()}
        return subprocess.run(["sh", "-c", script], env=env, cwd=self.lib, text=True, capture_output=True, timeout=120)

    # nginx, with the guide's server blocks --------------------------------------------------------

    def start_nginx(self) -> None:
        cert, key = self.root / "cert.pem", self.root / "key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                       check=True, capture_output=True)
        self.cert = cert
        servers = replace(self.blocks["nginx"], [
            ("listen 443 ssl;", f"listen 127.0.0.1:{self.https_port} ssl;"),
            ("listen 80;", f"listen 127.0.0.1:{self.http_port};"),
            ("/etc/ssl/certs/ethics.example.org.pem", str(cert)),
            ("/etc/ssl/private/ethics.example.org.key", str(key)),
            ("proxy_pass http://127.0.0.1:8080;", f"proxy_pass http://127.0.0.1:{self.app_port};")])
        temp = self.root / "nginx-temp"
        user = "user root;\n" if os.geteuid() == 0 else ""
        config = self.root / "nginx.conf"
        config.write_text(
            f"{user}daemon off;\npid {self.root}/nginx.pid;\nerror_log {self.root}/nginx-error.log;\n"
            "events { worker_connections 64; }\n"
            f"http {{\n access_log {self.root}/nginx-access.log;\n client_body_temp_path {temp}/body;\n"
            f" proxy_temp_path {temp}/proxy;\n fastcgi_temp_path {temp}/fastcgi;\n uwsgi_temp_path {temp}/uwsgi;\n"
            f" scgi_temp_path {temp}/scgi;\n{servers}\n}}\n")
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        check = subprocess.run([nginx, "-t", "-c", str(config), "-p", str(self.root)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        self.nginx = subprocess.Popen([nginx, "-c", str(config), "-p", str(self.root)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def https(self, path: str) -> urllib.request.Request:
        return urllib.request.Request(self.public_url + path)

    def open_https(self, path: str):
        context = ssl.create_default_context(cafile=str(self.cert))
        return urllib.request.urlopen(self.https(path), context=context, timeout=10)

    def close(self) -> None:
        self.stop_app()
        stop_process(self.nginx)
        for log in ("app.log", "nginx-error.log"):
            if (self.root / log).exists():
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                shutil.copy(self.root / log, ARTIFACTS / f"deploy-{log}")
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def deployment():
    deployment = Deployment()
    yield deployment
    deployment.close()


@pytest.fixture
def tls_driver():
    driver = make_driver()
    # The certificate is the test's own: Chromium is told to accept it (urllib checks it properly, below).
    driver.execute_cdp_cmd("Security.setIgnoreCertificateErrors", {"ignore": True})
    yield driver
    driver.quit()


def test_the_guide_serves_the_app_over_https_then_backs_up_and_restores(deployment, tls_driver):
    driver = tls_driver
    deployment.start_app()
    deployment.start_nginx()

    # nginx answers over TLS with the certificate it was given, and sends plain HTTP to HTTPS
    deadline = 80
    while True:
        try:
            with deployment.open_https("/healthz") as response:
                assert response.status == 200
            break
        except (urllib.error.URLError, ConnectionError):
            deadline -= 1
            assert deadline > 0, (deployment.root / "nginx-error.log").read_text()
            time.sleep(0.25)
    try:
        urllib.request.build_opener(NoRedirect).open(f"http://127.0.0.1:{deployment.http_port}/login", timeout=10)
        pytest.fail("plain HTTP was served instead of redirected")
    except urllib.error.HTTPError as redirect:
        assert redirect.code == 301
        assert redirect.headers["Location"].startswith("https://")

    # The link the app prints at first start uses the public address
    assert deployment.setup_url and deployment.setup_url.startswith(deployment.public_url + "/join/"), deployment.setup_url
    driver.get(deployment.setup_url)
    fill(driver, "Email", ADMIN["email"])
    fill(driver, "Full name", ADMIN["name"])
    fill(driver, "New password", ADMIN["password"])
    fill(driver, "Repeat the password", ADMIN["password"])
    click_button(driver, "Create the administrator account")
    assert driver.current_url.startswith(deployment.public_url)
    # Staff sign in with a second factor by default: the administrator sets it up at once
    phone = Authenticator(driver.find_element(By.ID, "secret").text)
    fill(driver, "Code", phone.code())
    click_button(driver, "Turn on two-factor sign-in")
    assert driver.find_elements(By.CSS_SELECTOR, "ul.recovery-codes code")
    cookies = driver.get_cookies()
    assert cookies, "no cookie after signing in"
    for cookie in cookies:
        assert cookie["secure"] and cookie["httpOnly"], cookie
    driver.save_screenshot(str(ARTIFACTS / "deploy-signed-in-over-https.png"))

    # A member added from the command line, as the guide's last section does
    added = deployment.run(f"{ETHICS_BIN} user add --email {MEMBER['email']} --name '{MEMBER['name']}' --role member "
                           f"<<'EOF'\n{MEMBER['password']}\nEOF")
    assert added.returncode == 0, added.stderr

    # The backup service's command, while the app runs
    backup_line = systemd_unescape(unit_value(deployment.blocks["backup"], "ExecStart"))
    match = re.fullmatch(r"/bin/sh -c '(.*)'", backup_line)
    assert match, backup_line
    made = deployment.run(deployment.local(match.group(1)))
    assert made.returncode == 0, made.stdout + made.stderr
    assert list(deployment.backups.glob("ethics-*.sqlite")) and (deployment.backups / "audit-anchor").exists()

    # Something is recorded after the backup (the restore gives it up), then the database is wiped
    driver.get(deployment.public_url + "/")
    click_button(driver, "Sign out")
    deployment.stop_app()
    database = deployment.lib / "ethics.sqlite"
    database.unlink()

    # The guide's restore procedure; systemctl lines stop and start our process
    for line in deployment.blocks["restore"].splitlines():
        if line.startswith("sudo systemctl stop ethics"):
            deployment.stop_app()
        elif line.startswith("sudo systemctl start ethics"):
            deployment.start_app()
        else:
            inner = re.fullmatch(r"sudo -u ethics sh -c '(.*)'", line)
            assert inner, f"unexpected line in the restore block: {line}"
            result = deployment.run(deployment.local(inner.group(1)))
            assert result.returncode == 0, result.stdout + result.stderr
            if "audit verify" in line:
                assert "Audit chain holds" in result.stdout, result.stdout

    # Signed in again through nginx, the restored data is there and the trail says it was restored
    driver.delete_all_cookies()
    driver.get(deployment.public_url + "/login")
    fill(driver, "Email", ADMIN["email"])
    fill(driver, "Password", ADMIN["password"])
    click_button(driver, "Sign in")
    fill(driver, "Code", phone.code())
    click_button(driver, "Sign in")
    driver.get(deployment.public_url + "/admin/audit")
    assert "Database restored from a backup" in driver.page_source
    assert re.search(r"trail restored to entry #\d+, [1-9]\d* later entries given up", driver.page_source)
    driver.save_screenshot(str(ARTIFACTS / "deploy-audit-after-restore.png"))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
