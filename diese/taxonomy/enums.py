from django.db import models


class TerritoryKind(models.TextChoices):
    NATIONAL = "national", "National"
    REGION = "region", "Région"
    DEPARTMENT = "departement", "Département"
