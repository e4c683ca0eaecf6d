import html
import re
import smtplib
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.rich_text import expand_db_html

from diese.core.mail import send_templated_mail

from .digest import Topics, digest_for, letter_items, new_pages
from .enums import DeliveryStatus, LetterAudience, LetterStatus
from .models import (
    CONSENT_TEXT,
    ConsentRecord,
    Delivery,
    Letter,
    LetterItem,
    Subscriber,
    email_digest,
)

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


# --- Letters -----------------------------------------------------------------

# The first letter covers the month before it.
FIRST_LETTER_PERIOD = timedelta(days=30)
# Messages sent over one SMTP connection, and deliveries claimed at once.
BATCH_SIZE = 500
# Stands for a subscriber's token while a letter is rendered once for every
# subscriber sharing the same topics.
TOKEN_PLACEHOLDER = "jeton-de-l-abonne"


def _previous_sent_letter(letter: Letter) -> Letter | None:
    previous = Letter.objects.sent().exclude(pk=letter.pk)
    if letter.audience == LetterAudience.EVERYONE:
        # Monthly subscribers only get letters for everyone: theirs covers
        # everything since the previous one of those.
        previous = previous.filter(audience=LetterAudience.EVERYONE)
    return previous.order_by("-sent_at").first()


@transaction.atomic
def letter_fill(*, letter: Letter) -> None:
    """Give a new letter its period and gather the items published in it.

    The period runs from the end of the previous sent letter (for everyone,
    or of any kind for a weekly letter) to now, unless the animator set it.
    """
    if letter.period_end is None:
        letter.period_end = timezone.now()
    if letter.period_start is None:
        previous = _previous_sent_letter(letter)
        if previous is not None and previous.period_end < letter.period_end:
            letter.period_start = previous.period_end
        else:
            letter.period_start = letter.period_end - FIRST_LETTER_PERIOD
    letter.save()
    if LetterItem.objects.filter(letter=letter).exists():
        return
    LetterItem.objects.bulk_create(
        LetterItem(letter=letter, page=page, sort_order=position)
        for position, page in enumerate(
            new_pages(since=letter.period_start, until=letter.period_end)
        )
    )


def _enqueue_sending(letter: Letter, run_after: datetime | None = None) -> None:
    from .tasks import send_letter

    task = send_letter
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # `send_due_letters` will send it when due
        task = task.using(run_after=run_after)
    transaction.on_commit(lambda: task.enqueue(letter.pk))


def letter_send_now(*, letter: Letter) -> None:
    """Start sending (or resume) in the background."""
    if letter.status == LetterStatus.SENT:
        return
    letter.status = LetterStatus.SENDING
    letter.save(update_fields=["status"])
    _enqueue_sending(letter)


def letter_schedule(*, letter: Letter, when: datetime) -> None:
    """Send at `when`: queued for then, and `send_due_letters` catches up."""
    letter.status = LetterStatus.SCHEDULED
    letter.scheduled_at = when
    letter.save(update_fields=["status", "scheduled_at"])
    _enqueue_sending(letter, run_after=when)


def letter_retry_later(*, letter: Letter, delay: timedelta) -> None:
    """Queue the rest of an interrupted sending for later (when the task
    queue can defer; otherwise `send_due_letters` resumes it)."""
    _enqueue_sending(letter, run_after=timezone.now() + delay)


def letter_unschedule(*, letter: Letter) -> None:
    letter.status = LetterStatus.DRAFT
    letter.scheduled_at = None
    letter.save(update_fields=["status", "scheduled_at"])


def letters_send_due() -> list[Letter]:
    """Start the scheduled letters whose time has come and resume the
    interrupted ones (run periodically by `manage.py send_due_letters`)."""
    letters = []
    for letter in Letter.objects.due():
        letter_send_now(letter=letter)
        letters.append(letter)
    for letter in Letter.objects.filter(status=LetterStatus.SENDING).exclude(
        pk__in=[letter.pk for letter in letters]
    ):
        _enqueue_sending(letter)
        letters.append(letter)
    return letters


_LINK = re.compile(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.S)
_BLOCK_END = re.compile(r"</(p|li|h\d)>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]+>")


def _absolute_links(rich_html: str) -> str:
    """Links in an e-mail must carry the site's address."""
    return rich_html.replace('href="/', f'href="{settings.SITE_URL}/')


def _rich_text_as_plain(rich_html: str) -> str:
    text = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", rich_html)
    text = re.sub(r"<li[^>]*>", "- ", text)
    text = _BLOCK_END.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    return "\n".join(line.strip() for line in text.splitlines()).strip()


def _letter_context(letter: Letter, digest, token: str) -> dict:
    editorial = _absolute_links(expand_db_html(letter.editorial or ""))
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": settings.SITE_URL,
        "letter": letter,
        "digest": digest,
        "editorial_html": editorial,
        "editorial_text": _rich_text_as_plain(editorial),
        "web_url": settings.SITE_URL + letter.get_absolute_url(),
        "manage_url": _absolute("newsletter:manage", token),
        "unsubscribe_url": _absolute("newsletter:unsubscribe", token),
    }


def letter_preview_context(*, letter: Letter) -> dict:
    """The letter as e-mailed to a subscriber without topics."""
    return _letter_context(letter, digest_for(letter_items(letter)), TOKEN_PLACEHOLDER)


