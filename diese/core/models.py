from django.apps import apps
from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock
from .enums import ApprovalStatus
from .navigation import MAIN_MENU

# How many of its newest items each section shows on the home page.
HOME_ITEMS_PER_SECTION = 3


class HomePage(Page):
    """The site's root page: what Diese is, the latest items, search, the letter."""

    intro = models.CharField(
        "Phrase d'accueil",
        max_length=300,
        help_text="Une phrase qui dit ce qu'est le site.",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name="Contenu")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: every section index page names HomePage as its parent.
    max_count = 1

    class Meta:
        verbose_name = "Page d'accueil"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_by_section"] = self.latest_by_section()
        context["upcoming_events"] = self.upcoming_events()
        # The page has its own sign-up box: the footer's would repeat it.
        context["letter_box_on_page"] = True
        return context

    def latest_by_section(self, per_section=HOME_ITEMS_PER_SECTION):
        """The newest items of each section, in menu order, empty ones left out."""
        from .editorial import section_index_models

        indexes = {}
        for model in section_index_models():
            for section in model.live_indexes():
                indexes[section.section_slug] = section
        sections = []
        for link in MAIN_MENU:
            index = indexes.get(link.url.strip("/"))
            if index is None:
                continue
            items = list(index.latest_items(per_section))
            if items:
                sections.append((index, items))
        return sections

    def upcoming_events(self, limit=HOME_ITEMS_PER_SECTION):
        event_model = apps.get_model("news", "EventPage")
        return list(
            # No path filter (events only live under Actualités): it would
            # make the database scan every page when there are no events.
            event_model.objects.live().public().upcoming()[:limit]
        )


class StandardPage(Page):
    """An ordinary page: about, partners, accessibility, legal notice, contact."""

    intro = models.CharField("Chapeau", max_length=500, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name="Contenu")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = "Page simple"
        verbose_name_plural = "Pages simples"


class ApprovalRequest(models.Model):
    """A professional asked to read and approve a text written on their behalf.

    The text is the page revision an Animateur wrote; the professional reads it
    through a private link, without an account, and approves it or asks for
    changes before it is published.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField("nom et structure", max_length=200)
    email = models.EmailField("adresse e-mail")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="demandée par",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        "état",
        max_length=20,
        choices=ApprovalStatus.choices,
        default=ApprovalStatus.PENDING,
    )
    comment = models.TextField("commentaire", blank=True)
    created_at = models.DateTimeField("demandée le", auto_now_add=True)
    decided_at = models.DateTimeField("répondue le", null=True, blank=True)

    class Meta:
        verbose_name = "demande de relecture"
        verbose_name_plural = "demandes de relecture"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page.title} — {self.name}"

    @property
    def is_pending(self) -> bool:
        return self.status == ApprovalStatus.PENDING
