"""modelsearch's PostgreSQL backend, ranked the way our readers expect.

The text analysis is PostgreSQL's (the `french_unaccent` configuration, see
this app's first migration). Only the ranking changes: the parent weighs
the title by a `title_norm` stored when each entry is written, so two pages
with the same title can rank differently; here the title has a fixed
weight, and equal ranks go to the most recently published page.
"""

from django.db.models import F
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

TITLE_WEIGHT = 10.0


class FrenchPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_index_vectors(self, search_query):
        return [
            (F("index_entries__title"), TITLE_WEIGHT),
            (F("index_entries__body"), 1.0),
        ]

    def _apply_ordering_and_scoring(
        self, queryset, rank_expression, start, stop, score_field=None
    ):
        if self.order_by_relevance and hasattr(
            self.queryset.model, "first_published_at"
        ):
            queryset = queryset.order_by(
                rank_expression.desc(),
                F("first_published_at").desc(nulls_last=True),
                "-pk",
            )
            if score_field is not None:
                queryset = queryset.annotate(**{score_field: rank_expression})
            return queryset[start:stop]
        return super()._apply_ordering_and_scoring(
            queryset, rank_expression, start, stop, score_field
        )


class FrenchPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = FrenchPostgresSearchQueryCompiler


SearchBackend = FrenchPostgresSearchBackend
