from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "diese.news"
    label = "news"
    verbose_name = "Actualités et agenda"
