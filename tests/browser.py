"""Debian's Chromium, headless, as the browser tests drive it with Playwright."""

from playwright.sync_api import expect

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's ``expect`` waits 5 s by default; on a loaded two-core machine assertions get the
# same 30 s the pages are given.
expect.set_options(timeout=30_000)
