"""The agenda in a real browser: axe on the list of events and on an event."""

import pytest
from playwright.sync_api import expect

from .test_shell_accessibility import _violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def event(make_event):
    make_event(title="Webinaire RSA", remote=True)
    return make_event(
        title="Atelier illettrisme",
        registration_url="https://inscription.example.org/atelier",
        terms={"audiences": ["actifs"], "themes": ["lecture-ecriture-calcul"]},
    )


def test_agenda_has_no_axe_violation_and_leads_to_the_event(page, live_server, event):
    page.goto(live_server.url + "/agenda/")

    expect(page.get_by_role("heading", name="2 événements à venir")).to_be_visible()
    expect(page.get_by_role("link", name="(.ics)")).to_be_visible()
    assert _violations(page) == []

    page.get_by_role("link", name="Atelier illettrisme").click()
    page.wait_for_url("**" + event.url)
    expect(
        page.get_by_role("heading", name="Atelier illettrisme", level=1)
    ).to_be_visible()


def test_event_page_has_no_axe_violation(page, live_server, event):
    page.goto(live_server.url + event.url)

    expect(page.get_by_role("link", name="Ajouter à mon agenda (.ics)")).to_be_visible()
    expect(page.get_by_role("link", name="S'inscrire à l'événement")).to_be_visible()
    assert _violations(page) == []


def test_news_index_with_events_has_no_axe_violation(
    page, live_server, event, make_news
):
    make_news(title="France Travail remplace Pôle emploi")
    page.goto(live_server.url + "/actualites/")

    expect(page.get_by_role("heading", name="Prochains rendez-vous")).to_be_visible()
    expect(
        page.get_by_role("link", name="France Travail remplace Pôle emploi")
    ).to_be_visible()
    assert _violations(page) == []
