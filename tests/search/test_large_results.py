"""The paths that keep searches fast on a large site: counts that stop at a
cap, and rankings computed on the best candidates only when that is enough.
The limits are lowered here so that a handful of pages exercises them."""

import sys

import pytest
from modelsearch.backends import get_search_backend
from wagtail.models import PageViewRestriction

from diese.search import views
from diese.search.backends import common

from ..utils import text
from .helpers import found


@pytest.fixture
def small_limits(monkeypatch):
    # Only the backend of the database in use can be imported.
    backend = get_search_backend()
    for module in (views, common, sys.modules[type(backend).__module__]):
        monkeypatch.setattr(module, "COUNT_CAP", 3, raising=False)
        monkeypatch.setattr(module, "CANDIDATES", 2, raising=False)


def test_count_stops_at_the_cap_and_says_so(client, make_tool, small_limits):
    for number in range(5):
        make_tool(title=f"Atelier mobilité {number}")

    html = text(client.get("/recherche/", {"q": "mobilité"}))

    assert "Plus de 3 résultats pour « mobilité »" in html
    assert "ajoutez un mot ou un filtre" in html
    assert html.count("Atelier mobilité") == 3


def test_a_small_count_is_exact(client, make_tool, small_limits):
    for number in range(2):
        make_tool(title=f"Atelier mobilité {number}")

    html = text(client.get("/recherche/", {"q": "mobilité"}))

    assert "2 résultats pour « mobilité »" in html
    assert "Plus de" not in html


def test_best_candidates_all_private_still_finds_the_public_page(
    client, make_tool, small_limits
):
    # The two best matches (word twice in the title) are private: ranking
    # only the best candidates finds nothing public, and must look further.
    for name in ["A", "B"]:
        private = make_tool(title=f"Mobilité et mobilité {name}")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.LOGIN
        )
    make_tool(title="Mobilité des jeunes, un guide pour les conseillers")

    assert found(client, "mobilité") == [
        "Mobilité des jeunes, un guide pour les conseillers"
    ]


def test_title_matches_come_first_then_the_others_across_pages(
    client, make_tool, small_limits
):
    make_tool(title="Atelier mobilité", summary="Pour les jeunes.")
    make_tool(title="Atelier logement", summary="La mobilité des jeunes.")
    make_tool(title="Atelier santé", summary="Mobilité et santé.")

    titles = found(client, "mobilité")

    assert titles[0] == "Atelier mobilité"
    assert sorted(titles[1:]) == ["Atelier logement", "Atelier santé"]
