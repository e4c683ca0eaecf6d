"""Filtering lists of pages by their facets, from GET parameters.

Within one facet the chosen values add up (OR); across facets they narrow
(AND). Each facet is counted against the other facets' choices, so a count
says how many items a click would show. The number of queries depends on the
number of facets, never on the number of items.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet

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


class _PagePaginator(Paginator):
    """Counts and slices the page table alone, then loads the 20 items shown.

    Joined to an item table of 100,000 rows, a count or a deep page makes
    the database read a row of that table for every page it skips over; by
    their ids, only the rows shown are read.
    """

    def __init__(self, ids, items, per_page):
        super().__init__(ids, per_page)
        self.items = items

    def _get_page(self, ids, *args, **kwargs):
        ids = list(ids)
        by_id = self.items.in_bulk(ids)
        return super()._get_page([by_id[i] for i in ids if i in by_id], *args, **kwargs)


class FacetedListing:
    """Items filtered by the facets chosen in `params`, with every facet counted.

    `pages` are the same pages as `items`, read from Wagtail's page table
    alone (no join to the items' own table): counts, pagination and the
    order are worked out there, and only the items shown are loaded. Left
    out, `items` serves for everything.
    """

    def __init__(self, queryset: QuerySet, facets: list[Facet], params, pages=None):
        self.base = queryset
        self.model = queryset.model
        self.pages = queryset if pages is None else pages
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

    def _m2m(self, facet):
        """The facet's link table, its column for the item and for the term."""
        field = self.model._meta.get_field(facet.field)
        through = field.remote_field.through
        item = through._meta.get_field(field.m2m_field_name())
        term = field.m2m_reverse_field_name()
        return through, item.attname, term

    def _filter(self, queryset, facet, values):
        if facet.is_choice:
            if queryset.model is self.model:
                return queryset.filter(**{f"{facet.field}__in": values})
            matching = self.model.objects.filter(**{f"{facet.field}__in": values})
            return queryset.filter(pk__in=matching.values("pk"))
        # A subquery on the link table keeps one row per page however many
        # terms match, without reading the items' own table.
        through, item, term = self._m2m(facet)
        matching = through.objects.filter(**{f"{term}__slug__in": values})
        return queryset.filter(pk__in=matching.values(item))

    def _filtered(self, queryset, except_param=None):
        for facet in self.facets:
            values = self.selected.get(facet.param)
            if values and facet.param != except_param:
                queryset = self._filter(queryset, facet, values)
        return queryset

    def results(self) -> QuerySet:
        return self._filtered(self.base).order_by(SORTS[self.sort][1], "pk")

    def page(self, number):
        ids = (
            self._filtered(self.pages)
            .order_by(SORTS[self.sort][1], "pk")
            .values_list("pk", flat=True)
        )
        return _PagePaginator(ids, self.base, PAGE_SIZE).get_page(number)

    def _counts(self, facet) -> dict:
        """How many of the items matching the other facets have each value:
        by choice for a choice field, by term id for a many-to-many."""
        # No ordering: it would split the groups counted below.
        pages = self._filtered(self.pages, except_param=facet.param).order_by()
        if facet.is_choice:
            rows = (
                self.model.objects.filter(pk__in=pages.values("pk"))
                .order_by()
                .values(facet.field)
                .annotate(n=Count("pk"))
            )
            return {row[facet.field]: row["n"] for row in rows}
        # Each (item, term) pair is one row of the link table, so counting
        # its rows per term counts items: no DISTINCT, no join to the terms.
        through, item, term = self._m2m(facet)
        rows = (
            through.objects.filter(**{f"{item}__in": pages.values("pk")})
            .order_by()
            .values(term)
            # "*": the link table's index on (item, term) is enough to count.
            .annotate(n=Count("*"))
        )
        return {row[term]: row["n"] for row in rows}

    def facet_states(self) -> list[FacetState]:
        states = []
        for facet in self.facets:
            counts = self._counts(facet)
            chosen = set(self.selected.get(facet.param, []))
            if facet.is_choice:
                terms = list(facet.choices)
            else:
                model = self.model._meta.get_field(facet.field).related_model
                by_id = counts
                counts, terms = {}, []
                for pk, slug, name in model.objects.filter(
                    Q(pk__in=list(by_id)) | Q(slug__in=chosen)
                ).values_list("pk", "slug", "name"):
                    counts[slug] = by_id.get(pk, 0)
                    terms.append((slug, name))
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
