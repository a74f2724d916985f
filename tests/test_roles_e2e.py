"""Each role walks its job in headless Chromium, in its own admin language: a Portuguese
partner editor, a Persian translator then reviewer, a French counsellor and a French moderator.
Each test fails on any English label of ours left on its screens, on any error page, and on any
screen the role should not reach.

With ``UPDATE_DOCS_SCREENSHOTS=1`` the screens are saved for docs/editors.md,
docs/translators.md and docs/counsellors.md (docs/editors/, docs/translation/, docs/counsellors/).
"""

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
import wagtail_localize
from django.conf import settings
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests import celery_worker, live_server
from tests.browser import CHROMIUM, CHROMIUM_ARGS

live_api_server = live_server.live_api_server
print_worker = celery_worker.print_worker
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

DOCS = Path(settings.BASE_DIR) / "docs"
VIEWPORT = {"width": 1280, "height": 900}
LABELS = "label, legend, h1, h2, h3, th, button, .help, .w-field__help, .w-panel__heading, a"
SEGMENTS = "li.complete, li.incomplete, li.errored"  # wagtail-localize's translation segments
ERROR_WORDS = ("Traceback", "OperationalError", "Server Error (500)", "database is locked")


def english_texts_of_ours(language: str) -> set[str]:
    """Our interface texts whose translation into ``language`` differs from the English."""
    po = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    return {
        entry.msgid
        for entry in po
        if entry.msgstr and entry.msgstr != entry.msgid and len(entry.msgid) > 3
    }


def english_texts_of_wagtail_localize(language: str) -> set[str]:
    """The translation editor's texts (wagtail-localize's JavaScript catalogue) that read in
    English in ``language``: untranslated, or translated differently."""
    from django.test import RequestFactory
    from django.utils import translation
    from django.views.i18n import JSONCatalog

    from cms.core.admin_languages import admin_language

    source = Path(wagtail_localize.__file__).parent / "locale" / "en" / "LC_MESSAGES"
    texts = {entry.msgid for entry in polib.pofile(str(source / "djangojs.po")) if entry.msgid}
    with translation.override(admin_language(language)):
        answer = JSONCatalog.as_view(packages=["wagtail_localize"])(RequestFactory().get("/"))
    catalogue = json.loads(answer.content)["catalog"]
    return {text.strip() for text in texts if catalogue.get(text) != text and len(text) > 3}


class Role:
    """One signed-in browser window, checking every screen it opens."""

    def __init__(self, browser: Browser, server: live_server.LiveServer, account, language):
        self.server, self.language = server, language
        self.english = english_texts_of_ours(language) | english_texts_of_wagtail_localize(language)
        self.errors: list[str] = []
        context = browser.new_context(viewport=VIEWPORT, locale=language)
        self.page = context.new_page()
        self.page.set_default_timeout(30_000)
        self.page.on(
            "response",
            lambda r: r.status >= 500 and self.errors.append(f"{r.status} {r.url}"),
        )
        self.page.goto(f"{server.url}/admin/login/")
        self.page.fill("input[name=username]", account[0])
        self.page.fill("input[name=password]", account[1])
        self.page.click("button[type=submit]")
        self.page.wait_for_url(f"{server.url}/admin/")

    def open(self, path: str) -> Page:
        self.page.goto(f"{self.server.url}{path}")
        return self.checked()

    def checked(self) -> Page:
        page = self.page
        page.wait_for_load_state("domcontentloaded")
        html = page.content()
        assert not any(word in html for word in ERROR_WORDS), f"error page at {page.url}"
        assert not self.errors, self.errors
        texts = page.eval_on_selector_all(
            LABELS, "nodes => nodes.filter(n => n.offsetParent).map(n => n.innerText.trim())"
        )
        english = sorted({text for text in texts if text in self.english})
        assert not english, f"English labels at {page.url}: {english}"
        return page

    def refused(self, path: str, words: str) -> None:
        """The role may not open ``path``: it is sent away with a message in its language."""
        self.page.goto(f"{self.server.url}{path}")
        assert words in self.page.content(), f"{path} was not refused in {self.language}"
        assert "/edit/" not in self.page.url or "permission" in self.page.content().lower()

    def document(self, folder: str, name: str) -> None:
        if os.environ.get("UPDATE_DOCS_SCREENSHOTS"):
            (DOCS / folder).mkdir(exist_ok=True)
            self.page.screenshot(path=DOCS / folder / f"{name}.png", animations="disabled")


@pytest.fixture(scope="module")
def roles(live_api_server) -> Iterator[dict]:
    made = json.loads(live_api_server.run_module("tests.role_accounts", "create"))
    yield made
    live_api_server.run_module("tests.role_accounts", "delete")


@pytest.fixture
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_a_portuguese_partner_editor_finds_and_edits_her_modules(
    live_api_server, roles, chromium, tmp_path
):
    pages = roles["pages"]
    editor = Role(chromium, live_api_server, roles["accounts"]["editor"], "pt")
    home = editor.checked()
    expect(home.get_by_role("heading", name=re.compile("Os nossos módulos"))).to_be_visible()
    editor.document("editors", "dashboard-our-modules")

    listing = editor.open("/admin/modules/?q=Factor+Social&locale=en")
    expect(listing.locator("tbody tr").first).to_be_visible()
    editor.document("editors", "modules-by-partner")

    state = tmp_path / "module.pickle"
    live_api_server.run_module(
        "tests.page_state", "save", pages["own_module_slug"], "en", str(state)
    )
    try:
        form = editor.open(f"/admin/pages/{pages['own_module']}/edit/")
        editor.document("editors", "module-form-pt")
        summary = form.locator("textarea[name=summary]")
        summary.fill(summary.input_value() + " ")
        form.wait_for_timeout(1500)  # Wagtail's autosave runs meanwhile
        summary.fill(summary.input_value().rstrip())
        form.get_by_role("button", name="Gravar rascunho").click()
        form.wait_for_load_state("domcontentloaded")
        editor.checked()
        expect(form.locator(".messages")).to_contain_text("atualizada")
    finally:
        live_api_server.run_module("tests.page_state", "restore", str(state))

    editor.refused(f"/admin/pages/{pages['category']}/edit/", "não tem permissão")
    editor.refused(f"/admin/pages/{pages['other_module']}/edit/", "não tem permissão")
    editor.open("/admin/e_library/?country=PT&locale=en")
    editor.document("editors", "e-library-filters")


