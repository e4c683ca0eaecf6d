"""modelsearch's SQLite (FTS5) backend, with French analysis on both sides.

FTS5's unicode61 tokenizer folds case and accents but has no French stemmer,
and custom FTS5 tokenizers can only be written in C. So the index stores
already analysed text (stems, no accents, no elisions) and queries are
analysed the same way before they reach FTS5, which then only compares stems.
"""

from django.db import connections
from django.db.models import F, FloatField, Func, QuerySet
from modelsearch.backends.database.sqlite.query import (
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.index import SearchField
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks
from wagtail.models import Page

from diese.search.analysis import french_terms, french_text

from .common import (
    CANDIDATES,
    COUNT_CAP,
    ELSEWHERE,
    IN_TITLE,
    TieredResultsMixin,
)

ANALYSED_COLUMNS = ("title", "body", "autocomplete")
# bm25() weights of the FTS5 table's columns, in the order modelsearch
# creates them: (autocomplete, body, title). A word in the title outweighs
# the same word in the body.
COLUMN_WEIGHTS = (0.0, 1.0, 10.0)


class FrenchIndexEntryQuerySet(QuerySet):
    """Analyses the text columns wherever SQLiteIndex.add_items writes them.

    add_items builds the values with a module-level ObjectIndexer that cannot
    be swapped without copying the whole method, but every write goes through
    `SQLiteIndex.entries` (bulk_create for new entries, update for existing
    ones). The FTS5 table is filled from these columns by database triggers,
    so analysing here is enough for both.
    """

    def bulk_create(self, objs, *args, **kwargs):
        for entry in objs:
            for column in ANALYSED_COLUMNS:
                setattr(entry, column, french_text(getattr(entry, column)))
        return super().bulk_create(objs, *args, **kwargs)

    def update(self, **kwargs):
        for column in ANALYSED_COLUMNS:
            if column in kwargs:
                kwargs[column] = french_text(kwargs[column])
        return super().update(**kwargs)


class BoostingObjectIndexer(ObjectIndexer):
    """Writes boosted body fields (the summary) once per unit of boost.

    FTS5 has one "body" column for every field but the title, and bm25()
    weighs columns, not fields: repeating a field's text raises its term
    frequency, the way its boost raises its weight on PostgreSQL.
    """

    @property
    def body(self):
        texts = []
        for search_field in self.search_fields:
            for field, value in self.prepare_field(self.obj, search_field):
                if isinstance(field, SearchField) and field.field_name != "title":
                    texts.extend([value] * max(1, round(field.boost or 1)))
        return " ".join(texts)


class FrenchSQLiteIndex(SQLiteIndex):
    def __init__(self, backend):
        super().__init__(backend)
        self.entries = FrenchIndexEntryQuerySet(IndexEntry, using=self.entries.db)

    def add_items(self, model, objs):
        """SQLiteIndex.add_items with BoostingObjectIndexer; the parent
        names its indexer class directly. Title norms are left alone: the
        ranking uses bm25's own length normalisation."""
        if not model.get_search_fields():
            return
        indexers = [BoostingObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        data = {i.id: (i.title, i.autocomplete, i.body) for i in indexers}
        existing = set(
            entries.filter(object_id__in=data).values_list("object_id", flat=True)
        )
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            [
                IndexEntry(
                    content_type_id=get_content_type_pk(model),
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in existing
            ]
        )


class FrenchQueryMixin:
    """Analyses the words of plain-text and phrase queries.

    Only the leaves of the query tree hold text: And, Or and Not are left to
    the parent class, whose recursion comes back here for each leaf.
    """

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = french_terms(query.query_string)
            if not terms:
                # Only punctuation or lone elisions: an empty FTS5 phrase,
                # which matches nothing (the parent would return None and fail).
                return SearchQueryExpression(Lexeme(""))
            lexemes = Lexeme(terms.pop(), prefix=self.LAST_TERM_IS_PREFIX)
            for term in terms:
                if query.operator.upper() == "AND":
                    lexemes &= Lexeme(term)
                else:
                    lexemes |= Lexeme(term)
            return SearchQueryExpression(lexemes, config=config)
        if isinstance(query, Phrase):
            # The stems in order, as one FTS5 phrase: the index holds the
            # words in their original order, elisions removed on both sides.
            return SearchQueryExpression(french_text(query.query_string))
        return super().build_search_query_content(query, config=config)


class WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class FrenchSQLiteSearchQueryCompiler(FrenchQueryMixin, SQLiteSearchQueryCompiler):
    """Ranks by bm25 with the title weighed above the body, then the most
    recently published first (bm25 is negative: lower is better)."""

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()

    def search(self, config, start, stop, score_field=None):
        if not self.order_by_relevance or not hasattr(
            self.queryset.model, "first_published_at"
        ):
            return super().search(config, start, stop, score_field=score_field)
        score_field = score_field or "_score"
        queryset = super().search(config, None, None, score_field=score_field)
        if queryset.query.order_by:
            # Still ordered by (score, -pk): not a plain word query.
            queryset = queryset.order_by(
                score_field, F("first_published_at").desc(nulls_last=True), "-pk"
            )
        return queryset[start:stop]


class ElsewhereMatch(MatchExpression):
    """Matches the query in `columns` but not in `excluded` (FTS5's NOT)."""

    def __init__(self, columns, excluded, query):
        super().__init__(columns, query)
        self.excluded = excluded

    def as_sql(self, compiler, connection):
        sql, params = super().as_sql(compiler, connection)
        query = params[0].split(" : ", 1)[1]
        return sql, [f"{params[0]} NOT {{{' '.join(self.excluded)}}} : {query}"]


class TieredSearch:
    """The SQL of one page search on SQLite: its tiers and its count.

    modelsearch orders pages by a subquery that runs the full-text match
    again for every matching page; here the match runs once, joined to the
    pages the queryset allows (live, public, types, facets), and the rank
    is computed on the best CANDIDATES rows of a tier when that is enough.
    """

    def __init__(self, query_compiler):
        self.query_compiler = query_compiler
        query = query_compiler.build_search_query(
            normalize(query_compiler.query), config=None
        )
        everywhere = query_compiler.fields or query_compiler.FTS_TABLE_FIELDS
        self.anywhere = MatchExpression(everywhere, query)
        self.tiers = {
            IN_TITLE: MatchExpression(["title"], query),
            ELSEWHERE: ElsewhereMatch(everywhere, ["title"], query),
        }
        pages = query_compiler.queryset.order_by().values(
            _id=F("pk"), _published=F("first_published_at")
        )
        self.pages = pages.query.sql_with_params()

    def _match(self, expression, *, ranked):
        """The index entries matching `expression`; with their rank, best
        first, straight from the FTS5 table (no join: cheapest ranking)."""
        entries = SQLiteFTSIndexEntry.objects.filter(expression)
        if ranked:
            return entries.values(rid=F("pk"), score=WeightedBM25()).order_by("score")
        return entries.values(rid=F("pk"))

    def _joined(self, match_sql):
        """FROM clause: matches `m` joined to their entries and to the pages
        the queryset allows (live, public, types, facets), with params."""
        content_types = get_descendants_content_types_pks(
            self.query_compiler.queryset.model
        )
        pages_sql, pages_params = self.pages
        placeholders = ", ".join(["%s"] * len(content_types))
        sql = (
            f"({match_sql}) m JOIN {IndexEntry._meta.db_table} e ON e.id = m.rid "
            f"AND e.content_type_id IN ({placeholders}) "
            f"JOIN ({pages_sql}) p ON p._id = CAST(e.object_id AS INTEGER)"
        )
        return sql, [*content_types, *pages_params]

    def _run(self, sql, params):
        with connections[self.query_compiler.queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _ranked_ids(self, expression, limit):
        """(page ids best first, whether every match was ranked)."""
        entries = self._match(expression, ranked=True)
        if limit is not None:
            entries = entries[:limit]
        match_sql, match_params = entries.query.sql_with_params()
        # n: how many matches were ranked, to know whether the limit cut any.
        joined, joined_params = self._joined(
            f"SELECT rid, score, COUNT(*) OVER () AS n FROM ({match_sql})"
        )
        rows = self._run(
            f"SELECT p._id, m.n FROM {joined} "
            "ORDER BY m.score, p._published DESC, p._id DESC",
            [*match_params, *joined_params],
        )
        complete = limit is None or bool(rows and rows[0][1] < limit)
        return [row[0] for row in rows], complete

    def tier(self, name, limit):
        """A tier's page ids, best first: at most `limit` of them (None: no
        limit), fewer only when that is all of the tier."""
        expression = self.tiers[name]
        if limit is not None:
            ids, complete = self._ranked_ids(expression, max(CANDIDATES, limit))
            if len(ids) >= limit or complete:
                return ids[:limit]
        ids, _ = self._ranked_ids(expression, None)
        return ids if limit is None else ids[:limit]

    def count(self):
        match_sql, match_params = self._match(
            self.anywhere, ranked=False
        ).query.sql_with_params()
        joined, joined_params = self._joined(match_sql)
        return self._run(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {joined} LIMIT %s)",
            [*match_params, *joined_params, COUNT_CAP + 1],
        )[0][0]


class TieredSearchResults(TieredResultsMixin, SQLiteSearchResults):
    """Two-tier results and a capped count for the searches of pages."""

    def _tiered(self):
        compiler = self.query_compiler
        query = normalize(compiler.query)
        return (
            compiler.order_by_relevance
            and self._score_field is None
            and issubclass(compiler.queryset.model, Page)
            and not isinstance(query, (MatchAll, Not))
        )

    def _search(self):
        return TieredSearch(self.query_compiler)


class FrenchSQLiteAutocompleteQueryCompiler(
    FrenchQueryMixin, SQLiteAutocompleteQueryCompiler
):
    pass


class FrenchSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchSQLiteAutocompleteQueryCompiler
    index_class = FrenchSQLiteIndex
    results_class = TieredSearchResults


SearchBackend = FrenchSQLiteSearchBackend
