"""The field's acronyms and synonyms: searching one finds the others; the
starting set is there, and Animateurs edit it."""

import pytest
from django.urls import reverse

from diese.search.models import Synonym

from .helpers import found


@pytest.mark.parametrize(
    ("text", "query"),
    [
        pytest.param("Le revenu de solidarité active en 2025", "RSA", id="acronym"),
        pytest.param(
            "Ouvrir ses droits au RSA", "revenu de solidarité active", id="words"
        ),
        pytest.param(
            "Ouvrir ses droits au RSA", '"revenu de solidarite active"', id="phrase"
        ),
        pytest.param(
            "Les SIAE du Nord",
            "structures d'insertion par l'activité économique",
            id="plural",
        ),
        pytest.param("Cours de français langue étrangère", "fle", id="lower-case"),
        pytest.param("Pôle emploi devient France Travail", "pole emploi", id="name"),
    ],
)
def test_synonym_finds_the_other_form(client, make_tool, text, query):
    make_tool(title=text)
    make_tool(title="Mallette de remobilisation")

    # The site's own pages (partners, legal notices) may match too.
    titles = found(client, query)
    assert text in titles
    assert "Mallette de remobilisation" not in titles


def test_synonym_combines_with_other_words(client, make_tool):
    make_tool(title="Le revenu de solidarité active pour les jeunes")
    make_tool(title="Le revenu de solidarité active")

    assert found(client, "RSA jeunes") == [
        "Le revenu de solidarité active pour les jeunes"
    ]


def test_scattered_words_are_not_the_expression(client, make_tool):
    make_tool(title="Un revenu actif, une solidarité entre voisins")

    assert found(client, "RSA") == []


def test_starting_set_has_the_field_acronyms(db):
    terms = set(Synonym.objects.values_list("term", flat=True))

    assert {"RSA", "IAE", "SIAE", "ACI", "FLE", "QPV", "CHRS", "PLIE"} <= terms
    assert {"MDPH", "RQTH", "CIP", "VAE", "CEJ", "ESAT", "SIAO", "CAF"} <= terms
    assert {"CCAS", "AAH", "ASS", "EPIDE", "E2C"} <= terms


def test_a_new_synonym_works_at_once(client, make_tool):
    make_tool(title="Un dispositif pour les décrocheurs")
    assert found(client, "PRIJ") == []

    Synonym.objects.create(term="PRIJ", equivalents="dispositif\nautre chose")

    assert found(client, "PRIJ") == ["Un dispositif pour les décrocheurs"]


@pytest.mark.ignore_template_errors
def test_animator_edits_synonyms_in_the_admin(client, animator):
    client.force_login(animator)
    response = client.post(
        reverse("wagtailsnippets_search_synonym:add"),
        {"term": "PRIJ", "equivalents": "parcours de réussite intégré des jeunes"},
    )

    assert response.status_code == 302
    assert Synonym.objects.filter(term="PRIJ").exists()


@pytest.mark.ignore_template_errors
@pytest.mark.parametrize("role", ["member", "author"])
def test_members_and_authors_cannot_edit_synonyms(db, client, request, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(reverse("wagtailsnippets_search_synonym:add"))

    assert response.status_code in (302, 403)
    assert not Synonym.objects.filter(term="PRIJ").exists()
