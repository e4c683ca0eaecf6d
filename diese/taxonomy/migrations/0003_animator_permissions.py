"""Animateurs edit the vocabularies (add local terms)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["audience", "theme", "practitioner", "medium", "territory", "keyword"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("taxonomy")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    animator = Group.objects.get(name="Animateur")
    animator.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="taxonomy",
            codename__in=[
                f"{action}_{model}"
                for model in MODELS
                for action in ("add", "change", "delete")
            ],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0002_starting_vocabularies"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
