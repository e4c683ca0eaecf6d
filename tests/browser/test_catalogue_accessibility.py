"""The catalogue in a real browser: axe on a filtered list and on a fiche."""

import pytest

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
    assert page.get_by_role("heading", name="1 résultat").is_visible()
    assert page.get_by_role("link", name="Mallette numérique").is_visible()
    assert _violations(page) == []

    page.get_by_role("link", name="Coût : Payant").click()
    assert page.get_by_role("heading", name="2 résultats").is_visible()


def test_fiche_has_no_axe_violation(page, live_server, catalogue):
    page.goto(live_server.url + catalogue.url)

    assert page.get_by_role("heading", name="Mallette numérique", level=1).is_visible()
    assert _violations(page) == []
