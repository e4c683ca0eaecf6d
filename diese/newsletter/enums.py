from django.db import models


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Une fois par mois"
    WEEKLY = "weekly", "Une fois par semaine"


class LetterStatus(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    SCHEDULED = "scheduled", "Programmée"
    SENDING = "sending", "En cours d'envoi"
    SENT = "sent", "Envoyée"


class LetterAudience(models.TextChoices):
    """Who a letter goes to.

    Weekly subscribers get every letter; monthly subscribers only the letters
    meant for everyone (the monthly letter).
    """

    EVERYONE = "everyone", "Tous les abonnés (lettre mensuelle)"
    WEEKLY = "weekly", "Abonnés hebdomadaires seulement"


class DeliveryStatus(models.TextChoices):
    # Claimed before the SMTP exchange, so that a crash never leads to a
    # second copy: a delivery left pending is not retried.
    PENDING = "pending", "En cours (incertain)"
    SENT = "sent", "Envoyé"
    # The server refused this address; not retried. (Messages not sent
    # because the server failed leave no row: they are sent on resume.)
    FAILED = "failed", "Adresse refusée"
