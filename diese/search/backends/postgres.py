"""modelsearch's PostgreSQL backend, ranked the way our readers expect.

The text analysis is PostgreSQL's (the `french_unaccent` configuration, see
this app's first migration). The ranking and the window of matches a search
reads are diese.search.backends.common's: title, then summary, then body,
newest first within each.

Searches of pages by relevance, the ones the search page makes, run their
own SQL (TieredSearch): the newest index entries that match, read through
the primary key for a common word or through the GIN indexes for a rarer
one, then joined to the pages the queryset allows. The summary tier is the
body vector's boosted lexemes (`ts_filter`), no extra column needed.

Everything else (autocomplete, `order_by_relevance=False`, MatchAll, Not,
fuzzy queries, scores, searches of other models) is the parent's.
"""

from django.db import connections, transaction
from django.db.models import F
from django.db.models.sql import Query
from modelsearch.backends.database.postgres import weights
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
    COUNT_CAP,
    ELSEWHERE,
    IN_SUMMARY,
    IN_TITLE,
    TieredResultsMixin,
)

TITLE_WEIGHT = 10.0

# Where the whole query matches. A page's words may be split between its
# title and its body: `title || body` catches that, but building it costs
# far more than the other tests, so it is only tried when neither field
# holds the query alone (OR stops at its first true operand) and the title
# holds at least one of its words ({any}: the query's words joined by OR;
# without any in its title, a page matches the query in `title || body`
# exactly when it does in its body).
MATCHES = (
    "(e.title @@ {q} OR e.body @@ {q}"
    " OR (e.title @@ {any} AND (e.title || e.body) @@ {q}))"
)
# The same through the GIN indexes: each operand is one of theirs, so the
# bitmap they give is the answer and no row is tested again.
INDEXED_MATCHES = "(e.title @@ {q} OR e.body @@ {q} OR (e.title || e.body) @@ {q})"
ANY_WORD = r"regexp_replace(({q})::text, '&|<->|<\d+>', '|', 'g')::tsquery"
# A window is read in up to three steps, each cheap where the others are
# not; the planner's estimates cannot choose between them, since it takes
# a query's words as independent and they seldom are ("formation
# professionnelle").
#
# 1. The newest RECENT_ENTRIES index entries, newest first, stopping once
#    the window is full of pages the queryset allows (`{pages}`: its
#    `SELECT id AS pk, first_published_at`, with its filters). COALESCE
#    hides the match from the text indexes, so the primary key is walked
#    backwards: bounded work, and a common word fills the window at once.
#    On a site whose whole index fits in these entries, that is every
#    match: the search stops here.
# 2. For a window still short, the matches through the text indexes, newest
#    first: OVERFETCH times the window at most, sorted, and only then
#    joined to the pages (joining every match of a fairly common word
#    before sorting would probe the pages thousands of times).
# 3. Still short, though step 2 left matches unread: the pages' filters
#    dropped too many of them. Step 2 without its limit.
#
# Dates come back as text (PUBLISHED): only their order matters (ISO, in
# UTC whatever the session's time zone), and parsing hundreds of
# timestamps per search costs more than the SQL.
#
# Entries are only joined to pages once the content type filter has kept
# page entries, whose object_id is a page's integer id: the cast is then
# safe. `+ 0` keeps the planner from combining the content type index (it
# keeps nearly every entry) with the text search's.
RECENT_ENTRIES = 2000
PUBLISHED = "({alias}.first_published_at AT TIME ZONE 'UTC')::text"
OVERFETCH = 4
# Step 2 reads the text indexes. Its words are rare among recent pages but
# may be common among old ones: the planner would then scan the whole
# table (in parallel), testing `title || body` on every row.
INDEXED_SETTINGS = ("enable_seqscan = off", "max_parallel_workers_per_gather = 0")
RECENT = """
    SELECT p.pk, {published}, {tier} AS tier, {part} AS part
    FROM wagtailsearch_indexentry e
    JOIN ({pages}) p ON p.pk = e.object_id::integer
    WHERE e.id > %s
    AND e.content_type_id + 0 = ANY(%s) AND COALESCE({match}, false)
    ORDER BY e.id DESC
    LIMIT %s
"""
INDEXED = """
    SELECT w.pk, {published}, {tier} AS tier, {part} AS part, w.read
    FROM (
        SELECT m.id, p.pk, p.first_published_at, m.read
        FROM (
            SELECT r.*, count(*) OVER () AS read
            FROM (
                SELECT e.id, e.object_id
                FROM wagtailsearch_indexentry e
                WHERE e.content_type_id + 0 = ANY(%s) AND {match}
                ORDER BY e.id + 0 DESC
                LIMIT %s
            ) r
        ) m
        JOIN ({pages}) p ON p.pk = m.object_id::integer
        ORDER BY m.id DESC
        LIMIT %s
    ) w
    JOIN wagtailsearch_indexentry e ON e.id = w.id
"""
# A match's tier, computed only for the window's rows. The summary's words
# are the body's boosted lexemes (summary_weights()).
TIER = (
    f"CASE WHEN e.title @@ {{q}} THEN {IN_TITLE} "
    f"""WHEN ts_filter(e.body, %s::"char"[]) @@ {{q}} THEN {IN_SUMMARY} """
    f"ELSE {ELSEWHERE} END"
)


