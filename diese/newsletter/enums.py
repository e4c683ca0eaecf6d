from django.db import models


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Une fois par mois"
    WEEKLY = "weekly", "Une fois par semaine"
