"""The results page filters by the index pages' facets, with the type filter."""

from ..utils import text
from .helpers import found


def test_facet_filters_narrow_results(client, make_tool, make_news):
    make_tool(title="Outil numérique jeunes", terms={"audiences": ["jeunes"]})
    make_tool(title="Outil numérique femmes", terms={"audiences": ["femmes"]})
    make_news(title="Brève numérique jeunes", terms={"audiences": ["jeunes"]})

    assert sorted(found(client, "numerique", public="jeunes")) == [
        "Brève numérique jeunes",
        "Outil numérique jeunes",
    ]
    assert found(client, "numerique", public="jeunes", type="toolpage") == [
        "Outil numérique jeunes"
    ]


def test_facets_add_up_within_and_narrow_across(client, make_tool):
    make_tool(title="Outil A", terms={"audiences": ["jeunes"], "themes": ["numerique"]})
    make_tool(title="Outil B", terms={"audiences": ["femmes"]})

    assert sorted(found(client, "outil", public=["jeunes", "femmes"])) == [
        "Outil A",
        "Outil B",
    ]
    assert found(client, "outil", public="femmes", theme="numerique") == []


def test_chosen_facet_shows_selected_and_survives_pagination(client, make_tool):
    for n in range(21):
        make_tool(title=f"Outil {n}", terms={"audiences": ["jeunes"]})

    html = text(client.get("/recherche/?q=outil&public=jeunes"))

    assert 'value="jeunes" selected' in html
    assert "public=jeunes" in html.split("Page suivante")[0].rsplit("href=", 1)[1]
