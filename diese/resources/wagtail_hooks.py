from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from . import views
from .models import Proposal


class ProposalViewSet(ModelViewSet):
    """The moderation queue of proposed tools and web resources."""

    model = Proposal
    name = "proposals"
    icon = "mail"
    menu_label = "Propositions"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "kind", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "link", "reason"]
    form_fields = ["title", "link", "reason"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "kind",
        "title",
        "link",
        "reason",
        "email",
        "status",
        "created_at",
        "decided_by",
        "decided_at",
        "refusal_reason",
        "page",
    ]
    inspect_template_name = "resources/admin/proposal_inspect.html"


proposal_viewset = ProposalViewSet()


@hooks.register("register_admin_viewset")
def register_proposal_viewset():
    return proposal_viewset


@hooks.register("register_admin_urls")
def register_proposal_urls():
    return [
        path(
            "propositions/<int:pk>/accepter/",
            views.proposal_accept,
            name="proposal_accept",
        ),
        path(
            "propositions/<int:pk>/refuser/",
            views.proposal_refuse,
            name="proposal_refuse",
        ),
    ]
