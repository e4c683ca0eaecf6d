from django.apps import AppConfig


class ToolsConfig(AppConfig):
    name = "diese.tools"
    label = "tools"
    verbose_name = "Fiches outils"
