"""The home page: the newest items of each section, then the agenda."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from ..utils import text


def test_home_shows_the_newest_items_of_each_section_in_menu_order(
    client, make_tool, make_news, make_document_page
):
    for number in range(1, 5):
        make_tool(title=f"Fiche {number}")
    make_news(title="France Travail remplace Pôle emploi")
    make_document_page(title="Guide du repérage")

    html = text(client.get("/"))

    # Three per section, newest first: the oldest fiche has made way.
    assert "Fiche 4" in html and "Fiche 2" in html and "Fiche 1" not in html
    assert html.index("Fiche 4") < html.index("Fiche 3") < html.index("Fiche 2")
    assert html.index(">Outils</h3>") < html.index(">Actualités</h3>")
    assert html.index(">Actualités</h3>") < html.index(">Documentation</h3>")
    assert 'href="/outils/">Tout voir : Outils</a>' in html
    # Sections with nothing published yet are left out.
    assert ">Témoignages</h3>" not in html


def test_home_announces_upcoming_events_not_past_ones(client, make_news, make_event):
    make_news(title="Une brève")
    soon = timezone.now() + datetime.timedelta(days=3)
    make_event(title="Forum de l'emploi", start=soon)
    past = timezone.now() - datetime.timedelta(days=3)
    make_event(title="Salon passé", start=past)

    html = text(client.get("/"))

    assert "Prochains rendez-vous" in html
    assert "Forum de l'emploi" in html
    assert "Salon passé" not in html


def test_home_never_shows_drafts_or_private_items(client, make_tool):
    make_tool(title="Fiche publique")
    make_tool(title="Fiche en brouillon").unpublish()
    private = make_tool(title="Fiche réservée")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    html = text(client.get("/"))

    assert "Fiche publique" in html
    assert "Fiche en brouillon" not in html
    assert "Fiche réservée" not in html


def test_home_has_one_letter_sign_up_not_two(client, home):
    html = text(client.get("/"))
    other = text(client.get("/a-propos/"))

    assert html.count('action="/lettre/"') == 1
    assert other.count('action="/lettre/"') == 1
