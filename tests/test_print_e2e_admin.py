"""End to end, in headless Chromium: a counsellor prints a category pack from the admin's
"Printable packs" screen, watches the progress bar fill up, and downloads the PDF.

With Redis (CI), a real worker prints while the page polls the job; without it (the demo), the
web process prints at once and the page finds the job ready.
"""

import time

import pytest
from playwright.sync_api import sync_playwright

from cms.printing.models import PrintJob
from tests import live_server
from tests.browser import CHROMIUM, CHROMIUM_ARGS

from .celery_worker import print_worker

live_api_server = live_server.live_api_server
worker = print_worker
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

WAIT_MS = 180_000


@pytest.fixture
def _django_db_helper(django_db_setup, django_db_blocker):
    """Database access without pytest-django's per-test transaction (its fixture, replaced):
    the jobs the live server and the worker commit must be removed for real afterwards."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def forget_jobs():
    yield
    PrintJob.objects.all().delete()


@pytest.fixture
def browser_page():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(accept_downloads=True)
        page.set_default_timeout(60_000)
        yield page
        browser.close()


def test_a_counsellor_prints_a_pack_and_downloads_it(
    live_api_server, worker, forget_jobs, browser_page
):
    page, server = browser_page, live_api_server
    page.goto(f"{server.url}/admin/login/")
    page.fill("input[name=username]", server.editor[0])
    page.fill("input[name=password]", server.editor[1])
    page.click("button[type=submit]")
    page.wait_for_url(f"{server.url}/admin/")

    page.click("text=Printable packs")
    page.check("input[name=kind][value=category]")
    page.select_option("select[name=category]", label="Soft skills")
    page.select_option("select[name=locale]", "fa")
    page.click("form.print-pack-form button[type=submit]")
    page.wait_for_url(f"{server.url}/admin/printable-packs/*/")

    bar = page.locator("[data-print-progress]")
    download = page.locator("[data-print-download]")
    seen = set()
    deadline = time.monotonic() + WAIT_MS / 1000
    while not download.is_visible() and time.monotonic() < deadline:
        seen.add(int(bar.evaluate("element => element.value")))
        time.sleep(0.2)
    assert download.is_visible(), f"the PDF never became ready (progress seen: {sorted(seen)})"
    assert bar.evaluate("element => element.value") == 100
    if worker:
        assert any(0 < value < 100 for value in seen), f"no progress shown: {sorted(seen)}"

    with page.expect_download() as downloaded:
        page.click("text=Download the PDF")
    with open(downloaded.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert downloaded.value.suggested_filename.endswith("-fa.pdf")
