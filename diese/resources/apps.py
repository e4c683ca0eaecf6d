from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "diese.resources"
    label = "resources"
    verbose_name = "Ressources web"
