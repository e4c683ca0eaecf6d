"""Indexes for the two-tier search on PostgreSQL (diese.search.backends.postgres).

modelsearch indexes `title` and `body` separately (GIN), which covers the
first tier (`title @@ query`). The second tier and the count match the whole
query against `title || body`, so that its words may be split between the
two: that expression gets its own GIN index, or every search would read the
whole table.

The join to the pages needs nothing more: it compares the page's primary
key with `object_id::integer`, cast only on page entries.

SQLite has its own FTS5 table: nothing to do there.
"""

from django.db import migrations

INDEX = "diese_indexentry_title_body_gin"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX}"
    " ON wagtailsearch_indexentry USING gin ((title || body))"
)
DROP = f"DROP INDEX IF EXISTS {INDEX}"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_animator_permissions"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
