from urllib.parse import urlsplit

import pytest

from ..factories import PASSWORD, UserFactory
from ..utils import text

LOGIN_URL = "/compte/connexion/"
LINK_URL = "/compte/connexion/lien/"


@pytest.fixture(autouse=True)
def _site(home):
    return home


def test_sign_in_with_password(client, member):
    response = client.post(
        LOGIN_URL, {"username": member.email.upper(), "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == "/compte/"
    assert client.get("/compte/").context["user"] == member


def test_wrong_password_is_explained_and_email_kept(client, member):
    response = client.post(LOGIN_URL, {"username": member.email, "password": "non"})

    assert response.status_code == 200
    html = text(response)
    assert "Adresse e-mail ou mot de passe incorrect" in html
    assert f'value="{member.email}"' in html


def test_unconfirmed_account_is_told_to_confirm(client):
    user = UserFactory(unconfirmed=True)

    response = client.post(LOGIN_URL, {"username": user.email, "password": PASSWORD})

    assert "pas encore confirmé" in text(response)


def test_failed_sign_ins_are_throttled(client, member):
    for _ in range(5):
        client.post(LOGIN_URL, {"username": member.email, "password": "mauvais"})

    response = client.post(LOGIN_URL, {"username": member.email, "password": PASSWORD})

    assert response.status_code == 429
    assert "Connexion suspendue" in text(response)
    assert "_auth_user_id" not in client.session


def test_sign_in_by_one_time_link(client, member, smtp):
    response = client.post(LINK_URL, {"email": member.email})

    assert "Consultez votre messagerie" in text(response)
    link = urlsplit(smtp.link_in(member.email)).path

    # Opening the link (as a mail scanner would) does not sign in yet.
    confirm = client.get(link)
    assert confirm.status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post(link)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)

    client.logout()
    reused = client.post(link)
    assert reused.status_code == 400
    assert "Ce lien a déjà été utilisé" in text(reused)
    assert "_auth_user_id" not in client.session


def test_link_request_for_unknown_address_answers_the_same_and_sends_nothing(
    client, smtp
):
    response = client.post(LINK_URL, {"email": "inconnu@exemple.fr"})

    assert "Si un compte existe pour" in text(response)
    assert smtp.messages == []


def test_link_request_with_invalid_address_keeps_it(client):
    response = client.post(LINK_URL, {"email": "inconnu@"})

    html = text(response)
    assert "Saisissez une adresse de courriel valide." in html
    assert 'value="inconnu@"' in html


def test_expired_sign_in_link_is_refused(client, member, smtp, settings):
    settings.DIESE_LOGIN_LINK_MAX_AGE = -1
    client.post(LINK_URL, {"email": member.email})
    link = urlsplit(smtp.link_in(member.email)).path

    response = client.post(link)

    assert response.status_code == 400
    assert "Ce lien a expiré" in text(response)
    assert "_auth_user_id" not in client.session


def test_link_requests_are_rate_limited(client, member, smtp):
    for _ in range(5):
        client.post(LINK_URL, {"email": member.email})

    response = client.post(LINK_URL, {"email": member.email})

    assert response.status_code == 429
    assert len(smtp.for_address(member.email)) == 5


def test_sign_out_is_a_post(client, member):
    client.force_login(member)

    assert client.get("/compte/deconnexion/").status_code == 405
    client.post("/compte/deconnexion/")
    assert "_auth_user_id" not in client.session
