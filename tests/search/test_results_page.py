"""The results page: type, date, themes, a highlighted snippet, type filter."""

from ..utils import EVERY_FACET, query_counts, text


def test_result_shows_type_date_themes_and_highlighted_snippet(client, make_tool):
    make_tool(
        title="Jeu des métiers",
        summary="Un jeu pour découvrir les métiers avec des femmes en reprise.",
        terms={"themes": ["choisir-un-metier"]},
    )

    html = text(client.get("/recherche/?q=femme"))

    assert "Jeu des métiers" in html
    assert "Fiche outil" in html
    assert "publié le" in html
    assert "Choisir un métier" in html
    assert "<mark>femmes</mark>" in html


def test_snippet_comes_from_the_body_when_the_match_is_there(client, make_tool):
    make_tool(
        title="Mallette",
        description="<p>"
        + "Un long texte. " * 40
        + "Utile en chantier d'insertion.</p>",
    )

    html = text(client.get('/recherche/?q="chantier d\'insertion"'))

    assert "<mark>chantier</mark>" in html
    assert "… " in html  # the extract starts near the match, not at the top


def test_type_filter_narrows_and_survives_pagination(client, make_tool, make_news):
    make_tool(title="Outil numérique")
    make_news(title="Brève numérique")

    both = text(client.get("/recherche/?q=numerique"))
    tools_only = text(client.get("/recherche/?q=numerique&type=toolpage"))

    assert "Outil numérique" in both and "Brève numérique" in both
    assert "Outil numérique" in tools_only and "Brève numérique" not in tools_only
    assert 'value="toolpage" checked' in tools_only


def test_snippets_escape_page_text(client, make_tool):
    make_tool(title="Piège", summary="<script>alert('x')</script> insertion")

    html = client.get("/recherche/?q=insertion").content.decode()

    assert "<script>alert" not in html


def test_results_page_query_count_does_not_grow_with_results(client, make_tool):
    def add_tools(n):
        for _ in range(n):
            make_tool(summary="Un outil numérique.", terms=EVERY_FACET)

    few, many = query_counts(client, "/recherche/?q=numerique", add_tools, more=15)

    assert many == few


def test_snippet_holds_only_what_readers_see_not_the_page_address(client, make_tool):
    make_tool(title="Mallette", description="<p>Utile en atelier.</p>")

    response = client.get("/recherche/?q=mallette")
    snippet = response.context["results"][0].snippet

    assert "Utile en atelier." in snippet
    assert "/outils/" not in snippet
