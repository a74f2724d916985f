"""Translators per locale, review before publish, PO files in bulk, out-of-date flags."""

import io
import re
import zipfile

import polib
import pytest
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail.users.models import UserProfile

from cms.core.locales import source_locale
from cms.modules.models import ModulePage
from cms.translation.po import export_zip, import_zip
from cms.translation.report import module_statuses
from cms.translation.review import submit_for_review
from cms.translation.segments import translate_segments

from .factories import CategoryPageFactory, ModulePageFactory, every_block, section

pytestmark = pytest.mark.django_db

TITLES = {
    "e-reputation": "E-reputation",
    "use-of-the-cell-phone": "Use of the cell phone",
    "teamwork-1": "Teamwork 1",
}


@pytest.fixture(autouse=True)
def modules():
    """Three modules of one category, Digital skills; Teamwork 1 holds every block type, with a
    French subtitle track and no Arabic one; E-reputation has a line in bold and no video."""
    digital_skills = CategoryPageFactory(slug="digital-skills", title="Digital skills")
    for slug, title in TITLES.items():
        body = (
            every_block()
            if slug == "teamwork-1"
            else [section("Your name online", "<p>Search your <strong>name</strong>.</p>")]
        )
        ModulePageFactory(parent=digital_skills, slug=slug, title=title, body=body)


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def english(slug: str) -> ModulePage:
    return ModulePage.objects.get(slug=slug, locale__language_code="en")


def member_of(django_user_model, username: str, group_name: str):
    user = django_user_model.objects.create_user(username=username, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def status_of(slug: str, code: str):
    return next(s for s in module_statuses() if s.page.slug == slug).locales[code]


def translated_po(po_text: str, mark: str) -> polib.POFile:
    po = polib.pofile(po_text)
    for entry in po:
        entry.msgstr = f"{mark} {entry.msgid}" if entry.msgctxt != "slug" else entry.msgid
    return po


def zip_of(name: str, po: polib.POFile) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, str(po))
    return buffer.getvalue()


def test_a_french_translator_edits_french_pages_and_is_refused_on_turkish_ones(
    client, django_user_model
):
    module = english("e-reputation")
    french = translate_segments(module, locale("fr"), {"title": "L'e-réputation"})
    turkish = translate_segments(module, locale("tr"), {"title": "E-itibar"})
    translator = member_of(django_user_model, "traductrice", "Translators: French")

    assert french.permissions_for_user(translator).can_edit()
    assert not french.permissions_for_user(translator).can_publish()
    assert not turkish.permissions_for_user(translator).can_edit()
    assert not module.permissions_for_user(translator).can_edit()

    client.force_login(translator)
    refused = client.get(reverse("wagtailadmin_pages:edit", args=[turkish.pk]))
    assert refused.status_code in (302, 403)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).status_code == 200


def test_a_po_translation_is_reviewed_then_published(client, django_user_model):
    module = english("use-of-the-cell-phone")
    translate_segments(module, locale("fr"), {"title": "Le téléphone portable"})
    exported = export_zip([module], locale("fr"))
    name = zipfile.ZipFile(io.BytesIO(exported)).namelist()[0]
    po = translated_po(zipfile.ZipFile(io.BytesIO(exported)).read(name).decode(), "[fr]")

    report = import_zip(zip_of(name, po), locale("fr"), source_locale())
    assert report.applied == [name] and not report.refused
    french = module.get_translation(locale("fr"))
    published_title = french.title
    assert french.get_latest_revision_as_object().title == "[fr] Use of the cell phone"
    assert published_title == "Le téléphone portable", "a draft until reviewed"
    assert status_of("use-of-the-cell-phone", "fr").percent == 100

    translator = member_of(django_user_model, "translator", "Translators: French")
    submit_for_review(french, translator)
    state = WorkflowState.objects.get(object_id=str(french.pk), status="in_progress")
    assert status_of("use-of-the-cell-phone", "fr").awaiting_review

    reviewer = member_of(django_user_model, "reviewer", "Reviewers: French")
    UserProfile.objects.update_or_create(user=reviewer, defaults={"preferred_language": "fr"})
    client.force_login(reviewer)
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[french.pk, "approve", state.current_task_state.pk],
    )
    response = client.post(approve, {"comment": "Très bien"})
    assert response.status_code in (200, 302)
    # Wagtail's "Approve" says nothing; the reviewer reads, in French, that it is published.
    assert [str(note) for note in get_messages(response.wsgi_request)] == [
        "La page « [fr] Use of the cell phone » est approuvée et publiée (Français)."
    ]
    french.refresh_from_db()
    assert french.live
    assert french.title == "[fr] Use of the cell phone"


def test_a_rejected_translation_never_replaces_the_published_one(client, django_user_model):
    module = english("e-reputation")
    french = translate_segments(module, locale("fr"), {"title": "L'e-réputation"})
    translate_segments(module, locale("fr"), {"title": "Mauvais titre"}, publish=False)
    french.refresh_from_db()
    translator = member_of(django_user_model, "translator", "Translators: French")
    submit_for_review(french, translator)
    state = WorkflowState.objects.get(object_id=str(french.pk), status="in_progress")

    reviewer = member_of(django_user_model, "reviewer", "Reviewers: French")
    client.force_login(reviewer)
    reject = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[french.pk, "reject", state.current_task_state.pk],
    )
    client.post(reject, {"comment": "Le titre ne va pas"})
    french.refresh_from_db()
    assert french.live and french.title == "L'e-réputation"


