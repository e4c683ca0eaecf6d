from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

RESULTS_PER_PAGE = 20


def search(request):
    """Anyone: full-text search over live, public pages only."""
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        pages = Page.objects.live().public().specific().search(query)
        results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "title": f"Recherche : {query}" if query else "Recherche",
            "breadcrumbs": [("Recherche", None)],
        },
    )
