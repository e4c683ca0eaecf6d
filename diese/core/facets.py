"""Filtering lists of pages by their facets, from GET parameters.

Within one facet the chosen values add up (OR); across facets they narrow
(AND). Each facet is counted against the other facets' choices, so a count
says how many items a click would show. The number of queries depends on the
number of facets, never on the number of items.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, QuerySet

PAGE_SIZE = 20
SORTS = {"recent": ("Les plus récents", "-first_published_at"), "az": ("A–Z", "title")}


@dataclass(frozen=True)
class Facet:
    param: str  # the GET parameter: "public", "theme"…
    label: str
    field: str  # a many-to-many to a taxonomy term, or a choice field
    choices: tuple = ()  # for a choice field: ((value, label), …)
    single: bool = False  # one value at a time (long lists: a select)

    @property
    def is_choice(self) -> bool:
        return bool(self.choices)


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetState:
    facet: Facet
    options: list[Option] = field(default_factory=list)

    @property
    def selected(self):
        return [o for o in self.options if o.selected]


class FacetedListing:
    def __init__(self, queryset: QuerySet, facets: list[Facet], params):
        self.base = queryset
        self.facets = facets
        self.params = params
        self.selected = {}
        for facet in facets:
            values = [v for v in params.getlist(facet.param) if v][:20]
            if facet.single:
                values = values[:1]
            if values:
                self.selected[facet.param] = values
        self.sort = params.get("tri") if params.get("tri") in SORTS else "recent"

    def _filter(self, queryset, facet, values):
        if facet.is_choice:
            return queryset.filter(**{f"{facet.field}__in": values})
        # A subquery keeps one row per page however many terms match.
        matching = queryset.model.objects.filter(
            **{f"{facet.field}__slug__in": values}
        ).values("pk")
        return queryset.filter(pk__in=matching)

    def _filtered(self, except_param=None):
        queryset = self.base
        for facet in self.facets:
            values = self.selected.get(facet.param)
            if values and facet.param != except_param:
                queryset = self._filter(queryset, facet, values)
        return queryset

    def results(self) -> QuerySet:
        return self._filtered().order_by(SORTS[self.sort][1], "pk")

    def page(self, number):
        return Paginator(self.results(), PAGE_SIZE).get_page(number)

    def facet_states(self) -> list[FacetState]:
        states = []
        for facet in self.facets:
            # No ordering: it would split the groups counted below.
            queryset = self._filtered(except_param=facet.param).order_by()
            chosen = set(self.selected.get(facet.param, []))
            if facet.is_choice:
                rows = queryset.values(facet.field).annotate(n=Count("pk"))
                counts = {row[facet.field]: row["n"] for row in rows}
                terms = list(facet.choices)
            else:
                slug = f"{facet.field}__slug"
                rows = (
                    queryset.filter(**{f"{slug}__isnull": False})
                    .values(slug)
                    .annotate(n=Count("pk", distinct=True))
                )
                counts = {row[slug]: row["n"] for row in rows}
                model = queryset.model._meta.get_field(facet.field).related_model
                terms = list(
                    model.objects.filter(slug__in=set(counts) | chosen).values_list(
                        "slug", "name"
                    )
                )
            options = [
                Option(value, str(label), counts.get(value, 0), value in chosen)
                for value, label in terms
                if counts.get(value) or value in chosen
            ]
            states.append(FacetState(facet, options))
        return states

    def query_string(self, *, without=None, **changes) -> str:
        """This listing's parameters, less one value (param, value), plus changes."""
        pairs = []
        for key in self.params:
            if key == "page" or key in changes:
                continue
            for value in self.params.getlist(key):
                if value and (key, value) != without:
                    pairs.append((key, value))
        pairs.extend((k, v) for k, v in changes.items() if v)
        return "?" + urlencode(pairs) if pairs else "?"

    def active_filters(self, states):
        return [
            {
                "facet": state.facet.label,
                "label": option.label,
                "remove_url": self.query_string(
                    without=(state.facet.param, option.value)
                ),
            }
            for state in states
            for option in state.selected
        ]

    def context(self, request) -> dict:
        states = self.facet_states()
        return {
            "listing": self,
            "items": self.page(request.GET.get("page")),
            "facet_states": states,
            "active_filters": self.active_filters(states),
            "sorts": [(key, label) for key, (label, _) in SORTS.items()],
            "current_sort": self.sort,
        }
