from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "diese.practices"
    label = "practices"
    verbose_name = "Témoignages"
