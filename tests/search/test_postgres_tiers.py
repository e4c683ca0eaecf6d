"""The PostgreSQL backend's own SQL: tiers and the capped count."""

import pytest
from django.db import connection

from diese.search.backends import common, postgres
from diese.search.query import plan
from diese.search.views import public_results

from .helpers import found

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL backend only"
)


def test_a_title_match_comes_before_any_body_match(client, make_tool):
    make_tool(
        title="Atelier",
        summary="Le jardinage, le jardinage, encore le jardinage.",
        description="<p>Jardinage partagé, jardinage en pied d'immeuble.</p>",
    )
    make_tool(title="Jardinage", summary="Un texte sans rapport.")

    assert found(client, "jardinage") == ["Jardinage", "Atelier"]


def test_count_stops_past_the_cap_and_pages_still_follow_the_tiers(
    make_tool, monkeypatch
):
    for module in (postgres, common):
        monkeypatch.setattr(module, "COUNT_CAP", 3)
        monkeypatch.setattr(module, "CANDIDATES", 2)
    for n in range(3):
        make_tool(title=f"Autre {n}", summary="Le jardinage.")
    for n in range(3):
        make_tool(title=f"Jardinage {n}", summary="Un texte sans rapport.")

    results = public_results(plan("jardinage").query)

    assert results.count() == 4
    titles = [page.title for page in results[1:5]]
    assert titles[:2] == ["Jardinage 1", "Jardinage 0"]
    assert all(title.startswith("Autre") for title in titles[2:])
