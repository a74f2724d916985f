"""While printing, WeasyPrint reads our own static and media files and nothing else."""

import os
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader
from wagtail.rich_text import RichText

from cms.printing.documents import PrintOptions
from cms.printing.fetcher import OwnFilesFetcher, RefusedURL, own_origin
from cms.printing.jobs import render_document

from .factories import ModulePageFactory, section
from .print_helpers import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def fetcher():
    return OwnFilesFetcher()


@pytest.fixture
def media_file():
    path = Path(settings.MEDIA_ROOT) / "print-test" / "dot.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("ours")
    return path


class CountingHandler(BaseHTTPRequestHandler):
    """A host that is not ours: counts requests and answers with a redirect to a local file."""

    hits: list[str] = []

    def do_GET(self):
        CountingHandler.hits.append(self.path)
        self.send_response(302)
        self.send_header("Location", "file:///etc/passwd")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def other_host():
    CountingHandler.hits = []
    server = HTTPServer(("127.0.0.1", 0), CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/picture.png",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "file:///dev/zero",
        "file:///proc/self/environ",
        "ftp://example.org/file",
        "/media/../../../etc/passwd",
        "/media/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/admin/",
        "/static/../../../../etc/hostname",
        "data:text/plain;base64," + "QUFB" * 100_000,
    ],
)
def test_hostile_urls_are_refused(fetcher, url):
    if url.startswith("/"):
        url = own_origin() + url
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_a_link_out_of_the_media_folder_is_refused(fetcher, media_file):
    link = media_file.parent / "passwd-link.png"
    link.unlink(missing_ok=True)
    os.symlink("/etc/passwd", link)
    try:
        with pytest.raises(RefusedURL):
            fetcher.fetch(f"{own_origin()}/media/print-test/passwd-link.png")
    finally:
        link.unlink()  # the media folder is shared by the tests of this process


def test_a_pipe_in_the_media_folder_is_refused(fetcher, media_file):
    pipe = media_file.parent / "pipe.png"
    pipe.unlink(missing_ok=True)
    os.mkfifo(pipe)
    try:
        with pytest.raises(RefusedURL):
            fetcher.fetch(f"file://{pipe}")
    finally:
        pipe.unlink()  # the media folder is shared by the tests of this process


def test_our_static_and_media_files_and_small_data_urls_are_served(fetcher, media_file):
    css = fetcher.fetch(f"{own_origin()}/static/printing/print.css")
    assert b"@font-face" in css.read()
    assert fetcher.fetch(f"{own_origin()}/media/print-test/dot.txt").read() == b"ours"
    assert fetcher.fetch(f"file://{media_file}").read() == b"ours"
    assert fetcher.fetch("data:text/plain;base64,b3Vycw==").read() == b"ours"
    assert fetcher.refused == []


def test_hostile_rich_text_prints_without_reaching_out(tmp_path, other_host):
    page = ModulePageFactory(body=[section("Teamwork", "<p>Work as a team.</p>")])
    body = page.body
    hostile = (
        f'<p>Look <img src="{other_host}/tracker.png"> here.</p>'
        f'<p style="background: url({other_host}/background.png)">Styled.</p>'
        '<p><img src="file:///etc/passwd"><img src="/media/../../../../etc/shadow"></p>'
        f'<p><object data="{other_host}/object"></object></p>'
        f"<style>@import url({other_host}/import.css);</style>"
    )
    body[0].value["body"] = RichText(hostile + body[0].value["body"].source)
    page.body = body
    page.save_revision().publish()

    destination = tmp_path / "hostile.pdf"
    rendered = render_document("module", [page.pk], "en", PrintOptions(), destination)

    assert CountingHandler.hits == []
    assert {f"{other_host}/tracker.png", "file:///etc/passwd"} <= set(rendered.refused)
    printed = text(PdfReader(destination))
    assert "Styled." in printed
    assert "root:x:0:0" not in printed
