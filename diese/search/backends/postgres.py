"""modelsearch's PostgreSQL backend, ranked the way our readers expect.

The text analysis is PostgreSQL's (the `french_unaccent` configuration, see
this app's first migration). The ranking is the two tiers of
diese.search.backends.common: pages whose title matches the whole query,
then the others, each tier ordered by its text-search rank (title, then
body), then the most recently published.

Searches of pages by relevance, the ones the search page makes, run their
own SQL (FrenchPostgresSearchResults) so that each step is driven by an
index (this app's migration 0005):

- a tier's matches come from a GIN index (`title`, or `title || body`), and
  are ranked there without touching the pages; only the best CANDIDATES of
  them (and any tied with the last) are then joined to the pages, by their
  primary key, to apply the page queryset's filters (live, public, type,
  facets) and break ties by publication date;
- a tier is ranked in full only when its candidates do not fill the slice
  asked for (a narrow filter, a far page);
- the count stops past COUNT_CAP.

Everything else (autocomplete, `order_by_relevance=False`, MatchAll, Not,
fuzzy queries, scores, searches of other models) is the parent's.
"""

from django.db import connections
from django.db.models import F
from django.db.models.sql import Query
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page

from .common import (
    CANDIDATES,
    COUNT_CAP,
    ELSEWHERE,
    IN_TITLE,
    TieredResultsMixin,
)

TITLE_WEIGHT = 10.0

# The SQL of the two tiers: each one's match, and the rank that orders it.
# `{tsquery}` stands for the compiled query.
TITLE_MATCH = "e.title @@ {tsquery}"
# Matches the whole query somewhere, its words maybe split between title and
# body, but not in the title alone. `title || body` has its own GIN index.
ELSEWHERE_MATCH = "(e.title || e.body) @@ {tsquery} AND NOT e.title @@ {tsquery}"
TIER_RANK = {
    TITLE_MATCH: "ts_rank(%s::float4[], e.title, {tsquery})",
    ELSEWHERE_MATCH: "ts_rank(%s::float4[], e.body, {tsquery})",
}
ANY_MATCH = "(e.title || e.body) @@ {tsquery}"
TIERS = {IN_TITLE: TITLE_MATCH, ELSEWHERE: ELSEWHERE_MATCH}

# Entries are only joined to pages once the content type filter has kept
# page entries, whose object_id is a page's integer id: the cast is then
# safe, and the join uses the pages' primary key. The content type filter
# keeps nearly every entry: `+ 0` keeps the planner from combining its index
# with the text search's. `{pages}` is the page queryset's
# `SELECT id AS pk, first_published_at`, with its filters; PostgreSQL pulls it up
# into a join, each entry probing the pages' primary key once.
MATCHES = """
    SELECT e.object_id::integer AS id, {rank} AS rank
    FROM wagtailsearch_indexentry e
    WHERE e.content_type_id + 0 = ANY(%s) AND {match}
"""
ORDERED = """
    SELECT m.id
    FROM {matches} m
    JOIN ({pages}) p ON p.pk = m.id
    ORDER BY m.rank DESC, p.first_published_at DESC NULLS LAST, m.id DESC
"""
# The best CANDIDATES entries, and every one tied with the last of them
# (equal ranks are ordered by publication date); how many they are tells
# whether the tier has more.
CANDIDATES_ORDERED = """
    WITH c AS MATERIALIZED (
        {matches} ORDER BY rank DESC FETCH FIRST %s ROWS WITH TIES
    )
    SELECT (SELECT count(*) FROM c), ARRAY({ordered})
"""
COUNT = """
    SELECT count(*) FROM (
        SELECT 1
        FROM wagtailsearch_indexentry e
        JOIN ({pages}) p ON p.pk = e.object_id::integer
        WHERE e.content_type_id + 0 = ANY(%s) AND {match}
        LIMIT %s
    ) capped
"""


def _plain_query(query) -> bool:
    """Only words and phrases, combined with And and Or."""
    if isinstance(query, (PlainText, Phrase)):
        return True
    if isinstance(query, (And, Or)):
        return all(_plain_query(subquery) for subquery in query.subqueries)
    return False


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

    def tiered(self) -> bool:
        """Whether the two-tier SQL applies: a relevance-ordered search of
        pages, over the whole index entry, by words and phrases only."""
        return (
            type(self) is FrenchPostgresSearchQueryCompiler
            and self.order_by_relevance
            and self.fields is None
            and issubclass(self.queryset.model, Page)
            and _plain_query(self.query)
        )


class TieredSearch:
    """The SQL of one search: its tiers and its count, as (id, rank) rows."""

    def __init__(self, query_compiler, config):
        self.query_compiler = query_compiler
        self.connection = connections[query_compiler.queryset.db]
        self.content_types = get_descendants_content_types_pks(
            query_compiler.queryset.model
        )
        query = Query(IndexEntry)
        compiler = query.get_compiler(connection=self.connection)
        tsquery = query_compiler.build_tsquery(query_compiler.query, config=config)
        self.tsquery = compiler.compile(tsquery.resolve_expression(query))
        pages = query_compiler.queryset.order_by().values("pk", "first_published_at")
        self.pages = pages.query.sql_with_params()

    def _execute(self, sql, params):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _tsquery(self, template):
        """`template` with the query in place of each `{tsquery}`."""
        sql, params = self.tsquery
        return template.replace("{tsquery}", sql), params * template.count("{tsquery}")

    def _matches(self, match):
        """(sql, params) of a tier's matching entries and their rank."""
        rank_sql, rank_params = self._tsquery(TIER_RANK[match])
        match_sql, match_params = self._tsquery(match)
        return (
            MATCHES.format(rank=rank_sql, match=match_sql),
            [self.query_compiler.sql_weights, *rank_params]
            + [self.content_types, *match_params],
        )

    def tier(self, name, limit):
        """A tier's page ids, best first: at most `limit` of them (None: no
        limit), fewer only when that is all of the tier."""
        matches_sql, matches_params = self._matches(TIERS[name])
        pages_sql, pages_params = self.pages
        if limit is not None:
            ordered = ORDERED.format(matches="c", pages=pages_sql)
            [(candidates, ids)] = self._execute(
                CANDIDATES_ORDERED.format(matches=matches_sql, ordered=ordered),
                [*matches_params, CANDIDATES, *pages_params],
            )
            # Enough of them, or all the tier's matches were candidates.
            if len(ids) >= limit or candidates < CANDIDATES:
                return ids[:limit]
        sql = ORDERED.format(matches=f"({matches_sql})", pages=pages_sql)
        params = [*matches_params, *pages_params]
        if limit is not None:
            sql += " LIMIT %s"
            params.append(limit)
        return [row[0] for row in self._execute(sql, params)]

    def count(self):
        pages_sql, pages_params = self.pages
        match_sql, match_params = self._tsquery(ANY_MATCH)
        sql = COUNT.format(match=match_sql, pages=pages_sql)
        params = [*pages_params, self.content_types, *match_params, COUNT_CAP + 1]
        return self._execute(sql, params)[0][0]


class FrenchPostgresSearchResults(TieredResultsMixin, PostgresSearchResults):
    """Two-tier results and a capped count for the searches of pages."""

    def _tiered(self):
        return self._score_field is None and self.query_compiler.tiered()

    def _search(self):
        compiler = self.query_compiler
        return TieredSearch(compiler, compiler.get_config(self.backend))


class FrenchPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = FrenchPostgresSearchQueryCompiler
    results_class = FrenchPostgresSearchResults


SearchBackend = FrenchPostgresSearchBackend
