"""The interface in French: a member who chose Français before signing in completes the welcome
page in French and finds no English label on any page they visit; the administrator's pages too.

Every page visited goes through check_page, and through `assert_french`: <html lang="fr">, and
none of the English interface labels below in the page's text, title or accessible names.
"""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from conftest import (choose, click_and_wait, click_button, complete_welcome, field, fill,
                      find_button, nav_link, path_of, sign_in, sign_out, text_of, tick)
from test_foundation import admin_account

LEA = {"email": "lea.membre@example.org", "name": "Léa Dupont",
       "password": "Ardoise-Verger-Boussole-64"}
FRENCH_LOGIN = ("E-mail", "Mot de passe", "Se connecter")

# English interface labels that must not be left on a French page. Matched as whole words,
# case-sensitive. Words the two languages share ("Action", "Page", "Quorum", "Organisation"),
# the language names of the switch ("English") and words the test data may contain (people's
# names, affiliations) are deliberately not listed.
ENGLISH_LABELS = [
    "Sign out", "Sign in", "Members", "Home", "Welcome", "Password", "Accounts", "Audit trail",
    "Settings", "Language", "Change", "Skip to content", "Email", "Full name", "Role",
    "Affiliation", "Areas of expertise", "Artificial intelligence", "Law", "Ethics and philosophy",
    "Customer relations", "Other", "Independence declaration", "I have read",
    "Sign and continue", "Your profile", "Thank you", "Expertise coverage", "Nobody covers",
    "Declarations due", "Terms ending", "Pending invitations", "Former members", "Seat",
    "External", "Internal", "Up to date", "Never signed", "Declared interests",
    "Declare an interest", "Add the interest", "Nature of the interest", "Since", "Withdraw",
    "Edit the profile", "Sign the declaration", "Signed on", "Text version", "members sit",
    "are external", "Current password", "New password", "Repeat the password",
    "Change the password", "Administrator", "Secretary", "External expert", "Project owner",
    "Governance of AI projects", "Invite", "Status", "Active", "Deactivated", "Created",
    "Open sessions", "When", "Who", "Record", "Detail", "Address", "Newer", "Older",
    "Committee name", "Default language", "Time zone", "Voting members", "At least",
    "Save the settings", "Main", "Expires", "Nobody sits", "No interest declared",
    "Tick the box",
]
_ENGLISH = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH_LABELS)) + r")(?![\w-])")

# The page's text as written (textContent: CSS text-transform does not change it), its title and
# the names given to assistive technologies.
PAGE_TEXTS = """
var parts = [document.title];
var body = document.body.cloneNode(true);
body.querySelectorAll('script, style, template').forEach(function (e) { e.remove(); });
parts.push(body.textContent);
document.querySelectorAll('[aria-label], [title], [placeholder], [alt], input[type=submit], '
    + 'input[type=button]').forEach(function (e) {
  ['aria-label', 'title', 'placeholder', 'alt', 'value'].forEach(function (a) {
    if (e.hasAttribute(a) && (a !== 'value' || e.type === 'submit' || e.type === 'button')) {
      parts.push(e.getAttribute(a));
    }
  });
});
return parts.join('\\n');
"""


def english_left(driver) -> list[str]:
    return sorted(set(_ENGLISH.findall(driver.execute_script(PAGE_TEXTS))))


def assert_french(driver, page: str) -> None:
    lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    assert lang == "fr", f"{page}: <html lang={lang!r}>"
    left = english_left(driver)
    assert not left, f"{page} ({driver.current_url}): English left: {left}"


def visit(driver, check_page, name: str, expected_status: int = 200) -> None:
    check_page(name, expected_status)
    assert_french(driver, name)


