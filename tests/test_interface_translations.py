"""Every interface text of the code is translated, reviewed (not fuzzy) and served in every
target language: a new ``{% translate %}`` or ``gettext()`` without its translations fails here.

The messages are extracted afresh from the current code with ``makemessages`` (into a temporary
folder, so the catalogues in ``locale/`` are only read) and compared with
``locale/<language>/LC_MESSAGES/django.po``; then the compiled catalogues must give back exactly
those translations.
"""

import re
import shutil
from collections import Counter
from contextlib import chdir
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from cms.certs.texts import DISCLAIMER

REPOSITORY = Path(settings.BASE_DIR)
CATALOGUES = REPOSITORY / "locale"
NOT_OURS = {"benchmarks", "tests", "locale", "media", "staticfiles", "build"}
"""What the documented makemessages run leaves out, and what holds no source of ours (as do
hidden folders such as .venv and .git)."""
SOURCE_SUFFIXES = {".py", ".html", ".txt"}
TARGETS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sd]|%%")
PLURAL_SAMPLES = range(0, 120)


def _not_source(folder: str, names: list[str]) -> list[str]:
    top_level = Path(folder) == REPOSITORY
    return [
        name
        for name in names
        if (top_level and (name in NOT_OURS or name.startswith(".")))
        or name == "__pycache__"
        or (Path(folder, name).is_file() and Path(name).suffix not in SOURCE_SUFFIXES)
    ]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> list[polib.POEntry]:
    """The messages the code holds right now, as ``makemessages`` finds them.

    It runs on a copy of the source, so that it writes into a folder of its own: in the
    repository it would write into ``locale/`` whatever ``LOCALE_PATHS`` says.
    """
    work = tmp_path_factory.mktemp("extraction")
    shutil.copytree(REPOSITORY, work / "source", ignore=_not_source, symlinks=True)
    with chdir(work / "source"), override_settings(LOCALE_PATHS=[work / "locale"]):
        call_command("makemessages", locale=["xx"], keep_pot=True, verbosity=0)
    entries = list(polib.pofile(str(work / "locale" / "django.pot")))
    assert len(entries) > 100, "extraction found almost nothing: is gettext installed?"
    return entries


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(CATALOGUES / language / "LC_MESSAGES" / "django.po"))


def plural_count(po: polib.POFile) -> int:
    return int(re.search(r"nplurals\s*=\s*(\d+)", po.metadata["Plural-Forms"]).group(1))


def catalogue_problems(entry: polib.POEntry, found: polib.POEntry | None, forms: int) -> list:
    if found is None or found.obsolete:
        return ["missing"]
    problems = ["fuzzy"] if found.fuzzy else []
    if entry.msgid_plural:
        texts = [found.msgstr_plural.get(index, "") for index in range(forms)]
        if len(found.msgstr_plural) != forms:
            problems.append(f"{len(found.msgstr_plural)} plural forms instead of {forms}")
    else:
        texts = [found.msgstr]
    if not all(text.strip() for text in texts):
        problems.append("not translated")
    wanted = Counter(PLACEHOLDER.findall(entry.msgid))
    for text in texts:
        if text and Counter(PLACEHOLDER.findall(text)) != wanted:
            problems.append(f"placeholders differ: {text!r}")
    return problems


def served_problems(found: polib.POEntry) -> list:
    """What Django's compiled catalogue (the .mo file) gives back for this message."""
    if found.msgid_plural:
        served = {
            translation.npgettext(found.msgctxt, found.msgid, found.msgid_plural, n)
            if found.msgctxt
            else translation.ngettext(found.msgid, found.msgid_plural, n)
            for n in PLURAL_SAMPLES
        }
        expected = set(found.msgstr_plural.values())
    else:
        served = {
            translation.pgettext(found.msgctxt, found.msgid)
            if found.msgctxt
            else translation.gettext(found.msgid)
        }
        expected = {found.msgstr}
    if served != expected:
        return [f"served {sorted(served)!r}: run manage.py compilemessages"]
    return []


@pytest.mark.parametrize("language", TARGETS)
def test_every_interface_text_is_translated_and_served(extracted, language):
    po = catalogue(language)
    forms = plural_count(po)
    known = {(entry.msgctxt, entry.msgid): entry for entry in po}
    problems = []
    with translation.override(language):
        for entry in extracted:
            found = known.get((entry.msgctxt, entry.msgid))
            wrong = catalogue_problems(entry, found, forms)
            if not wrong:
                wrong = served_problems(found)
            problems += [f"{entry.msgid!r} ({entry.occurrences[0][0]}): {w}" for w in wrong]
    assert not problems, f"locale/{language}: " + "\n".join(problems)


@pytest.mark.parametrize(
    ("language", "forms"), [("ar", 6), ("uk", 3), ("fa", 2), ("tr", 2), ("fr", 2)]
)
def test_each_language_declares_its_own_plural_forms(language, forms):
    assert plural_count(catalogue(language)) == forms


def test_the_certificate_disclaimer_comes_out_in_the_learners_language():
    with translation.override("fr"):
        assert str(DISCLAIMER) == (
            "Ce certificat n'est pas un diplôme et ne donne pas droit à des crédits. "
            "L'identité du participant n'a pas été vérifiée."
        )
    with translation.override("uk"):
        assert str(DISCLAIMER).startswith("Цей сертифікат не є дипломом")
    with translation.override("en"):
        assert str(DISCLAIMER).startswith("This certificate is not a diploma")


