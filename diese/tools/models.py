from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from diese.core.editorial import EditorialIndexPage, EditorialPage
from diese.core.facets import Facet

from .enums import Cost

SECTION_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ToolIndexPage(EditorialIndexPage):
    """Outils: every fiche outil, filtered by facets."""

    subpage_types = ["tools.ToolPage"]
    item_type = "tools.ToolPage"
    item_template = "tools/partials/tool_item.html"
    section_slug = "outils"
    section_title = "Outils"
    section_intro = (
        "Des fiches sur les outils pédagogiques qu'utilisent les professionnels "
        "du réseau : à quoi ils servent, pour quels publics, ce qu'ils coûtent "
        "et comment se les procurer."
    )

    facets = EditorialIndexPage.facets + [
        Facet("support", "Support", "media"),
        Facet("cout", "Coût", "cost", choices=tuple(Cost.choices)),
    ]

    class Meta:
        verbose_name = "liste des fiches outils"


class ToolPage(EditorialPage):
    """Fiche outil: a tool partners use, described in the sections readers know."""

    objectives = RichTextField("objectifs", features=SECTION_FEATURES)
    description = RichTextField("description", features=SECTION_FEATURES)
    observations = RichTextField(
        "observations",
        features=SECTION_FEATURES,
        blank=True,
        help_text="Limites, publics à qui l'outil convient, retours de terrain.",
    )
    how_to_get = RichTextField(
        "comment se procurer l'outil", features=SECTION_FEATURES, blank=True
    )
    more_info = RichTextField(
        "informations complémentaires", features=SECTION_FEATURES, blank=True
    )
    cost = models.CharField(
        "coût", max_length=20, choices=Cost.choices, default=Cost.FREE
    )
    price = models.CharField(
        "prix",
        max_length=100,
        blank=True,
        help_text="Par exemple : 45 € la mallette, ou 10 € par licence.",
    )
    licence = models.CharField("licence", max_length=100, blank=True)
    publisher = models.CharField("éditeur", max_length=200, blank=True)
    year = models.PositiveSmallIntegerField("année", null=True, blank=True)
    link = models.URLField("lien vers l'outil", blank=True)
    media = ParentalManyToManyField(
        "taxonomy.Medium", verbose_name="supports", blank=True, related_name="+"
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("description"),
        FieldPanel("observations"),
        FieldPanel("how_to_get"),
        FieldPanel("more_info"),
        MultiFieldPanel(
            [
                FieldPanel("cost"),
                FieldPanel("price"),
                FieldPanel("licence"),
                FieldPanel("publisher"),
                FieldPanel("year"),
                FieldPanel("link"),
            ],
            heading="Se procurer l'outil",
        ),
        InlinePanel("attachments", label="Pièces jointes (PDF)"),
        FieldPanel("media"),
        *EditorialPage.facet_panels,
        *EditorialPage.byline_panels,
    ]
    search_fields = EditorialPage.search_fields + [
        index.SearchField("objectives"),
        index.SearchField("description"),
        index.SearchField("observations"),
        index.SearchField("publisher"),
        index.FilterField("cost"),
    ]
    parent_page_types = ["tools.ToolIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "fiche outil"
        verbose_name_plural = "fiches outils"

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.cost == Cost.PAID and not self.price:
            raise ValidationError({"price": "Indiquez le prix d'un outil payant."})

    @property
    def is_free(self) -> bool:
        return self.cost == Cost.FREE


class ToolAttachment(Orderable):
    page = ParentalKey(ToolPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="document",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "pièce jointe"
