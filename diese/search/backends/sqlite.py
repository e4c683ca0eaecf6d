"""modelsearch's SQLite (FTS5) backend, with French analysis on both sides.

FTS5's unicode61 tokenizer folds case and accents but has no French stemmer,
and custom FTS5 tokenizers can only be written in C. So the index stores
already analysed text (stems, no accents, no elisions) and queries are
analysed the same way before they reach FTS5, which then only compares stems.
"""

from django.db import connections, transaction
from django.db.models import F, FloatField, Func, QuerySet
from django.db.models.sql import Query
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
    COUNT_CAP,
    ELSEWHERE,
    IN_SUMMARY,
    IN_TITLE,
    TieredResultsMixin,
)

ANALYSED_COLUMNS = ("title", "body", "autocomplete")
# bm25() weights of the FTS5 table's columns, in the order modelsearch
# creates them: (autocomplete, body, title). A word in the title outweighs
# the same word in the body.
COLUMN_WEIGHTS = (0.0, 1.0, 10.0)
FTS = SQLiteFTSIndexEntry._meta.db_table
# Our own FTS5 table (migration 0006): the analysed summary of each index
# entry, under the entry's id, for the summary tier.
SUMMARY_FTS = "search_summary_fts"


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

    def _texts(self):
        """(boost, text) of each body field (every field but the title)."""
        for search_field in self.search_fields:
            for field, value in self.prepare_field(self.obj, search_field):
                if isinstance(field, SearchField) and field.field_name != "title":
                    yield field.boost or 1, value

    @property
    def body(self):
        texts = []
        for boost, value in self._texts():
            texts.extend([value] * max(1, round(boost)))
        return " ".join(texts)

    @property
    def summary(self):
        """The boosted body fields (a page's summary): the summary tier."""
        return " ".join(value for boost, value in self._texts() if boost > 1)


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
        # Entries and summaries change together, or a page could keep a
        # summary it no longer has.
        with transaction.atomic(using=self.entries.db):
            self._add_entries(model, indexers)

    def _add_entries(self, model, indexers):
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
        self._write_summaries(model, {i.id: i.summary for i in indexers})

    def _write_summaries(self, model, summaries):
        """The entries' rows in SUMMARY_FTS, replaced; a trigger deletes a
        row with its index entry (migration 0006)."""
        entries = self.entries.filter(
            content_type_id=get_content_type_pk(model), object_id__in=summaries
        ).values_list("id", "object_id")
        rows = [(pk, french_text(summaries[object_id])) for pk, object_id in entries]
        with connections[self.entries.db].cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {SUMMARY_FTS} WHERE rowid = %s", [[pk] for pk, _ in rows]
            )
            cursor.executemany(
                f"INSERT INTO {SUMMARY_FTS} (rowid, summary) VALUES (%s, %s)",
                [[pk, text] for pk, text in rows if text],
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


class TieredSearch:
    """The SQL of one page search on SQLite: the window of its matches.

    modelsearch orders pages by a subquery that runs the full-text match
    again for every matching page, and bm25() reads every match of each
    word; here FTS5 walks its matches newest entry first and stops once the
    window is full of pages the queryset allows (live, public, types,
    facets). The summary tier is read from our own FTS5 table (SUMMARY_FTS).
    """

    def __init__(self, query_compiler):
        self.query_compiler = query_compiler
        self.query = query_compiler.build_search_query(
            normalize(query_compiler.query), config=None
        )
        everywhere = query_compiler.fields or query_compiler.FTS_TABLE_FIELDS
        self.anywhere = MatchExpression(everywhere, self.query)
        self.in_title = MatchExpression(["title"], self.query)
        pages = query_compiler.queryset.order_by().values(
            _id=F("pk"), _published=F("first_published_at"), _kind=F("content_type")
        )
        self.pages = pages.query.sql_with_params()
        self.connection = connections[query_compiler.queryset.db]

    def _compile(self, node):
        compiler = Query(SQLiteFTSIndexEntry).get_compiler(connection=self.connection)
        return node.as_sql(compiler, self.connection)

    def _run(self, sql, params):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _window(self, expression, size):
        """(entry id, page id, first published, content type id) of the
        `size` most recently indexed matches of `expression` among the
        allowed pages."""
        match_sql, match_params = self._compile(expression)
        content_types = get_descendants_content_types_pks(
            self.query_compiler.queryset.model
        )
        pages_sql, pages_params = self.pages
        placeholders = ", ".join(["%s"] * len(content_types))
        return self._run(
            f"SELECT {FTS}.rowid, p._id, p._published, p._kind FROM {FTS} "
            f"JOIN {IndexEntry._meta.db_table} e ON e.id = {FTS}.rowid "
            f"AND e.content_type_id IN ({placeholders}) "
            f"JOIN ({pages_sql}) p ON p._id = CAST(e.object_id AS INTEGER) "
            f"WHERE {match_sql} ORDER BY {FTS}.rowid DESC LIMIT %s",
            [*content_types, *pages_params, *match_params, size],
        )

    def _in_summary(self, since):
        """Entry ids from `since` on whose summary holds the whole query."""
        sql, params = self._compile(self.query)
        query = sql % tuple(params)
        return {
            row[0]
            for row in self._run(
                f"SELECT rowid FROM {SUMMARY_FTS} "
                f"WHERE {SUMMARY_FTS} MATCH %s AND rowid >= %s",
                [query, since],
            )
        }

    def rows(self):
        size = COUNT_CAP + 1
        rows = [
            (pk, published, IN_TITLE, kind)
            for _, pk, published, kind in self._window(self.in_title, size)
        ]
        window = self._window(self.anywhere, size)
        if window:
            summary = self._in_summary(min(entry for entry, *_ in window))
            rows += [
                (pk, published, IN_SUMMARY if entry in summary else ELSEWHERE, kind)
                for entry, pk, published, kind in window
            ]
        return rows


class TieredSearchResults(TieredResultsMixin, SQLiteSearchResults):
    """Tiered results and a capped count for the searches of pages."""

    def _tiered(self):
        """A relevance-ordered search of pages over all their text; not the
        admin's autocomplete, nor a search of chosen fields."""
        compiler = self.query_compiler
        query = normalize(compiler.query)
        return (
            type(compiler) is FrenchSQLiteSearchQueryCompiler
            and compiler.fields is None
            and compiler.order_by_relevance
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
