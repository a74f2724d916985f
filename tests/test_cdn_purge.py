"""A CDN in front of the API is told, on commit, every API address a publication changes, in
every locale; one that cannot be reached never stops an editor from publishing."""

import logging
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.core.api.cdn import changed_urls
from cms.core.locales import locale_codes
from cms.modules.models import PathwayModule
from tests.api_helpers import translate

from .factories import CategoryPageFactory, ModulePageFactory, PathwayPageFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://api.migrantech.example"


class Receiver(ThreadingHTTPServer):
    """A purge receiver like Varnish's: records each PURGE (host and path with query)."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), PurgeHandler)
        self.purged: list[tuple[str, str]] = []
        self.status = 200
        self.lock = threading.Lock()

    @property
    def location(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def paths(self) -> set[str]:
        with self.lock:
            return {path for _host, path in self.purged}

    def clear(self) -> None:
        with self.lock:
            self.purged.clear()


class PurgeHandler(BaseHTTPRequestHandler):
    server: Receiver

    def do_PURGE(self) -> None:
        with self.server.lock:
            self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def backend(location: str) -> dict:
    return {
        "purge-receiver": {
            "BACKEND": "cms.core.api.cdn.PurgeReceiverBackend",
            "LOCATION": location,
            "TIMEOUT": 2,
        }
    }


@pytest.fixture
def receiver(settings):
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = backend(server.location)
    settings.FRONTEND_CACHE_API_ORIGIN = ORIGIN
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port():
    """A local port nothing listens on: a purge receiver that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def every_locale(path: str) -> set[str]:
    return {path} | {f"{path}?locale={code}" for code in locale_codes()}


def module_with_french_translation():
    module = ModulePageFactory()
    french = translate(module, "fr")
    return module, french


def test_publishing_a_module_purges_its_detail_and_the_lists_in_every_locale(
    receiver, django_capture_on_commit_callbacks
):
    module, _french = module_with_french_translation()
    category = module.get_parent()
    receiver.clear()
    module.title = "Working together, revised"
    with django_capture_on_commit_callbacks(execute=True):
        module.save_revision().publish()

    purged = receiver.paths()
    assert len(locale_codes()) == 8
    for path in (
        f"/api/v1/modules/{module.pk}/",
        "/api/v1/modules/",
        "/api/v1/catalogue/",
        "/api/v1/categories/",
        "/api/v1/pathways/",
        f"/api/v1/categories/{category.pk}/",
    ):
        assert every_locale(path) <= purged, path
    # Sent to the receiver for the API's public host, as a CDN keys them.
    assert {host for host, _path in receiver.purged} == {"api.migrantech.example"}


def test_publishing_a_translation_purges_the_items_address_in_every_locale(
    receiver, django_capture_on_commit_callbacks
):
    module = ModulePageFactory()
    receiver.clear()
    with django_capture_on_commit_callbacks(execute=True):
        french = translate(module, "fr")  # wagtail-localize: translated, then published
    assert every_locale(f"/api/v1/modules/{module.pk}/") <= receiver.paths()
    receiver.clear()
    french.title = "Travailler ensemble, revu"
    with django_capture_on_commit_callbacks(execute=True):
        french.save_revision().publish()
    # The French version is served at its source's id: /modules/<source id>/?locale=fr.
    assert every_locale(f"/api/v1/modules/{module.pk}/") <= receiver.paths()
    assert f"/api/v1/modules/{french.pk}/" not in receiver.paths()


def test_unpublishing_a_module_purges_the_same_addresses(
    receiver, django_capture_on_commit_callbacks
):
    module, _french = module_with_french_translation()
    receiver.clear()
    with django_capture_on_commit_callbacks(execute=True):
        module.unpublish()
    purged = receiver.paths()
    assert every_locale(f"/api/v1/modules/{module.pk}/") <= purged
    assert every_locale("/api/v1/modules/") <= purged
    assert every_locale("/api/v1/catalogue/") <= purged


def test_nothing_is_sent_before_the_transaction_commits(
    receiver, django_capture_on_commit_callbacks
):
    module = ModulePageFactory()
    receiver.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        module.save_revision().publish()
    assert receiver.paths() == set()
    for callback in callbacks:
        callback()
    assert f"/api/v1/modules/{module.pk}/" in receiver.paths()


