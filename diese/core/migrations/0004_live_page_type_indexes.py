"""Indexes for the section lists: the live pages of a kind, newest first or
A to Z.

A list counts and pages through the live pages of one kind. With `live` in
the index (a partial index: only live pages), counting them reads the index
alone, and the newest or the first A–Z are found without sorting. Both
SQLite and PostgreSQL use a partial index `WHERE live` for a query that
filters on `live`, which is how Django writes `live=True`.
"""

from django.db import migrations

INDEXES = {
    "diese_live_page_type_published": "(content_type_id, first_published_at)",
    "diese_live_page_type_title": "(content_type_id, title)",
}


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_page_type_published_index"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns} "
            "WHERE live",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, columns in INDEXES.items()
    ]
