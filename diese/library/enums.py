from django.db import models


class DocumentKind(models.TextChoices):
    REPORT = "rapport", "Rapport"
    GUIDE = "guide", "Guide"
    STUDY = "etude", "Étude"
    OFFICIAL_TEXT = "texte-officiel", "Texte officiel"
    OTHER = "autre", "Autre"
