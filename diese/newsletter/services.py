from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from diese.core.mail import send_templated_mail

from .models import CONSENT_TEXT, ConsentRecord, Subscriber, email_digest

CONFIRM_SALT = "diese.newsletter.confirm"
MANAGE_SALT = "diese.newsletter.manage"
CONFIRM_MAX_AGE = 60 * 60 * 24 * 7  # the confirmation link is valid 7 days


def confirm_token(subscriber: Subscriber) -> str:
    return signing.dumps(subscriber.pk, salt=CONFIRM_SALT)


def manage_token(subscriber: Subscriber) -> str:
    """The token of a subscriber's own links (manage, unsubscribe): no expiry,
    so that the unsubscribe link of an old letter still works."""
    return signing.dumps(subscriber.pk, salt=MANAGE_SALT)


def subscriber_from_manage_token(token: str) -> Subscriber | None:
    try:
        pk = signing.loads(token, salt=MANAGE_SALT)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(pk=pk).first()


def _absolute(name, token):
    return settings.SITE_URL + reverse(name, args=[token])


def _apply_topics(subscriber: Subscriber, topics: dict) -> None:
    subscriber.frequency = topics["frequency"]
    subscriber.territory = topics["territory"]
    subscriber.only_topics = topics["only_topics"]
    subscriber.save()
    subscriber.audiences.set(topics["audiences"])
    subscriber.themes.set(topics["themes"])


@transaction.atomic
def subscriber_signup(*, email: str, topics: dict) -> None:
    """Record a sign-up and send the double opt-in mail.

    The answer never tells whether the address was already subscribed: a
    confirmed subscriber gets a reminder with their own management link.
    """
    email = email.strip().lower()
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is not None and subscriber.is_confirmed:
        send_templated_mail(
            to=email,
            template="newsletter/emails/already_subscribed",
            context={
                "manage_url": _absolute("newsletter:manage", manage_token(subscriber))
            },
        )
        return
    if subscriber is None:
        subscriber = Subscriber(email=email)
        ConsentRecord.objects.create(
            email_digest=email_digest(email),
            consent_text=CONSENT_TEXT,
            consented_at=timezone.now(),
        )
    _apply_topics(subscriber, topics)
    send_templated_mail(
        to=email,
        template="newsletter/emails/confirm",
        context={
            "url": _absolute("newsletter:confirm", confirm_token(subscriber)),
            "days": CONFIRM_MAX_AGE // 86400,
        },
    )


def subscriber_confirm(*, subscriber: Subscriber) -> None:
    now = timezone.now()
    subscriber.confirmed_at = now
    subscriber.save(update_fields=["confirmed_at"])
    ConsentRecord.objects.filter(
        email_digest=email_digest(subscriber.email), confirmed_at__isnull=True
    ).update(confirmed_at=now)


def subscriber_update_topics(*, subscriber: Subscriber, topics: dict) -> None:
    _apply_topics(subscriber, topics)


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber) -> None:
    """Delete the subscriber; only the hashed proof of consent remains."""
    ConsentRecord.objects.filter(
        email_digest=email_digest(subscriber.email), withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())
    subscriber.delete()


def subscriber_data(subscriber: Subscriber) -> dict:
    """Everything kept about a subscriber (GDPR right of access)."""
    return {
        "adresse": subscriber.email,
        "frequence": subscriber.get_frequency_display(),
        "publics": [a.name for a in subscriber.audiences.all()],
        "themes": [t.name for t in subscriber.themes.all()],
        "territoire": str(subscriber.territory) if subscriber.territory else None,
        "uniquement_mes_sujets": subscriber.only_topics,
        "inscrit_le": subscriber.created_at.isoformat(),
        "confirme_le": (
            subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None
        ),
        "consentement": CONSENT_TEXT,
    }
