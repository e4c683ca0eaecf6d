"""A document page and a testimonial in a real browser, checked by axe."""

import pytest
from playwright.sync_api import expect

from .test_shell_accessibility import _violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_document_page_has_no_axe_violation_and_its_pdf_downloads(
    page, live_server, make_document_page
):
    document_page = make_document_page(
        title="Guide du repérage de l'illettrisme",
        body="<p>Des repères pour les entretiens.</p>",
        terms={"audiences": ["actifs"], "themes": ["lecture-ecriture-calcul"]},
    )
    page.goto(live_server.url + document_page.url)

    expect(
        page.get_by_role("heading", name="Guide du repérage de l'illettrisme", level=1)
    ).to_be_visible()
    link = page.get_by_role("link", name="Télécharger le document (PDF,")
    expect(link).to_be_visible()
    assert _violations(page) == []

    download = page.request.get(live_server.url + link.get_attribute("href"))
    assert download.ok
    assert download.body().startswith(b"%PDF-")


def test_practice_page_has_no_axe_violation(
    page, live_server, make_practice, make_tool
):
    practice = make_practice(
        title="Des ateliers numériques en mission locale",
        results="<p>Trente jeunes accompagnés.</p>",
        lessons="<p>Prévoir le transport.</p>",
        contact="atelier@exemple.fr",
        tools=[make_tool(title="Pix")],
        terms={"audiences": ["jeunes"], "territories": ["creuse-23"]},
    )
    page.goto(live_server.url + practice.url)

    expect(
        page.get_by_role(
            "heading", name="Des ateliers numériques en mission locale", level=1
        )
    ).to_be_visible()
    expect(page.get_by_role("link", name="Pix")).to_be_visible()
    assert _violations(page) == []
