import hashlib

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

from .enums import Frequency

CONSENT_TEXT = (
    "J'accepte de recevoir La Lettre de Diese par e-mail. Je peux me désabonner "
    "à tout moment par le lien présent dans chaque lettre."
)


def email_digest(email: str) -> str:
    """A keyed hash of an address: proves consent without keeping the address."""
    key = settings.SECRET_KEY.encode()
    return hashlib.blake2b(email.strip().lower().encode(), key=key[:64]).hexdigest()


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Subscriber(models.Model):
    """Someone who asked for La Lettre: only the address, topics and consent."""

    email = models.EmailField("adresse e-mail", unique=True)
    frequency = models.CharField(
        "fréquence", max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    audiences = models.ManyToManyField(
        "taxonomy.Audience", verbose_name="publics", blank=True, related_name="+"
    )
    themes = models.ManyToManyField(
        "taxonomy.Theme", verbose_name="thèmes", blank=True, related_name="+"
    )
    territory = models.ForeignKey(
        "taxonomy.Territory",
        verbose_name="territoire",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    only_topics = models.BooleanField(
        "uniquement mes sujets",
        default=False,
        help_text="Sinon, vos sujets viennent en premier, suivis du reste.",
    )
    created_at = models.DateTimeField("inscrit le", auto_now_add=True)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = "abonné"
        verbose_name_plural = "abonnés"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="subscriber_email_unique_ci")
        ]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class ConsentRecord(models.Model):
    """Proof of consent, kept for the legal period after unsubscribing.

    It holds a keyed hash of the address, never the address itself.
    """

    email_digest = models.CharField(max_length=128, db_index=True)
    consent_text = models.TextField()
    consented_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "preuve de consentement"
        verbose_name_plural = "preuves de consentement"