def test_a_persian_translator_then_reviewer(live_api_server, roles, chromium):
    pages = roles["pages"]
    translator = Role(chromium, live_api_server, roles["accounts"]["translator"], "fa")
    report = translator.open("/admin/translation/report/?locale=fa")
    expect(report.locator("th[data-locale=fa]")).to_have_text("فارسی")
    translator.document("translation", "report-fa")
    editor = translator.open(f"/admin/pages/{pages['persian_module']}/edit/")
    segments = editor.locator(".js-translation-editor").locator(SEGMENTS)
    # The English source reads left to right in the Persian admin; the translation follows
    # the target language, as shown and as typed.
    expect(segments.locator(":scope > p").first).to_have_attribute("dir", "ltr")
    expect(segments.locator(":scope > p").first).to_have_attribute("lang", "en")
    expect(editor.locator(".js-translation-editor footer")).to_be_visible()
    expect(editor.get_by_text("Convert to alias page")).to_have_count(0)
    expect(editor.locator("a[href*='/convert_to_alias/']")).to_have_count(0)
    expect(editor.locator("button[data-w-action-url-value*='/disable/']")).to_be_hidden()
    segments.locator("button").first.click()
    field = segments.locator("textarea").first
    expect(field).to_have_attribute("dir", "rtl")
    expect(field).to_have_attribute("lang", "fa")
    translator.checked()  # wagtail-localize's own texts, now rendered, are Persian too
    expect(editor.get_by_role("heading", name="ترجمه: انگلیسی ← فارسی").first).to_be_visible()
    translator.document("translation", "editor-fa")
    translator.refused(f"/admin/pages/{pages['own_module']}/edit/", "مجوز لازم")

    reviewer = Role(chromium, live_api_server, roles["accounts"]["reviewer"], "fa")
    reviewer.open("/admin/translation/report/?locale=fa&needs_work=1")
    reviewer.document("translation", "report-needs-work-fa")


def test_a_french_counsellor_reads_then_prints_a_module(
    live_api_server, roles, chromium, print_worker
):
    counsellor = Role(chromium, live_api_server, roles["accounts"]["counsellor"], "fr")
    form = counsellor.open("/admin/printable-packs/")
    expect(form.locator("[data-print-field=category]")).to_be_hidden()
    expect(form.locator("[data-print-field=modules]")).to_be_hidden()
    form.locator("select[name=module]").select_option(index=1)
    form.locator("select[name=locale]").select_option("fr")
    read = form.locator("[data-print-read] a")
    expect(read).to_be_visible()
    counsellor.document("counsellors", "print-form")
    form.locator("input[name=kind][value=category]").check()
    expect(form.locator("[data-print-field=category]")).to_be_visible()
    expect(form.locator("[data-print-field=module]")).to_be_hidden()
    form.locator("input[name=kind][value=module]").check()

    with form.context.expect_page() as opened:
        read.click()
    reading = opened.value
    reading.wait_for_load_state()
    assert reading.locator("html").get_attribute("lang") == "fr"
    reading.close()

    form.get_by_role("button", name="Imprimer").click()
    form.wait_for_url(re.compile(r"/admin/printable-packs/[0-9a-f-]{36}/"))
    counsellor.checked()
    expect(form.locator(".print-job-summary")).to_contain_text("-fr.pdf")
    counsellor.document("counsellors", "print-job")
    expect(form.locator("[data-print-download]")).to_be_visible(timeout=120_000)
    counsellor.document("counsellors", "print-job-done")
    counsellor.refused(f"/admin/pages/{roles['pages']['own_module']}/edit/", "Désolé")


def test_a_french_moderator_sees_certificates_in_one_word_per_status(
    live_api_server, roles, chromium
):
    moderator = Role(chromium, live_api_server, roles["accounts"]["moderator"], "fr")
    listing = moderator.open("/admin/certificates/")
    assert "<td>Délivré</td>" not in listing.content()
    expect(listing.locator("tbody tr").first).to_contain_text("Valide")
    expect(listing.locator("tbody tr").first).to_contain_text("Français")
    moderator.document("editors", "certificates-fr")

    # Revoking asks for a reason, then for a confirmation, all in French.
    detail = moderator.open(f"/admin/certificates/{roles['certificate']}/")
    expect(detail.locator("dd strong")).to_have_text("Valide")
    detail.fill("textarea[name=reason]", "Identité usurpée")
    detail.get_by_role("button", name="Révoquer…").click()
    expect(detail.get_by_role("heading", name="Révoquer ce certificat ?")).to_be_visible()
    moderator.checked()
    moderator.document("editors", "certificate-revocation-fr")
    detail.get_by_role("button", name="Oui, le révoquer").click()
    expect(detail.get_by_text("Le certificat est révoqué.")).to_be_visible()
    expect(detail.locator("dd strong")).to_have_text("Révoqué")
    moderator.checked()
    listing = moderator.open("/admin/certificates/")
    expect(listing.locator("tbody tr").first).to_contain_text("Révoqué")
    moderator.open(f"/admin/pages/{roles['pages']['category']}/edit/")
