"""Animateurs see and moderate the proposals queue."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("resources")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Group.objects.get(name="Animateur").permissions.add(
        *Permission.objects.filter(
            content_type__app_label="resources",
            codename__in=["view_proposal", "change_proposal"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0002_proposal"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
