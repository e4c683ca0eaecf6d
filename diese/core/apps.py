from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "diese.core"
    label = "core"
    verbose_name = "Site"
