from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "diese.taxonomy"
    label = "taxonomy"
    verbose_name = "Vocabulaires"
