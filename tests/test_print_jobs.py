"""Print jobs: reuse of identical finished jobs, re-rendering after a publish, failures that leave
no half-written file, leases, and the sweeper that hands stuck jobs on."""

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from pypdf import PdfReader

from cms.modules.models import CategoryPage
from cms.printing import jobs, sweeper
from cms.printing.documents import PrintOptions, PrintRequestError
from cms.printing.jobs import AnswerKeyNotAllowed, request_print, run_job
from cms.printing.models import PrintJob
from cms.printing.pdf import atomic_file
from cms.printing.storage import private_storage
from cms.printing.worksheets import shuffled

from .factories import CategoryPageFactory, InfographicPageFactory, ModulePageFactory, every_block
from .print_helpers import module, text

pytestmark = pytest.mark.django_db

Status = PrintJob.Status


@pytest.fixture(autouse=True)
def no_broker(monkeypatch):
    """Jobs are run by the tests themselves; what would have been queued is recorded."""
    sent = []
    monkeypatch.setattr(jobs.dispatcher, "send", sent.append)
    return sent


@pytest.fixture(autouse=True)
def curriculum():
    """Soft skills, a category of four modules (Teamwork 1 with every block type), and a module
    in another category."""
    soft_skills = CategoryPageFactory(slug="soft-skills", title="Soft skills")
    for slug, title in [
        ("teamwork-1", "Teamwork 1"),
        ("teamwork-2", "Teamwork 2"),
        ("trauma", "Trauma"),
        ("e-reputation", "E-reputation"),
    ]:
        body = every_block() if slug == "teamwork-1" else None
        fields = {"body": body} if body else {}
        ModulePageFactory(parent=soft_skills, slug=slug, title=title, **fields)
    ModulePageFactory(slug="access-to-rights", title="Access to rights")


@pytest.fixture
def counsellor():
    user = User.objects.create_user("counsellor", password="x")
    user.groups.add(Group.objects.get(name="Counsellors"))
    return user


def ask(slug="teamwork-1", locale="en", user=None, **options):
    return request_print("module", [module(slug).pk], locale, PrintOptions(**options), user)


def soft_skills():
    return CategoryPage.objects.get(slug="soft-skills", locale__language_code="en")


def test_a_finished_identical_job_is_reused_instead_of_rendering_again():
    job, reused = ask()
    assert (job.status, reused) == (Status.QUEUED, False)
    assert ask() == (job, True), "the same request while it waits joins the same job"
    done = run_job(job.pk)
    assert done.status == Status.DONE and done.progress == 100
    assert private_storage().exists(done.result.name)
    assert ask() == (done, True)
    assert ask(locale="fr")[1] is False
    assert ask(paper="Letter")[1] is False


def test_publishing_a_page_of_the_pack_makes_the_next_request_render_again():
    pack = request_print("category", [soft_skills().pk], "en", PrintOptions())[0]
    run_job(pack.pk)
    unrelated = module("access-to-rights")
    unrelated.save_revision().publish()
    assert request_print("category", [soft_skills().pk], "en", PrintOptions())[0] == pack

    member = module("teamwork-2")
    member.title = "Teamwork 2, revised"
    member.save_revision().publish()
    again, reused = request_print("category", [soft_skills().pk], "en", PrintOptions())
    assert not reused and again.fingerprint != pack.fingerprint
    printed = run_job(again.pk)
    assert "Teamwork 2, revised" in text(PdfReader(private_storage().path(printed.result.name)))


def test_a_missing_file_is_rendered_again():
    job = ask()[0]
    run_job(job.pk)
    private_storage().delete(PrintJob.objects.get(pk=job.pk).result.name)
    assert ask()[1] is False


def test_answer_keys_are_for_counsellors_only(counsellor):
    with pytest.raises(AnswerKeyNotAllowed):
        ask(answer_key=True)
    with pytest.raises(AnswerKeyNotAllowed):
        ask(answer_key=True, user=User.objects.create_user("learner"))
    job, _ = ask(answer_key=True, user=counsellor)
    assert job.has_answer_key and job.fingerprint != ask()[0].fingerprint


@pytest.mark.parametrize(
    ("kind", "targets", "locale", "options", "field"),
    [
        ("flyer", [1], "en", {}, "kind"),
        ("module", [], "en", {}, "targets"),
        ("module", [999_999], "en", {}, "targets"),
        ("module", "category", "en", {}, "targets"),
        ("module", "module", "xx", {}, "locale"),
        ("module", "module", "en", {"paper": "A3"}, "options"),
        ("poster", "infographic", "en", {"good_practices": True}, "options"),
    ],
)
def test_bad_requests_are_refused_with_the_field_at_fault(kind, targets, locale, options, field):
    ids = {
        "category": [soft_skills().pk],
        "module": [module("teamwork-1").pk],
        "infographic": [InfographicPageFactory().pk],
    }.get(targets if isinstance(targets, str) else "", targets)
    with pytest.raises(PrintRequestError) as refusal:
        request_print(kind, ids, locale, PrintOptions(**options))
    assert refusal.value.field == field
    assert PrintJob.objects.count() == 0


