"""modelsearch's PostgreSQL backend, ranked the way our readers expect.

The text analysis is PostgreSQL's (the `french_unaccent` configuration, see
this app's first migration). The ranking and the window of matches a search
reads are diese.search.backends.common's: title, then summary, then body,
newest first within each.

Searches of pages by relevance, the ones the search page makes, run their
own SQL (TieredSearch): the newest index entries that match among the pages
the queryset allows, found bucket by bucket, newest first, through an index
of each entry's words keyed by its bucket (search migrations 0007, 0008). The
summary tier is the body vector's boosted lexemes (`ts_filter`), no extra
column needed.

Everything else (autocomplete, `order_by_relevance=False`, MatchAll, Not,
fuzzy queries, scores, searches of other models) is the parent's.
"""

import re
from typing import NamedTuple

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
# A window is the newest matches among the pages the queryset allows
# (`{pages}`: its `SELECT id AS pk, first_published_at, content_type_id AS
# kind`, with its filters).
# The planner's estimates cannot find them well: it takes a query's words
# as independent, and they seldom are ("formation professionnelle"); and a
# word found in thousands of old pages made it read all of them from the
# table, to keep the newest.
#
# So the window is read bucket by bucket (search migrations 0007 and 0008),
# newest first: in each, the entries whose keys hold every word of one of
# the query's alternatives (dnf()), tested against the query itself only
# when it has phrases (keys hold words, not their positions), newest first,
# then joined to the allowed pages. LIMIT stops the buckets' loop once the
# window is full. A common word fills it from the newest bucket; a word
# only old pages hold costs one index probe per empty bucket; filters that
# drop most matches cost reading more buckets, never a wrong window. A
# query whose words cannot be keyed (dnf() is None) reads every match
# through the text indexes (INDEXED) instead.
#
# Title words have buckets twice as wide as the others (TITLE_BITS): few
# pages have a given word in their title, and a narrower bucket would hold
# one or two of them, one index probe each.
#
# The buckets are those holding entries, newest first, each found from the
# one before through the primary key (`buckets`): ids are not dense, since
# modelsearch writes entries with INSERT … ON CONFLICT, which takes an id
# from the sequence even when it updates, so every full reindex leaves a
# gap of empty buckets. Each bucket's rows come sorted, and a LATERAL join
# runs as a nested loop over the buckets in the order the recursion finds
# them: the LIMIT keeps the newest and stops the recursion. (An ORDER BY
# over the whole would read every bucket first.) Within a bucket, entries
# are sorted before they are joined to pages (OFFSET 0 keeps the planner
# from merging the two), so that the join stops with the window too: a
# common word's bucket holds hundreds of matches.
#
# Dates come back as text (PUBLISHED): only their order matters (ISO, in
# UTC whatever the session's time zone), and parsing hundreds of
# timestamps per search costs more than the SQL.
#
# Entries are only joined to pages once the content type filter has kept
# page entries, whose object_id is a page's integer id: the cast is then
# safe. `+ 0` keeps the planner from combining the content type index (it
# keeps nearly every entry) with the text search's, and from walking the
# primary key backwards, testing every entry.
PUBLISHED = "({alias}.first_published_at AT TIME ZONE 'UTC')::text"
# Reading every match through the text indexes (INDEXED): without these,
# the planner may scan the whole table (in parallel) for a word it believes
# common.
INDEXED_SETTINGS = ("enable_seqscan = off", "max_parallel_workers_per_gather = 0")
# Buckets' widths (ids shifted right by so many bits), as in search
# migration 0008: of the keys of all words, of the keys of title words.
ANYWHERE_BITS = 11
TITLE_BITS = 12
KEYS = "diese_search_keys(e.title, e.body, e.id)"
# Past this many alternatives, a query is read through the text indexes.
MAX_ALTERNATIVES = 32
WINDOW = """
    SELECT w.pk, {published}, {tier} AS tier, w.kind, {part} AS part
    FROM ({matches}) w
    {entry}
"""
# The entry, for a tier computed from its vectors.
ENTRY = "JOIN wagtailsearch_indexentry e ON e.id = w.id"
BUCKETED = """
    WITH RECURSIVE buckets(n) AS (
        SELECT max(id) >> {bits} FROM wagtailsearch_indexentry
        UNION ALL
        SELECT (
            SELECT max(x.id) >> {bits} FROM wagtailsearch_indexentry x
            WHERE x.id < buckets.n << {bits}
        )
        FROM buckets WHERE buckets.n IS NOT NULL
    )
    SELECT c.*
    FROM buckets b
    CROSS JOIN LATERAL (
        SELECT e.id, p.pk, p.first_published_at, p.kind
        FROM (
            SELECT e.id + 0 AS id, e.object_id
            FROM wagtailsearch_indexentry e
            WHERE ({keys})
            AND e.content_type_id + 0 = ANY(%s) AND {match}
            ORDER BY 1 DESC
            OFFSET 0
        ) e
        JOIN ({pages}) p ON p.pk = e.object_id::integer
        ORDER BY e.id DESC
    ) c
    WHERE b.n IS NOT NULL
    LIMIT %s
"""
INDEXED = """
    SELECT e.id, p.pk, p.first_published_at, p.kind
    FROM wagtailsearch_indexentry e
    JOIN ({pages}) p ON p.pk = e.object_id::integer
    WHERE e.content_type_id + 0 = ANY(%s) AND {match}
    ORDER BY e.id + 0 DESC
    LIMIT %s
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


# PostgreSQL writes a quote or a backslash in a lexeme twice.
TSQUERY_TOKEN = re.compile(r"\s*(?:'((?:[^'\\]|''|\\.)*)'(:\S*)?|(<->|<\d+>|[&|!()]))")
ESCAPED = re.compile(r"''|\\(.)")


class Unkeyable(Exception):
    """A query the bucket keys cannot find: negation, prefix or weights,
    too many alternatives."""


def dnf(text: str) -> list[list[str]] | None:
    """The alternatives of the tsquery `text` (its text form): lists of
    words, an entry matching the query only if it holds every word of one
    of them. None if the query cannot be put so (Unkeyable)."""
    tokens = []
    position = 0
    while position < len(text.rstrip()):
        token = TSQUERY_TOKEN.match(text, position)
        if token is None:
            return None
        word, suffix, operator = token.groups()
        if suffix:
            return None
        tokens.append(
            ("word", ESCAPED.sub(lambda m: m.group(1) or "'", word))
            if operator is None
            else (operator, None)
        )
        position = token.end()
    tokens.append(("end", None))

    def peek():
        return tokens[0][0]

    def either():
        alternatives = every()
        while peek() == "|":
            tokens.pop(0)
            alternatives = alternatives + every()
        if len(alternatives) > MAX_ALTERNATIVES:
            raise Unkeyable
        return alternatives

    def every():
        # "a & b", "a <-> b": all of each side's words (their order and
        # distance are the phrase test's, on the entries found).
        alternatives = one()
        while peek() == "&" or peek().startswith("<"):
            tokens.pop(0)
            right = one()
            alternatives = [sorted({*a, *b}) for a in alternatives for b in right]
            if len(alternatives) > MAX_ALTERNATIVES:
                raise Unkeyable
        return alternatives

    def one():
        kind, word = tokens.pop(0)
        if kind == "word":
            return [[word]]
        if kind == "(":
            alternatives = either()
            if tokens.pop(0)[0] != ")":
                raise Unkeyable
            return alternatives
        raise Unkeyable  # "!", or a malformed query

    try:
        alternatives = either()
    except Unkeyable:
        return None
    if peek() != "end":
        return None
    return alternatives


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


class Part(NamedTuple):
    """One part of a search's window (TieredSearch._parts())."""

    tier: str  # SQL of a row's tier
    tier_params: list
    match: str  # SQL testing an entry found through its keys
    indexed_match: str  # SQL finding matches through the text indexes
    prefix: str  # of its words' keys
    bits: int  # its buckets' width


