"""A first letter, ready for the animation team to preview and send."""

from . import services
from .models import Letter

EDITORIAL = (
    "<p>Bienvenue dans La Lettre de Diese : chaque mois, les nouvelles fiches "
    "outils, ressources, actualités, rendez-vous, documents et témoignages "
    "publiés par les structures partenaires.</p>"
)


def load_demo_letter() -> None:
    """A draft letter holding the demo content (once: never a second one)."""
    if Letter.objects.exists():
        return
    letter = Letter.objects.create(
        subject="Les nouveautés de Diese", editorial=EDITORIAL
    )
    services.letter_fill(letter=letter)
