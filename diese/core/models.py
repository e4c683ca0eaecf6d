from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock
from .enums import ApprovalStatus


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
        from .editorial import editorial_models

        context["latest_pages"] = (
            Page.objects.live()
            .public()
            .descendant_of(self)
            .type(*editorial_models())
            .order_by("-first_published_at")[:6]
        )
        return context


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