def test_a_pathway_listing_the_module_and_its_partner_are_purged_too(
    settings, django_capture_on_commit_callbacks
):
    settings.FRONTEND_CACHE_API_ORIGIN = ORIGIN
    module = ModulePageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        pathway = PathwayPageFactory()
        pathway.pathway_modules.add(PathwayModule(module=module))
        pathway.save_revision().publish()
    urls = changed_urls(module)
    assert f"{ORIGIN}/api/v1/pathways/{pathway.pk}/?locale=ar" in urls
    # A partner's name shows in its modules: saving the partner changes the module's address.
    assert f"{ORIGIN}/api/v1/modules/{module.pk}/?locale=uk" in changed_urls(module.partner)
    assert f"{ORIGIN}/api/v1/partners/{module.partner.pk}/?locale=fr" in changed_urls(
        module.partner
    )


def test_a_receiver_that_is_down_does_not_stop_publishing(
    settings, closed_port, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = backend(f"http://127.0.0.1:{closed_port}")
    module = ModulePageFactory()
    module.title = "Published all the same"
    with (
        caplog.at_level(logging.WARNING, logger="cms.core.api.cdn"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        revision = module.save_revision()
        revision.publish()
    module.refresh_from_db()
    assert module.live and module.title == "Published all the same"
    assert module.live_revision == revision
    warnings = [r for r in caplog.records if r.name == "cms.core.api.cdn"]
    assert len(warnings) == 1 and "unreachable" in warnings[0].getMessage()


def test_without_a_configured_cdn_nothing_is_purged(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    module = ModulePageFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        module.save_revision().publish()
    assert not [c for c in callbacks if getattr(c, "__module__", "") == "cms.core.api.cdn"]


def test_deleting_a_live_module_purges_its_addresses(receiver, django_capture_on_commit_callbacks):
    module = ModulePageFactory()
    module_id, category_id = module.pk, module.get_parent().pk
    receiver.clear()
    with django_capture_on_commit_callbacks(execute=True):
        module.delete()
    purged = receiver.paths()
    assert every_locale(f"/api/v1/modules/{module_id}/") <= purged
    assert every_locale(f"/api/v1/categories/{category_id}/") <= purged
    assert every_locale("/api/v1/catalogue/") <= purged
    # Once, though Django deletes the page's Page row and its module row.
    assert len(receiver.purged) == len(set(receiver.purged))


@pytest.fixture
def silent_port():
    """A receiver that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(200)
        yield listener.getsockname()[1]


def test_a_receiver_that_never_answers_costs_one_timeout(
    settings, silent_port, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = backend(f"http://127.0.0.1:{silent_port}")
    settings.WAGTAILFRONTENDCACHE["purge-receiver"]["TIMEOUT"] = 0.5
    module = ModulePageFactory()
    started = time.monotonic()
    with (
        caplog.at_level(logging.WARNING, logger="cms.core.api.cdn"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        module.save_revision().publish()
    assert time.monotonic() - started < 3
    warnings = [r for r in caplog.records if r.name == "cms.core.api.cdn"]
    assert len(warnings) == 1 and "unreachable" in warnings[0].getMessage()


def test_an_image_a_module_shows_purges_the_module_and_a_new_upload_nothing(
    receiver, django_capture_on_commit_callbacks
):
    image = Image.objects.create(title="Desk", file=get_test_image_file())
    module = ModulePageFactory(
        body=[("image", {"image": image, "alt_text": "A desk.", "caption": ""})]
    )
    receiver.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Image.objects.create(title="Unused", file=get_test_image_file())
    assert receiver.paths() == set()
    image.title = "A tidy desk"
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert every_locale(f"/api/v1/modules/{module.pk}/") <= receiver.paths()


def test_moving_a_module_purges_the_category_it_left_and_the_one_it_joined(
    receiver, django_capture_on_commit_callbacks
):
    module = ModulePageFactory()
    before = module.get_parent()
    after = CategoryPageFactory(parent=before.get_parent())
    after.save_revision().publish()
    receiver.clear()
    with django_capture_on_commit_callbacks(execute=True):
        module.move(after, pos="last-child")
    purged = receiver.paths()
    assert every_locale(f"/api/v1/categories/{before.pk}/") <= purged
    assert every_locale(f"/api/v1/categories/{after.pk}/") <= purged
    assert every_locale(f"/api/v1/modules/{module.pk}/") <= purged


def test_a_receiver_that_refuses_is_one_warning_and_publishing_goes_on(
    receiver, caplog, django_capture_on_commit_callbacks
):
    receiver.status = 403
    module = ModulePageFactory()
    receiver.clear()
    with (
        caplog.at_level(logging.WARNING, logger="cms.core.api.cdn"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        module.save_revision().publish()
    assert f"/api/v1/modules/{module.pk}/" in receiver.paths()
    warnings = [r.getMessage() for r in caplog.records if r.name == "cms.core.api.cdn"]
    assert len(warnings) == 1 and re.search(r"refused to purge (\d+) of \1 .*403", warnings[0])
