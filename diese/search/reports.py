"""Admin reports over the anonymous search log: what people look for, and
what they look for without finding anything (content to write)."""

import django_filters
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import SearchQueryLog

PERIODS = [("30", "30 derniers jours"), ("90", "90 derniers jours")]
DEFAULT_PERIOD = "30"


class PeriodFilterSet(WagtailFilterSet):
    periode = django_filters.ChoiceFilter(
        label="Période", choices=PERIODS, empty_label=None, method="since"
    )

    class Meta:
        model = SearchQueryLog
        fields = []

    def since(self, queryset, name, value):
        return queryset.since(int(value or DEFAULT_PERIOD))


class SearchLogReportView(ReportView):
    """Animateurs: searches made on the site, grouped by query."""

    header_icon = "search"
    filterset_class = PeriodFilterSet
    permission_required = "view"
    paginate_by = 50
    columns = [
        Column("query", label="Recherche"),
        Column("searches", label="Nombre de recherches"),
        Column("empty", label="Dont sans résultat"),
    ]
    list_export = ["query", "searches", "empty"]
    export_headings = {
        "query": "Recherche",
        "searches": "Nombre de recherches",
        "empty": "Dont sans résultat",
    }

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(SearchQueryLog)

    def get_filterset_kwargs(self):
        data = self.request.GET.copy()
        if data.get("periode") not in dict(PERIODS):
            data["periode"] = DEFAULT_PERIOD
        return {**super().get_filterset_kwargs(), "data": data}

    def get_queryset(self):
        logs = self.filter_queryset(SearchQueryLog.objects.all())
        return self.aggregate(logs)

    def get_filtered_queryset(self):
        return self.get_queryset()

    def aggregate(self, logs):
        return logs.frequent()


class FrequentSearchesView(SearchLogReportView):
    """Animateurs: the most frequent searches."""

    page_title = "Recherches fréquentes"
    index_url_name = "search_reports:frequent"
    index_results_url_name = "search_reports:frequent_results"


class EmptySearchesView(SearchLogReportView):
    """Animateurs: the searches that found nothing, most frequent first."""

    page_title = "Recherches sans résultat"
    index_url_name = "search_reports:empty"
    index_results_url_name = "search_reports:empty_results"
    columns = SearchLogReportView.columns[:2]
    list_export = ["query", "searches"]

    def aggregate(self, logs):
        return logs.without_results()
