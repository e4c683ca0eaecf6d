"""The results page: type, date, themes, a highlighted snippet, type filter."""

from datetime import UTC, datetime

import pytest
from django.template import Context, Template
from wagtail.models import Page, Site

from diese.search.snippets import highlight, query_stems
from diese.search.views import french_date

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


def test_results_link_to_their_pages_with_their_publication_day(
    client, make_tool, make_news
):
    make_tool(title="Atelier numérique")
    make_news(title="Brève numérique")

    results = client.get("/recherche/?q=numerique").context["results"]

    assert {type(page).__name__ for page in results} == {"ToolPage", "NewsPage"}
    day = Template('{{ moment|date:"j F Y" }}')
    for page in results:
        assert page.link == page.url
        assert page.published == day.render(
            Context({"moment": page.first_published_at})
        )


def test_publication_day_is_the_day_in_france():
    new_year_in_paris = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)

    assert french_date(new_year_in_paris) == "1 janvier 2027"
    assert french_date(datetime(2026, 8, 14, 12, tzinfo=UTC)) == "14 août 2026"


def test_results_link_with_the_domain_when_there_are_several_sites(client, make_tool):
    tool = make_tool(title="Atelier numérique")
    other_root = Page.get_first_root_node().add_child(
        instance=Page(title="Autre site", slug="autre-site")
    )
    Site.objects.create(hostname="autre.example", port=80, root_page=other_root)

    results = client.get("/recherche/?q=numerique").context["results"]

    assert [page.link for page in results] == [tool.url]
    assert tool.url.startswith("http")


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("ŒUVRES", "oeuvre"),
        ("l'Éducation", "education"),
        ("éducatrices", "éducation"),
        ("Ça", "ca"),
        ("Île", "ile"),
        ("yeux", "yeux"),
        ("Âgés", "age"),
    ],
)
def test_snippet_marks_words_whatever_their_case_accents_and_ligatures(typed, query):
    snippet = highlight(f"Avant {typed} après.", query_stems(query))

    word = typed.split("'")[-1]
    assert f"<mark>{word}</mark>" in snippet
    assert snippet.count("<mark>") == 1


def test_snippet_says_a_summary_repeated_in_the_description_once(client, make_tool):
    sentence = "Un jeu de cartes pour parler des métiers."
    make_tool(title="Cartes", summary=sentence, description=f"<p>{sentence}</p>")

    snippet = client.get("/recherche/?q=cartes").context["results"][0].snippet

    assert snippet.count("parler des métiers") == 1
