"""The agenda and an event in lynx."""

import pytest

from .test_lynx import lynx_dump

pytestmark = [
    pytest.mark.textmode,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_lynx_agenda_lists_an_event_and_its_calendar_feed(live_server, make_event):
    make_event(title="Atelier illettrisme", place="Grenoble")

    dump = lynx_dump(live_server.url + "/agenda/")

    assert "1 événement à venir" in dump
    assert "Atelier illettrisme" in dump
    assert "Grenoble" in dump
    assert "(.ics)" in dump
    assert dump.index("Agenda") < dump.index("Atelier illettrisme")


def test_lynx_event_shows_when_where_and_the_calendar_link(live_server, make_event):
    event = make_event(title="Atelier illettrisme", place="Grenoble")

    dump = lynx_dump(live_server.url + event.url)

    positions = [
        dump.index(label)
        for label in [
            "Atelier illettrisme",
            "Date",
            "Lieu",
            "Organisé par",
            "Ajouter à mon agenda (.ics)",
            "Présentation",
        ]
    ]
    assert positions == sorted(positions)
