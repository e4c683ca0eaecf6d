"""The catalogue in a real browser: axe on a filtered list and on a fiche."""

import pytest
from playwright.sync_api import expect

from .test_shell_accessibility import _violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def catalogue(make_tool):
    make_tool(
        title="Jeu des métiers",
        terms={
            "audiences": ["jeunes"],
            "themes": ["choisir-un-metier"],
            "media": ["jeu"],
            "territories": ["isere-38"],
        },
    )
    return make_tool(
        title="Mallette numérique",
        paid=True,
        observations="<p>Pour les groupes.</p>",
        terms={"audiences": ["jeunes", "femmes"], "themes": ["numerique"]},
    )


def test_filtered_tool_list_has_no_axe_violation_and_filters_work(
    page, live_server, catalogue
):
    page.goto(live_server.url + "/outils/")
    page.get_by_label("Jeunes").check()
    page.get_by_label("Payant").check()
    page.get_by_role("button", name="Filtrer").click()

    page.wait_for_url("**/outils/?*")
    expect(page.get_by_role("heading", name="1 résultat")).to_be_visible()
    expect(page.get_by_role("link", name="Mallette numérique")).to_be_visible()
    assert _violations(page) == []

    page.get_by_role("link", name="Coût : Payant").click()
    expect(page.get_by_role("heading", name="2 résultats")).to_be_visible()


def test_fiche_has_no_axe_violation(page, live_server, catalogue):
    page.goto(live_server.url + catalogue.url)

    expect(
        page.get_by_role("heading", name="Mallette numérique", level=1)
    ).to_be_visible()
    assert _violations(page) == []


def test_proposal_form_is_usable_and_has_no_axe_violation(page, live_server, home):
    page.goto(live_server.url + "/ressources/")
    page.get_by_role("link", name="Proposer une ressource").click()
    page.wait_for_url("**/proposer/**")
    assert _violations(page) == []
    page.get_by_label("Nom de l'outil ou du site").fill("Mes droits sociaux")
    page.get_by_label("Lien").fill("pas une adresse")
    page.get_by_role("button", name="Envoyer la proposition").click()

    # The error state is accessible too, and nothing typed is lost.
    expect(page.get_by_text("Saisissez une adresse web complète").first).to_be_visible()
    assert page.get_by_label("Nom de l'outil ou du site").input_value() == (
        "Mes droits sociaux"
    )
    assert _violations(page) == []

    page.get_by_label("Lien").fill("https://www.mesdroitssociaux.gouv.fr/")
    page.get_by_label("Pourquoi est-ce utile ?").fill("Un simulateur des aides.")
    page.get_by_label("Votre adresse e-mail").fill("proposante@exemple.fr")
    page.get_by_role("button", name="Envoyer la proposition").click()
    expect(page.get_by_role("heading", name="Merci !")).to_be_visible()