def test_plural_labels_follow_each_languages_grammar():
    points = ("%(points)s point", "%(points)s points")
    expected = {
        "ar": {1: "1 نقطة", 2: "2 نقطتان", 3: "3 نقاط", 11: "11 نقطة"},
        "uk": {1: "1 бал", 3: "3 бали", 5: "5 балів", 21: "21 бал"},
        "fr": {0: "0 point", 1: "1 point", 2: "2 points"},
    }
    for language, cases in expected.items():
        with translation.override(language):
            for n, text in cases.items():
                assert translation.ngettext(*points, n) % {"points": n} == text


# The admin: every label, help text, choice and block name of our models goes through gettext,
# and each content language opens a complete admin (Wagtail's own catalogues for its words).

OUR_APPS = ["core", "project", "modules", "library", "guide"]
"""The apps whose models partner editors, translators and moderators fill in the admin."""
NOT_SHOWN_IN_FORMS = {"id", "page_ptr", "translation_key", "locale", "sort_order", "pathway"}


def _our_models() -> list:
    from django.apps import apps

    return [model for app in OUR_APPS for model in apps.get_app_config(app).get_models()]


def _is_lazy(text: object) -> bool:
    from django.utils.functional import Promise

    return isinstance(text, Promise)


def _block_labels(block, path: str):
    from wagtail import blocks

    for name, child in getattr(block, "child_blocks", {}).items():
        help_text = getattr(child.meta, "help_text", None) or getattr(
            getattr(child, "field", None), "help_text", None
        )
        yield f"{path}.{name}", child.label, help_text
        yield from _block_labels(child, f"{path}.{name}")
    if isinstance(block, blocks.ListBlock):
        yield from _block_labels(block.child_block, f"{path}[]")


def test_every_model_field_label_and_help_text_goes_through_gettext():
    untranslatable = []
    for model in _our_models():
        meta = model._meta
        if not _is_lazy(meta.verbose_name) or not _is_lazy(meta.verbose_name_plural):
            untranslatable.append(f"{meta.label}: verbose_name")
        for field in meta.local_fields + meta.local_many_to_many:
            if field.auto_created or field.name in NOT_SHOWN_IN_FORMS:
                continue
            if not _is_lazy(field.verbose_name):
                untranslatable.append(f"{meta.label}.{field.name}: verbose_name")
            if field.help_text and not _is_lazy(field.help_text):
                untranslatable.append(f"{meta.label}.{field.name}: help_text")
            for _value, label in field.flatchoices if field.choices else []:
                if not _is_lazy(label) and label != _value:
                    untranslatable.append(f"{meta.label}.{field.name}: choice {label!r}")
    assert not untranslatable, "\n".join(untranslatable)


def test_every_block_label_and_help_text_goes_through_gettext():
    from wagtail.fields import StreamField

    untranslatable = []
    for model in _our_models():
        for field in model._meta.local_fields:
            if isinstance(field, StreamField):
                where = f"{model._meta.label}.{field.name}"
                for path, label, help_text in _block_labels(field.stream_block, where):
                    if not _is_lazy(label):
                        untranslatable.append(f"{path}: label {label!r}")
                    if help_text and not _is_lazy(help_text):
                        untranslatable.append(f"{path}: help_text {help_text!r}")
    assert not untranslatable, "\n".join(untranslatable)


@pytest.mark.parametrize("language", TARGETS)
def test_each_content_language_opens_wagtails_admin_in_that_language(language):
    """Wagtail's own catalogue for the admin language of each content language exists, and the
    admin speaks it together with ours (``pt`` is Wagtail's ``pt-pt``)."""
    import gettext as gnu_gettext

    import wagtail

    from cms.core.admin_languages import admin_language, content_language

    code = admin_language(language)
    assert code in dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES)
    wagtail_locale = Path(wagtail.__file__).parent / "admin" / "locale"
    assert gnu_gettext.find("django", wagtail_locale, [translation.to_locale(code)]), code
    assert content_language(code) == language
    with translation.override(code):
        ours = catalogue(language).find("About the module").msgstr
        assert translation.gettext("About the module") == ours
        assert translation.gettext("Save draft") != "Save draft"  # Wagtail's words


def test_a_stored_portuguese_preference_is_saved_under_wagtails_name():
    from wagtail.users.models import UserProfile

    from cms.core.admin_languages import store_admin_language

    profile = UserProfile(preferred_language="pt")
    store_admin_language(UserProfile, profile)
    assert profile.preferred_language == "pt-pt"


def test_the_module_form_speaks_portuguese():
    from cms.modules.models import ModulePage

    with translation.override("pt-pt"):
        fields = {field.name: field for field in ModulePage._meta.get_fields()}
        assert str(fields["summary"].verbose_name) == "Resumo"
        assert str(fields["summary"].help_text) == "No máximo 240 caracteres, em linguagem simples."
        assert str(ModulePage._meta.verbose_name) == "E-módulo"
        body = fields["body"].stream_block
        assert str(body.child_blocks["section"].label) == "Secção de texto"
