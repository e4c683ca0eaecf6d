"""A letter gathers the new live, public items; each reader gets their topics
first, or only them."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from diese.newsletter.digest import Topics, digest_for, letter_items
from diese.newsletter.models import Letter
from diese.resources.models import ResourceIndexPage

from ..factories import ResourcePageFactory


def _titles(digest):
    return {
        "une": [item.title for item in digest.featured],
        **{s.title: [item.title for item in s.items] for s in digest.sections},
    }


@pytest.fixture
def content(make_tool, make_news, make_event, make_document_page, make_practice):
    old = make_tool(title="Outil ancien")
    Page.objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - timedelta(days=60)
    )
    return {
        "tool": make_tool(
            title="Outil pour les jeunes", terms={"audiences": ["jeunes"]}
        ),
        "resource": ResourcePageFactory(
            parent=ResourceIndexPage.objects.get(),
            title="Ressource en Isère",
            terms={"territories": ["isere-38"]},
        ),
        "news_plain": make_news(title="Brève générale"),
        "news_health": make_news(title="Brève santé", terms={"themes": ["sante"]}),
        "event": make_event(title="Rencontre à venir"),
        "past_event": make_event(title="Rencontre passée", past=True),
        "document": make_document_page(
            title="Guide national", terms={"territories": ["national"]}
        ),
        "practice": make_practice(
            title="Témoignage jeunes et santé",
            terms={"audiences": ["jeunes"], "themes": ["sante"]},
        ),
    }


def test_letter_gathers_new_items_of_every_kind(make_letter, content):
    letter = make_letter()

    digest = digest_for(letter_items(letter))

    assert _titles(digest) == {
        "une": [],
        "Fiches outils": ["Outil pour les jeunes"],
        "Ressources web": ["Ressource en Isère"],
        "Brèves": ["Brève générale", "Brève santé"],
        "Événements": ["Rencontre à venir"],
        "Documents à télécharger": ["Guide national"],
        "Témoignages": ["Témoignage jeunes et santé"],
    }
    item = digest.sections[0].items[0]
    assert item.summary == "Un outil utile pour l'accompagnement."
    assert item.url == settings.SITE_URL + content["tool"].url


def test_next_letter_starts_where_the_previous_sent_one_ended(
    make_letter, content, make_news
):
    first = make_letter()
    Letter.objects.filter(pk=first.pk).update(status="sent", sent_at=timezone.now())

    later = make_news(title="Brève toute neuve")
    second = make_letter()

    assert second.period_start == first.period_end
    assert [i.title for i in letter_items(second)] == [later.title]


def test_topics_first_or_only(make_letter, content, make_subscriber):
    letter = make_letter()
    letter.items.filter(page=content["event"]).update(featured=True)
    items = letter_items(letter)
    health_first = make_subscriber("sante@exemple.fr", themes=["sante"])
    isere_only = make_subscriber(
        "isere@exemple.fr", territory="isere-38", only_topics=True
    )

    first = _titles(digest_for(items, Topics.of(health_first)))
    only = _titles(digest_for(items, Topics.of(isere_only)))

    assert first["une"] == ["Rencontre à venir"]
    assert first["Brèves"] == ["Brève santé", "Brève générale"]
    assert first["Fiches outils"] == ["Outil pour les jeunes"]
    # A département reads what concerns it, its région and the whole country.
    assert only == {
        "une": [],
        "Ressources web": ["Ressource en Isère"],
        "Documents à télécharger": ["Guide national"],
    }


def test_drafts_and_private_pages_never_reach_a_letter(make_letter, make_tool, home):
    public = make_tool(title="Outil public")
    draft = make_tool(title="Outil dépublié")
    draft.unpublish()
    private = make_tool(title="Outil réservé")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    protected = make_tool(title="Outil protégé par mot de passe")
    PageViewRestriction.objects.create(
        page=protected,
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )

    letter = make_letter()

    assert [i.title for i in letter_items(letter)] == [public.title]

    # A page made private after the letter was built drops out of it.
    letter.items.create(page=private, sort_order=5)
    PageViewRestriction.objects.create(
        page=public, restriction_type=PageViewRestriction.LOGIN
    )
    assert letter_items(letter) == []
