"""An index for "the newest pages of a kind" (home page, section lists).

Wagtail's page table has an index on first_published_at alone: asking for
the newest pages of a kind with few or no pages then walks the whole table.
The page model is Wagtail's, so the index is created here in SQL; both
SQLite and PostgreSQL accept it as written.
"""

from django.db import migrations

INDEX = "diese_page_type_published"


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_approvalrequest"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} "
            "ON wagtailcore_page (content_type_id, first_published_at)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
