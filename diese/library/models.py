from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import floatformat
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from diese.core.editorial import EditorialIndexPage, EditorialPage
from diese.core.facets import Facet

from .enums import DocumentKind
from .validators import validate_pdf, validate_pdf_size


class LibraryIndexPage(EditorialIndexPage):
    """Documentation: reports, guides and official texts, filtered by facets."""

    subpage_types = ["library.DocumentPage"]
    item_type = "library.DocumentPage"
    item_template = "library/partials/document_item.html"
    section_slug = "documentation"
    section_title = "Documentation"
    section_intro = (
        "Des rapports, guides, études et textes officiels utiles aux "
        "professionnels de l'insertion, présentés en quelques lignes et à "
        "télécharger en PDF."
    )
    facets = [
        Facet("type", "Type de document", "kind", choices=tuple(DocumentKind.choices)),
        *EditorialIndexPage.facets,
    ]

    class Meta:
        verbose_name = "liste des documents"

    def get_items(self):
        # Each item shows its file's format and size.
        return super().get_items().select_related("document")


class DocumentPage(EditorialPage):
    """A report, guide or official text: a PDF and what readers need to know."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="document (PDF)",
        # A published page must never point to a deleted file; Wagtail's
        # delete view then lists the pages that use the document.
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(
        "type de document", max_length=20, choices=DocumentKind.choices
    )
    author_or_publisher = models.CharField(
        "auteur ou éditeur",
        max_length=200,
        help_text="L'organisme ou le service qui publie le document.",
    )
    publication_date = models.DateField("date de parution")
    body = RichTextField(
        "présentation",
        features=["bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text="Ce que contient le document et à qui il sera utile.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("document"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("author_or_publisher"),
                FieldPanel("publication_date"),
            ],
            heading="Description du document",
        ),
        FieldPanel("body"),
        *EditorialPage.facet_panels,
        *EditorialPage.byline_panels,
    ]
    search_fields = EditorialPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("author_or_publisher"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []

    class Meta:
        # "Document" alone would be mistaken for Wagtail's uploaded files.
        verbose_name = "document à télécharger"
        verbose_name_plural = "documents à télécharger"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=DocumentKind.values),
                name="document_kind_valid",
            )
        ]

    def clean(self):
        super().clean()
        if self.document_id is None:
            return  # the required field says so already
        try:
            validate_pdf(self.document.file)
            validate_pdf_size(self.document.file)
        except ValidationError as error:
            raise ValidationError({"document": error.messages}) from error

    @property
    def file_description(self) -> str:
        """What the download link announces: "PDF, 1,2 Mo"."""
        size = self.document.get_file_size()
        extension = self.document.file_extension.upper()
        return f"{extension}, {file_size_label(size)}" if size else extension


def file_size_label(size: int) -> str:
    """ "1,2 Mo": the units French readers know, where Django writes "Mio"."""
    for unit, factor in (("Go", 1024**3), ("Mo", 1024**2), ("ko", 1024)):
        if size >= factor:
            return f"{floatformat(size / factor, -1)}\xa0{unit}"
    return f"{size}\xa0octet{'s' if size > 1 else ''}"
