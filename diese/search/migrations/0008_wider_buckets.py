"""Wider buckets for the keys of search migration 0007 (PostgreSQL only).

Words of a title or body are now keyed by buckets of 2,048 entries (ids
shifted right by 11 bits), title words by buckets of 4,096 (12 bits). With
1,024-entry buckets, a word found in a few hundred titles had one or two of
them per bucket, and a search probed every bucket of the site to find them:
about 130 probes at 130,000 pages, 2 to 3 ms. A common word costs a little
more per bucket, but fills the window from the newest one.

The index is built again: its function changes, and PostgreSQL does not
rebuild an index whose IMMUTABLE function is replaced.
"""

from django.db import migrations

FUNCTION = "diese_search_keys"
INDEX = "diese_indexentry_bucket_keys_gin"


def _function(anywhere_bits: int, title_bits: int) -> str:
    return f"""
    CREATE OR REPLACE FUNCTION {FUNCTION}(title tsvector, body tsvector, id integer)
    RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT array_agg(key) FROM (
            SELECT (id >> {anywhere_bits})::text || ':' || word AS key
            FROM unnest(tsvector_to_array(title || body)) AS word
            UNION ALL
            SELECT (id >> {title_bits})::text || 't' || word
            FROM unnest(tsvector_to_array(title)) AS word
        ) AS keys
    $$
    """


def _rebuild(schema_editor, anywhere_bits, title_bits):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(_function(anywhere_bits, title_bits))
    schema_editor.execute(
        f"CREATE INDEX {INDEX} ON wagtailsearch_indexentry"
        f" USING gin ({FUNCTION}(title, body, id)) WITH (fastupdate = off)"
    )


def widen(apps, schema_editor):
    _rebuild(schema_editor, anywhere_bits=11, title_bits=12)


def narrow(apps, schema_editor):
    _rebuild(schema_editor, anywhere_bits=10, title_bits=10)


class Migration(migrations.Migration):
    dependencies = [("search", "0007_bucket_keys")]

    operations = [migrations.RunPython(widen, narrow)]