class LetterMailer:
    """Builds each subscriber's message; renders once per set of topics."""

    def __init__(self, letter: Letter):
        self.letter = letter
        self.items = letter_items(letter)
        self._bodies: dict[Topics, tuple[str, str]] = {}
        host = urlsplit(settings.SITE_URL).hostname or "localhost"
        self.list_id = f"La Lettre de {settings.WAGTAIL_SITE_NAME} <lettre.{host}>"

    def bodies(self, topics: Topics) -> tuple[str, str]:
        if topics not in self._bodies:
            context = _letter_context(
                self.letter, digest_for(self.items, topics), TOKEN_PLACEHOLDER
            )
            self._bodies[topics] = (
                render_to_string("newsletter/emails/letter.txt", context),
                render_to_string("newsletter/emails/letter.html", context),
            )
        return self._bodies[topics]

    def message(self, subscriber: Subscriber, connection=None):
        text, html_body = self.bodies(Topics.of(subscriber))
        token = manage_token(subscriber)
        unsubscribe_url = _absolute("newsletter:unsubscribe", token)
        message = EmailMultiAlternatives(
            subject=self.letter.email_subject,
            body=text.replace(TOKEN_PLACEHOLDER, token),
            to=[subscriber.email],
            connection=connection,
            headers={
                "List-Id": self.list_id,
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            html_body.replace(TOKEN_PLACEHOLDER, token), "text/html"
        )
        return message


def _claim_batch(letter: Letter, size: int) -> list[tuple[Delivery, Subscriber]]:
    """Reserve deliveries for subscribers who have none yet.

    The unique (letter, subscriber) row is taken before the SMTP exchange:
    two workers cannot both claim someone, and a crash mid-exchange leaves
    a pending row that is never retried (at most one copy, never two).
    """
    while True:
        subscribers = list(
            letter.recipients()
            .filter(
                ~Exists(
                    Delivery.objects.filter(letter=letter, subscriber=OuterRef("pk"))
                )
            )
            .select_related("territory__parent__parent")
            .prefetch_related("audiences", "themes")
            .order_by("pk")[:size]
        )
        if not subscribers:
            return []
        try:
            with transaction.atomic():
                deliveries = Delivery.objects.bulk_create(
                    Delivery(
                        letter=letter,
                        subscriber=subscriber,
                        status=DeliveryStatus.PENDING,
                    )
                    for subscriber in subscribers
                )
        except IntegrityError:
            continue  # another worker claimed some of them: look again
        if deliveries[0].pk is None:  # backends that do not return ids
            by_subscriber = dict(
                Delivery.objects.filter(
                    letter=letter, subscriber__in=subscribers
                ).values_list("subscriber_id", "pk")
            )
            for delivery in deliveries:
                delivery.pk = by_subscriber[delivery.subscriber_id]
        return list(zip(deliveries, subscribers, strict=True))


def _send_batch(mailer: LetterMailer, batch) -> Exception | None:
    """Send one batch over one connection; record what happened to each.

    Returns the error that stopped the batch (the server failed), if any.
    """
    sent, refused, error = [], [], None
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
        for delivery, subscriber in batch:
            try:
                mailer.message(subscriber, connection).send()
            except smtplib.SMTPRecipientsRefused:
                refused.append(delivery.pk)  # this address only; go on
            else:
                sent.append(delivery.pk)
    except (smtplib.SMTPException, OSError) as exc:
        error = exc
    finally:
        try:
            connection.close()
        except (smtplib.SMTPException, OSError):
            pass
    now = timezone.now()
    Delivery.objects.filter(pk__in=sent).update(status=DeliveryStatus.SENT, sent_at=now)
    Delivery.objects.filter(pk__in=refused).update(
        status=DeliveryStatus.FAILED, error="Adresse refusée par le serveur."
    )
    done = set(sent) | set(refused)
    if error is not None:
        # Not sent: these go back to the pool and are retried on resume.
        Delivery.objects.filter(
            pk__in=[d.pk for d, _ in batch if d.pk not in done]
        ).delete()
    return error


def letter_send(*, letter: Letter, batch_size: int | None = None) -> Letter:
    """Send a letter to every recipient who has not had it, batch by batch.

    Safe to run again after a failure, or twice at once: each subscriber
    gets at most one copy. If the SMTP server fails, the letter stays « en
    cours d'envoi » with the error; the next run continues where it stopped.
    """
    letter.refresh_from_db()
    if letter.status == LetterStatus.SCHEDULED and letter.scheduled_at <= (
        timezone.now()
    ):
        letter.status = LetterStatus.SENDING
        letter.save(update_fields=["status"])
    if letter.status != LetterStatus.SENDING:
        return letter  # sent already, back to draft, or rescheduled later
    mailer = LetterMailer(letter)
    while batch := _claim_batch(letter, batch_size or BATCH_SIZE):
        error = _send_batch(mailer, batch)
        if error is not None:
            letter.last_error = f"{timezone.now():%d/%m/%Y %H:%M} : {error}"[:1000]
            letter.save(update_fields=["last_error"])
            return letter
    letter.status = LetterStatus.SENT
    letter.sent_at = timezone.now()
    letter.last_error = ""
    letter.save(update_fields=["status", "sent_at", "last_error"])
    return letter
