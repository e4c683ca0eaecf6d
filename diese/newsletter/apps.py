from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "diese.newsletter"
    label = "newsletter"
    verbose_name = "La Lettre"
