"""Writing on behalf of a professional: the private read-and-approve link."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from .enums import ApprovalStatus
from .mail import send_templated_mail
from .models import ApprovalRequest

SALT = "diese.core.approval"
LINK_MAX_AGE = 60 * 60 * 24 * 30  # thirty days


def approval_link(approval: ApprovalRequest) -> str:
    token = signing.dumps(approval.pk, salt=SALT)
    return settings.SITE_URL + reverse("approval", args=[token])


def approval_from_token(token: str) -> ApprovalRequest | None:
    """The request a link is for, or None if the link is forged or expired."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    return (
        ApprovalRequest.objects.select_related("revision", "page").filter(pk=pk).first()
    )


def approval_request_send(
    *, page, name: str, email: str, requested_by
) -> ApprovalRequest:
    """Ask a professional to approve the latest revision of a page by e-mail."""
    approval = ApprovalRequest.objects.create(
        page=page,
        revision=page.get_latest_revision(),
        name=name,
        email=email,
        requested_by=requested_by,
    )
    send_templated_mail(
        to=email,
        template="core/emails/approval_request",
        context={
            "approval": approval,
            "url": approval_link(approval),
            "days": LINK_MAX_AGE // 86400,
        },
    )
    return approval


def approval_answer(*, approval: ApprovalRequest, approved: bool, comment: str) -> None:
    """Record the professional's answer and tell the Animateur who asked."""
    approval.status = (
        ApprovalStatus.APPROVED if approved else ApprovalStatus.CHANGES_REQUESTED
    )
    approval.comment = comment
    approval.decided_at = timezone.now()
    approval.save()
    if approval.requested_by:
        send_templated_mail(
            to=approval.requested_by.email,
            template="core/emails/approval_answer",
            context={
                "approval": approval,
                "edit_url": settings.SITE_URL
                + reverse("wagtailadmin_pages:edit", args=[approval.page_id]),
            },
        )
