"""What every editorial page (fiche, resource, news, document, testimonial)
shares: a one-sentence summary, its facets, who wrote it, when to review it."""

from collections import defaultdict
from datetime import date, timedelta

from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from .facets import Facet, FacetedListing

REVIEW_AFTER = timedelta(days=365)


def _facet(model, label):
    return ParentalManyToManyField(
        f"taxonomy.{model}", verbose_name=label, blank=True, related_name="+"
    )


def due_for_review_q() -> models.Q:
    """Pages past their review date (12 months after publishing by default)."""
    default_due = timezone.now() - REVIEW_AFTER
    return models.Q(review_date__lt=timezone.localdate()) | models.Q(
        review_date__isnull=True, last_published_at__lt=default_due
    )


class EditorialPageQuerySet(PageQuerySet):
    def due_for_review(self):
        return self.filter(due_for_review_q())


EditorialPageManager = PageManager.from_queryset(EditorialPageQuerySet)


class EditorialPage(Page):
    summary = models.CharField(
        "résumé",
        max_length=300,
        help_text=(
            "Une phrase qui dit de quoi il s'agit ; elle apparaît dans les listes."
        ),
    )
    audiences = _facet("Audience", "publics")
    themes = _facet("Theme", "thèmes")
    practitioners = _facet("Practitioner", "intervenants")
    territories = _facet("Territory", "territoires")
    keywords = _facet("Keyword", "mots-clés")
    review_date = models.DateField(
        "à vérifier le",
        null=True,
        blank=True,
        help_text=(
            "Laissez vide pour 12 mois après la dernière publication ; "
            "passé cette date, les lecteurs voient « Information à vérifier »."
        ),
    )
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="propos recueillis par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    collected_from = models.CharField(
        "auprès de",
        max_length=200,
        blank=True,
        help_text="Nom et structure de la personne qui a donné l'information.",
    )

    facet_panels = [
        MultiFieldPanel(
            [
                FieldPanel("audiences"),
                FieldPanel("themes"),
                FieldPanel("practitioners"),
                FieldPanel("territories"),
                FieldPanel("keywords"),
            ],
            heading="Classement",
        )
    ]
    byline_panels = [
        MultiFieldPanel(
            [
                FieldPanel("collected_by"),
                FieldPanel("collected_from"),
                FieldPanel("review_date"),
            ],
            heading="Auteur et mise à jour",
        )
    ]
    search_fields = Page.search_fields + [index.SearchField("summary", boost=2)]

    objects = EditorialPageManager()

    class Meta:
        abstract = True

    @property
    def review_due(self) -> date | None:
        if self.review_date:
            return self.review_date
        published = self.last_published_at or self.first_published_at
        return (published + REVIEW_AFTER).date() if published else None

    def related_items(self, limit=4):
        """Items of the same kind sharing the most themes and audiences."""
        shared = models.Q(themes__in=self.themes.all()) | models.Q(
            audiences__in=self.audiences.all()
        )
        return (
            type(self)
            .objects.live()
            .public()
            .exclude(pk=self.pk)
            .filter(shared)
            .annotate(shared=models.Count("pk"))
            .order_by("-shared", "-first_published_at")[:limit]
        )

    @property
    def needs_review(self) -> bool:
        due = self.review_due
        return due is not None and due < timezone.localdate()


class EditorialIndexPage(Page):
    """A section's list page: its items, filtered by facets, paginated."""

    intro = models.CharField("chapeau", max_length=500, blank=True)

    # The section's address under the home page, title and intro, used when
    # the site is set up (site_setup) and by the main menu.
    section_slug = ""
    section_title = ""
    section_intro = ""

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    max_count = 1
    item_template = "core/partials/editorial_item.html"
    facets = [
        Facet("public", "Public", "audiences"),
        Facet("theme", "Thème", "themes"),
        Facet("intervenant", "Intervenant", "practitioners"),
        Facet("territoire", "Territoire", "territories", single=True),
        Facet("mot-cle", "Mot-clé", "keywords", single=True),
    ]

    class Meta:
        abstract = True

    @property
    def feed_url(self) -> str:
        return reverse("watch:section", args=[self.section_slug])

    # The kind of page the section lists, "app_label.ModelName".
    item_type = ""

    @classmethod
    def item_model(cls):
        return apps.get_model(cls.item_type)

    @classmethod
    def live_indexes(cls):
        """This section's live index page, as a queryset (one page at most).

        The section's own table is read first (one row): joined to the page
        table straight away, SQLite would read every page to find it.
        """
        ids = list(cls.objects.order_by().values_list("pk", flat=True))
        return cls.objects.filter(pk__in=ids).live()

    def get_items(self):
        """The section's live, public items.

        A kind of item only lives under its own section (its parent_page_types
        name this section alone, and max_count = 1 makes it the only one), so
        its type is enough: no path filter, which would make the database
        scan every page. Core's migrations 0003 and 0004 index the type.
        """
        model = self.item_model()
        return model.objects.live().public().exact_type(model)

    def get_item_pages(self):
        """The same pages as get_items(), from Wagtail's page table alone:
        counting them needs no join to the items' own table."""
        return Page.objects.live().public().exact_type(self.item_model())

    def latest_items(self, limit):
        """The section's newest items, for the home page."""
        return self.get_items().order_by("-first_published_at")[:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.get_items().prefetch_related("audiences", "themes")
        listing = FacetedListing(
            items, self.facets, request.GET, pages=self.get_item_pages()
        )
        context.update(listing.context(request))
        context["item_template"] = self.item_template
        return context


def _concrete_models(base):
    return [model for model in apps.get_models() if issubclass(model, base)]


def editorial_models():
    """Every concrete kind of editorial page (fiche, resource, news…)."""
    return _concrete_models(EditorialPage)


def section_index_models():
    """Every concrete section index page (Outils, Ressources…)."""
    return _concrete_models(EditorialIndexPage)


def theme_names(pages) -> dict[int, list[str]]:
    """{page id: its theme names, sorted} for mixed kinds of pages, in one
    query: the union of each kind's link table (search results and feeds
    show the names only, no Theme objects needed). Each kind keeps its
    themes in its own table; pages of other types are left out."""
    by_kind = defaultdict(list)
    for page in pages:
        if isinstance(page, EditorialPage):
            by_kind[type(page)].append(page.pk)
    queries = []
    for model, ids in by_kind.items():
        through = model._meta.get_field("themes").remote_field.through
        page_column = next(
            field.name
            for field in through._meta.get_fields()
            if getattr(field, "related_model", None) is model
        )
        queries.append(
            through.objects.filter(**{f"{page_column}__in": ids}).values_list(
                page_column, "theme__name"
            )
        )
    names = defaultdict(list)
    if queries:
        for pk, name in queries[0].union(*queries[1:], all=True):
            names[pk].append(name)
    return {pk: sorted(found) for pk, found in names.items()}
