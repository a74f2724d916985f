"""The e-library in the admin menu, as a filterable list of good practices."""

from wagtail import hooks

from .admin_listing import GoodPracticeListingViewSet


@hooks.register("register_admin_viewset")
def register_good_practice_listing() -> GoodPracticeListingViewSet:
    return GoodPracticeListingViewSet()
