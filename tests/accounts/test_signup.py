import time
from urllib.parse import urlsplit

import pytest

from diese.accounts.models import Organisation, User

from ..factories import PASSWORD, UserFactory
from ..utils import text

SIGNUP_URL = "/compte/inscription/"


def _form(**overrides):
    data = {
        "first_name": "Prénom",
        "last_name": "Nom",
        "email": "Nouvelle.Personne@Exemple.fr",
        "job_title": "Formatrice",
        "organisation_name": "AFPA",
        "organisation_kind": "formation",
        "organisation_territory": "Isère (38)",
        "password1": "une-phrase-de-passe",
        "password2": "une-phrase-de-passe",
        "accept_terms": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def _path(url):
    return urlsplit(url).path


@pytest.fixture(autouse=True)
def _site(home):
    return home


def test_signup_sends_a_confirmation_through_smtp_and_the_link_activates(client, smtp):
    response = client.post(SIGNUP_URL, _form())

    assert response.status_code == 302
    user = User.objects.get(email="nouvelle.personne@exemple.fr")
    assert not user.is_active
    assert user.groups.filter(name="Membre").exists()
    assert user.organisation == Organisation.objects.get(name="AFPA")
    page = text(client.get(response.url))
    assert "nouvelle.personne@exemple.fr" in page

    (message,) = smtp.for_address("nouvelle.personne@exemple.fr")
    assert "Confirmez votre inscription" in message["Subject"]
    link = smtp.link_in("nouvelle.personne@exemple.fr")

    response = client.get(_path(link), follow=True)

    assert response.status_code == 200
    assert "Votre adresse est confirmée" in text(response)
    user.refresh_from_db()
    assert user.is_active
    assert response.context["user"] == user


def test_a_confirmation_link_used_twice_gets_a_clear_page(client, smtp):
    client.post(SIGNUP_URL, _form())
    link = _path(smtp.link_in("nouvelle.personne@exemple.fr"))
    client.get(link)
    client.logout()

    response = client.get(link)

    assert response.status_code == 400
    html = text(response)
    assert "Ce lien a déjà été utilisé" in html
    assert 'href="/compte/connexion/"' in html


def test_an_expired_confirmation_link_gets_a_clear_page(client, smtp, settings):
    settings.DIESE_SIGNUP_LINK_MAX_AGE = 1
    client.post(SIGNUP_URL, _form())
    link = _path(smtp.link_in("nouvelle.personne@exemple.fr"))
    time.sleep(2.1)

    response = client.get(link)

    assert response.status_code == 400
    assert "Ce lien a expiré" in text(response)
    assert not User.objects.get(email="nouvelle.personne@exemple.fr").is_active


def test_a_tampered_link_is_refused(client, smtp):
    client.post(SIGNUP_URL, _form())
    link = _path(smtp.link_in("nouvelle.personne@exemple.fr"))

    response = client.get(link.replace(":", "x", 1).rstrip("/") + "A/")

    assert response.status_code == 400
    assert "Ce lien n'est pas valide" in text(response)


def test_bad_input_is_explained_in_french_and_what_was_typed_is_kept(client):
    response = client.post(
        SIGNUP_URL,
        _form(email="pas-une-adresse", password2="autre-chose", accept_terms=""),
    )

    assert response.status_code == 200
    html = text(response)
    assert "Le formulaire contient des erreurs" in html
    assert "Saisissez une adresse de courriel valide." in html
    assert "Les deux mots de passe ne correspondent pas." in html
    assert "Cochez cette case pour créer votre compte." in html
    assert 'value="pas-une-adresse"' in html
    assert 'value="Formatrice"' in html
    assert 'aria-invalid="true"' in html
    assert not User.objects.exists()


def test_weak_password_is_refused(client):
    response = client.post(
        SIGNUP_URL, _form(password1="12345678901", password2="12345678901")
    )

    assert response.status_code == 200
    assert not User.objects.exists()
    assert "mot de passe" in text(response).lower()


def test_filled_honeypot_is_refused(client):
    response = client.post(SIGNUP_URL, _form(website="http://spam.example"))

    assert response.status_code == 200
    assert not User.objects.exists()


def test_an_address_already_in_use_is_not_revealed_and_its_owner_is_warned(
    client, smtp
):
    owner = UserFactory(email="deja@exemple.fr")

    response = client.post(SIGNUP_URL, _form(email="Deja@exemple.fr"))

    assert response.status_code == 302
    assert User.objects.filter(email="deja@exemple.fr").count() == 1
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)
    (message,) = smtp.for_address("deja@exemple.fr")
    assert "déjà un compte" in message["Subject"]
