from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "diese.search"
    label = "search"
    verbose_name = "Recherche"

    def ready(self):
        from . import signals  # noqa: F401
