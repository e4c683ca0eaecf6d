import time
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.text import capfirst
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, PlainText

from diese.core.editorial import (
    EditorialIndexPage,
    editorial_models,
    theme_names,
)
from diese.core.models import StandardPage
from diese.taxonomy.models import Keyword

from .analysis import fold
from .backends.common import COUNT_CAP
from .models import SearchQueryLog
from .query import plan
from .snippets import highlight, page_text, query_stems

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200
NEAR_KEYWORDS = 5
FACET_OPTIONS_CACHE_SECONDS = 300


def french_date(moment) -> str:
    """The day of `moment` as |date:"j F Y" writes it ("5 décembre 2026"),
    in a fraction of its time: twenty per results page."""
    day = timezone.localtime(moment)
    return f"{day.day} {MONTHS[day.month]} {day.year}"


def page_links(pages, request):
    """{page id: its link}, as page.get_url() gives it (relative on a site
    of one domain, absolute otherwise), with the sites' root paths read
    once per request instead of once per page."""
    one_site = len({root.site_id for root in Site.get_site_root_paths()}) == 1
    links = {}
    for page in pages:
        parts = page.get_url_parts(request=request)
        if parts is not None and parts[2] is not None:
            _, root_url, path = parts
            links[page.pk] = path if one_site else root_url + path
    return links


def searchable_types():
    """The kinds of page a search can be narrowed to: (parameter, label, model)."""
    return [
        (
            model._meta.model_name,
            str(model._meta.verbose_name_plural).capitalize(),
            model,
        )
        for model in [*editorial_models(), StandardPage]
    ]


def facet_options(facet) -> list[tuple[str, str]]:
    """(slug, name) of a facet's terms; cached, vocabularies change rarely."""
    key = f"search:facet:{facet.param}"
    options = cache.get(key)
    if options is None:
        model = editorial_models()[0]._meta.get_field(facet.field).related_model
        options = list(model.objects.values_list("slug", "name"))
        cache.set(key, options, FACET_OPTIONS_CACHE_SECONDS)
    return options


def chosen_facets(params) -> dict:
    """{facet: [slugs]} from the GET parameters, as the index pages read them."""
    chosen = {}
    for facet in EditorialIndexPage.facets:
        values = [v for v in params.getlist(facet.param) if v][:20]
        if values:
            chosen[facet] = values[:1] if facet.single else values
    return chosen


def filter_by_facets(pages, chosen):
    """Pages tagged with any of the chosen terms of each facet.

    Each kind of page keeps its terms in its own table: one subquery per
    kind, so the query count does not depend on the results.
    """
    for facet, values in chosen.items():
        tagged = Q()
        for model in editorial_models():
            tagged |= Q(
                pk__in=model.objects.filter(
                    **{f"{facet.field}__slug__in": values}
                ).values("pk")
            )
        pages = pages.filter(tagged)
    return pages


def public_pages():
    """Live pages outside every private section, as
    `Page.objects.live().public()` gives them (a restriction covers its
    page and the pages below it), reading only the restricted pages' paths:
    PageQuerySet.public() reads each restriction with its whole page."""
    pages = Page.objects.live()
    paths = set(PageViewRestriction.objects.values_list("page__path", flat=True))
    if paths:
        pages = pages.exclude(reduce(or_, (Q(path__startswith=p) for p in paths)))
    return pages


def public_results(search_query, types=(), facets=None):
    pages = public_pages()
    if types:
        pages = pages.type(*types)
    if facets:
        pages = filter_by_facets(pages, facets)
    return pages.specific().search(search_query)


def near_keywords(words):
    """Keywords ("Tout sur" pages) sharing a word with the query."""
    if not words:
        return []
    query = Or([PlainText(word) for word in words])
    return list(get_search_backend().search(query, Keyword)[:NEAR_KEYWORDS])


def checked_suggestion(suggestion):
    """The corrected query, if it finds something public (so it never
    repeats a word only a private page has)."""
    if not suggestion:
        return ""
    corrected = plan(suggestion)
    if corrected.query and public_results(corrected.query).count():
        return suggestion
    return ""


def search(request):
    """Anyone: full-text search over live, public pages only."""
    started = time.perf_counter()
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    types = searchable_types()
    chosen = [t for t in types if t[0] in request.GET.getlist("type")]
    facets = chosen_facets(request.GET)
    results, suggestion, keywords = None, "", []
    more_than_shown = False
    if query:
        search_plan = plan(query)
        if search_plan.query is None:
            pages = Page.objects.none()
        else:
            pages = public_results(
                search_plan.query, [model for _, _, model in chosen], facets
            )
        # Counting stops past COUNT_CAP: a very common word would otherwise
        # count most of the site on every search.
        more_than_shown = pages.count() > COUNT_CAP
        results = Paginator(pages[:COUNT_CAP], RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        themes = theme_names(results)
        # Expansions' short words ("de", "la") would light up everywhere.
        highlighted = query_stems(
            " ".join(
                [
                    query,
                    *(w for e in search_plan.words for w in e.split() if len(w) > 3),
                ]
            )
        )
        links = page_links(results, request)
        for page in results:
            # Not `specific_class.get_verbose_name` in the template: it
            # would call the class, building a page per result.
            page.kind = capfirst(page._meta.verbose_name)
            page.link = links.get(page.pk)
            if page.first_published_at:
                page.published = french_date(page.first_published_at)
            page.snippet = highlight(page_text(page), highlighted)
            page.theme_names = themes.get(page.pk, [])
        if not results.paginator.count:
            suggestion = checked_suggestion(search_plan.suggestion)
            keywords = near_keywords(search_plan.words + suggestion.split())
        # Only a new search, not its next pages (nor pages past the end).
        if request.GET.get("page", "1") == "1":
            log_search(request, query, chosen, facets, results, started)
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "suggestion": suggestion,
            "more_than_shown": more_than_shown,
            "near_keywords": keywords,
            "types": [
                (key, label, t in chosen) for t in types for key, label, _ in [t]
            ],
            "facets": [
                (facet, facet_options(facet), facets.get(facet, []))
                for facet in EditorialIndexPage.facets
            ],
            "filtering": bool(chosen or facets),
            "facets_key": repr(
                (bool(chosen), sorted((f.param, v) for f, v in facets.items()))
            ),
            "title": f"Recherche : {query}" if query else "Recherche",
            "breadcrumbs": [("Recherche", None)],
        },
    )


def log_search(request, query, chosen, facets, results, started):
    """One row, nothing about who searched: folded query, filters, counts."""
    filters = {facet.param: values for facet, values in facets.items()}
    if chosen:
        filters["type"] = [key for key, _, _ in chosen]
    SearchQueryLog.objects.create(
        query=" ".join(fold(query).split())[:MAX_QUERY_LENGTH],
        filters=filters,
        results=results.paginator.count,
        duration_ms=round((time.perf_counter() - started) * 1000),
    )
