"""modelsearch's SQLite (FTS5) backend, with French analysis on both sides.

FTS5's unicode61 tokenizer folds case and accents but has no French stemmer,
and custom FTS5 tokenizers can only be written in C. So the index stores
already analysed text (stems, no accents, no elisions) and queries are
analysed the same way before they reach FTS5, which then only compares stems.
"""

from django.db.models import F, FloatField, Func, QuerySet
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.index import SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from diese.search.analysis import french_terms, french_text

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


class FrenchSQLiteAutocompleteQueryCompiler(
    FrenchQueryMixin, SQLiteAutocompleteQueryCompiler
):
    pass


class FrenchSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchSQLiteAutocompleteQueryCompiler
    index_class = FrenchSQLiteIndex


SearchBackend = FrenchSQLiteSearchBackend
