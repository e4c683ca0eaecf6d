from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "diese.search"
    label = "search"
    verbose_name = "Recherche"
