"""The PostgreSQL text search configuration for French: stems, no accents.

PostgreSQL's own `french` configuration stems but keeps accents, so
"education" would not find "Éducation". `unaccent` goes before `french_stem`
so that a word typed without its accents gets the same stem. Elisions need
nothing more: `french` drops l, d, qu, j, n, s, c, m, t as stop words once
its parser has split "l'insertion" at the apostrophe. ASCII words (asciiword,
asciihword…) have no accents and keep `french`'s mapping.

SQLite has no such configuration; diese.search.backends.sqlite does the same
analysis in Python.
"""

from django.db import migrations

# One statement per execute(): drivers may refuse several in one query.
CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent",
    "CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french)",
    "ALTER TEXT SEARCH CONFIGURATION french_unaccent"
    " ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem",
]

# The extension may serve other things: only the configuration goes.
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent"


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_configuration, drop_configuration)]
