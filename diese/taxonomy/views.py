from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from diese.core.editorial import editorial_models

from .models import Audience, Keyword, Theme

ITEMS_PER_KIND = 50


def _term_page(request, model, slug, field, kind_label, feed_name):
    """Anyone: everything public tagged with one term, grouped by kind."""
    term = get_object_or_404(model, slug=slug)
    groups = []
    for page_model in editorial_models():
        items = list(
            page_model.objects.live()
            .public()
            # Changes nothing to the pages found, but lets the database walk
            # the newest pages of this kind (core's migration 0004).
            .exact_type(page_model)
            .filter(**{field: term})
            .order_by("-first_published_at")[:ITEMS_PER_KIND]
        )
        if items:
            groups.append((page_model._meta.verbose_name_plural, items))
    return render(
        request,
        "taxonomy/term_page.html",
        {
            "term": term,
            "kind_label": kind_label,
            "groups": groups,
            "feed_url": reverse(feed_name, args=[term.slug]),
            "title": f"Tout sur : {term.name}",
            "breadcrumbs": [(f"{kind_label} : {term.name}", None)],
        },
    )


def audience(request, slug):
    return _term_page(request, Audience, slug, "audiences", "Public", "watch:audience")


def theme(request, slug):
    return _term_page(request, Theme, slug, "themes", "Thème", "watch:theme")


def keyword(request, slug):
    return _term_page(request, Keyword, slug, "keywords", "Mot-clé", "watch:keyword")
