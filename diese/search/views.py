from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page
from wagtail.search.query import Phrase, PlainText
from wagtail.search.utils import AND

from diese.core.editorial import EditorialPage, editorial_models, prefetch_themes
from diese.core.models import StandardPage

from .snippets import highlight, page_text

RESULTS_PER_PAGE = 20
# French quotes and typographic ones count as the ASCII quote people type.
QUOTES = str.maketrans({"«": '"', "»": '"', "\u201c": '"', "\u201d": '"'})


def parse_query(query: str):
    """Quoted parts are phrases (their words in that order), the rest words;
    all must match. None when nothing is left to search for.

    Not wagtail's parse_query_string: it also turns "word:word" into filters,
    which this page does not offer, and would silently drop those words.
    """
    parts = [part.strip() for part in query.translate(QUOTES).split('"')]
    queries = []
    for index, part in enumerate(parts):
        if part:
            # Odd parts are the ones between quotes.
            queries.append(Phrase(part) if index % 2 else PlainText(part))
    return AND(queries) if queries else None


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


def search(request):
    """Anyone: full-text search over live, public pages only."""
    query = request.GET.get("q", "").strip()[:200]
    types = searchable_types()
    chosen = [t for t in types if t[0] in request.GET.getlist("type")]
    results = None
    if query:
        search_query = parse_query(query)
        pages = Page.objects.live().public()
        if chosen:
            pages = pages.type(*(model for _, _, model in chosen))
        pages = pages.specific().search(search_query) if search_query else pages.none()
        results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        prefetch_themes(results)
        for page in results:
            page.snippet = highlight(page_text(page), query)
            themes = page.themes.all() if isinstance(page, EditorialPage) else []
            page.theme_names = [theme.name for theme in themes]
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "types": [
                (key, label, t in chosen) for t in types for key, label, _ in [t]
            ],
            "type_params": "".join(f"&type={key}" for key, _, _ in chosen),
            "title": f"Recherche : {query}" if query else "Recherche",
            "breadcrumbs": [("Recherche", None)],
        },
    )
