"""E-modules in the admin: their flat listing in the menu."""

from wagtail import hooks

from .admin_listing import ModuleListingViewSet


@hooks.register("register_admin_viewset")
def register_module_listing() -> ModuleListingViewSet:
    return ModuleListingViewSet()
