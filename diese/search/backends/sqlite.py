"""modelsearch's SQLite (FTS5) backend, with French analysis on both sides.

FTS5's unicode61 tokenizer folds case and accents but has no French stemmer,
and custom FTS5 tokenizers can only be written in C. So the index stores
already analysed text (stems, no accents, no elisions) and queries are
analysed the same way before they reach FTS5, which then only compares stems.
"""

from django.db.models import QuerySet
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText

from diese.search.analysis import french_terms, french_text

ANALYSED_COLUMNS = ("title", "body", "autocomplete")


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


class FrenchSQLiteIndex(SQLiteIndex):
    def __init__(self, backend):
        super().__init__(backend)
        self.entries = FrenchIndexEntryQuerySet(IndexEntry, using=self.entries.db)


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


class FrenchSQLiteSearchQueryCompiler(FrenchQueryMixin, SQLiteSearchQueryCompiler):
    pass


class FrenchSQLiteAutocompleteQueryCompiler(
    FrenchQueryMixin, SQLiteAutocompleteQueryCompiler
):
    pass


class FrenchSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchSQLiteAutocompleteQueryCompiler
    index_class = FrenchSQLiteIndex


SearchBackend = FrenchSQLiteSearchBackend
