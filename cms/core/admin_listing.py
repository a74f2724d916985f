"""Admin page listings that search the whole text of each page."""

from typing import Any

from wagtail.admin.views.pages.listing import IndexView


class FullTextIndexView(IndexView):
    """Searches the whole text of each page, not only the title (Wagtail's listings autocomplete
    titles): a word of the body or of a facet finds the page."""

    def search_queryset(self, queryset: Any) -> Any:
        if not self.is_searching:
            return queryset
        return queryset.search(self.search_query, order_by_relevance=not self.is_explicitly_ordered)
