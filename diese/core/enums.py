from django.db import models


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", "En attente de relecture"
    APPROVED = "approved", "Texte approuvé"
    CHANGES_REQUESTED = "changes", "Modifications demandées"
