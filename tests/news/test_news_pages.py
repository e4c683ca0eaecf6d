from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from diese.news.models import EventPage

from ..utils import text

PARIS = ZoneInfo("Europe/Paris")


def test_breve_shows_its_text_source_and_facets(client, make_news):
    news = make_news(
        title="Le contrat d'engagement jeune",
        summary="Un accompagnement intensif pour les 16-25 ans.",
        body="<p>Quinze à vingt heures par semaine.</p>",
        source="https://www.1jeune1solution.gouv.fr/",
        terms={"audiences": ["jeunes"], "themes": ["trouver-un-emploi"]},
    )

    html = text(client.get(news.url))

    assert "Brève" in html
    assert "<h1>Le contrat d'engagement jeune</h1>" in html
    assert "Un accompagnement intensif pour les 16-25 ans." in html
    assert "Quinze à vingt heures par semaine." in html
    assert 'Source : <a href="https://www.1jeune1solution.gouv.fr/">' in html
    assert 'href="/publics/jeunes/"' in html
    assert "Publié le" in html


def test_event_shows_when_where_who_and_how_to_register(client, make_event):
    event = make_event(
        title="Atelier illettrisme",
        start=datetime(2031, 10, 14, 9, 30, tzinfo=PARIS),
        end=datetime(2031, 10, 14, 12, 0, tzinfo=PARIS),
        place="Grenoble",
        online=True,
        organiser="Collectif des structures d'insertion",
        registration_url="https://inscription.example.org/atelier",
        body="<p>Une matinée de pratique.</p>",
    )

    html = text(client.get(event.url))

    assert "Événement" in html
    assert "Mardi 14 octobre 2031, de 9 h 30 à 12 h" in html
    assert '<time datetime="2031-10-14T09:30:00+02:00">' in html
    assert "Grenoble, et en ligne" in html
    assert "Collectif des structures d'insertion" in html
    assert '<a href="https://inscription.example.org/atelier">' in html
    assert "Une matinée de pratique." in html
    assert f'href="/agenda/{event.pk}.ics">Ajouter à mon agenda (.ics)</a>' in html
    assert "Cet événement est passé" not in html


@pytest.mark.parametrize(
    "start,end,expected",
    [
        (
            datetime(2031, 3, 1, 14, 0, tzinfo=PARIS),
            None,
            "samedi 1er mars 2031 à 14 h",
        ),
        (
            datetime(2031, 3, 4, 9, 0, tzinfo=PARIS),
            datetime(2031, 3, 5, 17, 15, tzinfo=PARIS),
            "du mardi 4 mars 2031 à 9 h au mercredi 5 mars 2031 à 17 h 15",
        ),
        # Stored in UTC, told in Paris time.
        (
            datetime(2031, 7, 1, 22, 30, tzinfo=ZoneInfo("UTC")),
            None,
            "mercredi 2 juillet 2031 à 0 h 30",
        ),
    ],
)
def test_event_dates_read_in_french_and_paris_time(start, end, expected):
    assert EventPage(start=start, end=end).when == expected


def test_online_only_event_says_so_and_a_past_one_is_marked(client, make_event):
    event = make_event(remote=True, past=True)

    html = text(client.get(event.url))

    assert "<dd>En ligne</dd>" in html
    assert "Cet événement est passé." in html


def _event(**kwargs):
    fields = {
        "title": "Rencontre",
        "slug": "rencontre",
        "summary": "x",
        "body": "<p>x</p>",
        "organiser": "x",
        "place": "Lyon",
        "start": datetime(2031, 5, 1, 14, 0, tzinfo=PARIS),
    }
    return EventPage(**(fields | kwargs))


@pytest.mark.parametrize("hours", [0, -2])
def test_an_event_cannot_end_before_it_starts(db, hours):
    event = _event()
    event.end = event.start + timedelta(hours=hours)

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert error.value.message_dict["end"] == [
        "La fin de l'événement doit être après son début."
    ]


def test_the_database_refuses_an_event_ending_before_it_starts(make_event):
    event = make_event()

    with pytest.raises(IntegrityError), transaction.atomic():
        EventPage.objects.filter(pk=event.pk).update(end=F("start") - timedelta(1))


def test_an_event_needs_a_place_or_to_be_online(db):
    with pytest.raises(ValidationError) as error:
        _event(place="", online=False).full_clean()

    assert "Indiquez un lieu" in str(error.value)
    # A page outside the tree has no path yet; the rest must be valid.
    _event(place="", online=True).full_clean(exclude=["path", "depth"])


def test_index_lists_live_public_breves_newest_first_and_never_drafts(
    client, make_news, make_event
):
    from wagtail.models import PageViewRestriction

    make_news(title="Première brève")
    make_news(title="Deuxième brève")
    make_news(title="Brève en brouillon").unpublish()
    private = make_news(title="Brève réservée")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    make_event(title="Rencontre à venir")
    make_event(title="Rencontre en brouillon").unpublish()

    response = client.get("/actualites/")
    html = text(response)

    assert [item.title for item in response.context["items"]] == [
        "Deuxième brève",
        "Première brève",
    ]
    # Events are announced above the brèves, and listed in the agenda.
    assert "Prochains rendez-vous" in html
    assert "Rencontre à venir" in html
    assert 'href="/agenda/">Tout l\'agenda</a>' in html
    for hidden in ["Brève en brouillon", "Brève réservée", "Rencontre en brouillon"]:
        assert hidden not in html


def test_drafts_are_listed_nowhere_else(client, make_news, make_event):
    make_news(title="Brève en brouillon", terms={"audiences": ["jeunes"]}).unpublish()
    make_event(title="Rencontre en brouillon").unpublish()

    for url in ["/", "/publics/jeunes/", "/agenda/", "/agenda/?periode=passes"]:
        html = text(client.get(url))
        assert "en brouillon" not in html, url
