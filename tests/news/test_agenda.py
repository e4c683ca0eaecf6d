from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from ..utils import EVERY_FACET, query_counts, text


def titles(response):
    return [event.title for event in response.context["events"]]


def _at(**delta):
    # Whole minutes: iCalendar files keep no fractions of a second.
    return (timezone.now() + timedelta(**delta)).replace(second=0, microsecond=0)


@pytest.fixture
def agenda(make_event):
    return {
        "later": make_event(title="Plus tard", start=_at(days=20)),
        "soon": make_event(title="Bientôt", start=_at(days=2)),
        # Started an hour ago, ends in an hour: still worth going to.
        "now": make_event(title="En ce moment", start=_at(hours=-1)),
        "old": make_event(title="Il y a longtemps", start=_at(days=-60)),
        "recent": make_event(title="La semaine dernière", start=_at(days=-7)),
        "no_end": make_event(
            title="Hier sans heure de fin", start=_at(days=-1), end=None
        ),
    }


def _private(event):
    PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.LOGIN
    )
    return event


def test_agenda_lists_upcoming_events_soonest_first(client, agenda):
    response = client.get("/agenda/")
    html = text(response)

    assert titles(response) == ["En ce moment", "Bientôt", "Plus tard"]
    assert "3 événements à venir" in html
    assert 'href="/agenda/?periode=passes">Voir les événements passés</a>' in html


def test_past_events_are_listed_latest_first(client, agenda):
    response = client.get("/agenda/?periode=passes")
    html = text(response)

    assert titles(response) == [
        "Hier sans heure de fin",
        "La semaine dernière",
        "Il y a longtemps",
    ]
    assert "<h1>Événements passés</h1>" in html
    assert "3 événements passés" in html
    assert '<a href="/agenda/">Agenda</a>' in html  # the breadcrumb back


def test_agenda_announces_its_calendar_feed(client, home):
    html = text(client.get("/agenda/"))

    assert "Aucun événement n'est annoncé pour l'instant" in html
    assert '<a href="/agenda/agenda.ics">' in html
    assert "(.ics)</a>" in html


def test_agenda_is_paginated_and_pages_keep_the_period(client, make_event):
    for n in range(23):
        make_event(title=f"À venir {n:02d}", start=_at(days=n + 1))
        make_event(title=f"Passé {n:02d}", start=_at(days=-n - 1))

    first = client.get("/agenda/")
    second = client.get("/agenda/?page=2")
    past_second = client.get("/agenda/?periode=passes&page=2")

    assert len(titles(first)) == 20
    assert titles(second) == ["À venir 20", "À venir 21", "À venir 22"]
    assert 'href="?page=2" rel="next"' in text(first)
    assert titles(past_second) == ["Passé 20", "Passé 21", "Passé 22"]
    assert 'href="?periode=passes&page=1" rel="prev"' in text(past_second)


def test_drafts_and_private_events_are_not_in_the_agenda(client, make_event):
    make_event(title="Brouillon").unpublish()
    _private(make_event(title="Réservé"))
    make_event(title="Public")

    assert titles(client.get("/agenda/")) == ["Public"]


def _vevents(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {
        str(vevent["summary"]): vevent
        for vevent in Calendar.from_ical(response.content).walk("VEVENT")
    }


def test_calendar_feed_has_upcoming_and_recent_events(client, agenda):
    online = agenda["soon"]
    online.online, online.place = True, ""
    online.save_revision().publish()

    vevents = _vevents(client.get("/agenda/agenda.ics"))

    assert set(vevents) == {
        "En ce moment",
        "Bientôt",
        "Plus tard",
        "La semaine dernière",
        "Hier sans heure de fin",
    }
    later = agenda["later"]
    vevent = vevents["Plus tard"]
    assert vevent.decoded("dtstart") == later.start
    assert vevent.decoded("dtend") == later.end
    assert str(vevent["uid"]) == f"event-{later.pk}@diese"
    assert str(vevent["location"]) == "Grenoble"
    assert str(vevent["url"]) == f"http://testserver{later.url}"
    assert later.summary in str(vevent["description"])
    assert str(vevents["Bientôt"]["location"]) == "En ligne"
    # Without an end, calendar apps get an hour rather than a zero-length event.
    no_end = vevents["Hier sans heure de fin"]
    assert no_end.decoded("dtend") - no_end.decoded("dtstart") == timedelta(hours=1)


def test_one_events_calendar_file(client, make_event):
    event = make_event(title="Atelier", place="Lyon", past=True)

    response = client.get(f"/agenda/{event.pk}.ics")

    (vevent,) = _vevents(response).values()
    assert str(vevent["summary"]) == "Atelier"
    assert vevent.decoded("dtstart") == event.start
    assert str(vevent["location"]) == "Lyon"
    assert str(vevent["url"]) == f"http://testserver{event.url}"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'


def test_drafts_and_private_events_are_not_in_any_calendar_file(client, make_event):
    draft = make_event(title="Brouillon")
    draft.unpublish()
    private = _private(make_event(title="Réservé"))
    make_event(title="Public")

    assert set(_vevents(client.get("/agenda/agenda.ics"))) == {"Public"}
    assert client.get(f"/agenda/{draft.pk}.ics").status_code == 404
    assert client.get(f"/agenda/{private.pk}.ics").status_code == 404
    assert client.get("/agenda/999999.ics").status_code == 404


def test_news_index_query_count_does_not_grow_with_items(client, make_news, make_event):
    def add_news_and_events(n):
        for _ in range(n):
            make_news(terms=EVERY_FACET)
            make_event(terms=EVERY_FACET)

    few, many = query_counts(client, "/actualites/?public=jeunes", add_news_and_events)

    assert many == few <= 30


def test_agenda_query_count_does_not_grow_with_events(client, make_event):
    def add_events(n):
        for _ in range(n):
            make_event()

    few, many = query_counts(client, "/agenda/", add_events)

    assert many == few <= 15
