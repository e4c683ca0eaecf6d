import pytest
from django.utils import timezone

from diese.newsletter import services
from diese.newsletter.models import Letter, Subscriber
from diese.taxonomy.models import Audience, Territory, Theme


@pytest.fixture
def make_subscriber(db):
    """make_subscriber("a@exemple.fr", audiences=["jeunes"], only_topics=True)"""

    def make(
        email,
        *,
        confirmed=True,
        frequency="weekly",
        audiences=(),
        themes=(),
        territory=None,
        only_topics=False,
    ):
        subscriber = Subscriber.objects.create(
            email=email,
            frequency=frequency,
            only_topics=only_topics,
            confirmed_at=timezone.now() if confirmed else None,
            territory=Territory.objects.get(slug=territory) if territory else None,
        )
        subscriber.audiences.set(Audience.objects.filter(slug__in=audiences))
        subscriber.themes.set(Theme.objects.filter(slug__in=themes))
        return subscriber

    return make


@pytest.fixture
def make_letter(home):
    """A letter filled as the admin does on creation (items gathered)."""

    def make(**kwargs):
        kwargs.setdefault("subject", "Les nouveautés du mois")
        letter = Letter.objects.create(**kwargs)
        services.letter_fill(letter=letter)
        return letter

    return make
