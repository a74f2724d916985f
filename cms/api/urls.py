"""The one API router. Each app registers its views here; the views live in ``cms/<app>/api/``."""

from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from cms.core.api.endpoints import LocaleViewSet, PreviewViewSet, SearchViewSet
from cms.core.api.sections import SectionViewSet
from cms.guide.api.views import InfographicViewSet, LearningGuideViewSet
from cms.learners.api.attempt_views import AttemptViewSet, ModuleAttemptViewSet
from cms.learners.api.views import LearnerViewSet
from cms.library.api.views import CertificationToolViewSet, GoodPracticeViewSet
from cms.modules.api.views import CatalogueViewSet, CategoryViewSet, ModuleViewSet, PathwayViewSet
from cms.printing.api.views import PrintJobViewSet
from cms.project.api.views import CompetenceViewSet, PartnerViewSet, ProjectViewSet
from cms.translation.api.views import TranslationStatusView

router = DefaultRouter(trailing_slash=True)
router.register("catalogue", CatalogueViewSet, basename="catalogue")
router.register("categories", CategoryViewSet, basename="category")
router.register("pathways", PathwayViewSet, basename="pathway")
router.register("modules", ModuleViewSet, basename="module")
router.register("library/good-practices", GoodPracticeViewSet, basename="good-practice")
router.register(
    "library/certification-tools", CertificationToolViewSet, basename="certification-tool"
)
router.register("infographics", InfographicViewSet, basename="infographic")
router.register("learning-guide", LearningGuideViewSet, basename="learning-guide")
router.register("project", ProjectViewSet, basename="project")
router.register("partners", PartnerViewSet, basename="partner")
router.register("competences", CompetenceViewSet, basename="competence")
router.register("sections", SectionViewSet, basename="section")
router.register("locales", LocaleViewSet, basename="locale")
router.register("search", SearchViewSet, basename="search")
router.register("preview", PreviewViewSet, basename="preview")
router.register("print-jobs", PrintJobViewSet, basename="print-job")
router.register("learners", LearnerViewSet, basename="learner")
router.register(r"modules/(?P<module_id>[^/]+)/attempts", ModuleAttemptViewSet, "module-attempt")
router.register("attempts", AttemptViewSet, basename="attempt")

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="schema"), name="api-redoc"),
    path("translation-status/", TranslationStatusView.as_view(), name="translation-status"),
    path("", include("cms.certs.urls")),
]