def test_member_chooses_french_and_every_page_is_in_french(driver, server, check_page):
    server.add_user(LEA["email"], LEA["name"], "member", LEA["password"])
    driver.get(server.url("/login"))
    choose(driver, "Language", "Français")
    click_button(driver, "Change")
    assert path_of(driver).startswith("/login")
    visit(driver, check_page, "sign-in page in French")
    assert text_of(driver, "h1") == "Connexion"

    sign_in(driver, server, LEA["email"], LEA["password"], labels=FRENCH_LOGIN)
    assert path_of(driver) == "/welcome", driver.current_url
    visit(driver, check_page, "welcome page in French")
    assert text_of(driver, "h1") == "Bienvenue au comité"
    for label in ("Rattachement", "Données", "Intelligence artificielle", "Droit",
                  "Éthique et philosophie", "Relation client", "Sécurité", "Autre",
                  "J’ai lu cette déclaration et je la signe."):
        assert field(driver, label)
    legend = driver.find_element(By.CSS_SELECTOR, "main fieldset legend")
    assert " ".join(legend.get_attribute("textContent").split()) == "Domaines d’expertise"

    # Without the tick: the error is in French too.
    fill(driver, "Rattachement", "Direction juridique")
    tick(driver, "Droit")
    click_button(driver, "Signer et continuer")
    visit(driver, check_page, "welcome page in French, without the tick", expected_status=422)
    assert text_of(driver, "#accept-error") == "Cochez la case pour signer la déclaration."
    assert field(driver, "Rattachement").get_attribute("value") == "Direction juridique"
    assert field(driver, "Droit").is_selected()

    complete_welcome(driver, "Direction juridique", [],
                     labels=("Rattachement", "J’ai lu cette déclaration et je la signe.",
                             "Signer et continuer"))
    assert path_of(driver) == "/", driver.current_url
    visit(driver, check_page, "home in French")
    assert text_of(driver, "h1") == f"Bienvenue, {LEA['name']}"
    assert text_of(driver, ".flash") == "Merci. Votre profil est complet et votre déclaration signée."
    assert text_of(driver, "header .badge") == "Membre"

    click_and_wait(driver, nav_link(driver, "Membres"))
    assert path_of(driver) == "/members"
    visit(driver, check_page, "members in French")
    assert text_of(driver, "h1") == "Membres du comité"
    row = driver.find_element(By.XPATH, f"//main//tr[td/a[normalize-space()='{LEA['name']}']]")
    assert "Direction juridique" in row.text and "Droit" in row.text

    click_and_wait(driver, row.find_element(By.TAG_NAME, "a"))
    assert re.fullmatch(r"/members/\d+", path_of(driver)), driver.current_url
    visit(driver, check_page, "own member page in French")
    for label in ("Organisation", "Nature de l’intérêt", "Depuis le"):
        assert field(driver, label)
    assert find_button(driver, "Ajouter l’intérêt")

    click_and_wait(driver, nav_link(driver, "Mon compte"))
    assert path_of(driver) == "/account/password"
    visit(driver, check_page, "password page in French")
    for label in ("Mot de passe actuel", "Nouveau mot de passe", "Répétez le mot de passe"):
        assert field(driver, label)

    sign_out(driver, "Se déconnecter")
    visit(driver, check_page, "sign-in page in French, after signing out")
    assert field(driver, "Mot de passe") and field(driver, "E-mail")


def test_administrator_pages_in_french(driver, server, check_page, state):
    admin = admin_account(server, state)
    sign_in(driver, server, admin["email"], admin["password"])
    assert path_of(driver) == "/"
    # Signed in, the choice is saved on the account.
    choose(driver, "Language", "Français")
    click_button(driver, "Change")
    assert path_of(driver) == "/"
    visit(driver, check_page, "home as admin in French")
    assert text_of(driver, "header .badge") == "Administrateur"

    try:
        for label, name, path in (("Comptes", "accounts in French", "/admin/users"),
                                  ("Journal d’audit", "audit trail in French", "/admin/audit"),
                                  ("Paramètres", "settings in French", "/admin/settings")):
            click_and_wait(driver, nav_link(driver, label))
            assert path_of(driver) == path
            visit(driver, check_page, name)
        for label in ("Nom du comité", "Langue par défaut", "Fuseau horaire",
                      "Membres votants présents pour un vote",
                      "Au moins un membre externe doit être présent",
                      "Texte de la déclaration d’indépendance"):
            assert field(driver, label)

        # A new browser (no language cookie) finds the choice again after signing in.
        sign_out(driver, "Se déconnecter")
        driver.delete_all_cookies()
        sign_in(driver, server, admin["email"], admin["password"])
        assert path_of(driver) == "/"
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
        assert text_of(driver, "h1") == f"Bienvenue, {admin['name']}"
    finally:
        # Back to English, so that the other journeys find the administrator as they left them.
        switch = driver.find_elements(By.ID, "language-switch")
        if switch:
            Select(switch[0]).select_by_value("en")
            click_and_wait(driver, driver.find_element(
                By.CSS_SELECTOR, "form.language button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert text_of(driver, "h1") == f"Welcome, {admin['name']}"
