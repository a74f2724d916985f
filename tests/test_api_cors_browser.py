"""A front end on another origin, in a real Chromium: every call it makes to the API gets through.

The page is served by a second local server on another port (so another origin); its scripts
call the live API with ``fetch()``, and Chromium's own CORS checks decide what they may read.
"""

import http.server
import json
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import sync_playwright

from cms.learners.api.throttles import clear_throttles
from tests import live_server
from tests.browser import CHROMIUM, CHROMIUM_ARGS

live_api_server = live_server.live_api_server
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

PAGE = b"<!doctype html><html lang='en'><title>Another front end</title><p>Front end</p></html>"

CALLS = """async (api) => {
  const read = async (response) => ({
    status: response.status,
    type: response.headers.get('Content-Type'),
    etag: response.headers.get('ETag'),
    language: response.headers.get('Content-Language'),
    location: response.headers.get('Location'),
    body: response.status === 304 ? null : await response.text(),
  });
  const results = {};
  const list = await fetch(`${api}/api/v1/modules/?page_size=2`);
  results.list = await read(list);
  results.notModified = await read(await fetch(`${api}/api/v1/modules/?page_size=2`, {
    headers: {'If-None-Match': results.list.etag},
  }));
  results.badFilter = await read(await fetch(`${api}/api/v1/library/good-practices/?type=film`));
  results.unknownId = await read(await fetch(`${api}/api/v1/modules/999999999/`));
  results.noSlash = await read(await fetch(`${api}/api/v1/modules`));
  results.root = await read(await fetch(`${api}/api/v1/`));
  const registered = await fetch(`${api}/api/v1/learners/`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({display_name: 'Cross-origin learner'}),
  });
  results.register = await read(registered);
  const token = JSON.parse(results.register.body).token;
  results.me = await read(await fetch(`${api}/api/v1/learners/me/`, {
    headers: {'Authorization': `Bearer ${token}`},
  }));
  results.signedOut = await read(await fetch(`${api}/api/v1/learners/me/`, {
    headers: {'Authorization': 'Bearer not-a-token'},
  }));
  return results;
}"""


@pytest.fixture
def other_origin() -> Iterator[str]:
    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def test_a_page_on_another_origin_reads_every_answer(live_api_server, other_origin):
    assert other_origin != live_api_server.url
    clear_throttles()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            console = []
            page.on("console", lambda message: console.append(message.text))
            page.goto(other_origin)
            results = page.evaluate(CALLS, live_api_server.url)
        finally:
            browser.close()

    assert not [line for line in console if "CORS" in line], console
    assert results["list"]["status"] == 200
    assert results["list"]["etag"], "ETag must be exposed to scripts"
    assert results["list"]["language"] == "en"
    assert results["notModified"]["status"] == 304
    for name in ("badFilter", "unknownId"):
        problem = results[name]
        assert problem["type"] == "application/problem+json", (name, problem)
        assert json.loads(problem["body"])["status"] == problem["status"] in (400, 404)
    assert results["noSlash"]["status"] == 200  # the trailing-slash redirect was followed
    assert results["root"]["status"] == 200
    assert results["register"]["status"] == 201
    assert results["me"]["status"] == 200
    assert json.loads(results["me"]["body"])["display_name"] == "Cross-origin learner"
    assert results["signedOut"]["status"] == 401


MEDIA = """async (api) => {
  const results = {};
  const module = await (await fetch(`${api}/api/v1/modules/?page_size=50`)).json();
  const detail = async (id) => (await fetch(`${api}/api/v1/modules/${id}/`)).text();
  const texts = await Promise.all(module.results.map((item) => detail(item.id)));
  const all = texts.join('\\n');
  const url = (pattern) => { const m = all.match(pattern); return m && m[1]; };
  const vtt = url(/"url": ?"([^"]+\\.vtt)"/);
  const audio = url(/"url": ?"([^"]+\\.(?:ogg|mp3))"/);
  const rendition = url(/"url": ?"([^"]+\\/media\\/images\\/[^"]+)"/);
  const subtitles = await fetch(vtt);
  results.vtt = {status: subtitles.status, text: (await subtitles.text()).slice(0, 6)};
  const ranged = await fetch(audio, {headers: {'Range': 'bytes=0-99'}});
  results.range = {
    status: ranged.status,
    contentRange: ranged.headers.get('Content-Range'),
    length: (await ranged.arrayBuffer()).byteLength,
  };
  const image = await fetch(rendition);
  results.rendition = {status: image.status, cache: image.headers.get('Cache-Control')};
  results.duration = await new Promise((resolve) => {
    const player = document.createElement('audio');
    player.preload = 'metadata';
    player.onloadedmetadata = () => resolve(String(player.duration));
    player.onerror = () => resolve('error');
    player.src = audio;
  });
  return results;
}"""


def test_players_on_another_origin_get_subtitles_ranges_and_cached_images(
    live_api_server, other_origin
):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(other_origin)
            results = page.evaluate(MEDIA, live_api_server.url)
        finally:
            browser.close()

    assert results["vtt"] == {"status": 200, "text": "WEBVTT"}
    assert results["range"]["status"] == 206
    assert results["range"]["contentRange"].startswith("bytes 0-99/")
    assert results["range"]["length"] == 100
    assert results["rendition"]["status"] == 200
    assert "max-age=31536000" in results["rendition"]["cache"]
    duration = results["duration"]
    assert duration not in ("Infinity", "NaN", "error") and float(duration) > 0, duration
