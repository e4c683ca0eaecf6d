import logging

from django.http import Http404, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from . import approvals
from .forms import ApprovalAnswerForm
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


def link_error(request, *, title, explanation, retry_url, retry_label, breadcrumbs):
    """The page a broken, expired or spent e-mailed link leads to (status 400)."""
    return render(
        request,
        "core/link_error.html",
        {
            "title": title,
            "explanation": explanation,
            "retry_url": retry_url,
            "retry_label": retry_label,
            "breadcrumbs": breadcrumbs,
        },
        status=400,
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


@require_http_methods(["GET", "POST"])
def approval(request, token):
    """Holder of the private link: read a text written on their behalf, answer."""
    approval_request = approvals.approval_from_token(token)
    if approval_request is None:
        return render(
            request,
            "core/approval_invalid.html",
            {"title": "Lien de relecture invalide"},
            status=400,
        )
    form = ApprovalAnswerForm(request.POST or None)
    if request.method == "POST" and approval_request.is_pending and form.is_valid():
        approvals.approval_answer(
            approval=approval_request,
            approved=form.cleaned_data["decision"] == "approve",
            comment=form.cleaned_data["comment"],
        )
        return render(
            request,
            "core/approval_done.html",
            {"approval": approval_request, "title": "Merci pour votre relecture"},
        )
    draft = approval_request.revision.as_object()
    context = draft.get_context(request)
    context.update({"approval": approval_request, "approval_form": form, "page": draft})
    response = TemplateResponse(request, draft.get_template(request), context)
    # A private draft: never indexed, never cached.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response