class TieredSearch:
    """The SQL of one search: the window of its matches, through the buckets
    (BUCKETED) or, for a query they cannot key, the text indexes (INDEXED)."""

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
        pages = query_compiler.queryset.order_by().values(
            "pk", "first_published_at", kind=F("content_type")
        )
        self.pages = pages.query.sql_with_params()

    def _q(self, template):
        """`template` with the query in place of each `{q}` and `{any}`, and
        its params."""
        sql, params = self.tsquery
        parts = template.replace("{any}", ANY_WORD).split("{q}")
        return sql.join(parts), params * (len(parts) - 1)

    def _parts(self) -> dict[str, Part]:
        """Each part of the window by name: the title matches (so that a
        page titled with the query is never lost behind newer pages merely
        mentioning it) and all matches."""
        q_sql, q_params = self.tsquery
        return {
            "titles": Part(
                tier=str(IN_TITLE),
                tier_params=[],
                match="e.title @@ {q}",
                indexed_match="e.title @@ {q}",
                prefix="t",
                bits=TITLE_BITS,
            ),
            "anywhere": Part(
                tier=TIER.replace("{q}", q_sql),
                tier_params=[*q_params, summary_weights(), *q_params],
                match=MATCHES,
                indexed_match=INDEXED_MATCHES,
                prefix=":",
                bits=ANYWHERE_BITS,
            ),
        }

    def _tsquery_text(self) -> str:
        sql, params = self._q("SELECT ({q})::text")
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    def _union(self, queries, settings=()):
        """Rows of (sql, params) queries, in one statement, with planner
        `settings` for this statement only."""
        sql = " UNION ALL ".join(f"({sql})" for sql, _ in queries)
        params = [param for _, params in queries for param in params]
        if not settings:
            with self.connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        names = [setting.split("=")[0].strip() for setting in settings]
        # In a transaction of its own, or a savepoint inside the caller's;
        # the settings are put back after the statement either way, so they
        # never reach the caller's next statements.
        with transaction.atomic(using=self.connection.alias):
            with self.connection.cursor() as cursor:
                cursor.execute("; ".join(f"SET LOCAL {s}" for s in settings))
                cursor.execute(sql, params)
                rows = cursor.fetchall()
                cursor.execute("; ".join(f"SET LOCAL {n} TO DEFAULT" for n in names))
                return rows

    def _window(self, name, part, matches, params):
        """The SQL and params of one part's window from `matches`, a query
        of (entry id, page id, first published, kind) with its `params`."""
        sql = WINDOW.format(
            published=PUBLISHED.format(alias="w"),
            tier=part.tier,
            part=f"'{name}'",
            matches=matches,
            # A constant tier (the title matches') reads no entry.
            entry="" if part.tier.isdigit() else ENTRY,
        )
        return sql, [*part.tier_params, *params]

    def _bucketed(self, parts, alternatives, phrases):
        pages_sql, pages_params = self.pages
        queries = []
        for name, part in parts.items():
            keys = " OR ".join(
                f"{KEYS} @> ARRAY[{', '.join(['b.n::text || %s'] * len(words))}]"
                for words in alternatives
            )
            keys_params = [part.prefix + w for words in alternatives for w in words]
            # Keys hold the words, not their positions: phrases are tested
            # on the entries that have all their words.
            match_sql, match_params = (
                self._q(f"COALESCE({part.match}, false)") if phrases else ("true", [])
            )
            matches = BUCKETED.format(
                bits=part.bits, pages=pages_sql, keys=keys, match=match_sql
            )
            params = [
                *keys_params,
                self.content_types,
                *match_params,
                *pages_params,
                COUNT_CAP + 1,
            ]
            queries.append(self._window(name, part, matches, params))
        return self._union(queries)

    def _indexed(self, parts):
        pages_sql, pages_params = self.pages
        queries = []
        for name, part in parts.items():
            match_sql, match_params = self._q(part.indexed_match)
            matches = INDEXED.format(pages=pages_sql, match=match_sql)
            params = [*pages_params, self.content_types, *match_params, COUNT_CAP + 1]
            queries.append(self._window(name, part, matches, params))
        return self._union(queries, INDEXED_SETTINGS)

    def rows(self):
        parts = self._parts()
        text = self._tsquery_text()
        if not text:
            # Only words too common to be indexed ("le", "des"): no match.
            return []
        alternatives = dnf(text)
        if alternatives is None:
            rows = self._indexed(parts)
        else:
            rows = self._bucketed(parts, alternatives, phrases="<" in text)
        return [row[:4] for row in rows]


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