def summary_weights() -> list[str]:
    """The tsvector weights of boosted fields (a page's summary), without
    the weight of unboosted ones: should modelsearch ever put both in one
    weight, the summary tier is left empty rather than given every body."""
    if not weights.BOOSTS_WEIGHTS:
        weights.set_weights()
    plain = {weights.get_weight(None), weights.get_weight(1)}
    boosted = {w for boost, w in weights.BOOSTS_WEIGHTS if boost > 1} - plain
    return sorted(w.lower() for w in boosted)


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
        """Whether the tiered window applies: a relevance-ordered search of
        pages, over the whole index entry, by words and phrases only."""
        return (
            type(self) is FrenchPostgresSearchQueryCompiler
            and self.order_by_relevance
            and self.fields is None
            and issubclass(self.queryset.model, Page)
            and _plain_query(self.query)
        )


class TieredSearch:
    """The SQL of one search: the window of its matches, in up to three
    steps (see RECENT and INDEXED)."""

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

    def _q(self, template):
        """`template` with the query in place of each `{q}` and `{any}`, and
        its params."""
        sql, params = self.tsquery
        parts = template.replace("{any}", ANY_WORD).split("{q}")
        return sql.join(parts), params * (len(parts) - 1)

    def _parts(self):
        """Each part of the window: the title matches (so that a page
        titled with the query is never lost behind newer pages merely
        mentioning it) and all matches. Name → (tier, its params, match
        when scanning, match through the indexes)."""
        q_sql, q_params = self.tsquery
        return {
            "titles": (str(IN_TITLE), [], "e.title @@ {q}", "e.title @@ {q}"),
            "anywhere": (
                TIER.replace("{q}", q_sql),
                [*q_params, summary_weights(), *q_params],
                MATCHES,
                INDEXED_MATCHES,
            ),
        }

    def _union(self, queries, settings=()):
        """Rows of (sql, params) queries, in one statement, with planner
        `settings` for this statement only."""
        sql = " UNION ALL ".join(f"({sql})" for sql, _ in queries)
        params = [param for _, params in queries for param in params]
        # In a transaction of its own, or a savepoint inside the caller's;
        # the settings are put back after the statement either way, so they
        # never reach the caller's next statements.
        with transaction.atomic(using=self.connection.alias):
            with self.connection.cursor() as cursor:
                if settings:
                    cursor.execute("; ".join(f"SET LOCAL {s}" for s in settings))
                cursor.execute(sql, params)
                rows = cursor.fetchall()
                if settings:
                    names = [setting.split("=")[0].strip() for setting in settings]
                    cursor.execute(
                        "; ".join(f"SET LOCAL {name} TO DEFAULT" for name in names)
                    )
                return rows

    def _step(self, parts, template, alias, scanning, arrange, settings=()):
        """Rows of one step for `parts`: `template` (RECENT or INDEXED) with
        each part's match (`scanning`: the form for scans, or the indexes'),
        its params in the template's order from `arrange(pages, match)`."""
        pages_sql, pages_params = self.pages
        queries = []
        for part, (tier, tier_params, scan_match, index_match) in parts.items():
            match_sql, match_params = self._q(scan_match if scanning else index_match)
            sql = template.format(
                published=PUBLISHED.format(alias=alias),
                tier=tier,
                part=f"'{part}'",
                pages=pages_sql,
                match=match_sql,
            )
            params = arrange(pages_params, match_params)
            queries.append((sql, [*tier_params, *params]))
        return self._union(queries, settings)

    def _recent(self, parts, floor):
        return self._step(
            parts,
            RECENT,
            "p",
            True,
            lambda pages, match: [
                *pages,
                floor,
                self.content_types,
                *match,
                COUNT_CAP + 1,
            ],
        )

    def _indexed(self, parts, overfetch):
        entries = OVERFETCH * (COUNT_CAP + 1) if overfetch else None
        return self._step(
            parts,
            INDEXED,
            "w",
            False,
            lambda pages, match: [
                self.content_types,
                *match,
                entries,
                *pages,
                COUNT_CAP + 1,
            ],
            INDEXED_SETTINGS,
        )

    def rows(self):
        parts = self._parts()
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT min(id), max(id) FROM wagtailsearch_indexentry")
            oldest, newest = cursor.fetchone()
        if newest is None:
            return []
        floor = newest - RECENT_ENTRIES
        rows = self._recent(parts, floor)
        short = self._short(parts, rows) if oldest <= floor else {}
        if short:
            rows = [row for row in rows if row[3] not in short]
            indexed = self._indexed(short, overfetch=True)
            rows += indexed
            # Short still, though matches were left unread (`read`: how many
            # step 2 read): the pages' filters dropped too many of them.
            limit = OVERFETCH * (COUNT_CAP + 1)
            again = {
                part: short[part]
                for part in self._short(short, indexed)
                if not any(row[3] == part and row[4] < limit for row in indexed)
            }
            if again:
                rows = [row for row in rows if row[3] not in again]
                rows += self._indexed(again, overfetch=False)
        return [row[:3] for row in rows]

    @staticmethod
    def _short(parts, rows):
        """The parts whose window `rows` do not fill."""
        return {
            part: parts[part]
            for part in parts
            if sum(row[3] == part for row in rows) <= COUNT_CAP
        }


class FrenchPostgresSearchResults(TieredResultsMixin, PostgresSearchResults):
    """Tiered results and a capped count for the searches of pages."""

    def _tiered(self):
        # The admin's autocomplete has its own compiler, without `tiered`.
        compiler = self.query_compiler
        return (
            self._score_field is None
            and isinstance(compiler, FrenchPostgresSearchQueryCompiler)
            and compiler.tiered()
        )

    def _search(self):
        compiler = self.query_compiler
        return TieredSearch(compiler, compiler.get_config(self.backend))


class FrenchPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = FrenchPostgresSearchQueryCompiler
    results_class = FrenchPostgresSearchResults


SearchBackend = FrenchPostgresSearchBackend
