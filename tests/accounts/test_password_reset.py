from urllib.parse import urlsplit

import pytest

from ..utils import text

RESET_URL = "/compte/mot-de-passe/oubli/"


@pytest.fixture(autouse=True)
def _site(home):
    return home


def test_password_reset_journey_and_reused_link(client, member, smtp):
    response = client.post(RESET_URL, {"email": member.email}, follow=True)
    assert "Consultez votre messagerie" in text(response)
    link = urlsplit(smtp.link_in(member.email)).path

    form_page = client.get(link, follow=True)
    assert "Choisir un nouveau mot de passe" in text(form_page)
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(
        set_url,
        {
            "new_password1": "nouvelle-phrase-2026",
            "new_password2": "nouvelle-phrase-2026",
        },
        follow=True,
    )

    assert "Mot de passe changé" in text(response)
    member.refresh_from_db()
    assert member.check_password("nouvelle-phrase-2026")

    reused = client.get(link, follow=True)
    assert "Ce lien n'est plus valable" in text(reused)


def test_password_change_requires_the_old_one(client, member):
    client.force_login(member)

    response = client.post(
        "/compte/mot-de-passe/modifier/",
        {
            "old_password": "faux",
            "new_password1": "nouvelle-phrase-2026",
            "new_password2": "nouvelle-phrase-2026",
        },
    )

    assert response.status_code == 200
    assert "ancien mot de passe est incorrect" in text(response)
