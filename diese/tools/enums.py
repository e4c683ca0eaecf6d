from django.db import models


class Cost(models.TextChoices):
    FREE = "gratuit", "Gratuit"
    PAID = "payant", "Payant"
    PAY_WHAT_YOU_WANT = "prix-libre", "Prix libre"
