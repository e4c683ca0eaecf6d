"""Load the starting vocabularies: audiences and themes from the data·inclusion
schema, French lists of practitioners and media, and France's territories."""

from data_inclusion.schema.v1 import Categorie, Public
from django.db import migrations
from django.utils.text import slugify

from diese.taxonomy import data


def load(apps, schema_editor):
    Audience = apps.get_model("taxonomy", "Audience")
    Theme = apps.get_model("taxonomy", "Theme")
    Practitioner = apps.get_model("taxonomy", "Practitioner")
    Medium = apps.get_model("taxonomy", "Medium")
    Territory = apps.get_model("taxonomy", "Territory")

    for model, enum in [(Audience, Public), (Theme, Categorie)]:
        for term in enum:
            model.objects.get_or_create(
                source_code=term.value,
                defaults={
                    "name": term.label,
                    "slug": term.value,
                    "description": term.description or "",
                },
            )
    for model, names in [(Practitioner, data.PRACTITIONERS), (Medium, data.MEDIA)]:
        for name in names:
            model.objects.get_or_create(name=name, defaults={"slug": slugify(name)})

    national, _ = Territory.objects.get_or_create(
        kind="national", defaults={"name": "France entière", "slug": "national"}
    )
    regions = {}
    for code, name in data.REGIONS:
        regions[code], _ = Territory.objects.get_or_create(
            kind="region",
            code=code,
            defaults={"name": name, "slug": f"region-{slugify(name)}", "parent": national},
        )
    for code, name, region in data.DEPARTMENTS:
        Territory.objects.get_or_create(
            kind="departement",
            code=code,
            defaults={
                "name": name,
                "slug": f"{slugify(name)}-{code.lower()}",
                "parent": regions[region],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
