from django.db import models


class Period(models.TextChoices):
    UPCOMING = "a-venir", "À venir"
    PAST = "passes", "Événements passés"
