import logging

from django.http import Http404, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from .navigation import pending_sections

logger = logging.getLogger(__name__)


def section_pending(request, slug):
    """Anyone: a main-menu section whose pages are not built yet."""
    try:
        title = pending_sections()[slug]
    except KeyError:
        raise Http404 from None
    return render(
        request,
        "core/section_pending.html",
        {"title": title, "breadcrumbs": [(title, None)]},
    )


def rate_limited(request, exception):
    """Anyone: shown when a form is sent too often (django-ratelimit)."""
    return render(request, "core/rate_limited.html", status=429)


def server_error(request):
    """Anyone: the 500 page in the site's layout, or bare if the layout fails."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("The 500 page could not be rendered in the layout")
        return HttpResponseServerError(loader.get_template("500_bare.html").render())