def test_a_po_file_with_a_broken_entry_is_refused_whole():
    module = english("e-reputation")
    portuguese = translate_segments(module, locale("pt"), {"title": "E-reputação"})
    before = (portuguese.title, portuguese.latest_revision_id)
    exported = export_zip([module], locale("pt"))
    name = zipfile.ZipFile(io.BytesIO(exported)).namelist()[0]
    po = translated_po(zipfile.ZipFile(io.BytesIO(exported)).read(name).decode(), "[pt]")
    po.append(polib.POEntry(msgid="A sentence that is not in the page", msgstr="Uma frase"))

    report = import_zip(zip_of(name, po), locale("pt"), source_locale())
    assert report.applied == []
    [problem] = report.refused[name]
    assert "A sentence that is not in the page" in problem and "line" in problem
    portuguese.refresh_from_db()
    assert (portuguese.title, portuguese.latest_revision_id) == before
    assert status_of("e-reputation", "pt").percent < 100


def test_broken_markup_in_a_translation_is_refused():
    module = english("e-reputation")
    exported = export_zip([module], locale("nl"))
    name = zipfile.ZipFile(io.BytesIO(exported)).namelist()[0]
    po = polib.pofile(zipfile.ZipFile(io.BytesIO(exported)).read(name).decode())
    with_markup = next(entry for entry in po if re.search(r"<(b|strong|a)\b", entry.msgid))
    with_markup.msgstr = re.sub(r"<[^>]+>", "", with_markup.msgid)
    report = import_zip(zip_of(name, po), locale("nl"), source_locale())
    assert "same markup tags" in report.refused[name][0]


def test_the_bulk_commands_export_a_category_and_report_refusals(tmp_path):
    output = tmp_path / "digital.zip"
    call_command("export_translations", "tr", "category:digital-skills", output=output)
    names = zipfile.ZipFile(output).namelist()
    assert sorted(names) == [
        "categorypage-digital-skills.po",
        "modulepage-e-reputation.po",
        "modulepage-teamwork-1.po",
        "modulepage-use-of-the-cell-phone.po",
    ]

    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("modulepage-e-reputation.po", "this is not a po file\nmsgid")
    with pytest.raises(CommandError, match="1 file"):
        call_command("import_translations", "tr", broken)
    with pytest.raises(CommandError, match="choose all"):
        call_command("export_translations", "tr", "shelf:x", output=output)


def test_changing_the_source_flags_the_translation_out_of_date():
    module = english("e-reputation")
    translate_segments(module, locale("uk"), {"title": "Електронна репутація"})
    assert not status_of("e-reputation", "uk").out_of_date

    module.title = "E-reputation: your name online"
    module.save_revision().publish()
    assert status_of("e-reputation", "uk").out_of_date

    translate_segments(module, locale("uk"), {"title": "Електронна репутація: ваше ім'я"})
    assert not status_of("e-reputation", "uk").out_of_date


def test_assets_are_reported_per_locale():
    french, arabic = status_of("teamwork-1", "fr"), status_of("teamwork-1", "ar")
    assert french.assets["subtitles"] == "complete", "the video has a French WebVTT track"
    assert arabic.assets["subtitles"] == "missing"
    assert arabic.assets["audio"] == "missing"
    assert status_of("e-reputation", "ar").assets["subtitles"] == "not_used"


def test_the_translation_status_api_and_its_errors(client):
    moderator = User.objects.create_user("status-moderator", password="x")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    response = client.get("/api/v1/translation-status/?locale=ar")
    assert response.status_code == 200
    body = response.json()
    assert [row["locale"] for row in body["summary"]] == ["ar"]
    assert sorted(row["title"] for row in body["modules"]) == sorted(TITLES.values())
    assert set(body["modules"][0]["locales"][0]["assets"]) == {
        "text",
        "subtitles",
        "transcripts",
        "audio",
        "questionnaire",
    }
    unknown = client.get("/api/v1/translation-status/?locale=xx")
    assert unknown.status_code == 400
    assert "ar" in unknown.json()["valid_locales"]


def test_moderators_see_the_translation_report(admin_client):
    response = admin_client.get(reverse("translation_report"))
    assert response.status_code == 200
    assert (
        b"Teamwork 1" in response.content and b"Average progress per language" in response.content
    )


def test_machine_translation_is_pluggable_and_deterministic_in_tests():
    from wagtail_localize.machine_translators import get_machine_translator
    from wagtail_localize.strings import StringValue

    translator = get_machine_translator()
    [result] = translator.translate(
        locale("en"), locale("fr"), [StringValue("Ask for <b>help</b>")]
    ).values()
    assert result.data == "[fr] Ask for <b>[fr] help</b>"
