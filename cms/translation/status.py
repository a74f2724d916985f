"""How far each page is translated into each locale, text and assets, in a few queries.

For a learner's front end the question is not only "is the text translated?" but "does this
video have Arabic subtitles?", so each module also reports its assets per locale: subtitles
(a WebVTT track in that locale for every video), transcripts, audio (a recording in that
locale for every audio block) and the evaluation questionnaire.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from cms.core.locales import target_locales

Segment = tuple[int, int, str]
"""(string id, context id, context path) of one translatable segment."""


class Asset(StrEnum):
    COMPLETE = "complete"
    MISSING = "missing"
    NOT_USED = "not_used"


@dataclass
class LocaleStatus:
    locale: str
    translated: bool
    percent: int
    out_of_date: bool
    awaiting_review: bool
    assets: dict[str, Asset] = field(default_factory=dict)


@dataclass
class PageStatus:
    page: Page
    locales: dict[str, LocaleStatus]


def _segment_kinds(page: Page) -> dict[str, str]:
    """Top-level body block id → block type, to tell which segments belong to which asset."""
    body = getattr(page, "body", None) or []
    return {block.id: block.block_type for block in body}


def _asset_for_path(path: str, kinds: dict[str, str]) -> str | None:
    parts = path.split(".")
    if parts[0] != "body" or len(parts) < 2:
        return None
    kind = kinds.get(parts[1])
    if kind in {"video", "audio"} and "transcript" in parts:
        return "transcripts"
    if kind == "evaluation":
        return "questionnaire"
    return None


def _languages_of(page: Page, block_type: str, list_name: str) -> list[set[str]]:
    body = getattr(page, "body", None) or []
    return [
        {item["language"] for item in block.value[list_name]}
        for block in body
        if block.block_type == block_type
    ]


def _media_asset(tracks: list[set[str]], code: str) -> Asset:
    if not tracks:
        return Asset.NOT_USED
    return Asset.COMPLETE if all(code in languages for languages in tracks) else Asset.MISSING


@dataclass
class _Lookups:
    """Everything fetched in bulk for one status computation."""

    sources: dict[str, TranslationSource]
    segments: dict[int, list[Segment]]
    done: set[tuple[int, int, int]]
    translated_pages: dict[tuple[str, int], Page]
    in_review: set[str]

    @classmethod
    def fetch(cls, keys: list, locales: list[Locale]) -> "_Lookups":
        sources = {s.object_id: s for s in TranslationSource.objects.filter(object_id__in=keys)}
        segments: dict[int, list[Segment]] = defaultdict(list)
        for source_id, *segment in StringSegment.objects.filter(
            source__in=sources.values()
        ).values_list("source_id", "string_id", "context_id", "context__path"):
            segments[source_id].append(tuple(segment))
        done = set(
            StringTranslation.objects.filter(
                context__object_id__in=keys, locale__in=locales, has_error=False
            ).values_list("translation_of_id", "context_id", "locale_id")
        )
        translated_pages = {
            (p.translation_key, p.locale_id): p
            for p in Page.objects.filter(
                translation_key__in=keys, locale__in=locales, alias_of=None
            )
        }
        in_review = set(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=[str(p.pk) for p in translated_pages.values()],
            ).values_list("object_id", flat=True)
        )
        return cls(sources, segments, done, translated_pages, in_review)


def translation_status(
    pages: Iterable[Page], locales: list[Locale] | None = None
) -> list[PageStatus]:
    """The status of ``pages`` (source-locale, specific) in every target locale."""
    pages = list(pages)
    locales = locales if locales is not None else target_locales()
    lookups = _Lookups.fetch([page.translation_key for page in pages], locales)
    return [
        PageStatus(
            page=page,
            locales={
                locale.language_code: _locale_status(page, locale, lookups) for locale in locales
            },
        )
        for page in pages
    ]


def _locale_status(page: Page, locale: Locale, lookups: _Lookups) -> LocaleStatus:
    source = lookups.sources.get(page.translation_key)
    translated = lookups.translated_pages.get((page.translation_key, locale.pk))
    own = lookups.segments.get(source.pk, []) if source else []
    finished = [seg for seg in own if (seg[0], seg[1], locale.pk) in lookups.done]
    percent = round(100 * len(finished) / len(own)) if own else 100
    status = LocaleStatus(
        locale=locale.language_code,
        translated=translated is not None,
        percent=percent if translated else 0,
        out_of_date=_out_of_date(page, source, translated),
        awaiting_review=translated is not None and str(translated.pk) in lookups.in_review,
    )
    if hasattr(page, "body"):
        status.assets = _assets(page, locale.language_code, own, finished, translated is not None)
    return status


def _out_of_date(page: Page, source: TranslationSource | None, translated: Page | None) -> bool:
    """The source changed after the last sync, or the sync is not yet reviewed and published."""
    if translated is None or source is None:
        return False
    source_changed = bool(
        page.last_published_at and page.last_published_at > source.last_updated_at
    )
    synced_not_published = (translated.last_published_at or source.last_updated_at) < (
        source.last_updated_at
    )
    return source_changed or synced_not_published


def _assets(
    page: Page, code: str, own: list[Segment], finished: list[Segment], translated: bool
) -> dict[str, Asset]:
    kinds = _segment_kinds(page)
    wanted = Counter(a for *_ids, path in own if (a := _asset_for_path(path, kinds)))
    got = Counter(a for *_ids, path in finished if (a := _asset_for_path(path, kinds)))

    used = {
        "transcripts": any(kind in {"video", "audio"} for kind in kinds.values()),
        "questionnaire": "evaluation" in kinds.values(),
    }

    def text_asset(name: str) -> Asset:
        if not used[name]:
            return Asset.NOT_USED
        complete = translated and wanted[name] and got[name] == wanted[name]
        return Asset.COMPLETE if complete else Asset.MISSING

    return {
        "text": Asset.COMPLETE if translated and len(finished) == len(own) else Asset.MISSING,
        "subtitles": _media_asset(_languages_of(page, "video", "subtitles"), code),
        "transcripts": text_asset("transcripts"),
        "audio": _media_asset(_languages_of(page, "audio", "other_languages"), code),
        "questionnaire": text_asset("questionnaire"),
    }
