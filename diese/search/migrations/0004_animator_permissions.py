"""Animateurs edit the synonyms and read the search reports."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    "add_synonym",
    "change_synonym",
    "delete_synonym",
    "view_synonym",
    "view_searchquerylog",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("search")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Group.objects.get(name="Animateur").permissions.add(
        *Permission.objects.filter(
            content_type__app_label="search", codename__in=CODENAMES
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_starting_synonyms"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
