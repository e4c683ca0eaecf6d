from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from diese.core.editorial import EditorialIndexPage, EditorialPage
from diese.core.facets import Facet

from .enums import ProposalKind, ProposalStatus, ResourceCategory


class ResourceIndexPage(EditorialIndexPage):
    """Ressources: useful web sites, by category and facets."""

    subpage_types = ["resources.ResourcePage"]
    item_type = "resources.ResourcePage"
    item_template = "resources/partials/resource_item.html"
    section_slug = "ressources"
    section_title = "Ressources"
    section_intro = (
        "Des sites utiles aux professionnels de l'insertion, choisis et décrits "
        "par l'équipe d'animation : initiatives, services en ligne et sources "
        "d'information."
    )
    facets = [
        Facet(
            "categorie",
            "Catégorie",
            "category",
            choices=tuple(ResourceCategory.choices),
        ),
        *EditorialIndexPage.facets,
    ]

    class Meta:
        verbose_name = "liste des ressources web"


class ResourcePage(EditorialPage):
    """Ressource web: a site worth knowing, and why."""

    # Not "url": Wagtail pages already have a url property (their own address).
    website = models.URLField("adresse du site")
    category = models.CharField(
        "catégorie", max_length=20, choices=ResourceCategory.choices
    )
    description = RichTextField(
        "description",
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="Ce qu'on y trouve et en quoi c'est utile aux professionnels.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("website"),
        FieldPanel("category"),
        FieldPanel("description"),
        *EditorialPage.facet_panels,
        *EditorialPage.byline_panels,
    ]
    search_fields = EditorialPage.search_fields + [
        index.SearchField("description"),
        index.FilterField("category"),
    ]
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "ressource web"
        verbose_name_plural = "ressources web"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(category__in=ResourceCategory.values),
                name="resource_category_valid",
            )
        ]


def normalise_link(url: str) -> str:
    """The form of a link used to spot duplicates: no scheme, www or trailing /."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}"


class ProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ProposalStatus.PENDING)


class Proposal(models.Model):
    """A tool or web resource proposed by anyone, waiting for an Animateur."""

    kind = models.CharField(
        "vous proposez", max_length=20, choices=ProposalKind.choices
    )
    title = models.CharField("nom de l'outil ou du site", max_length=200)
    link = models.URLField("lien", max_length=500)
    link_key = models.CharField(max_length=500, editable=False, db_index=True)
    reason = models.TextField("pourquoi est-ce utile ?", max_length=3000)
    email = models.EmailField("votre adresse e-mail")
    status = models.CharField(
        "état",
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PENDING,
    )
    refusal_reason = models.TextField("motif du refus", blank=True)
    created_at = models.DateTimeField("reçue le", auto_now_add=True)
    decided_at = models.DateTimeField("traitée le", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="traitée par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page créée",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = "proposition"
        verbose_name_plural = "propositions"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=ProposalStatus.REFUSED)
                | ~models.Q(refusal_reason=""),
                name="proposal_refusal_has_reason",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.link_key = normalise_link(self.link)
        super().save(*args, **kwargs)

    @property
    def is_pending(self) -> bool:
        return self.status == ProposalStatus.PENDING
