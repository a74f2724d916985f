"""The landing page at ``/`` on a 360×740 phone, in headless Chromium on a real server: nothing
runs off the screen sideways, in a left-to-right and a right-to-left language."""

import pytest

from tests import app_browser, live_server
from tests.app_browser import PHONE

live_api_server = live_server.live_api_server
browser = app_browser.browser
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_landing_page_fits_a_phone_without_scrolling_sideways(
    live_api_server, browser, language
):
    context = browser.new_context(locale=language, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_api_server.url}/?lang={language}")
    assert page.locator("html").get_attribute("lang") == language
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The other languages are each a word of their own, every one of them on the screen.
    links = page.locator("nav.languages a")
    assert links.count() == 7
    for box in (links.nth(i).bounding_box() for i in range(links.count())):
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    text = page.locator("nav.languages").inner_text()
    assert "العربيةدری" not in text and "EnglishFrançais" not in text
    context.close()
