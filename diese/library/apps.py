from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "diese.library"
    label = "library"
    verbose_name = "Documentation"
