from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym
from .reports import EmptySearchesView, FrequentSearchesView


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "Synonymes et sigles"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["term", "equivalents"]
    search_fields = ["term", "equivalents"]


register_snippet(SynonymViewSet)

report_urls = (
    [
        path("frequentes/", FrequentSearchesView.as_view(), name="frequent"),
        path(
            "frequentes/resultats/",
            FrequentSearchesView.as_view(results_only=True),
            name="frequent_results",
        ),
        path("sans-resultat/", EmptySearchesView.as_view(), name="empty"),
        path(
            "sans-resultat/resultats/",
            EmptySearchesView.as_view(results_only=True),
            name="empty_results",
        ),
    ],
    "search_reports",
)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("recherches/", include(report_urls))]


class SearchLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchquerylog")


@hooks.register("register_reports_menu_item")
def register_frequent_searches_menu_item():
    return SearchLogMenuItem(
        "Recherches fréquentes",
        reverse("search_reports:frequent"),
        name="recherches-frequentes",
        icon_name="search",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_empty_searches_menu_item():
    return SearchLogMenuItem(
        "Recherches sans résultat",
        reverse("search_reports:empty"),
        name="recherches-sans-resultat",
        icon_name="search",
        order=1310,
    )
