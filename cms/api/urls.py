"""The one API router. Each app registers its views here; the views live in ``cms/<app>/api/``."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

router = DefaultRouter(trailing_slash=True)

urlpatterns = [
    path("", include(router.urls)),
]
