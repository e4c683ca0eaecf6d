"""The summary tier's index on SQLite (diese.search.backends.sqlite).

modelsearch's FTS5 table has one column for every field but the title, so
it cannot tell a word of the summary from a word of the body. This FTS5
table holds each index entry's analysed summary under the entry's id; the
backend writes it when it indexes a page, and a trigger deletes it with its
entry. Entries indexed before this migration get theirs from the next
`update_index` (`make run` runs it at every start).

PostgreSQL weighs the summary's words in the body vector: nothing to do.
"""

from django.db import migrations

TABLE = "search_summary_fts"
TRIGGER = "search_summary_fts_entry_deleted"
CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(summary)",
    f"CREATE TRIGGER IF NOT EXISTS {TRIGGER} AFTER DELETE ON wagtailsearch_indexentry"
    f" BEGIN DELETE FROM {TABLE} WHERE rowid = old.id; END",
]
DROP = [f"DROP TRIGGER IF EXISTS {TRIGGER}", f"DROP TABLE IF EXISTS {TABLE}"]


def create_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in CREATE:
            schema_editor.execute(sql)


def drop_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_search_indexes")]

    operations = [migrations.RunPython(create_table, drop_table)]
