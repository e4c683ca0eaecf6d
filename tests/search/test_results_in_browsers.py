"""The results page in a real browser (axe) and in lynx."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from diese.search.vocabulary import refresh_search_terms

from ..textmode.test_lynx import lynx_dump

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _violations(page):
    results = Axe().run(page)
    return [
        (v["id"], [node["target"] for node in v["nodes"]])
        for v in results.response["violations"]
    ]


@pytest.fixture
def tools(make_tool):
    make_tool(
        title="Lutter contre l'illettrisme",
        summary="Un jeu pour repérer l'illettrisme en entretien.",
    )
    make_tool(title="Des jeux pour apprendre", summary="Jeux de société.")
    refresh_search_terms()


@pytest.mark.browser
def test_results_page_has_no_axe_violation(page, live_server, tools):
    page.goto(live_server.url + "/recherche/?q=illetrisme")

    expect(page.get_by_role("link", name="Lutter contre l'illettrisme")).to_be_visible()
    expect(page.locator("mark").first).to_be_visible()
    assert _violations(page) == []


@pytest.mark.browser
def test_empty_result_page_with_suggestion_has_no_axe_violation(
    page, live_server, tools
):
    page.goto(live_server.url + "/recherche/?q=jeix")

    expect(page.get_by_text("Essayez :")).to_be_visible()
    expect(page.get_by_role("link", name="Proposez-le")).to_be_visible()
    assert _violations(page) == []

    page.get_by_role("link", name="jeux", exact=True).click()
    expect(page.get_by_role("link", name="Des jeux pour apprendre")).to_be_visible()


@pytest.mark.textmode
def test_lynx_shows_results_with_their_snippets(live_server, tools):
    dump = lynx_dump(live_server.url + "/recherche/?q=illettrisme")

    assert "1 résultat pour « illettrisme »" in dump
    assert "Lutter contre l'illettrisme" in dump
    assert "Un jeu pour repérer l'illettrisme en entretien." in dump
