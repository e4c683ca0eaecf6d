"""The vocabularies every item is described with (the facets).

Audiences and themes start from the data·inclusion national schema; the
other lists start from a French set. Animateurs can add local terms.
"""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from wagtail.search import index

from .enums import TerritoryKind


class Term(index.Indexed, models.Model):
    name = models.CharField("nom", max_length=150, unique=True)
    slug = models.SlugField("identifiant d'adresse", max_length=150, unique=True)
    description = models.TextField("description", blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:150]
        super().save(*args, **kwargs)


class Audience(Term):
    """A public the content is meant for (data·inclusion « publics »)."""

    source_code = models.CharField(
        "code data·inclusion", max_length=100, blank=True, editable=False
    )

    class Meta(Term.Meta):
        verbose_name = "public"
        verbose_name_plural = "publics"

    def get_absolute_url(self):
        return reverse("taxonomy:audience", args=[self.slug])


class Theme(Term):
    """A theme (data·inclusion « catégories de thématiques »)."""

    source_code = models.CharField(
        "code data·inclusion", max_length=100, blank=True, editable=False
    )

    class Meta(Term.Meta):
        verbose_name = "thème"
        verbose_name_plural = "thèmes"

    def get_absolute_url(self):
        return reverse("taxonomy:theme", args=[self.slug])


class Practitioner(Term):
    """A kind of practitioner (intervenant) an item is useful to."""

    class Meta(Term.Meta):
        verbose_name = "intervenant"
        verbose_name_plural = "intervenants"


class Medium(Term):
    """What a tool is made of: paper, software, game, kit…"""

    class Meta(Term.Meta):
        verbose_name = "support"
        verbose_name_plural = "supports"


class Territory(Term):
    """National, a region or a département, with its official (INSEE) code."""

    # Not unique: the Guadeloupe région and département share a name.
    name = models.CharField("nom", max_length=150)
    kind = models.CharField("échelon", max_length=20, choices=TerritoryKind.choices)
    code = models.CharField("code officiel", max_length=3, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="territoire parent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta(Term.Meta):
        verbose_name = "territoire"
        verbose_name_plural = "territoires"
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "code"],
                condition=~models.Q(code=""),
                name="territory_code_unique_per_kind",
            )
        ]

    def __str__(self):
        if self.kind == TerritoryKind.DEPARTMENT:
            return f"{self.name} ({self.code})"
        return self.name


class Keyword(Term):
    """A free keyword; each has its own page listing everything tagged."""

    class Meta(Term.Meta):
        verbose_name = "mot-clé"
        verbose_name_plural = "mots-clés"

    def get_absolute_url(self):
        return reverse("taxonomy:keyword", args=[self.slug])
