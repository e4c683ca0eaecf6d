from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index

from diese.core.editorial import (
    EditorialIndexPage,
    EditorialPage,
    EditorialPageQuerySet,
)

BODY_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]

# How long a finished event stays in the calendar feed, so that subscribers'
# calendars keep last week's meetings instead of seeing them vanish.
CALENDAR_KEEPS_PAST = timedelta(days=30)
# How many upcoming events the Actualités page announces above the brèves.
INDEX_UPCOMING_EVENTS = 3

END_BEFORE_START = "La fin de l'événement doit être après son début."


class EventPageQuerySet(EditorialPageQuerySet):
    def _with_finish(self):
        # An event without an end is over once it has started.
        return self.alias(finishes=Coalesce("end", "start"))

    def upcoming(self):
        """Events not over yet (including those happening now), soonest first."""
        return (
            self._with_finish()
            .filter(finishes__gte=timezone.now())
            .order_by("start", "pk")
        )

    def past(self):
        """Events that are over, the most recent first."""
        return (
            self._with_finish()
            .filter(finishes__lt=timezone.now())
            .order_by("-start", "-pk")
        )

    def for_calendar(self):
        """What the iCalendar feed carries: upcoming and recently finished events."""
        since = timezone.now() - CALENDAR_KEEPS_PAST
        return self._with_finish().filter(finishes__gte=since).order_by("start", "pk")


class NewsIndexPage(EditorialIndexPage):
    """Actualités: the brèves, filtered by facets, newest first.

    Events live under this page too, but the list shows brèves only: events
    are ordered by their date, not their publication, and the agenda
    (/agenda/) lists them. The page announces the next few above the list.
    """

    subpage_types = ["news.NewsPage", "news.EventPage"]
    item_type = "news.NewsPage"
    section_slug = "actualites"
    section_title = "Actualités"
    section_intro = (
        "Les nouvelles utiles aux professionnels de l'insertion : mesures "
        "publiques, dispositifs qui changent, appels à projets et initiatives "
        "du réseau. Les rendez-vous à venir sont dans l'agenda."
    )

    class Meta:
        verbose_name = "liste des actualités"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = (
            EventPage.objects.live().public().upcoming()[:INDEX_UPCOMING_EVENTS]
        )
        return context


class NewsPage(EditorialPage):
    """Brève: a short piece of news, with where it comes from."""

    body = RichTextField("texte", features=BODY_FEATURES)
    source = models.URLField(
        "source",
        blank=True,
        help_text="Adresse de la page officielle d'où vient l'information.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("source"),
        *EditorialPage.facet_panels,
        *EditorialPage.byline_panels,
    ]
    search_fields = EditorialPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "brève"
        verbose_name_plural = "brèves"


def _french_day(moment: datetime) -> str:
    day = "1er" if moment.day == 1 else str(moment.day)
    return f"{date_format(moment, 'l')} {day} {date_format(moment, 'F Y')}"


def _french_hour(moment: datetime) -> str:
    # "14 h", "9 h 30": how times are written in French prose.
    if moment.minute:
        return f"{moment.hour} h {moment.minute:02d}"
    return f"{moment.hour} h"


class EventPage(EditorialPage):
    """Événement: a meeting, training or webinar, listed in the agenda."""

    start = models.DateTimeField("début")
    end = models.DateTimeField(
        "fin",
        null=True,
        blank=True,
        help_text="Laissez vide si l'heure de fin n'est pas connue.",
    )
    place = models.CharField(
        "lieu",
        max_length=200,
        blank=True,
        help_text="Adresse ou ville ; vide si l'événement n'a lieu qu'en ligne.",
    )
    online = models.BooleanField("en ligne", default=False)
    organiser = models.CharField("organisé par", max_length=200)
    registration_url = models.URLField("lien d'inscription", blank=True)
    body = RichTextField("présentation", features=BODY_FEATURES)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("place"),
                FieldPanel("online"),
                FieldPanel("organiser"),
                FieldPanel("registration_url"),
            ],
            heading="Date, lieu et inscription",
        ),
        FieldPanel("body"),
        *EditorialPage.facet_panels,
        *EditorialPage.byline_panels,
    ]
    search_fields = EditorialPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("place"),
        index.SearchField("organiser"),
        index.FilterField("start"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "événement"
        verbose_name_plural = "événements"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True)
                | models.Q(end__gt=models.F("start")),
                name="event_ends_after_start",
                violation_error_message=END_BEFORE_START,
            )
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = END_BEFORE_START
        if not self.place and not self.online:
            errors["place"] = "Indiquez un lieu, ou cochez « en ligne »."
        if errors:
            raise ValidationError(errors)

    @property
    def when(self) -> str:
        """The date and times in French: « mardi 14 octobre 2025, de 9 h à 12 h »."""
        start = timezone.localtime(self.start)
        if self.end is None:
            return f"{_french_day(start)} à {_french_hour(start)}"
        end = timezone.localtime(self.end)
        if start.date() == end.date():
            return (
                f"{_french_day(start)}, de {_french_hour(start)} à {_french_hour(end)}"
            )
        return (
            f"du {_french_day(start)} à {_french_hour(start)} "
            f"au {_french_day(end)} à {_french_hour(end)}"
        )

    @property
    def where(self) -> str:
        if self.place and self.online:
            return f"{self.place}, et en ligne"
        return self.place or "En ligne"

    @property
    def is_past(self) -> bool:
        return (self.end or self.start) < timezone.now()
