from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from wagtail.models import Page

from . import approvals
from .editorial import due_for_review_q, editorial_models
from .forms import ApprovalRequestForm
from .models import ApprovalRequest


def pages_due_for_review():
    pages = []
    for model in editorial_models():
        pages.extend(model.objects.live().filter(due_for_review_q()))
    return sorted(pages, key=lambda page: page.review_due)


def review_due(request):
    """Admin users: the published items past their review date."""
    return render(
        request,
        "core/admin/review_due.html",
        {"pages": pages_due_for_review(), "today": timezone.localdate()},
    )


def approval_request(request, page_id):
    """Animateurs: send a text written on someone's behalf for their approval."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    initial = {"name": getattr(page, "collected_from", "")}
    form = ApprovalRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        approvals.approval_request_send(
            page=page,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            requested_by=request.user,
        )
        messages.success(
            request,
            f"Le texte a été envoyé pour relecture à {form.cleaned_data['email']}.",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return render(
        request,
        "core/admin/approval_request.html",
        {
            "page": page,
            "form": form,
            "requests": ApprovalRequest.objects.filter(page=page),
        },
    )
