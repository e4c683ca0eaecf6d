from django.apps import AppConfig


class WatchConfig(AppConfig):
    name = "diese.watch"
    label = "watch"
    verbose_name = "Veille"
