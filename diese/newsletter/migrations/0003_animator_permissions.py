"""Animateurs write, preview and send the letters."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_letter", "change_letter", "delete_letter", "view_letter"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("newsletter")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    animator = Group.objects.get(name="Animateur")
    animator.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="newsletter", codename__in=CODENAMES
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0002_letters"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
