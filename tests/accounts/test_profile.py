import pytest
from django.template import Context, Template

from diese.accounts.models import User
from diese.core.models import StandardPage

from ..factories import PASSWORD
from ..utils import text


@pytest.fixture(autouse=True)
def _site(home):
    return home


def test_profile_needs_sign_in(client):
    response = client.get("/compte/")

    assert response.status_code == 302
    assert response.url.startswith("/compte/connexion/?next=")


def test_profile_shows_the_member_and_their_structure(client, member):
    client.force_login(member)

    html = text(client.get("/compte/"))

    assert member.email in html
    assert member.organisation.name in html
    assert "Membre" in html


def test_profile_edit_saves_and_bad_input_keeps_what_was_typed(client, member):
    client.force_login(member)

    bad = client.post(
        "/compte/modifier/",
        {"first_name": "", "last_name": "Nouveau", "job_title": "Éducatrice"},
    )
    assert bad.status_code == 200
    assert 'value="Nouveau"' in text(bad)

    client.post(
        "/compte/modifier/",
        {
            "first_name": "Prénom",
            "last_name": "Nouveau",
            "job_title": "Éducatrice",
            "organisation_name": "CIDFF",
            "organisation_kind": "association",
            "organisation_territory": "Rhône (69)",
        },
    )
    member.refresh_from_db()
    assert member.last_name == "Nouveau"
    assert member.organisation.name == "CIDFF"


def test_account_deletion_needs_the_password(client, member):
    client.force_login(member)

    response = client.post("/compte/supprimer/", {"password": "faux"})

    assert response.status_code == 200
    assert "Mot de passe incorrect." in text(response)
    assert User.objects.filter(pk=member.pk).exists()


def test_deleted_account_keeps_contributions_shown_as_former_member(
    client, member, home
):
    page = home.add_child(
        instance=StandardPage(title="Un texte du membre", slug="texte", owner=member)
    )
    client.force_login(member)

    response = client.post("/compte/supprimer/", {"password": PASSWORD}, follow=True)

    assert "Votre compte a été supprimé" in text(response)
    assert not User.objects.filter(pk=member.pk).exists()
    page.refresh_from_db()
    assert page.owner is None
    rendered = Template("{% load diese_tags %}{{ page.owner|member_name }}").render(
        Context({"page": page})
    )
    assert rendered == "ancien membre"
