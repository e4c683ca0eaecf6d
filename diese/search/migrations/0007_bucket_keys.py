"""The index that finds a search's newest matches on PostgreSQL
(diese.search.backends.postgres).

A GIN index on a tsvector answers "which entries hold these words", but not
"which are the newest": for a word found in thousands of old pages, every
match had to be read from the table to find the newest ones. Here each index
entry's words are keyed by its bucket of 1,024 consecutive entries (its id
shifted right by 10 bits): "126:simul" for a word of its title or body,
"126tsimul" for a word of its title. The backend probes the buckets newest
first and stops once it has enough matches, so a search reads about as many
entries as it shows, whatever the size of the site.

`fastupdate` is off: with GIN's pending list, every probe would read the
entries not yet merged into the index.

SQLite walks its FTS5 index newest first: nothing to do there.
"""

from django.db import migrations

FUNCTION = "diese_search_keys"
INDEX = "diese_indexentry_bucket_keys_gin"
CREATE = [
    f"""
    CREATE OR REPLACE FUNCTION {FUNCTION}(title tsvector, body tsvector, id integer)
    RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT array_agg(key) FROM (
            SELECT (id >> 10)::text || ':' || word AS key
            FROM unnest(tsvector_to_array(title || body)) AS word
            UNION ALL
            SELECT (id >> 10)::text || 't' || word
            FROM unnest(tsvector_to_array(title)) AS word
        ) AS keys
    $$
    """,
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry"
    f" USING gin ({FUNCTION}(title, body, id)) WITH (fastupdate = off)",
]
DROP = [
    f"DROP INDEX IF EXISTS {INDEX}",
    f"DROP FUNCTION IF EXISTS {FUNCTION}(tsvector, tsvector, integer)",
]


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in CREATE:
            schema_editor.execute(sql)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_summary_fts")]

    operations = [migrations.RunPython(create_index, drop_index)]