def test_progress_is_reported_while_rendering(monkeypatch):
    job = request_print("category", [soft_skills().pk], "en", PrintOptions())[0]
    seen = []
    monkeypatch.setattr(jobs._ProgressWriter, "MIN_INTERVAL", 0)
    original = jobs._ProgressWriter.report

    def spy(self, fraction):
        original(self, fraction)
        seen.append(PrintJob.objects.get(pk=job.pk).progress)

    monkeypatch.setattr(jobs._ProgressWriter, "report", spy)
    run_job(job.pk)
    assert seen == sorted(seen)
    assert len(set(seen)) > 10 and 10 < seen[len(seen) // 2] < 99


def test_a_failed_rendering_leaves_no_file_and_a_clear_error(monkeypatch):
    job = ask()[0]

    def crash(html, destination, **kwargs):
        with atomic_file(destination) as output:
            output.write(b"%PDF-1.7 half")
            raise RuntimeError("layout exploded")

    monkeypatch.setattr(jobs, "write_pdf", crash)
    failed = run_job(job.pk)
    assert failed.status == Status.FAILED
    assert failed.error == jobs.FAILED and "Try again" in failed.error
    folder = Path(private_storage().path("print"))
    assert not (folder / f"{job.pk}.pdf").exists()
    assert not list(folder.glob(f".{job.pk}*"))
    assert run_job(job.pk) is None, "a failed job is not taken up again"


def test_a_rendering_over_time_fails_with_its_own_message(monkeypatch):
    job = ask()[0]

    def too_slow(*args, **kwargs):
        raise TimeoutError

    monkeypatch.setattr(jobs, "write_pdf", too_slow)
    assert run_job(job.pk).error == jobs.TOO_LONG


def test_a_job_held_by_a_live_worker_is_left_alone_until_its_lease_runs_out():
    job = ask()[0]
    PrintJob.objects.filter(pk=job.pk).update(
        status=Status.RUNNING, attempts=1, deadline=timezone.now() + timedelta(seconds=60)
    )
    assert run_job(job.pk) is None
    assert 50 < jobs.lease_remaining(job.pk) <= 60

    PrintJob.objects.filter(pk=job.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    taken_over = run_job(job.pk)
    assert taken_over.status == Status.DONE and taken_over.attempts == 2
    assert jobs.lease_remaining(job.pk) is None


def test_the_sweeper_sends_stuck_jobs_again_and_gives_up_after_the_last_attempt(no_broker):
    past = timezone.now() - timedelta(seconds=1)
    lost_message = ask()[0]
    PrintJob.objects.filter(pk=lost_message.pk).update(deadline=past)
    dead_worker = ask("teamwork-2")[0]
    PrintJob.objects.filter(pk=dead_worker.pk).update(
        status=Status.RUNNING, attempts=1, deadline=past
    )
    worn_out = ask("trauma")[0]
    PrintJob.objects.filter(pk=worn_out.pk).update(
        status=Status.RUNNING, attempts=jobs.MAX_ATTEMPTS, deadline=past
    )
    waiting = ask("e-reputation")[0]
    no_broker.clear()

    assert set(sweeper.sweep_stuck_jobs()) == {lost_message.pk, dead_worker.pk}
    assert set(no_broker) == {lost_message.pk, dead_worker.pk}
    assert PrintJob.objects.get(pk=dead_worker.pk).status == Status.QUEUED
    assert PrintJob.objects.get(pk=worn_out.pk).status == Status.FAILED
    assert PrintJob.objects.get(pk=worn_out.pk).error == jobs.GAVE_UP
    assert PrintJob.objects.get(pk=waiting.pk).status == Status.QUEUED
    assert sweeper.sweep_stuck_jobs() == [], "a job sent again is not sent twice"
    assert run_job(dead_worker.pk).status == Status.DONE


def test_an_interrupted_write_leaves_the_previous_file_untouched(tmp_path):
    destination = tmp_path / "handout.pdf"
    destination.write_bytes(b"finished")
    with pytest.raises(KeyboardInterrupt), atomic_file(destination) as output:
        output.write(b"half")
        raise KeyboardInterrupt
    assert destination.read_bytes() == b"finished"
    assert [path.name for path in tmp_path.iterdir()] == ["handout.pdf"]


@pytest.mark.parametrize("size", [2, 3, 5, 8])
def test_shuffled_items_are_never_in_the_right_order(size):
    items = [f"step {number}" for number in range(size)]
    for seed in range(50):
        order = shuffled(items, str(seed))
        assert order != items and sorted(order) == sorted(items)
        assert order == shuffled(items, str(seed))


def test_the_order_is_the_secret_keys_not_the_public_ids(settings):
    """Knowing a question's public id is not enough: another secret key gives other orders."""
    items = [f"option {number}" for number in range(6)]
    seeds = [str(seed) for seed in range(20)]
    ours = [shuffled(items, seed) for seed in seeds]
    settings.SECRET_KEY = "another site's secret key, long enough to be a real one"
    theirs = [shuffled(items, seed) for seed in seeds]
    assert sum(a != b for a, b in zip(ours, theirs, strict=True)) >= 18


def test_a_worker_process_cannot_grow_past_its_memory_bound():
    script = (
        "from cms.printing.limits import limit_memory\n"
        "limit_memory(400)\n"
        "try:\n    bytearray(600 * 1024 * 1024)\n"
        "except MemoryError:\n    print('bounded')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "bounded"
