import hashlib

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PreviewableMixin

from .enums import DeliveryStatus, Frequency, LetterAudience, LetterStatus

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


# Editorial kinds a letter can hold (the page chooser only offers these).
EDITORIAL_PAGE_TYPES = [
    "tools.ToolPage",
    "resources.ResourcePage",
    "news.NewsPage",
    "news.EventPage",
    "library.DocumentPage",
    "practices.PracticePage",
]


def next_letter_number() -> int:
    last = Letter.objects.aggregate(models.Max("number"))["number__max"]
    return (last or 0) + 1


class LetterQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(status=LetterStatus.SENT)

    def due(self):
        """Scheduled letters whose time has come."""
        return self.filter(
            status=LetterStatus.SCHEDULED, scheduled_at__lte=timezone.now()
        )


class Letter(PreviewableMixin, ClusterableModel):
    """One issue of La Lettre: an editorial, then the new items of the period."""

    number = models.PositiveIntegerField(
        "numéro", unique=True, default=next_letter_number
    )
    subject = models.CharField(
        "objet",
        max_length=150,
        help_text="Ce que les abonnés lisent dans leur boîte de réception.",
    )
    editorial = RichTextField(
        "éditorial",
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="Quelques lignes de l'équipe d'animation, en tête de la lettre.",
    )
    audience = models.CharField(
        "destinataires",
        max_length=10,
        choices=LetterAudience.choices,
        default=LetterAudience.EVERYONE,
        help_text=(
            "Les abonnés hebdomadaires reçoivent toutes les lettres ; les abonnés "
            "mensuels, seulement les lettres destinées à tous."
        ),
    )
    status = models.CharField(
        "état",
        max_length=10,
        choices=LetterStatus.choices,
        default=LetterStatus.DRAFT,
        editable=False,
    )
    period_start = models.DateTimeField(
        "nouveautés publiées après le",
        null=True,
        blank=True,
        help_text="Laissez vide : depuis la lettre précédente.",
    )
    period_end = models.DateTimeField(
        "et jusqu'au",
        null=True,
        blank=True,
        help_text="Laissez vide : jusqu'à la création de la lettre.",
    )
    scheduled_at = models.DateTimeField(
        "envoi programmé le", null=True, blank=True, editable=False
    )
    sent_at = models.DateTimeField("envoyée le", null=True, blank=True, editable=False)
    last_error = models.TextField("dernière erreur d'envoi", blank=True, editable=False)
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    objects = LetterQuerySet.as_manager()

    panels = [
        FieldPanel("subject"),
        FieldPanel("number"),
        FieldPanel("audience"),
        FieldPanel("editorial"),
        MultiFieldPanel(
            [FieldPanel("period_start"), FieldPanel("period_end")],
            heading="Période couverte",
        ),
        InlinePanel(
            "items",
            heading="Contenus",
            label="contenu",
            help_text=(
                "Rassemblés automatiquement à la création : retirez, ajoutez, "
                "réordonnez, et cochez « à la une » pour les mettre en tête."
            ),
        ),
    ]

    class Meta:
        verbose_name = "lettre"
        verbose_name_plural = "lettres"
        ordering = ["-number"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=LetterStatus.SCHEDULED)
                | models.Q(scheduled_at__isnull=False),
                name="letter_scheduled_has_date",
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_end__isnull=True)
                | models.Q(period_end__gt=models.F("period_start")),
                name="letter_period_ends_after_start",
                violation_error_message="La fin de la période doit suivre son début.",
            ),
        ]

    def __str__(self):
        return f"La Lettre n° {self.number} : {self.subject}"

    def get_absolute_url(self):
        return reverse("newsletter:letter", args=[self.number])

    @property
    def email_subject(self) -> str:
        return str(self)

    @property
    def is_editable(self) -> bool:
        return self.status in (LetterStatus.DRAFT, LetterStatus.SCHEDULED)

    def recipients(self):
        """Confirmed subscribers this letter goes to."""
        subscribers = Subscriber.objects.confirmed()
        if self.audience == LetterAudience.WEEKLY:
            subscribers = subscribers.filter(frequency=Frequency.WEEKLY)
        return subscribers

    def get_preview_template(self, request, mode_name):
        return "newsletter/emails/letter.html"

    def get_preview_context(self, request, mode_name):
        from .services import letter_preview_context

        return letter_preview_context(letter=self)


class LetterItem(Orderable):
    """A page in a letter, in the order the animators chose."""

    letter = ParentalKey(Letter, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="contenu",
        on_delete=models.CASCADE,
        related_name="+",
    )
    featured = models.BooleanField("à la une", default=False)

    panels = [
        PageChooserPanel("page", page_type=EDITORIAL_PAGE_TYPES),
        FieldPanel("featured"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "contenu de la lettre"
        verbose_name_plural = "contenus de la lettre"
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "page"], name="letter_item_page_once"
            )
        ]


class Delivery(models.Model):
    """One letter to one subscriber: the row that prevents a second copy.

    It keeps no address: when a subscriber leaves, the row stays for the
    figures with `subscriber` emptied.
    """

    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    status = models.CharField("état", max_length=10, choices=DeliveryStatus.choices)
    error = models.CharField("erreur", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)

    class Meta:
        verbose_name = "envoi"
        verbose_name_plural = "envois"
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "subscriber"], name="delivery_once_per_subscriber"
            )
        ]
