"""E-modules in the admin: their flat listing in the menu, "Our modules" on the dashboard."""

from wagtail import hooks

from .admin_listing import ModuleListingViewSet, our_modules_panel

hooks.register("construct_homepage_panels", our_modules_panel)


@hooks.register("register_admin_viewset")
def register_module_listing() -> ModuleListingViewSet:
    return ModuleListingViewSet()
