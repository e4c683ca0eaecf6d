from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator
from wagtail.models import Page

from diese.core.mail import send_templated_mail
from diese.tools.models import ToolIndexPage, ToolPage

from .enums import ProposalKind, ProposalStatus
from .models import Proposal, ResourceIndexPage, ResourcePage


def _page_from(proposal: Proposal, *, category: str) -> Page:
    summary = Truncator(" ".join(proposal.reason.split())).chars(290)
    body = "".join(f"<p>{escape(p)}</p>" for p in proposal.reason.splitlines() if p)
    if proposal.kind == ProposalKind.TOOL:
        return ToolIndexPage.objects.get(), ToolPage(
            title=proposal.title,
            summary=summary,
            link=proposal.link,
            objectives=body,
            description=body,
        )
    return ResourceIndexPage.objects.get(), ResourcePage(
        title=proposal.title,
        summary=summary,
        website=proposal.link,
        category=category,
        description=body,
    )


@transaction.atomic
def proposal_accept(
    *, proposal: Proposal, moderator, publish: bool, category: str, site_url: str
) -> Page:
    """Turn a proposal into a page (draft or published) and tell the proposer."""
    index, page = _page_from(proposal, category=category)
    page.owner = moderator
    page.live = False
    index.add_child(instance=page)
    revision = page.save_revision(user=moderator)
    if publish:
        revision.publish(user=moderator)
    proposal.status = ProposalStatus.ACCEPTED
    proposal.decided_at = timezone.now()
    proposal.decided_by = moderator
    proposal.page = page
    proposal.save()
    page_url = site_url + page.url if publish else None
    transaction.on_commit(
        lambda: send_templated_mail(
            to=proposal.email,
            template="resources/emails/proposal_accepted",
            context={"proposal": proposal, "page_url": page_url},
        )
    )
    return page


@transaction.atomic
def proposal_refuse(
    *, proposal: Proposal, moderator, reason: str, site_url: str
) -> None:
    """Refuse a proposal, keeping it, and send the reason to the proposer."""
    proposal.status = ProposalStatus.REFUSED
    proposal.refusal_reason = reason
    proposal.decided_at = timezone.now()
    proposal.decided_by = moderator
    proposal.save()
    transaction.on_commit(
        lambda: send_templated_mail(
            to=proposal.email,
            template="resources/emails/proposal_refused",
            context={
                "proposal": proposal,
                "propose_url": site_url + reverse("resources:propose"),
            },
        )
    )
