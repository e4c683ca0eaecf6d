"""What the search keeps besides the index: the field's synonyms, the words
of public pages (for typo tolerance) and an anonymous log of searches."""

from datetime import timedelta

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from .analysis import french_terms


def expression_key(text: str) -> str:
    """The stems of an expression, so "Revenus de solidarité active" and
    "revenu de solidarite active" are the same entry."""
    return " ".join(french_terms(text))


class Synonym(models.Model):
    """A term of the field and what it means: searching one finds the others."""

    term = models.CharField(
        "terme",
        max_length=100,
        unique=True,
        help_text="Souvent un sigle : RSA, IAE, QPV…",
    )
    equivalents = models.TextField(
        "équivalents",
        help_text=(
            "Un par ligne : « revenu de solidarité active ». Chercher le terme "
            "trouve ces expressions, et chacune d'elles trouve le terme."
        ),
    )

    panels = [FieldPanel("term"), FieldPanel("equivalents")]

    class Meta:
        verbose_name = "synonyme"
        verbose_name_plural = "synonymes et sigles"
        ordering = ["term"]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        from .query import clear_synonyms_cache

        super().save(*args, **kwargs)
        clear_synonyms_cache()

    def delete(self, *args, **kwargs):
        from .query import clear_synonyms_cache

        result = super().delete(*args, **kwargs)
        clear_synonyms_cache()
        return result

    @property
    def expressions(self) -> list[str]:
        lines = [line.strip() for line in self.equivalents.splitlines()]
        return [self.term.strip(), *(line for line in lines if line)]


class SearchTerm(models.Model):
    """A word of the live public pages, folded, with how many pages have it
    and its most common spelling (with accents), shown in suggestions.

    Only public text goes in, so a correction never reveals a private word.
    Rebuilt by `refresh_search_terms` (see diese.search.vocabulary).
    """

    word = models.CharField("mot", max_length=40, unique=True)
    spelling = models.CharField("graphie", max_length=40)
    stem = models.CharField("racine", max_length=40, db_index=True)
    pages = models.PositiveIntegerField("pages")

    class Meta:
        verbose_name = "mot indexé"
        verbose_name_plural = "mots indexés"

    def __str__(self):
        return self.word


class SearchQueryLogQuerySet(models.QuerySet):
    def since(self, days: int):
        return self.filter(created_at__gte=timezone.now() - timedelta(days=days))

    def frequent(self):
        return (
            self.values("query")
            .annotate(
                searches=Count("pk"),
                empty=Count("pk", filter=Q(results=0)),
                results_max=models.Max("results"),
            )
            .order_by("-searches", "query")
        )

    def without_results(self):
        return self.filter(results=0).frequent()

    def purge(self, *, older_than_days: int) -> int:
        """Deletes old rows; `purge_search_log` runs it (monthly is enough)."""
        limit = timezone.now() - timedelta(days=older_than_days)
        deleted, _ = self.filter(created_at__lt=limit).delete()
        return deleted


class SearchQueryLog(models.Model):
    """One search as typed, with no trace of who made it: no user, no
    address, no session; the query is folded and trimmed."""

    query = models.CharField("recherche", max_length=200)
    filters = models.JSONField("filtres", default=dict, blank=True)
    results = models.PositiveIntegerField("résultats")
    duration_ms = models.PositiveIntegerField("durée (ms)")
    created_at = models.DateTimeField("date", default=timezone.now, db_index=True)

    objects = SearchQueryLogQuerySet.as_manager()

    class Meta:
        verbose_name = "recherche effectuée"
        verbose_name_plural = "recherches effectuées"
        indexes = [models.Index(fields=["query", "created_at"])]

    def __str__(self):
        return self.query
