from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from . import services
from .enums import ProposalKind
from .forms import ProposalAcceptForm, ProposalForm, ProposalRefuseForm
from .models import Proposal

PROPOSE_TITLE = "Proposer un outil ou une ressource"


@ratelimit(key="ip", rate="5/h", method="POST")
@require_http_methods(["GET", "POST"])
def propose(request):
    """Anyone, even without an account: propose a tool or a web resource."""
    initial = {}
    if request.GET.get("type") in ProposalKind.values:
        initial["kind"] = request.GET["type"]
    form = ProposalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.save()
        return render(
            request,
            "resources/proposal_thanks.html",
            {"title": "Merci !", "breadcrumbs": [(PROPOSE_TITLE, None)]},
        )
    return render(
        request,
        "resources/proposal_form.html",
        {"form": form, "title": PROPOSE_TITLE, "breadcrumbs": [(PROPOSE_TITLE, None)]},
    )


def _admin_inspect(proposal):
    return redirect("proposals:inspect", proposal.pk)


@permission_required("resources.change_proposal", raise_exception=True)
@require_POST
def proposal_accept(request, pk):
    """Animateurs: accept a pending proposal (as a draft or published)."""
    proposal = get_object_or_404(Proposal.objects.pending(), pk=pk)
    form = ProposalAcceptForm(request.POST)
    form.is_valid()
    page = services.proposal_accept(
        proposal=proposal,
        moderator=request.user,
        publish=form.cleaned_data.get("publish", False),
        category=form.cleaned_data.get("category") or "information",
        site_url=settings.SITE_URL,
    )
    if page.live:
        messages.success(request, f"« {page.title} » est publiée.")
        return _admin_inspect(proposal)
    messages.success(request, f"Brouillon créé : complétez « {page.title} ».")
    return redirect("wagtailadmin_pages:edit", page.pk)


@permission_required("resources.change_proposal", raise_exception=True)
@require_http_methods(["GET", "POST"])
def proposal_refuse(request, pk):
    """Animateurs: refuse a pending proposal with a reason sent to its author."""
    proposal = get_object_or_404(Proposal.objects.pending(), pk=pk)
    form = ProposalRefuseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.proposal_refuse(
            proposal=proposal,
            moderator=request.user,
            reason=form.cleaned_data["reason"],
            site_url=settings.SITE_URL,
        )
        messages.success(request, f"Proposition « {proposal.title} » refusée.")
        return _admin_inspect(proposal)
    return render(
        request,
        "resources/admin/proposal_refuse.html",
        {"proposal": proposal, "form": form},
    )
