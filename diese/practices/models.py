from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from diese.core.editorial import EditorialIndexPage, EditorialPage
from diese.tools.models import ToolPage

SECTION_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class PracticeIndexPage(EditorialIndexPage):
    """Témoignages: every testimonial, filtered by facets."""

    subpage_types = ["practices.PracticePage"]
    item_type = "practices.PracticePage"
    section_slug = "temoignages"
    section_title = "Témoignages"
    section_intro = (
        "Des professionnels du réseau racontent une action qu'ils ont menée : "
        "pour qui, comment, avec quels résultats, et ce qu'ils en retiennent."
    )

    class Meta:
        verbose_name = "liste des témoignages"


class PracticePage(EditorialPage):
    """Témoignage: an action told in the same few sections, quick to write and
    to skim; only the first three are required so that a short account can
    be shared before results are known."""

    context = RichTextField(
        "contexte",
        features=SECTION_FEATURES,
        help_text="La structure, le territoire, le besoin de départ.",
    )
    public_description = models.TextField(
        "public",
        help_text=(
            "Qui était concerné : nombre de personnes, âge, situation. "
            "Cochez aussi les publics dans « Classement »."
        ),
    )
    actions = RichTextField(
        "ce que nous avons fait",
        features=SECTION_FEATURES,
        help_text="Les étapes, la durée, qui est intervenu.",
    )
    results = RichTextField(
        "résultats",
        features=SECTION_FEATURES,
        blank=True,
        help_text="Ce qui a changé pour les personnes ; des chiffres si vous en avez.",
    )
    lessons = RichTextField(
        "conditions de réussite et difficultés",
        features=SECTION_FEATURES,
        blank=True,
        help_text="Ce qu'il faut pour refaire l'action ailleurs, et les écueils.",
    )
    further = RichTextField(
        "pour aller plus loin", features=SECTION_FEATURES, blank=True
    )
    contact = models.CharField(
        "contact",
        max_length=300,
        blank=True,
        help_text=(
            "Comment joindre la structure, par exemple une adresse e-mail de "
            "service ; seulement avec son accord."
        ),
    )
    tools_used = ParentalManyToManyField(
        "tools.ToolPage",
        verbose_name="outils utilisés",
        blank=True,
        related_name="practices",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("context"),
        FieldPanel("public_description"),
        FieldPanel("actions"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        FieldPanel("further"),
        FieldPanel("contact"),
        FieldPanel("tools_used"),
        *EditorialPage.facet_panels,
        *EditorialPage.byline_panels,
    ]
    search_fields = EditorialPage.search_fields + [
        index.SearchField("context"),
        index.SearchField("public_description"),
        index.SearchField("actions"),
        index.SearchField("results"),
        index.SearchField("lessons"),
    ]
    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "témoignage"
        verbose_name_plural = "témoignages"

    def live_tools_used(self):
        """The fiches outils readers can open: never a draft or private one.

        Read through the relation rather than a join, so that a preview,
        whose choices are not saved yet, shows them too.
        """
        ids = [tool.pk for tool in self.tools_used.all()]
        return ToolPage.objects.live().public().filter(pk__in=ids).order_by("title")
