import logging
import re

import pytest
from django.urls import path

from diese.core.navigation import FOOTER_MENU, MAIN_MENU

from ..utils import text

SHELL_PAGES = [
    "/",
    *(link.url for link in MAIN_MENU),
    *(link.url for link in FOOTER_MENU),
    "/proposer/",
    "/lettre/",
    "/recherche/",
    "/recherche/?q=insertion",
    "/compte/connexion/",
    "/compte/connexion/lien/",
    "/compte/inscription/",
    "/compte/mot-de-passe/oubli/",
]

MENU_LABELS = [
    "Outils",
    "Ressources",
    "Actualités",
    "Agenda",
    "Documentation",
    "Témoignages",
    "Échanges",
    "Groupes",
]


def test_main_menu_has_the_sections_in_order():
    assert [link.label for link in MAIN_MENU] == MENU_LABELS


@pytest.mark.parametrize("url", SHELL_PAGES)
def test_shell_page_renders_in_the_layout(client, home, url):
    response = client.get(url)

    assert response.status_code == 200
    html = text(response)
    assert '<html lang="fr">' in html
    first_link = re.search(r"<a [^>]*>([^<]*)</a>", html)
    assert first_link.group(1) == "Aller au contenu"
    assert 'href="#contenu"' in first_link.group(0)
    for landmark in (
        "<header",
        '<nav class="main-nav" aria-label="Menu principal"',
        '<main id="contenu"',
        "<footer",
    ):
        assert landmark in html
    assert html.count("<h1") == 1
    for label in MENU_LABELS:
        assert f">{label}</a>" in html
    for link in FOOTER_MENU:
        assert f'href="{link.url}"' in html


def test_home_page_says_what_the_site_is(client, home):
    html = text(client.get("/"))

    assert "professionnels" in html
    assert 'role="search"' in html
    assert "Dernières publications" in html
    assert "La Lettre" in html


def test_pending_section_says_it_is_not_built_and_is_marked_current(client, home):
    html = text(client.get("/groupes/"))

    assert "en cours de construction" in html
    assert 'href="/groupes/" aria-current="page"' in html


def test_inner_page_has_breadcrumbs(client, home):
    html = text(client.get("/accessibilite/"))

    assert 'aria-label="Fil d\'Ariane"' in html
    assert '<span aria-current="page">Accessibilité</span>' in html


def test_unknown_url_gets_a_friendly_404_in_the_layout(client, home):
    response = client.get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    html = text(response)
    assert "Page introuvable" in html
    assert 'aria-label="Menu principal"' in html


def _boom(request):
    raise RuntimeError("boom for the 500 test")


urlpatterns = [path("boom/", _boom)]


def test_server_error_gets_a_500_page_in_the_layout_and_is_logged(
    client, home, settings, caplog
):
    settings.ROOT_URLCONF = "tests.core.test_shell_pages"
    client.raise_request_exception = False

    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/boom/")

    assert response.status_code == 500
    html = text(response)
    assert "Une erreur est survenue" in html
    assert any("boom" in str(record.exc_info) for record in caplog.records)


# The test URLconf above must still resolve the pages the layout links to.
from diese.urls import urlpatterns as _site_urls  # noqa: E402

urlpatterns += _site_urls
handler500 = "diese.core.views.server_error"
